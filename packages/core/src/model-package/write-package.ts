/**
 * Writing a model package folder: model files under their relative paths, then manifest.json,
 * README.md and SHA256SUMS.
 *
 * Each byte of a model is read once. The intended flow is
 *   selectModelFiles -> stageModelFiles (copy + sha256 in one pass) -> buildManifest
 *   -> renderModelCard -> writeModelPackage({ stagingDir, manifest, card })
 * after which the staging folder is uploaded as is. `writeModelPackage` can also copy the files
 * itself (pass `files`), for callers that hashed them beforehand: it then hashes again while
 * copying and refuses a file that changed in between.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.ts';
import { copyAndHashFile } from '../files/hash-file.ts';
import {
  PACKAGE_CARD_FILE,
  PACKAGE_MANIFEST_FILE,
  PACKAGE_SUMS_FILE,
  serializeManifest,
  type ManifestFile,
  type ModelManifest,
} from './manifest.ts';
import { renderSha256Sums } from './sha256-sums.ts';
import { isSafeRelativePath } from './package-path.ts';

export interface StageOptions {
  /** Created if missing; must be empty. */
  stagingDir: string;
  files: readonly { path: string; absolute: string }[];
}

export interface WriteModelPackageOptions {
  stagingDir: string;
  manifest: ModelManifest;
  /** README.md text (see renderModelCard). */
  card: string;
  /**
   * Model files to copy in. Omit when stageModelFiles already put them in `stagingDir`;
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

/**
 * Copies the model files into an empty staging folder under their relative paths, hashing each
 * while it is copied; returns the files for buildManifest.
 */
export async function stageModelFiles(options: StageOptions): Promise<ManifestFile[]> {
  await prepareEmptyFolder(options.stagingDir);
  const staged: ManifestFile[] = [];
  // One file at a time: the copy is bound by the disk, and memory stays at two buffers.
  for (const file of options.files) {
    const destination = destinationOf(options.stagingDir, file.path);
    await fs.promises.mkdir(path.dirname(destination), { recursive: true });
    const digest = await copyAndHashFile(file.absolute, destination, file.path);
    staged.push({ path: file.path, size: digest.size, sha256: digest.sha256 });
  }
  return staged;
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
          `model file ${file.path} changed while it was being packaged (sha256 ${listed.sha256} when hashed, ${file.sha256} when copied); package it again once nothing writes to it`,
          { file: file.path },
        );
      }
    }
  } else {
    for (const file of manifest.files) {
      const stats = await fs.promises.stat(destinationOf(stagingDir, file.path)).catch(() => undefined);
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
    await fs.promises.writeFile(path.join(stagingDir, name), bytes);
    written.push({ path: name, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
  }
  const sha256sums = renderSha256Sums(written);
  const sumsBytes = Buffer.from(sha256sums, 'utf8');
  await fs.promises.writeFile(path.join(stagingDir, PACKAGE_SUMS_FILE), sumsBytes);
  written.push({
    path: PACKAGE_SUMS_FILE,
    size: sumsBytes.length,
    sha256: createHash('sha256').update(sumsBytes).digest('hex'),
  });

  const files = written
    .map((file) => ({ ...file, absolute: destinationOf(stagingDir, file.path) }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return {
    dir: path.resolve(stagingDir),
    files,
    totalSize: files.reduce((sum, file) => sum + file.size, 0),
    sha256sums,
  };
}

function destinationOf(stagingDir: string, relative: string): string {
  // Selection only yields such paths; this guards against a manifest built by other means.
  if (!isSafeRelativePath(relative)) throw new Error(`unsafe path in a model package: ${JSON.stringify(relative)}`);
  return path.resolve(stagingDir, ...relative.split('/'));
}

async function prepareEmptyFolder(dir: string): Promise<void> {
  await fs.promises.mkdir(dir, { recursive: true });
  const entries = await fs.promises.readdir(dir);
  // Leftovers would be uploaded with the package without being listed in SHA256SUMS.
  if (entries.length > 0) throw new Error(`the staging folder ${dir} is not empty`);
}
