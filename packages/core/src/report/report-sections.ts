/**
 * The sections of the comparison report as Markdown, before any fitting to a size limit.
 * Everything from user files or the event goes through `escapeInline`/`escapeCell`.
 */

import type { GateResult, RuleResult } from '../gate/gate-result.ts';
import type { UnjudgedLeg } from '../gate/unjudged-legs.ts';
import type { MetricHistory, RunRecord } from '../record/run-record.ts';
import type { ReportCharts, ReportTable } from './fit-report.ts';
import type { NoiseVerdict } from '../statistics/noise-verdict.ts';
import type { SampleSummary } from '../statistics/sample-summary.ts';
import type { ExperimentGroup } from './experiment-groups.ts';
import type { Leaderboard } from './leaderboard.ts';
import type { DirectionSource, MetricDirection } from './metric-direction.ts';
import { renderLearningCurve } from './learning-curve.ts';
import { trendPointUrl } from '../history/trend-point-url.ts';
import { escapeCell, escapeInline, markdownLink, safeUrl, truncateText } from '../text/markdown-escape.ts';
import { tableHeader, tableRow, type TableColumn } from './markdown-table.ts';
import type { GateMark, MetricRow, RowStatus } from './metric-rows.ts';
import { formatNumber, formatPercent, formatPValue, formatSigned, MISSING } from './number-format.ts';
import { formatParamValues, type ParamChange } from './param-changes.ts';
import type { ComparisonVerdict, StatusCounts } from './verdict.ts';

/** Failing rules listed under the verdict; the rest are counted. */
const MAX_LISTED_RULES = 20;
const MAX_NOTICE_LENGTH = 1000;
const MAX_MESSAGE_LENGTH = 300;
const MAX_NAME_LENGTH = 100;

export interface CommitRef {
  sha: string | undefined;
  branch: string | undefined;
}

export interface HeadSection {
  verdict: ComparisonVerdict;
  counts: StatusCounts;
  gate: GateResult | undefined;
  current: CommitRef;
  baseline: (CommitRef & { url?: string | undefined; notice?: string | undefined }) | undefined;
  workflowRun: string | undefined;
  repository: string | undefined;
  serverUrl: string | undefined;
  unjudged: readonly UnjudgedLeg[];
  /** The significant changes to name before the table (a few, the most telling first). */
  significant: readonly MetricRow[];
  precision: number;
}

/** Significant changes named in the head; the table has them all. */
export const HEAD_CHANGES = 3;

const VERDICT_TEXT: Record<ComparisonVerdict, string> = {
  better: '🟢 **Better** than the baseline',
  worse: '🔴 **Worse** than the baseline',
  mixed: '🟡 **Mixed**: some metrics better, some worse',
  'no change': '⚪ **No change** from the baseline',
  'no baseline': '⚪ **No baseline**: nothing to compare with, showing this PR’s metrics',
  'failing gate': '❌ **Failing gate**',
};

const STATUS_ORDER: readonly RowStatus[] = [
  'better',
  'worse',
  'within-noise',
  'changed',
  'unchanged',
  'new',
  'missing',
];
const STATUS_WORDS: Record<RowStatus, string> = {
  better: 'better',
  worse: 'worse',
  'within-noise': 'within noise',
  changed: 'changed',
  unchanged: 'unchanged',
  new: 'new',
  missing: 'missing',
};

/** Heading, one-line verdict with counts, the commits compared, the baseline notice, failing rules. */
export function renderHead(section: HeadSection): string {
  const { verdict, counts, gate } = section;
  let line = VERDICT_TEXT[verdict];
  if (verdict === 'failing gate' && gate !== undefined) {
    const failed = gate.results.filter(isFailing).length;
    line += `: ${failed} of ${gate.results.length} ${plural(gate.results.length, 'rule')} failed`;
  }
  if (verdict === 'no change' && counts['within-noise'] > 0) line = '⚪ **No change** beyond noise';
  const tally = STATUS_ORDER.filter((status) => counts[status] > 0).map(
    (status) => `${counts[status]} ${STATUS_WORDS[status]}`,
  );
  if (tally.length > 0 && verdict !== 'no baseline') line += ` · ${tally.join(', ')}`;

  const context = [`This PR: ${commitText(section.current, section)}`];
  if (section.baseline !== undefined) {
    let text = `baseline: ${commitText(section.baseline, section)}`;
    const url = safeUrl(section.baseline.url);
    if (url !== undefined) text += ` ([baseline run](${url}))`;
    context.push(text);
  }
  const run = safeUrl(section.workflowRun);
  if (run !== undefined) context.push(`[workflow run](${run})`);

  const blocks = ['### 📊 Metric comparison', line];
  const changes = significantChanges(section.significant, section.precision);
  if (changes !== undefined) blocks.push(changes);
  blocks.push(context.join(' · '));
  const notice = section.baseline?.notice;
  if (notice !== undefined && notice !== '') {
    blocks.push(`> ℹ️ ${escapeInline(truncateText(notice, MAX_NOTICE_LENGTH))}`);
  }
  if (section.unjudged.length > 0) {
    const legs = section.unjudged.slice(0, MAX_LISTED_RULES).map((leg) => `${leg.name} ${leg.reason}`);
    if (section.unjudged.length > MAX_LISTED_RULES) legs.push(`${section.unjudged.length - MAX_LISTED_RULES} more`);
    const count = section.unjudged.length;
    blocks.push(
      `> ⚠️ ${count} ${plural(count, 'leg')} of this workflow run ${count === 1 ? 'is' : 'are'} not compared: ` +
        escapeInline(truncateText(legs.join('; '), MAX_NOTICE_LENGTH)),
    );
  }
  const failing = gate?.results.filter(isFailing) ?? [];
  if (failing.length > 0) {
    const items = failing.slice(0, MAX_LISTED_RULES).map(ruleLine);
    if (failing.length > MAX_LISTED_RULES) items.push(`- … and ${failing.length - MAX_LISTED_RULES} more`);
    blocks.push(items.join('\n'));
  }
  return blocks.join('\n\n');
}

/**
 * The few significant changes, a line: the metrics the gate judges first, then the largest
 * relative changes; the rest are counted, and the table under the head lists every one.
 */
function significantChanges(rows: readonly MetricRow[], precision: number): string | undefined {
  const significant = rows.filter((row) => row.status === 'better' || row.status === 'worse');
  if (significant.length === 0) return undefined;
  const ranked = [...significant].sort(
    (a, b) =>
      Number(b.gate !== undefined) - Number(a.gate !== undefined) ||
      Number(b.status === 'worse') - Number(a.status === 'worse') ||
      Math.abs(b.changePct ?? 0) - Math.abs(a.changePct ?? 0),
  );
  const picked = ranked.slice(0, HEAD_CHANGES);
  // A regression is never left to the table alone: the largest one takes the last place.
  const worst = ranked.find((row) => row.status === 'worse');
  if (worst !== undefined && !picked.includes(worst)) picked[picked.length - 1] = worst;
  const named = picked.map((row) => {
    const icon = row.status === 'better' ? '🟢' : '🔴';
    const where =
      new Set(rows.map((other) => other.experiment)).size > 1
        ? ` (${escapeInline(truncateText(row.experiment, MAX_NAME_LENGTH))})`
        : '';
    return `${icon} ${escapeInline(truncateText(row.metric, MAX_NAME_LENGTH))}${where} ${formatPercent(row.changePct, precision)}`;
  });
  const more = significant.length - named.length;
  return `Significant: ${named.join(' · ')}${more > 0 ? ` · ${more} more in the table` : ''}`;
}

function isFailing(result: RuleResult): boolean {
  return result.verdict === 'fail' || result.verdict === 'error';
}

function ruleLine(result: RuleResult): string {
  const icon = result.verdict === 'error' ? '⚠️' : '❌';
  const message = escapeInline(truncateText(result.message, MAX_MESSAGE_LENGTH));
  return `- ${icon} ${escapeInline(truncateText(result.rule, MAX_MESSAGE_LENGTH))} (line ${result.line}): ${message}`;
}

function commitText(ref: CommitRef, links: { repository: string | undefined; serverUrl: string | undefined }): string {
  const parts: string[] = [];
  if (ref.branch !== undefined && ref.branch !== '')
    parts.push(escapeInline(truncateText(ref.branch, MAX_NAME_LENGTH)));
  if (ref.sha !== undefined && ref.sha !== '') parts.push(commitLink(ref.sha, links.repository, links.serverUrl));
  return parts.length === 0 ? MISSING : parts.join(' @ ');
}

/** A short sha linked to its commit page when the sha, repository and server look right. */
export function commitLink(sha: string, repository: string | undefined, serverUrl: string | undefined): string {
  if (!/^[0-9a-f]{7,64}$/i.test(sha)) return escapeInline(truncateText(sha, 40));
  const short = sha.slice(0, 7);
  const server = safeUrl(serverUrl);
  if (server === undefined || repository === undefined || !/^[\w.-]+\/[\w.-]+$/.test(repository)) return short;
  return markdownLink(short, `${server.replace(/\/+$/, '')}/${repository}/commit/${sha}`);
}

const GATE_ICON: Record<GateMark, string> = { pass: '✅', fail: '❌', skipped: '⏭️' };

export interface MetricsTableOptions {
  precision: number;
  /** The gate column. */
  gate: boolean;
  hasBaseline: boolean;
  /** The significance level the verdicts used. */
  alpha: number;
}

/** The metrics table: one row per experiment (a column when there are several) and metric, with footnotes for what it shows. */
export function metricsTable(rows: readonly MetricRow[], options: MetricsTableOptions): ReportTable {
  const experiments = new Set(rows.map((row) => row.experiment)).size > 1;
  const tested = rows.some((row) => row.test !== undefined);
  const layout: RowLayout = { ...options, experiments, tested };
  const columns: TableColumn[] = [];
  if (experiments) columns.push({ title: 'Experiment' });
  columns.push(
    { title: 'Metric' },
    { title: 'Baseline', align: 'right' },
    { title: 'This PR', align: 'right' },
    { title: tested ? 'Change (95% CI)' : 'Change', align: 'right' },
    { title: 'Change %', align: 'right' },
  );
  if (tested) columns.push({ title: 'p', align: 'right' });
  if (options.hasBaseline) columns.push({ title: 'Verdict' });
  if (options.gate) columns.push({ title: 'Gate', align: 'center' });
  const lines = rows.map((row) => metricRowLine(row, layout));
  return { title: 'Metrics', header: tableHeader(columns), rows: lines, trailer: [], notes: tableNotes(rows, options) };
}

/** What the table shows, said once under it, for the rows it has. */
function tableNotes(rows: readonly MetricRow[], options: MetricsTableOptions): string[] {
  const notes: string[] = [];
  const alpha = formatNumber(options.alpha, 3);
  if (rows.some((row) => row.test !== undefined)) {
    notes.push(
      `_Values: mean ± standard deviation (number of runs) over an experiment’s replicates. Change: difference of the means with its 95% confidence interval; p: Welch’s t-test. A change is better or worse only when p < ${alpha}; otherwise it is within noise._`,
    );
  }
  const fromHistory = rows.flatMap((row) => (row.historyNoise === undefined ? [] : [row.historyNoise]));
  if (fromHistory.length > 0) {
    const entries = Math.max(...fromHistory.map((noise) => noise.entries));
    const pooled = fromHistory.some((noise) => noise.method === 'replicates');
    notes.push(
      `_${HISTORY_MARK} noise from history: a side has a single run, so the spread of one run is taken from the base branch's last ${entries} ${entries === 1 ? 'entry' : 'entries'} in the history (${pooled ? 'pooled over their replicates' : 'their values over the commits, which also holds real changes, so it errs towards within noise'}); p: t-test with that spread._`,
    );
  }
  if (rows.some((row) => row.verdict === 'single-run')) {
    notes.push('_single run: one run on a side, so its noise is unknown; the change is judged as measured._');
  }
  if (rows.length === 0) return notes;
  let arrows = '_↑ higher is better, ↓ lower is better';
  if (rows.some((row) => row.directionSource === 'guess')) {
    arrows += '; `?`: guessed from the name (declare it by a rule or input `higher-is-better` / `lower-is-better`)';
  }
  if (rows.some((row) => row.directionSource === 'system')) {
    arrows +=
      '; no arrow: a coordinate or system value (epoch, step, learning rate, runtime …), shown but never judged';
  }
  notes.push(`${arrows}._`);
  return notes;
}

interface RowLayout extends MetricsTableOptions {
  experiments: boolean;
  tested: boolean;
}

/** Marks a verdict whose noise came from the history, and the note that says so. */
const HISTORY_MARK = '†';

const VERDICT_WORDS: Record<NoiseVerdict, string> = {
  better: '🟢 better',
  worse: '🔴 worse',
  'within-noise': 'within noise',
  'single-run': 'single run',
};

/** One row of the metrics table. */
export function metricRowLine(row: MetricRow, layout: RowLayout): string {
  const { precision } = layout;
  const cells: string[] = [];
  if (layout.experiments) cells.push(escapeCell(row.experiment, MAX_NAME_LENGTH));
  cells.push(
    `${escapeCell(row.metric)}${directionMark(row.direction, row.directionSource)}`,
    formatSample(row.baseline, precision),
    formatSample(row.current, precision),
    changeCell(row, precision, layout.hasBaseline),
    row.status === 'new' || row.status === 'missing'
      ? MISSING
      : row.status === 'unchanged'
        ? '0%'
        : formatPercent(row.changePct, precision),
  );
  if (layout.tested) cells.push(row.test === undefined ? MISSING : formatPValue(row.test.pValue));
  if (layout.hasBaseline) {
    const words = row.verdict === undefined ? '' : VERDICT_WORDS[row.verdict];
    cells.push(row.historyNoise === undefined ? words : `${words} ${HISTORY_MARK}`);
  }
  if (layout.gate) cells.push(row.gate === undefined ? '' : GATE_ICON[row.gate]);
  return tableRow(cells);
}

/** ` ↑` or ` ↓` after a metric, `?` when guessed; nothing for a system value. */
export function directionMark(direction: MetricDirection | undefined, source: DirectionSource): string {
  if (direction === undefined) return '';
  return `${direction === 'higher' ? ' ↑' : ' ↓'}${source === 'guess' ? '?' : ''}`;
}

/** A sample: its value when there is one, else `mean ± std (n)`. */
export function formatSample(sample: SampleSummary | undefined, precision: number): string {
  if (sample === undefined) return MISSING;
  if (sample.n === 1) return formatNumber(sample.mean, precision);
  return `${formatNumber(sample.mean, precision)} ± ${formatNumber(sample.std, precision)} (${sample.n})`;
}

function changeCell(row: MetricRow, precision: number, hasBaseline: boolean): string {
  switch (row.status) {
    case 'new':
      // Without a baseline every metric is "new": say nothing rather than repeat it.
      return hasBaseline ? 'new' : MISSING;
    case 'missing':
      return 'missing';
    case 'unchanged':
      return '0';
    case 'better':
    case 'worse':
    case 'within-noise':
    case 'changed': {
      const change = row.change ?? NaN;
      // Only a change beyond noise (or as measured, for a single run) is coloured.
      const marker = row.status === 'better' ? '🟢 ' : row.status === 'worse' ? '🔴 ' : '';
      const arrow = change > 0 ? '▲ ' : change < 0 ? '▼ ' : '';
      const interval =
        row.test === undefined
          ? ''
          : ` [${formatNumber(row.test.ciLow, precision)}, ${formatNumber(row.test.ciHigh, precision)}]`;
      return `${marker}${arrow}${formatSigned(change, precision)}${interval}`;
    }
  }
}

/** The learning-curve section: a chart per metric with a history, in table order, from the first experiment that has one. */
export function chartsSection(
  rows: readonly MetricRow[],
  groups: readonly ExperimentGroup[],
  baselineLabel: string,
  precision: number,
): ReportCharts | undefined {
  const byName = new Map(groups.map((group) => [group.experiment, group]));
  const several = groups.reduce((count, group) => count + group.runs.length, 0) > 1;
  const charted = new Set<string>();
  const blocks: string[] = [];
  for (const row of rows) {
    if (charted.has(row.metric)) continue;
    const group = byName.get(row.experiment);
    const current = findHistory(group?.runs ?? [], row.metric);
    const before = findHistory(group?.baseline ?? [], row.metric);
    if (current === undefined && before === undefined) continue;
    charted.add(row.metric);
    const currentLabel = several && current !== undefined ? `this PR (${current.run.experiment})` : 'this PR';
    const block = renderLearningCurve(
      row.metric,
      [
        { label: currentLabel, history: current?.history },
        { label: baselineLabel, history: before?.history },
      ],
      precision,
    );
    if (block !== undefined) blocks.push(block);
  }
  if (blocks.length === 0) return undefined;
  return {
    title: `Learning curves (${blocks.length} ${plural(blocks.length, 'metric')})`,
    intro: 'Each chart names its lines by colour right under it: blue is this pull request, grey the baseline.',
    blocks,
  };
}

/** The first record's history of a metric (with several runs, the first run that has one). */
function findHistory(
  records: readonly RunRecord[],
  metric: string,
): { run: RunRecord; history: MetricHistory } | undefined {
  for (const run of records) {
    if (!Object.hasOwn(run.metrics, metric)) continue;
    const history = run.metrics[metric]?.history;
    if (history !== undefined && history.steps.length > 0) return { run, history };
  }
  return undefined;
}

/** The params that changed: name, baseline value(s), this PR's value(s). */
export function paramsTable(changes: readonly ParamChange[]): ReportTable | undefined {
  if (changes.length === 0) return undefined;
  const header = tableHeader([{ title: 'Param' }, { title: 'Baseline' }, { title: 'This PR' }]);
  const rows = changes.map((change) =>
    tableRow([
      escapeCell(change.name),
      escapeCell(formatParamValues(change.baseline)),
      escapeCell(formatParamValues(change.current)),
    ]),
  );
  return { title: `Params that changed (${changes.length})`, header, rows, trailer: [], notes: [] };
}

/** The leaderboard: one row per experiment, mean ± std over its replicates, the best mean of each metric in bold. */
export function leaderboardTable(board: Leaderboard, precision: number): ReportTable {
  const withMatrix = board.entries.some((entry) => Object.keys(entry.matrix).length > 0);
  const columns: TableColumn[] = [{ title: '#', align: 'right' }, { title: 'Experiment' }];
  if (withMatrix) columns.push({ title: 'Matrix' });
  columns.push({ title: 'Runs', align: 'right' });
  for (const metric of board.metrics) {
    columns.push({
      title: `${escapeCell(metric.name, MAX_NAME_LENGTH)}${directionMark(metric.direction, metric.source)}`,
      align: 'right',
    });
  }
  const rows = board.entries.map((entry, index) => {
    const cells = [String(index + 1), escapeCell(entry.experiment, MAX_NAME_LENGTH)];
    if (withMatrix) cells.push(escapeCell(matrixText(entry.matrix), MAX_NAME_LENGTH));
    cells.push(String(entry.runs));
    entry.values.forEach((value, column) => {
      const text = value === undefined ? MISSING : summaryText(value, precision);
      cells.push(board.best[column] === index ? `**${text}**` : text);
    });
    return tableRow(cells);
  });
  const notes = [
    `_Ranked by ${escapeInline(truncateText(board.metrics[0]!.name, MAX_NAME_LENGTH))}; best mean in bold._`,
  ];
  if (board.metrics.some((metric) => metric.source === 'guess')) notes.push('_`?`: direction guessed from the name._');
  return {
    title: `Leaderboard (${board.entries.length} experiments)`,
    header: tableHeader(columns),
    rows,
    trailer: [],
    notes,
  };
}

/** A leaderboard cell: the mean, with ± std when there are several runs. */
function summaryText(sample: SampleSummary, precision: number): string {
  if (sample.std === undefined) return formatNumber(sample.mean, precision);
  return `${formatNumber(sample.mean, precision)} ± ${formatNumber(sample.std, precision)}`;
}

function matrixText(matrix: Record<string, unknown>): string {
  return Object.entries(matrix)
    .map(([name, value]) => `${name}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(', ');
}

/** Experiments that get a link of their own to the trend page; with more, the page alone is linked. */
export const MAX_TREND_LINKS = 5;

export interface TrendPageSection {
  /** The trend page's address. */
  url: string;
  /** The branch whose history the page shows (the repository's default branch). */
  branch: string | undefined;
  /** Experiments of the history, each with the commit to point at (the baseline's) if known. */
  points: { experiment: string; commit: string | undefined }[];
}

/** The model package line, when one was published, and the trend page line, when there is a page. */
export function linksSection(
  modelPackage: { name: string; version: string; url?: string | undefined } | undefined,
  trendPage?: TrendPageSection,
): string | undefined {
  const lines: string[] = [];
  if (modelPackage !== undefined) {
    const label = escapeInline(truncateText(`${modelPackage.name}@${modelPackage.version}`, MAX_NAME_LENGTH));
    lines.push(`📦 The baseline's model version: ${markdownLink(label, modelPackage.url)}`);
  }
  if (trendPage !== undefined && safeUrl(trendPage.url) !== undefined) {
    const whose = trendPage.branch === undefined ? 'the history' : `${escapeInline(trendPage.branch)}'s history`;
    let line = `📈 ${markdownLink('Trend page', trendPage.url)} of ${whose}`;
    const { points } = trendPage;
    if (points.length > 0 && points.length <= MAX_TREND_LINKS) {
      const links = points.map(({ experiment, commit }) =>
        markdownLink(
          escapeInline(truncateText(experiment, MAX_NAME_LENGTH)),
          trendPointUrl(trendPage.url, { experiment, ...(commit === undefined ? {} : { commit }) }),
        ),
      );
      line += `: ${links.join(' · ')}`;
    }
    lines.push(line);
  }
  return lines.length === 0 ? undefined : lines.join('\n\n');
}

export const FOOTER = '<sub>ml-actions compare</sub>';

function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`;
}
