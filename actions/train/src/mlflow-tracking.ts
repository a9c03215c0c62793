import type { Metric, MlflowRunLink, ParamValue, RunRecord } from '@ml-actions/core';
import type { Log } from '@ml-actions/github';
import {
  createTrackingClient,
  logRun,
  mlflowStatus,
  readRun,
  recordIdentity,
  recordRunName,
  recordTags,
  type TrackingSettings,
} from '@ml-actions/mlflow';

/**
 * Logs the run to the MLflow tracking server: every point of every history (the record's are
 * thinned only afterwards, to fit its size cap), params, provenance tags and the final status. A
 * re-run of the job logs into the run its earlier attempt created.
 */
export async function logRecordToMlflow(
  record: RunRecord,
  tracking: TrackingSettings,
  options: { waitScale: number; log: Log },
): Promise<MlflowRunLink> {
  const { log } = options;
  const client = createTrackingClient(tracking, options);
  const logged = await log.group(`MLflow: logging to experiment ${JSON.stringify(tracking.experiment)}`, async () => {
    const result = await logRun(client, {
      experimentName: tracking.experiment,
      runName: recordRunName(record),
      identity: recordIdentity(record),
      mayExist: record.attempt > 1,
      status: mlflowStatus(record),
      startTime: Date.parse(record.outcome.startedAt),
      endTime: Date.parse(record.outcome.finishedAt),
      tags: recordTags(record),
      params: record.params,
      metrics: record.metrics,
    });
    log.info(
      `${result.reused ? 'logged again into' : 'created'} MLflow run ${result.runId}: ${result.points} metric points in ${client.requests} requests`,
    );
    return result;
  });
  for (const warning of logged.warnings) log.warning(warning);
  return { runId: logged.runId, experimentId: logged.experimentId, url: logged.url };
}

/** What train records of a run trained elsewhere and logged to MLflow (input `mlflow-run`). */
export interface TrackedRun {
  link: MlflowRunLink;
  metrics: Record<string, Metric>;
  params: Record<string, ParamValue>;
  started: Date | undefined;
  finished: Date | undefined;
  status: string;
}

/** Reads an existing MLflow run with every metric's full history. */
export async function readTrackedRun(
  runId: string,
  tracking: TrackingSettings,
  options: { waitScale: number; log: Log },
): Promise<TrackedRun> {
  const { log } = options;
  const client = createTrackingClient(tracking, options);
  const run = await readRun(client, runId, { origin: 'input "mlflow-run"' });
  log.info(
    `read MLflow run ${run.runId} (${run.status}): ${Object.keys(run.metrics).length} metrics, ${Object.keys(run.params).length} params in ${client.requests} requests`,
  );
  return {
    link: { runId: run.runId, experimentId: run.experimentId, url: run.url },
    metrics: run.metrics,
    params: run.params,
    started: run.startTime === undefined ? undefined : new Date(run.startTime),
    finished: run.endTime === undefined || run.endTime === 0 ? undefined : new Date(run.endTime),
    status: run.status,
  };
}
