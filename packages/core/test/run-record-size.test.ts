import { describe, expect, it } from 'vitest';
import { UserError, fitRunRecord, parseRunRecord, thinHistory, type MetricHistory } from '../src/index.ts';
import { record } from './report-records.ts';

/** A noisy descending curve of `points` points with one spike up and one dip down. */
function curve(points: number, wallTimes = false): MetricHistory {
  const steps = Array.from({ length: points }, (_, i) => i * 10);
  const values = steps.map((_, i) => 1 / (1 + i / 1000) + Math.sin(i) * 0.01);
  values[Math.floor(points / 3)] = 99;
  values[Math.floor((2 * points) / 3)] = -99;
  return { steps, values, ...(wallTimes ? { wallTimes: steps.map((step) => 1.7e9 + step) } : {}) };
}

describe('thinHistory', () => {
  it('keeps the first and last points and every bucket’s extremes, in step order, within the limit', () => {
    const history = curve(10_000, true);
    const thin = thinHistory(history, 300);
    expect(thin.steps.length).toBeLessThanOrEqual(300);
    expect(thin.steps.length).toBeGreaterThan(250);
    expect(thin.sampledFrom).toBe(10_000);
    expect(thin.steps[0]).toBe(0);
    expect(thin.steps.at(-1)).toBe(99_990);
    expect(thin.values.at(-1)).toBe(history.values.at(-1));
    expect(Math.max(...thin.values)).toBe(99);
    expect(Math.min(...thin.values)).toBe(-99);
    expect(thin.steps.every((step, i) => i === 0 || step > (thin.steps[i - 1] ?? Infinity))).toBe(true);
    // Each kept point is a real point of the history, all columns from the same index.
    for (let i = 0; i < thin.steps.length; i++) {
      const index = (thin.steps[i] ?? 0) / 10;
      expect(thin.values[i]).toBe(history.values[index]);
      expect(thin.wallTimes?.[i]).toBe(history.wallTimes?.[index]);
    }
  });

  it('leaves a history within the limit as it is', () => {
    const history = curve(100);
    expect(thinHistory(history, 300)).toBe(history);
  });
});

describe('fitRunRecord', () => {
  it('returns a record within the cap unchanged', () => {
    const small = record({ loss: { value: 0.5, history: curve(1000) } });
    const fitted = fitRunRecord(small, 1024 * 1024);
    expect(fitted.record).toBe(small);
    expect(fitted.downsampled).toEqual([]);
  });

  it('thins the long histories until the record fits, and the record reads back', () => {
    const big = record({
      loss: { value: 0.1, history: curve(200_000) },
      accuracy: { value: 0.9, history: curve(150_000) },
      lr: { value: 0.01, history: curve(300) },
    });
    const cap = 1024 * 1024;
    expect(JSON.stringify(big).length).toBeGreaterThan(5 * cap);
    const fitted = fitRunRecord(big, cap);
    expect(Buffer.byteLength(fitted.text)).toBeLessThanOrEqual(cap);
    expect(fitted.downsampled.map((entry) => [entry.metric, entry.from])).toEqual([
      ['loss', 200_000],
      ['accuracy', 150_000],
    ]);
    const back = parseRunRecord(fitted.text, 'fitted');
    expect(back.metrics['loss']?.value).toBe(0.1);
    expect(back.metrics['loss']?.history?.sampledFrom).toBe(200_000);
    expect(Math.max(...(back.metrics['loss']?.history?.values ?? []))).toBe(99);
    expect(back.metrics['lr']?.history?.steps).toHaveLength(300);
    expect(back.metrics['lr']?.history?.sampledFrom).toBeUndefined();
    // The input is not changed.
    expect(big.metrics['loss']?.history?.steps).toHaveLength(200_000);
  });

  it('refuses a record that cannot fit even with short histories, saying why', () => {
    const metrics: Record<string, { value: number; history: MetricHistory }> = {};
    for (let i = 0; i < 1000; i++) metrics[`metric_${i}`] = { value: i, history: curve(300) };
    let thrown: unknown;
    try {
      fitRunRecord(record(metrics), 1024 * 1024);
    } catch (error: unknown) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UserError);
    expect((thrown as Error).message).toBe(
      'the run record would be 6.8 MiB, more than the 1.0 MiB a record may be, even with every history cut to 200 points; record fewer metrics or params',
    );
  });

  it('a sampledFrom smaller than the points it has is refused on reading', () => {
    const text = JSON.stringify(
      record({ loss: { value: 1, history: { steps: [1, 2, 3], values: [1, 2, 3], sampledFrom: 2 } } }),
    );
    expect(() => parseRunRecord(text, 'r.json')).toThrow(/loss.*history\.sampledFrom/);
  });
});
