/** When a matrix or several seeds produced several runs: the runs ranked on their key metrics. */

import type { GateResult } from '../gate/gate-result.ts';
import type { RunRecord } from '../record/run-record.ts';
import { metricDirection, type MetricDirection } from './metric-direction.ts';

/** At most this many metric columns, so the table stays readable. */
export const MAX_LEADERBOARD_METRICS = 8;
/** Without gate rules, this many metrics (the first by name) are the key ones. */
export const DEFAULT_KEY_METRICS = 5;

export interface LeaderboardEntry {
  run: RunRecord;
  /** One value per key metric; undefined when the run lacks it. */
  values: (number | undefined)[];
}

export interface Leaderboard {
  metrics: { name: string; direction: MetricDirection }[];
  /** Best first by the first key metric; runs lacking it, or NaN, last. */
  entries: LeaderboardEntry[];
  /** Per metric, the index in `entries` of the best run (NaN never wins); -1 when none has it. */
  best: number[];
  /** Per metric, mean and population standard deviation over the runs that have it (as the gate computes `std`). */
  mean: (number | undefined)[];
  std: (number | undefined)[];
}

/**
 * The leaderboard of `runs`, or undefined for fewer than two runs. Key metrics: those the
 * gate has rules on (in rule order), else the first five by name; at most eight.
 */
export function buildLeaderboard(runs: readonly RunRecord[], gate: GateResult | undefined): Leaderboard | undefined {
  if (runs.length < 2) return undefined;
  const names = keyMetrics(runs, gate);
  if (names.length === 0) return undefined;
  const metrics = names.map((name) => ({ name, direction: metricDirection(name) }));
  const entries: LeaderboardEntry[] = runs.map((run) => ({
    run,
    values: names.map((name) => (Object.hasOwn(run.metrics, name) ? run.metrics[name]?.value : undefined)),
  }));
  const first = metrics[0]!;
  const order = entries.map((entry, index) => ({ entry, index, value: entry.values[0] }));
  order.sort((a, b) => compareForRank(a.value, b.value, first.direction) || a.index - b.index);
  const sorted = order.map((item) => item.entry);
  const spreads = metrics.map((_, column) => spread(sorted, column));
  return {
    metrics,
    entries: sorted,
    best: metrics.map((metric, column) => bestIndex(sorted, column, metric.direction)),
    mean: spreads.map((item) => item.mean),
    std: spreads.map((item) => item.std),
  };
}

function keyMetrics(runs: readonly RunRecord[], gate: GateResult | undefined): string[] {
  const present = new Set<string>();
  for (const run of runs) for (const name of Object.keys(run.metrics)) present.add(name);
  const gated = [...new Set((gate?.results ?? []).map((result) => result.metric))].filter((name) => present.has(name));
  if (gated.length > 0) return gated.slice(0, MAX_LEADERBOARD_METRICS);
  return [...present].sort().slice(0, DEFAULT_KEY_METRICS);
}

/** Negative when `a` ranks above `b`: better values first, NaN and missing last. */
function compareForRank(a: number | undefined, b: number | undefined, direction: MetricDirection): number {
  const aRanked = a !== undefined && !Number.isNaN(a);
  const bRanked = b !== undefined && !Number.isNaN(b);
  if (!aRanked || !bRanked) return aRanked === bRanked ? 0 : aRanked ? -1 : 1;
  if (a === b) return 0;
  return (direction === 'higher' ? a > b : a < b) ? -1 : 1;
}

function bestIndex(entries: readonly LeaderboardEntry[], column: number, direction: MetricDirection): number {
  let best = -1;
  entries.forEach((entry, index) => {
    const value = entry.values[column];
    if (value === undefined || Number.isNaN(value)) return;
    const current = best === -1 ? undefined : entries[best]!.values[column];
    if (best === -1 || compareForRank(value, current, direction) < 0) best = index;
  });
  return best;
}

function spread(
  entries: readonly LeaderboardEntry[],
  column: number,
): { mean: number | undefined; std: number | undefined } {
  let count = 0;
  let sum = 0;
  for (const entry of entries) {
    const value = entry.values[column];
    if (value === undefined) continue;
    count++;
    sum += value;
  }
  if (count === 0) return { mean: undefined, std: undefined };
  const mean = sum / count;
  let squares = 0;
  for (const entry of entries) {
    const value = entry.values[column];
    if (value !== undefined) squares += (value - mean) ** 2;
  }
  return { mean, std: Math.sqrt(squares / count) };
}
