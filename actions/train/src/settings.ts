import { REDACTED, UserError, isCredentialName, isPlainObject } from '@ml-actions/core';
import type { ActionInputs } from '@ml-actions/github';
import { readTrackingSettings, type TrackingSettings } from '@ml-actions/mlflow';

/** train's inputs, validated once. */
export interface TrainSettings {
  command: string | undefined;
  workingDirectory: string;
  metrics: string[];
  params: string[];
  data: string[];
  /** Data files or globs (CSV, TSV, JSON Lines) profiled into the record as monitor's reference. */
  profile: string[];
  experiment: string | undefined;
  matrix: Record<string, unknown>;
  /** The matrix key whose values tell replicates of one experiment apart (`seed`); undefined for none. */
  replicateKey: string | undefined;
  upload: boolean;
  /** Param, flag and matrix names (or globs) whose values are recorded as `***`, besides credential-like ones. */
  redact: string[];
  /** Minutes the command may run before its processes are stopped; undefined for no limit. */
  timeoutMinutes: number | undefined;
  /** The MLflow tracking server runs are logged to (or read from); undefined for none. */
  mlflow: TrackingSettings | undefined;
  /** An MLflow run to read instead of running a command (input `mlflow-run`). */
  mlflowRun: string | undefined;
  /** Scales MLflow's retry waits as the GitHub client's are. */
  waitScale: number;
}

/** Reads and checks every input; a bad one is a UserError naming it. */
export function readTrainSettings(inputs: ActionInputs): TrainSettings {
  const redact = inputs.list('redact');
  const matrix = parseMatrix(inputs.optional('matrix'));
  return {
    command: inputs.optional('command'),
    workingDirectory: inputs.required('working-directory'),
    metrics: inputs.list('metrics'),
    params: inputs.list('params'),
    data: inputs.list('data'),
    profile: inputs.list('profile'),
    experiment: inputs.optional('experiment'),
    // Matrix values are recorded and shown (the default experiment name holds them), never run.
    matrix: Object.fromEntries(
      Object.entries(matrix).map(([key, value]) => [key, isCredentialName(key, redact) ? REDACTED : value]),
    ),
    replicateKey: inputs.optional('replicate-key'),
    upload: inputs.boolean('upload'),
    redact,
    timeoutMinutes: parseTimeoutMinutes(inputs.optional('timeout-minutes')),
    ...readMlflowInputs(inputs),
    waitScale: inputs.retryWaitScale(),
  };
}

function readMlflowInputs(inputs: ActionInputs): Pick<TrainSettings, 'mlflow' | 'mlflowRun'> {
  const mlflow = readTrackingSettings(inputs);
  const mlflowRun = inputs.optional('mlflow-run');
  if (mlflowRun !== undefined) {
    if (inputs.optional('command') !== undefined) {
      throw new UserError(
        'inputs "command" and "mlflow-run" cannot both be set: mlflow-run reads a run trained elsewhere',
      );
    }
    if (mlflow === undefined) {
      throw new UserError(
        'input "mlflow-run" needs a tracking server: set input "mlflow-tracking-uri" or the MLFLOW_TRACKING_URI variable',
      );
    }
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(mlflowRun)) {
      throw new UserError(
        `input "mlflow-run" must be an MLflow run id (32 hex digits), got ${JSON.stringify(mlflowRun)}`,
      );
    }
  }
  return { mlflow, mlflowRun };
}

/** Plain decimal notation only, so that `0x10`, `1e3` or `Infinity` are not read as minutes. */
const DECIMAL = /^(\d+(\.\d*)?|\.\d+)$/;

function parseTimeoutMinutes(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const minutes = DECIMAL.test(text) ? Number(text) : NaN;
  if (!(minutes > 0)) {
    throw new UserError(
      `input "timeout-minutes" must be a positive number of minutes such as 30 or 0.5, got ${JSON.stringify(text)}`,
    );
  }
  return minutes;
}

function parseMatrix(text: string | undefined): Record<string, unknown> {
  if (text === undefined || text === 'null') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UserError('input "matrix" must be JSON, as `${{ toJSON(matrix) }}` gives');
  }
  if (!isPlainObject(value)) {
    throw new UserError('input "matrix" must be a JSON object, as `${{ toJSON(matrix) }}` gives');
  }
  return value;
}
