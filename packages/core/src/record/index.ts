export * from './compare-bundle.ts';
export * from './run-record.ts';
export * from './run-record-size.ts';
export * from './run-summary.ts';
