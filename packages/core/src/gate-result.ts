/** What a gate decided, rule by rule: shared by gate (which judges) and compare (which shows it). */

export type Verdict = 'pass' | 'fail' | 'skipped' | 'error';

export interface RuleResult {
  /** The rule as written, trimmed. */
  rule: string;
  /** 1-based line of the rule in its source text. */
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
