export * from './history-entry.ts';
export * from './trend-page.ts';
export * from './trend-points.ts';
export * from './trend-point-url.ts';
export * from './history-entries.ts';
export * from './history-file.ts';
export * from './history-lines.ts';
export * from './history-baseline.ts';
