import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../src/errors.ts';
import { readJsonMetrics } from '../src/metrics/json-metrics.ts';

const fixtures = path.join(import.meta.dirname, 'fixtures/metrics');
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'json-metrics-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function readText(name: string, content: string | Uint8Array) {
  const file = path.join(dir, name);
  await writeFile(file, content);
  return readJsonMetrics(file, name);
}

async function errorOf(name: string, content: string | Uint8Array): Promise<UserError> {
  try {
    await readText(name, content);
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return error as UserError;
  }
  throw new Error('expected a UserError');
}

describe('readJsonMetrics', () => {
  it('flattens nested metrics to a.b.c, skipping text, booleans, nulls and arrays of scalars', async () => {
    const metrics = await readJsonMetrics(path.join(fixtures, 'summary.json'), 'summary.json');
    expect(metrics).toEqual({
      accuracy: { value: 0.9125 },
      'train.loss': { value: 0.25 },
      'train.epochs': { value: 10 },
      'train.folds.0.auc': { value: 0.8 },
      'train.folds.1.auc': { value: 0.85 },
      'eval.loss': { value: NaN },
      'eval.perplexity': { value: Infinity },
    });
  });

  it("keeps Python's bare NaN, Infinity and -Infinity", async () => {
    const metrics = await readJsonMetrics(path.join(fixtures, 'python-nan.json'), 'python-nan.json');
    expect(metrics).toEqual({
      loss: { value: NaN },
      best: { value: Infinity },
      worst: { value: -Infinity },
      acc: { value: 0.5 },
    });
  });

  it('accepts a UTF-8 BOM', async () => {
    expect(await readJsonMetrics(path.join(fixtures, 'bom.json'), 'bom.json')).toEqual({ loss: { value: 0.5 } });
  });

  it('keeps a "__proto__" key as an ordinary metric', async () => {
    const metrics = await readText('proto.json', '{"__proto__": {"x": 1}, "y": 2}');
    expect(Object.keys(metrics)).toEqual(['__proto__.x', 'y']);
    expect(Object.getPrototypeOf(metrics)).toBe(Object.prototype);
  });

  it('names the file, line and column of truncated JSON', async () => {
    const error = await errorOf('truncated.json', '{\n  "loss": 0.5,\n  "acc": 0.');
    expect(error.message).toBe('truncated.json:3:10: invalid JSON: invalid number');
    expect([error.file, error.line, error.column]).toEqual(['truncated.json', 3, 10]);
    const cut = await errorOf('cut.json', '{\n  "loss": 0.5,\n');
    expect(cut.message).toBe('cut.json:3:1: invalid JSON: unexpected end of file (is it truncated?)');
  });

  it('names the line of a syntax error in the middle', async () => {
    const error = await errorOf('bad.json', '{\n  "loss": 0.5\n  "acc": 1\n}');
    expect(error.message).toBe(`bad.json:3:3: invalid JSON: expected ',' or '}', found '"'`);
    expect(error.line).toBe(3);
  });

  it('refuses JSON nested 10,000 levels deep without overflowing the stack', async () => {
    const deep = '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000);
    const error = await errorOf('deep.json', deep);
    expect(error.message).toMatch(/^deep\.json: nested more than 100 levels deep \(at "a\.a\.a/);
  });

  it('refuses a top level that is not an object', async () => {
    expect((await errorOf('list.json', '[1, 2]')).message).toBe(
      'list.json: the top level of a JSON metrics file must be an object of metric names, not an array',
    );
  });

  it('refuses empty files, NUL bytes and invalid UTF-8 with their line', async () => {
    expect((await errorOf('empty.json', '')).message).toBe('empty.json: file is empty');
    expect((await errorOf('blank.json', ' \n\n')).message).toBe('blank.json: file is empty (only whitespace)');
    const nul = await errorOf('nul.json', '{\n"a": 1,\n"b": "\u0000"}');
    expect(nul.message).toBe('nul.json:3: contains a NUL byte, so it looks like a binary file, not text');
    const latin1 = await errorOf('latin1.json', Buffer.from([0x7b, 0x0a, 0x22, 0xe9, 0x22, 0x3a, 0x31, 0x7d]));
    expect(latin1.message).toBe('latin1.json:2: not valid UTF-8 text (bad byte at offset 3; is this a binary file?)');
    expect(latin1.line).toBe(2);
  });

  it('property: any nested metrics object reads back as its flattening', async () => {
    type Tree = { [key: string]: Tree | number | string | boolean | null | number[] };
    const key = fc.string({ minLength: 1, maxLength: 6 }).filter((k) => !k.includes('.'));
    const leaf = fc.oneof(
      fc.double(),
      fc.constantFrom('adam', 'sgd', ''),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { maxLength: 3 }),
    );
    const { tree } = fc.letrec<{ tree: Tree; node: Tree[string] }>((tie) => ({
      tree: fc.dictionary(key, tie('node'), { maxKeys: 4 }),
      node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('tree')),
    }));

    // Reference flattening, written independently of the reader.
    const flatten = (node: Tree, prefix: string, out: Map<string, { value: number }>) => {
      for (const [k, v] of Object.entries(node)) {
        const full = prefix === '' ? k : `${prefix}.${k}`;
        if (typeof v === 'number') out.set(full, { value: v });
        else if (v !== null && typeof v === 'object' && !Array.isArray(v)) flatten(v, full, out);
      }
      return out;
    };
    // JSON as Python writes it: bare NaN / Infinity, and -0 kept.
    const toPythonJson = (tree: Tree) =>
      JSON.stringify(tree, (_k, v: unknown) =>
        typeof v === 'number' && (!Number.isFinite(v) || Object.is(v, -0))
          ? `@@${Object.is(v, -0) ? '-0' : String(v)}@@`
          : v,
      ).replace(/"@@(NaN|Infinity|-Infinity|-0)@@"/g, '$1');

    // XGBoost's evals_result shape (every top-level value an object of non-empty number arrays)
    // is read as histories, not flattened: known-json-shapes.test.ts covers it.
    const isEvalsResultShape = (tree: Tree) =>
      Object.values(tree).length > 0 &&
      Object.values(tree).every(
        (set) =>
          set !== null &&
          typeof set === 'object' &&
          !Array.isArray(set) &&
          Object.values(set).length > 0 &&
          Object.values(set).every((v) => Array.isArray(v) && v.length > 0),
      );

    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        tree.filter((generated) => !isEvalsResultShape(generated)),
        async (generated) => {
          const name = `prop-${run++}.json`;
          const metrics = await readText(name, toPythonJson(generated));
          expect(metrics).toEqual(Object.fromEntries(flatten(generated, '', new Map())));
        },
      ),
      { numRuns: 150 },
    );
  });
});
