import { gateVerdict, type GateResult, type RuleResult, type Verdict } from './gate-result.ts';
import { escapeCell, escapeInline } from '../text/markdown-escape.ts';
import { formatMetricValue } from '../record/run-summary.ts';

const MARKS: Record<Verdict, string> = { pass: '✅ pass', fail: '❌ fail', skipped: '⏭️ skipped', error: '⚠️ error' };

/**
 * The one-line verdict: how many rules passed, failed and were skipped; when nothing was judged,
 * that, and why.
 */
export function gateHeadline(result: GateResult): string {
  if (gateVerdict(result) === 'neutral') return `Gate not judged: ${whyNotJudged(result)}`;
  const count = (verdict: Verdict) => result.results.filter((r) => r.verdict === verdict).length;
  const parts = [`${count('pass')} passed`, `${count('fail')} failed`];
  if (count('error') > 0) parts.push(`${count('error')} could not be judged`);
  if (count('skipped') > 0) parts.push(`${count('skipped')} skipped`);
  return `${result.passed ? 'Gate passed' : 'Gate failed'}: ${parts.join(', ')}`;
}

function whyNotJudged(result: GateResult): string {
  const total = result.results.length;
  if (total === 0) return 'no rules';
  // Skipped rules say why in parentheses: `skipped (no baseline)`.
  const reasons = new Set(result.results.map((r) => /^skipped \(([^)]+)\)/.exec(r.message)?.[1] ?? 'skipped'));
  const why = reasons.has('skipped') ? '' : ` (${[...reasons].join('; ')})`;
  return `${total === 1 ? 'the only rule was' : `all ${total} rules`} skipped${why}`;
}

/**
 * The gate's report, for the job summary and the check run: the verdict, then one table per
 * experiment (rules hold per experiment), with the significance columns when a rule was tested.
 */
export function renderGateSummary(
  result: GateResult,
  context: { experiments: string[]; baselineSha?: string | undefined; notices: string[] },
): string {
  const lines = [`### ML gate: ${escapeInline(context.experiments.join(', '))}`, '', `**${gateHeadline(result)}**`, ''];
  if (gateVerdict(result) === 'neutral') {
    lines.push('No rule could be judged, so this is neither a pass nor a failure: the check run is neutral.', '');
  }
  if (context.baselineSha !== undefined) lines.push(`Baseline: commit \`${context.baselineSha.slice(0, 7)}\``, '');
  for (const notice of context.notices) lines.push(`> ${escapeInline(notice)}`, '');
  const groups = byExperiment(result.results);
  for (const [experiment, rules] of groups) {
    if (groups.size > 1)
      lines.push(`#### ${experiment === undefined ? 'Training legs' : escapeInline(experiment)}`, '');
    lines.push(...ruleTable(rules), '');
  }
  if (groups.size === 0) lines.push(...ruleTable([]), '');
  return lines.join('\n');
}

function byExperiment(results: readonly RuleResult[]): Map<string | undefined, RuleResult[]> {
  const groups = new Map<string | undefined, RuleResult[]>();
  for (const result of results) groups.set(result.experiment, [...(groups.get(result.experiment) ?? []), result]);
  return groups;
}

function ruleTable(rules: readonly RuleResult[]): string[] {
  const tested = rules.some((rule) => rule.pValue !== undefined);
  const optional = (value: number | undefined) => (value === undefined ? '' : formatMetricValue(value));
  const lines = tested
    ? [
        '| rule | verdict | value | threshold | baseline | change (CI) | p | detail |',
        '|---|---|---:|---:|---:|---:|---:|---|',
      ]
    : ['| rule | verdict | value | threshold | baseline | detail |', '|---|---|---:|---:|---:|---|'];
  for (const rule of rules) {
    const cells = [
      escapeCell(rule.rule),
      MARKS[rule.verdict],
      optional(rule.actual),
      optional(rule.threshold),
      optional(rule.baseline),
    ];
    if (tested) cells.push(changeCell(rule), optional(rule.pValue));
    cells.push(escapeCell(rule.message));
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines;
}

function changeCell(rule: RuleResult): string {
  if (rule.difference === undefined) return rule.noise === 'single-run' ? 'single-run' : '';
  const interval =
    rule.ciLow === undefined || rule.ciHigh === undefined
      ? ''
      : ` (${formatMetricValue(rule.ciLow)} to ${formatMetricValue(rule.ciHigh)})`;
  return `${formatMetricValue(rule.difference)}${interval}`;
}
