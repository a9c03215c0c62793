import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  pullRequestEvent,
  pushEvent,
  startJob,
  startLocalGitHub,
  workflowRunEvent,
  type ActionRun,
  type CommentRecord,
  type Job,
  type LocalGitHub,
} from '@ml-actions/testkit';

/** The seeded repository of every reliability test. */
export const REPO = 'octo-org/churn';

/**
 * Makes the bundles' Octokit wait milliseconds instead of seconds between retries (5xx back-off,
 * Retry-After, rate-limit resets): read once by each action's GitHub client.
 */
export const FAST_RETRIES: Record<string, string> = { ML_ACTIONS_RETRY_WAIT_SCALE: '0.001' };

/** A job whose steps always get FAST_RETRIES (plus whatever a step adds). */
export interface FastJob extends Job {
  step(action: string, inputs?: Record<string, string>, env?: Record<string, string>): Promise<ActionRun>;
  rerun(): Promise<FastJob>;
}

export interface PullOptions {
  fork?: boolean;
  token?: string;
  headRef?: string;
  title?: string;
}

/**
 * One set of local services for a whole test file, with helpers for the two events the actions
 * meet: a push to main (which leaves a baseline record) and a pull request off main's head.
 */
export class Lab {
  readonly github: LocalGitHub;
  mainSha: string;
  private readonly folders: string[] = [];
  private nextPull = 1;

  private constructor(github: LocalGitHub) {
    this.github = github;
    this.mainSha = github.api.state.addCommit(REPO, { branch: 'main', message: 'initial' }).sha;
  }

  /** Starts the REST stand-in, Azurite and the artifact service. */
  static async start(): Promise<Lab> {
    return new Lab(await startLocalGitHub());
  }

  /** A fresh workspace holding `files` (paths relative to it). */
  async workspace(files: Record<string, string | Uint8Array> = {}): Promise<string> {
    const root = await this.folder('reliability-workspace-');
    for (const [path, content] of Object.entries(files)) {
      await mkdir(join(root, path, '..'), { recursive: true });
      await writeFile(join(root, path), content);
    }
    return root;
  }

  /** A temporary folder removed when the lab closes. */
  async folder(prefix: string): Promise<string> {
    const folder = await mkdtemp(join(tmpdir(), prefix));
    this.folders.push(folder);
    return folder;
  }

  /** A job of a push to main at a new commit; `finish` it to complete the run. */
  async pushJob(workspace: string, options: { token?: string } = {}): Promise<FastJob & { sha: string }> {
    const sha = this.github.api.state.addCommit(REPO, { branch: 'main', message: 'main' }).sha;
    const job = await startJob(this.github, {
      event: pushEvent(this.github.repository, { sha, before: this.mainSha }),
      headSha: sha,
      headBranch: 'main',
      workspace,
      ...(options.token === undefined ? {} : { token: options.token }),
    });
    this.mainSha = sha;
    return { ...fast(job), sha };
  }

  /** A pull request off main's head, and a job of its `pull_request` run. */
  async pullJob(
    workspace: string,
    options: PullOptions = {},
  ): Promise<{ number: number; headSha: string; headRef: string; job: FastJob }> {
    const number = this.nextPull++;
    const headRef = options.headRef ?? `feature-${number}`;
    const headSha = this.github.api.state.addCommit(REPO, { parents: [this.mainSha], message: `pr ${number}` }).sha;
    this.github.api.state.addPull(REPO, {
      number,
      head: { ref: headRef, sha: headSha },
      base: { ref: 'main' },
      ...(options.title === undefined ? {} : { title: options.title }),
    });
    const job = await startJob(this.github, {
      event: pullRequestEvent(this.github.repository, {
        number,
        headSha,
        baseSha: this.mainSha,
        headRef,
        fork: options.fork ?? false,
        ...(options.title === undefined ? {} : { title: options.title }),
      }),
      headSha,
      headBranch: headRef,
      workspace,
      ...(options.token === undefined ? {} : { token: options.token }),
    });
    return { number, headSha, headRef, job: fast(job) };
  }

  /** A fork's pull request whose job trained `metrics.json` holding `metrics`; the job stays open for more steps. */
  async forkPull(workspace: string, metrics: Record<string, number>, token: string) {
    await writeFile(join(workspace, 'metrics.json'), JSON.stringify(metrics));
    const pull = await this.pullJob(workspace, { fork: true, token });
    const train = await pull.job.step('train', { metrics: 'metrics.json' });
    if (train.exitCode !== 0) throw new Error(`training on the fork failed:\n${train.log}`);
    return { ...pull, record: train.outputs['record'] ?? '' };
  }

  /** Trains `metrics.json` holding `metrics` on a new main commit: the baseline of later pull requests. */
  async trainOnMain(workspace: string, metrics: Record<string, number>): Promise<string> {
    await writeFile(join(workspace, 'metrics.json'), JSON.stringify(metrics));
    const job = await this.pushJob(workspace);
    const train = await job.step('train', { metrics: 'metrics.json' });
    if (train.exitCode !== 0) throw new Error(`training on main failed:\n${train.log}`);
    await job.finish();
    return job.sha;
  }

  /**
   * A job of the trusted second stage: a `workflow_run` workflow on main, run when the pull
   * request's run `trigger` completed.
   */
  async publishJob(
    trigger: { runId: number; headSha: string; headRef: string; pullRequests?: number[] },
    workspace: string,
    options: { token?: string } = {},
  ): Promise<FastJob> {
    const job = await startJob(this.github, {
      event: workflowRunEvent(this.github.repository, {
        runId: trigger.runId,
        headSha: trigger.headSha,
        headBranch: trigger.headRef,
        ...(trigger.pullRequests === undefined ? {} : { pullRequests: trigger.pullRequests }),
      }),
      headSha: this.mainSha,
      headBranch: 'main',
      workspace,
      job: 'publish',
      ...(options.token === undefined ? {} : { token: options.token }),
    });
    return fast(job);
  }

  /** Runs compare in publish mode for the pull request's run `trigger`, in a job of its own. */
  async publish(
    trigger: { runId: number; headSha: string; headRef: string; pullRequests?: number[] },
    workspace: string,
    inputs: Record<string, string> = {},
  ): Promise<ActionRun> {
    const job = await this.publishJob(trigger, workspace);
    const run = await job.step('compare', { mode: 'publish', ...inputs });
    await job.finish();
    return run;
  }

  /** Comments on a pull request that carry compare's marker for `key`. */
  compareComments(number: number, key = 'ml'): CommentRecord[] {
    return this.github.api.state
      .comments(REPO, number)
      .filter((c) => c.body.includes(`<!-- ml-actions:compare:${key} -->`));
  }

  /** Check runs on a commit. */
  checkRuns(headSha: string) {
    return this.github.api.state.checkRuns(REPO).filter((check) => check.headSha === headSha);
  }

  async close(): Promise<void> {
    await this.github.close();
    for (const folder of this.folders) await rm(folder, { recursive: true, force: true });
  }
}

function fast(job: Job): FastJob {
  return {
    runId: job.runId,
    runAttempt: job.runAttempt,
    finish: (conclusion) => job.finish(conclusion),
    step: (action, inputs = {}, env = {}) => job.step(action, inputs, { ...FAST_RETRIES, ...env }),
    rerun: async () => fast(await job.rerun()),
  };
}
