/**
 * The run record: the one document a training run produces and every other action reads.
 * Its JSON Schema is packages/core/schema/run-record.schema.json; `parseRunRecord` enforces it.
 */

export const RUN_RECORD_SCHEMA = 'ml-actions/run-record';
export const RUN_RECORD_VERSION = 1;

/** A param value after flattening: scalars only. */
export type ParamValue = string | number | boolean | null;

/**
 * One metric: its final value (the value at the largest step) and, where the source has steps,
 * every point of its history. Values may be NaN or +-Infinity; JSON carries those as the
 * strings "NaN", "Infinity" and "-Infinity".
 */
export interface Metric {
  value: number;
  /** Step of the final value, when the source has steps. */
  step?: number;
  history?: MetricHistory;
}

/** Parallel columns, so a million-step history is three flat arrays rather than a million objects. */
export interface MetricHistory {
  steps: number[];
  values: number[];
  /** Seconds since the epoch, where the source has them. */
  wallTimes?: number[];
}

export interface Provenance {
  repository: string;
  serverUrl: string;
  sha: string;
  ref: string;
  branch: string;
  baseRef?: string;
  pullRequest?: number;
  headSha?: string;
  event: string;
  workflow: string;
  workflowRunId: number;
  runAttempt: number;
  runNumber: number;
  job: string;
  matrix: Record<string, unknown>;
  runnerOs: string;
}

export type RunStatus = 'succeeded' | 'failed' | 'collected';

export interface Outcome {
  command?: string;
  exitCode?: number;
  status: RunStatus;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
}

export interface DataInput {
  path: string;
  size: number;
  sha256: string;
}

export interface RunRecord {
  schema: typeof RUN_RECORD_SCHEMA;
  version: typeof RUN_RECORD_VERSION;
  runId: string;
  experiment: string;
  attempt: number;
  provenance: Provenance;
  params: Record<string, ParamValue>;
  metrics: Record<string, Metric>;
  outcome: Outcome;
  inputs: DataInput[];
  /** The metric and params files this record was read from, relative to the workspace. */
  sources: string[];
}
