import { describe, expect, it } from 'vitest';
import { gateVerdict, type GateResult, type RuleResult } from '../src/gate/gate-result.ts';
import { gateHeadline, renderGateSummary } from '../src/gate/gate-summary.ts';

function rule(verdict: RuleResult['verdict'], message = ''): RuleResult {
  return { rule: 'loss <= baseline', line: 1, metric: 'loss', verdict, message };
}

function result(...rules: RuleResult[]): GateResult {
  return { passed: rules.every((r) => r.verdict !== 'fail' && r.verdict !== 'error'), results: rules };
}

describe('gate verdict', () => {
  it('is neutral when every rule was skipped, or there were none', () => {
    expect(gateVerdict(result(rule('skipped'), rule('skipped')))).toBe('neutral');
    expect(gateVerdict(result())).toBe('neutral');
    expect(gateVerdict(result(rule('skipped'), rule('pass')))).toBe('pass');
    expect(gateVerdict(result(rule('skipped'), rule('error')))).toBe('fail');
    expect(gateVerdict(result(rule('pass'), rule('fail')))).toBe('fail');
  });

  it('does not say the gate passed when nothing was judged, and says why', () => {
    const skipped = result(rule('skipped', 'skipped (no baseline)'), rule('skipped', 'skipped (no baseline)'));
    expect(gateHeadline(skipped)).toBe('Gate not judged: all 2 rules skipped (no baseline)');
    const summary = renderGateSummary(skipped, {
      experiments: ['train'],
      notices: ['no earlier run record "ml-run-train" was found on main'],
    });
    expect(summary).not.toContain('Gate passed');
    expect(summary).toContain('**Gate not judged: all 2 rules skipped (no baseline)**');
    expect(summary).toContain('> no earlier run record');
    expect(gateHeadline(result())).toBe('Gate not judged: no rules');
    expect(gateHeadline(result(rule('pass'), rule('skipped')))).toBe('Gate passed: 1 passed, 0 failed, 1 skipped');
  });
});

describe('gate summary', () => {
  it('shows one table per experiment, in the order of the results', () => {
    const summary = renderGateSummary(
      result(
        { ...rule('pass', 'fine'), experiment: 'large', actual: 0.5 },
        { ...rule('fail', 'too high'), experiment: 'small', actual: 0.9 },
      ),
      { experiments: ['large', 'small'], notices: [] },
    );
    const large = summary.indexOf('#### large');
    const small = summary.indexOf('#### small');
    expect(large).toBeGreaterThan(0);
    expect(small).toBeGreaterThan(large);
    expect(summary.slice(large, small)).toContain('| loss &lt;= baseline | ✅ pass | 0.5 |');
    expect(summary.slice(small)).toContain('| loss &lt;= baseline | ❌ fail | 0.9 |');
    expect(summary.match(/\| rule \| verdict \|/g)).toHaveLength(2);
  });

  it('names no experiment above the only table', () => {
    const summary = renderGateSummary(result({ ...rule('pass'), experiment: 'train' }), {
      experiments: ['train'],
      notices: [],
    });
    expect(summary).not.toContain('####');
    expect(summary).toContain('| rule | verdict | value | threshold | baseline | detail |');
  });

  it('adds the change with its interval and the p-value when a rule was tested', () => {
    const tested: RuleResult = {
      ...rule('fail', 'worse'),
      rule: 'accuracy: no-drop significant',
      experiment: 'train',
      noise: 'worse',
      actual: 0.87,
      baseline: 0.91,
      threshold: 0.91,
      pValue: 0.00804989,
      difference: -0.04,
      ciLow: -0.0626696,
      ciHigh: -0.0173304,
    };
    const single: RuleResult = { ...rule('pass', 'as measured'), experiment: 'train', noise: 'single-run' };
    const summary = renderGateSummary(result(tested, single), { experiments: ['train'], notices: [] });
    expect(summary).toContain('| rule | verdict | value | threshold | baseline | change (CI) | p | detail |');
    expect(summary).toContain(
      '| accuracy: no-drop significant | ❌ fail | 0.87 | 0.91 | 0.91 | -0.04 (-0.0626696 to -0.0173304) | 0.00804989 | worse |',
    );
    expect(summary).toContain('| loss &lt;= baseline | ✅ pass |  |  |  | single-run |  | as measured |');
  });
});
