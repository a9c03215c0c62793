import { beforeAll, describe, expect, it } from 'vitest';
import { outsideNoiseTest, summarizeSample } from '@ml-actions/core';
import { runPeerScriptOnInput } from '../support/peer-scripts.ts';

// The test with the noise from elsewhere, against scipy: given the pooled spread of the two samples
// themselves (df n1 + n2 - 2) as the outside estimate, it must be scipy's pooled t-test,
// scipy.stats.ttest_ind(a, b, equal_var=True), to the last digits.

interface ScipyPooled {
  pValue: number;
  t: number;
  ciLow: number;
  ciHigh: number;
}
type Case = [number[], number[]];

/** A deterministic spread of values in [-1, 1]. */
const wobble = (i: number, phase: number): number => (((i * 37 + phase) % 61) - 30) / 30;

const SIZES: [number, number][] = [
  [2, 2],
  [2, 5],
  [3, 3],
  [5, 20],
  [30, 30],
];
const CASES: Case[] = [];
for (const [n1, n2] of SIZES) {
  for (const apart of [0, 0.3, 1, 3, 10, 60]) {
    for (const level of [1e-6, 0.9, 1e6]) {
      CASES.push([
        Array.from({ length: n1 }, (_, i) => level * (1 + 0.01 * (apart + wobble(i, 5)))),
        Array.from({ length: n2 }, (_, i) => level * (1 + 0.01 * wobble(i, 11))),
      ]);
    }
  }
}

/** The pooled standard deviation of two samples: their residuals' squares over n1 + n2 - 2. */
function pooledStd(a: number[], b: number[]): number {
  const square = (values: number[]) => {
    const { mean } = summarizeSample(values);
    return values.reduce((sum, value) => sum + (value - mean) ** 2, 0);
  };
  return Math.sqrt((square(a) + square(b)) / (a.length + b.length - 2));
}

describe('the test with an outside noise estimate, against scipy', () => {
  let scipy: ScipyPooled[];

  beforeAll(async () => {
    scipy = await runPeerScriptOnInput<ScipyPooled[]>('pooled_t_oracle.py', { cases: CASES });
  });

  it('is the pooled t-test when the estimate is the samples’ own pooled spread', () => {
    let worst = 0;
    for (const [index, [a, b]] of CASES.entries()) {
      const test = outsideNoiseTest(summarizeSample(a), summarizeSample(b), {
        std: pooledStd(a, b),
        df: a.length + b.length - 2,
      });
      expect(test, `case ${index}`).toBeDefined();
      const theirs = scipy[index]!;
      for (const [ours, expected] of [
        [test!.pValue, theirs.pValue],
        [test!.t, theirs.t],
        [test!.ciLow, theirs.ciLow],
        [test!.ciHigh, theirs.ciHigh],
      ] as const) {
        const difference = ours === expected ? 0 : Math.abs(ours - expected) / Math.abs(expected);
        worst = Math.max(worst, difference);
        expect(difference, `case ${index}: ${ours} vs scipy ${expected}`).toBeLessThan(1e-8);
      }
    }
    console.log(
      `pooled t-test vs scipy over ${CASES.length} cases: largest relative difference ${worst.toExponential(2)}`,
    );
  });
});
