import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../src/errors.ts';
import { readYamlMetrics } from '../src/metrics/yaml-metrics.ts';

const fixtures = path.join(import.meta.dirname, 'fixtures/metrics');
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'yaml-metrics-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function errorOf(name: string, content: string | Uint8Array): Promise<UserError> {
  const file = path.join(dir, name);
  await writeFile(file, content);
  const error: unknown = await readYamlMetrics(file, name).then(
    () => new Error('expected a UserError'),
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

describe('readYamlMetrics', () => {
  it('flattens nested metrics, keeping .nan and .inf and skipping text, booleans and lists', async () => {
    expect(await readYamlMetrics(path.join(fixtures, 'summary.yaml'), 'summary.yaml')).toEqual({
      accuracy: { value: 0.9125 },
      'train.loss': { value: 0.25 },
      'train.epochs': { value: 10 },
      'eval.loss': { value: NaN },
      'eval.perplexity': { value: Infinity },
      'eval.margin': { value: -Infinity },
    });
  });

  it('refuses a binary file given as YAML', async () => {
    const error = await errorOf(
      'model.yaml',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]),
    );
    expect(error.message).toBe('model.yaml:1: not valid UTF-8 text (bad byte at offset 0; is this a binary file?)');
    const nul = await errorOf('weights.yaml', Buffer.from('a: 1\nb: \u0000\u0001\u0002'));
    expect(nul.message).toBe('weights.yaml:2: contains a NUL byte, so it looks like a binary file, not text');
  });

  it('names the line and column of a syntax error', async () => {
    const error = await errorOf('bad.yaml', 'loss: 0.5\nacc: 1\n\tval: 2\n');
    expect(error.message).toBe('bad.yaml:3:1: invalid YAML: Tabs are not allowed as indentation');
    expect([error.line, error.column]).toEqual([3, 1]);
    const duplicate = await errorOf('dup.yaml', 'loss: 0.5\nloss: 0.25\n');
    expect(duplicate.message).toBe('dup.yaml:2:1: invalid YAML: Map keys must be unique');
  });

  it('refuses several documents, empty files and deep nesting', async () => {
    expect((await errorOf('multi.yaml', 'a: 1\n---\nb: 2\n')).message).toBe(
      'multi.yaml:2: contains more than one YAML document (a second "---"); metrics and params files hold one',
    );
    expect((await errorOf('empty.yaml', '')).message).toBe('empty.yaml: file is empty');
    expect((await errorOf('comments.yaml', '# nothing yet\n')).message).toBe(
      'comments.yaml: the top level of a YAML metrics file must be an object of metric names, not null',
    );
    const deep = await errorOf('deep.yaml', '['.repeat(10_000) + ']'.repeat(10_000));
    expect(deep.message).toMatch(/^deep\.yaml:1:\d+: invalid YAML: nested too deeply$/);
  });
});
