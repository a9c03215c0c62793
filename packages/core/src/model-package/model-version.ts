/**
 * Which version a model package gets. Versions are registered as git tags `<name>@v<version>`
 * (the GTO convention), so the list of existing tags is the registry.
 */
import { UserError } from '../errors.ts';
import { bumpSemver, compareSemver, formatSemver, parseSemver, type Semver, type VersionBump } from './semver.ts';

export interface NextVersionOptions {
  /** Every tag of the repository (`refs/tags/` prefixes are accepted); tags of other models are ignored. */
  existingTags: readonly string[];
  name: string;
  /** `auto` (or empty) to bump the highest release, else an explicit version (`1.2.0` or `v1.2.0`). */
  requested: string;
  bump: VersionBump;
  /** Set on a pull request: the version becomes a pre-release and no tag is created. */
  pullRequest?: { number: number; runNumber: number };
}

export interface NextVersion {
  name: string;
  /** The version to package, with the `-pr.<number>.<run>` suffix on a pull request. */
  version: string;
  /** The git tag to create (`churn-model@v1.3.0`), or null on a pull request. */
  tag: string | null;
  /** False on a pull request: a pre-release built there is never registered. */
  createTag: boolean;
  /** The highest existing release of this model (without pre-releases), if any. */
  previous: string | null;
  /** One line for a person: how the version was chosen. */
  explanation: string;
}

/** GTO's artifact names, without "/" (which would nest artifact and release names). */
const NAME = /^[A-Za-z0-9](?:[A-Za-z0-9_-]*[A-Za-z0-9])?$/;

/**
 * The longest model name: `<name>-v<version>-<8 hex>` must stay a valid file name (255 bytes) and
 * artifact name (200 characters) with room for any version.
 */
const MAX_MODEL_NAME = 100;

/**
 * Refuses model names that GTO would not read back from the tag `<name>@v<version>`: letters,
 * digits, "-" and "_", starting and ending with a letter or digit.
 */
export function validateModelName(name: string): string {
  if (name.length > MAX_MODEL_NAME) {
    throw new UserError(
      `input name: the model name is ${name.length} characters; at most ${MAX_MODEL_NAME} are accepted (it names a tag, an artifact and a folder)`,
    );
  }
  if (!NAME.test(name)) {
    throw new UserError(
      `input name: ${JSON.stringify(name)} is not a valid model name; use letters, digits, "-" and "_", starting and ending with a letter or digit (GTO's artifact names)`,
    );
  }
  return name;
}

/** GTO's message for a registration tag. */
export function registrationMessage(name: string, version: string): string {
  return `Registering artifact ${name} version v${version}`;
}

/** Reads the `bump` input. */
export function parseVersionBump(text: string): VersionBump {
  const value = text.trim().toLowerCase();
  if (value === 'patch' || value === 'minor' || value === 'major') return value;
  throw new UserError(`input bump: ${JSON.stringify(text)} is not one of "patch", "minor" or "major"`);
}

/** The git tag of a model version: `<name>@v<version>`. */
export function modelTag(name: string, version: string): string {
  return `${name}@v${version}`;
}

/** The versions of one model found among git tags, with the tag each came from. */
export function modelVersionsFromTags(tags: readonly string[], name: string): { version: Semver; tag: string }[] {
  const prefix = `${name}@v`;
  const found: { version: Semver; tag: string }[] = [];
  for (const raw of tags) {
    const tag = raw.startsWith('refs/tags/') ? raw.slice('refs/tags/'.length) : raw;
    // An exact prefix up to "@v": `model` never picks up `model-v2@v1.0.0`.
    if (!tag.startsWith(prefix)) continue;
    const version = parseSemver(tag.slice(prefix.length));
    if (version) found.push({ version, tag });
  }
  return found;
}

/**
 * The version a new package of `name` gets: the requested one, or a bump of the highest existing
 * release; on a pull request a `-pr.<number>.<runNumber>` pre-release that is never tagged.
 * Refuses a version that exists already: versions are never overwritten.
 */
export function nextVersion(options: NextVersionOptions): NextVersion {
  const name = validateModelName(options.name);
  const existing = modelVersionsFromTags(options.existingTags, name);
  const releases = existing.filter((entry) => entry.version.prerelease.length === 0);
  const highest = releases.reduce<{ version: Semver; tag: string } | undefined>(
    (best, entry) => (best && compareSemver(best.version, entry.version) >= 0 ? best : entry),
    undefined,
  );

  const requested = options.requested.trim();
  let base: Semver;
  let explanation: string;
  if (requested === '' || requested.toLowerCase() === 'auto') {
    if (highest) {
      base = bumpSemver(highest.version, options.bump);
      explanation = `${options.bump} bump of ${formatSemver(highest.version)} (tag ${highest.tag})`;
    } else {
      base = { major: 0, minor: 1, patch: 0, prerelease: [], build: [] };
      explanation = `first version of ${name}`;
    }
  } else {
    const parsed = parseSemver(requested.replace(/^v(?=\d)/, ''));
    if (!parsed) {
      throw new UserError(
        `input version: ${JSON.stringify(requested)} is not "auto" or a semantic version such as 1.2.0 or 2.0.0-rc.1`,
      );
    }
    base = parsed;
    explanation = `version ${formatSemver(parsed)} as requested`;
  }
  refuseExisting(name, base, existing);

  const pr = options.pullRequest;
  if (pr) {
    for (const [label, value] of [
      ['pull request number', pr.number],
      ['run number', pr.runNumber],
    ] as const) {
      if (!Number.isSafeInteger(value) || value < 0) {
        throw new Error(`${label} must be a non-negative integer, got ${String(value)}`);
      }
    }
    const version = formatSemver({
      ...base,
      prerelease: [...base.prerelease, 'pr', String(pr.number), String(pr.runNumber)],
    });
    refuseExisting(name, parseSemver(version) ?? base, existing);
    return {
      name,
      version,
      tag: null,
      createTag: false,
      previous: highest ? formatSemver(highest.version) : null,
      explanation: `${explanation}; pull request #${pr.number} (run ${pr.runNumber}) gets pre-release ${version}, and no tag is created`,
    };
  }
  const version = formatSemver(base);
  return {
    name,
    version,
    tag: modelTag(name, version),
    createTag: true,
    previous: highest ? formatSemver(highest.version) : null,
    explanation,
  };
}

function refuseExisting(name: string, version: Semver, existing: readonly { version: Semver; tag: string }[]): void {
  // Equal precedence counts as the same version: `1.2.0+b` would shadow `1.2.0+a`.
  const clash = existing.find((entry) => compareSemver(entry.version, version) === 0);
  if (clash) {
    throw new UserError(
      `version ${formatSemver(version)} of ${name} exists already (tag ${clash.tag}); versions are never overwritten`,
    );
  }
}
