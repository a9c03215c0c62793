import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../src/errors.ts';
import { readTomlMetrics } from '../src/metrics/toml-metrics.ts';

const fixtures = path.join(import.meta.dirname, 'fixtures/metrics');
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'toml-metrics-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readTomlMetrics', () => {
  it('flattens tables, keeping nan and inf and skipping dates, text and arrays', async () => {
    expect(await readTomlMetrics(path.join(fixtures, 'summary.toml'), 'summary.toml')).toEqual({
      accuracy: { value: 0.9125 },
      'train.loss': { value: 0.25 },
      'train.epochs': { value: 10 },
      'eval.loss': { value: NaN },
      'eval.perplexity': { value: Infinity },
    });
  });

  it('names the line and column of a syntax error, on one line', async () => {
    const file = path.join(dir, 'bad.toml');
    await writeFile(file, 'loss = 0.5\nacc = \n');
    const error: unknown = await readTomlMetrics(file, 'bad.toml').catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toBe('bad.toml:2:7: invalid TOML: invalid value');
    expect((error as UserError).line).toBe(2);
  });
});
