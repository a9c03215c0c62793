/** Which metrics the comparison shows: input `metrics`, include and `!`-exclude globs over names. */

import { matchesAny, nameGlob } from '../text/name-glob.ts';

/**
 * A test of metric names from patterns such as `accuracy`, `loss`, `!val_*`: a metric is shown
 * when it matches an include pattern (every metric does when there is none) and no exclude
 * pattern. Globs are `nameGlob`'s: `*`, `?`, case ignored.
 */
export function metricSelection(patterns: readonly string[]): (metric: string) => boolean {
  const include: RegExp[] = [];
  const exclude: RegExp[] = [];
  for (const raw of patterns) {
    const pattern = raw.trim();
    if (pattern === '') continue;
    if (pattern.startsWith('!')) exclude.push(nameGlob(pattern.slice(1)));
    else include.push(nameGlob(pattern));
  }
  if (include.length === 0 && exclude.length === 0) return () => true;
  return (metric) => (include.length === 0 || matchesAny(metric, include)) && !matchesAny(metric, exclude);
}
