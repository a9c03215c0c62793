import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ColumnCollector,
  driftValues,
  ksStatistic,
  ksTest,
  measureDrift,
  numericProfile,
  parseRules,
  profileDataFiles,
  readDataRows,
  wassersteinDistance,
  binnedKsStatistic,
  binnedWasserstein,
  type DataFile,
  type NumericProfile,
} from '../src/index.ts';
import { mulberry32, normal } from './support/random-samples.ts';

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'drift-'));
});

async function file(name: string, text: string): Promise<DataFile> {
  const absolute = join(folder, name);
  await writeFile(absolute, text);
  return { absolute, display: name };
}

function csv(columns: Record<string, ArrayLike<number | string>>): string {
  const names = Object.keys(columns);
  const rows = columns[names[0]!]!.length;
  const lines = [names.join(',')];
  for (let i = 0; i < rows; i++) lines.push(names.map((name) => String(columns[name]![i])).join(','));
  return `${lines.join('\n')}\n`;
}

describe('reading data files', () => {
  it('reads CSV with quotes and missing cells, TSV, and JSON Lines with keys missing on some rows', async () => {
    const collector = new ColumnCollector();
    const a = await file('a.csv', 'age,city,note\n31,"Paris, FR",\n,Oslo,NA\n40.5,"Oslo",nan\n');
    const b = await file('b.tsv', 'age\tcity\n29\tRome\n');
    const c = await file('c.jsonl', '{"age": 50, "city": "Rome"}\n\n{"city": null, "flag": true}\n{"age": "NaN"}\n');
    expect(await readDataRows(a.absolute, a.display, collector)).toBe(3);
    expect(await readDataRows(b.absolute, b.display, collector)).toBe(1);
    expect(await readDataRows(c.absolute, c.display, collector)).toBe(3);
    const age = collector.byName.get('age')!;
    expect([...age.sorted()]).toEqual([29, 31, 40.5, 50]);
    expect(age.missingCount).toBe(3); // the empty cell, the absent key, "NaN"
    const city = collector.byName.get('city')!;
    expect(Object.fromEntries(city.texts)).toEqual({ 'Paris, FR': 1, Oslo: 2, Rome: 2 });
    expect(city.missingCount).toBe(2);
    expect(collector.byName.get('note')!.missingCount).toBe(3);
    // A column first seen on a later line was missing on the lines before it.
    expect(collector.byName.get('flag')!.missingCount).toBe(2);
    expect(Object.fromEntries(collector.byName.get('flag')!.texts)).toEqual({ true: 1 });
  });

  it('names the file and line of a bad row', async () => {
    const collector = new ColumnCollector();
    const short = await file('short.csv', 'a,b\n1,2\n3\n');
    await expect(readDataRows(short.absolute, short.display, collector)).rejects.toThrow(
      'short.csv:3: row has 1 field but the header has 2',
    );
    const json = await file('bad.jsonl', '{"a": 1}\n{"a": \n');
    await expect(readDataRows(json.absolute, json.display, collector)).rejects.toThrow(
      /^bad\.jsonl:2: is not JSON Lines/,
    );
    const list = await file('list.jsonl', '[1, 2]\n');
    await expect(readDataRows(list.absolute, list.display, collector)).rejects.toThrow(
      'list.jsonl:1: a JSON Lines row must be an object of column values',
    );
    const other = await file('data.parquet', 'PAR1');
    await expect(readDataRows(other.absolute, other.display, collector)).rejects.toThrow(
      /data\.parquet: is not a data file/,
    );
  });
});

describe('profiles', () => {
  it('numeric: quantile edges that are data values, exact counts, moments; categorical: top values and other', async () => {
    const values = Array.from({ length: 1001 }, (_, i) => (i % 7 === 0 ? '' : String(i)));
    const cities = Array.from({ length: 1001 }, (_, i) => (i < 500 ? 'Oslo' : i < 800 ? 'Rome' : `town${i}`));
    const data = await file('profile.csv', csv({ x: values, city: cities }));
    const { profile } = await profileDataFiles([data]);
    expect(profile.rows).toBe(1001);
    const x = profile.columns.find((column) => column.name === 'x') as NumericProfile;
    expect(x.kind).toBe('numeric');
    expect(x.missing).toBe(143);
    expect(x.count).toBe(858);
    expect(x.counts.reduce((sum, n) => sum + n, 0)).toBe(858);
    expect(x.edges).toHaveLength(21);
    expect(x.edges[0]).toBe(1);
    expect(x.edges[20]).toBe(1000);
    for (const edge of x.edges) expect(values).toContain(String(edge));
    const present = values.filter((v) => v !== '').map(Number);
    expect(x.mean).toBeCloseTo(present.reduce((s, v) => s + v, 0) / present.length, 9);
    const city = profile.columns.find((column) => column.name === 'city')!;
    expect(city).toMatchObject({ kind: 'categorical', count: 1001, distinct: 203, other: 201 - 18 });
    if (city.kind !== 'categorical') throw new Error('categorical');
    expect(city.top.slice(0, 2)).toEqual([
      { value: 'Oslo', count: 500 },
      { value: 'Rome', count: 300 },
    ]);
    expect(city.top).toHaveLength(20);
  });

  it('a column of numbers with some text is categorical, numbers counted under their shortest form', async () => {
    const data = await file('mixed.csv', 'code\n1\n1.0\nA7\n');
    const { profile } = await profileDataFiles([data]);
    expect(profile.columns[0]).toMatchObject({
      kind: 'categorical',
      top: [
        { value: '1', count: 2 },
        { value: 'A7', count: 1 },
      ],
    });
  });

  it('an empty file and a named column that no file has are errors naming them', async () => {
    const empty = await file('empty.csv', 'a,b\n');
    await expect(profileDataFiles([empty])).rejects.toThrow('empty.csv: no data rows to profile');
    const data = await file('one.csv', 'a\n1\n');
    await expect(profileDataFiles([data], ['b'])).rejects.toThrow('one.csv: no column "b"');
  });
});

describe('drift', () => {
  const draw = normal(mulberry32(7));
  const sample = (n: number, shift = 0) => Float64Array.from({ length: n }, () => draw() + shift);

  it('finds no drift in a batch from the reference distribution and a drifted column in a shifted one, by data or by profile', async () => {
    const reference = await file(
      'reference.csv',
      csv({ a: sample(5000), b: sample(5000), c: Array.from(sample(5000), (v) => (v > 0 ? 'yes' : 'no')) }),
    );
    const same = await file(
      'same.csv',
      csv({ a: sample(800), b: sample(800), c: Array.from({ length: 800 }, (_, i) => (i % 2 ? 'yes' : 'no')) }),
    );
    const shifted = await file(
      'shifted.csv',
      csv({ a: sample(800, 0.5), b: sample(800), c: Array.from({ length: 800 }, (_, i) => (i % 5 ? 'yes' : 'no')) }),
    );
    const byData = await profileDataFiles([reference]);
    const byProfile = { profile: byData.profile };
    for (const ref of [byData, byProfile]) {
      const calm = await measureDrift(ref, [same], { alpha: 0.05 });
      expect(calm.drifted, JSON.stringify(calm.columns.map((c) => [c.column, c.pValue]))).toBe(false);
      expect(calm.columns.map((c) => c.method)).toEqual(
        ref === byData ? ['exact', 'exact', 'binned'] : ['binned', 'binned', 'binned'],
      );
      const moved = await measureDrift(ref, [shifted], { alpha: 0.05 });
      expect(moved.columns.map((c) => [c.column, c.drifted])).toEqual([
        ['a', true],
        ['b', false],
        ['c', true],
      ]);
      expect(moved.driftedShare).toBeCloseTo(2 / 3, 12);
      const a = moved.columns[0]!;
      expect(a.ks).toBeGreaterThan(0.1);
      expect(a.adjustedPValue).toBeGreaterThanOrEqual(a.pValue!);
      expect(a.histogram!.labels[0]).toBe('below');
      const c = moved.columns[2]!;
      expect(c.chi2PValue).toBeLessThan(1e-6);
      expect(c.jensenShannon).toBeGreaterThan(0.1);
    }
  });

  it('a 0/1 column: the profile knows its distribution at both values, so a change in the rate is caught', async () => {
    const flags = (n: number, rate: number) =>
      Array.from({ length: n }, (_, i) => ((i * 7919) % 1000 < rate * 1000 ? 1 : 0));
    const reference = await profileDataFiles([await file('flags.csv', csv({ churned: flags(3000, 0.2) }))]);
    expect(reference.profile.columns[0]).toMatchObject({ kind: 'numeric', edges: [0, 1], counts: [2400, 600] });
    for (const ref of [reference, { profile: reference.profile }]) {
      const same = await measureDrift(ref, [await file('same-rate.csv', csv({ churned: flags(1000, 0.2) }))], {
        alpha: 0.05,
      });
      expect(same.drifted).toBe(false);
      const higher = await measureDrift(ref, [await file('higher-rate.csv', csv({ churned: flags(1000, 0.3) }))], {
        alpha: 0.05,
      });
      expect(higher.columns[0]).toMatchObject({ drifted: true, ks: 0.1 });
    }
  });

  it('a column missing in production, text in a numeric column, empty cells only: drifted, each with the reason', async () => {
    const reference = await profileDataFiles([
      await file('ref2.csv', csv({ a: sample(300), b: sample(300), e: sample(300) })),
    ]);
    const batch = await file(
      'batch2.csv',
      `a,e\n${Array.from({ length: 60 }, (_, i) => (i === 41 ? 'n/a?,' : `${draw()},`)).join('\n')}\n`,
    );
    const report = await measureDrift(reference, [batch], { alpha: 0.05 });
    const [a, b, e] = report.columns;
    expect(a!.drifted).toBe(true);
    expect(a!.note).toBe('numeric in the reference, but production holds text ("n/a?" in batch2.csv line 43, 1 cells)');
    expect(b).toMatchObject({ drifted: true, note: 'missing in production: no file has this column' });
    expect(e).toMatchObject({ drifted: true, note: 'every production cell is empty', missing: 60 });
    expect(report.driftedShare).toBe(1);
  });

  it('an empty batch and an unknown column are errors that name the input', async () => {
    const reference = await profileDataFiles([await file('ref3.csv', csv({ a: sample(50) }))]);
    await expect(measureDrift(reference, [await file('none.csv', 'a\n')], { alpha: 0.05 })).rejects.toThrow(
      'input "data": no data rows in none.csv: an empty batch says nothing about drift',
    );
    await expect(
      measureDrift(reference, [await file('x.csv', 'a\n1\n')], { alpha: 0.05, columns: ['zz'] }),
    ).rejects.toThrow('input "columns": "zz" is not a column of the reference; it has a');
  });

  it('a categorical column with 100,000 distinct values is an identifier: counted within a bound, not tested', async () => {
    const ids = Array.from({ length: 100_000 }, (_, i) => `user-${i}`);
    const reference = await profileDataFiles([await file('ids.csv', csv({ id: ids }))]);
    const column = reference.profile.columns[0]!;
    expect(column).toMatchObject({ kind: 'categorical', distinct: 10_000, distinctCapped: true });
    const report = await measureDrift(reference, [await file('ids2.csv', csv({ id: ids.slice(0, 500) }))], {
      alpha: 0.05,
    });
    expect(report.columns[0]).toMatchObject({ drifted: false });
    expect(report.columns[0]!.note).toMatch(/^more than 10,000 distinct values in the reference: an identifier/);
    expect(JSON.stringify(reference.profile).length).toBeLessThan(4000);
  });

  it('gives rules the drift values under the names they use', async () => {
    const reference = await profileDataFiles([
      await file('ref4.csv', csv({ age: sample(400), city: Array.from({ length: 400 }, (_, i) => `c${i % 3}`) })),
    ]);
    const report = await measureDrift(
      reference,
      [await file('b4.csv', csv({ age: sample(100), city: Array.from({ length: 100 }, (_, i) => `c${i % 3}`) }))],
      { alpha: 0.05 },
    );
    const values = driftValues(report);
    expect(Object.keys(values).sort()).toEqual(
      [
        'chi2_p(city)',
        'drifted_columns',
        'drifted_share',
        'js(city)',
        'ks(age)',
        'ks_p(age)',
        'psi(age)',
        'psi(city)',
        'wasserstein(age)',
      ].sort(),
    );
    const rules = parseRules('psi(age) < 0.2\nks_p(`age`) > 0.01\ndrifted_share <= 0.3');
    expect(rules.map((rule) => rule.metric)).toEqual(['psi(age)', 'ks_p(age)', 'drifted_share']);
  });
});

describe('a profile instead of the data: how far off, and in which direction', () => {
  // Against the reference's 20 quantile bins, the Kolmogorov-Smirnov statistic is taken at the
  // bin edges only: never above the exact one, so its p-value errs towards "no drift", and below it
  // by at most what falls in one bin. The Wasserstein distance spreads each bin's mass evenly.
  it('measured over shifts, spreads and sample sizes', () => {
    const draw = normal(mulberry32(11));
    let worstKsGap = 0;
    let worstWasserstein = 0;
    for (const [n, m, shift, scale] of [
      [10000, 1000, 0, 1],
      [10000, 1000, 0.5, 1],
      [5000, 200, 0.2, 1.5],
      [20000, 5000, 1, 0.7],
      [2000, 100000, 0.05, 1],
    ] as const) {
      const reference = Float64Array.from({ length: n }, draw).sort();
      const production = Float64Array.from({ length: m }, () => draw() * scale + shift).sort();
      const profile = numericProfile('x', reference, 0);
      const cells = new Array<number>(profile.edges.length + 2).fill(0);
      for (const value of production) {
        if (value < profile.edges[0]!) cells[0]!++;
        else if (value > profile.edges[profile.edges.length - 1]!) cells[cells.length - 1]!++;
        else cells[1 + profile.edges.findIndex((edge) => edge >= value)]!++;
      }
      const exact = ksStatistic(reference, production);
      const binned = binnedKsStatistic(profile, cells);
      expect(binned).toBeLessThanOrEqual(exact + 1e-15);
      const widestBin = Math.max(...profile.counts) / n;
      const gap = exact - binned;
      // Within a bin both functions rise by at most the bin's share of each sample.
      const productionWidest = Math.max(...cells) / m;
      expect(gap).toBeLessThanOrEqual(widestBin + productionWidest);
      expect(ksTest(binned, n, m).pValue).toBeGreaterThanOrEqual(ksTest(exact, n, m).pValue);
      worstKsGap = Math.max(worstKsGap, gap);
      const w = wassersteinDistance(reference, production);
      const wBinned = binnedWasserstein(profile, cells, production[0]!, production[m - 1]!);
      const error = Math.abs(wBinned - w);
      // Measured: within 0.03 of a standard deviation plus 10 % of the distance.
      expect(error).toBeLessThan(0.03 + 0.1 * w);
      worstWasserstein = Math.max(worstWasserstein, error);
    }
    console.log(
      `profile vs data: KS statistic at most ${worstKsGap.toFixed(4)} lower, Wasserstein off by at most ${worstWasserstein.toFixed(4)} (σ = 1)`,
    );
  });
});
