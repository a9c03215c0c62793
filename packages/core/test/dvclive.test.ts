import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveWorkspacePath } from '../src/files/workspace-path.ts';
import { dvcliveKeyPrefix, isDvcliveFolder, readDvcliveFolder } from '../src/metrics/dvclive.ts';
import { readMetricsFile } from '../src/metrics/read-metrics-file.ts';

const workspace = path.join(import.meta.dirname, 'fixtures/metrics');
const options = { workspace, cwd: workspace };

describe('DVCLive', () => {
  it('names metrics after their path under plots/metrics/', () => {
    expect(dvcliveKeyPrefix('dvclive/plots/metrics/train/loss.tsv')).toBe('train.');
    expect(dvcliveKeyPrefix('plots/metrics/acc.tsv')).toBe('');
    expect(dvcliveKeyPrefix('out/plots/metrics/a/b/c.tsv')).toBe('a.b.');
    expect(dvcliveKeyPrefix('results/history.tsv')).toBeUndefined();
  });

  it('reads one plots/metrics TSV with its nested name', async () => {
    const file = await resolveWorkspacePath('dvclive/plots/metrics/train/loss.tsv', options);
    expect(await readMetricsFile(file.absolute, file.relative)).toEqual({
      'train.loss': {
        value: 0.5,
        step: 2,
        history: { steps: [0, 1, 2], values: [1.5, 1, 0.5], wallTimes: [1700000000, 1700000001, 1700000002] },
      },
    });
  });

  it('reads a DVCLive folder: histories win over metrics.json, whose "step" is not a metric', async () => {
    const folder = await resolveWorkspacePath('dvclive', options);
    expect(await isDvcliveFolder(folder)).toBe(true);
    expect(await isDvcliveFolder(await resolveWorkspacePath('mlruns', options))).toBe(false);
    const { metrics, sources } = await readDvcliveFolder(folder);
    expect(Object.fromEntries(metrics)).toEqual({
      'train.loss': {
        value: 0.5,
        step: 2,
        history: { steps: [0, 1, 2], values: [1.5, 1, 0.5], wallTimes: [1700000000, 1700000001, 1700000002] },
      },
      'eval.loss': {
        value: 0.75,
        step: 2,
        history: { steps: [0, 2], values: [1.25, 0.75], wallTimes: [1700000000.5, 1700000002.5] },
      },
      acc: {
        value: 0.875,
        step: 2,
        history: { steps: [0, 1, 2], values: [0.5, 0.75, 0.875], wallTimes: [1700000000, 1700000001, 1700000002] },
      },
      test_acc: { value: 0.8125 },
    });
    expect(sources).toEqual([
      'dvclive/metrics.json',
      'dvclive/plots/metrics/acc.tsv',
      'dvclive/plots/metrics/eval/loss.tsv',
      'dvclive/plots/metrics/train/loss.tsv',
    ]);
  });
});
