import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../src/errors.ts';
import { readJsonlHistory } from '../src/metrics/jsonl-history.ts';

const fixtures = path.join(import.meta.dirname, 'fixtures/metrics');
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'jsonl-history-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function read(name: string, content: string | Uint8Array) {
  const file = path.join(dir, name);
  await writeFile(file, content);
  return readJsonlHistory(file, name);
}

async function errorOf(name: string, content: string | Uint8Array): Promise<UserError> {
  const error: unknown = await read(name, content).then(
    () => new Error('expected a UserError'),
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

describe('readJsonlHistory', () => {
  it("reads steps, wall times, nested keys and Python's NaN/Infinity; skips text, booleans and blank lines", async () => {
    expect(await readJsonlHistory(path.join(fixtures, 'history.jsonl'), 'history.jsonl')).toEqual({
      loss: {
        value: 0.5,
        step: 10,
        history: { steps: [0, 5, 10], values: [1, NaN, 0.5], wallTimes: [1700000000.25, 1700000005.25, 1700000010.25] },
      },
      'eval.acc': {
        value: Infinity,
        step: 10,
        history: {
          steps: [0, 5, 10],
          values: [0.5, 0.75, Infinity],
          wallTimes: [1700000000.25, 1700000005.25, 1700000010.25],
        },
      },
    });
  });

  it('uses the record index when there is no step, and reads "NaN" strings as NaN', async () => {
    const metrics = await read(
      'nostep.jsonl',
      '{"loss": 2}\n{"loss": "NaN"}\n{"loss": 1, "timestamp": 1700000000000}\n',
    );
    expect(metrics).toEqual({
      loss: {
        value: 1,
        step: 2,
        history: { steps: [0, 1, 2], values: [2, NaN, 1], wallTimes: [NaN, NaN, 1700000000] },
      },
    });
  });

  it('takes the epoch as the step where a line has no step, and never as a metric', async () => {
    const metrics = await read(
      'epochs.jsonl',
      '{"epoch": 1, "loss": 0.5}\n{"epoch": 2, "loss": 0.25}\n{"step": 7, "epoch": 2, "loss": 0.2}\n',
    );
    expect(metrics).toEqual({ loss: { value: 0.2, step: 7, history: { steps: [1, 2, 7], values: [0.5, 0.25, 0.2] } } });
  });

  it('refuses a truncated line, naming its line and column', async () => {
    const error = await errorOf('cut.jsonl', '{"step": 0, "loss": 1}\n{"step": 1, "loss": 0.5}\n{"step": 2, "lo');
    expect(error.message).toBe('cut.jsonl:3:13: invalid JSON: unterminated string');
    expect([error.file, error.line, error.column]).toEqual(['cut.jsonl', 3, 13]);
  });

  it('refuses a non-numeric metric value, text turning into numbers, lines that are not objects and bad steps', async () => {
    expect((await errorOf('text.jsonl', '{"step": 0, "loss": 1}\n{"step": 1, "loss": "high"}\n')).message).toBe(
      'text.jsonl:2: "loss" is the string "high", not a number',
    );
    expect((await errorOf('mixed.jsonl', '{"loss": "n/a"}\n{"loss": 0.5}\n')).message).toBe(
      'mixed.jsonl:2: "loss" holds text on line 1 but a number here; a metric must hold only numbers',
    );
    expect((await errorOf('array.jsonl', '{"loss": 1}\n[1, 2]\n')).message).toBe(
      'array.jsonl:2: each line of a JSON Lines file must be a JSON object, this one is an array',
    );
    expect((await errorOf('step.jsonl', '{"step": "1", "loss": 1}\n')).message).toBe(
      'step.jsonl:1: "step" is the string "1"; it must be a finite number',
    );
  });

  it('refuses empty files, deep nesting, NUL bytes and invalid UTF-8; accepts a BOM', async () => {
    expect((await errorOf('empty.jsonl', '')).message).toBe('empty.jsonl: file is empty');
    expect((await errorOf('blank.jsonl', '\n  \n')).message).toBe('blank.jsonl: file is empty (only whitespace)');
    const deep = `{"loss": 1}\n${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}\n`;
    expect((await errorOf('deep.jsonl', deep)).message).toBe(
      'deep.jsonl:2: nested more than 100 levels deep; refusing to read it',
    );
    expect((await errorOf('nul.jsonl', '{"loss": 1}\n{"loss"\u0000: 1}\n')).message).toBe(
      'nul.jsonl:2: contains a NUL byte, so it looks like a binary file, not text',
    );
    const invalid = await errorOf(
      'bad.jsonl',
      Buffer.concat([Buffer.from('{"loss": 1}\n{"n": "'), Buffer.from([0xff]), Buffer.from('"}\n')]),
    );
    expect(invalid.message).toBe('bad.jsonl:2: not valid UTF-8 text (is this a binary file?)');
    expect(await read('bom.jsonl', '\ufeff{"loss": 1}\n')).toEqual({
      loss: { value: 1, step: 0, history: { steps: [0], values: [1] } },
    });
  });
});
