import type { RuleResult } from './gate-result.ts';
import type { HistoryNoise } from '../history/history-noise.ts';
import type { RunRecord } from '../record/run-record.ts';
import { noiseVerdict, type NoiseVerdict } from '../statistics/noise-verdict.ts';
import { summarizeSample } from '../statistics/sample-summary.ts';
import { outsideNoiseTest } from '../statistics/outside-noise-test.ts';
import { welchTest } from '../statistics/welch-test.ts';
import { evaluateExpr, NotFinite } from './expression.ts';
import { formatNumber } from './message-number.ts';
import { describeName } from './tokenizer.ts';
import type { Rule, Significance } from './rule.ts';

/** The fields of a tested rule's result that the test decides. */
export type TestedFields = Pick<
  RuleResult,
  'verdict' | 'actual' | 'threshold' | 'baseline' | 'noise' | 'pValue' | 'difference' | 'ciLow' | 'ciHigh' | 'message'
>;

/**
 * What a `significant` rule came to: `tested`, or `plain` when the test cannot be made and the
 * rule is judged as its shorthand without `significant` (no baseline, a single run on a side, a
 * value that is not finite); `note` then says why, for the end of the message.
 */
export type SignificanceOutcome =
  { kind: 'tested'; result: TestedFields } | { kind: 'plain'; noise?: NoiseVerdict; note: string };

/** The runs of one experiment and the baseline runs they are compared with, as the test needs them. */
interface Sides {
  runs: readonly RunRecord[];
  baseline: readonly RunRecord[];
}

/**
 * Welch's test of the candidate's replicates against the baseline's moved by the rule's margin
 * (`no-drop 0.01` moves them down by 0.01, `5%` by 5% of their mean's magnitude): the rule fails
 * only when the candidate is worse at p < alpha. With a single run on a side, the test takes the
 * spread of one run from `historyNoise` when there is one, else the rule is judged as measured.
 * Every run of the candidate has the metric.
 */
export function judgeSignificance(
  rule: Rule,
  significance: Significance,
  sides: Sides,
  alpha: number,
  historyNoise?: HistoryNoise,
): SignificanceOutcome {
  const candidate = sides.runs.map((run) => run.metrics[rule.metric]!.value);
  const baseline = sides.baseline.flatMap((run) =>
    Object.hasOwn(run.metrics, rule.metric) ? [run.metrics[rule.metric]!.value] : [],
  );
  // Without baseline values the plain rule says why: no baseline, or none with this metric.
  if (baseline.length === 0) return { kind: 'plain', note: '' };
  const single = candidate.length < 2 || baseline.length < 2;
  if (single && historyNoise === undefined) {
    const note = `; single-run: ${runs(candidate.length)} here and ${baseline.length} in the baseline, so judged as measured, without a significance test`;
    return { kind: 'plain', noise: 'single-run', note };
  }
  const c = summarizeSample(candidate);
  const b = summarizeSample(baseline);
  const untestable = { kind: 'plain', note: '; not tested for significance: a value is not finite' } as const;
  const spreads = single ? [] : [c.std, b.std];
  if (![c.mean, b.mean, ...spreads].every((v) => v !== undefined && Number.isFinite(v))) return untestable;
  let threshold: number;
  try {
    threshold = evaluateExpr(rule.threshold, rule.metric, {
      baseline: () => b.mean,
      aggregate: () => {
        throw new Error('a significant rule has no aggregates in its threshold');
      },
    });
  } catch (thrown) {
    if (thrown instanceof NotFinite) return untestable;
    throw thrown;
  }
  const shift = threshold - b.mean;
  const moved = shift === 0 ? b : summarizeSample(baseline.map((v) => v + shift));
  const test =
    historyNoise !== undefined && single
      ? outsideNoiseTest(c, moved, historyNoise, 1 - alpha)
      : welchTest(c, moved, 1 - alpha);
  if (test === undefined) return untestable;
  const noise = noiseVerdict(test, significance.direction, alpha);
  const difference = c.mean - b.mean;
  const ciLow = test.ciLow + shift;
  const ciHigh = test.ciHigh + shift;
  const message =
    `${describeName(rule.metric)}: mean ${formatNumber(c.mean)} over ${runs(c.n)} vs ${formatNumber(b.mean)} over ${b.n} baseline ${b.n === 1 ? 'run' : 'runs'}; ` +
    `change ${formatNumber(difference)} (${formatNumber((1 - alpha) * 100)}% CI ${formatNumber(ciLow)} to ${formatNumber(ciHigh)}), ` +
    `p = ${formatNumber(test.pValue)}: ${verdictWords(noise, Math.abs(shift), alpha)}` +
    (single && historyNoise !== undefined ? `; ${historyNoiseWords(historyNoise)}` : '');
  return {
    kind: 'tested',
    result: {
      verdict: noise === 'worse' ? 'fail' : 'pass',
      actual: c.mean,
      threshold,
      baseline: b.mean,
      noise,
      pValue: test.pValue,
      difference,
      ciLow,
      ciHigh,
      message,
    },
  };
}

function verdictWords(noise: NoiseVerdict, margin: number, alpha: number): string {
  const p = formatNumber(alpha);
  if (margin === 0) {
    if (noise === 'worse') return `worse beyond the noise (p < ${p})`;
    if (noise === 'better') return `better beyond the noise (p < ${p})`;
    return `within noise (p >= ${p})`;
  }
  const by = `the margin ${formatNumber(margin)}`;
  if (noise === 'worse') return `worse by more than ${by}, beyond the noise (p < ${p})`;
  if (noise === 'better') return `within ${by} (p < ${p})`;
  return `within noise of ${by} (p >= ${p})`;
}

/** Where the spread of one run came from, for a message. */
function historyNoiseWords(noise: HistoryNoise): string {
  const over =
    noise.method === 'replicates'
      ? `pooled over the replicates of the base branch's last ${noise.entries} history entries`
      : `over the base branch's last ${noise.entries} single-run history entries`;
  return `noise from history: a side has a single run, so the spread of one run is ${formatNumber(noise.std)} (${over})`;
}

function runs(count: number): string {
  return `${count} ${count === 1 ? 'run' : 'runs'}`;
}
