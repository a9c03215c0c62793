import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../src/errors.ts';
import { readDelimitedHistory, type DelimitedHistoryOptions } from '../src/metrics/delimited-history.ts';

const fixtures = path.join(import.meta.dirname, 'fixtures/metrics');
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'delimited-history-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function read(name: string, content: string | Uint8Array, options?: DelimitedHistoryOptions) {
  const file = path.join(dir, name);
  await writeFile(file, content);
  return readDelimitedHistory(file, name, options);
}

async function errorOf(name: string, content: string | Uint8Array): Promise<UserError> {
  const error: unknown = await read(name, content).then(
    () => new Error('expected a UserError'),
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

describe('readDelimitedHistory', () => {
  it('reads a CSV history: step column, wall times, NaN and infinities kept, empty cells skipped, text columns ignored', async () => {
    const metrics = await readDelimitedHistory(path.join(fixtures, 'history.csv'), 'history.csv');
    expect(metrics).toEqual({
      loss: {
        value: -Infinity, // step 3 is the largest step
        step: 3,
        history: {
          steps: [0, 1, 2, 3, 2],
          values: [0.9, NaN, Infinity, -Infinity, 0.125],
          wallTimes: [1700000000.5, 1700000001.5, 1700000002.5, 1700000003.5, 1700000004.5],
        },
      },
      acc: {
        value: 0.75,
        step: 3,
        history: {
          steps: [0, 1, 3, 2],
          values: [0.5, 0.625, 0.75, 0.875],
          wallTimes: [1700000000.5, 1700000001.5, 1700000003.5, 1700000004.5],
        },
      },
      lr: {
        value: 0.001,
        step: 2,
        history: { steps: [1, 2], values: [0.001, 0.001], wallTimes: [1700000001.5, 1700000002.5] },
      },
    });
  });

  it("reads a TSV history whose epoch column is its step, as Keras' CSVLogger writes it", async () => {
    const metrics = await readDelimitedHistory(path.join(fixtures, 'history.tsv'), 'history.tsv');
    expect(metrics).toEqual({
      loss: { value: 1, step: 2, history: { steps: [0, 1, 2], values: [1.5, 1.25, 1] } },
      val_loss: { value: 1.5, step: 2, history: { steps: [0, 1, 2], values: [1.75, NaN, 1.5] } },
    });
  });

  it('without a step or epoch column the row index is the step', async () => {
    const metrics = await read('plain.csv', 'loss,acc\n0.5,0.1\n0.4,0.2\n');
    expect(metrics['loss']).toEqual({ value: 0.4, step: 1, history: { steps: [0, 1], values: [0.5, 0.4] } });
    expect(Object.keys(metrics)).toEqual(['loss', 'acc']);
  });

  it("an epoch beside a step column is a coordinate, not a metric, as in Lightning's metrics.csv", async () => {
    const metrics = await read('metrics.csv', 'epoch,step,train_loss,val_loss\n0,9,0.5,\n0,9,,0.7\n1,19,0.25,\n');
    expect(metrics).toEqual({
      train_loss: { value: 0.25, step: 19, history: { steps: [9, 19], values: [0.5, 0.25] } },
      val_loss: { value: 0.7, step: 9, history: { steps: [9], values: [0.7] } },
    });
  });

  it('on equal largest steps the later row gives the final value', async () => {
    const metrics = await read('repeat.csv', 'step,loss\n0,1\n5,0.5\n5,0.25\n4,0.1\n');
    expect(metrics['loss']).toMatchObject({ value: 0.25, step: 5 });
  });

  it('handles quotes, CRLF line endings, a BOM, millisecond timestamps and date wall times', async () => {
    const csv = '\ufeff"step","train, loss","note"\r\n0,"1.5","a ""quoted"" note"\r\n1,0.5,"two\nlines"\r\n';
    expect(await read('quoted.csv', csv)).toEqual({
      'train, loss': { value: 0.5, step: 1, history: { steps: [0, 1], values: [1.5, 0.5] } },
    });
    const times = await read('times.csv', 'Step,Wall time,Value\n0,1700000000000,1\n1,1700000001500,2\n');
    expect(times['Value']?.history?.wallTimes).toEqual([1700000000, 1700000001.5]);
    const dates = await read('dates.csv', 'time,loss\n2024-05-01T00:00:00Z,1\n2024-05-01T00:00:02Z,0.5\n');
    expect(dates['loss']?.history).toEqual({ steps: [0, 1], values: [1, 0.5], wallTimes: [1714521600, 1714521602] });
  });

  it('prefixes names with keyPrefix (DVCLive sub-folders)', async () => {
    const metrics = await read('loss.tsv', 'timestamp\tstep\tloss\n1700000000000\t0\t0.5\n', {
      delimiter: '\t',
      keyPrefix: 'train.',
    });
    expect(metrics).toEqual({
      'train.loss': { value: 0.5, step: 0, history: { steps: [0], values: [0.5], wallTimes: [1700000000] } },
    });
  });

  it('refuses a ragged row, naming the line', async () => {
    const error = await errorOf('ragged.csv', 'step,loss,acc\n0,1,0.5\n1,0.5\n');
    expect(error.message).toBe('ragged.csv:3: row has 2 fields but the header has 3');
    expect([error.file, error.line]).toEqual(['ragged.csv', 3]);
  });

  it('refuses a non-numeric value in a metric column, and text turning into numbers', async () => {
    expect((await errorOf('text.csv', 'step,loss\n0,0.5\n1,abc\n')).message).toBe(
      'text.csv:3: "abc" in metric column "loss" is not a number',
    );
    expect((await errorOf('mixed.csv', 'step,loss\n0,n/a\n1,0.5\n')).message).toBe(
      'mixed.csv:3: column "loss" holds text on line 2 but a number here; a metric column must hold only numbers',
    );
    expect((await errorOf('step.csv', 'step,loss\n0,0.5\nx,0.25\n')).message).toBe(
      'step.csv:3: step "x" is not a finite number',
    );
    expect((await errorOf('nostep.csv', 'step,loss\n,0.5\n')).message).toBe('nostep.csv:2: empty step');
  });

  it('refuses empty files, header-only files, unclosed quotes, NUL bytes and invalid UTF-8', async () => {
    expect((await errorOf('empty.csv', '')).message).toBe('empty.csv: file is empty');
    expect((await errorOf('blank.csv', '\n\n')).message).toBe('blank.csv: file is empty (only whitespace)');
    expect((await errorOf('header.csv', 'step,loss\n')).message).toBe('header.csv: has a header but no data rows');
    expect((await errorOf('quote.csv', 'step,loss\n0,"0.5\n')).message).toBe(
      'quote.csv:2: a quoted field is never closed (missing ")',
    );
    expect((await errorOf('nul.csv', 'step,loss\n0,0.5\n1,\u0000\n')).message).toBe(
      'nul.csv:3: contains a NUL byte, so it looks like a binary file, not text',
    );
    const invalid = await errorOf(
      'bad.csv',
      Buffer.concat([Buffer.from('step,loss\n0,0.5\n1,'), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]),
    );
    expect(invalid.message).toBe('bad.csv:3: not valid UTF-8 text (is this a binary file?)');
  });

  it('reads a history larger than one read chunk exactly, with line numbers right past the chunk boundary', async () => {
    const rows = 150_000; // about 2.5 MiB: several 1 MiB chunks
    let text = 'step,loss,acc\n';
    for (let i = 0; i < rows; i++) text += `${i},${(i * 0.001).toFixed(3)},${1 / (i + 1)}\n`;
    const metrics = await read('large.csv', text);
    expect(metrics['loss']?.history?.steps.length).toBe(rows);
    expect(metrics['acc']?.history?.values[12_345]).toBe(1 / 12_346);
    expect(metrics['loss']).toMatchObject({ value: 149.999, step: rows - 1 });
    const broken = await errorOf('large-broken.csv', `${text}${rows},oops,1\n`);
    expect(broken.message).toBe(`large-broken.csv:${rows + 2}: "oops" in metric column "loss" is not a number`);
  });
});
