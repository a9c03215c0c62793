import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UserError, UserErrors } from '../src/errors.ts';
import type { RunRecord } from '../src/record/run-record.ts';
import { COMPARISONS, evaluateRules, parseRules, type Comparison } from '../src/gate/index.ts';

function run(metrics: Record<string, number>): RunRecord {
  return {
    metrics: Object.fromEntries(Object.entries(metrics).map(([k, value]) => [k, { value }])),
    runId: 'r1',
    experiment: 'train',
  } as unknown as RunRecord;
}

/** Parses `text`; returns the rule count, or checks the UserError's shape and returns it. */
function parseOrUserError(text: string): number | UserError {
  try {
    return parseRules(text).length;
  } catch (thrown) {
    expect(thrown).toBeInstanceOf(UserError);
    const error = thrown as UserError;
    // Several broken lines give one error per line, each in the same three-line form.
    const each = error instanceof UserErrors ? error.errors : [error];
    expect(error.message.startsWith(each.map((e) => e.message).join('\n'))).toBe(true);
    for (const one of each) {
      const lines = one.message.split('\n');
      expect(lines).toHaveLength(3);
      expect(lines[0]).toMatch(/^rules:\d+:\d+: \S/);
      expect(lines[0]).toBe(`rules:${one.line}:${one.column}: ${lines[0]!.split(': ').slice(1).join(': ')}`);
      expect(lines[2]).toMatch(/^ {2}[ \t]*\^$/);
      expect(one.file).toBe('rules');
    }
    return error;
  }
}

// Pieces of the grammar, so random text reaches deep into the parser rather than failing at once.
const fragment = fc.constantFrom(
  'accuracy',
  'val.loss-2',
  'baseline',
  'baseline.',
  'baseline.f1',
  '`val loss`',
  '`',
  'mean(',
  'std',
  '(',
  ')',
  '>=',
  '<',
  '==',
  '!=',
  '=',
  '!',
  '+',
  '-',
  '*',
  '/',
  ':',
  'no-drop',
  'no-rise',
  '%',
  '0.9',
  '1e-3',
  '5',
  '.',
  '1e',
  ' ',
  '\t',
  '#',
  '\n',
  '\r\n',
  'é',
  '𝛼',
  '\u0000',
);

describe('parseRules on arbitrary input', () => {
  it('throws nothing but a UserError on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => void parseOrUserError(text)));
  });

  it('throws nothing but a UserError on strings of rule fragments', () => {
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 30 }), (pieces) => void parseOrUserError(pieces.join(''))),
      { numRuns: 500 },
    );
  });

  it('handles 100,000-character lines', () => {
    fc.assert(
      fc.property(
        fc.array(fragment, { minLength: 1, maxLength: 8 }),
        fc.constantFrom('', 'x >= ', 'mean(x) < '),
        (pieces, prefix) => {
          const unit = pieces.join('').replace(/\r?\n/g, ' ') || ' ';
          const line = (prefix + unit.repeat(Math.ceil(100_000 / unit.length))).slice(0, 100_000);
          const outcome = parseOrUserError(line);
          if (outcome instanceof UserError) expect(outcome.message.length).toBeLessThan(400);
        },
      ),
      { numRuns: 20 },
    );
  });

  it('handles pathological long lines', () => {
    const n = 100_000;
    const lines = [
      '('.repeat(n),
      `x >= ${'('.repeat(n)}`,
      `x >= ${'-'.repeat(n)}1`,
      `x >= ${'1 + '.repeat(n / 4)}1`,
      `x >= 1${' * 2'.repeat(n / 4)}`,
      'a'.repeat(n),
      `${'a'.repeat(n)} >= 1`,
      `\`${'a'.repeat(n)}`,
      `x >= ${'9'.repeat(n)}`,
      `x >= baseline.${'b'.repeat(n)}`,
      `# ${'('.repeat(n)}`,
      ' '.repeat(n),
    ];
    const outcomes = lines.map((line) => {
      const outcome = parseOrUserError(line);
      return typeof outcome === 'number' ? outcome : outcome.message.split('\n')[0]!.replace(/: .*/, '');
    });
    expect(outcomes).toEqual([
      'rules:1:1',
      'rules:1:106',
      'rules:1:106',
      'rules:1:404',
      'rules:1:404',
      'rules:1:100001',
      1,
      'rules:1:1',
      'rules:1:6',
      1,
      0,
      0,
    ]);
  });
});

function compareInJs(a: number, op: Comparison, b: number): boolean {
  switch (op) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    case '==':
      return a === b;
    case '!=':
      return a !== b;
  }
}

/** A finite number as rule text: a literal, with unary minus for negatives. */
function literal(n: number): string {
  return n < 0 || Object.is(n, -0) ? `-${String(-n)}` : String(n);
}

describe('evaluateRules agrees with JavaScript', () => {
  it('compares x with a number exactly as JavaScript does', () => {
    fc.assert(
      fc.property(
        fc.double(),
        fc.constantFrom(...COMPARISONS),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        (a, op, b) => {
          const [result] = evaluateRules(parseRules(`x ${op} ${literal(b)}`), {
            runs: [run({ x: a })],
            baseline: undefined,
            requireBaseline: false,
            alpha: 0.05,
          }).results;
          expect(result!.threshold).toBe(b);
          expect(result!.actual).toBe(a);
          // NaN fails every comparison, != included: unlike JavaScript.
          expect(result!.verdict).toBe(!Number.isNaN(a) && compareInJs(a, op, b) ? 'pass' : 'fail');
          if (Number.isNaN(a)) expect(result!.message).toContain('NaN');
        },
      ),
      { numRuns: 500 },
    );
  });

  type Tree =
    | { kind: 'number'; value: number }
    | { kind: 'baseline' }
    | { kind: 'negate'; operand: Tree }
    | { kind: 'binary'; op: '+' | '-' | '*' | '/'; left: Tree; right: Tree };

  const { tree } = fc.letrec<{ tree: Tree; leaf: Tree }>((tie) => ({
    leaf: fc.oneof(
      fc.integer({ min: 0, max: 9 }).map((value): Tree => ({ kind: 'number', value })),
      fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }).map((value): Tree => ({ kind: 'number', value })),
      fc.constant<Tree>({ kind: 'baseline' }),
    ),
    tree: fc.oneof(
      { depthSize: 'small', maxDepth: 6 },
      tie('leaf'),
      tie('tree').map((operand): Tree => ({ kind: 'negate', operand })),
      fc
        .record({ op: fc.constantFrom('+', '-', '*', '/'), left: tie('tree'), right: tie('tree') })
        .map(({ op, left, right }): Tree => ({ kind: 'binary', op, left, right })),
    ),
  }));

  class DividedByZero extends Error {}
  class Overflowed extends Error {}

  function direct(t: Tree, base: number): number {
    switch (t.kind) {
      case 'number':
        return t.value;
      case 'baseline':
        return base;
      case 'negate':
        return -direct(t.operand, base);
      case 'binary': {
        const l = direct(t.left, base);
        const r = direct(t.right, base);
        let value: number;
        if (t.op === '+') value = l + r;
        else if (t.op === '-') value = l - r;
        else if (t.op === '*') value = l * r;
        else if (r === 0) throw new DividedByZero();
        else value = l / r;
        if (!Number.isFinite(value)) throw new Overflowed();
        return value;
      }
    }
  }

  const precedence = (t: Tree): number => (t.kind === 'binary' ? (t.op === '+' || t.op === '-' ? 1 : 2) : 3);

  /** Rule text with every subexpression in parentheses, or with only the ones precedence needs. */
  function render(t: Tree, minimal: boolean): string {
    switch (t.kind) {
      case 'number':
        return literal(t.value);
      case 'baseline':
        return 'baseline';
      case 'negate':
        return t.operand.kind === 'binary' || !minimal
          ? `-(${render(t.operand, minimal)})`
          : `-${render(t.operand, minimal)}`;
      case 'binary': {
        const own = precedence(t);
        const left = render(t.left, minimal);
        const right = render(t.right, minimal);
        const wrapLeft = !minimal || precedence(t.left) < own;
        const wrapRight = !minimal || precedence(t.right) <= own;
        return `${wrapLeft ? `(${left})` : left} ${t.op} ${wrapRight ? `(${right})` : right}`;
      }
    }
  }

  it('evaluates arithmetic as the same tree evaluated directly', () => {
    fc.assert(
      fc.property(tree, fc.boolean(), fc.double({ noNaN: true, noDefaultInfinity: true }), (t, minimal, base) => {
        const text = `x <= ${render(t, minimal)}`;
        const [result] = evaluateRules(parseRules(text), {
          runs: [run({ x: 0 })],
          baseline: [run({ x: base })],
          requireBaseline: false,
          alpha: 0.05,
        }).results;
        let expected: number | undefined;
        let failure: RegExp | undefined;
        try {
          expected = direct(t, base);
        } catch (thrown) {
          if (thrown instanceof DividedByZero) failure = /^division by zero/;
          else if (thrown instanceof Overflowed) failure = /^the threshold cannot be computed: .* is -?Infinity$/;
          else throw thrown;
        }
        if (failure !== undefined) {
          expect(result!.verdict).toBe('error');
          expect(result!.message).toMatch(failure);
        } else if (expected !== undefined) {
          expect(result!.threshold).toBe(expected);
          expect(result!.verdict).toBe(0 <= expected ? 'pass' : 'fail');
        }
      }),
      { numRuns: 500 },
    );
  });
});
