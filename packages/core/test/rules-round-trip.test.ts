import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMPARISONS, formatRule, parseRules, type Rule } from '../src/gate/index.ts';

const name = fc.oneof(
  fc.constantFrom('accuracy', 'val.loss', 'train/loss', 'f1-macro', 'latency_ms'),
  fc.constantFrom('val loss', 'ünïcode', 'a+b', 'x<y'),
);
const number = fc.oneof(
  fc.integer({ min: 0, max: 1000 }).map(String),
  fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true }).map((v) => String(v)),
  fc.constantFrom('1e-3', '0.05', '2.5E2'),
);
const quoted = (metric: string) => (/^[A-Za-z_][\w./-]*$/.test(metric) ? metric : `\`${metric}\``);

const expression: fc.Arbitrary<string> = fc.letrec<{ expr: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    number,
    fc.constant('baseline'),
    name.map((metric) => `baseline.${quoted(metric)}`),
    fc.constantFrom('mean', 'min', 'max', 'median', 'std').map((agg) => `${agg}(baseline)`),
    fc
      .tuple(fc.constantFrom('mean', 'min', 'max', 'median', 'std'), name)
      .map(([agg, metric]) => `${agg}(baseline.${quoted(metric)})`),
    // Over the candidate's replicates; a metric named like the baseline must keep its backticks.
    fc
      .tuple(
        fc.constantFrom('mean', 'min', 'max', 'median', 'std'),
        fc.oneof(name, fc.constantFrom('baseline', 'baseline.x')),
      )
      .map(([agg, metric]) => `${agg}(${metric.startsWith('baseline') ? `\`${metric}\`` : quoted(metric)})`),
    tie('expr').map((e) => `-(${e})`),
    tie('expr').map((e) => `(${e})`),
    fc.tuple(tie('expr'), fc.constantFrom('+', '-', '*', '/'), tie('expr')).map(([a, op, b]) => `${a} ${op} ${b}`),
  ),
})).expr;

const ruleText = fc.oneof(
  fc.tuple(name, fc.constantFrom(...COMPARISONS), expression).map(([m, op, e]) => `${quoted(m)} ${op} ${e}`),
  fc
    .tuple(fc.constantFrom('mean', 'min', 'max', 'median', 'std'), name, fc.constantFrom(...COMPARISONS), expression)
    .map(([agg, m, op, e]) => `${agg}(${quoted(m)}) ${op} ${e}`),
  fc
    .tuple(
      name,
      fc.constantFrom('no-drop', 'no-rise'),
      fc.constantFrom('', ' 0.01', ' 5%', ' 12.5%'),
      fc.constantFrom('', ' significant'),
    )
    .map(([m, kind, amount, significant]) => `${quoted(m)}: ${kind}${amount}${significant}`),
);

const shape = (rule: Rule) => ({
  metric: rule.metric,
  aggregate: rule.aggregate,
  op: rule.op,
  threshold: rule.threshold,
  significance: rule.significance,
});

describe('printing a parsed rule and parsing it again', () => {
  it('gives the same rule', () => {
    fc.assert(
      fc.property(ruleText, (text) => {
        const [rule] = parseRules(text);
        if (rule === undefined) throw new Error(`no rule parsed from ${text}`);
        const printed = formatRule(rule);
        const [again] = parseRules(printed);
        expect(again && shape(again)).toEqual(shape(rule));
      }),
      { numRuns: 500 },
    );
  });
});
