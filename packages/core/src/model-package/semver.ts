/**
 * Semantic versions (semver 2.0.0): parsing, formatting, precedence and bumps.
 * Written here rather than taken from the `semver` package: we need a small, strict subset
 * (no ranges, no loose parsing) and core keeps its dependencies few.
 */

export interface Semver {
  major: number;
  minor: number;
  patch: number;
  /** Pre-release identifiers as written (`rc.1` is `['rc', '1']`); empty for a release. */
  prerelease: string[];
  /** Build metadata identifiers; they never affect precedence. */
  build: string[];
}

export type VersionBump = 'patch' | 'minor' | 'major';

const NUMERIC = '0|[1-9]\\d*';
const PRERELEASE_ID = `(?:${NUMERIC}|\\d*[A-Za-z-][0-9A-Za-z-]*)`;
const SEMVER = new RegExp(
  `^(${NUMERIC})\\.(${NUMERIC})\\.(${NUMERIC})` +
    `(?:-(${PRERELEASE_ID}(?:\\.${PRERELEASE_ID})*))?` +
    `(?:\\+([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?$`,
);

/** Parses a strict semver 2.0.0 string (no leading `v`); undefined when it is not one. */
export function parseSemver(text: string): Semver | undefined {
  const match = SEMVER.exec(text);
  if (!match) return undefined;
  const [major, minor, patch] = [match[1], match[2], match[3]].map(Number);
  // Beyond 2^53 a number no longer counts exactly, so such a version could not round-trip.
  if (major === undefined || minor === undefined || patch === undefined) return undefined;
  if (![major, minor, patch].every(Number.isSafeInteger)) return undefined;
  return {
    major,
    minor,
    patch,
    prerelease: match[4] === undefined ? [] : match[4].split('.'),
    build: match[5] === undefined ? [] : match[5].split('.'),
  };
}

/** The canonical text of a version: `1.2.3-rc.1+build.5`. */
export function formatSemver(version: Semver): string {
  let text = `${version.major}.${version.minor}.${version.patch}`;
  if (version.prerelease.length > 0) text += `-${version.prerelease.join('.')}`;
  if (version.build.length > 0) text += `+${version.build.join('.')}`;
  return text;
}

/**
 * Semver precedence: negative when a < b, 0 when equal, positive when a > b.
 * Build metadata is ignored, so `1.0.0+a` and `1.0.0+b` compare equal.
 */
export function compareSemver(a: Semver | string, b: Semver | string): number {
  const left = asSemver(a);
  const right = asSemver(b);
  const core =
    Math.sign(left.major - right.major) || Math.sign(left.minor - right.minor) || Math.sign(left.patch - right.patch);
  if (core !== 0) return core;
  // A release ranks above any of its pre-releases.
  if (left.prerelease.length === 0 || right.prerelease.length === 0) {
    return Math.sign(right.prerelease.length - left.prerelease.length);
  }
  const shared = Math.min(left.prerelease.length, right.prerelease.length);
  for (let i = 0; i < shared; i++) {
    const order = compareIdentifier(left.prerelease[i] ?? '', right.prerelease[i] ?? '');
    if (order !== 0) return order;
  }
  return Math.sign(left.prerelease.length - right.prerelease.length);
}

/**
 * The next version after `version` at the given level; build metadata is dropped.
 * A pre-release is bumped to the release it leads up to when that release is of the
 * requested level (`1.3.0-rc.1` minor -> `1.3.0`), as npm's semver does.
 */
export function bumpVersion(version: Semver | string, bump: VersionBump): string {
  return formatSemver(bumpSemver(asSemver(version), bump));
}

/** `bumpVersion` on parsed versions. */
export function bumpSemver(version: Semver, bump: VersionBump): Semver {
  const pre = version.prerelease.length > 0;
  const { major, minor, patch } = version;
  switch (bump) {
    case 'major':
      return pre && minor === 0 && patch === 0 ? release(major, 0, 0) : release(major + 1, 0, 0);
    case 'minor':
      return pre && patch === 0 ? release(major, minor, 0) : release(major, minor + 1, 0);
    case 'patch':
      return pre ? release(major, minor, patch) : release(major, minor, patch + 1);
    default:
      throw new Error(`unknown version bump ${JSON.stringify(bump satisfies never)}`);
  }
}

function release(major: number, minor: number, patch: number): Semver {
  return { major, minor, patch, prerelease: [], build: [] };
}

function asSemver(version: Semver | string): Semver {
  if (typeof version !== 'string') return version;
  const parsed = parseSemver(version);
  if (!parsed) throw new Error(`not a semantic version: ${JSON.stringify(version)}`);
  return parsed;
}

/** Numeric identifiers rank below alphanumeric ones and compare as (arbitrarily long) numbers. */
function compareIdentifier(a: string, b: string): number {
  const aNumeric = /^\d+$/.test(a);
  const bNumeric = /^\d+$/.test(b);
  if (aNumeric && bNumeric) {
    // No leading zeros (the grammar forbids them), so length first, then digits, is numeric order.
    return Math.sign(a.length - b.length) || (a < b ? -1 : a > b ? 1 : 0);
  }
  if (aNumeric) return -1;
  if (bNumeric) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
