import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyAndHashFile, hashFile } from '../src/files/index.ts';

let dir: string;

beforeAll(async () => {
  dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'mp-hash-'));
});

afterAll(async () => {
  await fs.promises.rm(dir, { recursive: true, force: true });
});

/** The digest `sha256sum` prints for a file. */
function sha256sum(file: string): string {
  return execFileSync('sha256sum', [file], { encoding: 'utf8' }).split(' ')[0]!;
}

describe('hashFile', () => {
  it('agrees with sha256sum on a fixture file', async () => {
    const file = path.join(import.meta.dirname, 'fixtures/model-package/sklearn-model/model.pkl');
    expect(await hashFile(file)).toEqual({ sha256: sha256sum(file), size: 44 });
  });

  it('agrees with sha256sum across several 4 MiB chunks and a short tail', async () => {
    const file = path.join(dir, 'big.bin');
    await fs.promises.writeFile(file, randomBytes(2 * 4 * 1024 * 1024 + 12_345));
    expect(await hashFile(file)).toEqual({ sha256: sha256sum(file), size: 8_400_953 });
  });

  it('hashes an empty file', async () => {
    const file = path.join(dir, 'empty');
    await fs.promises.writeFile(file, '');
    expect(await hashFile(file)).toEqual({
      sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      size: 0,
    });
  });

  it('rejects a missing file', async () => {
    await expect(hashFile(path.join(dir, 'nope'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('copyAndHashFile', () => {
  it('copies byte for byte and returns the hash of what it copied', async () => {
    const source = path.join(dir, 'source.bin');
    const copy = path.join(dir, 'copy.bin');
    const bytes = randomBytes(4 * 1024 * 1024 + 1);
    await fs.promises.writeFile(source, bytes);
    const digest = await copyAndHashFile(source, copy);
    expect(digest).toEqual({ sha256: sha256sum(source), size: bytes.length });
    expect(Buffer.compare(await fs.promises.readFile(copy), bytes)).toBe(0);
  });
});
