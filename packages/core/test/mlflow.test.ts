import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../src/errors.ts';
import { resolveWorkspacePath } from '../src/files/workspace-path.ts';
import { findMlflowRuns, readMlflowRunMetrics, readMlflowRunParams } from '../src/metrics/mlflow.ts';
import { readMetricsFile } from '../src/metrics/read-metrics-file.ts';

const workspace = path.join(import.meta.dirname, 'fixtures/metrics');
const options = { workspace, cwd: workspace };

const newerMetrics = {
  loss: {
    value: 0.2, // the value at step 2, the largest, though a later line logged step 1
    step: 2,
    history: {
      steps: [0, 1, 2, 1],
      values: [0.7, 0.4, 0.2, 0.3],
      wallTimes: [1700001000, 1700001001, 1700001002, 1700001003],
    },
  },
  'train/acc': {
    value: 0.875,
    step: 2,
    history: { steps: [0, 1, 2], values: [0.5, NaN, 0.875], wallTimes: [1700001000, 1700001001, 1700001002] },
  },
};

describe('MLflow', () => {
  it('finds the active runs of an mlruns tree, newest first, leaving out deleted runs and .trash', async () => {
    const runs = await findMlflowRuns(await resolveWorkspacePath('mlruns', options));
    expect(runs.map((run) => [run.runId, run.experimentId, run.startTime, run.folder.relative])).toEqual([
      ['newer-run', '0', 1700001000000, 'mlruns/0/newer-run'],
      ['older-run', '0', 1700000000000, 'mlruns/0/older-run'],
    ]);
    const fromExperiment = await findMlflowRuns(await resolveWorkspacePath('mlruns/0', options));
    expect(fromExperiment.map((run) => run.runId)).toEqual(['newer-run', 'older-run']);
    const fromRun = await findMlflowRuns(await resolveWorkspacePath('mlruns/0/older-run', options));
    expect(fromRun.map((run) => run.runId)).toEqual(['older-run']);
  });

  it('reads a run: metric keys keep their "/", steps are optional, NaN is kept', async () => {
    const run = await resolveWorkspacePath('mlruns/0/newer-run', options);
    const { metrics, sources } = await readMlflowRunMetrics(run);
    expect(Object.fromEntries(metrics)).toEqual(newerMetrics);
    expect(sources).toEqual(['mlruns/0/newer-run/metrics/loss', 'mlruns/0/newer-run/metrics/train/acc']);
  });

  it('recognises one metric file given on its own, keyed by its path below metrics/', async () => {
    const file = await resolveWorkspacePath('mlruns/0/newer-run/metrics/train/acc', options);
    expect(await readMetricsFile(file.absolute, file.relative)).toEqual({ 'train/acc': newerMetrics['train/acc'] });
  });

  it("reads a run's params, parsing numbers and Python's None", async () => {
    const run = await resolveWorkspacePath('mlruns/0/newer-run', options);
    const { params } = await readMlflowRunParams(run);
    expect(Object.fromEntries(params)).toEqual({ lr: 0.01, 'optimizer/name': 'adam', scheduler: null });
  });

  describe('bad metric files', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(path.join(tmpdir(), 'mlflow-'));
      await cp(path.join(workspace, 'mlruns/0/older-run'), path.join(dir, 'run'), { recursive: true });
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('names the file and line of a bad value or a malformed line', async () => {
      const run = await resolveWorkspacePath('run', { workspace: dir, cwd: dir });
      await writeFile(path.join(dir, 'run/metrics/loss'), '1700000000000 0.9 0\n1700000001000 high 1\n');
      const error: unknown = await readMlflowRunMetrics(run).catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(UserError);
      expect((error as UserError).message).toBe('run/metrics/loss:2: value "high" is not a number');
      await writeFile(path.join(dir, 'run/metrics/loss'), '1700000000000 0.9 0 extra\n');
      const malformed: unknown = await readMlflowRunMetrics(run).catch((thrown: unknown) => thrown);
      expect((malformed as UserError).message).toBe(
        'run/metrics/loss:1: an MLflow metric line must be "timestamp value step" or "timestamp value"',
      );
    });
  });
});
