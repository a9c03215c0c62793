import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../src/errors.ts';
import {
  buildManifest,
  renderModelCard,
  stageModelFiles,
  verifyStagedFiles,
  writeModelPackage,
  type StagedFile,
} from '../src/model-package/index.ts';

let root: string;
let counter = 0;

beforeAll(async () => {
  root = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'mp-stage-'));
});

afterAll(async () => {
  await fs.promises.rm(root, { recursive: true, force: true });
});

/** A fresh workspace with one model file, and a staging folder name on the same file system. */
async function workspaceWith(bytes: Buffer): Promise<{ file: { path: string; absolute: string }; stagingDir: string }> {
  const dir = path.join(root, `case-${++counter}`);
  await fs.promises.mkdir(path.join(dir, 'ws/model'), { recursive: true });
  const absolute = path.join(dir, 'ws/model/weights.bin');
  await fs.promises.writeFile(absolute, bytes);
  return { file: { path: 'model/weights.bin', absolute }, stagingDir: path.join(dir, 'staging') };
}

function sha256sum(file: string): string {
  return execFileSync('sha256sum', [file], { encoding: 'utf8' }).split(' ')[0]!;
}

/** A link function that fails as the kernel does, with `code`. */
function failingLink(code: string): (existing: string, created: string) => Promise<void> {
  return () => Promise.reject(Object.assign(new Error(`${code}: link refused`), { code }));
}

async function errorOf(promise: Promise<unknown>): Promise<UserError> {
  const thrown: unknown = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(thrown).toBeInstanceOf(UserError);
  return thrown as UserError;
}

describe('stageModelFiles', () => {
  it('hard-links each file into the staging folder and hashes it in place', async () => {
    const bytes = randomBytes(4 * 1024 * 1024 + 7);
    const { file, stagingDir } = await workspaceWith(bytes);
    const [staged] = await stageModelFiles({ stagingDir, files: [file] });
    const target = path.join(stagingDir, 'model/weights.bin');
    expect(staged).toMatchObject({
      path: 'model/weights.bin',
      size: bytes.length,
      sha256: sha256sum(file.absolute),
      absolute: target,
      method: 'link',
    });
    expect(staged!.copyReason).toBeUndefined();
    // The same inode, so nothing was written: the staged file is the workspace's.
    expect(fs.statSync(target).ino).toBe(fs.statSync(file.absolute).ino);
    expect(fs.statSync(file.absolute).nlink).toBe(2);
    await verifyStagedFiles([staged!], { rehashRecent: true });
  });

  it.each(['EXDEV', 'EPERM'])('copies while hashing when the hard link fails with %s, and says why', async (code) => {
    const bytes = randomBytes(100_000);
    const { file, stagingDir } = await workspaceWith(bytes);
    const [staged] = await stageModelFiles({ stagingDir, files: [file], link: failingLink(code) });
    expect(staged).toMatchObject({ method: 'copy', size: bytes.length, sha256: sha256sum(file.absolute) });
    expect(staged!.copyReason).toMatch(new RegExp(`^${code}: `));
    const target = path.join(stagingDir, 'model/weights.bin');
    expect(fs.statSync(target).ino).not.toBe(fs.statSync(file.absolute).ino);
    expect(Buffer.compare(await fs.promises.readFile(target), bytes)).toBe(0);
    // The copy is ours: a later write to the workspace file changes nothing that is uploaded.
    await fs.promises.appendFile(file.absolute, 'more');
    await verifyStagedFiles([staged!], { rehashRecent: true });
  });

  it('fails on any other link error instead of copying', async () => {
    const { file, stagingDir } = await workspaceWith(Buffer.from('weights'));
    await expect(stageModelFiles({ stagingDir, files: [file], link: failingLink('EIO') })).rejects.toMatchObject({
      code: 'EIO',
    });
  });

  it('refuses a file that became a symbolic link after it was selected, also when it must be copied', async () => {
    const { file, stagingDir } = await workspaceWith(Buffer.from('weights'));
    const secret = path.join(root, `secret-${counter}`);
    await fs.promises.writeFile(secret, 'id_rsa');
    await fs.promises.rm(file.absolute);
    await fs.promises.symlink(secret, file.absolute);
    const error = await errorOf(stageModelFiles({ stagingDir, files: [file], link: failingLink('EXDEV') }));
    expect(error.message).toBe('model/weights.bin: became a symbolic link after it was selected; refused');
    expect(fs.existsSync(path.join(stagingDir, 'model/weights.bin'))).toBe(false);
  });

  it('refuses a hard link that leads to another file than the one opened and hashed', async () => {
    const { file, stagingDir } = await workspaceWith(Buffer.from('weights'));
    const other = path.join(root, `other-${counter}`);
    await fs.promises.writeFile(other, 'other bytes');
    // As if the path was swapped between the open and the link.
    const swapped = (_existing: string, created: string): Promise<void> => fs.promises.link(other, created);
    const error = await errorOf(stageModelFiles({ stagingDir, files: [file], link: swapped }));
    expect(error.message).toBe(
      'model file model/weights.bin was replaced while it was being staged; package it again once nothing writes to it',
    );
    expect(error.file).toBe('model/weights.bin');
  });

  it('stages the same files again into a new folder, as a re-run does', async () => {
    const { file, stagingDir } = await workspaceWith(Buffer.from('weights'));
    const first = await stageModelFiles({ stagingDir, files: [file] });
    const again = await stageModelFiles({ stagingDir: `${stagingDir}-again`, files: [file] });
    expect(again[0]).toMatchObject({ method: 'link', sha256: first[0]!.sha256 });
    expect(fs.statSync(file.absolute).nlink).toBe(3);
    await verifyStagedFiles(again, { rehashRecent: true });
  });
});

describe('verifyStagedFiles', () => {
  async function stagedFile(): Promise<{ staged: StagedFile; workspaceFile: string }> {
    const { file, stagingDir } = await workspaceWith(Buffer.alloc(10_000, 1));
    const [staged] = await stageModelFiles({ stagingDir, files: [file] });
    return { staged: staged!, workspaceFile: file.absolute };
  }

  it('refuses a hard-linked file that grew in the workspace after it was hashed', async () => {
    const { staged, workspaceFile } = await stagedFile();
    await fs.promises.appendFile(workspaceFile, 'more');
    const error = await errorOf(verifyStagedFiles([staged]));
    expect(error.message).toBe(
      'model file model/weights.bin changed after it was hashed (10000 bytes when hashed, 10004 now), so the package would not match its SHA256SUMS; package it again once nothing writes to it',
    );
    expect(error.file).toBe('model/weights.bin');
  });

  it('hashes again, and refuses, a same-size rewrite whose modification time was put back', async () => {
    const { staged, workspaceFile } = await stagedFile();
    // touch -r keeps the nanoseconds, which utimes from JavaScript would round away.
    const reference = `${workspaceFile}.times`;
    await fs.promises.writeFile(reference, '');
    execFileSync('touch', ['-m', '-r', workspaceFile, reference]);
    // Past the timestamp tick of the staging (a few milliseconds), so the change time moves.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const handle = await fs.promises.open(workspaceFile, 'r+');
    await handle.write(Buffer.alloc(10, 2), 0, 10, 500);
    await handle.close();
    execFileSync('touch', ['-m', '-r', reference, workspaceFile]);
    expect(fs.statSync(workspaceFile, { bigint: true }).mtimeNs).toBe(staged.identity.mtimeNs);
    const error = await errorOf(verifyStagedFiles([staged]));
    expect(error.message).toMatch(
      /^model file model\/weights\.bin changed after it was hashed \(sha256 [0-9a-f]{64} when hashed, [0-9a-f]{64} now\)/,
    );
  });

  it('refuses a staged file replaced by a symbolic link or removed', async () => {
    const { staged } = await stagedFile();
    await fs.promises.rm(staged.absolute);
    expect((await errorOf(verifyStagedFiles([staged]))).message).toContain('(its staged file is gone)');
    await fs.promises.symlink('/etc/passwd', staged.absolute);
    expect((await errorOf(verifyStagedFiles([staged]))).message).toContain(
      '(its staged file is no longer a regular file)',
    );
  });

  it('accepts a workspace file replaced by a new one: the staged link still holds the bytes hashed', async () => {
    const { staged, workspaceFile } = await stagedFile();
    await fs.promises.writeFile(`${workspaceFile}.new`, 'retrained');
    await fs.promises.rename(`${workspaceFile}.new`, workspaceFile);
    await verifyStagedFiles([staged], { rehashRecent: true });
    expect(sha256sum(staged.absolute)).toBe(staged.sha256);
  });

  it('hashes a recently modified file again with rehashRecent, for a write its timestamps do not show', async () => {
    const { staged, workspaceFile } = await stagedFile();
    expect(staged.recentlyModified).toBe(true);
    const handle = await fs.promises.open(workspaceFile, 'r+');
    await handle.write(Buffer.alloc(10, 2), 0, 10, 500);
    await handle.close();
    // A write in the same timestamp tick as the last one leaves the stat as it was.
    const now = await fs.promises.lstat(staged.absolute, { bigint: true });
    const unchanged: StagedFile = {
      ...staged,
      identity: { dev: now.dev, ino: now.ino, size: now.size, mtimeNs: now.mtimeNs, ctimeNs: now.ctimeNs },
    };
    await verifyStagedFiles([unchanged]);
    const error = await errorOf(verifyStagedFiles([unchanged], { rehashRecent: true }));
    expect(error.message).toMatch(
      /^model file model\/weights\.bin changed after it was hashed \(sha256 [0-9a-f]{64} when hashed, [0-9a-f]{64} now\)/,
    );
  });
});

describe('writeModelPackage over hard links', () => {
  it('never writes through a staged hard link that took the name of one of its own files', async () => {
    const dir = path.join(root, `own-names-${++counter}`);
    await fs.promises.mkdir(path.join(dir, 'ws'), { recursive: true });
    const readme = path.join(dir, 'ws/README.md');
    const weights = path.join(dir, 'ws/weights.bin');
    await fs.promises.writeFile(readme, 'the user readme');
    await fs.promises.writeFile(weights, 'weights');
    const stagingDir = path.join(dir, 'staging');
    // As a file system that ignores case would let `readme.md` take the name.
    const staged = await stageModelFiles({
      stagingDir,
      files: [
        { path: 'README.md', absolute: readme },
        { path: 'weights.bin', absolute: weights },
      ],
    });
    const manifest = buildManifest({
      name: 'churn-model',
      version: '1.0.0',
      files: staged.filter((file) => file.path === 'weights.bin'),
      createdAt: new Date(0),
    });
    const error = await errorOf(writeModelPackage({ stagingDir, manifest, card: await renderModelCard(manifest) }));
    expect(error.message).toBe(
      "a model file takes the name of the package's own README.md (the file system ignores case); move it into a folder or leave it out",
    );
    expect(await fs.promises.readFile(readme, 'utf8')).toBe('the user readme');
  });
});
