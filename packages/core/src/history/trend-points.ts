/**
 * Which runs of a long history a trend chart draws. A chart of 10,000 commits is a few hundred
 * pixels wide (640 here): drawing every run would only make the page slow. The chart keeps the first and
 * the last run, and for each of a fixed number of buckets of consecutive runs, the one with the
 * lowest and the one with the highest value, so a regression or a spike is never averaged away
 * and the overall minimum and maximum are always drawn. One pass, O(n).
 */

/** Most points one trend chart draws. */
export const MAX_TREND_POINTS = 160;

/**
 * Positions (ascending) of the values to draw: all of them when there are at most `maxPoints`,
 * otherwise the first, the last, and each bucket's minimum and maximum. Values are finite.
 */
export function pickTrendPoints(values: ArrayLike<number>, maxPoints: number = MAX_TREND_POINTS): number[] {
  if (!Number.isInteger(maxPoints) || maxPoints < 4) {
    throw new Error(`a trend chart needs at least 4 points to draw, not ${maxPoints}`);
  }
  const count = values.length;
  if (count <= maxPoints) return Array.from({ length: count }, (_, i) => i);
  const picked: number[] = [0];
  const inner = count - 2;
  const buckets = Math.floor((maxPoints - 2) / 2);
  for (let bucket = 0; bucket < buckets; bucket++) {
    const start = 1 + Math.floor((bucket * inner) / buckets);
    const end = 1 + Math.floor(((bucket + 1) * inner) / buckets);
    if (end <= start) continue;
    let low = start;
    let high = start;
    for (let i = start + 1; i < end; i++) {
      if (values[i]! < values[low]!) low = i;
      if (values[i]! > values[high]!) high = i;
    }
    // In position order, and once when the bucket's minimum is also its maximum.
    if (low === high) picked.push(low);
    else picked.push(Math.min(low, high), Math.max(low, high));
  }
  picked.push(count - 1);
  return picked;
}
