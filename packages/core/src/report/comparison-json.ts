/**
 * The comparison as data, for other steps and tools: everything the report shows, unrounded.
 * Its shape is the JSON Schema `packages/core/schema/comparison-report.schema.json`; a change
 * that a reader could trip on raises `COMPARISON_VERSION`.
 */

import type { GateResult } from '../gate/gate-result.ts';
import type { UnjudgedLeg } from '../gate/unjudged-legs.ts';
import type { NoiseVerdict } from '../statistics/noise-verdict.ts';
import type { SampleSummary } from '../statistics/sample-summary.ts';
import type { Leaderboard } from './leaderboard.ts';
import type { DirectionSource, MetricDirection } from './metric-direction.ts';
import type { GateMark, MetricRow, RowStatus } from './metric-rows.ts';
import { toJsonNumberOrNull, type JsonNumber } from './number-format.ts';
import type { ParamChange } from './param-changes.ts';
import type { ComparisonVerdict, StatusCounts } from './verdict.ts';

export const COMPARISON_SCHEMA = 'ml-actions/comparison';
/** 2: one row per experiment and metric, with both samples, the interval, Welch's p and the noise verdict. */
export const COMPARISON_VERSION = 2;

/** One experiment's metric: this PR's replicates against the baseline's. */
export interface ComparisonJsonRow {
  experiment: string;
  metric: string;
  /** Null for a coordinate or system value, which is never judged. */
  direction: MetricDirection | null;
  directionSource: DirectionSource;
  /** This PR's replicates that have the metric (0 when it is missing). */
  n: number;
  mean: JsonNumber | null;
  /** Sample standard deviation (n - 1); null for fewer than two runs. */
  std: JsonNumber | null;
  baselineN: number;
  baselineMean: JsonNumber | null;
  baselineStd: JsonNumber | null;
  /** mean - baselineMean. */
  difference: JsonNumber | null;
  /** Percent of |baselineMean|. */
  changePct: JsonNumber | null;
  /** 95 % confidence interval of the difference (Welch); null without a test. */
  ciLow: JsonNumber | null;
  ciHigh: JsonNumber | null;
  /** Welch's two-sided p (with a single run on a side, the t-test's with `historyNoise`); null without a test. */
  pValue: JsonNumber | null;
  /** The spread of one run taken from the base branch's history when a side had a single run, else null. */
  historyNoise: { std: number; df: number; entries: number; method: 'replicates' | 'commits' } | null;
  /** Null for new and missing metrics and for those with no direction. */
  verdict: NoiseVerdict | null;
  status: RowStatus;
  gate: GateMark | null;
}

export interface ComparisonJsonSample {
  n: number;
  mean: JsonNumber;
  std: JsonNumber | null;
}

export interface ComparisonJsonLeaderboard {
  /** The metric the experiments are ranked by: the first of `metrics`. */
  rankBy: string;
  metrics: { name: string; direction: MetricDirection | null; directionSource: DirectionSource }[];
  /** Best first. */
  experiments: {
    experiment: string;
    runs: number;
    matrix: Record<string, unknown>;
    values: (ComparisonJsonSample | null)[];
  }[];
  /** Per metric: the experiment with the best mean, or null. */
  best: (string | null)[];
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
  /** Legs of the workflow run whose runs are missing from the comparison, and why. */
  unjudged: UnjudgedLeg[];
  /** The significance level of the verdicts. */
  alpha: number;
  counts: StatusCounts;
  gate: { passed: boolean; failed: string[] } | null;
  /** Every metric the input `metrics` selects, in display order (also those `onlyChanged` hides). */
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
  unjudged: readonly UnjudgedLeg[];
  alpha: number;
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
    unjudged: parts.unjudged.map(({ name, reason }) => ({ name, reason })),
    alpha: parts.alpha,
    counts: parts.counts,
    gate:
      gate === undefined
        ? null
        : {
            passed: gate.passed,
            failed: gate.results.filter((r) => r.verdict === 'fail' || r.verdict === 'error').map((r) => r.rule),
          },
    rows: parts.rows.map(rowJson),
    params: parts.params.map((change) => ({
      name: change.name,
      baseline: [...change.baseline],
      current: [...change.current],
    })),
    leaderboard: leaderboard === undefined ? null : leaderboardJson(leaderboard),
  };
}

function rowJson(row: MetricRow): ComparisonJsonRow {
  return {
    experiment: row.experiment,
    metric: row.metric,
    direction: row.direction ?? null,
    directionSource: row.directionSource,
    n: row.current?.n ?? 0,
    mean: toJsonNumberOrNull(row.current?.mean),
    std: toJsonNumberOrNull(row.current?.std),
    baselineN: row.baseline?.n ?? 0,
    baselineMean: toJsonNumberOrNull(row.baseline?.mean),
    baselineStd: toJsonNumberOrNull(row.baseline?.std),
    difference: toJsonNumberOrNull(row.change),
    changePct: toJsonNumberOrNull(row.changePct),
    ciLow: toJsonNumberOrNull(row.test?.ciLow),
    ciHigh: toJsonNumberOrNull(row.test?.ciHigh),
    pValue: toJsonNumberOrNull(row.test?.pValue),
    historyNoise:
      row.historyNoise === undefined
        ? null
        : {
            std: row.historyNoise.std,
            df: row.historyNoise.df,
            entries: row.historyNoise.entries,
            method: row.historyNoise.method,
          },
    verdict: row.verdict ?? null,
    status: row.status,
    gate: row.gate ?? null,
  };
}

function sampleJson(sample: SampleSummary | undefined): ComparisonJsonSample | null {
  if (sample === undefined) return null;
  return { n: sample.n, mean: toJsonNumberOrNull(sample.mean)!, std: toJsonNumberOrNull(sample.std) };
}

function leaderboardJson(board: Leaderboard): ComparisonJsonLeaderboard {
  return {
    rankBy: board.metrics[0]!.name,
    metrics: board.metrics.map((metric) => ({
      name: metric.name,
      direction: metric.direction ?? null,
      directionSource: metric.source,
    })),
    experiments: board.entries.map((entry) => ({
      experiment: entry.experiment,
      runs: entry.runs,
      matrix: entry.matrix,
      values: entry.values.map(sampleJson),
    })),
    best: board.best.map((index) => (index === -1 ? null : (board.entries[index]?.experiment ?? null))),
  };
}
