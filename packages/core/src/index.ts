export * from './errors.ts';
export * from './run-record.ts';
