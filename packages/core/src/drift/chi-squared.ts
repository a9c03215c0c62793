import { logGamma } from '../statistics/student-t.ts';

/**
 * P(X ≥ x) for a chi-squared variable with `df` degrees of freedom: the regularized upper
 * incomplete gamma function Q(df/2, x/2), by its series below a + 1 and by Lentz's continued
 * fraction above, where the fraction gives small tails to full relative precision.
 */
export function chiSquaredSurvival(x: number, df: number): number {
  if (!(x > 0)) return 1;
  if (x === Infinity) return 0;
  const a = df / 2;
  const half = x / 2;
  const logPrefix = a * Math.log(half) - half - logGamma(a);
  if (half < a + 1) {
    // P(a, x) = x^a e^-x / Γ(a + 1) · Σ x^k / ((a + 1)...(a + k))
    let term = 1 / a;
    let sum = term;
    for (let k = 1; k < 10_000; k++) {
      term *= half / (a + k);
      sum += term;
      if (term < sum * 1e-17) break;
    }
    return Math.max(0, 1 - Math.exp(logPrefix) * sum);
  }
  const tiny = 1e-300;
  let b = half + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let fraction = d;
  for (let i = 1; i < 10_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    fraction *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(logPrefix) * fraction;
}

export interface ChiSquaredTest {
  statistic: number;
  df: number;
  pValue: number;
}

/**
 * Pearson's chi-squared test of homogeneity for two rows of counts over the same categories (a 2 × k
 * table, no continuity correction): do both samples come from one distribution? Categories empty in
 * both rows are left out. Undefined when fewer than two categories remain or a row is empty.
 */
export function chiSquaredHomogeneity(first: readonly number[], second: readonly number[]): ChiSquaredTest | undefined {
  let total1 = 0;
  let total2 = 0;
  for (let i = 0; i < first.length; i++) {
    total1 += first[i]!;
    total2 += second[i]!;
  }
  const total = total1 + total2;
  if (total1 === 0 || total2 === 0) return undefined;
  let statistic = 0;
  let categories = 0;
  for (let i = 0; i < first.length; i++) {
    const column = first[i]! + second[i]!;
    if (column === 0) continue;
    categories++;
    const expected1 = (column * total1) / total;
    const expected2 = (column * total2) / total;
    statistic += (first[i]! - expected1) ** 2 / expected1 + (second[i]! - expected2) ** 2 / expected2;
  }
  if (categories < 2) return undefined;
  const df = categories - 1;
  return { statistic, df, pValue: chiSquaredSurvival(statistic, df) };
}
