import { chiSquaredHomogeneity } from './chi-squared.ts';
import {
  ColumnValues,
  ValueBudget,
  type CategoricalProfile,
  type ColumnProfile,
  type DataProfile,
  type NumericProfile,
} from './data-profile.ts';
import type { CellSink, DataSink } from './data-rows.ts';
import { jensenShannonDistance, populationStabilityIndex, wassersteinDistance } from './distribution-distances.ts';
import { ksStatistic, ksTest } from './kolmogorov-smirnov.ts';

/**
 * The reference of a comparison: a profile, and for a reference given as data, the sorted values
 * of its numeric columns, which make the numeric statistics exact.
 */
export interface DriftReference {
  profile: DataProfile;
  values?: ReadonlyMap<string, Float64Array>;
}

/** One column's comparison. Statistics are absent where they do not apply. */
export interface ColumnDrift {
  column: string;
  kind: 'numeric' | 'categorical';
  /** Production values present, and in the reference. */
  n: number;
  referenceN: number;
  missing: number;
  /** Numeric: the two-sample Kolmogorov-Smirnov statistic and its two-sided p-value. */
  ks?: number;
  ksPValue?: number;
  /** Over the reference's bins (numeric) or categories. */
  psi?: number;
  wasserstein?: number;
  /** Categorical: chi-squared test of homogeneity of both samples' counts, and the Jensen-Shannon distance. */
  chi2PValue?: number;
  jensenShannon?: number;
  /** The p-value the verdict is taken from (ksPValue or chi2PValue), and Holm's adjustment of it over the columns tested. */
  pValue?: number;
  adjustedPValue?: number;
  /** `exact` against the reference's values, `binned` against its profile's bins. */
  method?: 'exact' | 'binned';
  drifted: boolean;
  /** Why a column could not be tested, or what to know about its result. */
  note?: string;
  /** Shares of reference and production in each bin or category, for charts. */
  histogram?: { labels: string[]; reference: number[]; production: number[] };
}

export interface DriftReport {
  alpha: number;
  rows: number;
  referenceRows: number;
  columns: ColumnDrift[];
  /** Columns drifted over columns compared (tested or missing or changed in type). */
  driftedShare: number;
  drifted: boolean;
}

/** The production side: per reference column, what the comparison needs, read in one pass. */
export class ProductionColumns implements DataSink {
  readonly byName = new Map<string, ProductionColumn>();
  /** Every column name any file's header had. */
  readonly seen = new Set<string>();
  private readonly budget = new ValueBudget();

  constructor(reference: DriftReference, names: readonly string[]) {
    for (const name of names) {
      const profile = reference.profile.columns.find((column) => column.name === name)!;
      this.byName.set(
        name,
        profile.kind === 'categorical'
          ? new CategoryCounts(profile)
          : reference.values?.has(name) === true
            ? new ColumnValues(name, this.budget)
            : new BinCounts(profile),
      );
    }
  }

  columns(names: readonly string[], file: string): ReadonlyArray<CellSink | undefined> {
    return names.map((name) => {
      this.seen.add(name);
      const column = this.byName.get(name);
      if (column !== undefined) column.file = file;
      return column;
    });
  }
}

type ProductionColumn = ColumnValues | BinCounts | CategoryCounts;

/** Production values of a numeric column counted into the reference's bins, plus below and above them. */
export class BinCounts implements CellSink {
  /** [below the first edge, bin 0 (at the first edge), ..., bin k-1, above the last edge]. */
  readonly counts: Float64Array;
  size = 0;
  missingCount = 0;
  textCount = 0;
  firstText: { value: string; line: number; file: string } | undefined;
  min = Infinity;
  max = -Infinity;
  file = '';
  private readonly edges: Float64Array;

  constructor(profile: NumericProfile) {
    this.edges = Float64Array.from(profile.edges);
    this.counts = new Float64Array(profile.edges.length + 2);
  }

  number(value: number): void {
    this.size++;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
    const edges = this.edges;
    const last = edges.length - 1;
    if (value < edges[0]!) this.counts[0]!++;
    else if (value > edges[last]!) this.counts[last + 2]!++;
    else {
      // The first edge at or above the value: its bin holds it.
      let low = 0;
      let high = last;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (edges[middle]! >= value) high = middle;
        else low = middle + 1;
      }
      this.counts[low + 1]!++;
    }
  }

  text(value: string, line: number): void {
    this.textCount++;
    if (this.firstText === undefined) this.firstText = { value, line, file: this.file };
  }

  missing(): void {
    this.missingCount++;
  }
}

/** Production values of a categorical column counted under the reference's named categories, the rest as other. */
export class CategoryCounts implements CellSink {
  readonly counts: Float64Array;
  size = 0;
  missingCount = 0;
  textCount = 0;
  firstText = undefined;
  file = '';
  private readonly index = new Map<string, number>();

  constructor(profile: CategoricalProfile) {
    profile.top.forEach((entry, i) => this.index.set(entry.value, i));
    this.counts = new Float64Array(profile.top.length + 1);
  }

  number(value: number): void {
    this.add(String(value));
  }

  text(value: string): void {
    this.add(value);
  }

  missing(): void {
    this.missingCount++;
  }

  private add(value: string): void {
    this.size++;
    this.counts[this.index.get(value) ?? this.counts.length - 1]!++;
  }
}

/**
 * Compares each column and decides, over all of them, which drifted: a column drifts when Holm's
 * adjustment of its p-value (over the columns tested) is below `alpha`, so that on data from the
 * reference's distribution any alarm at all comes at most `alpha` of the time, however many
 * columns there are. A column missing from production or holding text where the reference held
 * numbers has drifted too.
 */
export function compareColumns(
  reference: DriftReference,
  production: ProductionColumns,
  rows: number,
  alpha: number,
): DriftReport {
  const columns: ColumnDrift[] = [];
  for (const [name, column] of production.byName) {
    const profile = reference.profile.columns.find((entry) => entry.name === name)!;
    columns.push(compareColumn(profile, column, reference.values?.get(name), production.seen.has(name)));
  }
  const tested = columns.filter((column) => column.pValue !== undefined);
  tested.sort((a, b) => a.pValue! - b.pValue!);
  let running = 0;
  tested.forEach((column, rank) => {
    running = Math.max(running, Math.min(1, (tested.length - rank) * column.pValue!));
    column.adjustedPValue = running;
    column.drifted = running < alpha;
  });
  const judged = columns.filter((column) => column.pValue !== undefined || column.drifted);
  const drifted = columns.filter((column) => column.drifted).length;
  return {
    alpha,
    rows,
    referenceRows: reference.profile.rows,
    columns,
    driftedShare: judged.length === 0 ? 0 : drifted / judged.length,
    drifted: drifted > 0,
  };
}

function compareColumn(
  profile: ColumnProfile,
  column: ProductionColumn,
  referenceValues: Float64Array | undefined,
  seen: boolean,
): ColumnDrift {
  const base = {
    column: profile.name,
    kind: profile.kind,
    n: column.size,
    referenceN: profile.count,
    missing: column.missingCount,
  };
  if (!seen) return { ...base, drifted: true, note: 'missing in production: no file has this column' };
  if (profile.kind === 'numeric' && column.textCount > 0) {
    const first = column.firstText!;
    return {
      ...base,
      drifted: true,
      note: `numeric in the reference, but production holds text (${JSON.stringify(first.value.slice(0, 40))} in ${first.file} line ${first.line}, ${column.textCount} cells)`,
    };
  }
  if (profile.count === 0)
    return { ...base, drifted: false, note: 'the reference has no values in this column: not tested' };
  if (column.size === 0) return { ...base, drifted: true, note: 'every production cell is empty' };
  if (profile.kind === 'categorical') {
    const categorical = column as CategoryCounts;
    if (profile.distinctCapped === true) {
      return {
        ...base,
        drifted: false,
        note: `more than ${profile.distinct.toLocaleString('en-US')} distinct values in the reference: an identifier, not a category; not tested`,
      };
    }
    const referenceCounts = [...profile.top.map((entry) => entry.count), profile.other];
    const productionCounts = [...categorical.counts];
    const test = chiSquaredHomogeneity(referenceCounts, productionCounts);
    const labels = [...profile.top.map((entry) => entry.value), 'other'];
    return {
      ...base,
      psi: populationStabilityIndex(referenceCounts, productionCounts),
      jensenShannon: jensenShannonDistance(referenceCounts, productionCounts),
      ...(test === undefined ? {} : { chi2PValue: test.pValue, pValue: test.pValue }),
      method: 'binned',
      drifted: false,
      ...(test === undefined ? { note: 'one category in both samples: nothing to test' } : {}),
      histogram: shares(labels, referenceCounts, productionCounts),
    };
  }
  const edges = profile.edges;
  const labels = ['below', ...edges.map((edge) => `≤ ${formatEdge(edge)}`), 'above'];
  const referenceCells = [0, ...profile.counts, 0];
  if (referenceValues !== undefined) {
    const values = (column as ColumnValues).sorted();
    const test = ksTest(ksStatistic(referenceValues, values), referenceValues.length, values.length);
    const cells = binValues(values, edges);
    return {
      ...base,
      ks: test.statistic,
      ksPValue: test.pValue,
      psi: populationStabilityIndex(referenceCells, cells),
      wasserstein: wassersteinDistance(referenceValues, values),
      pValue: test.pValue,
      method: 'exact',
      drifted: false,
      histogram: shares(labels, referenceCells, cells),
    };
  }
  const binned = column as BinCounts;
  const cells = [...binned.counts];
  const test = ksTest(binnedKsStatistic(profile, cells), profile.count, binned.size);
  return {
    ...base,
    ks: test.statistic,
    ksPValue: test.pValue,
    psi: populationStabilityIndex(referenceCells, cells),
    wasserstein: binnedWasserstein(profile, cells, binned.min, binned.max),
    pValue: test.pValue,
    method: 'binned',
    drifted: false,
    histogram: shares(labels, referenceCells, cells),
  };
}

function formatEdge(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toPrecision(4).replace(/\.?0+$/, '');
}

function shares(labels: string[], reference: readonly number[], production: readonly number[]) {
  const total1 = reference.reduce((sum, value) => sum + value, 0) || 1;
  const total2 = production.reduce((sum, value) => sum + value, 0) || 1;
  return {
    labels,
    reference: reference.map((value) => value / total1),
    production: production.map((value) => value / total2),
  };
}

/** Sorted values counted into [below, bins..., above] of a profile's edges, as BinCounts does. */
function binValues(sorted: Float64Array, edges: readonly number[]): number[] {
  const cells = new Array<number>(edges.length + 2).fill(0);
  let bin = 0;
  const last = edges.length - 1;
  for (const value of sorted) {
    if (value < edges[0]!) cells[0]!++;
    else if (value > edges[last]!) cells[last + 2]!++;
    else {
      while (value > edges[bin]!) bin++;
      cells[bin + 1]!++;
    }
  }
  return cells;
}

/**
 * The largest distance between both distribution functions at the points where both are known:
 * just below the reference's minimum and at each edge. Never more than the statistic of the
 * values themselves, so its p-value errs towards "no drift".
 */
export function binnedKsStatistic(profile: NumericProfile, cells: readonly number[]): number {
  const n = cells.reduce((sum, value) => sum + value, 0);
  const referenceN = profile.count;
  let production = cells[0]!;
  let reference = 0;
  let largest = production / n;
  for (let i = 0; i < profile.counts.length; i++) {
    production += cells[i + 1]!;
    reference += profile.counts[i]!;
    largest = Math.max(largest, Math.abs(reference / referenceN - production / n));
  }
  return largest;
}

/**
 * The Wasserstein distance between both samples with each bin's mass spread evenly over it (and
 * production's mass below or above the reference's range spread out to its own minimum or
 * maximum): the area between two piecewise linear distribution functions.
 */
export function binnedWasserstein(profile: NumericProfile, cells: readonly number[], min: number, max: number): number {
  const n = cells.reduce((sum, value) => sum + value, 0);
  const edges = profile.edges;
  const points: number[] = [];
  const f: number[] = []; // reference
  const g: number[] = []; // production
  const knot = (x: number, reference: number, production: number) => {
    points.push(x);
    f.push(reference);
    g.push(production);
  };
  if (cells[0]! > 0) knot(min, 0, 0);
  // At the first edge both functions jump by their mass there: two knots at one point, no area between.
  knot(edges[0]!, 0, cells[0]! / n);
  let reference = 0;
  let production = cells[0]!;
  for (let i = 0; i < edges.length; i++) {
    reference += profile.counts[i]!;
    production += cells[i + 1]!;
    knot(edges[i]!, reference / profile.count, production / n);
  }
  if (cells[cells.length - 1]! > 0) knot(max, 1, 1);
  let area = 0;
  for (let i = 1; i < points.length; i++) {
    const width = points[i]! - points[i - 1]!;
    const d0 = f[i - 1]! - g[i - 1]!;
    const d1 = f[i]! - g[i]!;
    if (d0 * d1 >= 0) area += (width * (Math.abs(d0) + Math.abs(d1))) / 2;
    else area += (width * (d0 * d0 + d1 * d1)) / (2 * (Math.abs(d0) + Math.abs(d1)));
  }
  return area;
}
