import type { WelchTest } from './welch-test.ts';

/**
 * What a change of a metric means once noise is accounted for: `better` or `worse` only when
 * significant at `alpha`; `within-noise` otherwise; `single-run` when a side has one run, so the
 * noise is unknown and the change is shown as measured, marked so.
 */
export type NoiseVerdict = 'better' | 'worse' | 'within-noise' | 'single-run';

/** The verdict of a change, given the test (undefined when it could not be made) and which way is good. */
export function noiseVerdict(test: WelchTest | undefined, direction: 'higher' | 'lower', alpha: number): NoiseVerdict {
  if (test === undefined) return 'single-run';
  if (!(test.pValue < alpha) || test.difference === 0) return 'within-noise';
  return (direction === 'higher') === test.difference > 0 ? 'better' : 'worse';
}
