/** The numbers behind the comparison table: one row per metric, this PR against the baseline. */

import type { GateResult } from '../gate/gate-result.ts';
import type { RunRecord } from '../record/run-record.ts';
import { metricDirection, type MetricDirection } from './metric-direction.ts';
import { formatNumber } from './number-format.ts';

/**
 * `new`: only this PR has the metric (or there is no baseline); `missing`: only the baseline
 * has it; `unchanged`: both show the same at the report's precision (both NaN counts too).
 */
export type RowStatus = 'better' | 'worse' | 'unchanged' | 'new' | 'missing';

/** The gate's word on a metric: `fail` if any of its rules failed or errored. */
export type GateMark = 'pass' | 'fail' | 'skipped';

export interface MetricRow {
  metric: string;
  direction: MetricDirection;
  /** Mean over the baseline records that have the metric. */
  baseline: number | undefined;
  /** Mean over this PR's runs that have the metric. */
  current: number | undefined;
  change: number | undefined;
  /** Change relative to |baseline|, in percent; ±Infinity from a zero baseline. */
  changePct: number | undefined;
  status: RowStatus;
  gate: GateMark | undefined;
  /** How many of this PR's runs have the metric. */
  runs: number;
}

/** Compares the mean of each metric over `runs` with its mean over `baseline`, sorted for display. */
export function compareMetrics(
  runs: readonly RunRecord[],
  baseline: readonly RunRecord[],
  gate: GateResult | undefined,
  precision: number,
): MetricRow[] {
  const current = meanByMetric(runs);
  const before = meanByMetric(baseline);
  const marks = gateMarks(gate);
  const names = new Set([...current.keys(), ...before.keys()]);
  const rows: MetricRow[] = [];
  for (const metric of names) {
    const now = current.get(metric);
    const then = before.get(metric);
    rows.push(compareValues(metric, now?.mean, then?.mean, precision, marks.get(metric), now?.count ?? 0));
  }
  return sortRows(rows);
}

function compareValues(
  metric: string,
  current: number | undefined,
  baseline: number | undefined,
  precision: number,
  gate: GateMark | undefined,
  runs: number,
): MetricRow {
  const direction = metricDirection(metric);
  const row: MetricRow = {
    metric,
    direction,
    baseline,
    current,
    change: undefined,
    changePct: undefined,
    status: 'new',
    gate,
    runs,
  };
  if (current === undefined) return { ...row, status: 'missing' };
  if (baseline === undefined) return row;
  // Equal infinities (or two NaNs) are no change, though their difference is NaN.
  const change = Object.is(current, baseline) ? 0 : current - baseline;
  const changePct =
    baseline === 0 ? (change === 0 ? 0 : change > 0 ? Infinity : -Infinity) : (change / Math.abs(baseline)) * 100;
  let status: RowStatus;
  if (Object.is(current, baseline) || formatNumber(current, precision) === formatNumber(baseline, precision)) {
    status = 'unchanged';
  } else if (Number.isNaN(current)) {
    // A metric that became NaN (a diverged run) is a regression whichever way is good.
    status = 'worse';
  } else if (Number.isNaN(baseline)) {
    status = 'better';
  } else {
    status = (direction === 'higher' ? change > 0 : change < 0) ? 'better' : 'worse';
  }
  return { ...row, change, changePct, status };
}

/**
 * Display order: metrics failing the gate, then changed ones by |change %| (NaN counts as the
 * largest), then missing, new and unchanged ones; ties by name.
 */
export function sortRows(rows: MetricRow[]): MetricRow[] {
  const keyed = rows.map((row) => ({ row, tier: tier(row), size: changeSize(row) }));
  keyed.sort((a, b) => a.tier - b.tier || b.size - a.size || compareText(a.row.metric, b.row.metric));
  return keyed.map((entry) => entry.row);
}

function tier(row: MetricRow): number {
  if (row.gate === 'fail') return 0;
  switch (row.status) {
    case 'better':
    case 'worse':
      return 1;
    case 'missing':
      return 2;
    case 'new':
      return 3;
    case 'unchanged':
      return 4;
  }
}

function changeSize(row: MetricRow): number {
  if (row.status !== 'better' && row.status !== 'worse') return 0;
  const pct = row.changePct ?? 0;
  return Number.isNaN(pct) ? Infinity : Math.abs(pct);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface Mean {
  mean: number;
  count: number;
}

function meanByMetric(records: readonly RunRecord[]): Map<string, Mean> {
  const sums = new Map<string, Mean>();
  for (const record of records) {
    for (const [name, metric] of Object.entries(record.metrics)) {
      const entry = sums.get(name);
      if (entry === undefined) sums.set(name, { mean: metric.value, count: 1 });
      else {
        entry.mean += metric.value;
        entry.count++;
      }
    }
  }
  for (const entry of sums.values()) entry.mean /= entry.count;
  return sums;
}

function gateMarks(gate: GateResult | undefined): Map<string, GateMark> {
  const marks = new Map<string, GateMark>();
  for (const result of gate?.results ?? []) {
    const mark: GateMark = result.verdict === 'pass' ? 'pass' : result.verdict === 'skipped' ? 'skipped' : 'fail';
    const previous = marks.get(result.metric);
    // fail beats pass beats skipped: one failing rule makes the metric fail.
    if (previous === undefined || rank(mark) > rank(previous)) marks.set(result.metric, mark);
  }
  return marks;
}

function rank(mark: GateMark): number {
  return mark === 'fail' ? 2 : mark === 'pass' ? 1 : 0;
}
