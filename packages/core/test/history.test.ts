import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../src/errors.ts';
import type { GateResult } from '../src/gate/gate-result.ts';
import {
  appendToHistory,
  historyEntries,
  historyFilePath,
  parseHistoryText,
  serializeHistoryEntry,
  type HistoryEntry,
  type HistoryExtras,
} from '../src/history/index.ts';
import { summarizeSample } from '../src/statistics/index.ts';
import { record } from './report-records.ts';

const SHA = 'a'.repeat(40);
const extras: HistoryExtras = {
  date: '2026-12-03T08:00:00Z',
  context: {
    serverUrl: 'https://github.com',
    repository: 'octo/ml',
    sha: SHA,
    branch: 'main',
    workflowRunId: 77,
    runAttempt: 2,
  },
};

/** Three seeds of `train`, one run of `probe`. */
function runs() {
  return [
    record({ accuracy: 0.8, loss: 0.5 }, { experiment: 'train', params: { lr: 0.1, seed: 1, model: 'mlp' } }),
    record({ accuracy: 0.9, loss: NaN }, { experiment: 'probe', params: { lr: 0.2 } }),
    record({ accuracy: 0.82, loss: 0.45 }, { experiment: 'train', params: { lr: 0.1, seed: 2, model: 'mlp' } }),
    record({ accuracy: 0.86 }, { experiment: 'train', params: { lr: 0.1, seed: 3 } }),
  ];
}

function entry(workflowRunId: number, overrides: Partial<HistoryEntry> = {}): HistoryEntry {
  const [made] = historyEntries([record({ accuracy: workflowRunId / 1e6 }, { experiment: 'train' })], {
    ...extras,
    context: { ...extras.context, workflowRunId },
  });
  return { ...made!, ...overrides };
}

describe('historyEntries', () => {
  it('makes one entry per experiment, summarising the final values over the replicates', () => {
    const entries = historyEntries(runs(), extras);
    expect(entries.map((e) => e.experiment)).toEqual(['train', 'probe']);
    const train = entries[0]!;
    const summary = summarizeSample([0.8, 0.82, 0.86]);
    expect(train.metrics['accuracy']).toEqual({ ...summary, std: summary.std });
    // loss: two of the three replicates recorded it.
    expect(train.metrics['loss']?.n).toBe(2);
    expect(train.metrics['loss']?.mean).toBeCloseTo(0.475, 12);
    const probe = entries[1]!;
    expect(probe.metrics['accuracy']).toEqual({ mean: 0.9, std: null, n: 1, min: 0.9, max: 0.9 });
    expect(probe.metrics['loss']?.mean).toBeNaN();
  });

  it('keeps the params every replicate shares and drops the seed and params some lack', () => {
    const [train] = historyEntries(runs(), extras);
    expect(train!.params).toEqual({ lr: 0.1 });
  });

  it('builds links from the given context, not from the records', () => {
    const claimed = runs().map((r) => ({ ...r, provenance: { ...r.provenance, serverUrl: 'https://evil.example' } }));
    const [train] = historyEntries(claimed, { ...extras, context: { ...extras.context, pullRequest: 12 } });
    expect(train!.runUrl).toBe('https://github.com/octo/ml/actions/runs/77/attempts/2');
    expect(train!.commitUrl).toBe(`https://github.com/octo/ml/commit/${SHA}`);
    expect(train!.commit).toBe(SHA);
    expect(train!.pullRequest).toBe(12);
    expect(train!.gate).toBeNull();
    expect(train!.packageVersion).toBeNull();
  });

  it("takes each experiment's gate rules, passed unless one of them failed", () => {
    const gate: GateResult = {
      passed: false,
      results: [
        {
          rule: 'accuracy >= 0.8',
          experiment: 'train',
          line: 1,
          metric: 'accuracy',
          verdict: 'pass',
          threshold: 0.8,
          message: '',
        },
        {
          rule: 'accuracy >= 0.95',
          experiment: 'probe',
          line: 1,
          metric: 'accuracy',
          verdict: 'fail',
          threshold: 0.95,
          message: '',
        },
        { rule: 'loss < baseline', experiment: 'train', line: 2, metric: 'loss', verdict: 'skipped', message: '' },
      ],
    };
    const [train, probe] = historyEntries(runs(), { ...extras, gate, packageVersion: '1.2.0' });
    expect(train!.gate).toEqual({
      passed: true,
      rules: [
        { rule: 'accuracy >= 0.8', metric: 'accuracy', verdict: 'pass', threshold: 0.8 },
        { rule: 'loss < baseline', metric: 'loss', verdict: 'skipped', threshold: null },
      ],
    });
    expect(probe!.gate).toEqual({
      passed: false,
      rules: [{ rule: 'accuracy >= 0.95', metric: 'accuracy', verdict: 'fail', threshold: 0.95 }],
    });
    expect(train!.packageVersion).toBe('1.2.0');
  });
});

describe('history lines', () => {
  it('round-trips an entry through one line, NaN and infinities included', () => {
    const made = entry(5, {
      metrics: { loss: { mean: NaN, std: Infinity, n: 2, min: -Infinity, max: NaN } },
      params: JSON.parse('{"__proto__": "odd", "lr": 0.1}') as Record<string, number | string>,
    });
    const line = serializeHistoryEntry(made);
    expect(line).not.toContain('\n');
    const [back] = parseHistoryText(`\n${line}\n\n`, 'experiments/train.jsonl');
    expect(back).toEqual(made);
    expect(back!.metrics['loss']!.std).toBe(Infinity);
    expect(Object.getPrototypeOf(back!.params)).toBe(Object.prototype);
    expect(Object.keys(back!.params)).toEqual(['__proto__', 'lr']);
  });

  it('names the file and line of a malformed line', () => {
    const good = serializeHistoryEntry(entry(1));
    const text = `${good}\n${good}\n{"schema": "ml-actions/history-entry",\n`;
    expect(() => parseHistoryText(text, 'experiments/train.jsonl')).toThrow(
      /^experiments\/train\.jsonl:3:\d+: not a history entry: invalid JSON/,
    );
    try {
      parseHistoryText(text, 'experiments/train.jsonl');
    } catch (error) {
      expect(error).toBeInstanceOf(UserError);
      expect((error as UserError).line).toBe(3);
    }
  });

  it('names the field that is wrong, another schema, and a newer version', () => {
    const file = 'experiments/train.jsonl';
    const good = JSON.parse(serializeHistoryEntry(entry(1))) as Record<string, unknown>;
    const line = (change: Record<string, unknown>) => JSON.stringify({ ...good, ...change });
    expect(() => parseHistoryText(`${line({})}\n${line({ runAttempt: 0 })}`, file)).toThrow(
      'experiments/train.jsonl:2: invalid history entry: $.runAttempt must be at least 1',
    );
    expect(() => parseHistoryText(line({ schema: 'ml-actions/run-record' }), file)).toThrow(
      /experiments\/train\.jsonl:1: .*\$\.schema must be "ml-actions\/history-entry".*not a history entry/,
    );
    expect(() => parseHistoryText(line({ version: 2 }), file)).toThrow(/:1: .*\$\.version is 2, newer than/);
    expect(() =>
      parseHistoryText(line({ metrics: { loss: { mean: 'x', std: null, n: 1, min: 0, max: 0 } } }), file),
    ).toThrow(/\$\.metrics\.loss\.mean must be a number/);
    expect(() =>
      parseHistoryText(
        line({ gate: { passed: true, rules: [{ rule: 'a', verdict: 'pass', threshold: null }] } }),
        file,
      ),
    ).toThrow(/\$\.gate\.rules\[0\]\.metric is missing/);
    expect(() => parseHistoryText(line({ commit: 'abc' }), file)).toThrow(/\$\.commit must be a commit sha/);
  });
});

describe('history files', () => {
  it('puts any experiment name in a safe, distinct file', () => {
    expect(historyFilePath('train')).toBe('experiments/train.jsonl');
    const odd = historyFilePath('../Train set/é');
    expect(odd).toMatch(/^experiments\/[A-Za-z0-9._-]+\.jsonl$/);
    expect(odd).not.toBe(historyFilePath('../train set/é'));
  });

  it('appends, skips a re-run already in the file, and keeps the newest entries', () => {
    const first = appendToHistory(undefined, [entry(1), entry(2)], { keep: 3 });
    expect(parseHistoryText(first.current, 'f').map((e) => e.workflowRunId)).toEqual([1, 2]);
    expect(first.archive).toEqual([]);
    const again = appendToHistory(first.current, [entry(2), entry(3)], { keep: 3 });
    expect(again.appended.map((e) => e.workflowRunId)).toEqual([3]);
    expect(parseHistoryText(again.current, 'f').map((e) => e.workflowRunId)).toEqual([1, 2, 3]);
    // A later attempt of run 3 (a re-run) replaces its entry where it stands; an earlier one is skipped.
    const attempt = appendToHistory(again.current, [{ ...entry(3), runAttempt: 3 }], { keep: 3 });
    expect(attempt.appended).toHaveLength(1);
    expect(parseHistoryText(attempt.current, 'f').map((e) => [e.workflowRunId, e.runAttempt])).toEqual([
      [1, 2],
      [2, 2],
      [3, 3],
    ]);
    expect(appendToHistory(attempt.current, [entry(3)], { keep: 3 }).appended).toEqual([]);
    // Past keep, the oldest roll over (a tenth of 3 rounds down to none: back to 3).
    const past = appendToHistory(attempt.current, [entry(4)], { keep: 3 });
    expect(parseHistoryText(past.current, 'f').map((e) => e.workflowRunId)).toEqual([2, 3, 4]);
    expect(past.archive).toEqual([{ path: 'archive/2026/train.jsonl', lines: `${serializeHistoryEntry(entry(1))}\n` }]);
    // With keep 20, the 21st entry rolls two over: 18 remain, and the next two appends write no archive.
    let text: string | undefined;
    for (let run = 1; run <= 21; run++) text = appendToHistory(text, [entry(run)], { keep: 20 }).current;
    expect(parseHistoryText(text!, 'f')).toHaveLength(18);
    const next = appendToHistory(text, [entry(22)], { keep: 20 });
    expect(next.archive).toEqual([]);
  });

  it('rolls older entries into the archive of their year, oldest first, and keeps lines as written', () => {
    const old = [
      entry(1, { date: '2024-12-31T23:30:00-02:00' }), // 2025 in UTC
      entry(2, { date: '2025-06-01T00:00:00Z' }),
      entry(3, { date: '2026-01-01T00:00:00Z' }),
    ];
    const written = old.map((e) => JSON.stringify({ ...JSON.parse(serializeHistoryEntry(e)), extra: 1 })).join('\n');
    const result = appendToHistory(written, [entry(4)], { keep: 1 });
    expect(result.archive.map((a) => a.path)).toEqual(['archive/2025/train.jsonl', 'archive/2026/train.jsonl']);
    const [archive2025, archive2026] = result.archive;
    expect(parseHistoryText(archive2025!.lines, 'a').map((e) => e.workflowRunId)).toEqual([1, 2]);
    expect(archive2025!.lines).toContain('"extra":1');
    expect(parseHistoryText(archive2026!.lines, 'a').map((e) => e.workflowRunId)).toEqual([3]);
    expect(parseHistoryText(result.current, 'f').map((e) => e.workflowRunId)).toEqual([4]);
  });

  it("refuses a file holding another experiment's entries", () => {
    const other = serializeHistoryEntry(entry(1, { experiment: 'other' }));
    expect(() => appendToHistory(other, [entry(2)], { keep: 10 })).toThrow(
      /experiments\/train\.jsonl:1: holds an entry of experiment "other"/,
    );
  });
});

describe('history entry schema', () => {
  let validate: ValidateFunction;
  beforeAll(async () => {
    const schemaPath = path.join(import.meta.dirname, '../schema/history-entry.schema.json');
    const schema = JSON.parse(await readFile(schemaPath, 'utf8')) as object;
    validate = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true }).compile(schema);
  });

  it('accepts generated entries and refuses what the parser refuses', () => {
    const gate: GateResult = {
      passed: true,
      results: [
        {
          rule: 'accuracy > 0.5',
          experiment: 'train',
          line: 1,
          metric: 'accuracy',
          verdict: 'pass',
          threshold: 0.5,
          message: '',
        },
      ],
    };
    const entries = historyEntries(runs(), {
      ...extras,
      gate,
      packageVersion: '2.0.0',
      context: { ...extras.context, pullRequest: 3 },
    });
    for (const made of [...entries, ...historyEntries(runs(), extras)]) {
      const written = JSON.parse(serializeHistoryEntry(made)) as Record<string, unknown>;
      expect(validate(written), JSON.stringify(validate.errors)).toBe(true);
      for (const spoiled of [
        { ...written, version: 2 },
        { ...written, commit: 'abc' },
        { ...written, metrics: { loss: { mean: 'x', std: null, n: 1, min: 0, max: 0 } } },
        { ...written, gate: { passed: true } },
      ]) {
        expect(validate(spoiled)).toBe(false);
        expect(() => parseHistoryText(JSON.stringify(spoiled), 'f')).toThrow(UserError);
      }
    }
  });
});

describe('history entry schema and parser agree', () => {
  const metricNumber = fc.oneof(fc.double(), fc.constantFrom(NaN, Infinity, -Infinity));
  const arbitraryEntry = fc.record({
    experiment: fc.string({ minLength: 1 }),
    workflowRunId: fc.integer({ min: 1, max: 2 ** 40 }),
    runAttempt: fc.integer({ min: 1, max: 100 }),
    pullRequest: fc.option(fc.integer({ min: 1, max: 1e6 })),
    metrics: fc.dictionary(
      fc.string(),
      fc.record({
        mean: metricNumber,
        std: fc.option(metricNumber),
        n: fc.integer({ min: 1, max: 50 }),
        min: metricNumber,
        max: metricNumber,
      }),
    ),
    params: fc.dictionary(
      fc.string(),
      fc.oneof(fc.string(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null)),
    ),
    gate: fc.option(
      fc.record({
        passed: fc.boolean(),
        rules: fc.array(
          fc.record({
            rule: fc.string({ minLength: 1 }),
            metric: fc.string(),
            verdict: fc.constantFrom('pass' as const, 'fail' as const, 'skipped' as const, 'error' as const),
            threshold: fc.option(metricNumber),
          }),
          { maxLength: 4 },
        ),
      }),
    ),
    packageVersion: fc.option(fc.string({ minLength: 1 })),
  });

  it('accepts every entry we can write, and reads it back unchanged', async () => {
    const schemaPath = path.join(import.meta.dirname, '../schema/history-entry.schema.json');
    const schema = JSON.parse(await readFile(schemaPath, 'utf8')) as object;
    const validate = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true }).compile(schema);
    fc.assert(
      fc.property(arbitraryEntry, (fields) => {
        const written = serializeHistoryEntry({ ...entry(1), ...fields });
        expect(validate(JSON.parse(written)), JSON.stringify(validate.errors)).toBe(true);
        const [back] = parseHistoryText(written, 'f');
        expect(serializeHistoryEntry(back!)).toBe(written);
      }),
      { numRuns: 200 },
    );
  });
});
