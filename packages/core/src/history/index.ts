export * from './history-entry.ts';
export * from './trend-page.ts';
export * from './trend-points.ts';
