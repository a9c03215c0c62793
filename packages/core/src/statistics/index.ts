export { summarizeSample, type SampleSummary } from './sample-summary.ts';
export { twoSidedCriticalValue, twoSidedTailProbability, regularizedIncompleteBeta, logGamma } from './student-t.ts';
export { welchTest, type WelchTest } from './welch-test.ts';
export { noiseVerdict, type NoiseVerdict } from './noise-verdict.ts';
export { outsideNoiseTest, type NoiseEstimate } from './outside-noise-test.ts';
