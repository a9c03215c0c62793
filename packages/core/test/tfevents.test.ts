import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../src/errors.ts';
import { resolveWorkspacePath } from '../src/files/workspace-path.ts';
import { crc32c, maskedCrc32c } from '../src/metrics/crc32c.ts';
import { readMetricsFolder } from '../src/metrics/metrics-folder.ts';
import { readTfevents } from '../src/metrics/tfevents.ts';
import {
  crc32cBitwise,
  encodeEventFile,
  encodeScalarEvent,
  frameRecord,
  type ScalarEvent,
} from './support/tfevents-writer.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'tfevents-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function write(name: string, bytes: Uint8Array): Promise<string> {
  const file = path.join(dir, name);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, bytes);
  return file;
}

async function errorOf(name: string, bytes: Uint8Array): Promise<UserError> {
  const file = await write(name, bytes);
  const error: unknown = await readTfevents(file, name).then(
    () => new Error('expected a UserError'),
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

const events: ScalarEvent[] = [
  { step: 0, wallTime: 1700000000.25, tag: 'train/loss', value: 0.75 },
  { step: 0, wallTime: 1700000000.5, tag: 'eval/acc', value: 0.123456789012345, encoding: 'double-tensor' },
  { step: 1, wallTime: 1700000001.25, tag: 'train/loss', value: 0.1 },
  { step: 2, wallTime: 1700000002.25, tag: 'train/loss', value: NaN },
  { step: 1, wallTime: 1700000002.5, tag: 'eval/acc', value: -Infinity, encoding: 'double-tensor' },
  { step: 2, wallTime: 1700000003.25, tag: 'lr', value: 0.5, encoding: 'float-tensor-content' },
  { step: 3_000_000_000, wallTime: 1700000004.25, tag: 'train/loss', value: 0.0625 },
];

describe('crc32c', () => {
  it('matches the standard check value and the independent bitwise implementation', () => {
    const check = new TextEncoder().encode('123456789');
    expect(crc32c(check)).toBe(0xe3069283);
    expect(crc32cBitwise(check)).toBe(0xe3069283);
    const bytes = Uint8Array.from({ length: 1000 }, (_, i) => (i * 7919) % 256);
    for (const [start, end] of [
      [0, 1000],
      [3, 997],
      [5, 12],
      [0, 0],
    ] as const) {
      expect(crc32c(bytes, start, end)).toBe(crc32cBitwise(bytes.subarray(start, end)));
    }
    expect(maskedCrc32c(check)).toBe(((((0xe3069283 >>> 15) | (0xe3069283 << 17)) >>> 0) + 0xa282ead8) >>> 0);
  });
});

describe('readTfevents', () => {
  it('reads simple_value and float/double scalar tensors back exactly, with steps and wall times', async () => {
    const file = await write('run/events.out.tfevents.1700000000.host', encodeEventFile(events));
    expect(await readTfevents(file, 'run/events.out.tfevents.1700000000.host')).toEqual({
      'train/loss': {
        value: 0.0625,
        step: 3_000_000_000,
        history: {
          steps: [0, 1, 2, 3_000_000_000],
          values: [0.75, Math.fround(0.1), NaN, 0.0625], // simple_value is a float32
          wallTimes: [1700000000.25, 1700000001.25, 1700000002.25, 1700000004.25],
        },
      },
      'eval/acc': {
        value: -Infinity,
        step: 1,
        history: { steps: [0, 1], values: [0.123456789012345, -Infinity], wallTimes: [1700000000.5, 1700000002.5] },
      },
      lr: { value: 0.5, step: 2, history: { steps: [2], values: [0.5], wallTimes: [1700000003.25] } },
    });
  });

  it('refuses a record whose data CRC is wrong, naming its byte offset', async () => {
    const bytes = encodeEventFile(events);
    // The third record (after the file-version record and the first scalar) gets a flipped data byte.
    const first = frameRecord(encodeScalarEvent(events[0]!)).length;
    const versionRecord =
      bytes.length - events.reduce((sum, event) => sum + frameRecord(encodeScalarEvent(event)).length, 0);
    const offset = versionRecord + first;
    const corrupt = Uint8Array.from(bytes);
    corrupt[offset + 12 + 3]! ^= 0xff;
    const error = await errorOf('events.out.tfevents.bad-data', corrupt);
    expect(error.message).toBe(
      `events.out.tfevents.bad-data: record at byte offset ${offset}: data CRC mismatch; the event file is corrupt or not a TensorBoard event file`,
    );
    expect(error.file).toBe('events.out.tfevents.bad-data');
  });

  it('refuses a record whose length CRC is wrong', async () => {
    const bytes = encodeEventFile(events);
    const badLength = Uint8Array.from(bytes);
    badLength[8]! ^= 0x01;
    expect((await errorOf('events.out.tfevents.bad-length', badLength)).message).toBe(
      'events.out.tfevents.bad-length: record at byte offset 0: length CRC mismatch; the event file is corrupt or not a TensorBoard event file',
    );
  });

  it('reads a file cut inside its last record up to that record, with a warning naming the offset', async () => {
    const bytes = encodeEventFile(events);
    const lastRecord = frameRecord(encodeScalarEvent(events[events.length - 1]!)).length;
    const lastOffset = bytes.length - lastRecord;
    const whole = await readTfevents(await write('events.out.tfevents.whole', bytes), 'whole');
    for (const [name, cut] of [
      ['data', 5],
      ['header', lastRecord - 4],
    ] as const) {
      const warnings: UserError[] = [];
      const file = await write(`events.out.tfevents.cut-${name}`, bytes.subarray(0, bytes.length - cut));
      const metrics = await readTfevents(file, `cut-${name}`, warnings);
      expect(warnings.map((warning) => warning.message)).toEqual([
        `cut-${name}: ends inside the record at byte offset ${lastOffset} (${lastRecord - cut} of its bytes are there): the writer had not finished it; the records before it were read`,
      ]);
      expect(warnings[0]?.file).toBe(`cut-${name}`);
      // The last event was train/loss at step 3e9; the rest is as in the whole file.
      expect(metrics['train/loss']?.history?.steps).toEqual([0, 1, 2]);
      expect(metrics['eval/acc']).toEqual(whole['eval/acc']);
      expect(metrics['lr']).toEqual(whole['lr']);
    }
    // A first record that is cut is no event file at all.
    const first = await errorOf('events.out.tfevents.first', bytes.subarray(0, 20));
    expect(first.message).toMatch(/record at byte offset 0: truncated record/);
  });

  it('refuses an empty file and text that is not an event file', async () => {
    expect((await errorOf('events.out.tfevents.empty', new Uint8Array())).message).toBe(
      'events.out.tfevents.empty: file is empty',
    );
    expect((await errorOf('events.out.tfevents.text', new TextEncoder().encode('{"loss": 0.5}\n'))).message).toBe(
      'events.out.tfevents.text: record at byte offset 0: length CRC mismatch; the event file is corrupt or not a TensorBoard event file',
    );
  });

  it('reads a record larger than the read buffer', async () => {
    const tag = 'x'.repeat(1_500_000);
    const file = await write('events.out.tfevents.big', encodeEventFile([{ step: 4, wallTime: 1, tag, value: 2 }]));
    const metrics = await readTfevents(file, 'events.out.tfevents.big');
    expect(metrics[tag]).toEqual({ value: 2, step: 4, history: { steps: [4], values: [2], wallTimes: [1] } });
  });

  it('reads a TensorBoard log folder: sub-folders prefix tags, several files of one folder extend one series', async () => {
    const workspace = await mkdtemp(path.join(dir, 'ws-'));
    const logs = path.join(workspace, 'logs');
    await mkdir(path.join(logs, 'train'), { recursive: true });
    await mkdir(path.join(logs, 'validation'), { recursive: true });
    await writeFile(
      path.join(logs, 'train/events.out.tfevents.1.a'),
      encodeEventFile([{ step: 0, wallTime: 10, tag: 'epoch_loss', value: 1 }]),
    );
    await writeFile(
      path.join(logs, 'train/events.out.tfevents.2.a'),
      encodeEventFile([{ step: 1, wallTime: 20, tag: 'epoch_loss', value: 0.5 }]),
    );
    await writeFile(
      path.join(logs, 'validation/events.out.tfevents.1.a'),
      encodeEventFile([{ step: 0, wallTime: 11, tag: 'epoch_loss', value: 2 }]),
    );
    // Not searched: dot-folders and node_modules.
    for (const hidden of ['.cache', 'node_modules']) {
      await mkdir(path.join(logs, hidden), { recursive: true });
      await writeFile(
        path.join(logs, hidden, 'events.out.tfevents.9.a'),
        encodeEventFile([{ step: 0, wallTime: 1, tag: 'x', value: 1 }]),
      );
    }
    const folder = await resolveWorkspacePath('logs', { workspace, cwd: workspace });
    const result = await readMetricsFolder(folder);
    expect(Object.fromEntries(result.metrics)).toEqual({
      'train/epoch_loss': { value: 0.5, step: 1, history: { steps: [0, 1], values: [1, 0.5], wallTimes: [10, 20] } },
      'validation/epoch_loss': { value: 2, step: 0, history: { steps: [0], values: [2], wallTimes: [11] } },
    });
    expect(result.sources).toEqual([
      'logs/train/events.out.tfevents.1.a',
      'logs/train/events.out.tfevents.2.a',
      'logs/validation/events.out.tfevents.1.a',
    ]);
  });
});
