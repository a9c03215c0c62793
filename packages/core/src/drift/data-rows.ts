import { splitQuoted } from '../files/delimited-record.ts';
import { fileError } from '../files/file-error.ts';
import { forEachLine } from '../files/line-stream.ts';
import { isPlainObject } from '../text/plain-object.ts';
import { parseDecimal } from '../text/number-text.ts';

/** What a reader hands over for each cell of a data file. */
export interface CellSink {
  /** A finite number. */
  number(value: number, line: number): void;
  /** Text that is not a number. */
  text(value: string, line: number): void;
  /** An empty cell, a missing key, null, NaN or an infinity. */
  missing(): void;
}

/** Where the cells of one file go: `columns` is told the header and answers one sink per column (or none). */
export interface DataSink {
  columns(names: readonly string[], file: string): ReadonlyArray<CellSink | undefined>;
}

// What pandas reads as missing, besides the empty cell.
const MISSING_WORDS = new Set([
  'na',
  'n/a',
  'nan',
  '-nan',
  'null',
  'none',
  'inf',
  '-inf',
  '+inf',
  'infinity',
  '-infinity',
]);

/** The format of a data file from its name: CSV, TSV or JSON Lines. */
export function dataFormat(path: string): 'csv' | 'tsv' | 'jsonl' | undefined {
  const lower = path.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.tsv') || lower.endsWith('.tab')) return 'tsv';
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return 'jsonl';
  return undefined;
}

/**
 * Streams the rows of a CSV, TSV (a header row, then one row per record; RFC 4180 quoting) or
 * JSON Lines file (one object a line; a key absent from a line is a missing cell) into `sink`,
 * one cell at a time, so that a file of any size passes through bounded memory. Returns the
 * number of data rows. Errors name the file and line.
 */
export async function readDataRows(absolutePath: string, displayName: string, sink: DataSink): Promise<number> {
  const format = dataFormat(displayName);
  if (format === undefined) {
    throw fileError(displayName, 'is not a data file: name it .csv, .tsv or .jsonl (JSON Lines)');
  }
  return format === 'jsonl'
    ? readJsonLines(absolutePath, displayName, sink)
    : readDelimited(absolutePath, displayName, format === 'tsv' ? 9 : 44, sink);
}

async function readDelimited(
  absolutePath: string,
  displayName: string,
  delimiter: number,
  sink: DataSink,
): Promise<number> {
  let sinks: ReadonlyArray<CellSink | undefined> | undefined;
  let rows = 0;
  let pending = '';
  let pendingLine = 0;
  const separator = String.fromCharCode(delimiter);
  const cell = (target: CellSink | undefined, text: string, start: number, end: number, line: number): void => {
    if (target === undefined) return;
    const value = parseDecimal(text, start, end);
    if (value === value) {
      if (Number.isFinite(value)) target.number(value, line);
      else target.missing();
      return;
    }
    const trimmed = text.slice(start, end).trim();
    if (trimmed === '' || MISSING_WORDS.has(trimmed.toLowerCase())) target.missing();
    else target.text(trimmed, line);
  };
  await forEachLine(absolutePath, displayName, (lineText, lineNumber) => {
    let text = lineText;
    let line = lineNumber;
    if (pending !== '') {
      text = `${pending}\n${lineText}`;
      line = pendingLine;
      pending = '';
    }
    if (sinks === undefined) {
      if (text.trim() === '') return;
      const names = splitQuoted(text, delimiter);
      if (names === undefined) {
        pending = text;
        pendingLine = line;
        return;
      }
      const trimmed = names.map((name) => name.trim());
      const seen = new Set<string>();
      trimmed.forEach((name, index) => {
        if (name === '') throw fileError(displayName, `header column ${index + 1} has no name`, line);
        if (seen.has(name)) throw fileError(displayName, `header names column "${name}" twice`, line);
        seen.add(name);
      });
      sinks = sink.columns(trimmed, displayName);
      return;
    }
    if (text.trim() === '') return;
    const width = sinks.length;
    if (text.indexOf('"') === -1) {
      let column = 0;
      let start = 0;
      for (;;) {
        const at = text.indexOf(separator, start);
        const end = at === -1 ? text.length : at;
        if (column < width) cell(sinks[column], text, start, end, line);
        column++;
        if (at === -1) break;
        start = at + 1;
      }
      if (column !== width) throw fieldCountError(displayName, column, width, line);
    } else {
      const fields = splitQuoted(text, delimiter);
      if (fields === undefined) {
        pending = text;
        pendingLine = line;
        return;
      }
      if (fields.length !== width) throw fieldCountError(displayName, fields.length, width, line);
      fields.forEach((field, column) => cell(sinks![column], field, 0, field.length, line));
    }
    rows++;
  });
  if (pending !== '') throw fileError(displayName, 'a quoted field is never closed (missing ")', pendingLine);
  if (sinks === undefined) throw fileError(displayName, 'has no header row: the file is empty');
  return rows;
}

function fieldCountError(file: string, fields: number, width: number, line: number) {
  return fileError(file, `row has ${fields} field${fields === 1 ? '' : 's'} but the header has ${width}`, line);
}

async function readJsonLines(absolutePath: string, displayName: string, sink: DataSink): Promise<number> {
  const names: string[] = [];
  const index = new Map<string, number>();
  let sinks: Array<CellSink | undefined> = [];
  let rows = 0;
  let seen = new Uint8Array(0);
  await forEachLine(absolutePath, displayName, (text, line) => {
    if (text.trim() === '') return;
    let row: unknown;
    try {
      row = JSON.parse(text);
    } catch (thrown: unknown) {
      throw fileError(displayName, `is not JSON Lines: ${(thrown as Error).message}`, line);
    }
    if (!isPlainObject(row)) throw fileError(displayName, 'a JSON Lines row must be an object of column values', line);
    let added = false;
    for (const key of Object.keys(row)) {
      if (!index.has(key)) {
        index.set(key, names.length);
        names.push(key);
        added = true;
      }
    }
    if (added) {
      // A column first seen here was missing on every row before it.
      const known = sinks.length;
      sinks = [...sinks, ...sink.columns(names, displayName).slice(known)];
      for (let column = known; column < names.length; column++) {
        for (let before = 0; before < rows; before++) sinks[column]?.missing();
      }
      const grown = new Uint8Array(names.length);
      grown.set(seen);
      seen = grown;
    }
    seen.fill(0);
    for (const [key, value] of Object.entries(row)) {
      const column = index.get(key)!;
      seen[column] = 1;
      const target = sinks[column];
      if (target === undefined) continue;
      if (typeof value === 'number') {
        if (Number.isFinite(value)) target.number(value, line);
        else target.missing();
      } else if (typeof value === 'string') {
        const trimmed = value.trim();
        if (trimmed === '' || MISSING_WORDS.has(trimmed.toLowerCase())) target.missing();
        else target.text(trimmed, line);
      } else if (typeof value === 'boolean') target.text(String(value), line);
      else if (value === null) target.missing();
      else target.text(JSON.stringify(value), line);
    }
    for (let column = 0; column < names.length; column++) if (seen[column] === 0) sinks[column]?.missing();
    rows++;
  });
  return rows;
}
