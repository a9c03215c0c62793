import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_TREND_POINTS, renderTrendPage, type ExperimentHistory } from '@ml-actions/core';
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
