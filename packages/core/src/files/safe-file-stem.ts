import { shortHash } from '../text/short-hash.ts';

/** Longer stems are cut; with a prefix and an extension the name stays far below 255 bytes. */
const MAX_STEM_LENGTH = 120;
/** What a stem may be as it is: lowercase, so that no two stems are one on a case-insensitive disk. */
const KEPT_AS_IS = /^[a-z0-9._-]*$/;
/** How a changed stem ends: a name that already ends so is changed too, so that no kept name looks like one. */
const HASH_ENDING = /-[0-9a-f]{12}$/;

/**
 * A stem for a file name (to follow a fixed prefix, such as `run-record-`) that every file system
 * takes as it is: ASCII letters, digits, `.`, `_` and `-`. Any other character becomes `_`, and a
 * name that changed, was cut, or holds an uppercase letter (macOS and Windows disks ignore case)
 * ends in `-` and 12 hex of its exact text's SHA-256, so two names never share a stem.
 */
export function safeFileStem(name: string): string {
  if (KEPT_AS_IS.test(name) && name.length <= MAX_STEM_LENGTH && !HASH_ENDING.test(name)) return name;
  // With the u flag an emoji or other astral character is one character, so one `_`.
  const kept = name.replace(/[^A-Za-z0-9._-]/gu, '_');
  return `${kept.slice(0, MAX_STEM_LENGTH - 13)}-${shortHash(name)}`;
}
