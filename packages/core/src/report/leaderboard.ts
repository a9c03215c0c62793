/** When a matrix produced several experiments: one row per experiment, ranked on a key metric. */

import { UserError } from '../errors.ts';
import type { GateResult } from '../gate/gate-result.ts';
import { closestNames } from '../gate/closest-names.ts';
import type { Rule } from '../gate/rule.ts';
import { summarizeSample, type SampleSummary } from '../statistics/sample-summary.ts';
import type { ExperimentGroup } from './experiment-groups.ts';
import type { DirectionSource, MetricDirection, ResolvedDirection } from './metric-direction.ts';

/** At most this many metric columns, so the table stays readable. */
export const MAX_LEADERBOARD_METRICS = 8;
/** Without gate rules, this many metrics (the first by name) are the key ones. */
export const DEFAULT_KEY_METRICS = 5;

export interface LeaderboardEntry {
  experiment: string;
  /** How many runs (replicates) the experiment has. */
  runs: number;
  /** The matrix values all its replicates share (the seed, which differs, is left out). */
  matrix: Record<string, unknown>;
  /** One summary over the replicates per key metric; undefined when none has it. */
  values: (SampleSummary | undefined)[];
}

export interface Leaderboard {
  /** The key metrics; the first is the one ranked by. */
  metrics: { name: string; direction: MetricDirection | undefined; source: DirectionSource }[];
  /** Best first by the mean of the first key metric; experiments lacking it, or NaN, last. */
  entries: LeaderboardEntry[];
  /** Per metric, the index in `entries` of the best mean (NaN never wins); -1 when none has it or no way is good. */
  best: number[];
}

export interface LeaderboardOptions {
  gate: GateResult | undefined;
  rules: readonly Rule[];
  /** Input `rank-by`: the metric to rank by; default the first rule's metric, else the first key metric. */
  rankBy: string | undefined;
  direction: (metric: string) => ResolvedDirection;
  selected: (metric: string) => boolean;
}

/**
 * The leaderboard of this PR's experiments, or undefined for fewer than two. Key metrics: the
 * one ranked by, then those the gate has rules on (in rule order), else the first five by name;
 * at most eight, all among the metrics shown. A `rank-by` metric no run has is a user error
 * naming the input and the close names.
 */
export function buildLeaderboard(
  groups: readonly ExperimentGroup[],
  options: LeaderboardOptions,
): Leaderboard | undefined {
  const ran = groups.filter((group) => group.runs.length > 0);
  if (ran.length < 2) return undefined;
  const present = new Set<string>();
  for (const group of ran) for (const run of group.runs) for (const name of Object.keys(run.metrics)) present.add(name);
  if (options.rankBy !== undefined && !present.has(options.rankBy)) {
    const close = closestNames(options.rankBy, present);
    throw new UserError(
      `input "rank-by" names metric ${JSON.stringify(options.rankBy)}, which no run has` +
        (close.length === 0 ? '' : `; close names: ${close.map((name) => JSON.stringify(name)).join(', ')}`),
    );
  }
  const names = keyMetrics(present, options);
  if (names.length === 0) return undefined;
  const metrics = names.map((name) => {
    const { direction, source } = options.direction(name);
    return { name, direction, source };
  });
  const entries: LeaderboardEntry[] = ran.map((group) => ({
    experiment: group.experiment,
    runs: group.runs.length,
    matrix: sharedMatrix(group),
    values: names.map((name) => {
      const values: number[] = [];
      for (const run of group.runs) if (Object.hasOwn(run.metrics, name)) values.push(run.metrics[name]!.value);
      return values.length === 0 ? undefined : summarizeSample(values);
    }),
  }));
  const first = metrics[0]!;
  const order = entries.map((entry, index) => ({ entry, index, value: entry.values[0]?.mean }));
  order.sort((a, b) => compareForRank(a.value, b.value, first.direction ?? 'higher') || a.index - b.index);
  const sorted = order.map((item) => item.entry);
  return {
    metrics,
    entries: sorted,
    best: metrics.map((metric, column) =>
      metric.direction === undefined ? -1 : bestIndex(sorted, column, metric.direction),
    ),
  };
}

function keyMetrics(present: ReadonlySet<string>, options: LeaderboardOptions): string[] {
  const shown = (name: string): boolean => present.has(name) && options.selected(name);
  const gated = [
    ...options.rules.map((rule) => rule.metric),
    ...(options.gate?.results ?? []).map((result) => result.metric),
  ].filter(shown);
  const rankBy = options.rankBy ?? gated[0];
  const rest = gated.length > 0 ? gated : [...present].filter(shown).sort().slice(0, DEFAULT_KEY_METRICS);
  return [...new Set(rankBy === undefined ? rest : [rankBy, ...rest])].slice(0, MAX_LEADERBOARD_METRICS);
}

/** The matrix entries every replicate of the experiment has with the same value. */
function sharedMatrix(group: ExperimentGroup): Record<string, unknown> {
  const [first, ...others] = group.runs;
  const shared: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(first?.provenance.matrix ?? {})) {
    const text = JSON.stringify(value);
    if (
      others.every(
        (run) => Object.hasOwn(run.provenance.matrix, name) && JSON.stringify(run.provenance.matrix[name]) === text,
      )
    ) {
      shared[name] = value;
    }
  }
  return shared;
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
    const value = entry.values[column]?.mean;
    if (value === undefined || Number.isNaN(value)) return;
    const current = best === -1 ? undefined : entries[best]!.values[column]?.mean;
    if (best === -1 || compareForRank(value, current, direction) < 0) best = index;
  });
  return best;
}
