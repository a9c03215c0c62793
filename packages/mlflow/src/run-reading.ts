import {
  MetricSeries,
  UserError,
  parseParamValue,
  recordFromMap,
  type Metric,
  type ParamValue,
} from '@ml-actions/core';
import { field, keyValues, list, number, text } from './answer-fields.ts';
import { MlflowError, type TrackingClient } from './tracking-client.ts';
import { runUrl } from './tracking-connection.ts';

/** An MLflow run as read back: its info, params, tags and metrics (with histories when asked). */
export interface MlflowRun {
  runId: string;
  experimentId: string;
  runName: string | undefined;
  status: string;
  /** Milliseconds since the epoch. */
  startTime: number | undefined;
  endTime: number | undefined;
  artifactUri: string | undefined;
  params: Record<string, ParamValue>;
  tags: Record<string, string>;
  metrics: Record<string, Metric>;
  url: string;
  /** Models the run logged (MLflow 3's logged models, or the artifact paths of MLflow 2's). */
  modelSources: string[];
}

const MLFLOW_RUN_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Reads one run by id: `runs/get`, then each metric's full history (`metrics/get-history`, every
 * page) unless `histories` is false, when the latest values are enough (a baseline's). MLflow's SQL
 * stores keep infinities as the largest finite double; those read back as infinities.
 */
export async function readRun(
  client: TrackingClient,
  runId: string,
  options: { histories?: boolean; origin?: string } = {},
): Promise<MlflowRun> {
  if (!MLFLOW_RUN_ID.test(runId)) {
    throw new UserError(
      `${options.origin ?? 'the MLflow run id'} must be an MLflow run id (32 hex digits), got ${JSON.stringify(runId)}`,
    );
  }
  let answer: Record<string, unknown>;
  try {
    answer = await client.get('runs/get', { run_id: runId });
  } catch (thrown: unknown) {
    if (thrown instanceof MlflowError && thrown.errorCode === 'RESOURCE_DOES_NOT_EXIST') {
      throw new UserError(`MLflow has no run ${runId} (${options.origin ?? 'run id'}) at ${client.connection.uiBase}`);
    }
    throw thrown;
  }
  const run = runFromAnswer(client, field(answer, 'run'));
  if (run === undefined) throw new MlflowError(`MLflow GET runs/get answered without run ${runId}`);
  if (options.histories === false) return run;
  const metrics = new Map<string, Metric>();
  for (const key of Object.keys(run.metrics)) metrics.set(key, await readHistory(client, run.runId, key));
  return { ...run, metrics: recordFromMap(metrics) };
}

/** A run from a `runs/get` or `runs/search` answer, with latest metric values only. */
export function runFromAnswer(client: TrackingClient, value: unknown): MlflowRun | undefined {
  const info = field(value, 'info');
  const data = field(value, 'data');
  const runId = text(info, 'run_id') ?? text(info, 'run_uuid');
  const experimentId = text(info, 'experiment_id');
  if (runId === undefined || experimentId === undefined) return undefined;
  const params = new Map<string, ParamValue>();
  for (const [key, raw] of keyValues(data, 'params')) params.set(key, parseParamValue(raw));
  const tags = keyValues(data, 'tags');
  const metrics = new Map<string, Metric>();
  for (const entry of list(data, 'metrics')) {
    const key = text(entry, 'key');
    const value = number(entry, 'value');
    if (key === undefined || value === undefined) continue;
    const step = number(entry, 'step');
    metrics.set(key, { value: restoreInfinity(value), ...(step === undefined ? {} : { step }) });
  }
  const startTime = number(info, 'start_time');
  const endTime = number(info, 'end_time');
  return {
    runId,
    experimentId,
    runName: text(info, 'run_name') ?? tags.get('mlflow.runName'),
    status: text(info, 'status') ?? 'UNKNOWN',
    startTime,
    endTime,
    artifactUri: text(info, 'artifact_uri'),
    params: recordFromMap(params),
    tags: recordFromMap(tags),
    metrics: recordFromMap(metrics),
    url: runUrl(client.connection, experimentId, runId),
    modelSources: modelSources(runId, value, tags),
  };
}

/** Every point of one metric, in step order (equal steps by time, so the latest point is last). */
async function readHistory(client: TrackingClient, runId: string, key: string): Promise<Metric> {
  const points: { step: number; timestamp: number; value: number }[] = [];
  let pageToken: string | undefined;
  do {
    const answer = await client.get('metrics/get-history', {
      run_id: runId,
      metric_key: key,
      max_results: 25_000,
      page_token: pageToken,
    });
    for (const entry of list(answer, 'metrics')) {
      const value = number(entry, 'value');
      if (value === undefined) continue;
      points.push({
        step: number(entry, 'step') ?? 0,
        timestamp: number(entry, 'timestamp') ?? NaN,
        value: restoreInfinity(value),
      });
    }
    const next = text(answer, 'next_page_token');
    pageToken = next === undefined || next === '' ? undefined : next;
  } while (pageToken !== undefined);
  points.sort((a, b) => a.step - b.step || a.timestamp - b.timestamp);
  const series = new MetricSeries();
  for (const point of points) series.push(point.step, point.value, point.timestamp / 1000);
  return series.toMetric();
}

function restoreInfinity(value: number): number {
  if (value === Number.MAX_VALUE) return Infinity;
  if (value === -Number.MAX_VALUE) return -Infinity;
  return value;
}

/**
 * Where the run's models are: MLflow 3 lists logged models among the run's outputs
 * (`models:/<model id>`); MLflow 2 recorded each logged model's artifact path in the
 * `mlflow.log-model.history` tag (`runs:/<run id>/<path>`).
 */
function modelSources(runId: string, value: unknown, tags: Map<string, string>): string[] {
  const sources: string[] = [];
  for (const output of list(field(value, 'outputs'), 'model_outputs')) {
    const modelId = text(output, 'model_id');
    if (modelId !== undefined) sources.push(`models:/${modelId}`);
  }
  const history = tags.get('mlflow.log-model.history');
  if (history !== undefined) {
    try {
      const entries: unknown = JSON.parse(history);
      if (Array.isArray(entries)) {
        for (const entry of entries) {
          const path = text(entry, 'artifact_path');
          if (path !== undefined) sources.push(`runs:/${runId}/${path}`);
        }
      }
    } catch {
      // a tag someone else wrote: no model from it
    }
  }
  return [...new Set(sources)];
}
