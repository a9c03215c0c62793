/**
 * The sections of the comparison report as Markdown, before any fitting to a size limit.
 * Everything from user files or the event goes through `escapeInline`/`escapeCell`.
 */

import type { GateResult, RuleResult } from '../gate/gate-result.ts';
import type { MetricHistory, RunRecord } from '../record/run-record.ts';
import type { ReportCharts, ReportTable } from './fit-report.ts';
import type { Leaderboard } from './leaderboard.ts';
import { renderLearningCurve } from './learning-curve.ts';
import { escapeCell, escapeInline, markdownLink, safeUrl, truncateText } from '../text/markdown-escape.ts';
import { tableHeader, tableRow, type TableColumn } from './markdown-table.ts';
import type { GateMark, MetricRow } from './metric-rows.ts';
import { formatNumber, formatPercent, formatSigned, MISSING } from './number-format.ts';
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
}

const VERDICT_TEXT: Record<ComparisonVerdict, string> = {
  better: '🟢 **Better** than the baseline',
  worse: '🔴 **Worse** than the baseline',
  mixed: '🟡 **Mixed**: some metrics better, some worse',
  'no change': '⚪ **No change** from the baseline',
  'no baseline': '⚪ **No baseline**: nothing to compare with, showing this PR’s metrics',
  'failing gate': '❌ **Failing gate**',
};

/** Heading, one-line verdict with counts, the commits compared, the baseline notice, failing rules. */
export function renderHead(section: HeadSection): string {
  const { verdict, counts, gate } = section;
  let line = VERDICT_TEXT[verdict];
  if (verdict === 'failing gate' && gate !== undefined) {
    const failed = gate.results.filter(isFailing).length;
    line += `: ${failed} of ${gate.results.length} ${plural(gate.results.length, 'rule')} failed`;
  }
  const tally = (['better', 'worse', 'unchanged', 'new', 'missing'] as const)
    .filter((status) => counts[status] > 0)
    .map((status) => `${counts[status]} ${status}`);
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

  const blocks = ['### 📊 Metric comparison', line, context.join(' · ')];
  const notice = section.baseline?.notice;
  if (notice !== undefined && notice !== '') {
    blocks.push(`> ℹ️ ${escapeInline(truncateText(notice, MAX_NOTICE_LENGTH))}`);
  }
  const failing = gate?.results.filter(isFailing) ?? [];
  if (failing.length > 0) {
    const items = failing.slice(0, MAX_LISTED_RULES).map(ruleLine);
    if (failing.length > MAX_LISTED_RULES) items.push(`- … and ${failing.length - MAX_LISTED_RULES} more`);
    blocks.push(items.join('\n'));
  }
  return blocks.join('\n\n');
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

/** The metrics table: every row for the summary; `onlyChanged` drops unchanged ones (never a failing one). */
export function metricsTable(
  rows: readonly MetricRow[],
  options: { precision: number; gate: boolean; runs: number; baselineRecords: number; hasBaseline: boolean },
): ReportTable {
  const columns: TableColumn[] = [
    { title: 'Metric' },
    {
      title: options.baselineRecords > 1 ? `Baseline (mean of ${options.baselineRecords})` : 'Baseline',
      align: 'right',
    },
    { title: options.runs > 1 ? `This PR (mean of ${options.runs})` : 'This PR', align: 'right' },
    { title: 'Change', align: 'right' },
    { title: 'Change %', align: 'right' },
  ];
  if (options.gate) columns.push({ title: 'Gate', align: 'center' });
  const lines = rows.map((row) => metricRowLine(row, options));
  return { title: 'Metrics', header: tableHeader(columns), rows: lines, trailer: [], notes: [] };
}

/** One row of the metrics table. */
export function metricRowLine(
  row: MetricRow,
  options: { precision: number; gate: boolean; hasBaseline: boolean },
): string {
  const { precision } = options;
  const cells = [
    escapeCell(row.metric),
    formatNumber(row.baseline, precision),
    formatNumber(row.current, precision),
    changeCell(row, precision, options.hasBaseline),
    row.status === 'new' || row.status === 'missing'
      ? MISSING
      : row.status === 'unchanged'
        ? '0%'
        : formatPercent(row.changePct, precision),
  ];
  if (options.gate) cells.push(row.gate === undefined ? '' : GATE_ICON[row.gate]);
  return tableRow(cells);
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
    case 'worse': {
      const change = row.change ?? NaN;
      const arrow = change > 0 ? '▲ ' : change < 0 ? '▼ ' : '';
      return `${row.status === 'better' ? '🟢' : '🔴'} ${arrow}${formatSigned(change, precision)}`;
    }
  }
}

/** The learning-curve section: a chart per metric with a history, in table order. */
export function chartsSection(
  rows: readonly MetricRow[],
  runs: readonly RunRecord[],
  baseline: readonly RunRecord[],
  baselineLabel: string,
  precision: number,
): ReportCharts | undefined {
  const blocks: string[] = [];
  for (const row of rows) {
    const current = findHistory(runs, row.metric);
    const before = findHistory(baseline, row.metric);
    if (current === undefined && before === undefined) continue;
    const currentLabel = runs.length > 1 && current !== undefined ? `this PR (${current.run.experiment})` : 'this PR';
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
    intro: 'Charts have no legend: the table under each chart says which line is which.',
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

/** The leaderboard of several runs on the key metrics, 🏆 on the best value of each, then mean ± std. */
export function leaderboardTable(board: Leaderboard, precision: number): ReportTable {
  const withMatrix = board.entries.some((entry) => Object.keys(entry.run.provenance.matrix).length > 0);
  const columns: TableColumn[] = [{ title: '#', align: 'right' }, { title: 'Run' }];
  if (withMatrix) columns.push({ title: 'Matrix' });
  for (const metric of board.metrics) {
    columns.push({
      title: `${escapeCell(metric.name, MAX_NAME_LENGTH)} ${metric.direction === 'higher' ? '↑' : '↓'}`,
      align: 'right',
    });
  }
  const rows = board.entries.map((entry, index) => {
    const cells = [String(index + 1), escapeCell(entry.run.experiment, MAX_NAME_LENGTH)];
    if (withMatrix) cells.push(escapeCell(matrixText(entry.run.provenance.matrix), MAX_NAME_LENGTH));
    entry.values.forEach((value, column) => {
      cells.push(formatNumber(value, precision) + (board.best[column] === index ? ' 🏆' : ''));
    });
    return tableRow(cells);
  });
  const stats = ['', '**mean ± std**'];
  if (withMatrix) stats.push('');
  board.metrics.forEach((_, column) => {
    const mean = board.mean[column];
    stats.push(
      mean === undefined ? MISSING : `${formatNumber(mean, precision)} ± ${formatNumber(board.std[column], precision)}`,
    );
  });
  return {
    title: `Leaderboard (${board.entries.length} runs)`,
    header: tableHeader(columns),
    rows,
    trailer: [tableRow(stats)],
    notes: [],
  };
}

function matrixText(matrix: Record<string, unknown>): string {
  return Object.entries(matrix)
    .map(([name, value]) => `${name}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(', ');
}

/** The model package line, when one was published. */
export function linksSection(
  modelPackage: { name: string; version: string; url?: string | undefined } | undefined,
): string | undefined {
  if (modelPackage === undefined) return undefined;
  const label = escapeInline(truncateText(`${modelPackage.name}@${modelPackage.version}`, MAX_NAME_LENGTH));
  return `📦 Model package: ${markdownLink(label, modelPackage.url)}`;
}

export const FOOTER = '<sub>ml-actions compare</sub>';

function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`;
}
