/** What a gate decided, rule by rule: shared by gate (which judges) and compare (which shows it). */
import type { NoiseVerdict } from '../statistics/noise-verdict.ts';
import { JsonChecker, parseUntrustedJson } from '../text/json-checker.ts';

/** Every `NoiseVerdict`, for checking a result read back. */
export const NOISE_VERDICTS = [
  'better',
  'worse',
  'within-noise',
  'single-run',
] as const satisfies readonly NoiseVerdict[];

export const VERDICTS = ['pass', 'fail', 'skipped', 'error'] as const;
export type Verdict = (typeof VERDICTS)[number];

export interface RuleResult {
  /** The rule as written, trimmed. */
  rule: string;
  /** The experiment whose runs were judged: rules hold per experiment. Absent only when there were no runs. */
  experiment?: string;
  /** 1-based line of the rule in its source text; 0 for a result no rule wrote (a leg that left no record). */
  line: number;
  /** The metric the rule judges (without any aggregate). */
  metric: string;
  /** `mean`, `min`, `max`, `median`, `std`, or absent for a single run. */
  aggregate?: string;
  verdict: Verdict;
  /** The value judged (after aggregation); absent when the metric is missing. */
  actual?: number;
  /** The value of the right-hand side, when it could be computed. */
  threshold?: number;
  /** The baseline value of the metric, when the rule used one. */
  baseline?: number;
  /**
   * For a `significant` rule: what the test said (`single-run` when a side had one run, and the
   * rule was judged as measured, without the test).
   */
  noise?: NoiseVerdict;
  /** For a `significant` rule that was tested: Welch's two-sided p-value against the baseline moved by the margin. */
  pValue?: number;
  /** Candidate mean minus baseline mean, when tested. */
  difference?: number;
  /** The (1 - alpha) confidence interval of `difference`, when tested. */
  ciLow?: number;
  ciHigh?: number;
  /** A one-line explanation for a person: why it failed or was skipped. */
  message: string;
}

export interface GateResult {
  passed: boolean;
  results: RuleResult[];
}

/**
 * The gate's overall outcome. `neutral` when nothing was judged (every rule skipped, as when no
 * baseline was found, or no rules at all): not a pass, since no rule held, and not a failure.
 */
export type GateVerdict = 'pass' | 'fail' | 'neutral';

export function gateVerdict(result: GateResult): GateVerdict {
  if (!result.passed) return 'fail';
  return result.results.some((r) => r.verdict === 'pass') ? 'pass' : 'neutral';
}

/** The conclusion of the check run that reports a gate: a gate that judged nothing is `neutral`. */
export function checkConclusion(result: GateResult): 'success' | 'failure' | 'neutral' {
  const verdict = gateVerdict(result);
  return verdict === 'pass' ? 'success' : verdict === 'fail' ? 'failure' : 'neutral';
}

/**
 * A gate result as JSON for the later steps of the job: NaN and the infinities (a diverged run's
 * loss) as the strings "NaN", "Infinity" and "-Infinity", which `parseGateResult` reads back,
 * where JSON.stringify alone would write null.
 */
export function serializeGateResult(result: GateResult): string {
  return JSON.stringify(result, (_key, value: unknown) =>
    typeof value === 'number' && !Number.isFinite(value) ? String(value) : value,
  );
}

/**
 * A gate result as gate writes it for the later steps of its job (package embeds it), read back
 * with every field checked: the file sits in RUNNER_TEMP, which any earlier step could rewrite.
 */
export function parseGateResult(text: string, source: string): GateResult {
  const what = 'not a gate result';
  const check: JsonChecker = new JsonChecker(source, what);
  const root = check.object(parseUntrustedJson(text, source, what), '$');
  const results = check.array(check.required(root, '$', 'results'), '$.results').map((item, index): RuleResult => {
    const path = `$.results[${index}]`;
    const rule = check.object(item, path);
    const text = (key: string) => check.string(check.required(rule, path, key), `${path}.${key}`);
    const optionalNumber = (key: string) =>
      rule[key] === undefined ? {} : { [key]: check.metricNumber(rule[key], `${path}.${key}`) };
    const optionalText = (key: string) =>
      rule[key] === undefined ? {} : { [key]: check.string(rule[key], `${path}.${key}`) };
    return {
      rule: text('rule'),
      ...optionalText('experiment'),
      line: check.integer(check.required(rule, path, 'line'), `${path}.line`, 0),
      metric: text('metric'),
      ...optionalText('aggregate'),
      verdict: check.oneOf(check.required(rule, path, 'verdict'), `${path}.verdict`, VERDICTS),
      ...optionalNumber('actual'),
      ...optionalNumber('threshold'),
      ...optionalNumber('baseline'),
      ...(rule['noise'] === undefined ? {} : { noise: check.oneOf(rule['noise'], `${path}.noise`, NOISE_VERDICTS) }),
      ...optionalNumber('pValue'),
      ...optionalNumber('difference'),
      ...optionalNumber('ciLow'),
      ...optionalNumber('ciHigh'),
      message: text('message'),
    };
  });
  return { passed: check.boolean(check.required(root, '$', 'passed'), '$.passed'), results };
}
