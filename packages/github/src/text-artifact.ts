import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  MAX_TEXT_FILE_BYTES,
  UserError,
  decodeTextBytes,
  errorMessage,
  formatBytes,
  readZipEntry,
  shortHash,
  type ZipEntryName,
  type ZipLimits,
} from '@ml-actions/core';
import type { ArtifactClient } from './artifact-client.ts';
import type { Log } from './step-log.ts';
import { replaceEarlierAttempt } from './earlier-attempt.ts';
import { retryWaitScale, type GitHubClient } from './github-client.ts';
import { wait } from './wait.ts';

/** An artifact of another workflow run (or of this one), reached through the REST API. */
export interface ArtifactLocation {
  artifactId: number;
  workflowRunId: number;
  /** How the artifact is named in errors, e.g. `artifact "ml-run-x" of workflow run 7`. */
  label: string;
}

const MAX_ARTIFACT_NAME = 200;

/**
 * What an artifact name cannot hold: what GitHub refuses (`"':<>|*?\/`, CR, LF), and what would
 * make a name in a log or a list mislead its reader: control and format characters (a tab, an
 * escape, a right-to-left override, a zero-width space; not the joiner inside emoji such as 👩‍🔬)
 * and lone surrogates, which UTF-8 cannot carry.
 */
const NOT_IN_ARTIFACT_NAME = /["':<>|*?\\/\p{Cc}\p{Cs}]|(?!\u200d)\p{Cf}/gu;

/**
 * An artifact name GitHub accepts: the characters it refuses (and those that would mislead a
 * reader) become `_`, and the name is cut to 200 characters, at a character boundary. Either change
 * could make two names one (`a/b` and `a_b`), so a changed name ends in 12 hex of the exact name's SHA-256.
 */
export function safeArtifactName(name: string): string {
  const safe = name.replace(NOT_IN_ARTIFACT_NAME, '_');
  if (safe === name && name.length <= MAX_ARTIFACT_NAME) return name;
  const hash = shortHash(name);
  return `${cutAt(safe, MAX_ARTIFACT_NAME - hash.length - 1)}-${hash}`;
}

/** The longest start a changed name keeps, before `-` and its 12 hex of hash. */
const KEPT_OF_CHANGED_NAME = MAX_ARTIFACT_NAME - 13;
/** Room for the longest grapheme cluster `cutAt` may leave out at the cut. */
const CUT_SLACK = 64;

/**
 * What `safeArtifactName` of every name that starts with `prefix` starts with, and whether the
 * prefix had to be cut to say so. A long prefix is cut shorter than a name is (by the longest
 * character cluster a cut may leave out), so the answer holds wherever the name's own cut falls.
 */
export function safeArtifactNamePrefix(prefix: string): { prefix: string; cut: boolean } {
  const safe = prefix.replace(NOT_IN_ARTIFACT_NAME, '_');
  return safe.length > KEPT_OF_CHANGED_NAME - CUT_SLACK
    ? { prefix: safe.slice(0, KEPT_OF_CHANGED_NAME - CUT_SLACK), cut: true }
    : { prefix: safe, cut: false };
}

/**
 * The longest start of `text` of whole characters (grapheme clusters) within `length` UTF-16 code
 * units, so that a cut never splits a surrogate pair, an emoji sequence or a letter from its accent.
 */
function cutAt(text: string, length: number): string {
  if (text.length <= length) return text;
  // Made here, not when the module loads: the segmenter loads ICU data, and few names need a cut.
  const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
  let end = 0;
  for (const { index, segment } of graphemes.segment(text.slice(0, length + 64))) {
    if (index + segment.length > length) break;
    end = index + segment.length;
  }
  return text.slice(0, end);
}

/**
 * Uploads one small text file as an artifact; returns the artifact id. On a re-run (`runAttempt`
 * above 1) the artifact of that name an earlier attempt uploaded is replaced.
 */
export async function uploadTextArtifact(
  client: ArtifactClient,
  options: { name: string; fileName: string; text: string; runAttempt: number; retentionDays?: number; log: Log },
): Promise<number> {
  await replaceEarlierAttempt(client, options.name, options.runAttempt, options.log);
  const folder = await mkdtemp(join(tmpdir(), 'ml-actions-upload-'));
  try {
    const file = join(folder, options.fileName);
    await writeFile(file, options.text);
    const uploaded = await client.uploadArtifact(
      options.name,
      [file],
      folder,
      options.retentionDays === undefined ? {} : { retentionDays: options.retentionDays },
    );
    if (uploaded.id === undefined) throw new Error(`the artifact service returned no id for ${options.name}`);
    return uploaded.id;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/**
 * What a downloaded artifact may be: ours hold one small text file, and whoever uploaded it (a fork,
 * another workflow) chose its bytes. The archive is held in memory, never unpacked to disk.
 */
const DOWNLOAD_LIMITS: ZipLimits = {
  maxEntries: 16,
  maxEntryBytes: MAX_TEXT_FILE_BYTES,
  maxTotalBytes: MAX_TEXT_FILE_BYTES,
};
const MAX_ARCHIVE_BYTES = MAX_TEXT_FILE_BYTES;
const DOWNLOAD_ATTEMPTS = 3;

/**
 * The text of the one top-level file `fileName` (a name, or a test a name passes) of an artifact,
 * or undefined when the artifact has no such file. GitHub answers the archive request with a redirect to a signed URL, fetched without
 * our token; the archive's size, entry count and uncompressed sizes are capped before anything is
 * inflated, and no other entry is read. `fileName` may be at most `maxBytes` uncompressed.
 */
export async function downloadArtifactFile(
  github: GitHubClient,
  repository: { owner: string; repo: string },
  location: ArtifactLocation,
  fileName: ZipEntryName,
  maxBytes = DOWNLOAD_LIMITS.maxEntryBytes,
): Promise<string | undefined> {
  const answer = await github.request('GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}', {
    owner: repository.owner,
    repo: repository.repo,
    artifact_id: location.artifactId,
    archive_format: 'zip',
    request: { redirect: 'manual' },
  });
  const signedUrl = answer.headers.location;
  if (answer.status !== 302 || typeof signedUrl !== 'string') {
    throw new Error(`GitHub answered ${answer.status} without a download URL for ${location.label}`);
  }
  const archive = await fetchArchive(signedUrl, location.label);
  const entry = readZipEntry(archive, fileName, { ...DOWNLOAD_LIMITS, maxEntryBytes: maxBytes }, location.label);
  return entry === undefined ? undefined : decodeTextBytes(entry.bytes, `${entry.name} of ${location.label}`);
}

/** The archive behind a signed URL, refused as soon as it outgrows the cap; retried on 5xx and resets. */
async function fetchArchive(url: string, label: string): Promise<Uint8Array> {
  for (let attempt = 1; ; attempt++) {
    try {
      const response = await fetch(url);
      if (response.status >= 500) throw new Error(`the storage service answered ${response.status}`);
      if (!response.ok || response.body === null) {
        throw new UserError(`${label} could not be downloaded: the storage service answered ${response.status}`);
      }
      const declared = Number(response.headers.get('content-length') ?? 0);
      if (declared > MAX_ARCHIVE_BYTES) throw tooLarge(label);
      const chunks: Uint8Array[] = [];
      let size = 0;
      for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
        size += chunk.byteLength;
        if (size > MAX_ARCHIVE_BYTES) throw tooLarge(label);
        chunks.push(chunk);
      }
      return Buffer.concat(chunks);
    } catch (thrown: unknown) {
      if (thrown instanceof UserError || attempt >= DOWNLOAD_ATTEMPTS) {
        if (thrown instanceof UserError) throw thrown;
        throw new Error(`${label} could not be downloaded: ${errorMessage(thrown)}`, { cause: thrown });
      }
      await wait(1000 * attempt * retryWaitScale());
    }
  }
}

function tooLarge(label: string): UserError {
  return new UserError(`${label} is larger than ${formatBytes(MAX_ARCHIVE_BYTES)} compressed; refused`);
}
