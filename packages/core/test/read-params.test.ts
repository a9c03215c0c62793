import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../src/errors.ts';
import { parseParamValue } from '../src/params/param-value.ts';
import { MAX_PARAMS_FILE_BYTES } from '../src/params/read-params-file.ts';
import { readParams } from '../src/params/read-params.ts';

const fixtures = path.join(import.meta.dirname, 'fixtures/metrics');
let workspace: string;
beforeAll(async () => {
  workspace = await mkdtemp(path.join(tmpdir(), 'read-params-'));
  await cp(fixtures, workspace, { recursive: true });
  await writeFile(
    path.join(workspace, 'params.yaml'),
    'train:\n  lr: 0.001\n  epochs: 10\n  layers: [64, 32]\n  dropout: .nan\nmodel: resnet\nseed: ~\nflags: {fast: true}\n',
  );
  await writeFile(
    path.join(workspace, 'config.json'),
    '{"train": {"lr": 0.01, "schedule": {"name": "cosine"}}, "tags": ["a", "b"]}',
  );
  await writeFile(path.join(workspace, 'hparams.toml'), 'batch = 32\n[optim]\nname = "adam"\n');
  await writeFile(path.join(workspace, 'huge.yaml'), `a: "${'x'.repeat(2 * MAX_PARAMS_FILE_BYTES)}"\n`);
});
afterAll(async () => {
  await rm(workspace, { recursive: true, force: true });
});

async function refusal(entries: string[]): Promise<string> {
  const error: unknown = await readParams(entries, { workspace, cwd: workspace }).then(
    () => new Error('expected a UserError'),
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(UserError);
  return (error as UserError).message;
}

describe('parseParamValue', () => {
  it('reads numbers, booleans and null when the text looks like one, else keeps the text', () => {
    expect(['0.001', '-3', '1e-4', '42', '.5'].map(parseParamValue)).toEqual([0.001, -3, 1e-4, 42, 0.5]);
    expect(['true', 'False', 'TRUE', 'null', '~', 'None'].map(parseParamValue)).toEqual([
      true,
      false,
      true,
      null,
      null,
      null,
    ]);
    expect(['adam', '"0.5"', "'true'", '  spaced  ', '', 'nan', 'inf', '0x10', '1_000'].map(parseParamValue)).toEqual([
      'adam',
      '0.5',
      'true',
      'spaced',
      '',
      'nan',
      'inf',
      '0x10',
      '1_000',
    ]);
  });
});

describe('readParams', () => {
  it('flattens YAML, JSON and TOML files, keeps arrays as JSON text, and lets later entries win', async () => {
    const { params, sources } = await readParams(
      ['params.yaml', 'config.json', 'hparams.toml', 'train.epochs=20', ' note = two words '],
      {
        workspace,
        cwd: workspace,
      },
    );
    expect(params).toEqual({
      'train.lr': 0.01,
      'train.epochs': 20,
      'train.layers': '[64,32]',
      'train.dropout': 'NaN',
      model: 'resnet',
      seed: null,
      'flags.fast': true,
      'train.schedule.name': 'cosine',
      tags: '["a","b"]',
      batch: 32,
      'optim.name': 'adam',
      note: 'two words',
    });
    expect(sources).toEqual(['params.yaml', 'config.json', 'hparams.toml']);
  });

  it("reads a DVCLive folder's params.yaml and the newest MLflow run's params", async () => {
    const dvclive = await readParams(['dvclive'], { workspace, cwd: workspace });
    expect(dvclive).toEqual({
      params: { lr: 0.001, 'model.layers': '[64,32]', 'model.name': 'mlp', seed: 42 },
      sources: ['dvclive/params.yaml'],
    });
    const mlflow = await readParams(['mlruns'], { workspace, cwd: workspace });
    expect(mlflow.params).toEqual({ lr: 0.01, 'optimizer/name': 'adam', scheduler: null });
  });

  it('refuses huge files, missing files, paths outside, and entries without a name', async () => {
    expect(await refusal(['huge.yaml'])).toBe(
      'huge.yaml: file is 2.0 MiB; params files larger than 1.0 MiB are refused (is this the right file?)',
    );
    expect(await refusal(['missing.yaml'])).toBe('params path "missing.yaml" does not exist');
    expect(await refusal(['../etc/params.yaml'])).toBe(
      'params path "../etc/params.yaml" is outside the workspace; only files inside the repository can be read',
    );
    expect(await refusal(['=5'])).toBe('params entry "=5" has no name before "="');
    expect(await refusal(['history.tsv'])).toBe(
      'history.tsv: the top level of a params file must be an object of param names, not the string "epoch\\tloss\\tval_loss 0\\t1.5\\t1.75 1\\t1.25..."',
    );
  });
});
