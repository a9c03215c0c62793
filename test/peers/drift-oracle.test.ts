import { beforeAll, describe, expect, it } from 'vitest';
import {
  chiSquaredHomogeneity,
  jensenShannonDistance,
  kolmogorovSurvival,
  ksTwoSample,
  smirnovSurvival,
  wassersteinDistance,
} from '@ml-actions/core';
import { runPeerScriptOnInput } from '../support/peer-scripts.ts';
import { mulberry32, normal } from '../../packages/core/test/support/random-samples.ts';

// monitor's statistics against scipy's: ks_2samp (statistic and p-value, over both of its regimes:
// the exact distribution up to 10,000 values a side, the one-sample distribution above),
// wasserstein_distance, chi2_contingency and jensenshannon, and the tail functions the
// asymptotic p-value is made of, kstwo.sf and smirnov, over every region of their method choice.

interface Answer {
  samples: { ks: number; ksPValue: number; wasserstein: number }[];
  counts: { chi2: number; chi2PValue: number; jensenShannon: number }[];
  tails: { kolmogorov: number; smirnov: number }[];
}

const TOLERANCE = 1e-9;

function relative(ours: number, theirs: number): number {
  if (ours === theirs) return 0;
  if (Number.isNaN(ours) || Number.isNaN(theirs)) return Infinity;
  return Math.abs(ours - theirs) / Math.abs(theirs);
}

const next = normal(mulberry32(20261207));
const sorted = (n: number, draw: () => number) => Float64Array.from({ length: n }, draw).sort();

// Sizes on both sides of 10,000, equal and unequal, with no shift (large p) to a clear one
// (p far below 1e-10), and integer-valued data full of ties.
const SAMPLE_CASES: [number, number, number, boolean][] = [
  [1, 1, 0, false],
  [5, 3, 0.5, false],
  [50, 60, 0.3, false],
  [100, 100, 0.1, false],
  [200, 200, 1.5, false],
  [1000, 3000, 0.05, false],
  [777, 1234, 0.2, false],
  [10000, 10000, 0.02, false],
  [10000, 9999, 0.05, false],
  [500, 20000, 0.1, false],
  [100, 15000, 0, false],
  [30, 50000, 0.5, false],
  [20000, 30000, 0.03, false],
  [200000, 100000, 0.005, false],
  [1000000, 1000000, 0.002, false],
  [40, 40, 0, true],
  [3000, 700, 0.2, true],
  [60000, 60000, 0.01, true],
];

const samples = SAMPLE_CASES.map(([n1, n2, shift, ties]) => {
  const draw = ties ? () => Math.round(next() * 3) : () => next();
  return [sorted(n1, () => draw() + shift), sorted(n2, draw)] as const;
});

const counts: [number[], number[]][] = [
  [
    [10, 20, 30, 0],
    [15, 15, 40, 5],
  ],
  [
    [5000, 3000, 2000],
    [52, 31, 17],
  ],
  [
    [100, 100],
    [100, 100],
  ],
  [
    [900, 50, 30, 20, 0, 0],
    [10, 200, 300, 400, 5, 0],
  ],
  [Array.from({ length: 21 }, (_, i) => 1000 - i * 40), Array.from({ length: 21 }, (_, i) => 40 + ((i * 7) % 13))],
];

// (n, x) in each region of the one-sample distribution's method choice.
const tails: [number, number][] = [
  [3, 0.4],
  [10, 0.06],
  [10, 0.9],
  [50, 0.011],
  [50, 0.1],
  [50, 0.3],
  [100, 0.05],
  [140, 0.2],
  [141, 0.13],
  [500, 0.01],
  [500, 0.05],
  [500, 0.08],
  [5000, 0.02],
  [50000, 0.005],
  [100000, 0.0025],
  [200000, 0.002],
  [200000, 0.004],
  [1000000, 0.0012],
  [1000, 0.7],
];

describe('drift statistics against scipy', () => {
  let scipy: Answer;
  beforeAll(async () => {
    scipy = await runPeerScriptOnInput<Answer>('drift_oracle.py', {
      samples: samples.map(([a, b]) => [[...a], [...b]]),
      counts,
      tails,
    });
  }, 120_000);

  it('ks_2samp: statistic and p-value; wasserstein_distance', () => {
    let worst = 0;
    samples.forEach(([a, b], i) => {
      const ours = ksTwoSample(a, b);
      const theirs = scipy.samples[i]!;
      const where = `case ${i} (${a.length} vs ${b.length})`;
      expect(ours.statistic, where).toBe(theirs.ks);
      expect(relative(ours.pValue, theirs.ksPValue), `${where}: p ${ours.pValue} vs ${theirs.ksPValue}`).toBeLessThan(
        TOLERANCE,
      );
      expect(relative(wassersteinDistance(a, b), theirs.wasserstein), where).toBeLessThan(TOLERANCE);
      worst = Math.max(worst, relative(ours.pValue, theirs.ksPValue));
    });
    // The cases reach both regimes and p-values from near 1 to vanishingly small.
    const pValues = scipy.samples.map((answer) => answer.ksPValue);
    expect(Math.max(...pValues)).toBeGreaterThan(0.5);
    expect(Math.min(...pValues)).toBeLessThan(1e-10);
    console.log(`ks_2samp p-values: worst relative difference ${worst.toExponential(2)} over ${samples.length} cases`);
  });

  it('chi2_contingency (no correction) and jensenshannon over counts', () => {
    counts.forEach(([p, q], i) => {
      const test = chiSquaredHomogeneity(p, q)!;
      const theirs = scipy.counts[i]!;
      expect(relative(test.statistic, theirs.chi2), `case ${i}`).toBeLessThan(TOLERANCE);
      expect(
        relative(test.pValue, theirs.chi2PValue),
        `case ${i}: ${test.pValue} vs ${theirs.chi2PValue}`,
      ).toBeLessThan(TOLERANCE);
      expect(relative(jensenShannonDistance(p, q), theirs.jensenShannon), `case ${i}`).toBeLessThan(TOLERANCE);
    });
  });

  it('kstwo.sf and smirnov in every region of the method choice', () => {
    tails.forEach(([n, x], i) => {
      const theirs = scipy.tails[i]!;
      expect(relative(kolmogorovSurvival(n, x), theirs.kolmogorov), `kstwo.sf(${x}, ${n})`).toBeLessThan(TOLERANCE);
      // Our one-sided sum adds n·(1-x) terms whose logarithms are as large as n and cancel: at a
      // million values its rounding reaches 2e-8 (scipy's value there agrees to 16 digits with the
      // sum taken in 30-digit decimals). Two-sample p-values use it only when both samples have
      // over two million values.
      const tolerance = n > 200_000 ? 1e-7 : TOLERANCE;
      expect(relative(smirnovSurvival(n, x), theirs.smirnov), `smirnov(${n}, ${x})`).toBeLessThan(tolerance);
    });
  });
});
