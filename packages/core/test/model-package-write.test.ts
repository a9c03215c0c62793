import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../src/errors.ts';
import { hashFile } from '../src/files/hash-file.ts';
import {
  buildManifest,
  findMlmodelFile,
  parseMlmodel,
  renderModelCard,
  selectModelFiles,
  stageModelFiles,
  writeModelPackage,
  type ModelManifest,
} from '../src/model-package/index.ts';
import type { RunRecord } from '../src/record/run-record.ts';

const fixtures = path.join(import.meta.dirname, 'fixtures/model-package');
const record = JSON.parse(fs.readFileSync(path.join(fixtures, 'run-record.json'), 'utf8')) as RunRecord;
let root: string;
let workspace: string;

beforeAll(async () => {
  root = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'mp-write-'));
  workspace = path.join(root, 'ws');
  await fs.promises.cp(path.join(fixtures, 'sklearn-model'), path.join(workspace, 'model'), { recursive: true });
  await fs.promises.mkdir(path.join(workspace, 'model/weights dir'));
  await fs.promises.writeFile(path.join(workspace, 'model/weights dir/w.bin'), Buffer.alloc(5000, 7));
});

afterAll(async () => {
  await fs.promises.rm(root, { recursive: true, force: true });
});

/** Runs `sha256sum -c SHA256SUMS` in a package folder. */
function checkSums(dir: string): { status: number | null; stdout: string } {
  const result = spawnSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout };
}

/** The read-once flow: select, copy while hashing, describe, write. */
async function packageOnce(stagingDir: string): Promise<{ manifest: ModelManifest; dir: string; files: string[] }> {
  const selected = await selectModelFiles(['model'], { workspace });
  const staged = await stageModelFiles({ stagingDir, files: selected });
  const mlmodelPath = findMlmodelFile(staged)!;
  const mlmodel = await parseMlmodel(
    await fs.promises.readFile(path.join(stagingDir, mlmodelPath), 'utf8'),
    mlmodelPath,
  );
  const manifest = buildManifest({
    name: 'churn-model',
    version: '0.1.0',
    files: staged,
    record,
    createdAt: new Date(0),
    mlmodel,
  });
  const written = await writeModelPackage({ stagingDir, manifest, card: await renderModelCard(manifest) });
  return { manifest, dir: written.dir, files: written.files.map((f) => f.path) };
}

describe('writeModelPackage', () => {
  it('writes a package that sha256sum -c accepts, and that fails it once a byte changes', async () => {
    const { manifest, dir, files } = await packageOnce(path.join(root, 'pkg'));
    expect(files).toEqual([
      'README.md',
      'SHA256SUMS',
      'manifest.json',
      'model/MLmodel',
      'model/model.pkl',
      'model/weights dir/w.bin',
    ]);
    expect(manifest.files.find((f) => f.path === 'model/model.pkl')).toEqual({
      path: 'model/model.pkl',
      size: 44,
      sha256: (await hashFile(path.join(fixtures, 'sklearn-model/model.pkl'))).sha256,
    });
    expect(JSON.parse(await fs.promises.readFile(path.join(dir, 'manifest.json'), 'utf8'))).toEqual(manifest);

    const ok = checkSums(dir);
    expect(ok.status).toBe(0);
    expect(ok.stdout.trim().split('\n')).toEqual([
      'README.md: OK',
      'manifest.json: OK',
      'model/MLmodel: OK',
      'model/model.pkl: OK',
      'model/weights dir/w.bin: OK',
    ]);

    const weights = path.join(dir, 'model/weights dir/w.bin');
    const bytes = await fs.promises.readFile(weights);
    bytes[2500] = 8;
    // A new file in its place: the staged one is a hard link to the workspace's, left alone.
    await fs.promises.rm(weights);
    await fs.promises.writeFile(weights, bytes);
    const bad = checkSums(dir);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('model/weights dir/w.bin: FAILED');
    expect(bad.stdout).toContain('model/model.pkl: OK');
  });

  it('copies files itself and refuses one that changed since it was hashed', async () => {
    const selected = await selectModelFiles(['model/model.pkl'], { workspace });
    const hashed = await Promise.all(selected.map(async (f) => ({ path: f.path, ...(await hashFile(f.absolute)) })));
    const manifest = buildManifest({ name: 'churn-model', version: '0.1.0', files: hashed, createdAt: new Date(0) });
    const card = await renderModelCard(manifest);

    const written = await writeModelPackage({ stagingDir: path.join(root, 'copied'), files: selected, manifest, card });
    expect(checkSums(written.dir).stdout.trim().split('\n')).toEqual([
      'README.md: OK',
      'manifest.json: OK',
      'model/model.pkl: OK',
    ]);

    await fs.promises.appendFile(path.join(workspace, 'model/model.pkl'), 'more');
    const error: unknown = await writeModelPackage({
      stagingDir: path.join(root, 'changed'),
      files: selected,
      manifest,
      card,
    }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toMatch(
      /^model file model\/model\.pkl changed while it was being packaged \(sha256 [0-9a-f]{64} when hashed, [0-9a-f]{64} when staged\)/,
    );
  });

  it('refuses a staging folder that is not empty', async () => {
    const stagingDir = path.join(root, 'dirty');
    await fs.promises.mkdir(stagingDir);
    await fs.promises.writeFile(path.join(stagingDir, 'leftover'), 'x');
    await expect(stageModelFiles({ stagingDir, files: [] })).rejects.toThrow(
      `the staging folder ${stagingDir} is not empty`,
    );
  });
});
