import type { ActionInputs } from '@ml-actions/github';
import { DEFAULT_RELEASE_PART_SIZE, RELEASE_ASSET_LIMIT, UserError, validateModelName } from '@ml-actions/core';
import { checkRegistryNames, readTrackingSettings, type TrackingSettings } from '@ml-actions/mlflow';
import { parseOciRepository, type OciRepository } from '@ml-actions/oci';

export const BUMPS = ['patch', 'minor', 'major'] as const;

/** package's inputs, validated once. */
export interface PackageSettings {
  name: string;
  paths: string[];
  version: string;
  bump: (typeof BUMPS)[number];
  /** Run record paths or globs; empty for the records train wrote in this job. */
  run: string[];
  /** Of several records, the experiment and replicate value to embed. */
  experiment: string | undefined;
  replicate: string | undefined;
  tag: boolean;
  release: boolean;
  /** The largest release asset the model archive is cut into, in bytes. */
  releasePartSize: number;
  includeHiddenFiles: boolean;
  retentionDays: number | undefined;
  compressionLevel: number | undefined;
  /** The trend page's address; undefined: looked up from GitHub Pages. */
  trendPage: string | undefined;
  /** The history branch whose GitHub Pages site is the trend page; undefined looks up none. */
  historyBranch: string | undefined;
  token: string | undefined;
  /** MLflow's registry: the registered model name and alias, and the server; undefined for none. */
  mlflow: { tracking: TrackingSettings; registeredName: string; alias: string | undefined } | undefined;
  waitScale: number;
  /** The OCI repository to push the package to, and how; undefined pushes nothing. */
  oci:
    | { repository: OciRepository; force: boolean; username: string | undefined; password: string | undefined }
    | undefined;
}

/** Reads and checks every input; a bad one is a UserError naming it. */
export function readPackageSettings(inputs: ActionInputs): PackageSettings {
  const paths = inputs.list('path');
  if (paths.length === 0) throw new UserError('input "path" is required: the model files, folders or globs to package');
  const settings: PackageSettings = {
    name: validateModelName(inputs.required('name')),
    paths,
    version: inputs.required('version'),
    bump: inputs.choice('bump', BUMPS),
    run: inputs.list('run'),
    experiment: inputs.optional('experiment'),
    replicate: inputs.optional('replicate'),
    tag: inputs.boolean('tag'),
    release: inputs.boolean('release'),
    releasePartSize:
      inputs.optionalInteger('release-part-size', { min: 1024 * 1024, max: RELEASE_ASSET_LIMIT }) ??
      DEFAULT_RELEASE_PART_SIZE,
    includeHiddenFiles: inputs.boolean('include-hidden-files'),
    retentionDays: inputs.optionalInteger('retention-days', { min: 1, max: 90 }),
    compressionLevel: inputs.optionalInteger('compression-level', { min: 0, max: 9 }),
    trendPage: inputs.optionalUrl('trend-page'),
    historyBranch: inputs.optional('history-branch'),
    token: inputs.secret('github-token'),
    mlflow: readRegistryInputs(inputs),
    oci: readOciInputs(inputs),
    waitScale: inputs.retryWaitScale(),
  };
  if (settings.release && !settings.tag)
    throw new UserError('input "release" needs input "tag": a release is made for the tag');
  return settings;
}

function readRegistryInputs(inputs: ActionInputs): PackageSettings['mlflow'] {
  const registeredName = inputs.optional('mlflow-register');
  const alias = inputs.optional('mlflow-alias');
  if (registeredName === undefined) {
    if (alias !== undefined)
      throw new UserError('input "mlflow-alias" needs input "mlflow-register": the alias is of a registered model');
    return undefined;
  }
  checkRegistryNames(registeredName, alias, { name: 'mlflow-register', alias: 'mlflow-alias' });
  const tracking = readTrackingSettings(inputs);
  if (tracking === undefined) {
    throw new UserError(
      'input "mlflow-register" needs a tracking server: set input "mlflow-tracking-uri" or the MLFLOW_TRACKING_URI variable',
    );
  }
  return { tracking, registeredName, alias };
}

function readOciInputs(inputs: ActionInputs): PackageSettings['oci'] {
  const text = inputs.optional('oci');
  if (text === undefined) return undefined;
  return {
    repository: parseOciRepository(text, 'input "oci"'),
    force: inputs.boolean('oci-force'),
    username: inputs.optional('oci-username') ?? inputs.environment('GITHUB_ACTOR'),
    password: inputs.secret('oci-password'),
  };
}
