import type { GateResult, RuleResult } from './gate-result.ts';

/** A leg of the training matrix whose runs the gate could not see. */
export interface UnjudgedLeg {
  /** The job (`train (2)`) or the record artifact (`ml-run-train-seed-2`) at fault. */
  name: string;
  /** Why, for a person: `ended failure before writing a run record`. */
  reason: string;
}

/**
 * The gate's result with one error a leg that left no usable record. A verdict over the legs that
 * remain would be decided by which legs failed: a pull request whose worst seeds crash, or upload
 * a broken record, must not pass on its best ones. So each such leg fails the gate, by name.
 */
export function withUnjudgedLegs(result: GateResult, legs: readonly UnjudgedLeg[]): GateResult {
  if (legs.length === 0) return result;
  const errors: RuleResult[] = legs.map((leg) => ({
    rule: 'every leg leaves a run record',
    line: 0,
    metric: '',
    verdict: 'error',
    message: `${leg.name} ${leg.reason}: its runs are not judged, so the gate cannot pass`,
  }));
  return { passed: false, results: [...result.results, ...errors] };
}
