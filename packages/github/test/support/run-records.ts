import { serializeRunRecord, type RunRecord } from '@ml-actions/core';
import { writeTestZip } from '@ml-actions/testkit';
import type { ActionContext } from '../../src/action-context.ts';
import { FULL_NAME, OWNER, REPO } from './local-repository.ts';

/** A valid record of experiment `train` made by a push to main at `sha`; `changes` overrides fields. */
export function mainRecord(
  sha: string,
  runId: number,
  accuracy: number,
  changes: { experiment?: string; runId?: string; provenance?: Partial<RunRecord['provenance']> } = {},
): RunRecord {
  return {
    schema: 'ml-actions/run-record',
    version: 1,
    runId: changes.runId ?? `${runId}-1-train`,
    experiment: changes.experiment ?? 'train',
    attempt: 1,
    provenance: {
      repository: FULL_NAME,
      serverUrl: 'https://github.com',
      sha,
      ref: 'refs/heads/main',
      branch: 'main',
      event: 'push',
      workflow: 'ml',
      workflowRunId: runId,
      runAttempt: 1,
      runNumber: 1,
      job: 'train',
      matrix: {},
      runnerOs: 'Linux',
      ...changes.provenance,
    },
    params: {},
    metrics: { accuracy: { value: accuracy } },
    outcome: {
      status: 'succeeded',
      startedAt: '2026-01-01T00:00:00Z',
      finishedAt: '2026-01-01T00:01:00Z',
      durationMs: 60_000,
    },
    inputs: [],
    sources: ['metrics.json'],
  };
}

/** The archive train uploads: the record alone, in `run-record.json` or the file named. */
export function recordZip(record: RunRecord, file = 'run-record.json'): Buffer {
  return writeTestZip({ [file]: serializeRunRecord(record) });
}

/** The context of a step in run `runId` of a pull request from `headSha` into main. */
export function pullRequestContext(options: {
  number: number;
  headSha: string;
  baseSha: string;
  runId: number;
  workspace: string;
}): ActionContext {
  return {
    ...baseContext(options.runId, options.workspace),
    eventName: 'pull_request',
    sha: options.headSha,
    ref: `refs/pull/${options.number}/merge`,
    branch: `feature-${options.number}`,
    baseRef: 'main',
    baseSha: options.baseSha,
    pullRequest: options.number,
    headSha: options.headSha,
  };
}

/** The context of a step in run `runId` of a push of `sha` to main. */
export function pushContext(options: { sha: string; runId: number; workspace: string }): ActionContext {
  return { ...baseContext(options.runId, options.workspace), eventName: 'push', sha: options.sha };
}

function baseContext(runId: number, workspace: string): ActionContext {
  return {
    owner: OWNER,
    repo: REPO,
    repository: FULL_NAME,
    serverUrl: 'https://github.com',
    apiUrl: 'unused: the client is given',
    eventName: 'push',
    sha: '',
    ref: 'refs/heads/main',
    branch: 'main',
    baseRef: undefined,
    baseSha: undefined,
    pullRequest: undefined,
    headSha: undefined,
    fromFork: false,
    before: undefined,
    workflow: 'ml',
    workflowPath: '.github/workflows/ml.yml',
    runId,
    runAttempt: 1,
    runNumber: 1,
    job: 'report',
    runnerOs: 'Linux',
    workspace,
    temp: undefined,
    payload: {},
  };
}
