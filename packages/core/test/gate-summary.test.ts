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
