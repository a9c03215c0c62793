import type { SampleSummary } from './sample-summary.ts';
import { differenceTest, type WelchTest } from './welch-test.ts';

/**
 * A run-to-run standard deviation measured elsewhere than in the two samples compared (in the
 * base branch's history), with the degrees of freedom it was estimated with.
 */
export interface NoiseEstimate {
  std: number;
  df: number;
}

/**
 * The t-test of candidate against baseline when a side has too few runs to measure its own noise
 * and the spread of one run comes from `noise` instead: the difference of the means over
 * `std · √(1/n₁ + 1/n₂)`, t-distributed with the estimate's degrees of freedom (the variance of
 * an independent sample, as in a pooled t-test whose variance was pooled elsewhere). It has the
 * shape of Welch's test, so verdicts and intervals read the same. Undefined for a non-finite mean
 * or estimate, or df < 1. A zero spread is exact, as in `welchTest`.
 */
export function outsideNoiseTest(
  candidate: SampleSummary,
  baseline: SampleSummary,
  noise: NoiseEstimate,
  confidence = 0.95,
): WelchTest | undefined {
  const { std, df } = noise;
  if (![candidate.mean, baseline.mean, std, df].every(Number.isFinite) || std < 0 || df < 1) return undefined;
  const difference = candidate.mean - baseline.mean;
  return differenceTest(difference, std * Math.sqrt(1 / candidate.n + 1 / baseline.n), df, confidence);
}
