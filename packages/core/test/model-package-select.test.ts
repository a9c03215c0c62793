import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../src/errors.ts';
import { selectModelFiles } from '../src/model-package/index.ts';

let root: string;
let workspace: string;
let outside: string;

beforeAll(async () => {
  root = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'mp-select-'));
  workspace = path.join(root, 'ws');
  outside = path.join(root, 'outside');
  const files: Record<string, string> = {
    'model/model.pkl': 'pickle',
    'model/MLmodel': 'flavors: {}\n',
    'model/sub/weights.bin': '0123456789',
    'model/sub/.hidden': 'dot',
    'model/.git/config': '[http]\n\textraheader = AUTHORIZATION: basic eC1hY2Nlc3MtdG9rZW46Z2hzX3NlY3JldA==\n',
    'model/extra.onnx': 'onnx',
    'notes.txt': 'notes',
    'ml/config.yaml': 'a: 1\n',
  };
  for (const [name, text] of Object.entries(files)) {
    await fs.promises.mkdir(path.dirname(path.join(workspace, name)), { recursive: true });
    await fs.promises.writeFile(path.join(workspace, name), text);
  }
  await fs.promises.mkdir(outside, { recursive: true });
  await fs.promises.writeFile(path.join(outside, 'secret.key'), 'secret');
  // A link inside the workspace is fine; links that lead out are not.
  await fs.promises.symlink('model.pkl', path.join(workspace, 'model/alias.pkl'));
  await fs.promises.mkdir(path.join(workspace, 'leaky'));
  await fs.promises.symlink(path.join(outside, 'secret.key'), path.join(workspace, 'leaky/secret.key'));
  await fs.promises.symlink(outside, path.join(workspace, 'outdir'));
  await fs.promises.symlink('..', path.join(workspace, 'model/sub/loop'));
});

afterAll(async () => {
  await fs.promises.rm(root, { recursive: true, force: true });
});

async function selectError(patterns: string[], cwd?: string): Promise<UserError> {
  const error: unknown = await selectModelFiles(patterns, cwd === undefined ? { workspace } : { workspace, cwd }).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

describe('selectModelFiles', () => {
  it('takes a folder whole (hidden files left out, links inside followed once), sorted', async () => {
    const files = await selectModelFiles(['model/'], { workspace });
    expect(files.map((f) => f.path)).toEqual([
      'model/MLmodel',
      'model/alias.pkl',
      'model/extra.onnx',
      'model/model.pkl',
      'model/sub/weights.bin',
    ]);
    const weights = files.find((f) => f.path === 'model/sub/weights.bin')!;
    expect(weights.size).toBe(10);
    expect(weights.absolute).toBe(path.join(await fs.promises.realpath(workspace), 'model/sub/weights.bin'));
    // The alias reads the file it points to.
    expect(files.find((f) => f.path === 'model/alias.pkl')!.absolute).toBe(
      path.join(await fs.promises.realpath(workspace), 'model/model.pkl'),
    );
  });

  it('takes hidden files with includeHidden, but never .git', async () => {
    const files = await selectModelFiles(['model/'], { workspace, includeHidden: true });
    expect(files.map((f) => f.path)).toContain('model/sub/.hidden');
    expect(files.filter((f) => f.path.includes('.git'))).toEqual([]);
    const git = await selectModelFiles(['model/**'], { workspace, includeHidden: true });
    expect(git.filter((f) => f.path.includes('.git'))).toEqual([]);
  });

  it('refuses a path that names only .git or hidden files, saying why', async () => {
    expect((await selectError(['model/.git/config'])).message).toBe(
      'path "model/.git/config" matches only model/.git/config, which is never packaged: .git holds the repository and the token actions/checkout stored',
    );
    expect((await selectError(['model/sub/.hidden'])).message).toBe(
      'path "model/sub/.hidden" matches only model/sub/.hidden, which is hidden and left out; set include-hidden-files: true to package hidden files',
    );
  });

  it('mixes files and globs without duplicates', async () => {
    const files = await selectModelFiles(['model/*.pkl', 'model/model.pkl', '', '**/*.onnx', 'notes.txt'], {
      workspace,
    });
    expect(files.map((f) => [f.path, f.size])).toEqual([
      ['model/alias.pkl', 6],
      ['model/extra.onnx', 4],
      ['model/model.pkl', 6],
      ['notes.txt', 5],
    ]);
  });

  it('resolves patterns from cwd but reports paths from the workspace root', async () => {
    const files = await selectModelFiles(['config.yaml', '../notes.txt', path.join(workspace, 'model/extra.onnx')], {
      workspace,
      cwd: 'ml',
    });
    expect(files.map((f) => f.path)).toEqual(['ml/config.yaml', 'model/extra.onnx', 'notes.txt']);
  });

  it('refuses a symbolic link to a file outside the workspace', async () => {
    const error = await selectError(['leaky/secret.key']);
    expect(error.message).toContain('leaky/secret.key leads to');
    expect(error.message).toContain('outside the workspace');
    // Also when the link is found inside a folder.
    expect((await selectError(['leaky'])).message).toContain('leaky/secret.key leads to');
  });

  it('refuses a file reached through a linked folder outside the workspace', async () => {
    expect((await selectError(['outdir/secret.key'])).message).toContain('outdir/secret.key leads to');
  });

  it('refuses ".." escapes and absolute paths outside the workspace', async () => {
    expect((await selectError(['../outside/secret.key'])).message).toBe(
      `path "../outside/secret.key" is outside the workspace ${await fs.promises.realpath(workspace)}; model files must be inside it`,
    );
    expect((await selectError([path.join(outside, 'secret.key')])).message).toContain('is outside the workspace');
    expect((await selectError(['../outside/*.key'])).message).toContain(
      'path "../outside/*.key" is outside the workspace',
    );
    expect((await selectError(['../../outside/secret.key'], 'ml')).message).toContain('is outside the workspace');
  });

  it('names a pattern that matches nothing', async () => {
    expect((await selectError(['model/', 'model/*.safetensors'])).message).toBe(
      'path "model/*.safetensors" matches no file (relative to the workspace root)',
    );
    expect((await selectError(['missing.pkl'], 'ml')).message).toBe(
      'path "missing.pkl" matches no file (relative to ml)',
    );
  });
});
