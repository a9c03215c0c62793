import { describe, expect, it } from 'vitest';
import { parseGateResult, type GateResult } from '../src/gate/gate-result.ts';
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

describe('a gate result handed to the later steps of a job', () => {
  it('reads back what gate wrote', () => {
    expect(parseGateResult(JSON.stringify(result), 'gate.json')).toEqual(result);
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
