import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateRules, parseRules } from '../src/gate/index.ts';
import { renderComparison, type ComparisonJson } from '../src/report/index.ts';
import { BASE_SHA, record } from './report-records.ts';

const schemaPath = path.join(import.meta.dirname, '../schema/comparison-report.schema.json');
let validate: ValidateFunction;

beforeAll(async () => {
  const schema = JSON.parse(await readFile(schemaPath, 'utf8')) as object;
  validate = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true }).compile(schema);
});

/** The report as the file of output report-json holds it: through JSON text. */
function asWritten(json: ComparisonJson): unknown {
  return JSON.parse(JSON.stringify(json));
}

function expectValid(json: ComparisonJson): void {
  const ok = validate(asWritten(json));
  expect(validate.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
}

const value = fc.oneof(
  { weight: 8, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity, 0) },
);
const metricName = fc.constantFrom('accuracy', 'loss', 'epoch', 'f1', 'val_loss', 'train_runtime');
/** One side: experiments, each with replicates holding some of the metrics. */
const side = fc.array(
  fc.record({
    experiment: fc.constantFrom('a', 'b', 'c'),
    metrics: fc.dictionary(metricName, value, { maxKeys: 6 }),
  }),
  { maxLength: 8 },
);

describe('the comparison report JSON against its schema', () => {
  it('holds for reports of replicates, single runs, several experiments and a gate', () => {
    const runs = [
      record({ accuracy: 0.85, loss: 0.3, epoch: 10 }, { runId: 'a1', experiment: 'a' }),
      record({ accuracy: 0.86, loss: NaN, epoch: 10 }, { runId: 'a2', experiment: 'a' }),
      record({ accuracy: 0.87, epoch: 10 }, { runId: 'a3', experiment: 'a', matrix: { seed: 3 } }),
      record({ accuracy: 0.95, fresh: Infinity }, { runId: 'b1', experiment: 'b' }),
    ];
    const baseline = [
      record({ accuracy: 0.9, loss: 0.3, epoch: 10 }, { runId: 'x1', experiment: 'a', sha: BASE_SHA }),
      record({ accuracy: 0.91, loss: 0.31, epoch: 12 }, { runId: 'x2', experiment: 'a', sha: BASE_SHA }),
      record({ accuracy: 0.9, old: 1 }, { runId: 'y1', experiment: 'b', sha: BASE_SHA }),
    ];
    const rules = parseRules('accuracy: no-drop\nloss <= 1');
    const gate = evaluateRules(rules, { runs, baseline, requireBaseline: false, alpha: 0.05 });
    const report = renderComparison({
      runs,
      baseline: { records: baseline, sha: BASE_SHA, url: 'https://github.com/o/r/actions/runs/1', notice: 'n' },
      gate,
      rules,
      key: 'k',
    });
    expect(report.json.leaderboard).not.toBeNull();
    expect(new Set(report.json.rows.map((row) => row.verdict))).toEqual(new Set(['worse', 'single-run', null]));
    expectValid(report.json);
    expectValid(renderComparison({ runs, baseline: undefined, key: 'k' }).json);
    expectValid(renderComparison({ runs: [], baseline: undefined, key: 'k' }).json);
  });

  it('holds for any runs and baseline', () => {
    fc.assert(
      fc.property(side, side, fc.double({ min: 0.001, max: 0.5, noNaN: true }), (current, before, alpha) => {
        const runs = current.map((run, i) => record(run.metrics, { runId: `r${i}`, experiment: run.experiment }));
        const baseline = before.map((run, i) =>
          record(run.metrics, { runId: `b${i}`, experiment: run.experiment, sha: BASE_SHA }),
        );
        const { json } = renderComparison({
          runs,
          baseline: baseline.length === 0 ? undefined : { records: baseline, sha: BASE_SHA },
          key: 'k',
          alpha,
          charts: false,
        });
        expectValid(json);
      }),
      { numRuns: 150 },
    );
  });

  it('refuses what a reader of version 2 could trip on', () => {
    const { json } = renderComparison({
      runs: [record({ accuracy: 0.9 }), record({ accuracy: 0.91 }, { runId: 'r2' })],
      baseline: { records: [record({ accuracy: 0.8 }, { sha: BASE_SHA })], sha: BASE_SHA },
      key: 'k',
    });
    expectValid(json);
    const written = asWritten(json) as { version: number; rows: Record<string, unknown>[] };
    const broken = (change: (copy: typeof written) => void): boolean => {
      const copy = structuredClone(written);
      change(copy);
      return validate(copy);
    };
    expect(broken((copy) => (copy.version = 1))).toBe(false);
    expect(broken((copy) => delete copy.rows[0]!['verdict'])).toBe(false);
    expect(broken((copy) => (copy.rows[0]!['verdict'] = 'significant'))).toBe(false);
    expect(broken((copy) => (copy.rows[0]!['pValue'] = 'p'))).toBe(false);
    expect(broken((copy) => (copy.rows[0]!['n'] = -1))).toBe(false);
    expect(broken((copy) => (copy.rows[0]!['extra'] = 1))).toBe(false);
  });
});
