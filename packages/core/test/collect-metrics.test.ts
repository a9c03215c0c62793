import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../src/errors.ts';
import { collectMetrics } from '../src/metrics/collect-metrics.ts';
import { encodeEventFile } from './support/tfevents-writer.ts';

const fixtures = path.join(import.meta.dirname, 'fixtures/metrics');
let root: string;
let workspace: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'collect-metrics-'));
  workspace = path.join(root, 'repo');
  await cp(fixtures, workspace, { recursive: true });
  await mkdir(path.join(workspace, 'results/tb'), { recursive: true });
  await writeFile(path.join(workspace, 'results/final.json'), '{"accuracy": 0.5, "f1": 0.25}');
  await writeFile(path.join(workspace, 'results/params.yaml'), 'lr: 0.1\n');
  await writeFile(path.join(workspace, 'results/notes.txt'), 'not metrics');
  await writeFile(
    path.join(workspace, 'results/tb/events.out.tfevents.1.host'),
    encodeEventFile([{ step: 3, wallTime: 5, tag: 'loss', value: 0.5 }]),
  );
  await writeFile(path.join(workspace, 'labels.json'), '{"name": "resnet", "ok": true}');
  await writeFile(path.join(root, 'outside.json'), '{"stolen": 1}');
  await symlink(path.join(root, 'outside.json'), path.join(workspace, 'linked.json'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function refusal(patterns: string[]): Promise<UserError> {
  const error: unknown = await collectMetrics(patterns, { workspace, cwd: workspace }).then(
    () => new Error('expected a UserError'),
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

describe('collectMetrics', () => {
  it('reads files of every format; a later pattern wins on equal keys', async () => {
    const { metrics, sources } = await collectMetrics(['summary.json', 'results/final.json'], {
      workspace,
      cwd: workspace,
    });
    expect(metrics['accuracy']).toEqual({ value: 0.5 }); // results/final.json came later
    expect(metrics['train.loss']).toEqual({ value: 0.25 });
    expect(metrics['f1']).toEqual({ value: 0.25 });
    expect(sources).toEqual(['summary.json', 'results/final.json']);
    const reversed = await collectMetrics(['results/final.json', 'summary.json'], { workspace, cwd: workspace });
    expect(reversed.metrics['accuracy']).toEqual({ value: 0.9125 });
  });

  it('resolves patterns from cwd and expands globs', async () => {
    const { metrics, sources } = await collectMetrics(['../summary.*'], {
      workspace,
      cwd: path.join(workspace, 'results'),
    });
    expect(sources).toEqual(['summary.json', 'summary.toml', 'summary.yaml']);
    expect(metrics['eval.margin']).toEqual({ value: -Infinity }); // only in summary.yaml
  });

  it('recognises DVCLive, mlruns (newest run) and plain folders with TensorBoard logs', async () => {
    const dvclive = await collectMetrics(['dvclive'], { workspace, cwd: workspace });
    expect(Object.keys(dvclive.metrics)).toEqual(['train.loss', 'eval.loss', 'acc', 'test_acc']);
    const mlflow = await collectMetrics(['mlruns'], { workspace, cwd: workspace });
    expect(mlflow.metrics['loss']?.value).toBe(0.2);
    expect(mlflow.sources).toEqual(['mlruns/0/newer-run/metrics/loss', 'mlruns/0/newer-run/metrics/train/acc']);
    const plain = await collectMetrics(['results'], { workspace, cwd: workspace });
    expect(plain.metrics).toEqual({
      accuracy: { value: 0.5 },
      f1: { value: 0.25 },
      'tb/loss': { value: 0.5, step: 3, history: { steps: [3], values: [0.5], wallTimes: [5] } },
    });
    expect(plain.sources).toEqual(['results/final.json', 'results/tb/events.out.tfevents.1.host']);
  });

  it('names a pattern that matches nothing, or holds no metrics', async () => {
    expect((await refusal(['summary.json', 'missing/*.json'])).message).toBe(
      'metrics path pattern "missing/*.json" matches no files',
    );
    expect((await refusal(['nope.json'])).message).toBe('metrics path "nope.json" does not exist');
    expect((await refusal(['labels.json'])).message).toBe(
      'metrics path "labels.json" has no metrics: no numeric values were found in what it names',
    );
  });

  it('refuses paths outside the workspace', async () => {
    expect((await refusal(['../outside.json'])).message).toBe(
      'metrics path "../outside.json" is outside the workspace; only files inside the repository can be read',
    );
    expect((await refusal([path.join(root, 'outside.json')])).message).toBe(
      `metrics path "${path.join(root, 'outside.json')}" is outside the workspace; only files inside the repository can be read`,
    );
    expect((await refusal(['linked.json'])).message).toBe(
      'metrics path "linked.json" is or goes through a symlink that leads outside the workspace; refusing to read it',
    );
  });

  it('passes a reader error through with file and line', async () => {
    await writeFile(path.join(workspace, 'broken.csv'), 'step,loss\n0,1\n1\n');
    const error = await refusal(['broken.csv']);
    expect(error.message).toBe('broken.csv:3: row has 1 field but the header has 2');
    expect([error.file, error.line]).toEqual(['broken.csv', 3]);
  });
});
