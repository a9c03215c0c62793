/**
 * One action step set up by testkit's `prepareAction` (Node 24, INPUT_* variables with action.yml's
 * defaults, the file commands, an event payload), but spawned by the benchmark itself, so that only
 * the child is timed and its peak RSS can be measured.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { prepareAction, pushEvent, repositoryRoot, type EventFixture, type RepositoryRef } from '@ml-actions/testkit';
import { runChild, type ChildResult } from './measure.ts';

export interface StepSpec {
  /** `train`, `gate`, `compare` or `package`. */
  action: string;
  inputs: Record<string, string>;
  workspace: string;
  /** `${{ github.token }}`; empty by default, as no benchmark step but package talks to GitHub. */
  token?: string;
  event?: EventFixture;
  repository?: RepositoryRef;
  /** More environment: the local services' variables. */
  env?: Record<string, string>;
  runId?: number;
}

export interface PreparedStep {
  /** Node 24, then the bundle: what to spawn. */
  command: string;
  args: string[];
  env: Record<string, string>;
  cwd: string;
  /** Runs the step once; with `rss`, also measures its peak RSS. */
  run(options?: { rss?: boolean }): Promise<ChildResult>;
  /** GITHUB_OUTPUT as the last run left it. */
  outputs(): Promise<Record<string, string>>;
  /** Removes the file-command folder. */
  dispose(): Promise<void>;
}

/** The bundle an action's action.yml runs. */
export async function bundlePath(action: string): Promise<string> {
  const folder = join(repositoryRoot(), 'actions', action);
  const metadata = parseYaml(await readFile(join(folder, 'action.yml'), 'utf8')) as { runs?: { main?: string } };
  if (metadata.runs?.main === undefined) throw new Error(`actions/${action}/action.yml names no bundle`);
  return join(folder, metadata.runs.main);
}

/** Sets up the environment of one step; the caller spawns it as often as it likes. */
export async function prepareStep(spec: StepSpec): Promise<PreparedStep> {
  const repository = spec.repository ?? { owner: 'octo-org', repo: 'churn' };
  const step = await prepareAction({
    action: spec.action,
    inputs: spec.inputs,
    workspace: spec.workspace,
    repository,
    event: spec.event ?? pushEvent(repository, { sha: 'a'.repeat(40), before: '0'.repeat(40) }),
    token: spec.token ?? '',
    ...(spec.env === undefined ? {} : { env: spec.env }),
    ...(spec.runId === undefined ? {} : { runId: spec.runId }),
  });
  return {
    command: step.command,
    args: step.args,
    env: step.env,
    cwd: step.cwd,
    async run(options = {}) {
      await step.reset();
      return runChild(step.command, step.args, { env: step.env, cwd: step.cwd, rss: options.rss ?? false });
    },
    async outputs() {
      return (await step.read()).outputs;
    },
    dispose: () => step.dispose(),
  };
}
