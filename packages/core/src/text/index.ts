export * from './hidden-characters.ts';
export * from './json-checker.ts';
export { escapeCell, escapeInline, markdownLink, safeUrl, truncateText, MAX_CELL_LENGTH } from './markdown-escape.ts';
export { matchesAny, nameGlob } from './name-glob.ts';
export * from './plain-object.ts';
export { recordFromMap, setOwnEntry } from './safe-record.ts';
export * from './short-hash.ts';
export * from './url-secrets.ts';
export * from './one-line.ts';
