export * from './history-entry.ts';
export * from './history-entries.ts';
export * from './history-file.ts';
export * from './history-lines.ts';
