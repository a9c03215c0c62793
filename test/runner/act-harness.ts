/**
 * What the runner tests share: act itself (built by npm run peers), the repository under test as a
 * local git repository, act's command line against the testkit, and event payloads written as
 * GitHub writes them. See example-workflows.test.ts for where act differs from GitHub. With
 * ACT_LOG_DIR set, each run's log is kept there.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { parse } from 'yaml';
import { actPath, node24, repositoryRoot, type LocalGitHub } from '@ml-actions/testkit';

export const ACT = process.env['ACT_PATH'] ?? actPath();
const inCi = (process.env['CI'] ?? '') !== '' && process.env['CI'] !== 'false';
/** Without act the runner tests fail in CI and are skipped with a notice elsewhere. */
export const actMissing = !existsSync(ACT) && !inCi;
if (actMissing)
  console.warn(`NOTICE: the runner tests are skipped: act is not built at ${ACT} (npm run peers builds it)`);

export const REPO = 'octo-org/churn';
export const FORK = 'outsider/churn';
const STAND_INS = join(repositoryRoot(), 'test', 'runner', 'stand-ins');
const REMOTE_ACTIONS = ['checkout@v4', 'setup-python@v5', 'upload-artifact@v4', 'download-artifact@v4', 'attest@v2'];

/** The repository payload GitHub puts in events. */
export function repositoryPayload(fullName: string): Record<string, unknown> {
  const [owner = '', name = ''] = fullName.split('/');
  return { full_name: fullName, name, owner: { login: owner }, default_branch: 'main', fork: fullName !== REPO };
}

/** The repository under test: a local git repository act runs in. */
export interface TestRepository {
  folder: string;
  git(...args: string[]): string;
  /** Commits every change with this message; answers the new commit's sha. */
  commit(message: string): string;
  /** Rewrites one file of the working tree. */
  edit(path: string, change: (text: string) => string): Promise<void>;
  /** Removes the repository's folder. */
  remove(): Promise<void>;
}

/**
 * A copy of our workflows, our actions' metadata and bundles and the example project, as one git
 * commit on main; `rewrites` change copied files first (the caller says why).
 */
export async function testRepository(
  rewrites: Record<string, (text: string) => string> = {},
): Promise<TestRepository & { sha: string }> {
  const folder = await mkdtemp(join(tmpdir(), 'act-repository-'));
  const root = repositoryRoot();
  for (const path of ['actions', 'examples', '.github/workflows']) {
    await cp(join(root, path), join(folder, path), {
      recursive: true,
      filter: (source) => !/\/(src|node_modules|out)(\/|$)/.test(source.slice(root.length)),
    });
  }
  const git = (...args: string[]) => execFileSync('git', args, { cwd: folder, encoding: 'utf8' }).trim();
  const repository: TestRepository = {
    folder,
    git,
    commit(message) {
      git('add', '-A');
      git('-c', 'user.email=dev@example.test', '-c', 'user.name=dev', 'commit', '-qm', message);
      return git('rev-parse', 'HEAD');
    },
    async edit(path, change) {
      const file = join(folder, path);
      await writeFile(file, change(await readFile(file, 'utf8')));
    },
    remove: () => rm(folder, { recursive: true, force: true }),
  };
  for (const [path, change] of Object.entries(rewrites)) await repository.edit(path, change);
  git('init', '-q', '-b', 'main');
  git('remote', 'add', 'origin', `https://github.com/${REPO}.git`);
  return { ...repository, sha: repository.commit('Add the churn model') };
}

/**
 * Makes the repository's workflow files known to the REST stand-in, each with the inputs its
 * `workflow_dispatch` trigger declares, so dispatches are refused as GitHub refuses them.
 */
export async function registerWorkflows(github: LocalGitHub, repository: TestRepository): Promise<void> {
  const folder = join(repository.folder, '.github', 'workflows');
  for (const file of (await readdir(folder)).filter((name) => name.endsWith('.yml'))) {
    const workflow = parse(await readFile(join(folder, file), 'utf8')) as {
      name?: string;
      on?: { workflow_dispatch?: { inputs?: Record<string, unknown> } | null };
    };
    const on = workflow.on ?? {};
    github.api.state.addWorkflow(REPO, {
      path: `.github/workflows/${file}`,
      ...(workflow.name === undefined ? {} : { name: workflow.name }),
      ...('workflow_dispatch' in on ? { dispatchInputs: Object.keys(on.workflow_dispatch?.inputs ?? {}) } : {}),
    });
  }
}

export interface ActRun {
  code: number | null;
  log: string;
}

export interface ActOptions {
  /** The event's name (act's first argument) and its payload, written to a file for `-e`. */
  event: string;
  payload: Record<string, unknown>;
  workflow: string;
  /** The job's GITHUB_TOKEN (the local GitHub's write token unless given). */
  token?: string;
  /** The testkit's environment of the workflow run (startRun's env). */
  env: Record<string, string>;
}

/**
 * Runs act on one workflow of the repository under test; answers its exit code and log. The event
 * file and the folder upload-artifact's stand-in keeps between the run's jobs last as long as the run.
 */
export async function act(github: LocalGitHub, repository: TestRepository, options: ActOptions): Promise<ActRun> {
  const artifacts = await mkdtemp(join(tmpdir(), 'act-artifacts-'));
  try {
    const eventFile = join(artifacts, `${options.event}.json`);
    await writeFile(eventFile, JSON.stringify(options.payload));
    const env: Record<string, string> = {
      ...options.env,
      GITHUB_REPOSITORY: REPO,
      ACT_SOURCE: repository.folder,
      ACT_ARTIFACTS: artifacts,
      NO_PROXY: '127.0.0.1,localhost',
    };
    const argv = [
      options.event,
      '-W',
      options.workflow,
      '-e',
      eventFile,
      '-P',
      'ubuntu-latest=-self-hosted',
      '--concurrent-jobs',
      '1',
      ...REMOTE_ACTIONS.flatMap((action) => [
        '--local-repository',
        `actions/${action}=${join(STAND_INS, action.split('@')[0]!)}`,
      ]),
      '-s',
      `GITHUB_TOKEN=${options.token ?? github.token}`,
      ...Object.entries(env).flatMap(([name, value]) => ['--env', `${name}=${value}`]),
    ];
    const run = await new Promise<ActRun>((resolve) => {
      // act runs JavaScript actions with the node it finds first on PATH. It is spawned, not run
      // with spawnSync: the stand-ins it talks to are served by this process's event loop.
      const child = spawn(ACT, argv, {
        cwd: repository.folder,
        env: { ...process.env, PATH: `${dirname(node24())}:${process.env['PATH'] ?? ''}` },
      });
      let log = '';
      child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
      const timer = setTimeout(() => child.kill('SIGKILL'), 400_000);
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code, log });
      });
    });
    const keep = process.env['ACT_LOG_DIR'];
    if (keep !== undefined)
      await writeFile(join(keep, `${basename(options.workflow)}-${options.event}-${Date.now()}.log`), run.log);
    return run;
  } finally {
    await rm(artifacts, { recursive: true, force: true });
  }
}

/** The jobs act reports as succeeded, by name (`report`, `train-1`). */
export function succeededJobs(log: string, workflow: string): string[] {
  const jobs = new Set<string>();
  for (const match of log.matchAll(new RegExp(`\\[${workflow}/([^\\]]+?)\\s*\\] 🏁 {2}Job succeeded`, 'g')))
    jobs.add(match[1]!);
  return [...jobs].sort();
}

/** The steps act reports as failed, as `job: step`. */
export function failedSteps(log: string, workflow: string): string[] {
  const steps: string[] = [];
  for (const match of log.matchAll(new RegExp(`\\[${workflow}/([^\\]]+?)\\s*\\]\\s+❌ {2}Failure - Main (.+)`, 'g')))
    steps.push(`${match[1]!}: ${match[2]!.replace(/ \[[0-9.]+m?s\]$/, '').trim()}`);
  return steps;
}
