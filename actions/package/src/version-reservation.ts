/**
 * The version a package gets, registered (its `<name>@v<version>` tag created) before anything is
 * uploaded: two runs packaging at once cannot both ship the same version, and a re-run of the
 * same commit finds the version its earlier attempt registered instead of minting another.
 */
import {
  UserError,
  compareSemver,
  formatSemver,
  modelVersionsFromTags,
  nextVersion,
  registrationMessage,
  type NextVersion,
} from '@ml-actions/core';
import { createTag, listModelTags, modelTagsOnCommit, type RepositoryTarget } from '@ml-actions/github';
import type { PackageSettings } from './settings.ts';

/** Versions tried, each taken by another run in the meantime, before giving up. */
export const MAX_RESERVATIONS = 5;

export interface ReservedVersion {
  version: NextVersion;
  /** `created`: this step created the tag; `earlier-attempt`: an earlier attempt of this run did; `none`: no tag. */
  registration: 'created' | 'earlier-attempt' | 'none';
}

export interface ReservationContext {
  target: RepositoryTarget;
  sha: string;
  runAttempt: number;
  pullRequest: { number: number; runNumber: number } | undefined;
}

type VersionSettings = Pick<PackageSettings, 'name' | 'version' | 'bump' | 'tag'>;

/** Chooses the version and, when tags are wanted, registers it (see the file's comment). */
export async function reserveVersion(settings: VersionSettings, context: ReservationContext): Promise<ReservedVersion> {
  const register = settings.tag && context.pullRequest === undefined;
  if (register && context.runAttempt > 1) {
    const earlier = await versionOnCommit(settings, context);
    if (earlier !== undefined) return { version: earlier, registration: 'earlier-attempt' };
  }
  const choose = (existingTags: readonly string[]): NextVersion =>
    nextVersion({
      existingTags,
      name: settings.name,
      requested: settings.version,
      bump: settings.bump,
      ...(context.pullRequest === undefined ? {} : { pullRequest: context.pullRequest }),
    });
  let taken = await listModelTags(context.target, settings.name);
  for (let reservation = 1; ; reservation++) {
    const version = choose(taken);
    if (!register || !version.createTag || version.tag === null) return { version, registration: 'none' };
    const message = registrationMessage(version.name, version.version);
    if (await createTag(context.target, version.tag, context.sha, message)) return { version, registration: 'created' };
    if (!isAuto(settings.version)) {
      throw new UserError(`tag ${version.tag} exists already; model versions are never overwritten`);
    }
    if (reservation === MAX_RESERVATIONS) {
      throw new Error(
        `no version of ${settings.name} could be registered: ${MAX_RESERVATIONS} tags in a row were taken by other runs meanwhile`,
      );
    }
    // GitHub answered 422: another run registered this version between our listing and our tag.
    taken = [...new Set([...(await listModelTags(context.target, settings.name)), ...taken, version.tag])];
  }
}

function isAuto(requested: string): boolean {
  const text = requested.trim().toLowerCase();
  return text === '' || text === 'auto';
}

/** The highest release of this model on the commit (the requested one, if a version was requested). */
async function versionOnCommit(
  settings: VersionSettings,
  context: ReservationContext,
): Promise<NextVersion | undefined> {
  const tags = await modelTagsOnCommit(context.target, settings.name, context.sha);
  const requested = settings.version.trim().replace(/^v(?=\d)/, '');
  const candidates = modelVersionsFromTags(tags, settings.name).filter((entry) =>
    isAuto(settings.version) ? entry.version.prerelease.length === 0 : formatSemver(entry.version) === requested,
  );
  const highest = candidates.sort((a, b) => compareSemver(b.version, a.version))[0];
  if (highest === undefined) return undefined;
  const version = formatSemver(highest.version);
  return {
    name: settings.name,
    version,
    tag: highest.tag,
    createTag: true,
    previous: null,
    explanation: `version ${version}, registered on this commit (tag ${highest.tag}) by an earlier attempt of this run`,
  };
}
