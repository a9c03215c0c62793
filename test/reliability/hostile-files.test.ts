/**
 * Hostile files given to every reader (metrics formats, params, run records) and to the rule
 * parser, through the real train and gate bundles: each ends with one clear, one-line error that
 * names the file (and line where there is one), without a stack trace and without hanging. A BOM,
 * and numbers beyond float range in metrics, are read rather than refused (in rules, such a number
 * is a syntax error). Property-based fuzzing of each
 * reader and the parser lives in packages/core/test (see the README's Security section); one fuzz case
 * here runs through the bundle.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRunRecord } from '@ml-actions/core';
import { runAction, type ActionRun } from '@ml-actions/testkit';
import { encodeEventFile } from '../../packages/core/test/support/tfevents-writer.ts';
import {
  GiB,
  MiB,
  bigFile,
  nestedJson,
  nestedRule,
  nestedToml,
  nestedYaml,
  withInvalidUtf8,
} from './support/hostile-content.ts';
import { expectCleanFailure, hasStackTrace, unexpectedStderr } from './support/log-checks.ts';

// Generous: a hang is what this catches, not slowness (the harness kills the step at this point).
const STEP_TIMEOUT_MS = 90_000;

const folders: string[] = [];
/** A workspace holding the huge files, hard links of one 100 MB line and of one sparse 1 GB hole. */
let big: string;
let record: string;

async function folder(prefix: string): Promise<string> {
  const made = await mkdtemp(join(tmpdir(), prefix));
  folders.push(made);
  return made;
}

async function workspaceWith(files: Record<string, string | Uint8Array>): Promise<string> {
  const workspace = await folder('hostile-');
  for (const [name, content] of Object.entries(files)) await writeFile(join(workspace, name), content);
  return workspace;
}

async function step(action: 'train' | 'gate', workspace: string, inputs: Record<string, string>): Promise<ActionRun> {
  const defaults = action === 'train' ? { upload: 'false' } : { 'check-name': '', baseline: 'none' };
  return runAction({
    action,
    workspace,
    inputs: { ...defaults, ...inputs },
    runnerTemp: await folder('hostile-temp-'),
    timeoutMs: STEP_TIMEOUT_MS,
  });
}

/** The step failed cleanly with exactly this first error. */
function expectError(run: ActionRun, message: string | RegExp, file?: string): void {
  expectCleanFailure(run);
  const error = run.annotations.find((annotation) => annotation.level === 'error');
  if (typeof message === 'string') expect(error?.message).toBe(message);
  else expect(error?.message).toMatch(message);
  if (file !== undefined) expect(error?.file).toBe(file);
}

beforeAll(async () => {
  big = await folder('hostile-big-');
  await bigFile(
    ['line.json', 'line.csv', 'line.jsonl', 'line.rules', 'line-record.json'].map((name) => join(big, name)),
    100 * MiB,
    { sparse: false },
  );
  await bigFile(
    ['huge.json', 'huge.csv', 'huge.yaml', 'huge.rules', 'huge-record.json'].map((name) => join(big, name)),
    GiB,
    { sparse: true },
  );
  // A valid record, for the rule cases and to corrupt for the record cases.
  const source = await workspaceWith({ 'metrics.json': '{"accuracy": 0.95}' });
  const train = await step('train', source, { metrics: 'metrics.json' });
  expect(train.exitCode).toBe(0);
  record = await readFile(train.outputs['record'] ?? '', 'utf8');
  await writeFile(join(big, 'record.json'), record);
});
afterAll(async () => {
  for (const made of folders) await rm(made, { recursive: true, force: true });
});

type Files = Record<string, string | Uint8Array>;

describe('metrics files, through train', () => {
  const cases: [string, Files, string, string | RegExp, string][] = [
    [
      'JSON, truncated',
      { 'metrics.json': '{"accuracy": 0.9, "loss": ' },
      'metrics.json',
      'metrics.json:1:27: invalid JSON: unexpected end of file (is it truncated?)',
      'metrics.json',
    ],
    [
      'JSON, wrong types',
      { 'metrics.json': '{"accuracy": "high", "loss": [1, "x"], "ok": true, "n": null}' },
      'metrics.json',
      'metrics path "metrics.json" has no metrics: no numeric values were found in what it names',
      '',
    ],
    [
      'JSON, nested 10,000 levels',
      { 'metrics.json': nestedJson(10_000) },
      'metrics.json',
      /^metrics\.json: nested more than 100 levels deep \(at "a\.a\.a.*"\); refusing to read it$/,
      'metrics.json',
    ],
    [
      'JSON, NUL bytes',
      { 'metrics.json': '{"accuracy": 0.9}\n\0\0' },
      'metrics.json',
      'metrics.json:2: contains a NUL byte, so it looks like a binary file, not text',
      'metrics.json',
    ],
    [
      'JSON, invalid UTF-8',
      { 'metrics.json': withInvalidUtf8('{"accuracy": 0.9}', 2) },
      'metrics.json',
      'metrics.json:1: not valid UTF-8 text (bad byte at offset 2; is this a binary file?)',
      'metrics.json',
    ],
    [
      'YAML, nested 10,000 levels',
      { 'metrics.yaml': nestedYaml(10_000) },
      'metrics.yaml',
      /^metrics\.yaml:1:\d+: invalid YAML: nested too deeply$/,
      'metrics.yaml',
    ],
    [
      'YAML, wrong types',
      { 'metrics.yaml': 'accuracy: high\nloss: [1, 2]\nwhen: 2024-01-01\n' },
      'metrics.yaml',
      'metrics path "metrics.yaml" has no metrics: no numeric values were found in what it names',
      '',
    ],
    [
      'TOML, truncated',
      { 'metrics.toml': 'accuracy = 0.9\n[eval\n' },
      'metrics.toml',
      /^metrics\.toml:2:\d+: invalid TOML: /,
      'metrics.toml',
    ],
    [
      'TOML, nested 10,000 levels',
      { 'metrics.toml': nestedToml(10_000) },
      'metrics.toml',
      /^metrics\.toml:1:\d+: invalid TOML: .*nested/,
      'metrics.toml',
    ],
    [
      'CSV, truncated in the middle of a row',
      { 'history.csv': 'step,loss,accuracy\n0,0.9,0.5\n1,0.8' },
      'history.csv',
      /^history\.csv:3: /,
      'history.csv',
    ],
    [
      'CSV, wrong types',
      { 'history.csv': 'step,loss\n0,abc\n1,def\n' },
      'history.csv',
      'metrics path "history.csv" has no metrics: no numeric values were found in what it names',
      '',
    ],
    [
      'CSV, NUL bytes',
      { 'history.csv': 'step,loss\n0,0.5\0\n' },
      'history.csv',
      'history.csv:2: contains a NUL byte, so it looks like a binary file, not text',
      'history.csv',
    ],
    [
      'JSON Lines, truncated',
      { 'history.jsonl': '{"step": 0, "loss": 0.5}\n{"step": 1, "lo' },
      'history.jsonl',
      'history.jsonl:2:13: invalid JSON: unterminated string',
      'history.jsonl',
    ],
    [
      'JSON Lines, nested 10,000 levels',
      { 'history.jsonl': `${nestedJson(10_000)}\n` },
      'history.jsonl',
      'history.jsonl:1: nested more than 100 levels deep; refusing to read it',
      'history.jsonl',
    ],
    [
      'JSON Lines, invalid UTF-8',
      { 'history.jsonl': withInvalidUtf8('{"step": 0, "loss": 0.5}\n{"step": 1, "loss": 0.4}\n', 30) },
      'history.jsonl',
      /^history\.jsonl:2: not valid UTF-8 text/,
      'history.jsonl',
    ],
    [
      'TensorBoard, truncated',
      {
        'events.out.tfevents.1.host': encodeEventFile([{ step: 0, wallTime: 1, tag: 'loss', value: 2 }]).subarray(
          0,
          20,
        ),
      },
      'events.out.tfevents.1.host',
      /^events\.out\.tfevents\.1\.host: .*(truncated|corrupt)/,
      'events.out.tfevents.1.host',
    ],
    [
      'TensorBoard, not an event file',
      { 'events.out.tfevents.2.host': Buffer.from('hello, this is text and not TFRecord framing\n') },
      'events.out.tfevents.2.host',
      /^events\.out\.tfevents\.2\.host: record at byte offset 0: .*not a TensorBoard event file$/,
      'events.out.tfevents.2.host',
    ],
  ];

  it.each(cases)('%s: one clear error', async (_name, files, metrics, message, file) => {
    const run = await step('train', await workspaceWith(files), { metrics });
    expectError(run, message, file === '' ? undefined : file);
    // The record is still written, holding what could be read (nothing here).
    expect(parseRunRecord(await readFile(run.outputs['record'] ?? '', 'utf8'), 'record').metrics).toEqual({});
  });

  it.each([
    [
      'a 100 MB single-line JSON file',
      'line.json',
      'line.json: file is 100 MiB; metrics files larger than 64 MiB are refused (is this the right file?)',
    ],
    [
      'a 100 MB single-line CSV file',
      'line.csv',
      'line.csv:1: line is longer than 67108864 bytes; is this a text file?',
    ],
    [
      'a 100 MB single-line JSON Lines file',
      'line.jsonl',
      'line.jsonl:1: line is longer than 67108864 bytes; is this a text file?',
    ],
    [
      'a 1 GB JSON file',
      'huge.json',
      'huge.json: file is 1.0 GiB; metrics files larger than 64 MiB are refused (is this the right file?)',
    ],
  ])('%s: refused by its size', async (_name, metrics, message) => {
    expectError(await step('train', big, { metrics }), message, metrics);
  });

  it('a BOM is skipped: the first key is read as written', async () => {
    const run = await step(
      'train',
      await workspaceWith({ 'metrics.json': '\uFEFF{"accuracy": 0.9}', 'history.csv': '\uFEFFstep,loss\n0,0.5\n' }),
      { metrics: 'metrics.json\nhistory.csv' },
    );
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.outputs['metrics'] ?? '')).toEqual({ accuracy: 0.9, loss: 0.5 });
  });

  it('numbers beyond float range are kept as infinity and shown, big integers as the nearest double', async () => {
    const run = await step(
      'train',
      await workspaceWith({
        'metrics.json': '{"accuracy": 1e400, "loss": -1e400, "count": 123456789012345678901234567890}',
      }),
      { metrics: 'metrics.json' },
    );
    expect(run.exitCode).toBe(0);
    const recorded = parseRunRecord(await readFile(run.outputs['record'] ?? '', 'utf8'), 'record');
    expect(recorded.metrics['accuracy']?.value).toBe(Infinity);
    expect(recorded.metrics['loss']?.value).toBe(-Infinity);
    expect(recorded.metrics['count']?.value).toBe(1.2345678901234568e29);
    expect(run.summary).toMatch(/\| accuracy \| ∞ \|/);
    expect(run.summary).toMatch(/\| loss \| -∞ \|/);
  });

  it('fuzz: arbitrary bytes as metrics.json end in success or one clear error naming the file', async () => {
    const workspace = await folder('hostile-fuzz-');
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.json().map((text) => Buffer.from(text)),
          fc.uint8Array({ minLength: 1, maxLength: 64 }).map((bytes) => Buffer.from(bytes)),
          fc.string({ unit: 'binary', maxLength: 64 }).map((text) => Buffer.from(`{"m": ${text}}`)),
        ),
        async (bytes) => {
          await writeFile(join(workspace, 'metrics.json'), bytes);
          const run = await step('train', workspace, { metrics: 'metrics.json' });
          expect(run.signal).toBeNull();
          expect(hasStackTrace(run.log)).toBe(false);
          expect(run.log).not.toContain('failed unexpectedly');
          expect(unexpectedStderr(run.stderr)).toBe('');
          if (run.exitCode === 0) return;
          expect(run.exitCode).toBe(1);
          const errors = run.annotations.filter((annotation) => annotation.level === 'error');
          expect(errors).toHaveLength(1);
          expect(errors[0]?.message).toMatch(/^metrics(\.json:| path "metrics\.json" )/);
          expect(errors[0]?.message).not.toContain('\n');
        },
      ),
      { numRuns: 6, seed: 20_241_127 },
    );
  });
});

describe('params files, through train', () => {
  const cases: [string, Files, string, string | RegExp, string][] = [
    [
      'YAML, truncated',
      { 'params.yaml': 'train:\n  lr: [0.1, 0.2\n' },
      'params.yaml',
      /^params\.yaml:\d+:\d+: invalid YAML: /,
      'params.yaml',
    ],
    [
      'YAML, wrong types (a list at the top)',
      { 'params.yaml': '- lr\n- epochs\n' },
      'params.yaml',
      'params.yaml: the top level of a params file must be an object of param names, not an array',
      'params.yaml',
    ],
    [
      'JSON, nested 10,000 levels',
      { 'params.json': nestedJson(10_000) },
      'params.json',
      /^params\.json: nested more than 100 levels deep \(at "a\.a\.a.*"\); refusing to read it$/,
      'params.json',
    ],
    [
      'TOML, NUL bytes',
      { 'params.toml': 'lr = 0.1\0\n' },
      'params.toml',
      'params.toml:1: contains a NUL byte, so it looks like a binary file, not text',
      'params.toml',
    ],
    [
      'YAML, invalid UTF-8',
      { 'params.yaml': withInvalidUtf8('lr: 0.1\nname: abc\n', 14) },
      'params.yaml',
      'params.yaml:2: not valid UTF-8 text (bad byte at offset 14; is this a binary file?)',
      'params.yaml',
    ],
  ];

  it.each(cases)('%s: one clear error', async (_name, files, params, message, file) => {
    expectError(await step('train', await workspaceWith(files), { params }), message, file);
  });

  it('a 1 GB file given as params is refused by its size at once', async () => {
    expectError(
      await step('train', big, { params: 'huge.yaml' }),
      'huge.yaml: file is 1.0 GiB; params files larger than 1.0 MiB are refused (is this the right file?)',
      'huge.yaml',
    );
  });

  it('a BOM and huge numbers are read', async () => {
    const run = await step(
      'train',
      await workspaceWith({ 'params.yaml': '\uFEFFlr: 0.01\nseed: 123456789012345678901234567890\nscale: 1e400\n' }),
      { params: 'params.yaml' },
    );
    expect(run.exitCode).toBe(0);
    const recorded = parseRunRecord(await readFile(run.outputs['record'] ?? '', 'utf8'), 'record');
    expect(recorded.params['lr']).toBe(0.01);
    expect(Object.keys(recorded.params).sort()).toEqual(['lr', 'scale', 'seed']);
  });
});

describe('rules files, through gate', () => {
  const cases: [string, Files, string | RegExp][] = [
    ['truncated', { 'gate.rules': 'accuracy >=' }, "gate.rules:1:12: expected a number or metric after '>='"],
    ['wrong types', { 'gate.rules': 'accuracy >= "high"\n' }, `gate.rules:1:13: unexpected character '"'`],
    [
      'parentheses nested 10,000 levels',
      { 'gate.rules': nestedRule(10_000) },
      'gate.rules:1:113: the expression is too complex (more than 100 levels of operators or parentheses)',
    ],
    [
      'NUL bytes',
      { 'gate.rules': 'accuracy >= 0.9\0\n' },
      'gate.rules:1: contains a NUL byte, so it looks like a binary file, not text',
    ],
    [
      'invalid UTF-8',
      { 'gate.rules': withInvalidUtf8('# bar\naccuracy >= 0.9\n', 8) },
      'gate.rules:2: not valid UTF-8 text (bad byte at offset 8; is this a binary file?)',
    ],
  ];

  it.each(cases)('%s: one clear error at the line', async (_name, files, message) => {
    const run = await step('gate', await workspaceWith({ ...files, 'record.json': record }), {
      'rules-file': 'gate.rules',
      run: 'record.json',
    });
    expectError(run, message, 'gate.rules');
  });

  it.each([
    [
      'a 100 MB single-line rules file',
      'line.rules',
      'line.rules: file is 100 MiB; rules files larger than 1.0 MiB are refused (is this the right file?)',
    ],
    [
      'a 1 GB rules file',
      'huge.rules',
      'huge.rules: file is 1.0 GiB; rules files larger than 1.0 MiB are refused (is this the right file?)',
    ],
  ])('%s: refused by its size', async (_name, rulesFile, message) => {
    expectError(await step('gate', big, { 'rules-file': rulesFile, run: 'record.json' }), message, rulesFile);
  });

  it('a BOM is skipped', async () => {
    const run = await step(
      'gate',
      await workspaceWith({ 'gate.rules': '\uFEFFaccuracy >= 0.9\n', 'record.json': record }),
      {
        'rules-file': 'gate.rules',
        run: 'record.json',
      },
    );
    expect(run.exitCode).toBe(0);
    expect(run.outputs['passed']).toBe('true');
  });

  it('a threshold number beyond float range is a syntax error at its column, not infinity', async () => {
    const run = await step('gate', await workspaceWith({ 'record.json': record }), {
      rules: 'accuracy >= 1e400',
      run: 'record.json',
    });
    expect(run.exitCode).toBe(1);
    expect(run.annotations.filter((a) => a.level === 'error')).toEqual([
      expect.objectContaining({ message: "rules:1:13: number '1e400' is too large", line: 1, column: 13 }),
    ]);
  });
});

describe('run records, through gate', () => {
  // What follows the record's path in the error.
  const cases: [string, () => string | Uint8Array, string | RegExp][] = [
    [
      'truncated',
      () => record.slice(0, 100),
      /^:\d+:\d+: not a run record: invalid JSON: unexpected end of file \(is it truncated\?\)$/,
    ],
    [
      'wrong types',
      () => record.replace('"metrics":', '"metrics": 5, "unused":'),
      ': invalid run record: $.metrics must be an object (got 5)',
    ],
    [
      'nested 10,000 levels',
      () => nestedJson(10_000),
      ': invalid run record: $.schema must be "ml-actions/run-record" (got nothing); this is not an ml-actions run record',
    ],
    ['NUL bytes', () => `${record}\0`, /^:\d+: contains a NUL byte, so it looks like a binary file, not text$/],
    [
      'invalid UTF-8',
      () => withInvalidUtf8(record, 50),
      /^:\d+: not valid UTF-8 text \(bad byte at offset 50; is this a binary file\?\)$/,
    ],
  ];

  it.each(cases)('%s: one clear error naming the record', async (_name, content, rest) => {
    const workspace = await workspaceWith({ 'record.json': content() });
    const run = await step('gate', workspace, { rules: 'accuracy >= 0.9', run: 'record.json' });
    const path = join(workspace, 'record.json');
    expectCleanFailure(run);
    const error = run.annotations.find((a) => a.level === 'error');
    expect(error?.file).toBe(path);
    expect(error?.message.startsWith(path)).toBe(true);
    const after = error?.message.slice(path.length);
    if (typeof rest === 'string') expect(after).toBe(rest);
    else expect(after).toMatch(rest);
  });

  it.each([
    ['a 100 MB single-line record', 'line-record.json', '100 MiB'],
    ['a 1 GB record', 'huge-record.json', '1.0 GiB'],
  ])('%s: refused by its size', async (_name, file, size) => {
    const run = await step('gate', big, { rules: 'accuracy >= 0.9', run: file });
    expectError(
      run,
      `${join(big, file)}: file is ${size}; run records larger than 10 MiB are refused (is this the right file?)`,
    );
  });

  it('a BOM is skipped', async () => {
    const run = await step('gate', await workspaceWith({ 'record.json': `\uFEFF${record}` }), {
      rules: 'accuracy >= 0.9',
      run: 'record.json',
    });
    expect(run.exitCode).toBe(0);
    expect(run.outputs['passed']).toBe('true');
  });
});

describe('named pipes and other files that are not regular files', () => {
  /** A workspace holding `files` and a named pipe at `pipe`, which nothing ever writes to. */
  async function withPipe(pipe: string, files: Record<string, string> = {}): Promise<string> {
    const workspace = await workspaceWith(files);
    execFileSync('mkfifo', [join(workspace, pipe)]);
    return workspace;
  }
  const refused = (name: string) => `${name}: is not a regular file (a named pipe); refused`;

  it.each([
    ['a metrics file', 'metrics.json', {}, { metrics: 'metrics.json' }],
    ['a metrics file matched by a glob', 'eval.json', { 'train.json': '{"loss": 1}' }, { metrics: '*.json' }],
    [
      'a params file',
      'params.yaml',
      { 'metrics.json': '{"a": 1}' },
      { metrics: 'metrics.json', params: 'params.yaml' },
    ],
    ['a data file', 'data.csv', { 'metrics.json': '{"a": 1}' }, { metrics: 'metrics.json', data: 'data.csv' }],
  ])('%s is refused by train at once, naming it', async (_what, pipe, files, inputs) => {
    const run = await step('train', await withPipe(pipe, files), inputs);
    expectError(run, refused(pipe), pipe);
  });

  it('a rules file is refused by gate', async () => {
    const workspace = await withPipe('gate.rules', { 'record.json': record });
    expectError(
      await step('gate', workspace, { 'rules-file': 'gate.rules', run: 'record.json' }),
      refused('gate.rules'),
    );
  });

  it('a run record is refused by gate', async () => {
    const workspace = await withPipe('record.json');
    const run = await step('gate', workspace, { rules: 'accuracy >= 0.5', run: 'record.json' });
    expectError(run, refused(join(workspace, 'record.json')));
  });

  it('a baseline file is refused by gate', async () => {
    const workspace = await withPipe('base.json', { 'record.json': record });
    const run = await step('gate', workspace, {
      rules: 'accuracy >= baseline.accuracy',
      run: 'record.json',
      baseline: 'base.json',
    });
    expectError(run, refused(join(workspace, 'base.json')));
  });

  it('a run record outside the workspace is refused, naming the input', async () => {
    const outside = await workspaceWith({ 'record.json': record });
    const workspace = await workspaceWith({});
    const run = await step('gate', workspace, { rules: 'accuracy >= 0.5', run: join(outside, 'record.json') });
    expectError(
      run,
      `input "run": ${JSON.stringify(join(outside, 'record.json'))} leads to ${join(outside, 'record.json')}, outside the workspace; only run records inside the repository, or written by train in this job, are read`,
    );
  });
});

describe('names with hidden characters', () => {
  it('two metrics that differ only in a zero-width space are flagged, and shown apart everywhere', async () => {
    const workspace = await workspaceWith({
      'metrics.json': JSON.stringify({ accuracy: 0.9, 'acc\u200buracy': 0.1, '\u202eloss': 0.3 }),
    });
    const run = await step('train', workspace, { metrics: 'metrics.json' });
    expect(run.exitCode).toBe(0);
    expect(run.annotations.filter((a) => a.level === 'warning').map((a) => a.message)).toEqual([
      '2 metric names read the same but differ in hidden characters: "accuracy", "acc<U+200B>uracy"; they are shown with those characters written out',
    ]);
    expect(run.summary).toContain('acc&lt;U+200B&gt;uracy');
    expect(run.summary).toContain('&lt;U+202E&gt;loss');
    expect(run.summary).not.toMatch(/[\u200b\u202e]/);
    expect(run.stdout).not.toMatch(/[\u200b\u202e]/);
  });
});
