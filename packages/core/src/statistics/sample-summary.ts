/** What the comparison needs to know about the values of one metric over several runs. */
export interface SampleSummary {
  n: number;
  mean: number;
  /**
   * The sample standard deviation (divisor n - 1, as scipy's `ttest_ind` uses); undefined for a
   * single value, whose spread is unknown rather than zero.
   */
  std: number | undefined;
  min: number;
  max: number;
}

/**
 * Summarises the values of a metric over replicates. A NaN or an infinity makes the mean and the
 * spread non-finite: a diverged seed must show, not vanish into an average. Throws on an empty
 * list: callers summarise only metrics that some run has.
 */
export function summarizeSample(values: readonly number[]): SampleSummary {
  const n = values.length;
  if (n === 0) throw new Error('summary of no values');
  let min = values[0]!;
  let max = values[0]!;
  let sum = 0;
  for (const value of values) {
    sum += value;
    if (value < min || Number.isNaN(value)) min = value;
    if (value > max || Number.isNaN(value)) max = value;
  }
  if (n === 1) return { n, mean: values[0]!, std: undefined, min, max };
  // The plain sum's rounding errors grow with the values, not with their spread; for large, close
  // values (1e9 ± 1) they would shift the mean by a few units in its last place, and with it the
  // difference of two means by 1e-7 of itself. Adding the mean of the residuals (each exact, as
  // the values are close to the first mean) restores the mean to within about one unit in the
  // last place, as numpy's pairwise sum has it.
  const first = sum / n;
  let residuals = 0;
  if (Number.isFinite(first)) for (const value of values) residuals += value - first;
  const mean = first + residuals / n;
  // Two passes: the mean first, then squared deviations from it. One pass (sum of squares minus
  // the squared sum) loses every digit of the spread when the values are large and close.
  let squares = 0;
  for (const value of values) squares += (value - mean) ** 2;
  return { n, mean, std: Math.sqrt(squares / (n - 1)), min, max };
}
