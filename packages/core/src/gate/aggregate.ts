import type { Aggregate } from './rule.ts';

/**
 * An aggregate over the values of several runs. NaN in any value makes the result NaN, so a
 * diverged seed cannot hide in a mean. `std` is the population standard deviation (divisor n,
 * as numpy's default), so one run has std 0. Throws on an empty list: callers check first.
 */
export function aggregateValues(aggregate: Aggregate, values: readonly number[]): number {
  if (values.length === 0) throw new Error(`${aggregate} of no values`);
  if (values.some(Number.isNaN)) return Number.NaN;
  switch (aggregate) {
    case 'mean':
      return mean(values);
    case 'min':
      // A loop, not Math.min(...values): spreading a very long list overflows the stack.
      return values.reduce((a, b) => (b < a ? b : a));
    case 'max':
      return values.reduce((a, b) => (b > a ? b : a));
    case 'median': {
      const sorted = [...values].sort((a, b) => a - b);
      const middle = Math.floor(sorted.length / 2);
      return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
    }
    case 'std': {
      const centre = mean(values);
      return Math.sqrt(values.reduce((sum, v) => sum + (v - centre) ** 2, 0) / values.length);
    }
  }
}

function mean(values: readonly number[]): number {
  // No initial 0, so the mean of one value is that value exactly (even -0).
  return values.reduce((sum, v) => sum + v) / values.length;
}
