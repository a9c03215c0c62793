/**
 * The trend page: a static site made from the experiments' durable history, one chart per
 * experiment and metric over the commits of the default branch, and a table of the latest runs.
 *
 * Three files. `index.html` is small and self-contained (inline style and script, no external
 * resource), so it works offline, from any static host, and under a strict Content Security
 * Policy. The data goes next to it in `data.js`, a script that sets one global: a page opened
 * from `file://` cannot `fetch` a local JSON file, but it can load a script beside it. An empty
 * `.nojekyll` tells GitHub Pages to serve the files as they are, without a Jekyll build. The site
 * is committed to the history branch's `docs/` folder (`TREND_PAGE_FOLDER`), next to the history
 * it is made from: `/docs` is one of the two folders GitHub Pages can serve from a branch (the
 * other is its root, which holds the history), and anyone can check out (or download) the branch
 * and open `docs/index.html` without a server, a token or a network.
 *
 * The page must stay fast for 10,000 runs: each chart draws at most `MAX_TREND_POINTS` of them
 * (`pickTrendPoints`: first, last, and each stretch's minimum and maximum), data.js holds only
 * the runs a chart or the table shows, as arrays rather than objects, numbers to 7 significant
 * digits. Names come from users' files (experiment and metric names): the script sets them as
 * text, data.js escapes `<`, `>` and `&` so no `</script>` can appear in it, and only http(s)
 * links are kept.
 */
import { createHash } from 'node:crypto';
import { safeUrl } from '../text/markdown-escape.ts';
import { showHiddenCharacters } from '../text/hidden-characters.ts';
import type { HistoryEntry } from './history-entry.ts';
import { TREND_PAGE_SCRIPT, TREND_PAGE_STYLE } from './trend-page-script.ts';
import { MAX_TREND_POINTS, pickTrendPoints } from './trend-points.ts';

/** One file of the site, by its path inside the site folder. */
export interface TrendPageFile {
  path: string;
  content: string;
}

export interface TrendPageOptions {
  title: string;
  /** The repository's web address (`https://github.com/owner/repo`), for pull request links. */
  repositoryUrl: string;
}

/** The history of one experiment, oldest entry first (the order it was written in). */
export interface ExperimentHistory {
  experiment: string;
  entries: HistoryEntry[];
}

/**
 * The folder of the history branch that holds the trend page: GitHub Pages, deploying from a
 * branch, serves its root or its `/docs` folder only.
 */
export const TREND_PAGE_FOLDER = 'docs';

/** The global data.js sets, read by the page's script. */
export const TREND_DATA_GLOBAL = 'mlActionsTrendData';
/** Runs the table of latest runs shows per experiment. */
export const LATEST_RUNS = 10;
/** Metrics the table of latest runs shows: the gate's first, then by name. */
export const TABLE_METRICS = 6;
/** Charts per experiment; the page names how many metrics were left out. */
export const MAX_TREND_CHARTS = 60;

/**
 * A run that a chart or the table shows: commit, date, pull request, package version, commit
 * link, run link, gate verdict (1 passed, 0 failed, null none). A link is an http(s) address, a
 * path (starting with `/`) inside `repositoryUrl`, or null.
 */
type TrendRun = [string, string, number | null, string | null, string | null, string | null, 0 | 1 | null];
/** A drawn point: position among the experiment's runs, index into `runs`, mean, std, min, max, n. */
type TrendPoint = [number, number, number, number | null, number, number, number];

export interface TrendData {
  version: 1;
  maxPoints: number;
  repositoryUrl: string | null;
  experiments: {
    name: string;
    /** The name as shown: hidden characters written out. */
    label: string;
    /** Runs in the history, drawn or not. */
    total: number;
    runs: TrendRun[];
    charts: { metric: string; label: string; thresholds: [string, number][]; points: TrendPoint[] }[];
    omittedMetrics: number;
    metricLabels: string[];
    /** Newest first: index into `runs`, then the mean of each table metric (null when absent). */
    latest: [number, (number | null)[]][];
  }[];
}

/** The files of the trend page (index.html, data.js and .nojekyll) for these experiments' histories. */
export function renderTrendPage(history: ExperimentHistory[], options: TrendPageOptions): TrendPageFile[] {
  const data = trendData(history, options);
  return [
    { path: 'index.html', content: pageHtml(options) },
    { path: 'data.js', content: `window.${TREND_DATA_GLOBAL} = ${scriptSafeJson(data)};\n` },
    { path: '.nojekyll', content: '' },
  ];
}

/** What data.js holds, before it is written. */
export function trendData(history: ExperimentHistory[], options: TrendPageOptions): TrendData {
  const repositoryUrl = safeUrl(options.repositoryUrl.replace(/\/+$/, '')) ?? null;
  return {
    version: 1,
    maxPoints: MAX_TREND_POINTS,
    repositoryUrl,
    experiments: history.map(({ experiment, entries }) => experimentData(experiment, entries, repositoryUrl)),
  };
}

function experimentData(
  experiment: string,
  entries: HistoryEntry[],
  repositoryUrl: string | null,
): TrendData['experiments'][number] {
  const runs: TrendRun[] = [];
  const runIndex = new Map<number, number>();
  const runOf = (position: number): number => {
    let index = runIndex.get(position);
    if (index === undefined) {
      index = runs.push(trendRun(entries[position]!, repositoryUrl)) - 1;
      runIndex.set(position, index);
    }
    return index;
  };

  const names = new Set<string>();
  for (const entry of entries) for (const name of Object.keys(entry.metrics)) names.add(name);
  const gate = latestGate(entries);
  const gateMetrics = new Set(gate?.rules.map((rule) => rule.metric));
  const byName = [...names].sort();
  const ordered = [
    ...byName.filter((name) => gateMetrics.has(name)),
    ...byName.filter((name) => !gateMetrics.has(name)),
  ];
  const charted = ordered.slice(0, MAX_TREND_CHARTS);

  const charts = charted.map((metric) => {
    const positions: number[] = [];
    const means: number[] = [];
    entries.forEach((entry, position) => {
      const mean = entry.metrics[metric]?.mean;
      if (mean !== undefined && Number.isFinite(mean)) {
        positions.push(position);
        means.push(mean);
      }
    });
    const points = pickTrendPoints(means).map((picked): TrendPoint => {
      const position = positions[picked]!;
      const summary = entries[position]!.metrics[metric]!;
      const mean = round(summary.mean);
      const std =
        typeof summary.std === 'number' && Number.isFinite(summary.std) && summary.std >= 0 ? summary.std : null;
      const min = Number.isFinite(summary.min) ? Math.min(summary.min, summary.mean) : summary.mean;
      const max = Number.isFinite(summary.max) ? Math.max(summary.max, summary.mean) : summary.mean;
      return [position, runOf(position), mean, std === null ? null : round(std), round(min), round(max), summary.n];
    });
    const thresholds: [string, number][] = [];
    for (const rule of gate?.rules ?? []) {
      if (rule.metric === metric && typeof rule.threshold === 'number' && Number.isFinite(rule.threshold)) {
        thresholds.push([showHiddenCharacters(rule.rule), round(rule.threshold)]);
      }
    }
    return { metric, label: showHiddenCharacters(metric), thresholds, points };
  });

  const tableMetrics = ordered.slice(0, TABLE_METRICS);
  const latest: [number, (number | null)[]][] = [];
  for (let position = entries.length - 1; position >= Math.max(0, entries.length - LATEST_RUNS); position--) {
    const metrics = entries[position]!.metrics;
    latest.push([
      runOf(position),
      tableMetrics.map((name) => {
        const mean = metrics[name]?.mean;
        return mean !== undefined && Number.isFinite(mean) ? round(mean) : null;
      }),
    ]);
  }
  return {
    name: experiment,
    label: showHiddenCharacters(experiment),
    total: entries.length,
    runs,
    charts,
    omittedMetrics: ordered.length - charted.length,
    metricLabels: tableMetrics.map(showHiddenCharacters),
    latest,
  };
}

/** The gate of the newest entry that has one: its thresholds are the ones drawn. */
function latestGate(entries: HistoryEntry[]): HistoryEntry['gate'] {
  for (let position = entries.length - 1; position >= 0; position--) {
    const gate = entries[position]!.gate;
    if (gate !== null && gate !== undefined) return gate;
  }
  return null;
}

function trendRun(entry: HistoryEntry, repositoryUrl: string | null): TrendRun {
  // Links into the repository lose its address, which data.js holds once.
  const link = (url: string): string | null => {
    const safe = safeUrl(url);
    if (safe === undefined) return null;
    return repositoryUrl !== null && safe.startsWith(`${repositoryUrl}/`) ? safe.slice(repositoryUrl.length) : safe;
  };
  const pullRequest = Number.isSafeInteger(entry.pullRequest) && entry.pullRequest! > 0 ? entry.pullRequest : null;
  return [
    showHiddenCharacters(String(entry.commit)),
    shownDate(entry.date),
    pullRequest,
    typeof entry.packageVersion === 'string' ? showHiddenCharacters(entry.packageVersion) : null,
    link(entry.commitUrl),
    link(entry.runUrl),
    entry.gate === null || entry.gate === undefined ? null : entry.gate.passed ? 1 : 0,
  ];
}

/** `2026-01-03 14:05` for an ISO 8601 UTC time, which is what the history writes; anything else as it is. */
function shownDate(date: string): string {
  const text = String(date);
  return /^\d{4}-\d\d-\d\dT\d\d:\d\d(:[\d.]+)?Z$/.test(text)
    ? `${text.slice(0, 10)} ${text.slice(11, 16)}`
    : showHiddenCharacters(text);
}

/** Seven significant digits: a chart and a tooltip need no more, and data.js gets shorter. */
function round(value: number): number {
  return Number(value.toPrecision(7));
}

/** JSON that is also a safe script: `<`, `>`, `&` and the JS line separators as `\u` escapes. */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * Text for HTML content and quoted attributes. Not `escapeInline`: that one writes Markdown
 * (backslashes before `*`, `_`, ...), which HTML would show as typed.
 */
function escapeHtml(text: string): string {
  return showHiddenCharacters(text).replace(
    /[<>&"']/g,
    (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' })[char]!,
  );
}

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
}

function pageHtml(options: TrendPageOptions): string {
  const title = escapeHtml(options.title);
  const repository = safeUrl(options.repositoryUrl);
  // Only this page's own script and style, and data.js beside it, may run: even a name that
  // slipped through as markup could not load or run anything.
  const policy = [
    "default-src 'none'",
    `script-src 'self' ${sha256(TREND_PAGE_SCRIPT)}`,
    `style-src ${sha256(TREND_PAGE_STYLE)}`,
    "img-src 'none'",
  ].join('; ');
  const source =
    repository === undefined
      ? ''
      : ` of <a href="${escapeHtml(repository)}">${escapeHtml(options.repositoryUrl.replace(/^https?:\/\//, ''))}</a>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<title>${title}</title>
<style>${TREND_PAGE_STYLE}</style>
</head>
<body>
<h1>${title}</h1>
<p class="note">Metrics of each experiment over the commits of the default branch${source}: the line is the mean over the replicates, the band mean \u00b1 std, the whiskers min..max, the dashed line the gate's threshold. Each point links to its commit.</p>
<noscript><p>This page draws its charts with JavaScript.</p></noscript>
<main id="trends"></main>
<script src="data.js"></script>
<script>${TREND_PAGE_SCRIPT}</script>
</body>
</html>
`;
}
