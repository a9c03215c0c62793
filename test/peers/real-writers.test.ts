import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseRunRecord, type RunRecord } from '@ml-actions/core';
import { pushEvent, runAction, startLocalGitHub, type ActionRun, type LocalGitHub } from '@ml-actions/testkit';
import { runPeerScript } from '../support/peer-scripts.ts';

// Files written by the real writers (tensorboardX, TensorBoard, DVCLive, MLflow, XGBoost,
// LightGBM), read by the committed train bundle, checked against what the writer logged or, for
// event files, what TensorBoard's own loader reads back.

interface Series {
  steps: number[];
  values: number[];
}

let github: LocalGitHub;
let head: string;
const folders: string[] = [];

beforeAll(async () => {
  github = await startLocalGitHub();
  head = github.api.state.addCommit('octo-org/churn', { branch: 'main', message: 'Train' }).sha;
});
afterEach(() => github.api.assertNoViolations());
afterAll(async () => {
  await github?.close();
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

async function workspace(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'peer-writers-'));
  folders.push(root);
  return root;
}

async function train(root: string, inputs: Record<string, string>): Promise<{ run: ActionRun; record: RunRecord }> {
  const { runId, env } = github.startRun({ headSha: head, headBranch: 'main', event: 'push' });
  const runnerTemp = await mkdtemp(join(tmpdir(), 'runner-temp-'));
  folders.push(runnerTemp);
  const run = await runAction({
    runnerTemp,
    action: 'train',
    workspace: root,
    inputs: { upload: 'false', ...inputs },
    env,
    runId,
    event: pushEvent(github.repository, { sha: head, before: '0'.repeat(40) }),
    token: github.token,
  });
  const record = parseRunRecord(await readFile(run.outputs['record'] ?? '', 'utf8'), 'record');
  return { run, record };
}

/** Every series as the record holds it: final value, steps and values of the history. */
function recordSeries(record: RunRecord): Record<string, Series> {
  const series: Record<string, Series> = {};
  for (const [key, metric] of Object.entries(record.metrics)) {
    series[key] = { steps: metric.history?.steps ?? [], values: metric.history?.values ?? [] };
  }
  return series;
}

describe('TensorBoard event files', () => {
  it("tensorboardX's SummaryWriter: every scalar TensorBoard's loader reads, including add_scalars runs, an open writer and a killed one", async () => {
    const root = await workspace();
    const written = await runPeerScript<{ logged: Record<string, number>; read: Record<string, Series> }>(
      'write_tensorboardx.py',
      [join(root, 'runs')],
    );
    // What the closed writers logged is what TensorBoard reads back, so the oracle is complete.
    for (const key of [
      'loss',
      'train/loss',
      'eval/accuracy/top1',
      'lr/warmup/lr',
      'lr/decay/lr',
      'unflushed/grad_norm',
    ]) {
      expect(written.read[key]?.steps.length, key).toBe(written.logged[key]);
    }
    // The killed copy lost its last record, as TensorBoard sees it too.
    expect(written.read['killed/train/loss']?.steps.length).toBe(written.logged['train/loss']! - 1);

    const { run, record } = await train(root, { metrics: 'runs' });
    expect(run.exitCode).toBe(0);
    expect(recordSeries(record)).toEqual(written.read);
    for (const [key, series] of Object.entries(written.read)) {
      expect(record.metrics[key]?.value, key).toBe(series.values.at(-1));
    }
    // The killed file is read up to its cut record, with a warning naming it.
    const warnings = run.annotations.filter((annotation) => annotation.level === 'warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.file).toMatch(/^runs\/killed\/events\.out\.tfevents\./);
    expect(warnings[0]?.message).toContain('the writer had not finished it; the records before it were read');
  });

  it("TensorBoard's own writer: scalars stored as float and double tensors", async () => {
    const root = await workspace();
    const written = await runPeerScript<{ logged: Record<string, number>; read: Record<string, Series> }>(
      'write_tensorboard.py',
      [join(root, 'logs')],
    );
    for (const [key, count] of Object.entries(written.logged)) expect(written.read[key]?.steps.length, key).toBe(count);

    const { run, record } = await train(root, { metrics: 'logs' });
    expect(run.exitCode).toBe(0);
    expect(run.annotations).toEqual([]);
    expect(recordSeries(record)).toEqual(written.read);
    expect(record.metrics['validation/epoch_accuracy']?.value).toBe(0.711);
  });
});

describe('DVCLive', () => {
  it('Live() with params, nested names over next_step(), make_summary and a resumed second run', async () => {
    const root = await workspace();
    const written = await runPeerScript<{
      params: Record<string, unknown>;
      metrics: Record<string, Series>;
      summary: Record<string, unknown>;
    }>('write_dvclive.py', [root]);
    const dvcYaml = await readFile(join(root, 'dvc.yaml'), 'utf8');
    expect(dvcYaml).toContain('dvclive/metrics.json');

    const { run, record } = await train(root, { metrics: 'dvclive', params: 'dvclive/params.yaml' });
    expect(run.exitCode).toBe(0);
    expect(run.annotations).toEqual([]);
    // DVC flattens "train/loss" (a sub-folder of plots/metrics/ and a nested key of
    // metrics.json) to "train.loss", as `dvc metrics show` names it.
    const expected: Record<string, Series> = {};
    for (const [name, series] of Object.entries(written.metrics)) expected[name.replaceAll('/', '.')] = series;
    expected['best_epoch'] = { steps: [], values: [] };
    expect(recordSeries(record)).toEqual(expected);
    for (const [key, series] of Object.entries(expected)) {
      if (series.values.length > 0) expect(record.metrics[key]?.value, key).toBe(series.values.at(-1));
    }
    expect(record.metrics['best_epoch']?.value).toBe(written.summary['best_epoch']);
    expect(record.params).toEqual({
      optimizer: 'adam',
      lr: 0.001,
      'model.layers': 3,
      'model.dropout': 0.25,
      epochs: 8,
    });
    expect(Object.keys(record.params)).toHaveLength(Object.keys(written.params).length + 1); // model.* is two
  });
});

describe('MLflow file store', () => {
  interface MlflowWritten {
    runs: Record<
      string,
      { run_id: string; params: Record<string, string>; metrics: Record<string, Series & { timestamps: number[] }> }
    >;
    deleted: string;
    experiment_id: string;
  }

  it("MLflow's client: the newest active run of mlruns/, with steps, timestamps, params and '/' keys; the deleted run is ignored", async () => {
    const root = await workspace();
    const written = await runPeerScript<MlflowWritten>('write_mlflow.py', [root]);
    const child = written.runs['child']!;

    const { run, record } = await train(root, { metrics: 'mlruns', params: 'mlruns' });
    expect(run.exitCode).toBe(0);
    expect(run.annotations).toEqual([]);
    const expected: Record<string, Series> = {};
    for (const [key, series] of Object.entries(child.metrics))
      expected[key] = { steps: series.steps, values: series.values };
    expect(recordSeries(record)).toEqual(expected);
    for (const [key, series] of Object.entries(child.metrics)) {
      expect(record.metrics[key]?.value).toBe(series.values.at(-1));
      expect(record.metrics[key]?.history?.wallTimes).toEqual(series.timestamps.map((ms) => ms / 1000));
    }
    expect(record.params).toEqual({ lr: 0.01, batch_size: 32, optimizer: 'sgd' });
  });

  it('a run folder given by path reads that run: the parent of the nested run', async () => {
    const root = await workspace();
    const written = await runPeerScript<MlflowWritten>('write_mlflow.py', [root]);
    const parent = `mlruns/${written.experiment_id}/${written.runs['sweep']!.run_id}`;
    const child = `mlruns/${written.experiment_id}/${written.runs['child']!.run_id}`;
    const { run, record } = await train(root, { metrics: child, params: parent });
    expect(run.exitCode).toBe(0);
    expect(record.params).toEqual({ sweep: 'lr' });
    expect(Object.keys(record.metrics).sort()).toEqual(['accuracy', 'train/loss', 'val/rmse']);
    // The deleted run, though newest, is never chosen, even given alone as its experiment.
    const deleted = await train(root, { metrics: `mlruns/${written.experiment_id}/${written.deleted}` });
    expect(deleted.run.exitCode).toBe(1);
    expect(deleted.run.annotations[0]?.message).toContain('has no metrics');
  });
});

describe('frameworks', () => {
  it('XGBoost, LightGBM, Keras, Lightning, Hugging Face Trainer and W&B files are read as their frameworks mean them', async () => {
    const root = await workspace();
    await mkdir(join(root, 'out'));
    const written = await runPeerScript<Record<string, Record<string, { value: number; points: number }>>>(
      'write_frameworks.py',
      [join(root, 'out')],
    );
    expect(Object.keys(written)).toHaveLength(6);
    for (const [file, expected] of Object.entries(written)) {
      const { run, record } = await train(root, { metrics: `out/${file}` });
      expect(run.exitCode, `${file}: ${run.log}`).toBe(0);
      const read: Record<string, { value: number; points: number }> = {};
      for (const [key, metric] of Object.entries(record.metrics)) {
        read[key] = { value: metric.value, points: metric.history?.steps.length ?? 0 };
      }
      expect(read, file).toEqual(expected);
    }
  });
});
