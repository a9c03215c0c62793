import { readFile } from 'node:fs/promises';
import {
  PACKAGE_CARD_FILE,
  PACKAGE_MANIFEST_FILE,
  PACKAGE_SUMS_FILE,
  readTarRange,
  type PlannedReleaseArchive,
} from '@ml-actions/core';
import { bufferAsset, createRelease, type CreatedRelease, type Log, type RepositoryTarget } from '@ml-actions/github';

/** The provenance statement's asset name: the `.intoto.json` ending is what verifiers look for. */
export const PROVENANCE_ASSET = 'provenance.intoto.json';

/**
 * Makes the version's release: the model archive's parts (streamed from the staged files), the
 * manifest, the model card, the provenance statement, and SHA256SUMS of them all, so that
 * `sha256sum -c SHA256SUMS` in a folder of the downloaded assets checks every one.
 */
export async function publishRelease(
  target: RepositoryTarget,
  options: {
    tag: string;
    title: string;
    notes: string;
    prerelease: boolean;
    archive: PlannedReleaseArchive;
    files: { manifest: string; card: string; provenance: string };
    log: Log;
    retryWaitMs: number;
  },
): Promise<CreatedRelease> {
  const { archive, plan } = options.archive;
  const parts = archive.parts.map((part) => ({
    name: part.name,
    contentType: 'application/x-tar',
    size: part.size,
    open: () => readTarRange(plan, part.offset, part.offset + part.size),
  }));
  return createRelease(target, {
    tag: options.tag,
    name: options.title,
    body: options.notes,
    prerelease: options.prerelease,
    assets: [
      ...parts,
      bufferAsset(PACKAGE_MANIFEST_FILE, await readFile(options.files.manifest), 'application/json'),
      bufferAsset(PACKAGE_CARD_FILE, await readFile(options.files.card), 'text/markdown'),
      bufferAsset(PROVENANCE_ASSET, await readFile(options.files.provenance), 'application/json'),
    ],
    sumsAsset: PACKAGE_SUMS_FILE,
    log: options.log,
    retryWaitMs: options.retryWaitMs,
  });
}
