import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { UserError } from '@ml-actions/core';
import { ActionInputs } from '@ml-actions/github';
import { readCompareSettings } from '../actions/compare/src/settings.ts';

/** compare's settings from `inputs`, the others at their action.yml defaults, as the runner gives them. */
async function settings(inputs: Record<string, string>) {
  const metadata = parseYaml(await readFile(join(import.meta.dirname, '../actions/compare/action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
  };
  const values: Record<string, string> = {};
  for (const [name, input] of Object.entries(metadata.inputs)) values[name] = input.default ?? '';
  Object.assign(values, inputs, { 'github-token': '' });
  return readCompareSettings(new ActionInputs({ input: (name) => values[name] ?? '', setSecret: () => undefined }));
}

describe('compare’s noise and metric inputs', () => {
  it('default to every metric, no declared direction, no rank-by and alpha 0.05', async () => {
    expect(await settings({})).toMatchObject({
      metrics: [],
      higherIsBetter: [],
      lowerIsBetter: [],
      rankBy: undefined,
      alpha: 0.05,
    });
  });

  it('read name lists separated by commas or lines', async () => {
    const read = await settings({
      metrics: 'accuracy, loss,\n!val_*\n# a comment\n',
      'higher-is-better': 'f1,recall',
      'lower-is-better': '*_ms',
      'rank-by': 'f1',
      alpha: '0.01',
    });
    expect(read).toMatchObject({
      metrics: ['accuracy', 'loss', '!val_*'],
      higherIsBetter: ['f1', 'recall'],
      lowerIsBetter: ['*_ms'],
      rankBy: 'f1',
      alpha: 0.01,
    });
    await expect(settings({ metrics: 'accuracy, !' })).rejects.toThrow('input "metrics" has a "!" with no metric name');
  });

  it('refuse an alpha outside (0, 1), naming the input', async () => {
    for (const alpha of ['0', '1', '1.5', '-0.05', 'five percent', '5%', '0.05.1', '']) {
      const failure = settings({ alpha });
      await expect(failure).rejects.toThrow(UserError);
      await expect(failure).rejects.toThrow('input "alpha"');
    }
    expect((await settings({ alpha: '.1' })).alpha).toBe(0.1);
    expect((await settings({ alpha: '0.999' })).alpha).toBe(0.999);
  });
});
