import { createHash } from 'node:crypto';
import { UserError, setOwnEntry, type Metric, type ParamValue } from '@ml-actions/core';
import { field, keyValues, list, text } from './answer-fields.ts';
import { ensureExperiment } from './experiments.ts';
import {
  LOG_BATCH_LIMITS,
  MAX_PARAM_VALUE_LENGTH,
  MAX_TAG_VALUE_LENGTH,
  isMlflowKey,
  planLogBatches,
} from './log-batches.ts';
import { MlflowError, type TrackingClient } from './tracking-client.ts';
import { runUrl } from './tracking-connection.ts';

/** MLflow's terminal run statuses. */
export type MlflowRunStatus = 'FINISHED' | 'FAILED' | 'KILLED';

/** The tag that finds a run again on a re-run: a digest of `identity` (no quoting in filters). */
export const RUN_KEY_TAG = 'ml-actions.key';

/** One run to log. */
export interface RunToLog {
  experimentName: string;
  runName: string;
  /**
   * What makes the run the same one across re-runs of its job (repository, workflow run, job,
   * experiment, replicate): a re-run finds it by this and logs into it rather than beside it.
   */
  identity: string;
  /** True when an earlier attempt of the job may have logged the run already. */
  mayExist: boolean;
  status: MlflowRunStatus;
  /** Milliseconds since the epoch. */
  startTime: number;
  endTime: number;
  tags: Record<string, string>;
  params: Record<string, ParamValue>;
  metrics: Record<string, Metric>;
}

export interface LoggedRun {
  runId: string;
  experimentId: string;
  url: string;
  /** The run was found from an earlier attempt and logged into again. */
  reused: boolean;
  points: number;
  /** What could not be logged as it is, each a sentence for a warning. */
  warnings: string[];
}

/**
 * Logs one run: finds or creates the experiment, finds the run an earlier attempt logged (by its
 * identity tag) or creates it with every tag, sends params and every metric point in as few
 * `runs/log-batch` requests as MLflow's limits allow, then sets the terminal status. A param that
 * the run already has with another value is a UserError naming both values, before anything is sent.
 */
export async function logRun(client: TrackingClient, run: RunToLog): Promise<LoggedRun> {
  const warnings: string[] = [];
  const origin = client.connection.origin;
  const experimentId = await ensureExperiment(client, run.experimentName, origin);
  const params = loggableParams(run.params, warnings);
  const tags = loggableTags({
    ...run.tags,
    [RUN_KEY_TAG]: identityDigest(run.identity),
    'mlflow.runName': run.runName,
  });
  const metrics = loggableMetrics(run.metrics, warnings);

  const existing = run.mayExist ? await findRunByIdentity(client, experimentId, run.identity) : undefined;
  let runId: string;
  let batchTags: Record<string, string>;
  let batchParams = params;
  if (existing !== undefined) {
    runId = existing.runId;
    batchParams = newParams(existing.params, params, runId);
    // Tags may change between attempts (the attempt, the workflow run's link); set them again.
    batchTags = tags;
  } else {
    // runs/create takes tags too, which saves a batch; beyond MLflow's limit the rest ride in the batches.
    const entries = Object.entries(tags);
    runId = await createRun(client, experimentId, run, Object.fromEntries(entries.slice(0, LOG_BATCH_LIMITS.tags)));
    batchTags = Object.fromEntries(entries.slice(LOG_BATCH_LIMITS.tags));
  }

  const plan = planLogBatches({ params: batchParams, tags: batchTags, metrics, defaultTimestamp: run.endTime });
  for (const key of plan.reindexed) {
    warnings.push(
      `metric ${JSON.stringify(key)} has steps that are not whole numbers, which MLflow cannot hold: it was logged to MLflow with each point's index as its step`,
    );
  }
  // One batch at a time: the server writes each in a transaction of its own, and several at once
  // only contend for its store (measured slower against MLflow's SQLite store).
  for (const body of plan.bodies(runId)) await client.postText('runs/log-batch', body);
  await client.post('runs/update', { run_id: runId, status: run.status, end_time: run.endTime });
  return {
    runId,
    experimentId,
    url: runUrl(client.connection, experimentId, runId),
    reused: existing !== undefined,
    points: plan.points,
    warnings,
  };
}

/** The digest a run's identity is tagged with: fixed length, hex only, safe in any filter. */
export function identityDigest(identity: string): string {
  return createHash('sha256').update(identity).digest('hex');
}

async function createRun(
  client: TrackingClient,
  experimentId: string,
  run: RunToLog,
  tags: Record<string, string>,
): Promise<string> {
  const answer = await client.post('runs/create', {
    experiment_id: experimentId,
    run_name: run.runName,
    start_time: run.startTime,
    tags: Object.entries(tags).map(([key, value]) => ({ key, value })),
  });
  const runId = text(field(field(answer, 'run'), 'info'), 'run_id');
  if (runId === undefined) throw new MlflowError('MLflow POST runs/create answered without a run id');
  return runId;
}

/** The active run of the experiment tagged with this identity, with its params. */
async function findRunByIdentity(
  client: TrackingClient,
  experimentId: string,
  identity: string,
): Promise<{ runId: string; params: Map<string, string> } | undefined> {
  const answer = await client.post('runs/search', {
    experiment_ids: [experimentId],
    filter: `tags.\`${RUN_KEY_TAG}\` = '${identityDigest(identity)}'`,
    run_view_type: 'ACTIVE_ONLY',
    max_results: 1,
  });
  const found = list(answer, 'runs')[0];
  const runId = text(field(found, 'info'), 'run_id');
  if (runId === undefined) return undefined;
  return { runId, params: keyValues(field(found, 'data'), 'params') };
}

/**
 * The params the run does not have yet. MLflow never changes a logged param: the same value again
 * is fine (and not sent), another value is an error that says both.
 */
function newParams(logged: Map<string, string>, params: Record<string, string>, runId: string): Record<string, string> {
  const fresh: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    const before = logged.get(key);
    if (before === undefined) setOwnEntry(fresh, key, value);
    else if (before !== value) {
      throw new UserError(
        `MLflow run ${runId} already has param ${JSON.stringify(key)} = ${JSON.stringify(before)} from an earlier attempt of this job, and this run's value is ${JSON.stringify(value)}: MLflow never changes a logged param, so log the new value under another experiment (input "mlflow-experiment") or delete the earlier run in MLflow`,
      );
    }
  }
  return fresh;
}

/** Param values as MLflow's clients write them: text, None for null. */
export function paramText(value: ParamValue): string {
  if (value === null) return 'None';
  return String(value);
}

function loggableParams(params: Record<string, ParamValue>, warnings: string[]): Record<string, string> {
  const loggable: Record<string, string> = {};
  const badKeys: string[] = [];
  for (const [key, value] of Object.entries(params)) {
    const textValue = paramText(value);
    if (!isMlflowKey(key)) badKeys.push(key);
    else if (textValue.length > MAX_PARAM_VALUE_LENGTH) {
      warnings.push(
        `param ${JSON.stringify(key)} was not logged to MLflow: its value is ${textValue.length} characters and MLflow keeps at most ${MAX_PARAM_VALUE_LENGTH}`,
      );
    } else setOwnEntry(loggable, key, textValue);
  }
  if (badKeys.length > 0) warnings.push(unloggableNames('param', badKeys));
  return loggable;
}

function loggableMetrics(metrics: Record<string, Metric>, warnings: string[]): Record<string, Metric> {
  const loggable: Record<string, Metric> = {};
  const badKeys: string[] = [];
  let infinite = false;
  for (const [key, metric] of Object.entries(metrics)) {
    if (!isMlflowKey(key)) {
      badKeys.push(key);
      continue;
    }
    setOwnEntry(loggable, key, metric);
    if (!infinite && hasInfinity(metric)) infinite = true;
  }
  if (badKeys.length > 0) warnings.push(unloggableNames('metric', badKeys));
  if (infinite) {
    warnings.push(
      'some metric values are infinite: MLflow stores them as the largest finite number (+-1.7976931348623157e308), which reads back here as infinity',
    );
  }
  return loggable;
}

function hasInfinity(metric: Metric): boolean {
  if (metric.value === Infinity || metric.value === -Infinity) return true;
  return metric.history?.values.some((value) => value === Infinity || value === -Infinity) ?? false;
}

function loggableTags(tags: Record<string, string>): Record<string, string> {
  const loggable: Record<string, string> = {};
  for (const [key, value] of Object.entries(tags)) {
    loggable[key] = value.length > MAX_TAG_VALUE_LENGTH ? value.slice(0, MAX_TAG_VALUE_LENGTH) : value;
  }
  return loggable;
}

function unloggableNames(kind: string, keys: string[]): string {
  const shown = keys
    .slice(0, 5)
    .map((key) => JSON.stringify(key))
    .join(', ');
  const more = keys.length > 5 ? ` and ${keys.length - 5} more` : '';
  return `${keys.length} ${kind} name${keys.length === 1 ? '' : 's'} MLflow does not accept (letters, digits, _ - . / : and spaces only, at most 250 characters) ${keys.length === 1 ? 'was' : 'were'} not logged to MLflow: ${shown}${more}`;
}
