import type { NoiseEstimate } from '../statistics/outside-noise-test.ts';
import { summarizeSample } from '../statistics/sample-summary.ts';
import type { HistoryEntry } from './history-entry.ts';

/**
 * The spread of one run of a metric, estimated from an experiment's recent history, for a
 * comparison in which a side has a single run. `replicates`: pooled over the entries that had
 * several replicates (the seeds of one commit), which is the noise a rerun would show; `commits`:
 * the spread of single-run entries' values over the commits, which also holds every real change
 * between those commits, so it errs towards "within noise", never towards a false alarm.
 */
export interface HistoryNoise extends NoiseEstimate {
  method: 'replicates' | 'commits';
  /** Entries the estimate was made from. */
  entries: number;
}

/** Finds the noise of an experiment's metric, when there is an estimate. */
export type HistoryNoiseLookup = (experiment: string, metric: string) => HistoryNoise | undefined;

/** Degrees of freedom an estimate needs at least: with one, the t critical value is 12.7. */
const MIN_DF = 2;

/**
 * The noise of `metric` over `entries` (one experiment's, newest last): pooled within entries when
 * their replicates give at least 2 degrees of freedom, else the spread of at least 3 single-run
 * entries; undefined otherwise, and for values that are not finite (a diverged run says nothing
 * about noise).
 */
export function noiseFromHistory(entries: readonly HistoryEntry[], metric: string): HistoryNoise | undefined {
  let squares = 0;
  let pooledDf = 0;
  let pooledEntries = 0;
  const singles: number[] = [];
  for (const entry of entries) {
    const value = Object.hasOwn(entry.metrics, metric) ? entry.metrics[metric]! : undefined;
    if (value === undefined || !Number.isFinite(value.mean)) continue;
    if (value.n >= 2 && value.std !== null && Number.isFinite(value.std)) {
      squares += (value.n - 1) * value.std * value.std;
      pooledDf += value.n - 1;
      pooledEntries++;
    } else if (value.n === 1) {
      singles.push(value.mean);
    }
  }
  if (pooledDf >= MIN_DF) {
    return { std: Math.sqrt(squares / pooledDf), df: pooledDf, method: 'replicates', entries: pooledEntries };
  }
  if (singles.length >= MIN_DF + 1) {
    const { std } = summarizeSample(singles);
    if (std !== undefined && Number.isFinite(std)) {
      return { std, df: singles.length - 1, method: 'commits', entries: singles.length };
    }
  }
  return undefined;
}

/** A lookup over the histories read, by experiment. */
export function historyNoiseLookup(histories: ReadonlyMap<string, readonly HistoryEntry[]>): HistoryNoiseLookup {
  return (experiment, metric) => {
    const entries = histories.get(experiment);
    return entries === undefined ? undefined : noiseFromHistory(entries, metric);
  };
}
