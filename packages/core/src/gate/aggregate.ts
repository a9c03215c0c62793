import { summarizeSample } from '../statistics/sample-summary.ts';
import type { Aggregate } from './rule.ts';

/** Thrown by `aggregateValues` for the std of a single value, whose spread is unknown rather than 0. */
export class SpreadUnknown extends Error {
  constructor() {
    super('the standard deviation of a single value is unknown');
    this.name = 'SpreadUnknown';
  }
}

/**
 * An aggregate over the values of several runs. NaN in any value makes the result NaN, so a
 * diverged seed cannot hide in a mean. `std` is the sample standard deviation (divisor n - 1, as
 * the significance test uses), so it needs two values: for one it throws SpreadUnknown. Throws on
 * an empty list: callers check first.
 */
export function aggregateValues(aggregate: Aggregate, values: readonly number[]): number {
  if (values.length === 0) throw new Error(`${aggregate} of no values`);
  if (values.some(Number.isNaN)) return Number.NaN;
  if (aggregate === 'median') {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  }
  const summary = summarizeSample(values);
  if (aggregate === 'std') {
    if (summary.std === undefined) throw new SpreadUnknown();
    return summary.std;
  }
  return summary[aggregate];
}
