/**
 * Writing a model package folder: model files under their relative paths, then manifest.json,
 * README.md and SHA256SUMS.
 *
 * Each byte of a model is read once. The intended flow is
 *   selectModelFiles -> stageModelFiles (hard link, or copy, + sha256 in one pass) -> buildManifest
 *   -> renderModelCard -> writeModelPackage({ stagingDir, manifest, card }) -> verifyStagedFiles
 * after which the staging folder is uploaded as is (and verifyStagedFiles run once more).
 * `writeModelPackage` can also stage the files itself (pass `files`), for callers that hashed them
 * beforehand: it then hashes again while staging and refuses a file that changed in between.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.ts';
import {
  PACKAGE_CARD_FILE,
  PACKAGE_MANIFEST_FILE,
  PACKAGE_SUMS_FILE,
  serializeManifest,
  type ManifestFile,
  type ModelManifest,
} from './manifest.ts';
import { renderSha256Sums } from './sha256-sums.ts';
import { stageModelFiles, stagedPath } from './stage-files.ts';

export interface WriteModelPackageOptions {
  stagingDir: string;
  manifest: ModelManifest;
  /** README.md text (see renderModelCard). */
  card: string;
  /**
   * Model files to stage. Omit when stageModelFiles already put them in `stagingDir`;
   * they are then checked by size only, without reading them again.
   */
  files?: readonly { path: string; absolute: string }[];
}

export interface PackageFile extends ManifestFile {
  absolute: string;
}

export interface ModelPackage {
  dir: string;
  /** Every file of the package, SHA256SUMS included, sorted by path: what to upload. */
  files: PackageFile[];
  totalSize: number;
  /** The text of SHA256SUMS. */
  sha256sums: string;
}

/** Writes the package folder and returns what it holds. */
export async function writeModelPackage(options: WriteModelPackageOptions): Promise<ModelPackage> {
  const { stagingDir, manifest } = options;
  const expected = new Map(manifest.files.map((file) => [file.path, file]));
  if (options.files) {
    if (options.files.length !== expected.size || options.files.some((f) => !expected.has(f.path))) {
      throw new Error('the files to package are not the files the manifest lists');
    }
    const copied = await stageModelFiles({ stagingDir, files: options.files });
    for (const file of copied) {
      const listed = expected.get(file.path);
      if (listed && (listed.sha256 !== file.sha256 || listed.size !== file.size)) {
        throw new UserError(
          `model file ${file.path} changed while it was being packaged (sha256 ${listed.sha256} when hashed, ${file.sha256} when staged); package it again once nothing writes to it`,
          { file: file.path },
        );
      }
    }
  } else {
    for (const file of manifest.files) {
      const stats = await fs.promises.stat(stagedPath(stagingDir, file.path)).catch(() => undefined);
      if (!stats?.isFile() || stats.size !== file.size) {
        throw new Error(`staged model file ${file.path} is missing or has the wrong size; stage the files first`);
      }
    }
  }

  const written: ManifestFile[] = [...manifest.files];
  for (const [name, text] of [
    [PACKAGE_MANIFEST_FILE, serializeManifest(manifest)],
    [PACKAGE_CARD_FILE, options.card],
  ] as const) {
    const bytes = Buffer.from(text, 'utf8');
    await writeOwnFile(stagingDir, name, bytes);
    written.push({ path: name, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
  }
  const sha256sums = renderSha256Sums(written);
  const sumsBytes = Buffer.from(sha256sums, 'utf8');
  await writeOwnFile(stagingDir, PACKAGE_SUMS_FILE, sumsBytes);
  written.push({
    path: PACKAGE_SUMS_FILE,
    size: sumsBytes.length,
    sha256: createHash('sha256').update(sumsBytes).digest('hex'),
  });

  const files = written
    .map((file) => ({ ...file, absolute: stagedPath(stagingDir, file.path) }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return {
    dir: path.resolve(stagingDir),
    files,
    totalSize: files.reduce((sum, file) => sum + file.size, 0),
    sha256sums,
  };
}

/**
 * Writes one of the package's own files as a new file: staged model files may be hard links to
 * the user's files, and one that took this name (where the file system ignores case) must not be
 * written through.
 */
async function writeOwnFile(stagingDir: string, name: string, bytes: Buffer): Promise<void> {
  await fs.promises.writeFile(path.join(stagingDir, name), bytes, { flag: 'wx' }).catch((thrown: unknown) => {
    if ((thrown as { code?: unknown } | null)?.code !== 'EEXIST') throw thrown;
    throw new UserError(
      `a model file takes the name of the package's own ${name} (the file system ignores case); move it into a folder or leave it out`,
    );
  });
}
