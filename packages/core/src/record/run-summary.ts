import { escapeCell, escapeInline, markdownLink } from '../text/markdown-escape.ts';
import type { ParamValue, RunRecord } from './run-record.ts';

/** A metric value as people read it: full precision trimmed to 6 significant digits, NaN and infinities named. */
export function formatMetricValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '∞';
  if (value === -Infinity) return '-∞';
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  return String(Number(value.toPrecision(6)));
}

/** The final value of every metric, with NaN and infinities as strings (JSON has no such numbers). */
export function finalMetricValues(record: RunRecord): Record<string, number | string> {
  const values: Record<string, number | string> = {};
  for (const [name, metric] of Object.entries(record.metrics)) {
    values[name] = Number.isFinite(metric.value) ? metric.value : String(metric.value);
  }
  return values;
}

/** `1 minute`, `0.02 minutes`; "its time limit" for a record that does not say. */
export function minutesText(minutes: number | undefined): string {
  if (minutes === undefined) return 'its time limit';
  return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
}

function paramText(value: ParamValue): string {
  return value === null ? 'null' : String(value);
}

/** The job summary of one training run: status, duration, final metrics and params. */
export function renderRunSummary(record: RunRecord): string {
  const { outcome } = record;
  const status =
    outcome.status === 'failed'
      ? `❌ failed (exit code ${outcome.exitCode ?? 'unknown'})`
      : outcome.status === 'timed-out'
        ? `❌ timed out (the command was stopped after ${minutesText(outcome.timeoutMinutes)})`
        : outcome.status === 'succeeded'
          ? '✅ succeeded'
          : '📥 collected (no command)';
  const { replicate } = record;
  const which = replicate === undefined ? '' : ` (${escapeInline(replicate.key)} ${escapeInline(replicate.value)})`;
  const lines = [
    `### ML train: ${escapeInline(record.experiment)}${which}`,
    '',
    `Status: ${status} · duration ${(outcome.durationMs / 1000).toFixed(1)} s · run \`${escapeInline(record.runId)}\``,
    '',
  ];
  if (record.mlflow !== undefined) {
    lines.push(
      `MLflow run: ${markdownLink(`\`${escapeInline(record.mlflow.runId)}\``, record.mlflow.url)} (experiment ${escapeInline(record.mlflow.experimentId)})`,
      '',
    );
  }
  const stale = record.staleSources ?? [];
  if (stale.length > 0) {
    const files = stale.map((file) => `\`${escapeInline(file)}\``).join(', ');
    const count = stale.length === 1 ? '1 metrics file was' : `${stale.length} metrics files were`;
    lines.push(
      outcome.status === 'failed' || outcome.status === 'timed-out'
        ? `⚠️ ${count} not rewritten by the failed command; their values are not reported: ${files}`
        : `⚠️ ${count} not rewritten by the command (unchanged since before it ran); their values may be from an earlier run: ${files}`,
      '',
    );
  }
  const metrics = Object.entries(record.metrics).sort(([a], [b]) => compareNames(a, b));
  if (metrics.length === 0) {
    lines.push('No metrics were read.', '');
  } else {
    lines.push('| metric | final value | step | points |', '|---|---:|---:|---:|');
    for (const [name, metric] of metrics) {
      const points = metric.history?.steps.length ?? 1;
      lines.push(`| ${escapeCell(name)} | ${formatMetricValue(metric.value)} | ${metric.step ?? ''} | ${points} |`);
    }
    lines.push('');
  }
  const params = Object.entries(record.params).sort(([a], [b]) => compareNames(a, b));
  if (params.length > 0) {
    lines.push('| param | value |', '|---|---|');
    for (const [name, value] of params) lines.push(`| ${escapeCell(name)} | ${escapeCell(paramText(value))} |`);
    lines.push('');
  }
  if (record.inputs.length > 0) {
    lines.push('| data | size | sha256 |', '|---|---:|---|');
    for (const input of record.inputs) {
      lines.push(`| ${escapeCell(input.path)} | ${input.size} | \`${input.sha256.slice(0, 12)}\` |`);
    }
    lines.push('');
  }
  if (record.profile !== undefined) {
    const { profile } = record;
    const kinds = (kind: string) => profile.columns.filter((column) => column.kind === kind).length;
    lines.push(
      `Profiled as monitor's reference: ${profile.rows} rows of ${profile.files.map((file) => escapeInline(file)).join(', ')}; ${kinds('numeric')} numeric and ${kinds('categorical')} categorical columns.`,
      '',
    );
  }
  return lines.join('\n');
}

/**
 * Names in code-unit order, as the comparison report lists them. Not localeCompare: its first
 * call loads the ICU collator, some 10 ms of every train step's start.
 */
function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
