import type { Metric } from '../record/run-record.ts';
import { recordFromMap } from '../text/safe-record.ts';

/**
 * One metric's history as it is read: parallel number columns, in file order, plus its final
 * value kept up to date (the value at the largest step; on equal steps the later point wins).
 */
export class MetricSeries {
  readonly steps: number[] = [];
  readonly values: number[] = [];
  wallTimes: number[] | undefined = undefined;
  finalStep = -Infinity;
  finalValue = NaN;

  /** Adds a point; `wallTime` is seconds since the epoch, NaN when this point has none. */
  push(step: number, value: number, wallTime?: number): void {
    this.steps.push(step);
    this.values.push(value);
    if (wallTime !== undefined) {
      if (this.wallTimes === undefined) {
        // Earlier points had no wall time: pad so the columns stay parallel.
        const padded: number[] = [];
        for (let i = 1; i < this.steps.length; i++) padded.push(NaN);
        this.wallTimes = padded;
      }
      this.wallTimes.push(wallTime);
    } else if (this.wallTimes !== undefined) this.wallTimes.push(NaN);
    if (step >= this.finalStep) {
      this.finalStep = step;
      this.finalValue = value;
    }
  }

  get size(): number {
    return this.steps.length;
  }

  /** The metric as the run record holds it. */
  toMetric(): Metric {
    const metric: Metric = {
      value: this.finalValue,
      step: this.finalStep,
      history:
        this.wallTimes === undefined
          ? { steps: this.steps, values: this.values }
          : { steps: this.steps, values: this.values, wallTimes: this.wallTimes },
    };
    return metric;
  }
}

/** Histories of many metrics by key, as one file or folder is read. */
export class MetricTable {
  readonly series = new Map<string, MetricSeries>();

  /** The series for `key`, created empty the first time. */
  get(key: string): MetricSeries {
    let found = this.series.get(key);
    if (found === undefined) {
      found = new MetricSeries();
      this.series.set(key, found);
    }
    return found;
  }

  /** Metrics with at least one point, by key. */
  toMetrics(): Map<string, Metric> {
    const metrics = new Map<string, Metric>();
    for (const [key, series] of this.series) if (series.size > 0) metrics.set(key, series.toMetric());
    return metrics;
  }

  toRecord(): Record<string, Metric> {
    return recordFromMap(this.toMetrics());
  }
}
