import type { RunRecord } from '@ml-actions/core';
import type { Log } from '@ml-actions/github';
import {
  MlflowError,
  createTrackingClient,
  readRun,
  registerModelVersion,
  type RegisteredVersion,
  type TrackingSettings,
} from '@ml-actions/mlflow';

/** What is registered: the packaged version and where its model is. */
export interface PackagedVersion {
  name: string;
  version: string;
  /** `sha256:<hex>` of manifest.json. */
  manifestDigest: string;
  commit: string;
  repository: string;
  workflowRunId: number;
  /** The package's most durable address: its release, else its workflow artifact. */
  location: string;
  record: RunRecord | undefined;
}

/**
 * Registers the packaged version in MLflow's model registry under `registeredName`. The version's
 * source is the model the record's MLflow run logged when it logged one (and the version is linked
 * to that run), else the package's own location. A re-run with the same manifest digest finds the
 * version it registered; the alias is pointed at it again.
 */
export async function registerPackagedVersion(
  packaged: PackagedVersion,
  options: {
    tracking: TrackingSettings;
    registeredName: string;
    alias: string | undefined;
    waitScale: number;
    log: Log;
  },
): Promise<RegisteredVersion & { source: string }> {
  const { log } = options;
  const client = createTrackingClient(options.tracking, { waitScale: options.waitScale, log });
  const runId = packaged.record?.mlflow?.runId;
  const logged = runId === undefined ? undefined : (await readRun(client, runId, { histories: false })).modelSources[0];
  const source = logged ?? packaged.location;
  try {
    const registered = await registerModelVersion(client, {
      name: options.registeredName,
      source,
      runId,
      manifestDigest: packaged.manifestDigest,
      packaging: [packaged.repository, String(packaged.workflowRunId), packaged.name, packaged.version].join('\n'),
      tags: {
        'ml-actions.version': packaged.version,
        'ml-actions.commit': packaged.commit,
        'ml-actions.repository': packaged.repository,
        'ml-actions.package': packaged.name,
      },
      description: `${packaged.name} v${packaged.version}, packaged by ml-actions from ${packaged.repository} at ${packaged.commit.slice(0, 12)} (manifest ${packaged.manifestDigest})`,
      alias: options.alias,
    });
    return { ...registered, source };
  } catch (thrown: unknown) {
    // MLflow 3 servers refuse a source on another host unless told to allow its scheme.
    if (thrown instanceof MlflowError && logged === undefined && /scheme/i.test(thrown.serverMessage)) {
      throw new MlflowError(
        `the MLflow server refused the package's address ${source} as the model version's source (${thrown.serverMessage.split('.')[0]}): log the model to the MLflow run in train (mlflow.log_model), or have the server allow https sources with MLFLOW_ALLOWED_HOST_ADDRESSED_ARTIFACT_SCHEMES=https`,
        { ...(thrown.status === undefined ? {} : { status: thrown.status }), serverMessage: thrown.serverMessage },
      );
    }
    throw thrown;
  }
}
