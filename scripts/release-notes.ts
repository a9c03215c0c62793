/**
 * `node scripts/release-notes.ts <tag> [CHANGELOG.md]`: prints the notes of the changelog's newest
 * released entry, and fails with one line naming the file and line when that entry is not the
 * tag's version or the changelog is malformed. The release workflow runs it before it publishes.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError, errorMessage } from '@ml-actions/core';

/** `## [1.2.3] - 2026-12-02` (Keep a Changelog), or `## [Unreleased]`. */
const ENTRY_HEADING = /^## \[(?<version>[^\]]+)\](?: - (?<date>.+))?$/;
const RELEASE_TAG = /^v(?<version>\d+\.\d+\.\d+)$/;
const SEMVER = /^\d+\.\d+\.\d+$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** `[1.2.3]: https://...`: the link definitions that end a Keep a Changelog file, not notes. */
const LINK_DEFINITION = /^\[[^\]]+\]:\s/;

/** The version a release tag names: `v1.2.3` gives `1.2.3`. */
export function tagVersion(tag: string): string {
  const version = RELEASE_TAG.exec(tag)?.groups?.['version'];
  if (version === undefined) throw new UserError(`"${tag}" is not a release tag of the form vX.Y.Z`);
  return version;
}

/** A released entry of the changelog: its version, the line of its heading, the lines under it. */
export interface ChangelogEntry {
  version: string;
  line: number;
  body: string[];
}

/**
 * The changelog's newest released entry, after an optional Unreleased section; every heading up
 * to the next entry must be well formed.
 */
export function newestEntry(changelog: string, file = 'CHANGELOG.md'): ChangelogEntry {
  const lines = changelog.split(/\r?\n/);
  let found: { version: string; index: number } | undefined;
  for (const [index, text] of lines.entries()) {
    if (!text.startsWith('## ')) continue;
    const line = index + 1;
    const heading = ENTRY_HEADING.exec(text)?.groups;
    if (heading === undefined) {
      throw new UserError(
        `${file}:${line}: "${text}" is not an entry heading: write "## [X.Y.Z] - YYYY-MM-DD" or "## [Unreleased]"`,
        { file, line },
      );
    }
    if (found !== undefined) return entryAt(lines, found, index);
    const named = heading['version']!;
    if (named === 'Unreleased') {
      if (heading['date'] !== undefined) {
        throw new UserError(`${file}:${line}: [Unreleased] has no date`, { file, line });
      }
      continue;
    }
    if (!SEMVER.test(named)) {
      throw new UserError(`${file}:${line}: "${named}" is not a version of the form X.Y.Z`, { file, line });
    }
    if (heading['date'] === undefined || !ISO_DATE.test(heading['date'])) {
      throw new UserError(`${file}:${line}: the entry for ${named} needs a date: "## [${named}] - YYYY-MM-DD"`, {
        file,
        line,
      });
    }
    found = { version: named, index };
  }
  if (found === undefined) {
    throw new UserError(`${file}: no released entry ("## [X.Y.Z] - YYYY-MM-DD") found`, { file });
  }
  return entryAt(lines, found, lines.length);
}

function entryAt(lines: string[], found: { version: string; index: number }, end: number): ChangelogEntry {
  return { version: found.version, line: found.index + 1, body: lines.slice(found.index + 1, end) };
}

/**
 * The notes of the changelog's newest released entry (the lines under its heading, without the
 * blank lines around them and the link definitions that may end the file), which must be
 * `version`'s.
 */
export function releaseNotes(changelog: string, version: string, file = 'CHANGELOG.md'): string {
  const entry = newestEntry(changelog, file);
  const line = entry.line;
  if (entry.version !== version) {
    throw new UserError(`${file}:${line}: the newest entry is ${entry.version}, but the release is ${version}`, {
      file,
      line,
    });
  }
  const definitions = entry.body.findIndex((text) => LINK_DEFINITION.test(text));
  const notes = (definitions === -1 ? entry.body : entry.body.slice(0, definitions)).join('\n').trim();
  if (notes === '') throw new UserError(`${file}:${line}: the entry has no notes`, { file, line });
  return notes;
}

async function main(args: string[]): Promise<number> {
  const [tag, path = 'CHANGELOG.md'] = args;
  if (tag === undefined || args.length > 2) {
    console.error('usage: node scripts/release-notes.ts <vX.Y.Z tag> [CHANGELOG.md]');
    return 2;
  }
  try {
    const version = tagVersion(tag);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (thrown: unknown) {
      throw new UserError(`${path}: cannot be read (${errorMessage(thrown)})`, { file: path });
    }
    process.stdout.write(`${releaseNotes(text, version, path)}\n`);
    return 0;
  } catch (thrown: unknown) {
    if (!(thrown instanceof UserError)) throw thrown;
    console.error(thrown.message);
    return 1;
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
