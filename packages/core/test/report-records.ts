/** Test helper: run records for report tests, with only what the report reads set explicitly. */

import type { Metric, MetricHistory, ParamValue, RunRecord } from '../src/record/run-record.ts';

export interface RecordOptions {
  runId?: string;
  experiment?: string;
  sha?: string;
  headSha?: string;
  branch?: string;
  matrix?: Record<string, unknown>;
  params?: Record<string, ParamValue>;
}

/** A metric from a bare value, or a value with a history. */
export type MetricInput = number | { value: number; history?: MetricHistory };

/** A valid run record with the given metrics (final values, optional histories). */
export function record(metrics: Record<string, MetricInput>, options: RecordOptions = {}): RunRecord {
  const entries = Object.entries(metrics).map(([name, input]): [string, Metric] => {
    if (typeof input === 'number') return [name, { value: input }];
    return [
      name,
      input.history === undefined ? { value: input.value } : { value: input.value, history: input.history },
    ];
  });
  return {
    schema: 'ml-actions/run-record',
    version: 1,
    runId: options.runId ?? 'run-1',
    experiment: options.experiment ?? 'train',
    attempt: 1,
    provenance: {
      repository: 'octo/ml',
      serverUrl: 'https://github.com',
      sha: options.sha ?? '1111111111111111111111111111111111111111',
      ...(options.headSha === undefined ? {} : { headSha: options.headSha }),
      ref: 'refs/pull/7/merge',
      branch: options.branch ?? 'feature/x',
      event: 'pull_request',
      workflow: 'ml',
      workflowRunId: 42,
      runAttempt: 1,
      runNumber: 3,
      job: 'train',
      matrix: options.matrix ?? {},
      runnerOs: 'Linux',
    },
    params: options.params ?? {},
    metrics: Object.fromEntries(entries),
    outcome: {
      status: 'succeeded',
      startedAt: '2025-01-01T00:00:00Z',
      finishedAt: '2025-01-01T00:01:00Z',
      durationMs: 60_000,
    },
    inputs: [],
    sources: ['metrics.json'],
  };
}

/** A history of `length` points at steps 0, stride, 2*stride, ... with values f(i). */
export function history(length: number, f: (i: number) => number, stride = 1, start = 0): MetricHistory {
  const steps = new Array<number>(length);
  const values = new Array<number>(length);
  for (let i = 0; i < length; i++) {
    steps[i] = start + i * stride;
    values[i] = f(i);
  }
  return { steps, values };
}

export const BASE_SHA = '2222222222222222222222222222222222222222';
