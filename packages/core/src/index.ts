export * from './errors.ts';
export * from './gate-result.ts';
export * from './model-package/index.ts';
export * from './rules/index.ts';
export * from './run-record.ts';
