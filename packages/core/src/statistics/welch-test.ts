import type { SampleSummary } from './sample-summary.ts';
import { twoSidedCriticalValue, twoSidedTailProbability } from './student-t.ts';

/** Welch's unequal-variances t-test of candidate against baseline, with the interval of the difference. */
export interface WelchTest {
  /** Candidate mean minus baseline mean. */
  difference: number;
  standardError: number;
  /** Welch–Satterthwaite degrees of freedom. */
  df: number;
  t: number;
  /** Two-sided p-value. */
  pValue: number;
  /** The confidence interval of the difference (95 % unless asked otherwise). */
  ciLow: number;
  ciHigh: number;
}

/**
 * Welch's test, as `scipy.stats.ttest_ind(candidate, baseline, equal_var=False)` with its
 * `confidence_interval()`. Undefined when either side has fewer than two values (no spread to
 * judge noise by) or a non-finite mean or spread. With no spread on either side the answer is
 * exact rather than NaN (where scipy gives NaN): equal means differ by nothing (p = 1), different
 * means differ for certain (p = 0), and the interval is the difference itself.
 */
export function welchTest(candidate: SampleSummary, baseline: SampleSummary, confidence = 0.95): WelchTest | undefined {
  if (candidate.n < 2 || baseline.n < 2) return undefined;
  const { std: s1 } = candidate;
  const { std: s2 } = baseline;
  if (s1 === undefined || s2 === undefined) return undefined;
  if (![candidate.mean, baseline.mean, s1, s2].every(Number.isFinite)) return undefined;
  const difference = candidate.mean - baseline.mean;
  const v1 = (s1 * s1) / candidate.n;
  const v2 = (s2 * s2) / baseline.n;
  const variance = v1 + v2;
  if (variance === 0) return differenceTest(difference, 0, candidate.n + baseline.n - 2, confidence);
  const standardError = Math.sqrt(variance);
  // Welch–Satterthwaite in the shares of the variance, not the variances themselves: squaring a
  // variance of 1e-170 underflows to 0 (scipy then gives 0 / 0 and, for that, df = 1), and one of
  // 1e160 overflows.
  const share1 = v1 / variance;
  const share2 = v2 / variance;
  const df = 1 / ((share1 * share1) / (candidate.n - 1) + (share2 * share2) / (baseline.n - 1));
  return differenceTest(difference, standardError, df, confidence);
}

/**
 * The t-test of a difference of means from its standard error and degrees of freedom, with the
 * interval. A zero standard error is exact: no difference (p = 1) or a certain one (p = 0).
 */
export function differenceTest(difference: number, standardError: number, df: number, confidence: number): WelchTest {
  if (standardError === 0) {
    const t = difference === 0 ? 0 : difference > 0 ? Infinity : -Infinity;
    return {
      difference,
      standardError,
      df,
      t,
      pValue: difference === 0 ? 1 : 0,
      ciLow: difference,
      ciHigh: difference,
    };
  }
  const t = difference / standardError;
  const halfWidth = twoSidedCriticalValue(1 - confidence, df) * standardError;
  return {
    difference,
    standardError,
    df,
    t,
    pValue: twoSidedTailProbability(t, df),
    ciLow: difference - halfWidth,
    ciHigh: difference + halfWidth,
  };
}
