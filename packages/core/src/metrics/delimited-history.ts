import type { Metric } from '../record/run-record.ts';
import { fileError } from '../files/file-error.ts';
import { forEachLine } from '../files/line-stream.ts';
import { splitQuoted } from '../files/delimited-record.ts';
import { isEpochName, isStepName, wallTimeFromDateText, wallTimeRank, wallTimeSeconds } from './history-columns.ts';
import { MetricTable, type MetricSeries } from './metric-series.ts';
import { nonFiniteFromText, parseDecimal } from '../text/number-text.ts';

// Column kinds.
const UNDECIDED = 0; // a metric candidate whose first non-empty cell is still to come
const METRIC = 1;
const TEXT = 2; // its first non-empty cell was text: not a metric
const STEP = 3;
const WALL_TIME = 4;
const IGNORED = 5; // a second wall-time column, or the epoch beside a step column

export interface DelimitedHistoryOptions {
  /** ',' or '\t'; by default from the header (a tab there means TSV). */
  delimiter?: string;
  /** Put before every metric name, e.g. "train." for DVCLive's plots/metrics/train/. */
  keyPrefix?: string;
}

/**
 * Reads a CSV or TSV history: a header row, then one row per point. The `step` column gives the
 * step when there is one, else the `epoch` column (Keras' CSVLogger), else the row's index
 * (0-based); an `epoch` beside a `step` (Lightning's CSVLogger) is a coordinate, not a metric.
 * `timestamp`, `wall_time`, `time` are wall times, not metrics. Every other column whose first non-empty cell is a number is a
 * metric; empty cells are points not logged; `nan`, `inf`, ... are kept. A column whose first
 * non-empty cell is text is not a metric. Streams the file line by line.
 */
export async function readDelimitedHistory(
  absolutePath: string,
  displayName: string,
  options: DelimitedHistoryOptions = {},
): Promise<Record<string, Metric>> {
  const keyPrefix = options.keyPrefix ?? '';
  const table = new MetricTable();
  let delimiter = options.delimiter;
  let delimiterCode = 0;
  let names: string[] | undefined;
  let kinds = new Uint8Array(0);
  let series: Array<MetricSeries | undefined> = [];
  let textLines: number[] = [];
  let stepColumn = -1;
  let wallColumn = -1;
  let bounds = new Int32Array(0);
  let rowIndex = 0;
  // A quoted field may hold a newline; its row then continues on the next line.
  let pending = '';
  let pendingLine = 0;

  const processRow = (text: string, fieldCount: number, lineNumber: number): void => {
    const columns = kinds.length;
    if (fieldCount !== columns) {
      throw fileError(
        displayName,
        `row has ${fieldCount} field${fieldCount === 1 ? '' : 's'} but the header has ${columns}`,
        lineNumber,
      );
    }
    let step = rowIndex;
    if (stepColumn >= 0) {
      const start = bounds[2 * stepColumn]!;
      const end = bounds[2 * stepColumn + 1]!;
      step = parseDecimal(text, start, end);
      if (!Number.isFinite(step)) {
        const cell = text.slice(start, end).trim();
        throw fileError(
          displayName,
          cell === '' ? 'empty step' : `step ${JSON.stringify(cell)} is not a finite number`,
          lineNumber,
        );
      }
    }
    let wallTime: number | undefined;
    if (wallColumn >= 0) {
      const start = bounds[2 * wallColumn]!;
      const end = bounds[2 * wallColumn + 1]!;
      wallTime = parseDecimal(text, start, end);
      if (wallTime === wallTime) wallTime = wallTimeSeconds(wallTime);
      else {
        const cell = text.slice(start, end);
        if (cell.trim() !== '') {
          wallTime = wallTimeFromDateText(cell);
          if (wallTime === undefined) {
            throw fileError(
              displayName,
              `wall time ${JSON.stringify(cell.trim())} in column "${names![wallColumn]}" is neither a number nor a date`,
              lineNumber,
            );
          }
        }
      }
    }
    for (let column = 0; column < columns; column++) {
      const kind = kinds[column]!;
      if (kind > TEXT) continue;
      const start = bounds[2 * column]!;
      const end = bounds[2 * column + 1]!;
      let value = parseDecimal(text, start, end);
      if (value !== value) {
        const cell = text.slice(start, end).trim();
        if (cell === '') continue; // not logged at this step
        const special = nonFiniteFromText(cell);
        if (special === undefined) {
          if (kind === METRIC) {
            throw fileError(
              displayName,
              `${JSON.stringify(cell)} in metric column "${names![column]}" is not a number`,
              lineNumber,
            );
          }
          if (kind === UNDECIDED) {
            kinds[column] = TEXT;
            textLines[column] = lineNumber;
          }
          continue;
        }
        value = special;
      }
      if (kind === TEXT) {
        throw fileError(
          displayName,
          `column "${names![column]}" holds text on line ${textLines[column]} but a number here; a metric column must hold only numbers`,
          lineNumber,
        );
      }
      let target = series[column];
      if (target === undefined) {
        kinds[column] = METRIC;
        target = table.get(keyPrefix + names![column]);
        series[column] = target;
      }
      target.push(step, value, wallTime);
    }
    rowIndex++;
  };

  const readHeader = (fields: string[], lineNumber: number): void => {
    names = fields.map((field) => field.trim());
    kinds = new Uint8Array(names.length);
    series = new Array<MetricSeries | undefined>(names.length).fill(undefined);
    textLines = new Array<number>(names.length).fill(0);
    bounds = new Int32Array(2 * names.length + 2);
    const seen = new Set<string>();
    let bestWallRank = Infinity;
    names.forEach((name, column) => {
      if (name === '') throw fileError(displayName, `header column ${column + 1} has no name`, lineNumber);
      if (seen.has(name)) throw fileError(displayName, `header names column "${name}" twice`, lineNumber);
      seen.add(name);
      const rank = wallTimeRank(name);
      if (isStepName(name) && stepColumn < 0) {
        stepColumn = column;
        kinds[column] = STEP;
      } else if (rank >= 0) {
        kinds[column] = IGNORED;
        if (rank < bestWallRank) {
          bestWallRank = rank;
          wallColumn = column;
        }
      }
    });
    if (wallColumn >= 0) kinds[wallColumn] = WALL_TIME;
    const epochColumn = names.findIndex(isEpochName);
    if (epochColumn >= 0) {
      if (stepColumn < 0) stepColumn = epochColumn;
      kinds[epochColumn] = stepColumn === epochColumn ? STEP : IGNORED;
    }
  };

  await forEachLine(absolutePath, displayName, (line, lineNumber) => {
    let text = line;
    let firstLine = lineNumber;
    if (pending !== '') {
      text = `${pending}\n${line}`;
      firstLine = pendingLine;
      pending = '';
    }
    if (names === undefined) {
      if (text.trim() === '') return;
      if (delimiter === undefined) delimiter = text.includes('\t') ? '\t' : ',';
      delimiterCode = delimiter.charCodeAt(0);
      const fields = splitQuoted(text, delimiterCode);
      if (fields === undefined) {
        pending = text;
        pendingLine = firstLine;
        return;
      }
      readHeader(fields, firstLine);
      return;
    }
    if (text.length === 0) return; // blank line
    if (text.indexOf('"') === -1) {
      // Fast path: no quotes, so fields are the text between delimiters.
      const limit = kinds.length;
      let count = 0;
      let start = 0;
      for (;;) {
        const at = text.indexOf(delimiter!, start);
        const end = at === -1 ? text.length : at;
        if (count < limit) {
          bounds[2 * count] = start;
          bounds[2 * count + 1] = end;
        }
        count++;
        if (at === -1) break;
        start = at + 1;
      }
      if (count === 1 && text.trim() === '') return;
      processRow(text, count, firstLine);
      return;
    }
    const fields = splitQuoted(text, delimiterCode);
    if (fields === undefined) {
      pending = text;
      pendingLine = firstLine;
      return;
    }
    // Lay the unquoted fields end to end so processRow can read them through `bounds`.
    let joined = '';
    for (let i = 0; i < fields.length && i < kinds.length; i++) {
      bounds[2 * i] = joined.length;
      joined += fields[i];
      bounds[2 * i + 1] = joined.length;
    }
    processRow(joined, fields.length, firstLine);
  });
  if (pending !== '') throw fileError(displayName, 'a quoted field is never closed (missing ")', pendingLine);
  if (names === undefined) throw fileError(displayName, 'file is empty (only whitespace)');
  if (rowIndex === 0) throw fileError(displayName, 'has a header but no data rows');
  return table.toRecord();
}
