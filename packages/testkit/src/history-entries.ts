import { createHash } from 'node:crypto';
import { HISTORY_ENTRY_SCHEMA, HISTORY_ENTRY_VERSION, type HistoryEntry, type HistoryMetric } from '@ml-actions/core';

export interface GeneratedHistoryOptions {
  experiment: string;
  entries: number;
  /** Metric names; the first one has a gate rule `mean(<name>) >= threshold`. */
  metrics: string[];
  threshold: number;
  repositoryUrl?: string;
  /** Replicates per run (3 unless given). */
  replicates?: number;
  /** Seeds the values, so two experiments differ. */
  seed?: number;
}

/**
 * A made-up history of one experiment: `entries` runs on main, oldest first, each over three
 * replicates, with made-up commits (`commitOf`), every third from a pull request,
 * every fifth with a package version, and a gate whose verdict follows the first metric.
 */
export function generateHistory(options: GeneratedHistoryOptions): HistoryEntry[] {
  const repositoryUrl = options.repositoryUrl ?? 'https://github.com/octo-org/churn';
  const replicates = options.replicates ?? 3;
  const seed = options.seed ?? 1;
  const [gated] = options.metrics;
  return Array.from({ length: options.entries }, (_, position): HistoryEntry => {
    const commit = commitOf(seed, position);
    const metrics: Record<string, HistoryMetric> = {};
    options.metrics.forEach((name, m) => {
      const values = Array.from({ length: replicates }, (_, r) => value(seed, position, m, r));
      const mean = values.reduce((sum, v) => sum + v, 0) / replicates;
      const std =
        replicates > 1 ? Math.sqrt(values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (replicates - 1)) : null;
      metrics[name] = { mean, std, n: replicates, min: Math.min(...values), max: Math.max(...values) };
    });
    const gatedMean = gated === undefined ? undefined : metrics[gated]?.mean;
    const passed = gatedMean === undefined || gatedMean >= options.threshold;
    return {
      schema: HISTORY_ENTRY_SCHEMA,
      version: HISTORY_ENTRY_VERSION,
      experiment: options.experiment,
      commit,
      date: new Date(Date.UTC(2026, 0, 1) + position * 3_600_000).toISOString(),
      branch: 'main',
      workflowRunId: 1000 + position,
      runAttempt: 1,
      runUrl: `${repositoryUrl}/actions/runs/${1000 + position}`,
      commitUrl: `${repositoryUrl}/commit/${commit}`,
      pullRequest: position % 3 === 0 ? 100 + position : null,
      metrics,
      params: { lr: 0.01 },
      gate:
        gated === undefined
          ? null
          : {
              passed,
              rules: [
                {
                  rule: `mean(${gated}) >= ${options.threshold}`,
                  metric: gated,
                  verdict: passed ? 'pass' : 'fail',
                  threshold: options.threshold,
                },
              ],
            },
      packageVersion: position % 5 === 0 ? `1.${position}.0` : null,
    };
  });
}

/** The commit of a generated entry: 40 hex digits, different for each seed and position. */
export function commitOf(seed: number, position: number): string {
  return createHash('sha1').update(`${seed}/${position}`).digest('hex');
}

/** A slowly rising, noisy value in about [0.7, 1]. */
function value(seed: number, position: number, metric: number, replicate: number): number {
  let bits =
    Math.imul(position + 1, 0x9e3779b1) ^ Math.imul(metric + 7, 0x85ebca6b) ^ Math.imul(replicate + 13, 0xc2b2ae35);
  bits = Math.imul(bits ^ Math.imul(seed, 0x27d4eb2f) ^ (bits >>> 15), 0x2c1b3c6d);
  const noise = ((bits ^ (bits >>> 13)) >>> 0) / 2 ** 32;
  return 0.7 + 0.2 * (1 - 1 / (1 + position / 50)) + 0.1 * noise;
}
