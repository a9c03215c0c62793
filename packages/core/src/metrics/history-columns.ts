/**
 * Which columns (CSV/TSV) or keys (JSON Lines) of a per-step history are not metrics: the step,
 * the epoch and wall-clock times.
 */

/** Wall-time column names, best first; matched case-insensitively in CSV/TSV headers. */
export const WALL_TIME_NAMES = ['timestamp', 'wall_time', 'wall time', 'walltime', 'time'] as const;

/** The name of the step column or key. */
export const STEP_NAME = 'step';

/** Rank of a wall-time column name (lower is preferred), or -1 when the name is not one. */
export function wallTimeRank(name: string): number {
  return (WALL_TIME_NAMES as readonly string[]).indexOf(name.trim().toLowerCase());
}

/** True for the step column's name (case-insensitive). */
export function isStepName(name: string): boolean {
  return name.trim().toLowerCase() === STEP_NAME;
}

/**
 * The name of the epoch column or key. It is a coordinate, never a metric: the step where a
 * history has no `step` (Keras' CSVLogger writes `epoch,loss,...`), and left out beside one
 * (Lightning's CSVLogger writes both).
 */
export const EPOCH_NAME = 'epoch';

/** True for the epoch column's name (case-insensitive). */
export function isEpochName(name: string): boolean {
  return name.trim().toLowerCase() === EPOCH_NAME;
}

// 1e11 seconds is the year 5138, 1e11 milliseconds is 1973: a larger number must be milliseconds.
const MILLISECONDS_THRESHOLD = 1e11;

/**
 * Seconds since the epoch from a numeric wall time: values above 1e11 are taken as milliseconds
 * (DVCLive and MLflow write milliseconds; TensorBoard and most loggers seconds).
 */
export function wallTimeSeconds(value: number): number {
  return Math.abs(value) > MILLISECONDS_THRESHOLD ? value / 1000 : value;
}

/** Seconds since the epoch from a date-time text such as `2024-05-01T12:00:00Z`, or undefined. */
export function wallTimeFromDateText(text: string): number | undefined {
  const trimmed = text.trim();
  // Date.parse accepts odd things like "1"; require something that looks like a date.
  if (!/^\d{4}-\d{2}-\d{2}/.test(trimmed)) return undefined;
  const milliseconds = Date.parse(trimmed);
  return Number.isNaN(milliseconds) ? undefined : milliseconds / 1000;
}
