import { UserError } from '../errors.ts';
import type { CellSink, DataSink } from './data-rows.ts';

/**
 * What a model was trained on, column by column: the reference that monitor compares production
 * data with. Small (a few KB a column) so that it travels in the run record and the package
 * manifest.
 */
export interface DataProfile {
  /** Bumped when the shape changes; readers refuse versions they do not know. */
  version: typeof DATA_PROFILE_VERSION;
  /** Data rows profiled, over every file. */
  rows: number;
  /** The profiled files, relative to the workspace. */
  files: string[];
  columns: ColumnProfile[];
}

export type ColumnProfile = NumericProfile | CategoricalProfile;

export interface NumericProfile {
  name: string;
  kind: 'numeric';
  /** Values present; `missing` counts empty cells, NaN and infinities. */
  count: number;
  missing: number;
  mean: number;
  /** Sample standard deviation (divisor n - 1); 0 for a single value. */
  std: number;
  min: number;
  max: number;
  /**
   * Bin edges, ascending and distinct, each a value of the data (its quantiles at equal steps, so
   * that every bin holds about the same share; edges[0] is the minimum). `counts[0]` is the exact
   * number of values equal to edges[0] and `counts[i]` of values in (edges[i-1], edges[i]], so
   * the distribution function is known exactly at every edge, also for data of a few distinct
   * values (a 0/1 column has edges [0, 1]).
   */
  edges: number[];
  counts: number[];
}

export interface CategoricalProfile {
  name: string;
  kind: 'categorical';
  count: number;
  missing: number;
  /** Distinct values seen, at most MAX_DISTINCT_VALUES (`distinctCapped` when there were more). */
  distinct: number;
  distinctCapped?: boolean;
  /** The most frequent values with their counts, most frequent first; `other` counts the rest. */
  top: { value: string; count: number }[];
  other: number;
}

export const DATA_PROFILE_VERSION = 1;
/** Quantile bins of a numeric column. */
export const PROFILE_BINS = 20;
/** Categories kept by name in a profile. */
export const PROFILE_TOP_CATEGORIES = 20;
/** Distinct text values counted per column; past it a column is an identifier, not a category. */
export const MAX_DISTINCT_VALUES = 10_000;
/** Longer category values are counted under `other`: they are not categories anyone names. */
export const MAX_CATEGORY_LENGTH = 200;
/** Columns profiled from one set of files. */
export const MAX_PROFILE_COLUMNS = 500;
/** Numbers kept in memory at once, over every column (8 bytes each). */
export const MAX_KEPT_VALUES = 40_000_000;

/**
 * The values of one column as read: numbers kept (sorted on `finish`), text counted by value.
 * Numbers of a column that turns out to hold text are counted as text under their shortest form.
 */
export class ColumnValues implements CellSink {
  readonly name: string;
  private values = new Float64Array(1024);
  size = 0;
  missingCount = 0;
  textCount = 0;
  /** Line and file of the first text cell, for messages. */
  firstText: { value: string; line: number; file: string } | undefined;
  readonly texts = new Map<string, number>();
  distinctCapped = false;
  private readonly budget: ValueBudget;
  file = '';

  constructor(name: string, budget: ValueBudget) {
    this.name = name;
    this.budget = budget;
  }

  number(value: number): void {
    if (this.size === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.budget.take(this.name, this.file);
    this.values[this.size++] = value;
  }

  text(value: string, line: number): void {
    this.textCount++;
    if (this.firstText === undefined) this.firstText = { value, line, file: this.file };
    countText(this.texts, value, this);
  }

  missing(): void {
    this.missingCount++;
  }

  /** The numbers, sorted ascending. */
  sorted(): Float64Array {
    const kept = this.values.subarray(0, this.size);
    kept.sort();
    return kept;
  }

  get isNumeric(): boolean {
    return this.textCount === 0 && this.size > 0;
  }
}

function countText(texts: Map<string, number>, value: string, owner: { distinctCapped: boolean }): void {
  const known = texts.get(value);
  if (known !== undefined) texts.set(value, known + 1);
  else if (texts.size < MAX_DISTINCT_VALUES) texts.set(value, 1);
  else owner.distinctCapped = true;
}

/** A shared limit on the numbers held in memory, so that a huge file fails with a message, not an out-of-memory crash. */
export class ValueBudget {
  private left: number;
  constructor(limit = MAX_KEPT_VALUES) {
    this.left = limit;
  }
  take(column: string, file: string): void {
    if (--this.left < 0) {
      throw new UserError(
        `${file}: more than ${MAX_KEPT_VALUES.toLocaleString('en-US')} numbers (at column "${column}") is more than can be compared value by value; profile the reference (train's input profile) and monitor against that, which streams any amount of production data`,
      );
    }
  }
}

/** Collects every column of a set of files, by name, as ColumnValues. */
export class ColumnCollector implements DataSink {
  readonly byName = new Map<string, ColumnValues>();
  private readonly wanted: ReadonlySet<string> | undefined;
  private readonly budget = new ValueBudget();

  constructor(wanted?: readonly string[]) {
    this.wanted = wanted === undefined ? undefined : new Set(wanted);
  }

  columns(names: readonly string[], file: string): ReadonlyArray<CellSink | undefined> {
    return names.map((name) => {
      if (this.wanted !== undefined && !this.wanted.has(name)) return undefined;
      let column = this.byName.get(name);
      if (column === undefined) {
        if (this.byName.size >= MAX_PROFILE_COLUMNS) {
          throw new UserError(`${file}: more than ${MAX_PROFILE_COLUMNS} columns; name the ones to profile`);
        }
        column = new ColumnValues(name, this.budget);
        this.byName.set(name, column);
      }
      column.file = file;
      return column;
    });
  }
}

/** The profile of collected columns, in the order first seen. */
export function profileColumns(columns: Iterable<ColumnValues>, rows: number, files: string[]): DataProfile {
  return { version: DATA_PROFILE_VERSION, rows, files, columns: [...columns].map(profileColumn) };
}

export function profileColumn(column: ColumnValues): ColumnProfile {
  if (column.isNumeric) return numericProfile(column.name, column.sorted(), column.missingCount);
  // Numbers in a column that also holds text are categories too.
  const texts = new Map(column.texts);
  const owner = { distinctCapped: column.distinctCapped };
  for (const value of column.sorted()) countText(texts, String(value), owner);
  const ranked = [...texts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const count = column.size + column.textCount;
  const top = ranked
    .filter(([value]) => value.length <= MAX_CATEGORY_LENGTH)
    .slice(0, PROFILE_TOP_CATEGORIES)
    .map(([value, n]) => ({ value, count: n }));
  const named = top.reduce((sum, entry) => sum + entry.count, 0);
  return {
    name: column.name,
    kind: 'categorical',
    count,
    missing: column.missingCount,
    distinct: texts.size,
    ...(owner.distinctCapped ? { distinctCapped: true } : {}),
    top,
    other: count - named,
  };
}

/** The profile of a sorted, non-empty numeric sample. */
export function numericProfile(name: string, sorted: Float64Array, missing: number): NumericProfile {
  const n = sorted.length;
  let mean = 0;
  let m2 = 0;
  for (let i = 0; i < n; i++) {
    const delta = sorted[i]! - mean;
    mean += delta / (i + 1);
    m2 += delta * (sorted[i]! - mean);
  }
  const edges: number[] = [];
  for (let b = 0; b <= PROFILE_BINS; b++) {
    const edge = sorted[Math.floor((b * (n - 1)) / PROFILE_BINS)]!;
    if (edges.length === 0 || edge > edges[edges.length - 1]!) edges.push(edge);
  }
  const counts = new Array<number>(edges.length).fill(0);
  let bin = 0;
  for (let i = 0; i < n; i++) {
    while (sorted[i]! > edges[bin]!) bin++;
    counts[bin]!++;
  }
  return {
    name,
    kind: 'numeric',
    count: n,
    missing,
    mean,
    std: n > 1 ? Math.sqrt(m2 / (n - 1)) : 0,
    min: sorted[0]!,
    max: sorted[n - 1]!,
    edges,
    counts,
  };
}
