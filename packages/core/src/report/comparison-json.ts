/** The comparison as data, for other steps and tools: everything the report shows, unrounded. */

import type { GateResult } from '../gate/gate-result.ts';
import type { Leaderboard } from './leaderboard.ts';
import type { MetricDirection } from './metric-direction.ts';
import type { GateMark, MetricRow, RowStatus } from './metric-rows.ts';
import { toJsonNumberOrNull, type JsonNumber } from './number-format.ts';
import type { ParamChange } from './param-changes.ts';
import type { ComparisonVerdict, StatusCounts } from './verdict.ts';

export const COMPARISON_SCHEMA = 'ml-actions/comparison';
export const COMPARISON_VERSION = 1;

export interface ComparisonJsonRow {
  metric: string;
  direction: MetricDirection;
  baseline: JsonNumber | null;
  current: JsonNumber | null;
  change: JsonNumber | null;
  /** Percent of |baseline|. */
  changePct: JsonNumber | null;
  status: RowStatus;
  gate: GateMark | null;
  /** How many of this PR's runs have the metric (`current` is their mean). */
  runs: number;
}

export interface ComparisonJsonLeaderboard {
  metrics: string[];
  runs: { runId: string; experiment: string; matrix: Record<string, unknown>; values: (JsonNumber | null)[] }[];
  /** Per metric: the runId of the best run, or null. */
  best: (string | null)[];
  mean: (JsonNumber | null)[];
  std: (JsonNumber | null)[];
}

export interface ComparisonJson {
  schema: typeof COMPARISON_SCHEMA;
  version: typeof COMPARISON_VERSION;
  key: string;
  verdict: ComparisonVerdict;
  /** This PR's commit (the head sha on pull requests), or null without runs. */
  commit: string | null;
  baseline: { sha: string; url: string | null; notice: string | null; records: number } | null;
  runs: number;
  counts: StatusCounts;
  gate: { passed: boolean; failed: string[] } | null;
  /** Every metric, in display order (also those `onlyChanged` hides). */
  rows: ComparisonJsonRow[];
  params: ParamChange[];
  leaderboard: ComparisonJsonLeaderboard | null;
}

export interface ComparisonJsonParts {
  key: string;
  verdict: ComparisonVerdict;
  commit: string | undefined;
  baseline: { sha: string; url?: string | undefined; notice?: string | undefined; records: number } | undefined;
  runs: number;
  counts: StatusCounts;
  gate: GateResult | undefined;
  rows: readonly MetricRow[];
  params: readonly ParamChange[];
  leaderboard: Leaderboard | undefined;
}

/** Builds the JSON document of a comparison. */
export function comparisonJson(parts: ComparisonJsonParts): ComparisonJson {
  const { baseline, gate, leaderboard } = parts;
  return {
    schema: COMPARISON_SCHEMA,
    version: COMPARISON_VERSION,
    key: parts.key,
    verdict: parts.verdict,
    commit: parts.commit ?? null,
    baseline:
      baseline === undefined
        ? null
        : { sha: baseline.sha, url: baseline.url ?? null, notice: baseline.notice ?? null, records: baseline.records },
    runs: parts.runs,
    counts: parts.counts,
    gate:
      gate === undefined
        ? null
        : {
            passed: gate.passed,
            failed: gate.results.filter((r) => r.verdict === 'fail' || r.verdict === 'error').map((r) => r.rule),
          },
    rows: parts.rows.map((row) => ({
      metric: row.metric,
      direction: row.direction,
      baseline: toJsonNumberOrNull(row.baseline),
      current: toJsonNumberOrNull(row.current),
      change: toJsonNumberOrNull(row.change),
      changePct: toJsonNumberOrNull(row.changePct),
      status: row.status,
      gate: row.gate ?? null,
      runs: row.runs,
    })),
    params: parts.params.map((change) => ({
      name: change.name,
      baseline: [...change.baseline],
      current: [...change.current],
    })),
    leaderboard: leaderboard === undefined ? null : leaderboardJson(leaderboard),
  };
}

function leaderboardJson(board: Leaderboard): ComparisonJsonLeaderboard {
  return {
    metrics: board.metrics.map((metric) => metric.name),
    runs: board.entries.map((entry) => ({
      runId: entry.run.runId,
      experiment: entry.run.experiment,
      matrix: entry.run.provenance.matrix,
      values: entry.values.map(toJsonNumberOrNull),
    })),
    best: board.best.map((index) => (index === -1 ? null : (board.entries[index]?.run.runId ?? null))),
    mean: board.mean.map(toJsonNumberOrNull),
    std: board.std.map(toJsonNumberOrNull),
  };
}
