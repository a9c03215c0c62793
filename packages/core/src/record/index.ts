export * from './compare-bundle.ts';
export * from './experiment-name.ts';
export * from './record-name.ts';
export * from './run-record.ts';
export * from './run-record-size.ts';
export * from './run-summary.ts';
