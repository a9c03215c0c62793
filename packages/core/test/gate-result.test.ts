import { describe, expect, it } from 'vitest';
import { parseGateResult, serializeGateResult, type GateResult } from '../src/gate/gate-result.ts';
import { UserError } from '../src/errors.ts';

const result: GateResult = {
  passed: false,
  results: [
    {
      rule: 'accuracy >= 0.9',
      line: 1,
      metric: 'accuracy',
      verdict: 'fail',
      actual: 0.8,
      threshold: 0.9,
      message: 'low',
    },
    { rule: 'loss: no-rise', line: 2, metric: 'loss', verdict: 'skipped', message: 'no baseline' },
  ],
};

const tested: GateResult = {
  passed: false,
  results: [
    {
      rule: 'accuracy: no-drop significant',
      experiment: 'large',
      line: 1,
      metric: 'accuracy',
      verdict: 'fail',
      actual: 0.87,
      threshold: 0.91,
      baseline: 0.91,
      noise: 'worse',
      pValue: 0.008,
      difference: -0.04,
      ciLow: -0.063,
      ciHigh: -0.017,
      message: 'worse beyond the noise',
    },
    ...(['better', 'within-noise', 'single-run'] as const).map((noise) => ({
      rule: 'loss: no-rise significant',
      experiment: 'small',
      line: 2,
      metric: 'loss',
      verdict: 'pass' as const,
      noise,
      message: noise,
    })),
  ],
};

describe('a gate result handed to the later steps of a job', () => {
  it('reads back what gate wrote', () => {
    expect(parseGateResult(JSON.stringify(result), 'gate.json')).toEqual(result);
  });

  it('reads back the experiment and the significance test of each rule', () => {
    expect(parseGateResult(serializeGateResult(tested), 'gate.json')).toEqual(tested);
  });

  it('keeps NaN and the infinities of a diverged run through the file', () => {
    const diverged: GateResult = {
      passed: false,
      results: [
        { ...result.results[0]!, actual: Number.NaN, threshold: Number.POSITIVE_INFINITY, baseline: -Infinity },
      ],
    };
    expect(parseGateResult(serializeGateResult(diverged), 'gate.json')).toEqual(diverged);
  });

  it.each([
    ['invalid JSON', '{"passed":', 'gate.json:1:11: not a gate result: invalid JSON'],
    [
      'a verdict of its own',
      JSON.stringify({ ...result, results: [{ ...result.results[0], verdict: 'win' }] }),
      '$.results[0].verdict must be one of pass, fail, skipped, error (got "win")',
    ],
    [
      'a passed that is a string',
      JSON.stringify({ ...result, passed: 'yes' }),
      '$.passed must be true or false (got "yes")',
    ],
    [
      'a rule without its message',
      JSON.stringify({ passed: true, results: [{ rule: 'a > 1', line: 1, metric: 'a', verdict: 'pass' }] }),
      '$.results[0].message is missing',
    ],
    [
      'an experiment that is not a string',
      JSON.stringify({ ...tested, results: [{ ...tested.results[0], experiment: 7 }] }),
      '$.results[0].experiment must be a string (got 7)',
    ],
    [
      'a p-value that is not a number',
      JSON.stringify({ ...tested, results: [{ ...tested.results[0], pValue: '0.01' }] }),
      '$.results[0].pValue must be a number or "NaN", "Infinity", "-Infinity" (got "0.01")',
    ],
    [
      'an interval bound that is not a number',
      JSON.stringify({ ...tested, results: [{ ...tested.results[0], ciHigh: [0] }] }),
      '$.results[0].ciHigh must be a number',
    ],
    [
      'a noise verdict of its own',
      JSON.stringify({ ...tested, results: [{ ...tested.results[0], noise: 'noisy' }] }),
      '$.results[0].noise must be one of better, worse, within-noise, single-run (got "noisy")',
    ],
    [
      'results that are not a list',
      JSON.stringify({ passed: true, results: {} }),
      '$.results must be an array (got an object)',
    ],
  ])('refuses %s, naming the file and the field', (_case, text, message) => {
    const attempt = () => parseGateResult(text, 'gate.json');
    expect(attempt).toThrow(UserError);
    expect(attempt).toThrow(message);
  });
});
