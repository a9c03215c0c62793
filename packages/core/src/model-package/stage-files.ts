/**
 * Staging model files: putting them, under their package paths, into the folder that is uploaded.
 * The artifact client takes files under one root folder only, and manifest.json, README.md and
 * SHA256SUMS are ours to write, never the user's workspace; so the model files join them there.
 *
 * Each file is hard-linked into the staging folder where the file system allows it: its bytes are
 * then read once, to hash them, and never written again. Where it does not (the staging folder on
 * another file system, EXDEV; a link refused, as fs.protected_hardlinks refuses one to another
 * user's file, EPERM), the file is copied while it is hashed, which also reads each byte once.
 *
 * What is hashed is what is uploaded:
 * - each file is opened once, as a regular file, without following a symbolic link, and hashed
 *   through that descriptor; a hard link must lead to the very inode that was opened;
 * - a file whose size or modification time moved while it was hashed is refused;
 * - verifyStagedFiles, before and after the upload, refuses a staged file whose inode, size or
 *   modification time differ from those seen after hashing, and hashes again one whose change
 *   time moved or whose timestamps were too recent to trust. A hard link shares the user's file,
 *   so a write in the workspace (a training process still saving) shows there.
 */
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.ts';
import { copyAndHashOpenFile, hashFile, hashOpenFile, type FileDigest } from '../files/hash-file.ts';
import { openRegularFile } from '../files/regular-file.ts';
import type { ManifestFile } from './manifest.ts';
import { isSafeRelativePath } from './package-path.ts';

export interface StageOptions {
  /** Created if missing; must be empty. */
  stagingDir: string;
  files: readonly { path: string; absolute: string }[];
  /** Creates a hard link (fs.promises.link when absent); tests pass one that fails as a file system would. */
  link?: (existing: string, created: string) => Promise<void>;
}

/** What a file's stat says about its bytes; equal identities mean the bytes were left alone. */
interface FileIdentity {
  dev: bigint;
  ino: bigint;
  size: bigint;
  mtimeNs: bigint;
  ctimeNs: bigint;
}

export interface StagedFile extends ManifestFile {
  /** The file in the staging folder: what is uploaded. */
  absolute: string;
  /** `link`: a hard link to the user's file; `copy`: a copy written while hashing. */
  method: 'link' | 'copy';
  /** Why a copy was made: the link's error code and what it means. */
  copyReason?: string;
  /** The staged file as it was when its hash was taken. */
  identity: FileIdentity;
  /**
   * Modified so shortly before it was hashed that a later write could keep the same timestamps
   * (they advance in ticks of a few milliseconds, or seconds on some file systems): such a file is
   * hashed again after the upload (see verifyStagedFiles).
   */
  recentlyModified: boolean;
}

/** Link errors after which a copy is made instead; any other error is a real failure. */
const COPY_INSTEAD: Readonly<Record<string, string>> = {
  EXDEV: 'the staging folder is on another file system',
  EPERM: 'the file system or its settings (fs.protected_hardlinks) refused a hard link',
  EMLINK: 'the file has as many hard links as the file system allows',
  ENOTSUP: 'the file system has no hard links',
  EOPNOTSUPP: 'the file system has no hard links',
  ENOSYS: 'the file system has no hard links',
};

/** How long after a file's last modification its timestamps are trusted to show a further write. */
const TIMESTAMP_TRUST_NS = 2_000_000_000n;

/**
 * Hard-links (or, where that fails, copies) the model files into an empty staging folder under
 * their relative paths, hashing each through the descriptor it was opened with; returns the files
 * for buildManifest and verifyStagedFiles.
 */
export async function stageModelFiles(options: StageOptions): Promise<StagedFile[]> {
  await prepareEmptyFolder(options.stagingDir);
  const link = options.link ?? ((existing: string, created: string) => fs.promises.link(existing, created));
  const staged: StagedFile[] = [];
  // One file at a time: hashing is bound by the disk, and memory stays at two buffers.
  for (const file of options.files) {
    const destination = stagedPath(options.stagingDir, file.path);
    await fs.promises.mkdir(path.dirname(destination), { recursive: true });
    staged.push(await stageFile(file, destination, link));
  }
  return staged;
}

async function stageFile(
  file: { path: string; absolute: string },
  destination: string,
  link: (existing: string, created: string) => Promise<void>,
): Promise<StagedFile> {
  // `absolute` is a real path (see selectModelFiles): a symbolic link there now was put there since.
  const input = await openRegularFile(file.absolute, file.path, { noFollow: true });
  try {
    const opened = await input.stat({ bigint: true });
    let copyReason: string | undefined;
    try {
      await link(file.absolute, destination);
    } catch (thrown: unknown) {
      const code = (thrown as { code?: unknown } | null)?.code;
      if (typeof code !== 'string' || COPY_INSTEAD[code] === undefined) throw thrown;
      copyReason = `${code}: ${COPY_INSTEAD[code]}`;
    }
    let digest: FileDigest;
    if (copyReason === undefined) {
      // link(2) takes a path, not the descriptor: the link must lead to the inode that is hashed.
      const linked = await fs.promises.lstat(destination, { bigint: true });
      if (!linked.isFile() || linked.dev !== opened.dev || linked.ino !== opened.ino) {
        throw new UserError(
          `model file ${file.path} was replaced while it was being staged; package it again once nothing writes to it`,
          { file: file.path },
        );
      }
      digest = await hashOpenFile(input);
    } else {
      digest = await copyAndHashOpenFile(input, destination);
    }
    const hashed = await input.stat({ bigint: true });
    if (hashed.size !== opened.size || hashed.mtimeNs !== opened.mtimeNs || hashed.size !== BigInt(digest.size)) {
      throw changedError(
        file.path,
        'while it was being hashed',
        describeChange(identityOf(opened), identityOf(hashed)),
      );
    }
    // A link shares the user's inode (a link's creation moves its change time, so it is taken
    // now); a copy is a file of ours that nothing else should write.
    const identity = identityOf(
      copyReason === undefined ? hashed : await fs.promises.lstat(destination, { bigint: true }),
    );
    const recentlyModified = BigInt(Date.now()) * 1_000_000n - hashed.mtimeNs < TIMESTAMP_TRUST_NS;
    return {
      path: file.path,
      size: digest.size,
      sha256: digest.sha256,
      absolute: destination,
      method: copyReason === undefined ? 'link' : 'copy',
      ...(copyReason === undefined ? {} : { copyReason }),
      identity,
      recentlyModified,
    };
  } finally {
    await input.close();
  }
}

export interface VerifyOptions {
  /** Hash again the files modified just before they were hashed (after the upload: they were read once more anyway). */
  rehashRecent?: boolean;
}

/**
 * Refuses, with a UserError naming the file, a staged file that is not byte for byte what was
 * hashed: another inode, another size, another modification time, or another sha256 where the
 * stat cannot tell (its change time moved; with `rehashRecent`, it was modified just before it
 * was hashed).
 */
export async function verifyStagedFiles(files: readonly StagedFile[], options: VerifyOptions = {}): Promise<void> {
  for (const file of files) {
    const stats = await fs.promises.lstat(file.absolute, { bigint: true }).catch((thrown: unknown) => {
      if ((thrown as { code?: unknown } | null)?.code === 'ENOENT') return undefined;
      throw thrown;
    });
    if (stats === undefined) throw changedError(file.path, 'after it was hashed', 'its staged file is gone');
    if (!stats.isFile())
      throw changedError(file.path, 'after it was hashed', 'its staged file is no longer a regular file');
    const now = identityOf(stats);
    const change = describeChange(file.identity, now);
    if (change !== '') throw changedError(file.path, 'after it was hashed', change);
    // The change time moves with any write, also one that puts the modification time back, but
    // also when a link to the file is made or removed (a new file renamed over it in the
    // workspace), which leaves its bytes alone: then, as for a file modified just before it was
    // hashed, only its hash can tell.
    const touched = now.ctimeNs !== file.identity.ctimeNs;
    if (touched || (options.rehashRecent === true && file.recentlyModified)) {
      const again = await hashFile(file.absolute, file.path);
      if (again.sha256 !== file.sha256 || again.size !== file.size) {
        throw changedError(file.path, 'after it was hashed', `sha256 ${file.sha256} when hashed, ${again.sha256} now`);
      }
    }
  }
}

function identityOf(stats: fs.BigIntStats): FileIdentity {
  return { dev: stats.dev, ino: stats.ino, size: stats.size, mtimeNs: stats.mtimeNs, ctimeNs: stats.ctimeNs };
}

/** What differs between two identities that proves other bytes, for a person; empty when nothing does. */
function describeChange(before: FileIdentity, after: FileIdentity): string {
  if (before.dev !== after.dev || before.ino !== after.ino) return 'it was replaced by another file';
  if (before.size !== after.size) return `${before.size} bytes when hashed, ${after.size} now`;
  if (before.mtimeNs !== after.mtimeNs) return `modified at ${isoTime(after.mtimeNs)}, after it was read`;
  return '';
}

function isoTime(ns: bigint): string {
  return new Date(Number(ns / 1_000_000n)).toISOString();
}

function changedError(file: string, when: string, detail: string): UserError {
  return new UserError(
    `model file ${file} changed ${when} (${detail}), so the package would not match its SHA256SUMS; package it again once nothing writes to it`,
    { file },
  );
}

/** Where a package path goes inside the staging folder. */
export function stagedPath(stagingDir: string, relative: string): string {
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
