import {
  JsonChecker,
  UserError,
  checkDataProfile,
  currentStageVersion,
  parseRunRecord,
  parseUntrustedJson,
  profileDataFiles,
  readTextFile,
  resolveDataFiles,
  resolveWorkspacePath,
  type DataProfile,
  type DriftReference,
  type WorkspaceOptions,
} from '@ml-actions/core';
import { readModelTags, releasedPackage, type RepositoryTarget } from '@ml-actions/github';

/** The reference of a monitoring run, and where it came from, as the report names it. */
export interface LoadedReference {
  reference: DriftReference;
  source: string;
  /** The version in the stage, when the reference was found through it. */
  version?: string;
  versionUrl?: string;
}

/**
 * `auto`: the version GTO's stage tags put in the stage, and the profile in the manifest.json of its
 * release. Otherwise the files named: one run record or manifest (.json) with a profile, or data.
 */
export async function loadReference(
  reference: 'auto' | string[],
  options: {
    name: string;
    stage: string;
    columns: string[] | undefined;
    where: WorkspaceOptions;
    target: () => Promise<RepositoryTarget>;
  },
): Promise<LoadedReference> {
  if (reference === 'auto') return deployedReference(options.name, options.stage, await options.target());
  if (reference.length === 1 && reference[0]!.toLowerCase().endsWith('.json')) {
    const file = await resolveWorkspacePath(reference[0]!, options.where, 'reference');
    const text = await readTextFile(file.absolute, file.relative);
    return { reference: { profile: profileOfDocument(text, file.relative) }, source: file.relative };
  }
  const files = await resolveDataFiles(reference, options.where, 'reference');
  return {
    reference: await profileDataFiles(files, options.columns),
    source: `the data of ${files.map((file) => file.display).join(', ')}`,
  };
}

async function deployedReference(name: string, stage: string, target: RepositoryTarget): Promise<LoadedReference> {
  const tags = await readModelTags(target, name);
  const version = currentStageVersion(tags.stageEvents, stage);
  if (version === undefined) {
    throw new UserError(
      `input "reference" is auto, but no version of ${name} is in ${stage} (no GTO stage tag ${name}#${stage}#<n>): promote one first, or give reference a run record, manifest or data files`,
    );
  }
  const entry = tags.versions.find((candidate) => candidate.version === version);
  if (entry === undefined)
    throw new UserError(`${name} v${version} is in ${stage} but has no version tag ${name}@v${version}`);
  const released = await releasedPackage(target, entry.tag);
  if (released?.manifest === undefined) {
    throw new UserError(
      `${name} v${version} is in ${stage}, but ${released === undefined ? `tag ${entry.tag} has no published release` : `the release of ${entry.tag} has no manifest.json`}: package it with release: true, or give reference a run record, manifest or data files`,
    );
  }
  const source = `${entry.tag} release manifest.json`;
  return {
    reference: { profile: profileOfDocument(released.manifest.toString('utf8'), source) },
    source: `the profile of v${version}, from its release's manifest.json`,
    version,
    versionUrl: released.url,
  };
}

/** The profile in a run record or a model manifest. */
function profileOfDocument(text: string, source: string): DataProfile {
  const what = 'not a run record or model manifest';
  const root = parseUntrustedJson(text, source, what);
  const schema = (root as { schema?: unknown } | null)?.schema;
  let profile: unknown;
  if (schema === 'ml-actions/run-record') profile = parseRunRecord(text, source).profile;
  else if (schema === 'ml-actions/model-manifest') profile = (root as { profile?: unknown }).profile;
  else
    throw new UserError(`${source}: ${what} (its "schema" is ${JSON.stringify(schema) ?? 'missing'})`, {
      file: source,
    });
  if (profile === undefined) {
    throw new UserError(
      `${source}: has no data profile: give train the input profile (the training data) so that the record and the package carry one`,
      { file: source },
    );
  }
  return checkDataProfile(new JsonChecker(source, 'invalid data profile'), profile, '$.profile');
}
