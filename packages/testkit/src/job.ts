import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventFixture } from './harness/events.ts';
import { runAction, type ActionRun } from './harness/run-action.ts';
import type { LocalGitHub } from './local-github.ts';

/** One job of a workflow run: its steps share the event, the run's environment and RUNNER_TEMP. */
export interface Job {
  runId: number;
  /** Runs one action as a step of this job. */
  step(action: string, inputs?: Record<string, string>, env?: Record<string, string>): Promise<ActionRun>;
  /** Marks the run completed (as GitHub does when the job ends) and removes RUNNER_TEMP. */
  finish(conclusion?: 'success' | 'failure'): Promise<void>;
}

export interface JobOptions {
  event: EventFixture;
  /** The commit the run is for (a pull request's head commit). */
  headSha: string;
  headBranch: string;
  workspace: string;
  job?: string;
  /** The token steps get as `${{ github.token }}`; default the repository's write token. */
  token?: string;
  pullRequests?: number[];
}

/** Starts a workflow run with one job in the local services. */
export async function startJob(github: LocalGitHub, options: JobOptions): Promise<Job> {
  const job = options.job ?? 'train';
  const { runId, env } = github.startRun({
    headSha: options.headSha,
    headBranch: options.headBranch,
    event: options.event.name,
    job,
    ...(options.pullRequests === undefined ? {} : { pullRequests: options.pullRequests }),
  });
  const runnerTemp = await mkdtemp(join(tmpdir(), `runner-temp-${runId}-`));
  return {
    runId,
    step: (action, inputs = {}, extraEnv = {}) =>
      runAction({
        action,
        workspace: options.workspace,
        inputs,
        env: { ...env, ...extraEnv },
        runId,
        job,
        event: options.event,
        token: options.token ?? github.token,
        runnerTemp,
        repository: github.repository,
      }),
    async finish(conclusion = 'success') {
      const run = github.api.state.workflowRun(runId);
      if (run !== undefined) {
        run.status = 'completed';
        run.conclusion = conclusion;
      }
      await rm(runnerTemp, { recursive: true, force: true });
    },
  };
}
