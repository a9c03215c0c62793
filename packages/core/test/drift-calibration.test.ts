import { describe, expect, it } from 'vitest';
import {
  compareColumns,
  numericProfile,
  ProductionColumns,
  type DataProfile,
  type DriftReference,
} from '../src/index.ts';
import { mulberry32, normal } from './support/random-samples.ts';

// How often monitor's default verdict raises an alarm on batches drawn from the reference's own
// distribution, at batch sizes from 50 to 1,000,000 rows, and how often it catches a mean shift of
// half a standard deviation. Each simulated batch gets a fresh reference sample of 10,000 rows: the
// verdict's p-value accounts for the noise of both samples, so the rate it promises is over both.
// The statistics behind the verdict depend on the data only through order (the two-sample
// Kolmogorov-Smirnov statistic, at the data's points or at the profile's bin edges), so uniform
// draws stand for any continuous distribution, and they are cheap enough for a million rows a batch.

const BATCHES = 1000;
const ALPHA = 0.05;
const REFERENCE_ROWS = 10_000;
// Three standard errors of a rate of ALPHA over BATCHES batches.
const TOLERANCE = 3 * Math.sqrt((ALPHA * (1 - ALPHA)) / BATCHES);

function profileOf(columns: Record<string, Float64Array>): DataProfile {
  const entries = Object.entries(columns);
  return {
    version: 1,
    rows: entries[0]![1].length,
    files: ['simulated'],
    columns: entries.map(([name, values]) => numericProfile(name, values.sort(), 0)),
  };
}

/** Feeds `rows` draws into every production column and judges the batch. */
function judge(reference: DriftReference, rows: number, draw: (column: number) => number) {
  const names = reference.profile.columns.map((column) => column.name);
  const production = new ProductionColumns(reference, names);
  production.columns(names, 'batch.csv');
  names.forEach((name, column) => {
    const sink = production.byName.get(name)!;
    for (let i = 0; i < rows; i++) sink.number(draw(column));
  });
  return compareColumns(reference, production, rows, ALPHA);
}

function falseAlarmRate(rows: number, mode: 'profile' | 'data', seed: number): { rate: number; psiRate: number } {
  const uniform = mulberry32(seed);
  let alarms = 0;
  let psiAlarms = 0;
  for (let batch = 0; batch < BATCHES; batch++) {
    const values = Float64Array.from({ length: REFERENCE_ROWS }, uniform).sort();
    const profile = profileOf({ x: values });
    const reference: DriftReference = mode === 'data' ? { profile, values: new Map([['x', values]]) } : { profile };
    const report = judge(reference, rows, uniform);
    if (report.drifted) alarms++;
    if (report.columns[0]!.psi! > 0.2) psiAlarms++;
  }
  return { rate: alarms / BATCHES, psiRate: psiAlarms / BATCHES };
}

describe('drift verdicts do not cry wolf', () => {
  const rates: string[] = [];

  it.each([50, 100, 1000, 10_000, 100_000, 1_000_000])(
    'against a profile: %i-row batches from the reference distribution raise at most alpha alarms',
    (rows) => {
      const { rate, psiRate } = falseAlarmRate(rows, 'profile', rows);
      rates.push(
        `profile, ${rows} rows: ${(rate * 100).toFixed(1)} % alarms (PSI > 0.2 would give ${(psiRate * 100).toFixed(1)} %)`,
      );
      expect(rate).toBeLessThanOrEqual(ALPHA + TOLERANCE);
    },
    300_000,
  );

  it.each([50, 100, 1000, 10_000, 100_000])(
    'against the reference data: %i-row batches raise alpha alarms, give or take sampling',
    (rows) => {
      const { rate } = falseAlarmRate(rows, 'data', rows + 1);
      rates.push(`data, ${rows} rows: ${(rate * 100).toFixed(1)} % alarms`);
      expect(rate).toBeLessThanOrEqual(ALPHA + TOLERANCE);
    },
    300_000,
  );

  it('twenty columns judged together raise at most alpha alarms per batch (Holm)', () => {
    const uniform = mulberry32(99);
    let alarms = 0;
    const runs = 300;
    for (let batch = 0; batch < runs; batch++) {
      const columns: Record<string, Float64Array> = {};
      for (let c = 0; c < 20; c++) columns[`f${c}`] = Float64Array.from({ length: 2000 }, uniform);
      if (judge({ profile: profileOf(columns) }, 1000, uniform).drifted) alarms++;
    }
    rates.push(`profile, 20 columns, 1000 rows: ${((alarms / runs) * 100).toFixed(1)} % of batches with any alarm`);
    expect(alarms / runs).toBeLessThanOrEqual(ALPHA + 3 * Math.sqrt((ALPHA * (1 - ALPHA)) / runs));
  }, 300_000);

  it('a shift of half a standard deviation in one of twenty features is caught in most 1,000-row batches', () => {
    const draw = normal(mulberry32(5));
    const columns: Record<string, Float64Array> = {};
    for (let c = 0; c < 20; c++) columns[`f${c}`] = Float64Array.from({ length: REFERENCE_ROWS }, draw);
    const profile = profileOf(columns);
    // Against the data, only the shifted column is compared value by value: the rest stay binned.
    const values = new Map([['f3', columns['f3']!]]);
    let caught = 0;
    let caughtExact = 0;
    let wrongColumn = 0;
    const runs = 200;
    for (let batch = 0; batch < runs; batch++) {
      const shifted = (column: number) => draw() + (column === 3 ? 0.5 : 0);
      const report = judge({ profile }, 1000, shifted);
      if (report.columns[3]!.drifted) caught++;
      wrongColumn += report.columns.filter((column, i) => i !== 3 && column.drifted).length;
      if (judge({ profile, values }, 1000, shifted).columns[3]!.drifted) caughtExact++;
    }
    rates.push(
      `shift 0.5 σ in 1 of 20 columns, 1000 rows: caught in ${((caught / runs) * 100).toFixed(1)} % against the profile, ${((caughtExact / runs) * 100).toFixed(1)} % against the data; ${wrongColumn} other columns flagged in ${runs} batches`,
    );
    expect(caught / runs).toBeGreaterThan(0.95);
    expect(caughtExact / runs).toBeGreaterThan(0.95);
    console.log(rates.join('\n'));
  }, 300_000);
});
