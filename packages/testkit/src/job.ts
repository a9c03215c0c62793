import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventFixture } from './harness/events.ts';
import { runAction, type ActionRun } from './harness/run-action.ts';
import type { LocalGitHub } from './local-github.ts';

/** One job of a workflow run: its steps share the event, the run's environment and RUNNER_TEMP. */
export interface Job {
  runId: number;
  /** 1 for the first attempt, then one more for each re-run. */
  runAttempt: number;
  /** Runs one action as a step of this job. */
  step(action: string, inputs?: Record<string, string>, env?: Record<string, string>): Promise<ActionRun>;
  /** Marks the run completed (as GitHub does when the job ends) and removes RUNNER_TEMP. */
  finish(conclusion?: 'success' | 'failure', options?: { runCompleted: boolean }): Promise<void>;
  /**
   * Re-runs the job, as "Re-run jobs" does: the same workflow run (id, event, artifacts of earlier
   * attempts) with GITHUB_RUN_ATTEMPT one higher and a fresh RUNNER_TEMP.
   */
  rerun(): Promise<Job>;
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

/** A workflow run of several jobs, as a matrix and the report job that `needs:` it make one. */
export interface Workflow {
  runId: number;
  /**
   * Starts one job of the run, listed as GitHub lists it (`train (1)` for a leg with matrix
   * `{ seed: 1 }`); its `finish(conclusion)` completes that job, not the run.
   */
  job(name: string, matrix?: Record<string, string | number>): Promise<Job>;
  /** Marks the run completed. */
  finish(conclusion?: 'success' | 'failure'): Promise<void>;
}

/** Starts a workflow run whose jobs are started one by one (see Workflow.job). */
export function startWorkflow(github: LocalGitHub, options: Omit<JobOptions, 'job'>): Workflow {
  const { runId } = github.startRun({
    headSha: options.headSha,
    headBranch: options.headBranch,
    event: options.event.name,
    ...(options.pullRequests === undefined ? {} : { pullRequests: options.pullRequests }),
  });
  return {
    runId,
    async job(name, matrix) {
      const values = Object.values(matrix ?? {});
      const displayName = values.length === 0 ? name : `${name} (${values.join(', ')})`;
      const listed = github.api.state.addWorkflowJob(runId, { name: displayName, status: 'in_progress' });
      const job = await jobAttempt(
        github,
        { ...options, job: name },
        {
          runId,
          env: github.jobEnv(runId, `${name}-${listed.id}`),
          job: name,
          runAttempt: 1,
        },
      );
      return {
        ...job,
        async finish(conclusion = 'success') {
          listed.status = 'completed';
          listed.conclusion = conclusion;
          listed.completedAt = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
          await job.finish(conclusion, { runCompleted: false });
        },
      };
    },
    finish(conclusion = 'success') {
      const run = github.api.state.workflowRun(runId);
      if (run !== undefined) {
        run.status = 'completed';
        run.conclusion = conclusion;
      }
      return Promise.resolve();
    },
  };
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
  return jobAttempt(github, options, { runId, env, job, runAttempt: 1 });
}

async function jobAttempt(
  github: LocalGitHub,
  options: JobOptions,
  attempt: { runId: number; env: Record<string, string>; job: string; runAttempt: number },
): Promise<Job> {
  const { runId, env, job, runAttempt } = attempt;
  const runnerTemp = await mkdtemp(join(tmpdir(), `runner-temp-${runId}-${runAttempt}-`));
  return {
    runId,
    runAttempt,
    step: (action, inputs = {}, extraEnv = {}) =>
      runAction({
        action,
        workspace: options.workspace,
        inputs,
        env: { ...env, ...extraEnv },
        runId,
        runAttempt,
        job,
        event: options.event,
        token: options.token ?? github.token,
        runnerTemp,
        repository: github.repository,
      }),
    async finish(conclusion = 'success', { runCompleted } = { runCompleted: true }) {
      const run = github.api.state.workflowRun(runId);
      if (run !== undefined && runCompleted) {
        run.status = 'completed';
        run.conclusion = conclusion;
      }
      await rm(runnerTemp, { recursive: true, force: true });
    },
    async rerun() {
      const run = github.api.state.workflowRun(runId);
      if (run !== undefined) {
        run.status = 'in_progress';
        run.conclusion = null;
        run.runAttempt = runAttempt + 1;
      }
      return jobAttempt(github, options, { ...attempt, runAttempt: runAttempt + 1 });
    },
  };
}
