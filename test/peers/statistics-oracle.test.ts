import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { summarizeSample, welchTest, type WelchTest } from '@ml-actions/core';
import { runPeerScriptOnInput } from '../support/peer-scripts.ts';

// Welch's test against scipy.stats.ttest_ind(a, b, equal_var=False) and its confidence_interval(0.95),
// for hundreds of generated pairs of samples sent to one Python process.

type Encoded = number | 'NaN' | 'Infinity' | '-Infinity';
interface ScipyWelch {
  pValue: Encoded;
  df: Encoded;
  t: Encoded;
  ciLow: Encoded;
  ciHigh: Encoded;
}
type Case = [number[], number[]];

const decode = (value: Encoded): number => (typeof value === 'number' ? value : Number(value));

const TOLERANCE = 1e-9;
const FIELDS = ['pValue', 'df', 'ciLow', 'ciHigh'] as const;

/** |ours - theirs| / |theirs|, and 0 when both are the same number (zero included). */
function relativeDifference(ours: number, theirs: number): number {
  if (ours === theirs) return 0;
  // A NaN on one side only is the largest difference there is, not one that comparisons skip.
  if (Number.isNaN(ours) || Number.isNaN(theirs)) return Number.POSITIVE_INFINITY;
  return Math.abs(ours - theirs) / Math.abs(theirs);
}

/** Units in [-1, 1], in millionths: fc.double's values near zero would make variances that underflow when squared. */
const units = fc.array(
  fc.integer({ min: -1e6, max: 1e6 }).map((millionths) => millionths / 1e6),
  { minLength: 30, maxLength: 30 },
);

/**
 * `n` values: centre + spread × u. `one-apart` makes them identical but the last one, the shape a
 * deterministic metric with one odd seed has.
 */
const sample = (centre: number, spread: number) =>
  fc
    .record({ n: fc.integer({ min: 2, max: 30 }), shape: fc.constantFrom('spread', 'spread', 'one-apart'), units })
    .map(({ n, shape, units }) =>
      Array.from({ length: n }, (_, i) => {
        const u = shape === 'spread' ? units[i]! : i === n - 1 ? units[0]! || 1 : 0;
        return centre + spread * u;
      }),
    );

/** A number in [min, max] in thousandths, evenly spread: fc.double crowds its values near zero. */
const thousandths = (min: number, max: number) =>
  fc.integer({ min: min * 1000, max: max * 1000 }).map((value) => value / 1000);

const cases = fc
  .record({
    // The magnitude of the values, 1e-12 to 1e12.
    level: fc.integer({ min: -12, max: 12 }).map((exponent) => 10 ** exponent),
    centre: fc.oneof(fc.constant(0), fc.constant(1), thousandths(-10, 10)),
    // The baseline's spread relative to the level, from tiny (1e-8) to huge (1e3).
    spread: fc.integer({ min: -8, max: 3 }).map((exponent) => 10 ** exponent),
    // How much wider the candidate's spread is: the variances may differ a millionfold.
    widening: fc.integer({ min: -3, max: 3 }).map((exponent) => 10 ** exponent),
    // The candidate's mean offset in units of the wider spread: none, within noise, or far out
    // (p-values down to 1e-300 and below).
    offset: fc.oneof(fc.constant(0), thousandths(-3, 3), thousandths(-300, 300)),
  })
  .chain(({ level, centre, spread, widening, offset }) => {
    const baselineSpread = level * spread;
    const candidateSpread = baselineSpread * widening;
    return fc.tuple(
      sample(level * centre + offset * Math.max(baselineSpread, candidateSpread), candidateSpread),
      sample(level * centre, baselineSpread),
    );
  });

function ours([a, b]: Case): WelchTest {
  const test = welchTest(summarizeSample(a), summarizeSample(b), 0.95);
  if (test === undefined) throw new Error('welchTest gave no answer for two samples of at least two finite values');
  return test;
}

/**
 * How far rounding each mean to a double moves t: eps × the larger mean / the standard error.
 * Values of 1e9 ± 1 put 1e-7 of the difference in the last place of the means, so no two
 * implementations that sum differently agree there to 1e-9 (numpy sums pairwise; the exact
 * answer differs from both). Above 1e-12 a case is judged by this bound, not by 1e-9.
 */
function roundingOfMeans([a, b]: Case, test: WelchTest): number {
  const largest = Math.max(Math.abs(summarizeSample(a).mean), Math.abs(summarizeSample(b).mean));
  return (Number.EPSILON * largest) / test.standardError;
}

/** Thirty values each side, apart by 3 to 300 spreads: p-values from 1e-27 to 1e-141, df near 58. */
const FAR_APART: Case[] = [3, 10, 30, 60, 100, 300].map((apart) => {
  const spread = (i: number, phase: number) => (((i * 37 + phase) % 61) - 30) / 30;
  return [
    Array.from({ length: 30 }, (_, i) => 0.9 + 0.01 * (apart + spread(i, 5))),
    Array.from({ length: 30 }, (_, i) => 0.9 + 0.01 * spread(i, 11)),
  ];
});

const ZERO_VARIANCE: Case[] = [
  [
    [0.9, 0.9, 0.9],
    [0.9, 0.9],
  ],
  [
    [0.91, 0.91],
    [0.9, 0.9, 0.9],
  ],
  [
    [-3, -3, -3, -3],
    [5, 5],
  ],
];

describe("Welch's test against scipy", () => {
  let generated: Case[];
  let scipy: ScipyWelch[];
  let scipyZeroVariance: ScipyWelch[];

  beforeAll(async () => {
    generated = [...fc.sample(cases, { numRuns: 600, seed: 20261203 }).map(([a, b]) => [a, b] as Case), ...FAR_APART];
    const answers = await runPeerScriptOnInput<ScipyWelch[]>('welch_oracle.py', {
      cases: [...generated, ...ZERO_VARIANCE],
    });
    scipy = answers.slice(0, generated.length);
    scipyZeroVariance = answers.slice(generated.length);
  });

  it("p-value, degrees of freedom and the 95 % interval agree to 1e-9 relative, or for large, close values to within the means' rounding", () => {
    const worst: Record<string, number> = {};
    const worstRounded: Record<string, number> = {};
    const worstRoundedRaw: Record<string, number> = {};
    let rounded = 0;
    for (const [index, sampleCase] of generated.entries()) {
      const mine = ours(sampleCase);
      const theirs = scipy[index]!;
      const rounding = roundingOfMeans(sampleCase, mine);
      const judgedByRounding = rounding > 1e-12;
      if (judgedByRounding) rounded++;
      // The interval's ends are a difference of two numbers; near zero, their error is one of the
      // interval's size, not of the end itself.
      const size = Math.abs(mine.difference) + (mine.ciHigh - mine.ciLow) / 2;
      const differences = {
        pValue: relativeDifference(mine.pValue, decode(theirs.pValue)),
        df: relativeDifference(mine.df, decode(theirs.df)),
        ciLow: Math.abs(mine.ciLow - decode(theirs.ciLow)) / size,
        ciHigh: Math.abs(mine.ciHigh - decode(theirs.ciHigh)) / size,
      };
      for (const field of FIELDS) {
        const difference = Number.isNaN(differences[field]) ? Number.POSITIVE_INFINITY : differences[field];
        // The degrees of freedom depend on the variances only, which the means' rounding spares.
        if (judgedByRounding && field !== 'df') {
          worstRoundedRaw[field] = Math.max(worstRoundedRaw[field] ?? 0, difference);
          worstRounded[field] = Math.max(worstRounded[field] ?? 0, difference / (rounding * (1 + Math.abs(mine.t))));
        } else {
          worst[field] = Math.max(worst[field] ?? 0, difference);
        }
      }
    }
    const show = (record: Record<string, number>) =>
      Object.entries(record)
        .map(([field, value]) => `${field} ${value.toExponential(2)}`)
        .join(', ');
    console.log(`largest relative differences from scipy over ${generated.length - rounded} cases: ${show(worst)}`);
    console.log(
      `over ${rounded} cases of large, close values, ${show(worstRoundedRaw)}; in units of the means' rounding × (1 + |t|): ${show(worstRounded)}`,
    );
    expect(rounded).toBeGreaterThan(20);
    expect(rounded).toBeLessThan(generated.length / 2);
    for (const field of FIELDS) expect(worst[field], field).toBeLessThanOrEqual(TOLERANCE);
    for (const field of ['pValue', 'ciLow', 'ciHigh'] as const)
      expect(worstRounded[field], field).toBeLessThanOrEqual(10);
  });

  it('with no spread on either side: scipy agrees on different means; on equal ones its p-value is NaN where ours is 1', () => {
    const mine = ZERO_VARIANCE.map(ours);
    // Equal means: scipy divides 0 by 0. (Its df is 1 in all three, a stand-in for its NaN; ours
    // is n1 + n2 - 2, which no p-value or interval uses here.)
    expect(scipyZeroVariance[0]).toMatchObject({ pValue: 'NaN', ciLow: 0, ciHigh: 0 });
    expect(mine[0]).toMatchObject({ pValue: 1, ciLow: 0, ciHigh: 0 });
    // Different means: certain, in both, and the interval is the difference itself.
    for (const index of [1, 2]) {
      const { pValue, ciLow, ciHigh } = scipyZeroVariance[index]!;
      expect(mine[index]).toMatchObject({ pValue, ciLow, ciHigh });
      expect(pValue).toBe(0);
    }
  });
});
