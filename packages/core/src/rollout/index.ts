/** Rollouts: GTO stage tags, canary steps, live metrics judged by the gate's rules. */
export * from './stage-tags.ts';
export * from './canary-steps.ts';
export * from './live-metrics.ts';
