import { describe, expect, it } from 'vitest';
import type { RunRecord } from '@ml-actions/core';
import { mlflowStatus, recordIdentity, recordRunName, recordTags } from '../src/record-tags.ts';

function record(overrides: Partial<RunRecord> = {}): RunRecord {
  return {
    schema: 'ml-actions/run-record',
    version: 1,
    runId: '42-1-abcd1234',
    experiment: 'train-gbm',
    replicate: { key: 'seed', value: '3' },
    attempt: 1,
    provenance: {
      repository: 'octo-org/churn',
      serverUrl: 'https://github.com',
      sha: 'a'.repeat(40),
      ref: 'refs/pull/7/merge',
      branch: 'tune',
      baseRef: 'main',
      pullRequest: 7,
      event: 'pull_request',
      workflow: 'ml',
      workflowRunId: 42,
      runAttempt: 1,
      runNumber: 9,
      job: 'train',
      matrix: { seed: 3 },
      runnerOs: 'Linux',
    },
    params: {},
    metrics: {},
    outcome: {
      status: 'succeeded',
      startedAt: '2026-01-01T00:00:00Z',
      finishedAt: '2026-01-01T00:01:00Z',
      durationMs: 60_000,
    },
    inputs: [],
    sources: [],
    ...overrides,
  };
}

describe('record tags', () => {
  it("names the commit as MLflow's UI reads it, and the experiment and replicate as ours", () => {
    const tags = recordTags(record());
    expect(tags).toMatchObject({
      'mlflow.source.git.commit': 'a'.repeat(40),
      'mlflow.source.git.branch': 'tune',
      'mlflow.source.git.repoURL': 'https://github.com/octo-org/churn',
      'ml-actions.experiment': 'train-gbm',
      'ml-actions.replicate': 'seed=3',
      'ml-actions.pull-request': '7',
      'ml-actions.base-ref': 'main',
      'ml-actions.workflow-run-url': 'https://github.com/octo-org/churn/actions/runs/42/attempts/1',
    });
    expect(recordRunName(record())).toBe('train-gbm (seed=3)');
  });

  it('keeps one identity over re-runs of a job, and tells replicates and experiments apart', () => {
    const first = recordIdentity(record());
    expect(recordIdentity(record({ attempt: 2, runId: '42-2-ffff0000' }))).toBe(first);
    expect(recordIdentity(record({ replicate: { key: 'seed', value: '4' } }))).not.toBe(first);
    expect(recordIdentity(record({ experiment: 'train-mlp' }))).not.toBe(first);
  });

  it("maps the record's outcome to MLflow's terminal statuses", () => {
    const status = (s: RunRecord['outcome']['status']) =>
      mlflowStatus(record({ outcome: { ...record().outcome, status: s } }));
    expect([status('succeeded'), status('collected'), status('failed'), status('timed-out')]).toEqual([
      'FINISHED',
      'FINISHED',
      'FAILED',
      'KILLED',
    ]);
  });
});
