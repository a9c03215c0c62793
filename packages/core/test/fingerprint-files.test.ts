import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../src/errors.ts';
import { fingerprintFiles } from '../src/files/fingerprint-files.ts';
import { hashFile } from '../src/files/hash-file.ts';

const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const ABC_SHA256 = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';

let root: string;
let workspace: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'fingerprint-'));
  workspace = path.join(root, 'repo');
  await mkdir(path.join(workspace, 'data/raw'), { recursive: true });
  await writeFile(path.join(workspace, 'data/train.csv'), 'abc');
  await writeFile(path.join(workspace, 'data/raw/empty.bin'), '');
  await writeFile(path.join(workspace, 'data/raw/big.bin'), Buffer.alloc(3 * 1024 * 1024 + 17, 0x61));
  await writeFile(path.join(root, 'secret'), 'x');
  await symlink(path.join(root, 'secret'), path.join(workspace, 'leak'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('hashFile', () => {
  it('streams size and sha256', async () => {
    expect(await hashFile(path.join(workspace, 'data/train.csv'))).toEqual({ size: 3, sha256: ABC_SHA256 });
    expect(await hashFile(path.join(workspace, 'data/raw/empty.bin'))).toEqual({ size: 0, sha256: EMPTY_SHA256 });
  });
});

describe('fingerprintFiles', () => {
  it('fingerprints files, folders (recursively) and globs, each file once, sorted by path', async () => {
    const inputs = await fingerprintFiles(['data/train.csv', 'data', 'data/*.csv'], { workspace, cwd: workspace });
    expect(inputs.map((input) => [input.path, input.size])).toEqual([
      ['data/raw/big.bin', 3 * 1024 * 1024 + 17],
      ['data/raw/empty.bin', 0],
      ['data/train.csv', 3],
    ]);
    expect(inputs[2]?.sha256).toBe(ABC_SHA256);
    expect(inputs[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses patterns that match nothing and paths leading outside', async () => {
    const error: unknown = await fingerprintFiles(['data/*.parquet'], { workspace, cwd: workspace }).catch(
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toBe('data path pattern "data/*.parquet" matches no files');
    const leak: unknown = await fingerprintFiles(['leak'], { workspace, cwd: workspace }).catch(
      (thrown: unknown) => thrown,
    );
    expect((leak as UserError).message).toBe(
      'data path "leak" is or goes through a symlink that leads outside the workspace; refusing to read it',
    );
  });
});
