import type { ParamValue } from '../record/run-record.ts';

/** What every line of the history says it is. */
export const HISTORY_ENTRY_SCHEMA = 'ml-actions/history-entry';
export const HISTORY_ENTRY_VERSION = 1;

/** A metric of one experiment in one workflow run, over its replicates. */
export interface HistoryMetric {
  /** Mean of the replicates' final values. */
  mean: number;
  /** Sample standard deviation (n − 1); null for a single run. */
  std: number | null;
  /** Number of replicates that recorded the metric. */
  n: number;
  min: number;
  max: number;
}

/** A rule of the gate that judged the run, as the trend page draws it (a threshold line). */
export interface HistoryRule {
  rule: string;
  metric: string;
  verdict: 'pass' | 'fail' | 'skipped' | 'error';
  /** The threshold the rule compared with, when it had one. */
  threshold: number | null;
}

/**
 * One line of an experiment's history: the summary of one workflow run on the default branch.
 * Written once per workflow run by the report job; read by the trend page, the baseline lookup
 * (when the merge base's artifact has expired) and the noise estimate from history.
 */
export interface HistoryEntry {
  schema: typeof HISTORY_ENTRY_SCHEMA;
  version: typeof HISTORY_ENTRY_VERSION;
  experiment: string;
  /** The commit the runs are of (40 hex). */
  commit: string;
  /** When the entry was written, ISO 8601 UTC. */
  date: string;
  branch: string;
  workflowRunId: number;
  runAttempt: number;
  /** Links, made from the runner's own context, never from a record's claim. */
  runUrl: string;
  commitUrl: string;
  /** The pull request the commit came from, when known. */
  pullRequest: number | null;
  /** Final values over the replicates, by metric name. */
  metrics: Record<string, HistoryMetric>;
  /** Params of the runs; a param whose value differs between replicates (the seed) is left out. */
  params: Record<string, ParamValue>;
  /** The gate's verdict over this experiment, when a gate ran. */
  gate: { passed: boolean; rules: HistoryRule[] } | null;
  /** The model package version made from this run, when one was. */
  packageVersion: string | null;
}
