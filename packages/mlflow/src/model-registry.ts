import { createHash } from 'node:crypto';
import { UserError } from '@ml-actions/core';
import { field, keyValues, list, text } from './answer-fields.ts';
import { filterValue } from './run-search.ts';
import { MlflowError, type TrackingClient } from './tracking-client.ts';
import { modelVersionUrl } from './tracking-connection.ts';

/** The tag that finds a model version again: the package manifest's digest. */
export const MANIFEST_DIGEST_TAG = 'ml-actions.manifest-digest';
/**
 * The tag that finds the version a re-run of the same packaging registered: the manifest of a
 * re-run differs (it says when it was made), its packaging (repository, workflow run, package,
 * version) does not.
 */
export const PACKAGING_TAG = 'ml-actions.packaging';

export interface VersionToRegister {
  /** The registered model's name. */
  name: string;
  /** Where the model is: the MLflow run's model, else our package's location. */
  source: string;
  /** The MLflow run the model came from, when there is one. */
  runId: string | undefined;
  /** `sha256:<hex>` of the package manifest: the same digest gives the same model version. */
  manifestDigest: string;
  /** What stays the same over re-runs of the packaging job (hashed into PACKAGING_TAG). */
  packaging: string;
  tags: Record<string, string>;
  description: string;
  /** An alias to point at the version (`candidate`), or undefined for none. */
  alias: string | undefined;
}

export interface RegisteredVersion {
  name: string;
  version: string;
  /** An earlier run registered the same manifest digest; that version was returned. */
  existed: boolean;
  url: string;
  alias: string | undefined;
}

/**
 * Registers a packaged model version: the registered model is created when missing, the version is
 * found by its manifest digest, else by its packaging (a re-run of the job, whose manifest differs:
 * the version's digest tag then names the new one), else created; the alias, when given, is
 * pointed at it.
 */
export async function registerModelVersion(
  client: TrackingClient,
  request: VersionToRegister,
): Promise<RegisteredVersion> {
  await ensureRegisteredModel(client, request.name);
  const packaging = createHash('sha256').update(request.packaging).digest('hex');
  let found = await findVersionByTag(client, request.name, MANIFEST_DIGEST_TAG, request.manifestDigest);
  if (found === undefined) {
    found = await findVersionByTag(client, request.name, PACKAGING_TAG, packaging);
    // A re-run's manifest: the version now stands for it.
    if (found !== undefined) {
      await client.post('model-versions/set-tag', {
        name: request.name,
        version: found,
        key: MANIFEST_DIGEST_TAG,
        value: request.manifestDigest,
      });
    }
  }
  let version = found;
  const modelId = /^models:\/(m-[0-9a-f]+)$/.exec(request.source)?.[1];
  if (version === undefined) {
    const answer = await client.post('model-versions/create', {
      name: request.name,
      source: request.source,
      ...(request.runId === undefined ? {} : { run_id: request.runId }),
      // MLflow 3 wants the logged model a `models:/<id>` source names.
      ...(modelId === undefined ? {} : { model_id: modelId }),
      description: request.description,
      tags: Object.entries({
        ...request.tags,
        [MANIFEST_DIGEST_TAG]: request.manifestDigest,
        [PACKAGING_TAG]: packaging,
      }).map(([key, value]) => ({
        key,
        value,
      })),
    });
    version = text(field(answer, 'model_version'), 'version');
    if (version === undefined) throw new MlflowError('MLflow POST model-versions/create answered without a version');
  }
  if (request.alias !== undefined) {
    await client.post('registered-models/alias', { name: request.name, alias: request.alias, version });
  }
  return {
    name: request.name,
    version,
    existed: found !== undefined,
    url: modelVersionUrl(client.connection, request.name, version),
    alias: request.alias,
  };
}

async function ensureRegisteredModel(client: TrackingClient, name: string): Promise<void> {
  try {
    await client.get('registered-models/get', { name });
    return;
  } catch (thrown: unknown) {
    if (!(thrown instanceof MlflowError && thrown.errorCode === 'RESOURCE_DOES_NOT_EXIST')) throw thrown;
  }
  try {
    await client.post('registered-models/create', { name });
  } catch (thrown: unknown) {
    // Another job registered it meanwhile.
    if (!(thrown instanceof MlflowError && thrown.errorCode === 'RESOURCE_ALREADY_EXISTS')) throw thrown;
  }
}

async function findVersionByTag(
  client: TrackingClient,
  name: string,
  tag: string,
  value: string,
): Promise<string | undefined> {
  const answer = await client.get('model-versions/search', {
    filter: `name = ${filterValue(name, 'the registered model name')} and tags.\`${tag}\` = ${filterValue(value, tag)}`,
    max_results: 10,
  });
  for (const entry of list(answer, 'model_versions')) {
    // The filter is the server's; the tag is checked here too, so a server that ignores it cannot mislead.
    if (keyValues(entry, 'tags').get(tag) === value) return text(entry, 'version');
  }
  return undefined;
}

/** The version an alias points at, or undefined when the alias is not set. */
export async function versionByAlias(client: TrackingClient, name: string, alias: string): Promise<string | undefined> {
  try {
    const answer = await client.get('registered-models/alias', { name, alias });
    return text(field(answer, 'model_version'), 'version');
  } catch (thrown: unknown) {
    if (
      thrown instanceof MlflowError &&
      (thrown.errorCode === 'RESOURCE_DOES_NOT_EXIST' || thrown.errorCode === 'INVALID_PARAMETER_VALUE')
    ) {
      return undefined;
    }
    throw thrown;
  }
}

/** Checks a registered model name and alias before anything is sent; a bad one names its input. */
export function checkRegistryNames(
  name: string,
  alias: string | undefined,
  inputs: { name: string; alias: string },
): void {
  if (name.includes("'"))
    throw new UserError(`input "${inputs.name}" must not hold a single quote, got ${JSON.stringify(name)}`);
  if (alias !== undefined && !/^[A-Za-z0-9_-]{1,255}$/.test(alias)) {
    throw new UserError(
      `input "${inputs.alias}" must be letters, digits, _ and - (such as candidate), got ${JSON.stringify(alias)}`,
    );
  }
  if (alias !== undefined && /^v\d+$/i.test(alias)) {
    throw new UserError(
      `input "${inputs.alias}" must not look like a version (v1, V2): MLflow reserves those, got ${JSON.stringify(alias)}`,
    );
  }
  if (alias === 'latest') throw new UserError(`input "${inputs.alias}" must not be "latest": MLflow reserves it`);
}

/**
 * Points `alias` at the MLflow model version that package registered for `packageName` v`version`
 * (found by its `ml-actions.package` and `ml-actions.version` tags). Undefined when package never
 * registered that version under `registeredName`; nothing is changed then.
 */
export async function aliasPackagedVersion(
  client: TrackingClient,
  request: { registeredName: string; packageName: string; version: string; alias: string },
): Promise<{ version: string; url: string } | undefined> {
  const answer = await client.get('model-versions/search', {
    filter: `name = ${filterValue(request.registeredName, 'the registered model name')} and tags.\`ml-actions.version\` = ${filterValue(request.version, 'the version')}`,
    max_results: 50,
  });
  let found: string | undefined;
  for (const entry of list(answer, 'model_versions')) {
    const tags = keyValues(entry, 'tags');
    if (tags.get('ml-actions.version') === request.version && tags.get('ml-actions.package') === request.packageName) {
      found = text(entry, 'version');
    }
  }
  if (found === undefined) return undefined;
  await client.post('registered-models/alias', { name: request.registeredName, alias: request.alias, version: found });
  return { version: found, url: modelVersionUrl(client.connection, request.registeredName, found) };
}
