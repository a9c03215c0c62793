export * from './artifact-registry.ts';
export * from './harness/index.ts';
