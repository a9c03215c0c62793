import { describe, expect, it } from 'vitest';
import { summarizeSample, welchTest } from '../src/statistics/index.ts';
import { mulberry32, normal } from './support/random-samples.ts';

// Simulated pull requests with 3 candidate and 3 baseline runs, as a matrix of three seeds gives:
// how often `accuracy: no-drop significant` fails when nothing changed, and how often it catches
// a real drop. Seeded, so every run sees the same numbers.

const PULL_REQUESTS = 1000;
const RUNS = 3;
const ALPHA = 0.05;

/** The share of simulated pull requests whose candidate is significantly lower, and of those significant either way. */
function simulate(seed: number, drop: number): { lower: number; either: number } {
  const draw = normal(mulberry32(seed));
  // An accuracy of 0.9 with a seed-to-seed standard deviation of 0.01; `drop` in those units.
  const runs = (shift: number) => Array.from({ length: RUNS }, () => 0.9 + 0.01 * (draw() - shift));
  let lower = 0;
  let either = 0;
  for (let i = 0; i < PULL_REQUESTS; i++) {
    const test = welchTest(summarizeSample(runs(drop)), summarizeSample(runs(0)));
    if (test === undefined) throw new Error('three runs a side always give a test');
    if (test.pValue < ALPHA) {
      either++;
      if (test.difference < 0) lower++;
    }
  }
  return { lower: lower / PULL_REQUESTS, either: either / PULL_REQUESTS };
}

/** Three binomial standard errors of a share `p` over the simulated pull requests. */
const tolerance = (p: number) => 3 * Math.sqrt((p * (1 - p)) / PULL_REQUESTS);

describe("Welch's test on three runs a side", () => {
  it('the draws are standard normal: mean 0, variance 1, 2.5 % beyond 1.96 each side', () => {
    const draw = normal(mulberry32(1));
    const draws = Array.from({ length: 100_000 }, draw);
    const { mean, std } = summarizeSample(draws);
    expect(Math.abs(mean)).toBeLessThan(0.01);
    expect(Math.abs(std! - 1)).toBeLessThan(0.01);
    expect(draws.filter((x) => x < -1.96).length / draws.length).toBeCloseTo(0.025, 2);
    expect(draws.filter((x) => x > 1.96).length / draws.length).toBeCloseTo(0.025, 2);
  });

  it('with nothing changed, no-drop significant fails at most alpha / 2 of pull requests, within sampling error', () => {
    const { lower, either } = simulate(20261203, 0);
    console.log(
      `no change: ${(lower * 100).toFixed(1)} % significantly lower, ${(either * 100).toFixed(1)} % either way`,
    );
    // A drop is one tail of the two-sided test: alpha / 2 (2.5 %), give or take 3 × 0.49 %.
    expect(lower).toBeLessThanOrEqual(ALPHA / 2 + tolerance(ALPHA / 2));
    expect(either).toBeLessThanOrEqual(ALPHA + tolerance(ALPHA));
  });

  it('a true drop of two standard deviations is caught in about 37 % of pull requests', () => {
    const { lower } = simulate(20261204, 2);
    console.log(`drop of 2 standard deviations: caught in ${(lower * 100).toFixed(1)} %`);
    // scipy's ttest_ind on 100,000 such pairs (numpy's generator) catches 36.9 %; this seed gives
    // 39.9 %. The bound is 3 standard errors (3 × 1.5 %) below the former, so another seed fails it about once in 700.
    expect(lower).toBeGreaterThan(0.32);
  });
});
