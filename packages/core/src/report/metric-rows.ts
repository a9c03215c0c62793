/**
 * The numbers behind the comparison table: one row per experiment and metric, this PR's
 * replicates against the baseline's, with Welch's test where both sides have several.
 */

import type { GateResult } from '../gate/gate-result.ts';
import type { HistoryNoise, HistoryNoiseLookup } from '../history/history-noise.ts';
import type { RunRecord } from '../record/run-record.ts';
import { noiseVerdict, type NoiseVerdict } from '../statistics/noise-verdict.ts';
import { outsideNoiseTest } from '../statistics/outside-noise-test.ts';
import { summarizeSample, type SampleSummary } from '../statistics/sample-summary.ts';
import { welchTest, type WelchTest } from '../statistics/welch-test.ts';
import type { ExperimentGroup } from './experiment-groups.ts';
import type { DirectionSource, MetricDirection, ResolvedDirection } from './metric-direction.ts';
import { formatNumber } from './number-format.ts';

/**
 * `better` / `worse`: a significant change (or, with a single run on a side, any change, as
 * measured); `within-noise`: a change the test cannot tell from noise; `changed`: a metric
 * with no good direction (a coordinate or system value) that moved; `unchanged`: both show
 * the same at the report's precision (both NaN counts too); `new`: only this PR has the metric
 * (or there is no baseline); `missing`: only the baseline has it.
 */
export type RowStatus = 'better' | 'worse' | 'within-noise' | 'changed' | 'unchanged' | 'new' | 'missing';

/** The gate's word on a metric: `fail` if any of its rules failed or errored. */
export type GateMark = 'pass' | 'fail' | 'skipped';

export interface MetricRow {
  experiment: string;
  metric: string;
  /** Undefined for a coordinate or system value. */
  direction: MetricDirection | undefined;
  directionSource: DirectionSource;
  /** Over this PR's replicates that have the metric; undefined when none has it. */
  current: SampleSummary | undefined;
  /** Over the baseline's replicates that have the metric. */
  baseline: SampleSummary | undefined;
  /** Difference of the means. */
  change: number | undefined;
  /** Change relative to |baseline mean|, in percent; ±Infinity from a zero baseline. */
  changePct: number | undefined;
  /**
   * Welch's test with the 95 % interval; with a single run on a side, the test with the noise from
   * history (`historyNoise`) when there is an estimate; undefined otherwise, and for a non-finite mean.
   */
  test: WelchTest | undefined;
  /** The noise the test took from the base branch's history, when a side had a single run. */
  historyNoise: HistoryNoise | undefined;
  /** The noise-aware verdict; undefined for new and missing metrics and those with no direction. */
  verdict: NoiseVerdict | undefined;
  status: RowStatus;
  gate: GateMark | undefined;
}

export interface RowOptions {
  precision: number;
  /** Significance level of the verdict. */
  alpha: number;
  direction: (metric: string) => ResolvedDirection;
  /** Which metrics are compared (input `metrics`). */
  selected: (metric: string) => boolean;
  /** The noise of a single run from the base branch's history (input `history`), when read. */
  historyNoise?: HistoryNoiseLookup | undefined;
}

/** Compares each experiment's metrics with the baseline's of the same experiment, sorted for display. */
export function compareMetrics(
  groups: readonly ExperimentGroup[],
  gate: GateResult | undefined,
  options: RowOptions,
): MetricRow[] {
  const marks = gateMarks(gate);
  const rows: MetricRow[] = [];
  for (const group of groups) {
    const current = valuesByMetric(group.runs, options.selected);
    const before = valuesByMetric(group.baseline, options.selected);
    for (const metric of new Set([...current.keys(), ...before.keys()])) {
      const now = current.get(metric);
      const then = before.get(metric);
      rows.push(
        compareSamples(
          group.experiment,
          metric,
          now === undefined ? undefined : summarizeSample(now),
          then === undefined ? undefined : summarizeSample(then),
          marks.get(metric),
          options,
        ),
      );
    }
  }
  return sortRows(rows, groups);
}

/** One row: the two samples of a metric, tested and judged. */
export function compareSamples(
  experiment: string,
  metric: string,
  current: SampleSummary | undefined,
  baseline: SampleSummary | undefined,
  gate: GateMark | undefined,
  options: Pick<RowOptions, 'precision' | 'alpha' | 'direction' | 'historyNoise'>,
): MetricRow {
  const { direction, source } = options.direction(metric);
  const row = (fields: Partial<MetricRow> & Pick<MetricRow, 'status'>): MetricRow => ({
    experiment,
    metric,
    direction,
    directionSource: source,
    current,
    baseline,
    change: undefined,
    changePct: undefined,
    test: undefined,
    historyNoise: undefined,
    verdict: undefined,
    gate,
    ...fields,
  });
  if (current === undefined) return row({ status: 'missing' });
  if (baseline === undefined) return row({ status: 'new' });
  const now = current.mean;
  const then = baseline.mean;
  // Equal infinities (or two NaNs) are no change, though their difference is NaN.
  const change = Object.is(now, then) ? 0 : now - then;
  const changePct =
    then === 0 ? (change === 0 ? 0 : change > 0 ? Infinity : -Infinity) : (change / Math.abs(then)) * 100;
  const equal = Object.is(now, then) || formatNumber(now, options.precision) === formatNumber(then, options.precision);
  const single = current.n < 2 || baseline.n < 2;
  // A side with one run has no spread of its own: the history's, when there is one, stands in.
  const historyNoise = single && direction !== undefined ? options.historyNoise?.(experiment, metric) : undefined;
  const fromHistory = historyNoise === undefined ? undefined : outsideNoiseTest(current, baseline, historyNoise);
  const test = fromHistory ?? welchTest(current, baseline);
  const measured = { change, changePct, test, historyNoise: fromHistory === undefined ? undefined : historyNoise };
  if (direction === undefined) return row({ ...measured, status: equal ? 'unchanged' : 'changed' });
  if (test !== undefined) {
    const verdict = noiseVerdict(test, direction, options.alpha);
    const status: RowStatus =
      verdict === 'better' || verdict === 'worse' ? verdict : equal ? 'unchanged' : 'within-noise';
    return row({ ...measured, verdict, status });
  }
  const status = measuredStatus(now, then, change, equal, direction);
  if (single) {
    return row({ ...measured, verdict: noiseVerdict(undefined, direction, options.alpha), status });
  }
  // Replicates on both sides, but a NaN or infinite mean: nothing to test, and nothing noisy
  // about a diverged run or an infinity either, so the change counts as measured.
  return row({ ...measured, verdict: status === 'better' || status === 'worse' ? status : 'within-noise', status });
}

/** The change as measured, without regard to noise: how a single run on a side is judged. */
function measuredStatus(
  now: number,
  then: number,
  change: number,
  equal: boolean,
  direction: MetricDirection,
): RowStatus {
  if (equal) return 'unchanged';
  // A metric that became NaN (a diverged run) is a regression whichever way is good.
  if (Number.isNaN(now)) return 'worse';
  if (Number.isNaN(then)) return 'better';
  return (direction === 'higher' ? change > 0 : change < 0) ? 'better' : 'worse';
}

/**
 * Display order: metrics failing the gate, then significant (or single-run) changes by
 * |change %| (NaN counts as the largest), then changes within noise, changes of system values,
 * missing, new and unchanged metrics; ties by metric name, then experiment order.
 */
export function sortRows(rows: MetricRow[], groups: readonly ExperimentGroup[] = []): MetricRow[] {
  const order = new Map(groups.map((group, index) => [group.experiment, index]));
  const keyed = rows.map((row) => ({
    row,
    tier: tier(row),
    size: changeSize(row),
    group: order.get(row.experiment) ?? 0,
  }));
  keyed.sort(
    (a, b) => a.tier - b.tier || b.size - a.size || compareText(a.row.metric, b.row.metric) || a.group - b.group,
  );
  return keyed.map((entry) => entry.row);
}

const TIERS: Record<RowStatus, number> = {
  better: 1,
  worse: 1,
  'within-noise': 2,
  changed: 3,
  missing: 4,
  new: 5,
  unchanged: 6,
};

function tier(row: MetricRow): number {
  return row.gate === 'fail' ? 0 : TIERS[row.status];
}

function changeSize(row: MetricRow): number {
  if (row.status !== 'better' && row.status !== 'worse') return 0;
  const pct = row.changePct ?? 0;
  return Number.isNaN(pct) ? Infinity : Math.abs(pct);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Each selected metric's final values over the records that have it, in record order. */
function valuesByMetric(records: readonly RunRecord[], selected: (metric: string) => boolean): Map<string, number[]> {
  const values = new Map<string, number[]>();
  const left = new Set<string>();
  for (const record of records) {
    const metrics = record.metrics;
    for (const name of Object.keys(metrics)) {
      const value = metrics[name]!.value;
      const list = values.get(name);
      if (list !== undefined) list.push(value);
      else if (left.has(name)) continue;
      else if (selected(name)) values.set(name, [value]);
      else left.add(name);
    }
  }
  return values;
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
