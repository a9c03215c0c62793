export * from './action-context.ts';
export * from './action-step.ts';
export * from './github-client.ts';
export * from './inputs.ts';
