/**
 * Downsampling of metric histories for charts. An xychart line has no x values: its points are
 * spread evenly over the x-axis. So every line of a chart is put on one shared grid of evenly
 * spaced step slots, and each line has exactly one value per slot; that keeps two histories
 * with different steps aligned. Long histories keep, for every bucket of two slots, the min
 * and the max of its points (in step order), so spikes, the global min and the global max
 * survive; the first and last slots hold the first and last points. Everything is O(n).
 */

/** Where the points of one chart go: `slots` evenly spaced steps from `lo` to `hi`. */
export interface ChartGrid {
  lo: number;
  hi: number;
  slots: number;
  /** True when every point falls exactly on a slot (short histories on a regular step lattice). */
  exact: boolean;
}

/** A history as parallel columns; points whose step or value is NaN or infinite are not drawn. */
export interface PointSeries {
  steps: ArrayLike<number>;
  values: ArrayLike<number>;
}

export const MAX_CHART_POINTS = 100;

/** What one pass over a history learns: its extent for the grid and its figures for the side table. */
export interface SeriesScan {
  /** All points, drawable or not. */
  points: number;
  /** Points with a finite step and value: the ones a chart can draw. */
  finite: number;
  /** Smallest and largest step of a drawable point (Infinity and -Infinity when none). */
  lo: number;
  hi: number;
  integerSteps: boolean;
  /** Over every non-NaN value, infinities included (undefined when all are NaN or none). */
  min: number | undefined;
  max: number | undefined;
}

/** The lines of one chart: one value per grid slot each (empty for a series with nothing to draw). */
export interface DownsampledChart {
  grid: ChartGrid;
  lines: number[][];
  scans: SeriesScan[];
}

/**
 * Everything a chart of these series needs, or undefined when they have no two distinct
 * finite steps. Histories in step order (the usual case) are read once; others twice or three
 * times. The result is the same as `chartGrid` followed by `downsampleToGrid` on each series.
 */
export function downsampleForChart(
  series: readonly PointSeries[],
  maxPoints: number = MAX_CHART_POINTS,
): DownsampledChart | undefined {
  checkMaxPoints(maxPoints);
  const long = series.some((entry) => Math.min(entry.steps.length, entry.values.length) > maxPoints);
  if (long) {
    // Assume step order: the extent is then the steps of the first and last drawable points,
    // and one pass both checks that and buckets the points.
    let lo = Infinity;
    let hi = -Infinity;
    for (const entry of series) {
      const [first, last] = drawableEnds(entry);
      if (first < lo) lo = first;
      if (last > hi) hi = last;
    }
    if (lo < hi) {
      const grid: ChartGrid = { lo, hi, slots: bucketSlots(maxPoints), exact: false };
      const passes = series.map((entry) => bucketPass(entry, grid));
      const inOrder = passes.every(({ scan }) => scan.finite === 0 || (scan.lo >= lo && scan.hi <= hi));
      // A long history of mostly NaN might fit an exact grid: leave that case to the general path.
      const tooLongForLattice = passes.some(({ scan }) => scan.finite > maxPoints);
      if (inOrder && tooLongForLattice) {
        return { grid, lines: passes.map((pass) => pass.values), scans: passes.map((pass) => pass.scan) };
      }
    }
  }
  const scans = series.map(scanSeries);
  const grid = gridFromScans(series, scans, maxPoints);
  if (grid === undefined) return undefined;
  return { grid, lines: series.map((entry) => downsampleToGrid(entry, grid)), scans };
}

/** Scans a history once. */
export function scanSeries({ steps, values }: PointSeries): SeriesScan {
  const points = Math.min(steps.length, values.length);
  let finite = 0;
  let lo = Infinity;
  let hi = -Infinity;
  let integerSteps = true;
  let numbers = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < points; i++) {
    const step = steps[i]!;
    const value = values[i]!;
    if (value === value) {
      numbers++;
      if (value < min) min = value;
      if (value > max) max = value;
    }
    if (step - step !== 0 || value - value !== 0) continue;
    finite++;
    if (step < lo) lo = step;
    if (step > hi) hi = step;
    if (integerSteps && Math.floor(step) !== step) integerSteps = false;
  }
  return scanResult(points, finite, lo, hi, integerSteps, numbers, min, max);
}

/**
 * The grid shared by the given series: undefined when they have no two distinct finite steps.
 * Reads each point once (plus once more for series of at most `maxPoints` integer steps).
 */
export function chartGrid(series: readonly PointSeries[], maxPoints: number = MAX_CHART_POINTS): ChartGrid | undefined {
  return gridFromScans(series, series.map(scanSeries), maxPoints);
}

/** `chartGrid` from scans already made (`scans[i]` of `series[i]`), so no point is read again. */
export function gridFromScans(
  series: readonly PointSeries[],
  scans: readonly SeriesScan[],
  maxPoints: number = MAX_CHART_POINTS,
): ChartGrid | undefined {
  checkMaxPoints(maxPoints);
  let lo = Infinity;
  let hi = -Infinity;
  let integers = true;
  let longest = 0;
  for (const scan of scans) {
    if (scan.finite === 0) continue;
    if (scan.lo < lo) lo = scan.lo;
    if (scan.hi > hi) hi = scan.hi;
    if (!scan.integerSteps) integers = false;
    if (scan.finite > longest) longest = scan.finite;
  }
  if (!(lo < hi)) return undefined;
  if (integers && longest <= maxPoints) {
    const spacing = latticeSpacing(series, lo, (hi - lo) / (maxPoints - 1));
    if (spacing !== undefined) return { lo, hi, slots: (hi - lo) / spacing + 1, exact: true };
  }
  return { lo, hi, slots: bucketSlots(maxPoints), exact: false };
}

/**
 * One value per slot of `grid` for this series (empty when it has no finite point). Slots no
 * point fell in are interpolated between their neighbours, or hold the first/last value
 * before the series starts or after it ends. Reads each point once.
 */
export function downsampleToGrid(series: PointSeries, grid: ChartGrid): number[] {
  return grid.exact ? placeOnLattice(series, grid) : bucketPass(series, grid).values;
}

function checkMaxPoints(maxPoints: number): void {
  if (!(maxPoints >= 4)) throw new Error(`a chart needs at least 4 points, got ${maxPoints}`);
}

/** Two slots for each bucket, plus the first and the last slot. */
function bucketSlots(maxPoints: number): number {
  return 2 * Math.floor((maxPoints - 2) / 2) + 2;
}

/** Steps of the first and the last drawable point, read from both ends. */
function drawableEnds({ steps, values }: PointSeries): [number, number] {
  const length = Math.min(steps.length, values.length);
  let first = 0;
  while (first < length && !drawable(steps[first]!, values[first]!)) first++;
  if (first === length) return [Infinity, -Infinity];
  let last = length - 1;
  while (!drawable(steps[last]!, values[last]!)) last--;
  return [steps[first]!, steps[last]!];
}

// x - x is 0 exactly for finite x (NaN for NaN and infinities): cheaper than two calls.
function drawable(step: number, value: number): boolean {
  return step - step === 0 && value - value === 0;
}

// The scan's figures are kept in locals in the loops (an object updated per point is slower
// and its field types change as values arrive); this builds the result once.
function scanResult(
  points: number,
  finite: number,
  lo: number,
  hi: number,
  integerSteps: boolean,
  numbers: number,
  min: number,
  max: number,
): SeriesScan {
  const any = numbers > 0;
  return { points, finite, lo, hi, integerSteps, min: any ? min : undefined, max: any ? max : undefined };
}

function placeOnLattice({ steps, values }: PointSeries, grid: ChartGrid): number[] {
  const out = new Array<number>(grid.slots).fill(NaN);
  const filled = new Uint8Array(grid.slots);
  const spacing = (grid.hi - grid.lo) / (grid.slots - 1);
  const length = Math.min(steps.length, values.length);
  let first = NaN;
  let last = NaN;
  for (let i = 0; i < length; i++) {
    const step = steps[i]!;
    const value = values[i]!;
    if (!drawable(step, value)) continue;
    if (Number.isNaN(first)) first = value;
    last = value;
    const slot = clamp(Math.round((step - grid.lo) / spacing), 0, grid.slots - 1);
    out[slot] = value;
    filled[slot] = 1;
  }
  if (Number.isNaN(first)) return [];
  fillGaps(out, filled, first, last);
  return out;
}

/** Buckets the points (min and max of each bucket, in step order) and scans them, in one pass. */
function bucketPass({ steps, values }: PointSeries, grid: ChartGrid): { values: number[]; scan: SeriesScan } {
  const buckets = (grid.slots - 2) / 2;
  const spacing = (grid.hi - grid.lo) / (grid.slots - 1);
  const minValue = new Float64Array(buckets).fill(Infinity);
  const maxValue = new Float64Array(buckets).fill(-Infinity);
  const minAt = new Float64Array(buckets);
  const maxAt = new Float64Array(buckets);
  const figures = new Float64Array(FIGURES);
  const points = Math.min(steps.length, values.length);
  // Bucket k owns slots 2k+1 and 2k+2; a point goes to the bucket of its nearest slot:
  // floor(((step - lo) / spacing - 0.5) / 2), computed with one multiplication.
  collectExtremes(
    steps,
    values,
    points,
    grid.lo + spacing / 2,
    1 / (2 * spacing),
    { minValue, maxValue, minAt, maxAt },
    figures,
  );
  const finite = figures[FINITE]!;
  const scan = scanResult(
    points,
    finite,
    figures[LO]!,
    figures[HI]!,
    figures[INTEGER_STEPS] === 1,
    figures[NUMBERS]!,
    figures[MIN]!,
    figures[MAX]!,
  );
  if (finite === 0) return { values: [], scan };
  const first = figures[FIRST]!;
  const last = figures[LAST]!;
  // NaN, not 0: the array holds doubles from the start and never changes its element kind.
  const out = new Array<number>(grid.slots).fill(NaN);
  const filled = new Uint8Array(grid.slots);
  for (let bucket = 0; bucket < buckets; bucket++) {
    if (minValue[bucket] === Infinity) continue;
    const minFirst = minAt[bucket]! <= maxAt[bucket]!;
    out[2 * bucket + 1] = minFirst ? minValue[bucket]! : maxValue[bucket]!;
    out[2 * bucket + 2] = minFirst ? maxValue[bucket]! : minValue[bucket]!;
    filled[2 * bucket + 1] = 1;
    filled[2 * bucket + 2] = 1;
  }
  fillGaps(out, filled, first, last);
  out[0] = first;
  out[grid.slots - 1] = last;
  return { values: out, scan };
}

interface BucketExtremes {
  minValue: Float64Array;
  maxValue: Float64Array;
  /** Index of the point holding the bucket's min (max), to keep the two in step order. */
  minAt: Float64Array;
  maxAt: Float64Array;
}

// What collectExtremes learns besides the buckets, by index in its `figures` array.
const FINITE = 0;
const LO = 1;
const HI = 2;
const INTEGER_STEPS = 3;
const NUMBERS = 4;
const MIN = 5;
const MAX = 6;
const FIRST = 7;
const LAST = 8;
const FIGURES = 9;

/**
 * The hot loop of a large report, alone in its function: V8 compiles a long loop while it runs,
 * and code after it that has not run yet lacks type feedback, which would throw the compiled
 * loop away again on every call. Scan figures stay in locals (an object updated per point is
 * slower) and are written out once at the end.
 */
function collectExtremes(
  steps: ArrayLike<number>,
  values: ArrayLike<number>,
  points: number,
  origin: number,
  scale: number,
  { minValue, maxValue, minAt, maxAt }: BucketExtremes,
  figures: Float64Array,
): void {
  const buckets = minValue.length;
  let finite = 0;
  let numbers = 0;
  let integerSteps = 1;
  let lo = Infinity;
  let hi = -Infinity;
  let min = Infinity;
  let max = -Infinity;
  // Indices, not values, for the first and last points: a double reassigned on every point
  // would be boxed (allocated) anew each time until V8's optimising compiler takes over.
  let firstAt = -1;
  let lastAt = -1;
  for (let i = 0; i < points; i++) {
    const step = steps[i]!;
    const value = values[i]!;
    if (value === value) {
      numbers++;
      if (value < min) min = value;
      if (value > max) max = value;
    }
    // x - x is 0 exactly for finite x (NaN for NaN and infinities): cheaper than two calls.
    if (step - step !== 0 || value - value !== 0) continue;
    finite++;
    if (step < lo) lo = step;
    if (step > hi) hi = step;
    if (Math.floor(step) !== step) integerSteps = 0;
    if (firstAt === -1) firstAt = i;
    lastAt = i;
    const position = (step - origin) * scale;
    const bucket = position < 0 ? 0 : position >= buckets ? buckets - 1 : position | 0;
    if (value < minValue[bucket]!) {
      minValue[bucket] = value;
      minAt[bucket] = i;
    }
    if (value > maxValue[bucket]!) {
      maxValue[bucket] = value;
      maxAt[bucket] = i;
    }
  }
  figures[FINITE] = finite;
  figures[LO] = lo;
  figures[HI] = hi;
  figures[INTEGER_STEPS] = integerSteps;
  figures[NUMBERS] = numbers;
  figures[MIN] = min;
  figures[MAX] = max;
  figures[FIRST] = firstAt === -1 ? NaN : values[firstAt]!;
  figures[LAST] = lastAt === -1 ? NaN : values[lastAt]!;
}

/** Interpolates interior gaps linearly; before the first and after the last filled slot, holds `lead`/`trail`. */
function fillGaps(out: number[], filled: Uint8Array, lead: number, trail: number): void {
  let previous = -1;
  for (let slot = 0; slot < out.length; slot++) {
    if (filled[slot] === 0) continue;
    if (previous === -1) {
      for (let gap = 0; gap < slot; gap++) out[gap] = lead;
    } else if (slot - previous > 1) {
      const from = out[previous]!;
      const to = out[slot]!;
      for (let gap = previous + 1; gap < slot; gap++) {
        out[gap] = from + ((to - from) * (gap - previous)) / (slot - previous);
      }
    }
    previous = slot;
  }
  for (let gap = previous + 1; gap < out.length; gap++) out[gap] = trail;
}

/** The largest step spacing (at least `minimum`) on which every drawable point lies, if any. */
function latticeSpacing(series: readonly PointSeries[], lo: number, minimum: number): number | undefined {
  let spacing = 0;
  for (const { steps, values } of series) {
    const length = Math.min(steps.length, values.length);
    for (let i = 0; i < length; i++) {
      const step = steps[i]!;
      if (!drawable(step, values[i]!)) continue;
      spacing = gcd(spacing, step - lo);
      // The spacing only shrinks: once below the minimum the grid would need too many slots.
      if (spacing > 0 && spacing < minimum) return undefined;
    }
  }
  return spacing > 0 ? spacing : undefined;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

function clamp(value: number, min: number, max: number): number {
  return value < min ? min : value > max ? max : value;
}
