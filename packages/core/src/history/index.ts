export * from './history-entry.ts';
