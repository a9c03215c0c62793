/**
 * How a matrix job's values become its experiment and its replicate. Runs whose matrix values
 * differ only in the replicate key (`seed`) are replicates of one experiment, so that key stays
 * out of the experiment's name: adding a seed to a matrix never changes which experiment it is.
 */
import type { Replicate } from './run-record.ts';

/** A matrix value as names show it: a string as it is, anything else as its JSON. */
export function matrixValueText(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
}

/**
 * The experiment when input `experiment` is not set: the job id (`train` for a job without one),
 * then each matrix value other than the replicate key's, in the matrix's order, joined by `-`:
 * `{model: a, seed: 2}` in job `fit` is `fit-a`, and a job without a matrix is its job id.
 */
export function defaultExperimentName(
  job: string,
  matrix: Record<string, unknown>,
  replicateKey: string | undefined,
): string {
  const values = Object.entries(matrix)
    .filter(([key]) => key !== replicateKey)
    .map(([, value]) => matrixValueText(value));
  return [job || 'train', ...values].join('-');
}

/** The replicate a run is, when its matrix has the replicate key: that key and its value as text. */
export function matrixReplicate(
  matrix: Record<string, unknown>,
  replicateKey: string | undefined,
): Replicate | undefined {
  if (replicateKey === undefined || !Object.hasOwn(matrix, replicateKey)) return undefined;
  return { key: replicateKey, value: matrixValueText(matrix[replicateKey]) };
}
