import { UserError } from '@ml-actions/core';
import { resolveTrackingConnection, type TrackingConnection } from './tracking-connection.ts';
import { TrackingClient } from './tracking-client.ts';

/** What the MLflow settings of an action are read from: its inputs and its step's environment. */
export interface TrackingInputs {
  optional(name: string): string | undefined;
  environment(name: string): string | undefined;
  mask(value: string): void;
}

/** An action's MLflow settings: where the server is, and the experiment runs are logged in. */
export interface TrackingSettings {
  connection: TrackingConnection;
  /** The MLflow experiment; input `mlflow-experiment`, else the repository's name. */
  experiment: string;
}

/**
 * Reads inputs `mlflow-tracking-uri` (else the MLFLOW_TRACKING_URI variable, as MLflow's own
 * clients do) and `mlflow-experiment` (else the repository's name). Undefined when no tracking
 * server is set. Every credential the connection uses is masked before any request.
 */
export function readTrackingSettings(inputs: TrackingInputs): TrackingSettings | undefined {
  const fromInput = inputs.optional('mlflow-tracking-uri');
  const uri = fromInput ?? inputs.environment('MLFLOW_TRACKING_URI');
  if (uri === undefined) return undefined;
  const origin = fromInput === undefined ? 'MLFLOW_TRACKING_URI' : 'input "mlflow-tracking-uri"';
  const connection = resolveTrackingConnection(uri, environmentOf(inputs), origin);
  for (const secret of connection.secrets) inputs.mask(secret);
  const repository = inputs.environment('GITHUB_REPOSITORY') ?? '';
  const experiment = inputs.optional('mlflow-experiment') ?? (repository.split('/')[1] || repository || 'Default');
  return { connection, experiment };
}

const VARIABLES = [
  'MLFLOW_TRACKING_TOKEN',
  'MLFLOW_TRACKING_USERNAME',
  'MLFLOW_TRACKING_PASSWORD',
  'DATABRICKS_HOST',
  'DATABRICKS_TOKEN',
] as const;

function environmentOf(inputs: TrackingInputs): Record<string, string | undefined> {
  return Object.fromEntries(VARIABLES.map((name) => [name, inputs.environment(name)]));
}

/** The client of a step: its retry waits scaled as the GitHub client's are, its warnings in the step's log. */
export function createTrackingClient(
  settings: TrackingSettings,
  options: { waitScale: number; log: { warning(message: string): void; debug(message: string): void } },
): TrackingClient {
  const { log } = options;
  return new TrackingClient(settings.connection, {
    waitScale: options.waitScale,
    log: { warn: (message) => log.warning(message), debug: (message) => log.debug(message) },
  });
}

/**
 * The tracking server of `baseline: mlflow`, read only when the baseline asks for it (a step that
 * does not use MLflow is not failed by an MLFLOW_TRACKING_URI it never reads).
 */
export function readBaselineTracking(
  inputs: TrackingInputs,
  baselineFromMlflow: boolean,
): TrackingSettings | undefined {
  if (!baselineFromMlflow) return undefined;
  const tracking = readTrackingSettings(inputs);
  if (tracking === undefined) {
    throw new UserError(
      'input "baseline" is mlflow, which needs a tracking server: set input "mlflow-tracking-uri" or the MLFLOW_TRACKING_URI variable',
    );
  }
  return tracking;
}
