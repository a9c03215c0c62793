/** The history entries of one workflow run: one per experiment, summarised over its replicates. */
import type { GateResult } from '../gate/gate-result.ts';
import type { ParamValue, RunRecord } from '../record/run-record.ts';
import { setOwnEntry } from '../text/safe-record.ts';
import { summarizeSample } from '../statistics/sample-summary.ts';
import { HISTORY_ENTRY_SCHEMA, HISTORY_ENTRY_VERSION } from './history-entry.ts';
import type { HistoryEntry, HistoryMetric, HistoryRule } from './history-entry.ts';

/** The runner's own context of the run being recorded: links are built from it, never from a record. */
export interface HistoryRunContext {
  serverUrl: string;
  /** `owner/name`. */
  repository: string;
  sha: string;
  branch: string;
  workflowRunId: number;
  runAttempt: number;
  pullRequest?: number;
}

export interface HistoryExtras {
  gate?: GateResult;
  packageVersion?: string;
  /** When the entries are written, ISO 8601 UTC. */
  date: string;
  context: HistoryRunContext;
}

/** One entry per experiment of `runs` (in order of first appearance), its metrics over the replicates' final values. */
export function historyEntries(runs: readonly RunRecord[], extras: HistoryExtras): HistoryEntry[] {
  const groups = new Map<string, RunRecord[]>();
  for (const run of runs) {
    const group = groups.get(run.experiment);
    if (group === undefined) groups.set(run.experiment, [run]);
    else group.push(run);
  }
  const { context } = extras;
  const server = context.serverUrl.replace(/\/+$/, '');
  const runUrl = `${server}/${context.repository}/actions/runs/${context.workflowRunId}/attempts/${context.runAttempt}`;
  const commitUrl = `${server}/${context.repository}/commit/${context.sha}`;
  return [...groups].map(([experiment, group]) => ({
    schema: HISTORY_ENTRY_SCHEMA,
    version: HISTORY_ENTRY_VERSION,
    experiment,
    commit: context.sha,
    date: extras.date,
    branch: context.branch,
    workflowRunId: context.workflowRunId,
    runAttempt: context.runAttempt,
    runUrl,
    commitUrl,
    pullRequest: context.pullRequest ?? null,
    metrics: summarizeMetrics(group),
    params: commonParams(group),
    gate: experimentGate(extras.gate, experiment),
    packageVersion: extras.packageVersion ?? null,
  }));
}

function summarizeMetrics(group: readonly RunRecord[]): Record<string, HistoryMetric> {
  const values = new Map<string, number[]>();
  for (const run of group) {
    for (const [name, metric] of Object.entries(run.metrics)) {
      const list = values.get(name);
      if (list === undefined) values.set(name, [metric.value]);
      else list.push(metric.value);
    }
  }
  const metrics: Record<string, HistoryMetric> = {};
  for (const name of [...values.keys()].sort()) {
    const summary = summarizeSample(values.get(name)!);
    setOwnEntry(metrics, name, {
      mean: summary.mean,
      std: summary.std ?? null,
      n: summary.n,
      min: summary.min,
      max: summary.max,
    });
  }
  return metrics;
}

/** Params every replicate has with the same value; one that differs (the seed) or is missing somewhere is left out. */
function commonParams(group: readonly RunRecord[]): Record<string, ParamValue> {
  const params: Record<string, ParamValue> = {};
  const [first, ...rest] = group;
  if (first === undefined) return params;
  for (const name of Object.keys(first.params).sort()) {
    const value = first.params[name]!;
    const shared = rest.every(
      (run) => Object.prototype.hasOwnProperty.call(run.params, name) && Object.is(run.params[name], value),
    );
    if (shared) setOwnEntry(params, name, value);
  }
  return params;
}

/** The gate's rules over this experiment; passed unless one of them failed or erred, as the gate judges. */
function experimentGate(gate: GateResult | undefined, experiment: string): HistoryEntry['gate'] {
  if (gate === undefined) return null;
  const rules: HistoryRule[] = gate.results
    .filter((result) => result.experiment === experiment)
    .map((result) => ({
      rule: result.rule,
      metric: result.metric,
      verdict: result.verdict,
      threshold: result.threshold ?? null,
    }));
  return { passed: rules.every((rule) => rule.verdict !== 'fail' && rule.verdict !== 'error'), rules };
}
