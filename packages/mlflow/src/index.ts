export * from './tracking-connection.ts';
export * from './tracking-client.ts';
export * from './log-batches.ts';
export * from './experiments.ts';
export * from './run-logging.ts';
export * from './run-reading.ts';
export * from './run-search.ts';
export * from './model-registry.ts';
