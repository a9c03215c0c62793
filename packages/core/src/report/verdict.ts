/** The one-word verdict of a comparison, for the comment's first line and the JSON. */

import type { GateResult } from '../gate/gate-result.ts';
import type { MetricRow, RowStatus } from './metric-rows.ts';

export type ComparisonVerdict = 'better' | 'worse' | 'mixed' | 'no change' | 'no baseline' | 'failing gate';

/** How many rows have each status. */
export type StatusCounts = Record<RowStatus, number>;

/** Counts the rows of each status. */
export function countStatuses(rows: readonly MetricRow[]): StatusCounts {
  const counts: StatusCounts = {
    better: 0,
    worse: 0,
    'within-noise': 0,
    changed: 0,
    unchanged: 0,
    new: 0,
    missing: 0,
  };
  for (const row of rows) counts[row.status]++;
  return counts;
}

/**
 * A failing gate wins; then no baseline; then better/worse/mixed by the metrics that moved
 * either way beyond the noise (or as measured, with a single run on a side). Changes within
 * noise, system values that moved, new and missing metrics are counted in the summary line
 * but move no verdict.
 */
export function comparisonVerdict(
  counts: StatusCounts,
  hasBaseline: boolean,
  gate: GateResult | undefined,
): ComparisonVerdict {
  if (gate !== undefined && !gate.passed) return 'failing gate';
  if (!hasBaseline) return 'no baseline';
  if (counts.better > 0 && counts.worse > 0) return 'mixed';
  if (counts.better > 0) return 'better';
  if (counts.worse > 0) return 'worse';
  return 'no change';
}
