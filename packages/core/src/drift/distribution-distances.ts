/**
 * Distances between two distributions, each given as sorted samples or as counts over the same
 * cells.
 */

/**
 * The first Wasserstein (earth mover's) distance between two sorted samples: the area between their
 * empirical distribution functions.
 */
export function wassersteinDistance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n1 = a.length;
  const n2 = b.length;
  let i = 0;
  let j = 0;
  let area = 0;
  let previous = Math.min(a[0]!, b[0]!);
  while (i < n1 || j < n2) {
    const value = j >= n2 || (i < n1 && a[i]! <= b[j]!) ? a[i]! : b[j]!;
    area += Math.abs(i / n1 - j / n2) * (value - previous);
    previous = value;
    while (i < n1 && a[i]! <= value) i++;
    while (j < n2 && b[j]! <= value) j++;
  }
  return area;
}

/**
 * The Jensen-Shannon distance (natural logarithm) between two count vectors over the same cells,
 * each normalised to proportions: the square root of the mean of both Kullback-Leibler
 * divergences from their midpoint.
 */
export function jensenShannonDistance(first: readonly number[], second: readonly number[]): number {
  const total1 = first.reduce((sum, value) => sum + value, 0);
  const total2 = second.reduce((sum, value) => sum + value, 0);
  let divergence = 0;
  for (let i = 0; i < first.length; i++) {
    const p = first[i]! / total1;
    const q = second[i]! / total2;
    const m = (p + q) / 2;
    if (p > 0) divergence += p * Math.log(p / m);
    if (q > 0) divergence += q * Math.log(q / m);
  }
  return Math.sqrt(Math.max(divergence / 2, 0));
}

/**
 * The population stability index Σ (q - p)·ln(q/p) of production proportions q against reference
 * proportions p over the same cells. Half a count is added to every cell of both, so an empty
 * cell gives a large but finite term instead of an infinite one.
 */
export function populationStabilityIndex(reference: readonly number[], production: readonly number[]): number {
  const cells = reference.length;
  const total1 = reference.reduce((sum, value) => sum + value, 0) + cells / 2;
  const total2 = production.reduce((sum, value) => sum + value, 0) + cells / 2;
  let index = 0;
  for (let i = 0; i < cells; i++) {
    const p = (reference[i]! + 0.5) / total1;
    const q = (production[i]! + 0.5) / total2;
    index += (q - p) * Math.log(q / p);
  }
  return index;
}
