/**
 * One learning curve: a Mermaid `xychart-beta` line chart of a metric's histories (this PR's
 * and the baseline's), each in its colour of the shared palette, followed by a table that names
 * each line by its colour, because xycharts draw no legend.
 */

import type { MetricHistory } from '../record/run-record.ts';
import { downsampleForChart, MAX_CHART_POINTS, type SeriesScan } from './downsample.ts';
import { escapeCell, escapeInline } from '../text/markdown-escape.ts';
import { tableHeader, tableRow } from './markdown-table.ts';
import { chartFrontmatter, seriesColour } from './chart-palette.ts';
import { escapeMermaidLabel } from './mermaid-escape.ts';
import { formatNumber, plainDecimal } from './number-format.ts';

export interface CurveSeries {
  /** Who the history belongs to, e.g. "this PR" or "baseline abc1234" (user text allowed). */
  label: string;
  history: MetricHistory | undefined;
}

const EMPTY_HISTORY: MetricHistory = { steps: [], values: [] };

// Steps are shown in full (they are counters), values with the report's precision.
const STEP_DIGITS = 15;

const SIDE_TABLE = tableHeader([
  { title: 'Line', align: 'center' },
  { title: 'Series' },
  { title: 'Steps', align: 'right' },
  { title: 'First', align: 'right' },
  { title: 'Min', align: 'right' },
  { title: 'Max', align: 'right' },
  { title: 'Last', align: 'right' },
]);

/**
 * The Markdown for one metric's chart and its side table, or undefined when the series have
 * fewer than two distinct finite steps between them (nothing to draw). Series are drawn in
 * order as `line` 1, 2, ...; NaN and infinite points are left out of the chart only.
 */
export function renderLearningCurve(
  metric: string,
  series: readonly CurveSeries[],
  precision: number,
  maxPoints: number = MAX_CHART_POINTS,
): string | undefined {
  const histories = series.map((entry) => entry.history ?? EMPTY_HISTORY);
  const chart = downsampleForChart(histories, maxPoints);
  if (chart === undefined) return undefined;
  const { grid, scans } = chart;

  const lines: string[][] = [];
  const lineNumbers: (number | undefined)[] = [];
  let yMin = Infinity;
  let yMax = -Infinity;
  let yMinText = '';
  let yMaxText = '';
  for (const values of chart.lines) {
    if (values.length === 0) {
      lineNumbers.push(undefined);
      continue;
    }
    const texts = new Array<string>(values.length);
    for (let i = 0; i < values.length; i++) {
      const text = plainDecimal(values[i]!, precision);
      texts[i] = text;
      // The axis is taken from the rounded numbers as written, so no point falls outside it.
      const shown = Number(text);
      if (shown < yMin) {
        yMin = shown;
        yMinText = text;
      }
      if (shown > yMax) {
        yMax = shown;
        yMaxText = text;
      }
    }
    lines.push(texts);
    lineNumbers.push(lines.length);
  }
  if (yMin === yMax) {
    // A flat curve: give the axis some height, as a zero-height range cannot be drawn.
    const pad = Math.abs(yMin) * 0.1 || 1;
    yMinText = plainDecimal(yMin - pad, precision);
    yMaxText = plainDecimal(yMax + pad, precision);
  }

  const colours = lines.map((_, index) => seriesColour(index));
  const text = [
    '```mermaid',
    ...chartFrontmatter(colours),
    'xychart-beta',
    `  title "${escapeMermaidLabel(metric)}"`,
    `  x-axis "step" ${plainDecimal(grid.lo, STEP_DIGITS)} --> ${plainDecimal(grid.hi, STEP_DIGITS)}`,
    `  y-axis ${yMinText} --> ${yMaxText}`,
    ...lines.map((texts) => `  line [${texts.join(', ')}]`),
    '```',
  ].join('\n');

  const rows: string[] = [];
  const notes: string[] = [];
  series.forEach((entry, index) => {
    const stats = historyStats(histories[index]!, scans[index]!);
    const line = lineNumbers[index];
    rows.push(
      tableRow([
        line === undefined ? '—' : seriesColour(line - 1).name,
        escapeCell(entry.label),
        stats.count === 0
          ? '—'
          : `${formatNumber(stats.firstStep, STEP_DIGITS)}–${formatNumber(stats.lastStep, STEP_DIGITS)} (${stats.count})`,
        formatNumber(stats.first, precision),
        formatNumber(stats.min, precision),
        formatNumber(stats.max, precision),
        formatNumber(stats.last, precision),
      ]),
    );
    if (stats.notDrawn > 0) {
      const what =
        line === undefined
          ? escapeInline(entry.label)
          : `The ${seriesColour(line - 1).name} line (${escapeInline(entry.label)})`;
      notes.push(`_${what}: ${stats.notDrawn} NaN/∞ ${stats.notDrawn === 1 ? 'point' : 'points'} not drawn._`);
    }
  });
  const legend = series
    .map((entry, index) => {
      const line = lineNumbers[index];
      return line === undefined ? undefined : `${seriesColour(line - 1).name}: ${escapeInline(entry.label)}`;
    })
    .filter((item) => item !== undefined);
  return [text, `**Lines**: ${legend.join(' · ')}`, `${SIDE_TABLE}\n${rows.join('\n')}`, ...notes].join('\n\n');
}

interface HistoryStats {
  count: number;
  firstStep: number | undefined;
  lastStep: number | undefined;
  first: number | undefined;
  last: number | undefined;
  /** Over every non-NaN value, infinities included: the table shows what the chart cannot. */
  min: number | undefined;
  max: number | undefined;
  /** Points with a NaN or infinite value or step. */
  notDrawn: number;
}

function historyStats({ steps, values }: MetricHistory, scan: SeriesScan): HistoryStats {
  const count = scan.points;
  const any = count > 0;
  const allNaN = any && scan.min === undefined;
  return {
    count,
    firstStep: any ? steps[0] : undefined,
    lastStep: any ? steps[count - 1] : undefined,
    first: any ? values[0] : undefined,
    last: any ? values[count - 1] : undefined,
    min: allNaN ? NaN : scan.min,
    max: allNaN ? NaN : scan.max,
    notDrawn: count - scan.finite,
  };
}
