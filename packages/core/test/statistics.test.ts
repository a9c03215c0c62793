import { describe, expect, it } from 'vitest';
import {
  noiseVerdict,
  summarizeSample,
  twoSidedCriticalValue,
  twoSidedTailProbability,
  welchTest,
  type WelchTest,
} from '../src/statistics/index.ts';

const welch = (candidate: number[], baseline: number[]) =>
  welchTest(summarizeSample(candidate), summarizeSample(baseline));

describe('summarizeSample', () => {
  it('one value: its mean, min and max, and an unknown (not zero) spread', () => {
    expect(summarizeSample([0.91])).toEqual({ n: 1, mean: 0.91, std: undefined, min: 0.91, max: 0.91 });
  });

  it('the sample standard deviation divides by n - 1', () => {
    expect(summarizeSample([1, 2, 3, 4])).toEqual({ n: 4, mean: 2.5, std: Math.sqrt(5 / 3), min: 1, max: 4 });
  });

  it('refuses an empty list', () => {
    expect(() => summarizeSample([])).toThrow('summary of no values');
  });

  it('a NaN makes mean, spread, min and max NaN rather than vanishing', () => {
    const summary = summarizeSample([0.9, Number.NaN, 0.8]);
    expect(summary.mean).toBeNaN();
    expect(summary.std).toBeNaN();
    expect(summary.min).toBeNaN();
    expect(summary.max).toBeNaN();
  });

  it('an infinity makes the mean infinite and the spread NaN', () => {
    const summary = summarizeSample([1, Number.POSITIVE_INFINITY, 2]);
    expect(summary).toMatchObject({ mean: Number.POSITIVE_INFINITY, min: 1, max: Number.POSITIVE_INFINITY });
    expect(summary.std).toBeNaN();
    expect(summarizeSample([1, Number.NEGATIVE_INFINITY]).mean).toBe(Number.NEGATIVE_INFINITY);
  });

  it('large, close values keep their spread: 1e9 + [1, 2, 3] × 1e-3', () => {
    const values = [1, 2, 3].map((k) => 1e9 + k * 1e-3);
    const summary = summarizeSample(values);
    // The values themselves are rounded to 1.2e-7 at 1e9; the spread is that of what they hold.
    const exact = Math.sqrt(((values[0]! - values[1]!) ** 2 + (values[2]! - values[1]!) ** 2) / 2);
    expect(summary.std).toBeCloseTo(1e-3, 6);
    expect(Math.abs(summary.std! - exact) / exact).toBeLessThan(1e-9);
    expect(summary.mean).toBe(values[1]);
  });

  it('large, close values keep their mean to the last place, where a plain sum is off', () => {
    // The exact mean of these doubles is 999999999.99865 (rounded); summing them in order and
    // dividing gives 999999999.9986501.
    const values = [...Array<number>(11).fill(1e9), 999999999.9838];
    expect(values.reduce((sum, value) => sum + value, 0) / values.length).toBe(999999999.9986501);
    expect(summarizeSample(values).mean).toBe(999999999.99865);
  });
});

describe("Student's t", () => {
  // Table values (two-sided 5 % and 1 %), and closed forms for 1 and 2 degrees of freedom.
  it.each([
    [10, 0.05, 2.228],
    [29, 0.05, 2.045],
    [1, 0.05, 12.706],
    [5, 0.01, 4.032],
    [1e9, 0.05, 1.96],
  ])('critical value for df %d at %d is %d', (df, probability, table) => {
    expect(twoSidedCriticalValue(probability, df)).toBeCloseTo(table, 3);
  });

  it.each([0.1, 1, 2.5, 12.706, 1e3, 1e8])('tail at t = %d for 1 and 2 degrees of freedom', (t) => {
    const oneDegree = 1 - (2 / Math.PI) * Math.atan(t);
    // For large t, 1 - 2 atan(t) / π loses digits; its complement 2 atan(1/t) / π keeps them.
    const cauchy = t > 1 ? (2 / Math.PI) * Math.atan(1 / t) : oneDegree;
    expect(Math.abs(twoSidedTailProbability(t, 1) - cauchy) / cauchy).toBeLessThan(1e-12);
    const twoDegrees = 1 - t / Math.sqrt(2 + t * t);
    const twoDegreesStable = 2 / (Math.sqrt(2 + t * t) * (Math.sqrt(2 + t * t) + t));
    expect(Math.abs(twoSidedTailProbability(t, 2) - twoDegreesStable) / twoDegreesStable).toBeLessThan(1e-12);
    if (t < 100) expect(twoDegrees).toBeCloseTo(twoDegreesStable, 12);
  });

  it('large df: tail and critical value within 1e-9 of scipy up to df = 1e7', () => {
    // scipy 1.17.1: 2 * stats.t.sf(t, df) and stats.t.isf(0.025, df).
    const scipy: [number, number, number][] = [
      [1e4, 3, 0.002706448189997666],
      [1e6, 0.5, 0.6170751874723714],
      [1e6, 3, 0.0026998625414218],
      [1e7, 0.5, 0.6170750884540148],
      [1e7, 3, 0.0026998027110371635],
      [1e7, 10, 1.5243592290273597e-23],
    ];
    for (const [df, t, p] of scipy) expect(Math.abs(twoSidedTailProbability(t, df) - p) / p).toBeLessThan(1e-9);
    const critical = 1.9599642217672055;
    expect(Math.abs(twoSidedCriticalValue(0.05, 1e7) - critical) / critical).toBeLessThan(1e-9);
  });

  it('the critical value is the inverse of the tail', () => {
    for (const df of [1, 2.5, 4, 17.3, 58]) {
      const t = twoSidedCriticalValue(0.05, df);
      expect(twoSidedTailProbability(t, df)).toBeCloseTo(0.05, 14);
    }
  });

  it('the critical value inverts the tail far out too, where the tail falls exponentially', () => {
    for (const [probability, df] of [
      [1e-200, 1e5],
      [1e-50, 3.7],
      [1e-12, 0.1],
      [1e-6, 1e7],
    ] as const) {
      const t = twoSidedCriticalValue(probability, df);
      expect(Math.abs(twoSidedTailProbability(t, df) / probability - 1)).toBeLessThan(1e-11);
    }
  });

  it('edges: t = 0 has tail 1, infinite t tail 0, NaN or df <= 0 NaN', () => {
    expect(twoSidedTailProbability(0, 3)).toBe(1);
    expect(twoSidedTailProbability(Number.NEGATIVE_INFINITY, 3)).toBe(0);
    expect(twoSidedTailProbability(Number.NaN, 3)).toBeNaN();
    expect(twoSidedTailProbability(1, 0)).toBeNaN();
    expect(twoSidedCriticalValue(0, 3)).toBeNaN();
  });
});

describe('welchTest', () => {
  it('matches scipy.stats.ttest_ind(equal_var=False) on a small case', () => {
    // scipy 1.17.1: ttest_ind([0.91, 0.92, 0.93], [0.90, 0.90, 0.91], equal_var=False) and its
    // confidence_interval(0.95).
    const test = welch([0.91, 0.92, 0.93], [0.9, 0.9, 0.91])!;
    const scipy = { pValue: 0.08244173716174705, df: 3.2, ciLow: -0.0038188595314210504, ciHigh: 0.03715219286475449 };
    for (const [field, value] of Object.entries(scipy)) {
      expect(Math.abs(test[field as keyof typeof scipy] - value) / Math.abs(value), field).toBeLessThan(1e-12);
    }
  });

  it('no spread on either side, equal means: p = 1 and the interval is [0, 0]', () => {
    expect(welch([0.9, 0.9, 0.9], [0.9, 0.9])).toMatchObject({ difference: 0, pValue: 1, ciLow: 0, ciHigh: 0 });
  });

  it('no spread on either side, different means: p = 0 and the interval is the difference', () => {
    const test = welch([0.92, 0.92], [0.9, 0.9, 0.9])!;
    const difference = 0.92 - 0.9;
    expect(test).toMatchObject({ difference, pValue: 0, ciLow: difference, ciHigh: difference, t: Infinity });
    expect(welch([1, 1], [2, 2])).toMatchObject({ pValue: 0, ciLow: -1, ciHigh: -1, t: -Infinity });
  });

  it('a side with one run gives no test', () => {
    expect(welch([0.9], [0.9, 0.91])).toBeUndefined();
    expect(welch([0.9, 0.91], [0.9])).toBeUndefined();
  });

  it('a NaN or an infinity on either side gives no test', () => {
    expect(welch([0.9, Number.NaN], [0.9, 0.91])).toBeUndefined();
    expect(welch([0.9, 0.91], [Number.POSITIVE_INFINITY, 0.91])).toBeUndefined();
    expect(welch([1e308, 1.7e308], [0.9, 0.91])).toBeUndefined();
  });

  it('a variance that underflows when squared: df is that of the other side, not 0 / 0', () => {
    // scipy gives NaN there and replaces it by df = 1; with one side's variance negligible,
    // Welch–Satterthwaite gives the other side's n - 1.
    const test = welch([0, 0, 0, 0, 0], [...Array<number>(15).fill(0), 6.370920154420741e-160])!;
    expect(test.df).toBeCloseTo(15, 12);
    expect(welch([0, 1e-160, 2e-160], [0, 1e-160, 2e-160])!.df).toBeCloseTo(4, 12);
    expect(welch([0, 1e150, 2e150], [0, 1e150, 2e150])!.df).toBeCloseTo(4, 12);
  });
});

describe('noiseVerdict', () => {
  const test = (difference: number, pValue: number): WelchTest => ({
    difference,
    pValue,
    standardError: 1,
    df: 4,
    t: difference,
    ciLow: difference - 1,
    ciHigh: difference + 1,
  });

  it('significant changes are better or worse by the direction that is good', () => {
    expect(noiseVerdict(test(0.02, 0.01), 'higher', 0.05)).toBe('better');
    expect(noiseVerdict(test(-0.02, 0.01), 'higher', 0.05)).toBe('worse');
    expect(noiseVerdict(test(0.02, 0.01), 'lower', 0.05)).toBe('worse');
    expect(noiseVerdict(test(-0.02, 0.01), 'lower', 0.05)).toBe('better');
  });

  it('within noise when p >= alpha, p is NaN, or nothing changed', () => {
    expect(noiseVerdict(test(0.02, 0.05), 'higher', 0.05)).toBe('within-noise');
    expect(noiseVerdict(test(0.02, 0.3), 'lower', 0.05)).toBe('within-noise');
    expect(noiseVerdict(test(0.02, Number.NaN), 'higher', 0.05)).toBe('within-noise');
    expect(noiseVerdict(test(0, 0), 'higher', 0.05)).toBe('within-noise');
  });

  it('single-run when there is no test', () => {
    expect(noiseVerdict(undefined, 'higher', 0.05)).toBe('single-run');
    expect(noiseVerdict(welch([0.9], [0.9, 0.91]), 'higher', 0.05)).toBe('single-run');
  });

  it('zero variance: equal values are within noise, different ones significant', () => {
    expect(noiseVerdict(welch([0.9, 0.9], [0.9, 0.9]), 'higher', 0.05)).toBe('within-noise');
    expect(noiseVerdict(welch([0.89, 0.89], [0.9, 0.9]), 'higher', 0.05)).toBe('worse');
  });
});
