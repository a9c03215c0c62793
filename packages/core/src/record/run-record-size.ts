import { UserError } from '../errors.ts';
import { formatBytes } from '../files/format-bytes.ts';
import { setOwnEntry } from '../text/safe-record.ts';
import { serializeRunRecord, type Metric, type MetricHistory, type RunRecord } from './run-record.ts';

/**
 * The largest run record, in bytes of its JSON, that train writes and that gate, compare and
 * package read (from this job or as a baseline). Histories are downsampled to stay within it.
 */
export const MAX_RUN_RECORD_BYTES = 10 * 1024 * 1024;

/** What `fitRunRecord` did: the metrics whose history it thinned, with their point counts. */
export interface FittedRecord {
  record: RunRecord;
  text: string;
  downsampled: { metric: string; from: number; to: number }[];
}

/** Histories are never thinned below this many points: enough for a chart and for extremes. */
const MIN_POINTS = 200;

/**
 * The record as it will be written, within `maxBytes`. When the whole record is too large, the
 * longest histories are thinned to a common number of points, each keeping its first and last
 * point and the min and max of every bucket (so spikes and the final value survive), and saying
 * in `sampledFrom` how many points it had. A record too large even without its histories (tens
 * of thousands of metrics or params) is a user error: there is nothing sensible to drop.
 */
export function fitRunRecord(record: RunRecord, maxBytes = MAX_RUN_RECORD_BYTES): FittedRecord {
  const text = serializeRunRecord(record);
  if (Buffer.byteLength(text) <= maxBytes) return { record, text, downsampled: [] };

  const histories = Object.entries(record.metrics).filter(
    (entry): entry is [string, Metric & { history: MetricHistory }] => entry[1].history !== undefined,
  );
  const longest = Math.max(0, ...histories.map(([, metric]) => metric.history.steps.length));
  let limit = longest;
  for (let round = 0; round < 40 && limit > MIN_POINTS; round++) {
    limit = Math.max(MIN_POINTS, Math.floor(limit * 0.7));
    const downsampled: FittedRecord['downsampled'] = [];
    const metrics: Record<string, Metric> = { ...record.metrics };
    for (const [name, metric] of histories) {
      const points = metric.history.steps.length;
      if (points <= limit) continue;
      const history = thinHistory(metric.history, limit);
      setOwnEntry(metrics, name, { ...metric, history });
      downsampled.push({ metric: name, from: metric.history.sampledFrom ?? points, to: history.steps.length });
    }
    const fitted = { ...record, metrics };
    const fittedText = serializeRunRecord(fitted);
    if (Buffer.byteLength(fittedText) <= maxBytes) return { record: fitted, text: fittedText, downsampled };
  }
  throw new UserError(
    `the run record would be ${formatBytes(Buffer.byteLength(text))}, more than the ${formatBytes(maxBytes)} a record may be, ` +
      `even with every history cut to ${MIN_POINTS} points; record fewer metrics or params`,
  );
}

/**
 * At most `limit` points of a history, in step order: the first and the last, and for each of
 * (limit - 2) / 2 buckets between them the point of its smallest and of its largest value.
 */
export function thinHistory(history: MetricHistory, limit: number): MetricHistory {
  const length = history.steps.length;
  if (length <= limit) return history;
  const keep: number[] = [0];
  const buckets = Math.max(1, Math.floor((limit - 2) / 2));
  const inner = length - 2;
  for (let bucket = 0; bucket < buckets; bucket++) {
    const start = 1 + Math.floor((bucket * inner) / buckets);
    const end = 1 + Math.floor(((bucket + 1) * inner) / buckets);
    if (end <= start) continue;
    let low = start;
    let high = start;
    for (let i = start; i < end; i++) {
      const value = history.values[i] ?? NaN;
      // NaN never wins a comparison, so it is kept only when a bucket holds nothing else.
      if (value < (history.values[low] ?? NaN) || Number.isNaN(history.values[low])) low = i;
      if (value > (history.values[high] ?? NaN) || Number.isNaN(history.values[high])) high = i;
    }
    keep.push(Math.min(low, high));
    if (high !== low) keep.push(Math.max(low, high));
  }
  keep.push(length - 1);
  const pick = (column: readonly number[]) => keep.map((index) => column[index] ?? NaN);
  return {
    steps: pick(history.steps),
    values: pick(history.values),
    ...(history.wallTimes === undefined ? {} : { wallTimes: pick(history.wallTimes) }),
    sampledFrom: history.sampledFrom ?? length,
  };
}
