/**
 * What monitor writes for people: the job summary, and the body of the issue it keeps open while
 * something is wrong. Both hold the same verdict, a table per column and, for drifted columns,
 * Mermaid charts of reference against production.
 */
import type { GateResult } from '../gate/gate-result.ts';
import { escapeCell, escapeInline, markdownLink } from '../text/markdown-escape.ts';
import { chartFrontmatter, seriesColour } from '../report/chart-palette.ts';
import { escapeMermaidLabel } from '../report/mermaid-escape.ts';
import { formatNumber } from '../report/number-format.ts';
import type { ColumnDrift, DriftReport } from './column-drift.ts';

export interface MonitorView {
  name: string;
  stage: string;
  /** The version deployed in the stage, when the reference was found through it. */
  version?: string;
  /** Where the deployed version lives (its release), when known. */
  versionUrl?: string;
  /** What the reference was: `churn-model v1.2.0 (manifest.json of its release)`, a file name, ... */
  referenceSource: string;
  runUrl: string;
  checkedAt: Date;
  /** Production data files read. */
  files: string[];
  drift: DriftReport;
  rules: GateResult | undefined;
}

/** Charts drawn for drifted columns at most; the table lists every column. */
const MAX_CHARTS = 6;

export function isAlarm(view: Pick<MonitorView, 'drift' | 'rules'>): boolean {
  return view.drift.drifted || (view.rules !== undefined && !view.rules.passed);
}

/** The one-line verdict. */
export function monitorHeadline(view: MonitorView): string {
  const drifted = view.drift.columns.filter((column) => column.drifted).length;
  const failed = view.rules?.results.filter((result) => result.verdict !== 'pass').length ?? 0;
  const parts: string[] = [];
  if (drifted > 0) parts.push(`drift in ${drifted} of ${view.drift.columns.length} columns`);
  if (failed > 0) parts.push(`${failed} failed rule${failed === 1 ? '' : 's'}`);
  const subject = `${view.name} in ${view.stage}`;
  return parts.length === 0 ? `${subject}: no drift, every rule passed` : `${subject}: ${parts.join(', ')}`;
}

/** The body shared by the job summary and the issue. */
export function renderMonitorReport(view: MonitorView): string {
  const alarm = isAlarm(view);
  const lines: string[] = [
    `### ${alarm ? '⚠️' : '✅'} ${escapeInline(monitorHeadline(view))}`,
    '',
    describeContext(view),
    '',
    renderColumnTable(view.drift),
    '',
  ];
  if (view.rules !== undefined && view.rules.results.length > 0) {
    lines.push('| Rule | Value | Verdict |', '| --- | ---: | --- |');
    for (const result of view.rules.results) {
      lines.push(
        `| ${escapeCell(result.rule)} | ${result.actual === undefined ? '—' : formatNumber(result.actual, 4)} | ${result.verdict === 'pass' ? '✅ pass' : `❌ ${escapeCell(result.message)}`} |`,
      );
    }
    lines.push('');
  }
  const charted = view.drift.columns.filter((column) => column.drifted && column.histogram !== undefined);
  for (const column of charted.slice(0, MAX_CHARTS)) lines.push(renderHistogram(column), '');
  if (charted.length > MAX_CHARTS) lines.push(`_${charted.length - MAX_CHARTS} more drifted columns not charted._`, '');
  lines.push(
    `_Each column is tested at α = ${view.drift.alpha} after Holm's adjustment over the ${view.drift.columns.filter((c) => c.pValue !== undefined).length} columns tested: numeric ones by the two-sample Kolmogorov-Smirnov test, categorical ones by a chi-squared test of both samples' counts. PSI and the distances are shown, not judged, unless a rule names them._`,
  );
  return lines.join('\n');
}

function describeContext(view: MonitorView): string {
  const version =
    view.version === undefined
      ? ''
      : `Deployed: ${view.versionUrl === undefined ? `\`v${view.version}\`` : markdownLink(`v${view.version}`, view.versionUrl)} · `;
  const files = view.files.slice(0, 5).map((file) => escapeInline(file));
  if (view.files.length > 5) files.push(`${view.files.length - 5} more`);
  return (
    `${version}${markdownLink('workflow run', view.runUrl)} · checked ${view.checkedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC\n\n` +
    `Production: ${view.drift.rows.toLocaleString('en-US')} rows of ${files.join(', ')}. Reference: ${view.drift.referenceRows.toLocaleString('en-US')} rows (${escapeInline(view.referenceSource)}).`
  );
}

function renderColumnTable(report: DriftReport): string {
  const rows = [
    '| Column | Kind | Rows | Statistics | p (Holm) | Threshold | Verdict |',
    '| --- | --- | ---: | --- | ---: | ---: | --- |',
  ];
  for (const column of report.columns) {
    const verdict = column.drifted ? '❌ drifted' : column.pValue === undefined ? '➖ not tested' : '✅ stable';
    const note = column.note === undefined ? '' : ` (${column.note})`;
    rows.push(
      `| ${escapeCell(column.column)} | ${column.kind} | ${column.n.toLocaleString('en-US')} | ${statistics(column)} | ${column.adjustedPValue === undefined ? '—' : formatP(column.adjustedPValue)} | ${column.pValue === undefined ? '—' : `< ${report.alpha}`} | ${verdict}${escapeCell(note)} |`,
    );
  }
  return rows.join('\n');
}

function statistics(column: ColumnDrift): string {
  const parts: string[] = [];
  if (column.ks !== undefined) parts.push(`KS ${formatNumber(column.ks, 3)}`);
  if (column.chi2PValue !== undefined) parts.push(`χ² p ${formatP(column.chi2PValue)}`);
  if (column.jensenShannon !== undefined) parts.push(`JS ${formatNumber(column.jensenShannon, 3)}`);
  if (column.psi !== undefined) parts.push(`PSI ${formatNumber(column.psi, 3)}`);
  if (column.wasserstein !== undefined) parts.push(`W₁ ${formatNumber(column.wasserstein, 3)}`);
  if (column.method === 'binned' && column.kind === 'numeric') parts.push('by profile');
  return parts.length === 0 ? '—' : parts.join(' · ');
}

function formatP(p: number): string {
  return p === 0 ? '0' : p < 1e-4 ? p.toExponential(1) : formatNumber(p, 3);
}

/** A bar chart of the reference's shares per bin or category with production's as a line. */
function renderHistogram(column: ColumnDrift): string {
  const histogram = column.histogram!;
  // Bins nobody fell in on either side are left out, so the chart shows where the data is.
  const kept = histogram.labels
    .map((label, i) => ({ label, reference: histogram.reference[i]!, production: histogram.production[i]! }))
    .filter((cell) => cell.reference > 0 || cell.production > 0);
  const percent = (share: number) => (share * 100).toFixed(1);
  const top = Math.max(...kept.flatMap((cell) => [cell.reference, cell.production])) * 100;
  // Production is the candidate's colour, the reference the baseline's, as in every chart of ours.
  const production = seriesColour(0);
  const reference = seriesColour(1);
  return [
    `**${escapeInline(column.column)}**: % of rows in each bin, ${reference.name} bars: reference, ${production.name} line: production`,
    '',
    '```mermaid',
    ...chartFrontmatter([reference, production]),
    'xychart-beta',
    `  title "${escapeMermaidLabel(column.column)}: reference vs production"`,
    `  x-axis [${kept.map((cell) => `"${escapeMermaidLabel(cell.label, 24)}"`).join(', ')}]`,
    `  y-axis "% of rows" 0 --> ${Math.ceil(top * 1.1)}`,
    `  bar [${kept.map((cell) => percent(cell.reference)).join(', ')}]`,
    `  line [${kept.map((cell) => percent(cell.production)).join(', ')}]`,
    '```',
  ].join('\n');
}

/** The drift report as the action's `drift` output: per column, without the chart data. */
export function driftOutput(report: DriftReport): Array<Omit<ColumnDrift, 'histogram'>> {
  return report.columns.map(({ histogram: _histogram, ...rest }) => rest);
}
