import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_TREND_POINTS, renderTrendPage, trendPointUrl, type ExperimentHistory } from '@ml-actions/core';
import { commitOf, generateHistory } from '@ml-actions/testkit';

// The trend page in a real browser (Debian's Chromium, driven by playwright-core), opened from
// file:// as someone who downloaded the history branch would. Set CHROMIUM_PATH for another
// binary and TREND_PAGE_SCREENSHOT for where the screenshot goes (a temp folder otherwise).

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const HOSTILE = '<img src=x onerror=alert(1)>';
const METRICS = ['accuracy', 'loss', 'f1'];
const ENTRIES = 50;
const THRESHOLD = 0.8;
const REPOSITORY = 'https://github.com/octo-org/churn';

const history: ExperimentHistory[] = [
  { experiment: 'train-small', seed: 1 },
  { experiment: HOSTILE, seed: 2 },
].map(({ experiment, seed }) => ({
  experiment,
  entries: generateHistory({ experiment, entries: ENTRIES, metrics: METRICS, threshold: THRESHOLD, seed }),
}));

/** The little of the DOM that the checks read in the page (the project's TypeScript has no DOM types). */
interface PageNode {
  textContent: string | null;
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): ArrayLike<PageNode>;
  closest(selector: string): PageNode | null;
}

let browser: Browser;
let page: Page;
let folder: string;
const dialogs: string[] = [];
const errors: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}: install it with \`apt-get update && apt-get install -y chromium\` (as .ci/run does), or set CHROMIUM_PATH`,
    );
  }
  folder = await mkdtemp(join(tmpdir(), 'trend-page-'));
  for (const file of renderTrendPage(history, { title: 'churn: trends', repositoryUrl: REPOSITORY })) {
    await writeFile(join(folder, file.path), file.content);
  }
  // Chromium's sandbox needs user namespaces, which a root shell in a container often lacks.
  const asRoot = process.getuid?.() === 0;
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: asRoot ? ['--no-sandbox'] : [] });
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(pathToFileURL(join(folder, 'index.html')).href);
  await page.waitForSelector('figure.chart');
});

afterAll(async () => {
  await browser?.close();
  if (folder !== undefined) await rm(folder, { recursive: true, force: true });
});

describe('the trend page in Chromium, from file://', () => {
  it('draws one chart per experiment and metric, each with a point per run', async () => {
    const charts = await page.$$eval('figure.chart', (figures: PageNode[]) =>
      figures.map((figure) => ({
        experiment: figure.getAttribute('data-experiment'),
        metric: figure.getAttribute('data-metric'),
        points: figure.querySelectorAll('a.point').length,
      })),
    );
    const expected = history.flatMap(({ experiment }) =>
      METRICS.map((metric) => ({ experiment, metric, points: ENTRIES })),
    );
    expect(charts).toEqual(expect.arrayContaining(expected));
    expect(charts).toHaveLength(history.length * METRICS.length);
    expect(errors).toEqual([]);
  });

  it('links every point to its own commit, in history order', async () => {
    const links = await page.$$eval('figure.chart', (figures: PageNode[]) =>
      figures.map((figure) => Array.from(figure.querySelectorAll('a.point'), (point) => point.getAttribute('href'))),
    );
    const seeds = [1, 1, 1, 2, 2, 2];
    links.forEach((hrefs, chart) => {
      expect(hrefs).toEqual(
        Array.from({ length: ENTRIES }, (_, position) => `${REPOSITORY}/commit/${commitOf(seeds[chart]!, position)}`),
      );
    });
    const tooltip = await page.$eval('figure.chart a.point title', (title: PageNode) => title.textContent);
    expect(tooltip).toContain('pull request #100');
    expect(tooltip).toContain('package 1.0.0');
  });

  it('draws the gate threshold as a line across the gated metric', async () => {
    const lines = await page.$$eval('line.threshold', (found: PageNode[]) =>
      found.map((line) => ({
        metric: line.closest('figure')?.getAttribute('data-metric'),
        value: Number(line.getAttribute('data-value')),
        y: Number(line.getAttribute('y1')),
        flat: line.getAttribute('y1') === line.getAttribute('y2'),
      })),
    );
    expect(lines).toHaveLength(history.length);
    for (const line of lines) {
      expect(line).toMatchObject({ metric: 'accuracy', value: THRESHOLD, flat: true });
      expect(line.y).toBeGreaterThan(0);
      expect(line.y).toBeLessThan(200);
    }
  });

  it('shows a hostile experiment name as text: no dialog, no element made of it', async () => {
    const headings = await page.$$eval('section.experiment h2', (found: PageNode[]) =>
      found.map((h2) => h2.textContent),
    );
    expect(headings).toEqual(['train-small', HOSTILE]);
    expect(await page.$$eval('img', (images: PageNode[]) => images.length)).toBe(0);
    await page.waitForTimeout(100);
    expect(dialogs).toEqual([]);
    const table = await page.$$eval('table.latest', (tables: PageNode[]) =>
      tables.map((table) => table.querySelectorAll('tr.run').length),
    );
    expect(table).toEqual([10, 10]);
  });

  it('resolves the links of the table inside the repository to full addresses', async () => {
    const row = await page.$eval('table.latest tr.run', (tr: PageNode) =>
      Array.from(tr.querySelectorAll('a'), (a) => a.getAttribute('href')),
    );
    const newest = history[0]!.entries[ENTRIES - 1]!;
    expect(row).toEqual([newest.commitUrl, newest.runUrl]);
  });

  it('writes a screenshot', async () => {
    const path = process.env['TREND_PAGE_SCREENSHOT'] ?? join(folder, 'trend-page.png');
    await mkdir(dirname(path), { recursive: true });
    await page.screenshot({ path, fullPage: true });
    const bytes = await readFile(path);
    expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  });
});

/** What the checks read from the page after it followed a link. */
interface ShownState {
  points: { experiment: string; metric: string; commit: string; r: string }[];
  firstIsFocused: boolean;
  message: string | null;
  charts: number;
  scrollY: number;
  images: number;
  chartTop: number | null;
}

describe('links to one run (#experiment=...&commit=... or &version=...), in Chromium', () => {
  let tab: Page;
  const indexUrl = () => pathToFileURL(join(folder, 'index.html')).href;
  /** The marked points, the focused element and the message, as the page shows them. */
  const state = () =>
    tab.evaluate<ShownState>(`(() => {
      const points = Array.from(document.querySelectorAll('a.point.highlight'), (point) => ({
        experiment: point.closest('section').getAttribute('data-experiment'),
        metric: point.closest('figure').getAttribute('data-metric'),
        commit: point.getAttribute('data-commit'),
        r: point.querySelector('circle').getAttribute('r'),
      }));
      const focused = document.activeElement;
      const status = document.getElementById('trend-link');
      return {
        points,
        firstIsFocused: focused === document.querySelector('a.point.highlight'),
        message: status.hidden ? null : status.textContent,
        charts: document.querySelectorAll('figure.chart').length,
        scrollY: window.scrollY,
        images: document.querySelectorAll('img').length,
        chartTop: (() => {
          const section = focused && focused.closest ? focused.closest('section') : null;
          return section ? section.querySelector('figure.chart').getBoundingClientRect().top : null;
        })(),
      };
    })()`);
  const byMetric = <T extends { metric: string }>(points: T[]) =>
    [...points].sort((a, b) => a.metric.localeCompare(b.metric));
  /** Follows a link in the open tab: a new fragment, which the page reads on hashchange. */
  const follow = async (url: string) => {
    await tab.evaluate(`location.hash = ${JSON.stringify(new URL(url).hash)}`);
    await tab.waitForTimeout(50);
  };

  beforeAll(async () => {
    tab = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    tab.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    tab.on('pageerror', (error) => errors.push(error.message));
  });
  afterAll(async () => {
    await tab?.close();
  });

  it("on load, marks exactly the points of the commit, each metric's, and focuses the first", async () => {
    const commit = commitOf(1, 20);
    await tab.goto(trendPointUrl(indexUrl(), { experiment: 'train-small', commit }));
    await tab.waitForSelector('a.point.highlight');
    const shown = await state();
    expect(byMetric(shown.points)).toEqual(
      byMetric(METRICS.map((metric) => ({ experiment: 'train-small', metric, commit, r: '6' }))),
    );
    expect(shown.firstIsFocused).toBe(true);
    expect(shown.message).toBeNull();
  });

  it('on hashchange, moves the marks to a version of another experiment (a hostile name, matched as data) and scrolls to it', async () => {
    await follow(trendPointUrl(indexUrl(), { experiment: HOSTILE, version: '1.20.0' }));
    const shown = await state();
    expect(byMetric(shown.points)).toEqual(
      byMetric(METRICS.map((metric) => ({ experiment: HOSTILE, metric, commit: commitOf(2, 20), r: '6' }))),
    );
    expect(await tab.$$eval('a.point circle[r="6"]', (circles: PageNode[]) => circles.length)).toBe(METRICS.length);
    expect(shown.firstIsFocused).toBe(true);
    // Scrolled down to the experiment's first chart, which is in view whole (the page may end before it reaches the top).
    expect(shown.scrollY).toBeGreaterThan(0);
    expect(shown.chartTop).toBeGreaterThanOrEqual(0);
    expect(shown.chartTop).toBeLessThan(900 - 220);
    expect(shown.images).toBe(0);
  });

  it('says so, visibly, when the fragment matches no run or no experiment, and marks nothing', async () => {
    await follow(trendPointUrl(indexUrl(), { experiment: 'train-small', commit: 'ab'.repeat(20) }));
    let shown = await state();
    expect(shown.points).toEqual([]);
    expect(shown.message).toBe('no run of commit abababa in the history yet');
    expect(await tab.isVisible('#trend-link')).toBe(true);
    await follow(trendPointUrl(indexUrl(), { experiment: 'train-small', version: '9.9.9' }));
    expect((await state()).message).toBe('no run of version 9.9.9 in the history yet');
    await follow(`${indexUrl()}#`);
    shown = await state();
    expect(shown.message).toBeNull();
    expect(await tab.isVisible('#trend-link')).toBe(false);
  });

  it('runs nothing from a hostile experiment name in the fragment, and breaks nothing', async () => {
    const hostile = '"]<img src=x onerror=alert(1)>';
    await follow(trendPointUrl(indexUrl(), { experiment: hostile, commit: commitOf(1, 20) }));
    await tab.waitForTimeout(100);
    let shown = await state();
    expect(shown.message).toBe(`no experiment ${hostile} in the history yet`);
    expect(shown.points).toEqual([]);
    expect(shown.images).toBe(0);
    expect(shown.charts).toBe(history.length * METRICS.length);
    // The same, typed into the address bar unencoded.
    await tab.goto(`${indexUrl()}#experiment=${hostile}&commit=${commitOf(1, 20)}`);
    await tab.waitForSelector('figure.chart');
    await tab.waitForTimeout(100);
    shown = await state();
    expect(shown.images).toBe(0);
    expect(shown.charts).toBe(history.length * METRICS.length);
    expect(shown.message).toMatch(/^no experiment .*<img src=x onerror=alert\(1\)> in the history yet$/);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe('the trend page of a long history, in Chromium', () => {
  it('draws 10,000 runs as at most MAX_TREND_POINTS points per chart, the newest one included', async () => {
    const entries = generateHistory({ experiment: 'long', entries: 10_000, metrics: METRICS, threshold: THRESHOLD });
    const long = await mkdtemp(join(tmpdir(), 'trend-page-long-'));
    try {
      for (const file of renderTrendPage([{ experiment: 'long', entries }], {
        title: 'long',
        repositoryUrl: REPOSITORY,
      })) {
        await writeFile(join(long, file.path), file.content);
      }
      const tab = await browser.newPage();
      await tab.goto(pathToFileURL(join(long, 'index.html')).href);
      await tab.waitForSelector('figure.chart');
      const charts = await tab.$$eval('figure.chart', (figures: PageNode[]) =>
        figures.map((figure) => Array.from(figure.querySelectorAll('a.point'), (point) => point.getAttribute('href'))),
      );
      await tab.close();
      expect(charts).toHaveLength(METRICS.length);
      for (const hrefs of charts) {
        expect(hrefs.length).toBeGreaterThan(MAX_TREND_POINTS / 2);
        expect(hrefs.length).toBeLessThanOrEqual(MAX_TREND_POINTS);
        expect(hrefs[0]).toBe(entries[0]!.commitUrl);
        expect(hrefs.at(-1)).toBe(entries.at(-1)!.commitUrl);
      }
    } finally {
      await rm(long, { recursive: true, force: true });
    }
  });
});
