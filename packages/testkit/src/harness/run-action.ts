import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { pushEvent, type EventFixture, type RepositoryRef } from './events.ts';
import { node24 } from './node24.ts';
import { repositoryRoot } from './repository-root.ts';
import { parseAnnotations, type Annotation } from './workflow-commands.ts';
import { parseFileCommand } from './file-command.ts';

export interface RunActionOptions {
  /** `train`, `gate`, `compare` or `package`: runs `actions/<name>/dist/index.js` as declared in its action.yml. */
  action: string;
  /** Inputs by their action.yml names; missing ones get action.yml's defaults, as the runner does. */
  inputs?: Record<string, string>;
  /** GITHUB_WORKSPACE and the working directory. */
  workspace: string;
  repository?: RepositoryRef;
  event?: EventFixture;
  /** The value of `${{ github.token }}` in input defaults. */
  token?: string;
  /** More environment: the testkit services' variables, matrix, and so on. */
  env?: Record<string, string>;
  runId?: number;
  runAttempt?: number;
  runNumber?: number;
  job?: string;
  timeoutMs?: number;
  /** RUNNER_TEMP, shared by the steps of one job (records pass through it); default a fresh folder. */
  runnerTemp?: string;
}

export interface ActionRun {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  outputs: Record<string, string>;
  /** GITHUB_ENV as the step left it. */
  exportedEnv: Record<string, string>;
  state: Record<string, string>;
  summary: string;
  annotations: Annotation[];
  stdout: string;
  stderr: string;
  /** stdout and stderr interleaved in arrival order. */
  log: string;
}

interface ActionMetadata {
  runs?: { using?: string; main?: string };
  inputs?: Record<string, { default?: unknown; required?: boolean }>;
}

/** A step ready to spawn: the command line, its environment, and the file commands it writes. */
export interface PreparedAction {
  command: string;
  args: string[];
  env: Record<string, string>;
  cwd: string;
  /** Empties the file commands, so the step can be spawned again. */
  reset(): Promise<void>;
  /** What the step left in its file commands. */
  read(): Promise<Pick<ActionRun, 'outputs' | 'exportedEnv' | 'state' | 'summary'>>;
  /** Removes the file commands' folder. */
  dispose(): Promise<void>;
}

/**
 * Sets a committed action bundle up exactly as the runner starts it: Node 24, the action's inputs as
 * INPUT_* variables (defaults from action.yml), the file commands (GITHUB_OUTPUT,
 * GITHUB_STEP_SUMMARY, GITHUB_ENV, GITHUB_STATE, GITHUB_PATH) and an event payload.
 */
export async function prepareAction(options: RunActionOptions): Promise<PreparedAction> {
  const actionDir = join(repositoryRoot(), 'actions', options.action);
  const metadata = parseYaml(await readFile(join(actionDir, 'action.yml'), 'utf8')) as ActionMetadata;
  if (metadata.runs?.using !== 'node24') throw new Error(`actions/${options.action} does not run on node24`);
  const main = metadata.runs.main;
  if (main === undefined) throw new Error(`actions/${options.action}/action.yml has no runs.main`);
  for (const name of Object.keys(options.inputs ?? {})) {
    if (!(name in (metadata.inputs ?? {}))) throw new Error(`actions/${options.action} has no input "${name}"`);
  }

  const files = await mkdtemp(join(tmpdir(), `ml-actions-${options.action}-`));
  const paths = {
    output: join(files, 'output'),
    summary: join(files, 'summary'),
    env: join(files, 'env'),
    state: join(files, 'state'),
    path: join(files, 'path'),
    event: join(files, 'event.json'),
    temp: join(files, 'runner-temp'),
  };
  const reset = async () => {
    await Promise.all(
      [paths.output, paths.summary, paths.env, paths.state, paths.path].map((file) => writeFile(file, '')),
    );
  };
  await reset();
  const repository = options.repository ?? { owner: 'octo-org', repo: 'churn' };
  // Without an event, a push of GITHUB_SHA (if given) to main, as the runner would describe it.
  const event =
    options.event ??
    pushEvent(repository, { sha: options.env?.['GITHUB_SHA'] ?? '0'.repeat(40), before: '0'.repeat(40) });
  await writeFile(paths.event, JSON.stringify(event.payload));
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '/usr/bin:/bin',
    HOME: process.env['HOME'] ?? files,
    LANG: 'C.UTF-8',
    NO_PROXY: '127.0.0.1,localhost',
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: `${repository.owner}/${repository.repo}`,
    GITHUB_REPOSITORY_OWNER: repository.owner,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.com',
    GITHUB_EVENT_NAME: event.name,
    GITHUB_EVENT_PATH: paths.event,
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_WORKFLOW: 'ml',
    GITHUB_WORKFLOW_REF: `${repository.owner}/${repository.repo}/.github/workflows/ml.yml@refs/heads/main`,
    GITHUB_RUN_ID: String(options.runId ?? 1001),
    GITHUB_RUN_ATTEMPT: String(options.runAttempt ?? 1),
    GITHUB_RUN_NUMBER: String(options.runNumber ?? 1),
    GITHUB_JOB: options.job ?? 'train',
    GITHUB_ACTION: options.action,
    GITHUB_ACTION_PATH: actionDir,
    GITHUB_ACTOR: 'octo-dev',
    GITHUB_OUTPUT: paths.output,
    GITHUB_STEP_SUMMARY: paths.summary,
    GITHUB_ENV: paths.env,
    GITHUB_STATE: paths.state,
    GITHUB_PATH: paths.path,
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_TEMP: options.runnerTemp ?? paths.temp,
    ...options.event?.env,
    ...options.env,
  };
  for (const [name, spec] of Object.entries(metadata.inputs ?? {})) {
    env[inputVariable(name)] = options.inputs?.[name] ?? defaultValue(spec.default, options.token ?? '');
  }
  return {
    command: node24(),
    args: [join(actionDir, main)],
    env,
    cwd: options.workspace,
    reset,
    async read() {
      const [output, summary, exportedEnv, state] = await Promise.all([
        readFile(paths.output, 'utf8'),
        readFile(paths.summary, 'utf8'),
        readFile(paths.env, 'utf8'),
        readFile(paths.state, 'utf8'),
      ]);
      return {
        outputs: parseFileCommand(output),
        exportedEnv: parseFileCommand(exportedEnv),
        state: parseFileCommand(state),
        summary,
      };
    },
    dispose: () => rm(files, { recursive: true, force: true }),
  };
}

/** Runs a committed action bundle exactly as the runner does (see prepareAction) and reads back what it wrote. */
export async function runAction(options: RunActionOptions): Promise<ActionRun> {
  const step = await prepareAction(options);
  try {
    const run = await spawnStep(step.command, step.args, step.cwd, step.env, options.timeoutMs ?? 120_000);
    return { ...run, ...(await step.read()), annotations: parseAnnotations(run.stdout) };
  } finally {
    await step.dispose();
  }
}

/** The variable the runner sets for an input: spaces become `_`, letters upper case, hyphens kept. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

function defaultValue(value: unknown, token: string): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
    throw new Error(`unsupported input default: ${JSON.stringify(value)}`);
  }
  const text = String(value);
  // The only expression our action.yml defaults use; anything else would need a real runner.
  const replaced = text.replace(/\$\{\{\s*github\.token\s*\}\}/g, token);
  if (replaced.includes('${{')) throw new Error(`unsupported expression in an input default: ${text}`);
  return replaced;
}

function spawnStep(
  command: string,
  args: string[],
  cwd: string,
  env: Record<string, string>,
  timeoutMs: number,
): Promise<Pick<ActionRun, 'exitCode' | 'signal' | 'stdout' | 'stderr' | 'log'>> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let log = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      log += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      log += chunk;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      resolve({ exitCode, signal, stdout, stderr, log });
    });
  });
}
