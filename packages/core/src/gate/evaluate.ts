import type { GateResult, RuleResult, Verdict } from './gate-result.ts';
import type { HistoryNoiseLookup } from '../history/history-noise.ts';
import type { RunRecord } from '../record/run-record.ts';
import { aggregateValues, SpreadUnknown } from './aggregate.ts';
import { closestNames } from './closest-names.ts';
import { DivisionByZero, evaluateExpr, exprMetrics, formatExpr, NotFinite, type ExprValues } from './expression.ts';
import { formatNumber, formatPair } from './message-number.ts';
import { judgeSignificance } from './significance.ts';
import { describeName } from './tokenizer.ts';
import type { Comparison, Rule } from './rule.ts';

/** What the rules are judged against. */
export interface RulesContext {
  /** The runs being judged: one or several per experiment (seeds, a matrix). */
  runs: readonly RunRecord[];
  /** The baseline runs, or undefined when none was found. */
  baseline: readonly RunRecord[] | undefined;
  /** When set, a rule that needs a missing baseline fails instead of being skipped. */
  requireBaseline: boolean;
  /** The significance level of `significant` rules: a change counts as worse only at Welch's p < alpha. */
  alpha: number;
  /**
   * The spread of one run from the base branch's history (input `history`): a `significant` rule
   * with a single run on a side is then tested with it rather than judged as measured.
   */
  historyNoise?: HistoryNoiseLookup | undefined;
}

/** The runs of one experiment and the baseline runs they are compared with. */
export interface ExperimentRuns {
  experiment: string;
  runs: readonly RunRecord[];
  /** Empty when the experiment has no baseline. */
  baseline: readonly RunRecord[];
}

/**
 * Judges every rule for every experiment, in the order of experiment names, then of the rules:
 * replicates of one experiment are one sample, and experiments are never mixed. Without an
 * aggregate a rule applies to each run and fails if any run fails, reporting the worst; each run
 * is compared with the mean of its experiment's baseline runs. With an aggregate, `baseline` is
 * the same aggregate over those baseline runs. `passed` is false when any rule fails or errs.
 */
export function evaluateRules(rules: readonly Rule[], context: RulesContext): GateResult {
  const groups = experimentRuns(context.runs, context.baseline);
  const results =
    groups.length === 0
      ? rules.map((rule): RuleResult => ({ ...resultHead(rule), verdict: 'error', message: 'no runs to judge' }))
      : groups.flatMap((group) =>
          rules.map((rule) => ({ experiment: group.experiment, ...evaluateRule(rule, group, context) })),
        );
  return { passed: results.every((r) => r.verdict !== 'fail' && r.verdict !== 'error'), results };
}

/**
 * The runs grouped by experiment, sorted by name, each with the baseline runs of the same
 * experiment; failing that, when the runs and the baseline each hold a single experiment, the
 * whole baseline (the user pointed at a record under another name).
 */
export function experimentRuns(
  runs: readonly RunRecord[],
  baseline: readonly RunRecord[] | undefined,
): ExperimentRuns[] {
  const byName = new Map<string, RunRecord[]>();
  for (const run of runs) byName.set(run.experiment, [...(byName.get(run.experiment) ?? []), run]);
  const baselineRuns = baseline ?? [];
  const single = byName.size === 1 && new Set(baselineRuns.map((r) => r.experiment)).size === 1;
  return [...byName.keys()]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((experiment) => {
      const same = baselineRuns.filter((b) => b.experiment === experiment);
      return { experiment, runs: byName.get(experiment)!, baseline: same.length > 0 || !single ? same : baselineRuns };
    });
}

/** The outcome of one comparison: one run, or one aggregate. */
interface Check {
  verdict: Verdict;
  actual: number;
  threshold?: number;
  baseline?: number;
  /** Why the comparison was not made (no baseline, division by zero); absent when it was. */
  reason?: string;
}

/** Thrown while computing a threshold that needs the spread of a single run. */
class OneRun extends Error {}

function resultHead(rule: Rule): Pick<RuleResult, 'rule' | 'line' | 'metric' | 'aggregate'> {
  return {
    rule: rule.text,
    line: rule.line,
    metric: rule.metric,
    ...(rule.aggregate === undefined ? {} : { aggregate: rule.aggregate }),
  };
}

function evaluateRule(rule: Rule, group: ExperimentRuns, context: RulesContext): RuleResult {
  const head = resultHead(rule);
  const { runs } = group;
  const needed = [rule.metric, ...exprMetrics(rule.threshold, rule.metric).candidate];
  for (const metric of needed) {
    const missing = runs.filter((run) => !Object.hasOwn(run.metrics, metric));
    if (missing.length > 0) return { ...head, verdict: 'fail', message: missingMetric(metric, runs, missing) };
  }
  if (rule.significance !== undefined) {
    const tested = judgeSignificance(
      rule,
      rule.significance,
      group,
      context.alpha,
      context.historyNoise?.(group.experiment, rule.metric),
    );
    if (tested.kind === 'tested') return { ...head, ...tested.result };
    const plain = evaluatePlain(rule, head, group, context);
    return {
      ...plain,
      ...(tested.noise === undefined ? {} : { noise: tested.noise }),
      message: plain.message + tested.note,
    };
  }
  return evaluatePlain(rule, head, group, context);
}

function evaluatePlain(
  rule: Rule,
  head: Pick<RuleResult, 'rule' | 'line' | 'metric' | 'aggregate'>,
  group: ExperimentRuns,
  context: RulesContext,
): RuleResult {
  const { runs } = group;
  const valueIn = (run: RunRecord): number => run.metrics[rule.metric]!.value;

  if (rule.aggregate !== undefined) {
    const aggregate = rule.aggregate;
    const label = `${aggregate}(${describeName(rule.metric)}) over ${runs.length} ${runs.length === 1 ? 'run' : 'runs'}`;
    let actual: number;
    try {
      actual = aggregateValues(aggregate, runs.map(valueIn));
    } catch (thrown) {
      if (!(thrown instanceof SpreadUnknown)) throw thrown;
      return {
        ...head,
        verdict: 'skipped',
        message: oneRunReason(`${aggregate}(${describeName(rule.metric)})`, 'this experiment', 1),
      };
    }
    const check = judge(rule, actual, group, (values) => aggregateValues(aggregate, values), context);
    return { ...head, ...checkFields(check), message: describeCheck(check, label, rule.op) };
  }

  const checks = runs.map((run) => ({ run, check: judge(rule, valueIn(run), group, mean, context) }));
  const label = describeName(rule.metric);
  const several = runs.length > 1;
  const of = (count: number): string => `${count} of ${runs.length} runs`;

  const errored = checks.find((c) => c.check.verdict === 'error');
  if (errored !== undefined) {
    const where = several ? ` in ${runName(errored.run)}` : '';
    return {
      ...head,
      ...checkFields(errored.check),
      message: `${describeCheck(errored.check, label, rule.op)}${where}`,
    };
  }
  const failing = checks.filter((c) => c.check.verdict === 'fail');
  if (failing.length > 0) {
    const compared = failing.filter((c) => c.check.reason === undefined);
    const worst = compared.length > 0 ? worstOf(compared, rule.op) : failing[0]!;
    const where = several ? ` in ${runName(worst.run)} (${of(failing.length)} fail)` : '';
    return { ...head, ...checkFields(worst.check), message: `${describeCheck(worst.check, label, rule.op)}${where}` };
  }
  const passing = checks.filter((c) => c.check.verdict === 'pass');
  if (passing.length === 0) {
    const first = checks[0]!;
    return { ...head, ...checkFields(first.check), message: describeCheck(first.check, label, rule.op) };
  }
  const worst = worstOf(passing, rule.op);
  let message = describeCheck(worst.check, label, rule.op);
  if (several)
    message += `; worst of ${passing.length} ${passing.length === 1 ? 'run' : 'runs'}: ${runName(worst.run)}`;
  const skipped = checks.length - passing.length;
  if (skipped > 0) message += `; skipped for ${of(skipped)} (no baseline)`;
  return { ...head, ...checkFields(worst.check), message };
}

/**
 * Compares one value with the threshold. `combine` turns the baseline runs' values of a metric
 * into one number (the rule's aggregate, or their mean). Baseline runs lacking a metric are
 * passed over; only when none has it is the baseline missing.
 */
function judge(
  rule: Rule,
  actual: number,
  group: ExperimentRuns,
  combine: (values: number[]) => number,
  context: RulesContext,
): Check {
  const baselineValues = new Map<string, number[]>();
  const reads = exprMetrics(rule.threshold, rule.metric);
  for (const metric of reads.baseline) {
    if (group.baseline.length === 0) return noBaseline(actual, undefined, context.requireBaseline);
    const values = group.baseline.flatMap((run) => {
      const found = run.metrics[metric];
      return found !== undefined && Object.hasOwn(run.metrics, metric) ? [found.value] : [];
    });
    if (values.length === 0) {
      // A metric that neither side records is a typo, not a metric new in this run.
      if (!group.runs.some((run) => Object.hasOwn(run.metrics, metric))) {
        return { verdict: 'error', actual, reason: unknownBaselineMetric(metric, group) };
      }
      return noBaseline(actual, metric, context.requireBaseline);
    }
    baselineValues.set(metric, values);
  }
  const ownBaseline = baselineValues.get(rule.metric);
  const baseline = ownBaseline === undefined ? undefined : combine(ownBaseline);
  const withBaseline = baseline === undefined ? {} : { baseline };
  const values: ExprValues = {
    baseline: (metric) => combine(baselineValues.get(metric)!),
    aggregate: (aggregate, of, metric) => {
      const sample =
        of === 'baseline' ? baselineValues.get(metric)! : group.runs.map((run) => run.metrics[metric]!.value);
      try {
        return aggregateValues(aggregate, sample);
      } catch (thrown) {
        if (!(thrown instanceof SpreadUnknown)) throw thrown;
        const written = formatExpr({
          kind: 'aggregate',
          aggregate,
          of,
          ...(metric === rule.metric && of === 'baseline' ? {} : { metric }),
        });
        throw new OneRun(oneRunReason(written, of === 'baseline' ? 'the baseline' : 'this experiment', sample.length));
      }
    },
  };
  let threshold: number;
  try {
    threshold = evaluateExpr(rule.threshold, rule.metric, values);
  } catch (thrown) {
    if (thrown instanceof OneRun) return { verdict: 'skipped', actual, ...withBaseline, reason: thrown.message };
    if (thrown instanceof NotFinite) {
      return {
        verdict: 'error',
        actual,
        ...withBaseline,
        reason: `the threshold cannot be computed: ${thrown.message}`,
      };
    }
    if (!(thrown instanceof DivisionByZero)) throw thrown;
    const divisor = thrown.divisor.kind === 'number' ? '' : `: ${formatExpr(thrown.divisor)} is 0`;
    return { verdict: 'error', actual, ...withBaseline, reason: `division by zero${divisor}` };
  }
  return { verdict: compare(actual, rule.op, threshold) ? 'pass' : 'fail', actual, threshold, ...withBaseline };
}

/** Why a rule that needs the spread of one run was skipped: the std of a single value is unknown, not 0. */
function oneRunReason(written: string, side: string, count: number): string {
  return `skipped (one run): ${written} needs at least two runs, and ${side} has ${count}; the spread of one run is unknown`;
}

function noBaseline(actual: number, metric: string | undefined, required: boolean): Check {
  const what = metric === undefined ? 'no baseline' : `the baseline has no metric "${metric}"`;
  if (required) return { verdict: 'fail', actual, reason: `${what}, and a baseline is required` };
  return {
    verdict: 'skipped',
    actual,
    reason: metric === undefined ? 'skipped (no baseline)' : `skipped (no baseline): ${what}`,
  };
}

/**
 * JavaScript's comparison, except that NaN fails every comparison, `!=` included: a diverged
 * metric must never pass a gate.
 */
function compare(actual: number, op: Comparison, threshold: number): boolean {
  if (Number.isNaN(actual) || Number.isNaN(threshold)) return false;
  switch (op) {
    case '<':
      return actual < threshold;
    case '<=':
      return actual <= threshold;
    case '>':
      return actual > threshold;
    case '>=':
      return actual >= threshold;
    case '==':
      return actual === threshold;
    case '!=':
      return actual !== threshold;
  }
}

/** The check furthest on the wrong side of its threshold (or closest to it, among passes). */
function worstOf<T extends { check: Check }>(items: readonly T[], op: Comparison): T {
  let worst = items[0]!;
  for (const item of items) if (safety(item.check, op) < safety(worst.check, op)) worst = item;
  return worst;
}

/** How far a value is on the passing side of its threshold; NaN counts as worst of all. */
function safety(check: Check, op: Comparison): number {
  const { actual, threshold } = check;
  if (threshold === undefined) return Number.NEGATIVE_INFINITY;
  let distance: number;
  if (op === '<' || op === '<=') distance = threshold - actual;
  else if (op === '>' || op === '>=') distance = actual - threshold;
  else if (op === '==') distance = -Math.abs(actual - threshold);
  else distance = Math.abs(actual - threshold);
  return Number.isNaN(distance) ? Number.NEGATIVE_INFINITY : distance;
}

function missingMetric(metric: string, runs: readonly RunRecord[], missing: readonly RunRecord[]): string {
  if (missing.length < runs.length) {
    const where = `metric "${metric}" not found in ${runName(missing[0]!)} (missing from ${missing.length} of ${runs.length} runs)`;
    return withClosest(where, metric, Object.keys(missing[0]!.metrics));
  }
  const names = runs.flatMap((run) => Object.keys(run.metrics));
  if (names.length === 0) return `metric "${metric}" not found (the runs have no metrics)`;
  return withClosest(`metric "${metric}" not found`, metric, names);
}

function unknownBaselineMetric(metric: string, group: ExperimentRuns): string {
  const names = [...group.runs, ...group.baseline].flatMap((run) => Object.keys(run.metrics));
  return withClosest(`metric "${metric}" not found in the runs or the baseline`, metric, names);
}

function withClosest(message: string, metric: string, names: readonly string[]): string {
  const closest = closestNames(metric, names);
  return closest.length > 0 ? `${message}; closest: ${closest.join(', ')}` : message;
}

function checkFields(check: Check): Pick<RuleResult, 'verdict' | 'actual' | 'threshold' | 'baseline'> {
  return {
    verdict: check.verdict,
    actual: check.actual,
    ...(check.threshold === undefined ? {} : { threshold: check.threshold }),
    ...(check.baseline === undefined ? {} : { baseline: check.baseline }),
  };
}

function describeCheck(check: Check, label: string, op: Comparison): string {
  if (check.reason !== undefined) return check.reason;
  const threshold = check.threshold!;
  const [actual, limit] = formatPair(check.actual, threshold);
  const baseline = check.baseline === undefined ? '' : ` (baseline ${formatNumber(check.baseline)})`;
  if (check.verdict === 'pass') return `${label} = ${actual} ${op} ${limit}${baseline}`;
  const nan = Number.isNaN(check.actual) || Number.isNaN(threshold) ? '; a comparison with NaN fails' : '';
  return `${label} = ${actual}, not ${op} ${limit}${baseline}${nan}`;
}

function mean(values: number[]): number {
  return aggregateValues('mean', values);
}

function runName(run: RunRecord): string {
  return `${run.experiment}/${run.runId}`;
}
