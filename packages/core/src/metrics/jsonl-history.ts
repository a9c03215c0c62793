import type { Metric } from '../record/run-record.ts';
import { fileError } from '../files/file-error.ts';
import { forEachLine } from '../files/line-stream.ts';
import { MAX_NESTING_DEPTH } from './flatten-tree.ts';
import { wallTimeFromDateText, wallTimeSeconds } from './history-columns.ts';
import { parseJsonText, parseJsonTextWithNonFinite } from '../text/json-text.ts';
import { MetricTable, type MetricSeries } from './metric-series.ts';
import { nonFiniteFromText } from '../text/number-text.ts';
import { describeValue } from './summary-metrics.ts';

/** What we know about one key of the history, kept so each line costs one Map lookup per key. */
interface KeyState {
  series: MetricSeries | undefined;
  /** Line where the key first held text (not a metric), or 0. */
  textLine: number;
}

/** Keys that are not metrics: the step and wall-clock times (the first present is used). */
const WALL_TIME_KEYS = ['timestamp', 'wall_time', 'time'] as const;

/**
 * Reads a JSON Lines history: one JSON object per line. `step` gives the step when present on
 * the line, else `epoch`, else the line's record index (0-based); `epoch` is never a metric.
 * `timestamp`, `wall_time` or `time` is the wall time. Every other numeric value is a metric (nested objects flattened to `a.b`);
 * booleans, nulls and arrays are not; Python's bare NaN/Infinity are kept. A key that holds
 * both numbers and text is an error. Streams the file line by line.
 */
export async function readJsonlHistory(absolutePath: string, displayName: string): Promise<Record<string, Metric>> {
  const table = new MetricTable();
  const keys = new Map<string, KeyState>();
  let rowIndex = 0;
  // Set once a line has needed Python's NaN/Infinity; from then on such lines skip the failing attempt.
  let pythonNonFinite = false;

  const addValue = (
    key: string,
    value: unknown,
    step: number,
    wallTime: number | undefined,
    lineNumber: number,
    depth: number,
  ): void => {
    let number: number;
    if (typeof value === 'number') number = value;
    else if (typeof value === 'string') {
      const special = nonFiniteFromText(value);
      let state = keys.get(key);
      if (special === undefined) {
        if (state === undefined) {
          state = { series: undefined, textLine: lineNumber };
          keys.set(key, state);
        } else if (state.series !== undefined) {
          throw fileError(displayName, `"${key}" is ${describeValue(value)}, not a number`, lineNumber);
        }
        return;
      }
      number = special;
    } else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      addNested(key, value as Record<string, unknown>, step, wallTime, lineNumber, depth + 1);
      return;
    } else return; // booleans, nulls and arrays are not metrics
    let state = keys.get(key);
    if (state === undefined) {
      state = { series: table.get(key), textLine: 0 };
      keys.set(key, state);
    } else if (state.series === undefined) {
      throw fileError(
        displayName,
        `"${key}" holds text on line ${state.textLine} but a number here; a metric must hold only numbers`,
        lineNumber,
      );
    }
    state.series!.push(step, number, wallTime);
  };

  const addNested = (
    prefix: string,
    object: Record<string, unknown>,
    step: number,
    wallTime: number | undefined,
    lineNumber: number,
    depth: number,
  ): void => {
    if (depth > MAX_NESTING_DEPTH) {
      throw fileError(
        displayName,
        `nested more than ${MAX_NESTING_DEPTH} levels deep; refusing to read it`,
        lineNumber,
      );
    }
    for (const key in object) addValue(`${prefix}.${key}`, object[key], step, wallTime, lineNumber, depth);
  };

  await forEachLine(absolutePath, displayName, (line, lineNumber) => {
    let parsed: unknown;
    if (!pythonNonFinite) {
      try {
        parsed = JSON.parse(line);
      } catch {
        if (line.trim() === '') return;
        parsed = parseJsonTextWithNonFinite(line, displayName, lineNumber);
        pythonNonFinite = true;
      }
    } else if (line.includes('NaN') || line.includes('Infinity')) {
      parsed = parseJsonTextWithNonFinite(line, displayName, lineNumber);
    } else {
      if (line.trim() === '') return;
      parsed = parseJsonText(line, displayName, lineNumber);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw fileError(
        displayName,
        `each line of a JSON Lines file must be a JSON object, this one is ${describeValue(parsed)}`,
        lineNumber,
      );
    }
    const record = parsed as Record<string, unknown>;
    let step = rowIndex;
    const stepKey = record['step'] !== undefined ? 'step' : record['epoch'] !== undefined ? 'epoch' : undefined;
    if (stepKey !== undefined) {
      const stepValue = record[stepKey];
      if (typeof stepValue !== 'number' || !Number.isFinite(stepValue)) {
        throw fileError(
          displayName,
          `"${stepKey}" is ${describeValue(stepValue)}; it must be a finite number`,
          lineNumber,
        );
      }
      step = stepValue;
    }
    let wallTime: number | undefined;
    for (const name of WALL_TIME_KEYS) {
      const raw = record[name];
      if (raw === undefined) continue;
      if (typeof raw === 'number') wallTime = wallTimeSeconds(raw);
      else if (typeof raw === 'string') wallTime = wallTimeFromDateText(raw);
      if (wallTime === undefined && raw !== null) {
        throw fileError(
          displayName,
          `"${name}" is ${describeValue(raw)}; a wall time must be a number or a date`,
          lineNumber,
        );
      }
      break;
    }
    for (const key in record) {
      if (key === 'step' || key === 'epoch' || key === 'timestamp' || key === 'wall_time' || key === 'time') continue;
      addValue(key, record[key], step, wallTime, lineNumber, 0);
    }
    rowIndex++;
  });
  if (rowIndex === 0) throw fileError(displayName, 'file is empty (only whitespace)');
  return table.toRecord();
}
