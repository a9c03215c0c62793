import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_TREND_POINTS,
  TREND_DATA_GLOBAL,
  pickTrendPoints,
  renderTrendPage,
  type HistoryEntry,
  type TrendData,
} from '@ml-actions/core';
import { generateHistory } from '@ml-actions/testkit';

const OPTIONS = { title: 'churn: trends', repositoryUrl: 'https://github.com/octo-org/churn' };
const HOSTILE = '</script><img src=x onerror=alert(1)>&amp;';

function render(history: { experiment: string; entries: HistoryEntry[] }[], options = OPTIONS) {
  const files = renderTrendPage(history, options);
  const html = files.find((file) => file.path === 'index.html')?.content ?? '';
  const script = files.find((file) => file.path === 'data.js')?.content ?? '';
  const prefix = `window.${TREND_DATA_GLOBAL} = `;
  expect(script.startsWith(prefix) && script.endsWith(';\n')).toBe(true);
  const data = JSON.parse(script.slice(prefix.length, -2)) as TrendData;
  return { files, html, script, data };
}

const small = (experiment: string, entries = 5) =>
  generateHistory({ experiment, entries, metrics: ['accuracy', 'loss'], threshold: 0.8 });

describe('renderTrendPage', () => {
  it('writes index.html, data.js and an empty .nojekyll, and the page loads data.js beside it', () => {
    const { files, html } = render([{ experiment: 'train', entries: small('train') }]);
    expect(files.map((file) => file.path)).toEqual(['index.html', 'data.js', '.nojekyll']);
    expect(files.find((file) => file.path === '.nojekyll')?.content).toBe('');
    expect(html).toContain('<script src="data.js"></script>');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\/(?!github\.com\/octo-org\/churn")/);
  });

  it('allows only its own inline script and style by hash', () => {
    const { html } = render([{ experiment: 'train', entries: small('train') }]);
    const policy = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    const inline = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    expect(inline.length).toBeGreaterThan(100);
    expect(policy).toContain(`script-src 'self' ${hash(inline)}`);
    expect(policy).toContain(`style-src ${hash(style)}`);
    expect(policy).toContain("default-src 'none'");
  });

  it('keeps names out of the markup: the title escaped, names only in data.js, without <, > or &', () => {
    const entries = generateHistory({ experiment: HOSTILE, entries: 3, metrics: [HOSTILE], threshold: 0.8 });
    const { html, script, data } = render([{ experiment: HOSTILE, entries }], { ...OPTIONS, title: HOSTILE });
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;&amp;amp;');
    expect(script).not.toMatch(/[<>&]/);
    expect(data.experiments[0]?.name).toBe(HOSTILE);
    expect(data.experiments[0]?.charts[0]?.metric).toBe(HOSTILE);
  });

  it('writes out hidden characters in the names it shows', () => {
    const name = 'train\u202egpj.exe';
    const { data } = render([{ experiment: name, entries: small(name) }]);
    expect(data.experiments[0]).toMatchObject({ name, label: 'train<U+202E>gpj.exe' });
  });

  it('keeps only http(s) links', () => {
    const entries = small('train', 3).map((entry, position) => ({
      ...entry,
      commitUrl: ['javascript:alert(1)', 'https://github.com/octo-org/churn/commit/x"y', 'data:text/html,hi'][
        position
      ]!,
      runUrl: position === 1 ? 'vbscript:x' : entry.runUrl,
    }));
    const { data, html } = render([{ experiment: 'train', entries }], {
      ...OPTIONS,
      repositoryUrl: 'javascript:alert(1)',
    });
    const runs = data.experiments[0]!.runs;
    const commitLinks = runs.map((run) => run[4]);
    expect(commitLinks.filter((link) => link !== null)).toEqual(['https://github.com/octo-org/churn/commit/x%22y']);
    // With a safe repository address, links inside it are written as paths.
    const relative = render([{ experiment: 'train', entries }]).data;
    expect(relative.experiments[0]!.runs.map((run) => run[4])).toEqual([null, '/commit/x%22y', null]);
    expect(runs.map((run) => run[5]).filter((link) => link === null)).toHaveLength(1);
    expect(data.repositoryUrl).toBeNull();
    expect(html).not.toContain('javascript:');
  });

  it('draws the thresholds of the newest gate on their metric only', () => {
    const entries = small('train', 4);
    const newest = entries[3]!;
    entries[3] = {
      ...newest,
      gate: {
        passed: true,
        rules: [
          { rule: 'mean(accuracy) >= 0.85', metric: 'accuracy', verdict: 'pass', threshold: 0.85 },
          { rule: 'accuracy: no-drop significant', metric: 'accuracy', verdict: 'pass', threshold: null },
        ],
      },
    };
    const charts = render([{ experiment: 'train', entries }]).data.experiments[0]!.charts;
    expect(charts.map((chart) => [chart.metric, chart.thresholds])).toEqual([
      ['accuracy', [['mean(accuracy) >= 0.85', 0.85]]],
      ['loss', []],
    ]);
  });

  it('leaves out runs whose mean is not a finite number, and shows the latest runs newest first', () => {
    const entries = small('train', 12);
    entries[4] = {
      ...entries[4]!,
      metrics: { ...entries[4]!.metrics, loss: { mean: NaN, std: null, n: 1, min: NaN, max: NaN } },
    };
    const experiment = render([{ experiment: 'train', entries }]).data.experiments[0]!;
    const loss = experiment.charts.find((chart) => chart.metric === 'loss')!;
    expect(loss.points.map((point) => point[0])).toEqual([0, 1, 2, 3, 5, 6, 7, 8, 9, 10, 11]);
    const latest = experiment.latest.map(([run]) => experiment.runs[run]![0]);
    expect(latest).toEqual(
      entries
        .slice(2)
        .reverse()
        .map((entry) => entry.commit),
    );
    expect(experiment.latest[7]![1]).toEqual([Number(entries[4].metrics['accuracy']!.mean.toPrecision(7)), null]);
  });

  it('draws at most MAX_TREND_POINTS of 10,000 runs, with the first, the last, the lowest and the highest', () => {
    const entries = generateHistory({
      experiment: 'long',
      entries: 10_000,
      metrics: ['accuracy', 'loss', 'f1'],
      threshold: 0.8,
    });
    const { data, script } = render([{ experiment: 'long', entries }]);
    const experiment = data.experiments[0]!;
    for (const chart of experiment.charts) {
      const means = entries.map((entry) => entry.metrics[chart.metric]!.mean);
      const positions = chart.points.map((point) => point[0]);
      expect(positions.length).toBeLessThanOrEqual(MAX_TREND_POINTS);
      expect(positions).toContain(0);
      expect(positions).toContain(9_999);
      expect(positions).toContain(means.indexOf(Math.min(...means)));
      expect(positions).toContain(means.indexOf(Math.max(...means)));
      for (const point of chart.points) expect(experiment.runs[point[1]]![0]).toBe(entries[point[0]]!.commit);
    }
    // Only the runs a chart or the table shows are written.
    expect(experiment.runs.length).toBeLessThanOrEqual(3 * MAX_TREND_POINTS + 10);
    expect(script.length).toBeLessThan(JSON.stringify(entries).length / 20);
  });
});

describe('pickTrendPoints', () => {
  it('keeps every value of a short series', () => {
    expect(pickTrendPoints([3, 1, 2], 4)).toEqual([0, 1, 2]);
  });

  it('keeps the first, the last, the minimum and the maximum, in order, within the limit', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 2000 }),
        fc.integer({ min: 4, max: 400 }),
        (values, maxPoints) => {
          const picked = pickTrendPoints(values, maxPoints);
          expect(picked.length).toBeLessThanOrEqual(maxPoints);
          if (values.length <= maxPoints) expect(picked).toHaveLength(values.length);
          for (let i = 1; i < picked.length; i++) expect(picked[i]!).toBeGreaterThan(picked[i - 1]!);
          const shown = picked.map((position) => values[position]!);
          expect(picked[0]).toBe(0);
          expect(picked.at(-1)).toBe(values.length - 1);
          expect(Math.min(...shown)).toBe(Math.min(...values));
          expect(Math.max(...shown)).toBe(Math.max(...values));
        },
      ),
    );
  });

  it('refuses a limit too small to keep the first, last, minimum and maximum', () => {
    expect(() => pickTrendPoints([1, 2, 3, 4, 5], 3)).toThrow(/at least 4/);
  });
});
