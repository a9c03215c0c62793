import { describe, expect, it } from 'vitest';
import { UserError, UserErrors } from '../src/errors.ts';
import { formatExpr, parseRules, type Expr } from '../src/gate/index.ts';

const num = (value: number): Expr => ({ kind: 'number', value });
const baseline = (metric?: string): Expr =>
  metric === undefined ? { kind: 'baseline' } : { kind: 'baseline', metric };
const bin = (op: '+' | '-' | '*' | '/', left: Expr, right: Expr): Expr => ({ kind: 'binary', op, left, right });
const neg = (operand: Expr): Expr => ({ kind: 'negate', operand });

/** The one rule in `text`. */
function one(text: string) {
  const rules = parseRules(text);
  expect(rules).toHaveLength(1);
  return rules[0]!;
}

/** The UserError that parsing `text` throws. */
function syntaxError(text: string, source?: string): UserError {
  try {
    parseRules(text, source);
  } catch (thrown) {
    expect(thrown).toBeInstanceOf(UserError);
    return thrown as UserError;
  }
  throw new Error(`expected a syntax error for ${JSON.stringify(text)}`);
}

describe('parseRules: rules', () => {
  it('reads a simple rule', () => {
    expect(parseRules('accuracy >= 0.90')).toEqual([
      { text: 'accuracy >= 0.90', line: 1, metric: 'accuracy', op: '>=', threshold: num(0.9) },
    ]);
  });

  it('reads every comparison', () => {
    const ops = parseRules('a < 1\na <= 1\na > 1\na >= 1\na == 1\na != 1').map((r) => r.op);
    expect(ops).toEqual(['<', '<=', '>', '>=', '==', '!=']);
  });

  it('reads comparisons without spaces', () => {
    expect(one('latency_ms<50')).toMatchObject({ metric: 'latency_ms', op: '<', threshold: num(50) });
    expect(one('f1>=baseline')).toMatchObject({ metric: 'f1', op: '>=', threshold: baseline() });
  });

  it('reads numbers in decimal and exponent forms', () => {
    const values = parseRules('a >= 0.9\na >= 1e-3\na >= 2.5E+2\na >= .5\na >= 7.\na >= 42').map((r) => r.threshold);
    expect(values).toEqual([num(0.9), num(0.001), num(250), num(0.5), num(7), num(42)]);
  });

  it('gives * and / precedence over + and -, left to right', () => {
    expect(one('loss <= baseline * 1.05 + 0.01').threshold).toEqual(
      bin('+', bin('*', baseline(), num(1.05)), num(0.01)),
    );
    expect(one('a > 1 - 2 - 3').threshold).toEqual(bin('-', bin('-', num(1), num(2)), num(3)));
    expect(one('a > 8 / 4 / 2').threshold).toEqual(bin('/', bin('/', num(8), num(4)), num(2)));
    expect(one('a > 1 + 2 * 3').threshold).toEqual(bin('+', num(1), bin('*', num(2), num(3))));
  });

  it('reads parentheses and unary minus', () => {
    expect(one('a > (1 + 2) * -3').threshold).toEqual(bin('*', bin('+', num(1), num(2)), neg(num(3))));
    expect(one('a > - -baseline').threshold).toEqual(neg(neg(baseline())));
    expect(one('a > -(baseline - 1)').threshold).toEqual(neg(bin('-', baseline(), num(1))));
    expect(one('a > 2*-1').threshold).toEqual(bin('*', num(2), neg(num(1))));
  });

  it('reads baseline of the same metric and of another', () => {
    expect(one('f1 >= baseline - 0.01').threshold).toEqual(bin('-', baseline(), num(0.01)));
    expect(one('f1 >= baseline.val.f1 * 0.5').threshold).toEqual(bin('*', baseline('val.f1'), num(0.5)));
    expect(one('f1 >= baseline.`val loss` + 1').threshold).toEqual(bin('+', baseline('val loss'), num(1)));
  });

  it('reads names with digits, dots, slashes, dashes and underscores', () => {
    expect(one('train/loss-v2.top_5 < 1').metric).toBe('train/loss-v2.top_5');
    expect(one('_private >= 0').metric).toBe('_private');
    // `a-b` is one name, not a minus b.
    expect(one('a-b >= 1').metric).toBe('a-b');
  });

  it('reads names in backticks', () => {
    expect(one('`val loss` <= 0.5')).toMatchObject({ metric: 'val loss', op: '<=', threshold: num(0.5) });
    expect(one('`précision@5 (%)` >= 1').metric).toBe('précision@5 (%)');
    expect(one('`a#b` >= 1').metric).toBe('a#b');
    expect(one('`mean` >= 1')).toMatchObject({ metric: 'mean', threshold: num(1) });
    expect(one('`no aggregate`: no-rise')).toMatchObject({ metric: 'no aggregate', op: '<=' });
  });

  it('reads names that are also keywords as metrics', () => {
    expect(one('mean >= 1').metric).toBe('mean');
    expect(one('baseline >= 1').metric).toBe('baseline');
    expect(one('no-drop >= 1').metric).toBe('no-drop');
  });

  it('reads every aggregate', () => {
    for (const aggregate of ['mean', 'min', 'max', 'median', 'std'] as const) {
      expect(one(`${aggregate}(accuracy) >= baseline`)).toEqual({
        text: `${aggregate}(accuracy) >= baseline`,
        line: 1,
        metric: 'accuracy',
        aggregate,
        op: '>=',
        threshold: baseline(),
      });
    }
    expect(one('std( `val acc` ) < 0.02')).toMatchObject({ metric: 'val acc', aggregate: 'std' });
  });

  it('reads the shorthands', () => {
    expect(one('accuracy: no-drop 0.01')).toEqual({
      text: 'accuracy: no-drop 0.01',
      line: 1,
      metric: 'accuracy',
      op: '>=',
      threshold: bin('-', baseline(), num(0.01)),
    });
    expect(one('loss: no-rise 5%')).toMatchObject({
      op: '<=',
      threshold: { kind: 'margin', base: baseline(), percent: 5, direction: 'above' },
    });
    expect(one('accuracy: no-drop 2 %')).toMatchObject({
      op: '>=',
      threshold: { kind: 'margin', base: baseline(), percent: 2, direction: 'below' },
    });
    expect(one('loss: no-rise 0.5')).toMatchObject({ op: '<=', threshold: bin('+', baseline(), num(0.5)) });
    expect(one('accuracy: no-drop')).toMatchObject({ op: '>=', threshold: baseline() });
    expect(one('loss :no-rise')).toMatchObject({ op: '<=', threshold: baseline() });
    expect(one('mean(accuracy): no-drop 0.01 # seeds')).toMatchObject({
      text: 'mean(accuracy): no-drop 0.01',
      aggregate: 'mean',
      op: '>=',
    });
    expect(one('`val loss`: no-rise 1e-3').metric).toBe('val loss');
  });

  it('reads significant shorthands, with or without a margin', () => {
    expect(one('accuracy: no-drop significant')).toEqual({
      text: 'accuracy: no-drop significant',
      line: 1,
      metric: 'accuracy',
      op: '>=',
      threshold: baseline(),
      significance: { direction: 'higher' },
    });
    expect(one('loss: no-rise significant # seeds')).toEqual({
      text: 'loss: no-rise significant',
      line: 1,
      metric: 'loss',
      op: '<=',
      threshold: baseline(),
      significance: { direction: 'lower' },
    });
    expect(one('accuracy: no-drop 0.01 significant')).toMatchObject({
      threshold: bin('-', baseline(), num(0.01)),
      significance: { direction: 'higher' },
    });
    expect(one('loss: no-rise 5% significant')).toMatchObject({
      threshold: { kind: 'margin', base: baseline(), percent: 5, direction: 'above' },
      significance: { direction: 'lower' },
    });
    // Only the word itself: a metric may be called significant, and a quoted word is a name.
    expect(one('significant: no-drop').significance).toBeUndefined();
    expect(one('acc: no-drop').significance).toBeUndefined();
  });

  it('reads aggregates over the replicates on the right side', () => {
    const aggregate = (name: string, of: 'baseline' | 'candidate', metric?: string): Expr => ({
      kind: 'aggregate',
      aggregate: name as 'mean',
      of,
      ...(metric === undefined ? {} : { metric }),
    });
    expect(one('mean(accuracy) >= mean(baseline) - 2 * std(baseline)').threshold).toEqual(
      bin('-', aggregate('mean', 'baseline'), bin('*', num(2), aggregate('std', 'baseline'))),
    );
    expect(one('loss <= median(baseline.loss) + std(accuracy)').threshold).toEqual(
      bin('+', aggregate('median', 'baseline', 'loss'), aggregate('std', 'candidate', 'accuracy')),
    );
    expect(one('a > min( baseline.`val loss` )').threshold).toEqual(aggregate('min', 'baseline', 'val loss'));
    expect(one('a > max(`val loss`)').threshold).toEqual(aggregate('max', 'candidate', 'val loss'));
    // In backticks, baseline is a metric of that name.
    expect(one('a > max(`baseline`)').threshold).toEqual(aggregate('max', 'candidate', 'baseline'));
    expect(formatExpr(one('a > max(`baseline`) - mean(baseline.`b c`)').threshold)).toBe(
      'max(`baseline`) - mean(baseline.`b c`)',
    );
  });

  it('ignores comments and blank lines, and keeps line numbers', () => {
    const rules = parseRules(
      '# quality gate\n\n  accuracy >= 0.9   # floor\r\n\t\r\nloss <= baseline#tight\n   # done\n',
    );
    expect(rules).toEqual([
      { text: 'accuracy >= 0.9', line: 3, metric: 'accuracy', op: '>=', threshold: num(0.9) },
      { text: 'loss <= baseline', line: 5, metric: 'loss', op: '<=', threshold: baseline() },
    ]);
    expect(parseRules('')).toEqual([]);
    expect(parseRules('\uFEFF# only a comment')).toEqual([]);
  });

  it('formats expressions back with only the parentheses they need', () => {
    expect(formatExpr(one('a > (1 + 2) * -(3 - baseline.`b c`)').threshold)).toBe('(1 + 2) * -(3 - baseline.`b c`)');
    expect(formatExpr(one('a > 1 - (2 - 3) / (4 / 5)').threshold)).toBe('1 - (2 - 3) / (4 / 5)');
    expect(formatExpr(one('a > (1 - 2) - 3').threshold)).toBe('1 - 2 - 3');
  });
});

describe('parseRules: syntax errors', () => {
  const cases: [string, string][] = [
    [
      'accuracy >= 0.9\nf1 >= 0.8\nloss <= 1.05*',
      "rules:3:14: expected a number or metric after '*'\n  loss <= 1.05*\n               ^",
    ],
    ['acc >= )', "rules:1:8: expected a number or metric after '>='\n  acc >= )\n         ^"],
    ['acc >=', "rules:1:7: expected a number or metric after '>='\n  acc >=\n        ^"],
    [
      'acc >= loss',
      "rules:1:8: unknown name 'loss'; the right side may use numbers, baseline, baseline.<metric> and aggregates such as mean(baseline) or mean(loss)\n  acc >= loss\n         ^",
    ],
    [
      'acc >= `val loss`',
      "rules:1:8: unknown name '`val loss`'; the right side may use numbers, baseline, baseline.<metric> and aggregates such as mean(baseline) or mean(`val loss`)\n  acc >= `val loss`\n         ^",
    ],
    [
      'f1 >= baseline-0.01',
      "rules:1:7: unknown name 'baseline-0.01': '-' and '/' belong to names, so put spaces around them: baseline - 0.01\n  f1 >= baseline-0.01\n        ^",
    ],
    [
      'f1 >= baseline/2',
      "rules:1:7: unknown name 'baseline/2': '-' and '/' belong to names, so put spaces around them: baseline / 2\n  f1 >= baseline/2\n        ^",
    ],
    [
      'f1 >= baseline. `x`',
      "rules:1:17: expected a metric name after 'baseline.'\n  f1 >= baseline. `x`\n                  ^",
    ],
    ['f1 >= baseline.', "rules:1:16: expected a metric name after 'baseline.'\n  f1 >= baseline.\n                 ^"],
    [
      'acc >= avg(baseline)',
      "rules:1:8: unknown aggregate 'avg'; use mean, min, max, median, std\n  acc >= avg(baseline)\n         ^",
    ],
    ['acc >= mean(std(acc))', 'rules:1:13: aggregates cannot be nested\n  acc >= mean(std(acc))\n              ^'],
    [
      'acc >= mean()',
      "rules:1:13: expected baseline, baseline.<metric> or a metric name after 'mean('\n  acc >= mean()\n              ^",
    ],
    [
      'acc >= mean(baseline',
      "rules:1:21: expected ')' to close 'mean('\n  acc >= mean(baseline\n                      ^",
    ],
    [
      'acc >= std(baseline.)',
      "rules:1:21: expected a metric name after 'baseline.'\n  acc >= std(baseline.)\n                      ^",
    ],
    [
      'acc >= std(baseline - 1)',
      "rules:1:21: expected ')' to close 'std('\n  acc >= std(baseline - 1)\n                      ^",
    ],
    [
      '0.9 <= acc',
      'rules:1:1: expected a metric name at the start of the rule, e.g. accuracy >= 0.9\n  0.9 <= acc\n  ^',
    ],
    ['  >= 0.9', 'rules:1:3: expected a metric name at the start of the rule\n    >= 0.9\n    ^'],
    [
      'avg(acc) >= 1',
      "rules:1:1: unknown aggregate 'avg'; use mean, min, max, median, std (or a drift statistic: ks, ks_p, psi, wasserstein, chi2_p, js)\n  avg(acc) >= 1\n  ^",
    ],
    ['psi(age < 0.2', "rules:1:9: expected ')' to close 'psi('\n  psi(age < 0.2\n          ^"],
    ['mean(min(acc)) >= 1', 'rules:1:6: aggregates cannot be nested\n  mean(min(acc)) >= 1\n       ^'],
    ['mean(acc >= 1', "rules:1:10: expected ')' to close 'mean('\n  mean(acc >= 1\n           ^"],
    ['mean() >= 1', "rules:1:6: expected a metric name after 'mean('\n  mean() >= 1\n       ^"],
    ['acc 0.9', "rules:1:5: expected a comparison (<, <=, >, >=, ==, !=) or ':' after 'acc'\n  acc 0.9\n      ^"],
    ['acc', "rules:1:4: expected a comparison (<, <=, >, >=, ==, !=) or ':' after 'acc'\n  acc\n     ^"],
    [
      'std(`a b`) + 1 > 0',
      "rules:1:12: expected a comparison (<, <=, >, >=, ==, !=) or ':' after 'std(`a b`)'\n  std(`a b`) + 1 > 0\n             ^",
    ],
    [
      'val loss <= 1',
      "rules:1:5: expected a comparison (<, <=, >, >=, ==, !=) or ':' after 'val'; names with spaces are written in backticks, e.g. `val loss`\n  val loss <= 1\n      ^",
    ],
    ['acc: keep', "rules:1:6: expected 'no-drop' or 'no-rise' after ':'\n  acc: keep\n       ^"],
    ['acc:', "rules:1:5: expected 'no-drop' or 'no-rise' after ':'\n  acc:\n      ^"],
    [
      'acc: no-drop -0.01',
      "rules:1:14: expected an amount such as 0.01 or 5%, or 'significant', after 'no-drop'\n  acc: no-drop -0.01\n               ^",
    ],
    [
      'acc: no-drop 0.01 0.02',
      "rules:1:19: expected 'significant' or the end of the rule after '0.01'\n  acc: no-drop 0.01 0.02\n                    ^",
    ],
    [
      'loss: no-rise 5% more',
      "rules:1:18: expected 'significant' or the end of the rule after '5%'\n  loss: no-rise 5% more\n                   ^",
    ],
    [
      'acc: no-drop signifcant',
      "rules:1:14: expected an amount such as 0.01 or 5%, or 'significant', after 'no-drop'; did you mean 'significant'?\n  acc: no-drop signifcant\n               ^",
    ],
    [
      'acc: no-drop 0.01 significnt',
      "rules:1:19: expected 'significant' or the end of the rule after '0.01'; did you mean 'significant'?\n  acc: no-drop 0.01 significnt\n                    ^",
    ],
    [
      'acc: no-drop significant 0.01',
      "rules:1:26: the amount goes before 'significant': no-drop 0.01 significant\n  acc: no-drop significant 0.01\n                           ^",
    ],
    [
      'loss: no-rise 5% significant please',
      "rules:1:30: expected the end of the rule after 'significant'\n  loss: no-rise 5% significant please\n                               ^",
    ],
    [
      'mean(acc): no-drop 0.01 significant',
      "rules:1:1: 'significant' compares the replicates themselves, not an aggregate of them: write acc: no-drop 0.01 significant\n  mean(acc): no-drop 0.01 significant\n  ^",
    ],
    [
      'acc >= baseline significant',
      "rules:1:17: 'significant' belongs to the no-drop and no-rise shorthands, e.g. acc: no-drop significant\n  acc >= baseline significant\n                  ^",
    ],
    [
      'acc >= 90%',
      "rules:1:10: '%' is only allowed in no-drop and no-rise amounts (loss: no-rise 5%); write 0.9 instead of 90%\n  acc >= 90%\n           ^",
    ],
    [
      'acc >= 0.8 <= 0.9',
      'rules:1:12: a rule holds one comparison; write two rules\n  acc >= 0.8 <= 0.9\n             ^',
    ],
    ['acc >= 1)', "rules:1:9: unmatched ')'\n  acc >= 1)\n          ^"],
    [
      'acc >= 1 2',
      "rules:1:10: expected an operator (+, -, *, /) or the end of the rule after '1'\n  acc >= 1 2\n           ^",
    ],
    ['acc >= (1 + 2', "rules:1:14: expected ')' to close the '(' at column 8\n  acc >= (1 + 2\n               ^"],
    ['acc = 1', "rules:1:5: unexpected '='; compare with '==', '<=' or '>='\n  acc = 1\n      ^"],
    ['acc => 1', "rules:1:5: '=>' is not a comparison; did you mean '>='?\n  acc => 1\n      ^"],
    ['acc =< 1', "rules:1:5: '=<' is not a comparison; did you mean '<='?\n  acc =< 1\n      ^"],
    ['acc ! 1', "rules:1:5: unexpected '!'; did you mean '!='?\n  acc ! 1\n      ^"],
    [
      'précision >= 1',
      "rules:1:3: unexpected character 'é'; write names with such characters in backticks, e.g. `val loss`\n  précision >= 1\n    ^",
    ],
    ['acc >= $1', "rules:1:8: unexpected character '$'\n  acc >= $1\n         ^"],
    ['acc >=\u00a01', 'rules:1:7: unexpected character U+00A0\n  acc >=\u00a01\n        ^'],
    ['acc >= \u00071', 'rules:1:8: unexpected character U+0007\n  acc >= ?1\n         ^'],
    ['acc >= 1e', "rules:1:8: invalid number '1e'\n  acc >= 1e\n         ^"],
    ['acc >= 1.2.3', "rules:1:8: invalid number '1.2.3'\n  acc >= 1.2.3\n         ^"],
    ['acc >= 0.9x', "rules:1:8: invalid number '0.9x'\n  acc >= 0.9x\n         ^"],
    ['`val loss >= 1', "rules:1:1: unterminated name: missing the closing '`'\n  `val loss >= 1\n  ^"],
    ['`` >= 1', 'rules:1:1: empty name ``\n  `` >= 1\n  ^'],
    ['acc >= .', "rules:1:8: unexpected character '.'\n  acc >= .\n         ^"],
  ];

  it.each(cases)('%j', (text, message) => {
    expect(syntaxError(text).message).toBe(message);
  });

  it('names the source and sets where', () => {
    const error = syntaxError('acc >= 0.9\n\nloss <= 1.05*', 'ci/gate-rules.txt');
    expect(error.message.split('\n')[0]).toBe("ci/gate-rules.txt:3:14: expected a number or metric after '*'");
    expect({ file: error.file, line: error.line, column: error.column }).toEqual({
      file: 'ci/gate-rules.txt',
      line: 3,
      column: 14,
    });
  });

  it('counts columns in code points and keeps tabs under the caret', () => {
    expect(syntaxError('`𝛼` >= *').message).toBe(
      "rules:1:8: expected a number or metric after '>='\n  `𝛼` >= *\n         ^",
    );
    expect(syntaxError('\tacc\t>= *').message).toBe(
      "rules:1:9: expected a number or metric after '>='\n  \tacc\t>= *\n  \t   \t   ^",
    );
  });

  it('shows a window of a long line around the fault', () => {
    const line = `acc >= ${'1 + '.repeat(40)}* ${'2 + '.repeat(40)}2`;
    const [summary, excerpt, caret] = syntaxError(line).message.split('\n');
    expect(summary).toBe("rules:1:168: expected a number or metric after '+'");
    expect(excerpt).toBe(`  ...${line.slice(117, 217)}...`);
    expect(caret).toBe(`  ${' '.repeat(53)}^`);
    expect(excerpt!.slice(caret!.length - 1, caret!.length + 1)).toBe('* ');
  });

  it('rejects expressions nested too deeply', () => {
    const message = 'the expression is too complex (more than 100 levels of operators or parentheses)';
    expect(syntaxError(`a > ${'('.repeat(101)}1${')'.repeat(101)}`).message).toContain(`rules:1:105: ${message}`);
    expect(syntaxError(`a > ${'-'.repeat(101)}1`).message).toContain(`rules:1:105: ${message}`);
    expect(syntaxError(`a > 1${' + 1'.repeat(100)}`).message).toContain(`rules:1:403: ${message}`);
    expect(one(`a > ${'('.repeat(100)}1${')'.repeat(100)}`).threshold).toEqual(num(1));
    expect(one(`a > 1${' + 1'.repeat(99)}`).threshold.kind).toBe('binary');
  });

  it('reports every syntax error, each with its line, column and caret', () => {
    const error = syntaxError('a >= 1\nb >=\nc\nd <= 2\n`e >= 1', 'gate.rules');
    expect(error).toBeInstanceOf(UserErrors);
    const errors = (error as UserErrors).errors;
    expect(errors.map((e) => [e.file, e.line, e.column])).toEqual([
      ['gate.rules', 2, 5],
      ['gate.rules', 3, 2],
      ['gate.rules', 5, 1],
    ]);
    expect(errors.map((e) => e.message.split('\n')[2])).toEqual(['      ^', '   ^', '  ^']);
    expect(error.message).toBe(errors.map((e) => e.message).join('\n'));
    // One error stays a plain UserError, as before.
    expect(syntaxError('a >= 1\nb >=')).not.toBeInstanceOf(UserErrors);
  });

  it('reports at most 20 syntax errors, and says how many more there are', () => {
    const error = syntaxError('a >=\n'.repeat(25)) as UserErrors;
    expect(error.errors).toHaveLength(20);
    expect(error.message.split('\n').at(-1)).toBe('rules: 5 more syntax errors not shown');
  });

  it('rejects a number too large to represent, at its column', () => {
    expect(syntaxError('loss <= 1e400').message).toBe(
      "rules:1:9: number '1e400' is too large\n  loss <= 1e400\n          ^",
    );
    expect(syntaxError(`x >= ${'9'.repeat(400)}`).message).toMatch(/^rules:1:6: number '9{37}\.\.\.' is too large/);
    expect(one('x >= 1e-400').threshold).toEqual(num(0));
  });
});
