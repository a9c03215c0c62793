import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { chartGrid, downsampleForChart, downsampleToGrid, type PointSeries } from '../src/report/downsample.ts';
import { renderLearningCurve } from '../src/report/learning-curve.ts';
import { history } from './report-records.ts';
import { mermaidBlocks, mermaidParse, validateCharts } from './report-mermaid.ts';

beforeAll(async () => {
  await mermaidParse();
}, 60_000);

/** Wraps the columns so every numeric index read is counted. */
function counted(series: PointSeries): { series: PointSeries; reads: () => number } {
  let reads = 0;
  const wrap = (column: ArrayLike<number>): ArrayLike<number> =>
    new Proxy(column, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
  return { series: { steps: wrap(series.steps), values: wrap(series.values) }, reads: () => reads };
}

function minOf(values: readonly number[]): number {
  return values.reduce((a, b) => (b < a ? b : a), Infinity);
}
function maxOf(values: readonly number[]): number {
  return values.reduce((a, b) => (b > a ? b : a), -Infinity);
}

describe('downsampling', () => {
  it('keeps at most 100 points with the global min and max, the first and the last point', () => {
    const noisy = history(10_000, (i) => Math.sin(i / 37) + (i === 4321 ? 9 : 0) - (i === 777 ? 5 : 0));
    const grid = chartGrid([noisy]);
    expect(grid).toEqual({ lo: 0, hi: 9999, slots: 100, exact: false });
    const line = downsampleToGrid(noisy, grid!);
    expect(line).toHaveLength(100);
    expect(maxOf(line)).toBe(maxOf(noisy.values));
    expect(minOf(line)).toBe(minOf(noisy.values));
    expect(line[0]).toBe(noisy.values[0]);
    expect(line[99]).toBe(noisy.values[9999]);
  });

  it('holds those properties for arbitrary histories', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 3000 }),
        fc.integer({ min: 1, max: 50 }),
        (raw, stride) => {
          // -0 and 0 are the same point; toBe would tell them apart.
          const values = raw.map((value) => (Object.is(value, -0) ? 0 : value));
          const series = { steps: values.map((_, i) => i * stride), values };
          const chart = downsampleForChart([series]);
          if (chart === undefined) return;
          const [line] = chart.lines;
          expect(line!.length).toBeLessThanOrEqual(100);
          expect(minOf(line!)).toBe(minOf(values));
          expect(maxOf(line!)).toBe(maxOf(values));
          expect(line![0]).toBe(values[0]);
          expect(line!.at(-1)).toBe(values.at(-1));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('reads each point once for histories in step order, twice or so through chartGrid', () => {
    const n = 10_000;
    const one = counted(history(n, (i) => 1 / (1 + i)));
    downsampleForChart([one.series]);
    // One pass, plus a few reads of the first and last points (the extent, the first and last values).
    expect(one.reads()).toBeGreaterThanOrEqual(2 * n);
    expect(one.reads()).toBeLessThanOrEqual(2 * n + 10);

    const two = counted(history(n, (i) => 1 / (1 + i)));
    const grid = chartGrid([two.series]);
    downsampleToGrid(two.series, grid!);
    expect(two.reads()).toBeGreaterThanOrEqual(4 * n);
    expect(two.reads()).toBeLessThanOrEqual(4 * n + 10);
  });

  it('gives the same lines on its one-pass path as chartGrid plus downsampleToGrid', () => {
    const current = history(5000, (i) => Math.cos(i / 50) * (1 + i / 1000), 2);
    const baseline = history(3000, (i) => Math.sin(i / 40), 3, 100);
    const fast = downsampleForChart([current, baseline])!;
    const grid = chartGrid([current, baseline])!;
    expect(fast.grid).toEqual(grid);
    expect(fast.lines).toEqual([downsampleToGrid(current, grid), downsampleToGrid(baseline, grid)]);
    // Out of step order: the one-pass assumption fails and the general path gives the answer.
    const shuffled = { steps: [...current.steps].reverse(), values: [...current.values].reverse() };
    const slow = downsampleForChart([shuffled, baseline])!;
    expect(slow.lines[0]).toEqual(downsampleToGrid(shuffled, chartGrid([shuffled, baseline])!));
  });

  it('puts short regular histories on an exact grid, one slot per step', () => {
    const epochs = history(10, (i) => 0.5 + i / 100, 10, 10); // steps 10..100
    const grid = chartGrid([epochs]);
    expect(grid).toEqual({ lo: 10, hi: 100, slots: 10, exact: true });
    expect(downsampleToGrid(epochs, grid!)).toEqual(epochs.values);
  });

  it('aligns two histories of different lengths on one grid, holding the shorter one’s ends', () => {
    const current = history(21, (i) => 20 - i, 100); // steps 0..2000
    const baseline = history(6, (i) => 10 + i, 200, 200); // steps 200..1200
    const grid = chartGrid([current, baseline])!;
    expect(grid).toEqual({ lo: 0, hi: 2000, slots: 21, exact: true });
    const line = downsampleToGrid(baseline, grid);
    // Before step 200 it holds the first value; 200, 400 ... 1200 sit on every other slot.
    expect(line.slice(0, 3)).toEqual([10, 10, 10]);
    expect(line[3]).toBeCloseTo(10.5, 12); // step 300: halfway between 10 and 11
    expect(line.slice(12)).toEqual([15, 15, 15, 15, 15, 15, 15, 15, 15]);
  });

  it('leaves NaN and infinite points out of the lines', () => {
    const values = [NaN, 3, Infinity, 1, -Infinity, 2, NaN];
    const series = { steps: [0, 1, 2, 3, 4, 5, 6], values };
    const chart = downsampleForChart([series])!;
    expect(chart.grid).toEqual({ lo: 1, hi: 5, slots: 3, exact: true });
    expect(chart.lines[0]).toEqual([3, 1, 2]);
    expect(chart.scans[0]).toMatchObject({ points: 7, finite: 3, min: -Infinity, max: Infinity });
  });

  it('has nothing to draw without two distinct finite steps', () => {
    expect(downsampleForChart([{ steps: [5], values: [1] }])).toBeUndefined();
    expect(downsampleForChart([{ steps: [1, 2], values: [NaN, Infinity] }])).toBeUndefined();
    expect(
      downsampleForChart([
        { steps: [], values: [] },
        { steps: [3, 3], values: [1, 2] },
      ]),
    ).toBeUndefined();
  });
});

describe('learning curve', () => {
  it('renders both lines on a shared axis and a side table with first/min/max/last', async () => {
    const current = history(5, (i) => [2, 1.5, NaN, 0.75, 0.5][i]!, 10);
    const baseline = history(5, (i) => [2.5, 2, 1.5, 1.2, 1][i]!, 10);
    const text = renderLearningCurve(
      'val_loss',
      [
        { label: 'this PR', history: current },
        { label: 'baseline 2222222', history: baseline },
      ],
      4,
    )!;
    expect(text).toBe(
      [
        '```mermaid',
        '---',
        'config:',
        '  themeVariables:',
        '    xyChart:',
        '      plotColorPalette: "#1F6FEB, #8C959F"',
        '---',
        'xychart-beta',
        '  title "val_loss"',
        '  x-axis "step" 0 --> 40',
        '  y-axis 0.5 --> 2.5',
        '  line [2, 1.5, 1.125, 0.75, 0.5]',
        '  line [2.5, 2, 1.5, 1.2, 1]',
        '```',
        '',
        '**Lines**: blue: this PR · grey: baseline 2222222',
        '',
        '| Line | Series | Steps | First | Min | Max | Last |',
        '| :-: | :-- | --: | --: | --: | --: | --: |',
        '| blue | this PR | 0–40 (5) | 2 | 0.5 | 2 | 0.5 |',
        '| grey | baseline 2222222 | 0–40 (5) | 2.5 | 1 | 2.5 | 1 |',
        '',
        '_The blue line (this PR): 1 NaN/∞ point not drawn._',
      ].join('\n'),
    );
    expect(await validateCharts(text)).toBe(1);
  });

  it('writes tiny, huge and negative values without exponents, which Mermaid rejects', async () => {
    const tiny = history(200, (i) => 1e-9 * (1 + i));
    const huge = history(200, (i) => -3e22 * (1 + i));
    const text = renderLearningCurve(
      'lr',
      [
        { label: 'this PR', history: tiny },
        { label: 'baseline', history: huge },
      ],
      4,
    )!;
    const [chart] = mermaidBlocks(text);
    expect(chart).not.toMatch(/\de[+-]?\d/);
    expect(chart).toContain('0.000000001');
    expect(chart).toContain('-6000000000000000000000000');
    expect(await validateCharts(text)).toBe(1);
  });

  it('gives a flat curve some height and draws one line when the other series has no history', async () => {
    const flat = history(3, () => 5);
    const text = renderLearningCurve(
      'acc',
      [
        { label: 'this PR', history: flat },
        { label: 'baseline', history: undefined },
      ],
      4,
    )!;
    expect(text).toContain('  y-axis 4.5 --> 5.5\n  line [5, 5, 5]\n```');
    expect(text).toContain('| — | baseline | — | — | — | — | — |');
    expect(await validateCharts(text)).toBe(1);
  });

  it('renders nothing for a single step', () => {
    expect(renderLearningCurve('x', [{ label: 'this PR', history: { steps: [3], values: [1] } }], 4)).toBeUndefined();
  });
});

describe('the Mermaid check itself', () => {
  it('rejects a broken chart, so passing it means something', async () => {
    const parse = await mermaidParse();
    await expect(parse('xychart-beta\n  line [1, 2e5, 3]\n')).rejects.toThrow(/Parse error on line 2/);
    await expect(parse('xychart-beta\n  title "a "quoted" name"\n  line [1, 2]\n')).rejects.toThrow(/Parse error/);
    await expect(validateCharts('```mermaid\nxychart-beta\n  line [1,,2]\n```')).rejects.toThrow(
      /Mermaid rejected a chart/,
    );
    await expect(parse('xychart-beta\n  x-axis "step" 0 --> 2\n  line [1, 2, 3]\n')).resolves.toBeTruthy();
  });
});
