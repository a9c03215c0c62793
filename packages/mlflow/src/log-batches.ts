import type { Metric } from '@ml-actions/core';

/**
 * MLflow's limits on one `runs/log-batch` request (mlflow/utils/validation.py): at most 1,000
 * metrics, 100 params, 100 tags, 1,000 items in all and 1 MB of request body.
 */
export const LOG_BATCH_LIMITS = {
  metrics: 1000,
  params: 100,
  tags: 100,
  items: 1000,
  bytes: 1_000_000,
} as const;

/** The longest param value and tag value MLflow keeps, and the longest key. */
export const MAX_PARAM_VALUE_LENGTH = 6000;
export const MAX_TAG_VALUE_LENGTH = 8000;
export const MAX_KEY_LENGTH = 250;

/** One request body's parts, each already JSON text. */
interface Batch {
  metrics: string[];
  params: string[];
  tags: string[];
  bytes: number;
}

/** What goes into the batches of one run. */
export interface BatchContent {
  params: Record<string, string>;
  tags: Record<string, string>;
  metrics: Record<string, Metric>;
  /** Milliseconds since the epoch, for points that have no wall time of their own. */
  defaultTimestamp: number;
}

/** Metrics whose steps MLflow cannot hold (it keeps integer steps), logged by point index instead. */
export interface BatchPlan {
  /** Request bodies for `runs/log-batch`, without `run_id` (added when sent). */
  bodies: (runId: string) => Generator<string>;
  points: number;
  reindexed: string[];
}

// `{"run_id":"<32 hex>","metrics":[],"params":[],"tags":[]}`, with room for a longer run id.
const ENVELOPE_BYTES = 128;

/**
 * Packs params, tags and every metric point into as few `runs/log-batch` bodies as MLflow's
 * limits allow: params and tags ride in the first bodies beside metric points. Bodies are built one at a
 * time as they are sent, so a million-point history is never held as a million objects.
 */
export function planLogBatches(content: BatchContent): BatchPlan {
  const reindexed: string[] = [];
  let points = 0;
  const integerSteps = new Map<string, boolean>();
  for (const [key, metric] of Object.entries(content.metrics)) {
    const steps = metric.history?.steps ?? [metric.step ?? 0];
    const integers = steps.every((step) => Number.isSafeInteger(step));
    integerSteps.set(key, integers);
    if (!integers) reindexed.push(key);
    points += steps.length;
  }
  const bodies = function* (runId: string): Generator<string> {
    const prefix = `{"run_id":${JSON.stringify(runId)},`;
    const params = Object.entries(content.params).map(([key, value]) => keyValue(key, value));
    const tags = Object.entries(content.tags).map(([key, value]) => keyValue(key, value));
    const metrics = metricPoints(content, integerSteps);
    let nextPoint = metrics.next();
    let p = 0;
    let t = 0;
    // Each body takes what params and tags it may (100 of each), and metric points fill the rest.
    while (p < params.length || t < tags.length || nextPoint.done !== true) {
      const batch: Batch = { metrics: [], params: [], tags: [], bytes: ENVELOPE_BYTES };
      const room = (text: string) =>
        batch.metrics.length + batch.params.length + batch.tags.length < LOG_BATCH_LIMITS.items &&
        batch.bytes + Buffer.byteLength(text) + 1 <= LOG_BATCH_LIMITS.bytes;
      const take = (kind: 'metrics' | 'params' | 'tags', text: string) => {
        batch[kind].push(text);
        batch.bytes += Buffer.byteLength(text) + 1;
      };
      while (p < params.length && batch.params.length < LOG_BATCH_LIMITS.params && room(params[p]!))
        take('params', params[p++]!);
      while (t < tags.length && batch.tags.length < LOG_BATCH_LIMITS.tags && room(tags[t]!)) take('tags', tags[t++]!);
      while (nextPoint.done !== true && batch.metrics.length < LOG_BATCH_LIMITS.metrics && room(nextPoint.value)) {
        take('metrics', nextPoint.value);
        nextPoint = metrics.next();
      }
      yield `${prefix}"metrics":[${batch.metrics.join(',')}],"params":[${batch.params.join(',')}],"tags":[${batch.tags.join(',')}]}`;
    }
  };
  return { bodies, points, reindexed };
}

/** Every point of every metric as JSON text, in key order then history order. */
function* metricPoints(content: BatchContent, integerSteps: ReadonlyMap<string, boolean>): Generator<string> {
  for (const [key, metric] of Object.entries(content.metrics)) {
    const quotedKey = JSON.stringify(key);
    const history = metric.history;
    const byIndex = integerSteps.get(key) === false;
    if (history === undefined) {
      yield point(quotedKey, metric.value, content.defaultTimestamp, byIndex ? 0 : (metric.step ?? 0));
      continue;
    }
    const { steps, values, wallTimes } = history;
    for (let i = 0; i < steps.length; i++) {
      const wallTime = wallTimes?.[i];
      const timestamp =
        wallTime !== undefined && Number.isFinite(wallTime) ? Math.round(wallTime * 1000) : content.defaultTimestamp;
      yield point(quotedKey, values[i] ?? NaN, timestamp, byIndex ? i : (steps[i] ?? i));
    }
  }
}

function keyValue(key: string, value: string): string {
  return `{"key":${JSON.stringify(key)},"value":${JSON.stringify(value)}}`;
}

/** MLflow's JSON takes NaN and the infinities as the strings protobuf's JSON mapping uses. */
function point(quotedKey: string, value: number, timestamp: number, step: number): string {
  return `{"key":${quotedKey},"value":${numberJson(value)},"timestamp":${timestamp},"step":${step}}`;
}

function numberJson(value: number): string {
  if (value === Infinity) return '"Infinity"';
  if (value === -Infinity) return '"-Infinity"';
  if (value !== value) return '"NaN"';
  return String(value);
}

/**
 * Whether MLflow accepts a metric, param or tag key: letters, digits, `_ - . / :` and spaces, at
 * most 250 characters, not a path that climbs (`..`) or starts at the root.
 */
export function isMlflowKey(key: string): boolean {
  if (key === '' || key.length > MAX_KEY_LENGTH) return false;
  if (!/^[\p{L}\p{N}_\-./: ]+$/u.test(key)) return false;
  if (key.startsWith('/')) return false;
  return !key.split('/').includes('..');
}
