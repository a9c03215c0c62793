import { existsSync } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SERIES_COLOURS,
  evaluateRules,
  parseRules,
  renderComparison,
  renderGateSummary,
  renderMonitorReport,
  renderRunSummary,
  type MonitorView,
} from '@ml-actions/core';
import { failureAlert } from '@ml-actions/github';
import { renderPreviewPage } from '@ml-actions/testkit';
import { BASE_SHA, history, record } from '../../packages/core/test/report-records.ts';

// What reviewers see: our comment, job summaries and the monitor's issue rendered by the preview
// page (GitHub-flavoured Markdown, GitHub's styles, Mermaid's default theme) in Debian's Chromium
// driven by playwright-core. Every chart must become an SVG with one line (or bar series) per series
// in the palette's distinct colours, and no Mermaid error; alerts, tables and <details> must render.
// Set CHROMIUM_PATH for another binary and PREVIEW_SCREENSHOTS for a folder to keep the screenshots in.
// Without Chromium the tests fail in CI (CI set, as .ci/run and GitHub set it) and are skipped with a
// notice elsewhere.

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const palette = SERIES_COLOURS.map((colour) => colour.hex.toLowerCase());
const inCi = (process.env['CI'] ?? '') !== '' && process.env['CI'] !== 'false';
const skipped = !existsSync(CHROMIUM) && !inCi;
if (skipped) {
  console.warn(
    `NOTICE: the comment's browser tests are skipped: Chromium is not installed at ${CHROMIUM} (npm run peers installs it, or set CHROMIUM_PATH)`,
  );
}

/** The little of the DOM that the checks read (the project's TypeScript has no DOM types). */
interface PageNode {
  textContent: string | null;
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): ArrayLike<PageNode>;
}

interface Rendered {
  state: string | undefined;
  error: string | undefined;
  svgs: number;
  /** Per chart: the stroke of each line plot and the fill of each bar plot, in drawing order. */
  charts: { lines: string[]; bars: string[]; error: boolean }[];
  tables: number;
  alerts: string[];
  details: number;
  text: string;
}

let browser: Browser;
let folder: string;
const shots = process.env['PREVIEW_SCREENSHOTS'];

beforeAll(async () => {
  if (skipped) return;
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}: install it with \`apt-get update && apt-get install -y chromium\` (as npm run peers does), or set CHROMIUM_PATH`,
    );
  }
  folder = await mkdtemp(join(tmpdir(), 'comment-preview-'));
  const asRoot = process.getuid?.() === 0;
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: asRoot ? ['--no-sandbox'] : [] });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  if (folder !== undefined) await rm(folder, { recursive: true, force: true });
});

/** Writes the page, opens it, waits for its charts and reads what the checks need; takes a screenshot. */
async function open(name: string, markdown: string): Promise<Rendered> {
  const file = join(folder, `${name}.html`);
  await writeFile(file, await renderPreviewPage(markdown, `${name}.md`));
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(pathToFileURL(file).href);
  await page.waitForSelector('body:not([data-rendered="pending"])', { timeout: 30_000 });
  const rendered = await page.$eval('html', (root: PageNode): Rendered => {
    const body = Array.from(root.querySelectorAll('body'))[0]!;
    const all = (node: PageNode, selector: string) => Array.from(node.querySelectorAll(selector));
    return {
      state: body.getAttribute('data-rendered') ?? undefined,
      error: body.getAttribute('data-error') ?? undefined,
      svgs: all(root, 'article svg').length,
      charts: all(root, 'article svg').map((svg) => ({
        lines: all(svg, 'g[class^="line-plot-"] path').map((path) => (path.getAttribute('stroke') ?? '').toLowerCase()),
        bars: all(svg, 'g[class^="bar-plot-"]').map((group) =>
          (all(group, 'rect')[0]?.getAttribute('fill') ?? '').toLowerCase(),
        ),
        error: svg.getAttribute('aria-roledescription') === 'error',
      })),
      tables: all(root, 'article table').length,
      alerts: all(root, 'article .markdown-alert').map((node) => node.getAttribute('class') ?? ''),
      details: all(root, 'article details').length,
      text: all(root, 'article')[0]?.textContent ?? '',
    };
  });
  expect(problems, `${name}: errors in the page`).toEqual([]);
  const target = join(shots ?? folder, `${name}.png`);
  await page.screenshot({ path: target, fullPage: true });
  expect((await stat(target)).size).toBeGreaterThan(10_000);
  await page.close();
  return rendered;
}

/** Every chart drawn, none an error, its series in the palette's colours in order (`order` maps plots to palette entries). */
function expectCharts(rendered: Rendered, markdown: string, order: (chart: Rendered['charts'][number]) => string[]) {
  const blocks = markdown.match(/^```mermaid$/gm)?.length ?? 0;
  expect(blocks).toBeGreaterThan(0);
  expect(rendered.state, rendered.error).toBe('done');
  expect(rendered.svgs).toBe(blocks);
  expect(rendered.text).not.toMatch(/Syntax error|Parse error/);
  for (const chart of rendered.charts) {
    expect(chart.error).toBe(false);
    const colours = order(chart);
    expect(colours.length).toBeGreaterThanOrEqual(2);
    expect(new Set(colours).size).toBe(colours.length);
    for (const colour of colours) expect(palette).toContain(colour);
  }
}

describe.skipIf(skipped)('the comment as people see it', () => {
  const curve = (shift: number) => history(30, (i) => 0.3 + 0.7 * Math.exp(-i / (5 + shift)));
  const baseline = [
    record({ accuracy: 0.9, loss: { value: 0.31, history: curve(2) } }, { sha: BASE_SHA, branch: 'main' }),
  ];

  it('the comparison of a single run: the candidate blue, the baseline grey, the tables and the legend', async () => {
    const runs = [record({ accuracy: 0.912, loss: { value: 0.3, history: curve(0) } }, { branch: 'tune-lr' })];
    const rules = parseRules('accuracy >= 0.9\nloss <= baseline * 1.05');
    const gate = evaluateRules(rules, { runs, baseline, requireBaseline: false, alpha: 0.05 });
    const { comment } = renderComparison({
      runs,
      baseline: { records: baseline, sha: BASE_SHA },
      gate,
      rules,
      key: 'train',
    });
    const rendered = await open('comparison-single', comment);
    expectCharts(rendered, comment, (chart) => chart.lines);
    expect(rendered.charts[0]!.lines).toEqual(palette.slice(0, 2));
    expect(rendered.tables).toBeGreaterThanOrEqual(2);
    expect(rendered.text).toContain('Lines: blue: this PR');
  });

  it('the comparison of a matrix: replicates over seeds, the leaderboard, every chart in distinct colours', async () => {
    const runs = [1, 2, 3].flatMap((seed) =>
      ['lr-0.1', 'lr-0.2'].map((experiment, e) =>
        record(
          { accuracy: 0.9 + 0.01 * e + 0.001 * seed, loss: { value: 0.3 - 0.01 * e, history: curve(e - seed / 10) } },
          { runId: `${experiment}-${seed}`, experiment, matrix: { lr: experiment.slice(3), seed } },
        ),
      ),
    );
    const baselines = ['lr-0.1', 'lr-0.2'].map((experiment, e) =>
      record(
        { accuracy: 0.9, loss: { value: 0.31, history: curve(2 + e) } },
        { experiment, sha: BASE_SHA, branch: 'main' },
      ),
    );
    const { comment } = renderComparison({
      runs,
      baseline: { records: baselines, sha: BASE_SHA },
      gate: undefined,
      rules: [],
      key: 'ml',
    });
    const rendered = await open('comparison-matrix', comment);
    expectCharts(rendered, comment, (chart) => chart.lines);
    expect(rendered.tables).toBeGreaterThanOrEqual(2);
    expect(rendered.text).toMatch(/Leaderboard/);
  });

  it('the gate summary of a failed step: its caution alert and the rules table', async () => {
    const runs = [record({ accuracy: 0.8 })];
    const result = evaluateRules(parseRules('accuracy >= 0.9'), {
      runs,
      baseline: undefined,
      requireBaseline: false,
      alpha: 0.05,
    });
    const summary =
      renderGateSummary(result, { experiments: ['train'], notices: [] }) +
      failureAlert('1 of 1 rules failed: accuracy = 0.8, not >= 0.9');
    const rendered = await open('gate-summary', summary);
    expect(rendered.state).toBe('done');
    expect(rendered.alerts).toEqual(['markdown-alert markdown-alert-caution']);
    expect(rendered.tables).toBe(1);
  });

  it('the train summary: metrics, params and data tables', async () => {
    const run = record({ accuracy: 0.9, loss: 0.3 }, { params: { 'train.lr': 0.01 } });
    const rendered = await open('train-summary', renderRunSummary(run));
    expect(rendered.state).toBe('done');
    expect(rendered.tables).toBeGreaterThanOrEqual(2);
  });

  it("the monitor's issue: bars of the reference in grey, production's line in blue", async () => {
    const view: MonitorView = {
      name: 'churn',
      stage: 'production',
      version: '1.2.0',
      versionUrl: 'https://github.com/acme/churn/releases/tag/churn%40v1.2.0',
      referenceSource: 'the profile of v1.2.0',
      runUrl: 'https://github.com/acme/churn/actions/runs/7',
      checkedAt: new Date('2026-12-07T06:17:00Z'),
      files: ['traffic/today.csv'],
      rules: undefined,
      drift: {
        alpha: 0.05,
        rows: 2000,
        referenceRows: 3000,
        driftedShare: 0.5,
        drifted: true,
        columns: [
          {
            column: 'monthly_charges',
            kind: 'numeric',
            n: 2000,
            referenceN: 3000,
            missing: 0,
            ks: 0.36,
            ksPValue: 1e-140,
            psi: 0.83,
            wasserstein: 16.2,
            pValue: 1e-140,
            adjustedPValue: 4e-138,
            method: 'binned',
            drifted: true,
            histogram: {
              labels: ['below', '≤ 18', '≤ 40', '≤ 60', '≤ 80', '≤ 135', 'above'],
              reference: [0, 0.01, 0.25, 0.3, 0.25, 0.19, 0],
              production: [0, 0, 0.05, 0.2, 0.35, 0.38, 0.02],
            },
          },
          {
            column: 'tenure',
            kind: 'numeric',
            n: 2000,
            referenceN: 3000,
            missing: 0,
            ks: 0.02,
            ksPValue: 0.8,
            pValue: 0.8,
            adjustedPValue: 1,
            method: 'binned',
            drifted: false,
          },
        ],
      },
    };
    const body = renderMonitorReport(view);
    const rendered = await open('monitor-issue', body);
    expectCharts(rendered, body, (chart) => [...chart.bars, ...chart.lines]);
    expect(rendered.charts[0]).toMatchObject({ bars: [palette[1]], lines: [palette[0]] });
    expect(rendered.tables).toBe(1);
  });

  it('a hand-written page with every construct the preview renders: task lists, alerts, <details>', async () => {
    const markdown = [
      '- [x] trained',
      '- [ ] packaged',
      '',
      '> [!NOTE]',
      '> A note.',
      '',
      '<details><summary>More</summary>',
      '',
      '| a | b |',
      '| - | - |',
      '| 1 | 2 |',
      '',
      '</details>',
      '',
      '<script>window.parent.evil = 1</script><img src=x onerror="document.body.dataset.rendered = \'owned\'">',
    ].join('\n');
    const rendered = await open('constructs', markdown);
    expect(rendered.state).toBe('done');
    expect(rendered.alerts).toEqual(['markdown-alert markdown-alert-note']);
    expect(rendered.details).toBe(1);
    expect(rendered.tables).toBe(1);
  });
});
