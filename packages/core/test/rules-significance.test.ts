import { describe, expect, it } from 'vitest';
import { aggregateValues, evaluateRules, parseRules, SpreadUnknown, type RuleResult } from '../src/gate/index.ts';
import type { RunRecord } from '../src/record/run-record.ts';
import { record } from './report-records.ts';

/** Replicates of one experiment, one run per value of `metric`. */
function replicates(metric: string, values: number[], experiment = 'train', prefix = 'r'): RunRecord[] {
  return values.map((value, i) => record({ [metric]: value }, { runId: `${prefix}${i + 1}`, experiment }));
}

function judgeAll(text: string, runs: RunRecord[], baseline: RunRecord[] | undefined, alpha = 0.05) {
  return evaluateRules(parseRules(text), { runs, baseline, requireBaseline: false, alpha });
}

function judgeOne(text: string, runs: RunRecord[], baseline: RunRecord[] | undefined, alpha = 0.05): RuleResult {
  const { results } = judgeAll(text, runs, baseline, alpha);
  expect(results).toHaveLength(1);
  return results[0]!;
}

/*
 * The oracle: with 3 replicates a side and equal spreads, Welch's test has df = 4, where Student's
 * t has a closed form: P(|T| < t) = (3u - u^3) / 2 with u = t / sqrt(t^2 + 4). The 95% critical
 * value of t with 4 degrees of freedom is 2.7764451051977987 (tables).
 */
function pValueDf4(t: number): number {
  const u = Math.abs(t) / Math.sqrt(t * t + 4);
  return 1 - (3 * u - u ** 3) / 2;
}
const T95_DF4 = 2.7764451051977987;
/** The standard error of a difference of means of 3 and 3 values, each side with std 0.01. */
const SE = Math.sqrt((0.01 ** 2 / 3) * 2);

const base = replicates('accuracy', [0.9, 0.91, 0.92], 'train', 'b');

describe('significant rules: three replicates a side', () => {
  it('fails a real drop, with the p-value, the difference and its interval', () => {
    const result = judgeOne('accuracy: no-drop significant', replicates('accuracy', [0.86, 0.87, 0.88]), base);
    const t = -0.04 / SE;
    expect(result).toMatchObject({ experiment: 'train', verdict: 'fail', noise: 'worse' });
    expect(result.actual).toBeCloseTo(0.87, 14);
    expect(result.baseline).toBeCloseTo(0.91, 14);
    expect(result.threshold).toBeCloseTo(0.91, 14);
    expect(result.difference).toBeCloseTo(-0.04, 14);
    expect(result.pValue).toBeCloseTo(pValueDf4(t), 10);
    expect(result.pValue).toBeLessThan(0.01);
    expect(result.ciLow).toBeCloseTo(-0.04 - T95_DF4 * SE, 10);
    expect(result.ciHigh).toBeCloseTo(-0.04 + T95_DF4 * SE, 10);
    const six = (n: number) => String(Number(n.toPrecision(6)));
    expect(result.message).toBe(
      `accuracy: mean 0.87 over 3 runs vs 0.91 over 3 baseline runs; change -0.04 (95% CI ${six(-0.04 - T95_DF4 * SE)} to ${six(-0.04 + T95_DF4 * SE)}), ` +
        `p = ${six(pValueDf4(t))}: worse beyond the noise (p < 0.05)`,
    );
  });

  it('passes a drop within the noise', () => {
    const result = judgeOne('accuracy: no-drop significant', replicates('accuracy', [0.895, 0.905, 0.915]), base);
    expect(result).toMatchObject({ verdict: 'pass', noise: 'within-noise' });
    expect(result.difference).toBeCloseTo(-0.005, 14);
    expect(result.pValue).toBeCloseTo(pValueDf4(-0.005 / SE), 10);
    expect(result.ciLow).toBeLessThan(0);
    expect(result.ciHigh).toBeGreaterThan(0);
    expect(result.message).toMatch(/: within noise \(p >= 0\.05\)$/);
    // The plain shorthand fails the same runs: each one is below the baseline mean.
    expect(judgeOne('accuracy: no-drop', replicates('accuracy', [0.895, 0.905, 0.909]), base).verdict).toBe('fail');
  });

  it('passes an improvement, calling it better', () => {
    const result = judgeOne('accuracy: no-drop significant', replicates('accuracy', [0.95, 0.96, 0.97]), base);
    expect(result).toMatchObject({ verdict: 'pass', noise: 'better' });
    expect(result.message).toMatch(/: better beyond the noise \(p < 0\.05\)$/);
  });

  it('judges no-rise with lower as better', () => {
    const loss = replicates('loss', [0.3, 0.31, 0.32], 'train', 'b');
    expect(judgeOne('loss: no-rise significant', replicates('loss', [0.34, 0.35, 0.36]), loss)).toMatchObject({
      verdict: 'fail',
      noise: 'worse',
    });
    expect(judgeOne('loss: no-rise significant', replicates('loss', [0.26, 0.27, 0.28]), loss)).toMatchObject({
      verdict: 'pass',
      noise: 'better',
    });
  });

  it('moves the baseline by the margin: fails only a drop beyond it', () => {
    const dropped = replicates('accuracy', [0.86, 0.87, 0.88]);
    // A drop of 0.04 against a margin of 0.05: inside it, though not significantly (t = 0.01 / SE).
    const within = judgeOne('accuracy: no-drop 0.05 significant', dropped, base);
    expect(within).toMatchObject({ verdict: 'pass', noise: 'within-noise' });
    expect(within.threshold).toBeCloseTo(0.86, 14);
    expect(within.difference).toBeCloseTo(-0.04, 14);
    expect(within.pValue).toBeCloseTo(pValueDf4(0.01 / SE), 10);
    expect(within.message).toMatch(/: within noise of the margin 0\.05 \(p >= 0\.05\)$/);
    // Against a margin of 0.1 the drop is significantly smaller than the margin.
    const inside = judgeOne('accuracy: no-drop 0.1 significant', dropped, base);
    expect(inside).toMatchObject({ verdict: 'pass', noise: 'better' });
    expect(inside.message).toMatch(/: within the margin 0\.1 \(p < 0\.05\)$/);
    // Against 0.01 the drop is 0.03 beyond the margin: t = -0.03 / SE, p about 0.02.
    const beyond = judgeOne('accuracy: no-drop 0.01 significant', dropped, base);
    expect(beyond).toMatchObject({ verdict: 'fail', noise: 'worse' });
    expect(beyond.pValue).toBeCloseTo(pValueDf4(-0.03 / SE), 10);
    // The interval is of the change itself, not of the change beyond the margin.
    expect(beyond.ciLow).toBeCloseTo(-0.04 - T95_DF4 * SE, 10);
    expect(beyond.message).toMatch(/: worse by more than the margin 0\.01, beyond the noise \(p < 0\.05\)$/);
    // A drop of 0.04 beyond a margin of 0.035 is not significant with this spread.
    expect(judgeOne('accuracy: no-drop 0.035 significant', dropped, base)).toMatchObject({
      verdict: 'pass',
      noise: 'within-noise',
    });
    // A percent margin moves the baseline by that share of its mean: 5% of 0.91.
    const percent = judgeOne('accuracy: no-drop 5% significant', dropped, base);
    expect(percent.threshold).toBeCloseTo(0.91 * 0.95, 14);
    expect(percent.pValue).toBeCloseTo(pValueDf4((0.87 - 0.91 * 0.95) / SE), 10);
  });

  it('uses alpha as the significance level and the interval level', () => {
    const dropped = replicates('accuracy', [0.86, 0.87, 0.88]);
    // p is about 0.008: significant at 0.05, not at 0.005.
    expect(judgeOne('accuracy: no-drop significant', dropped, base, 0.005)).toMatchObject({
      verdict: 'pass',
      noise: 'within-noise',
    });
    const strict = judgeOne('accuracy: no-drop significant', dropped, base, 0.005);
    expect(strict.message).toContain('(99.5% CI ');
    expect(strict.ciHigh! - strict.ciLow!).toBeGreaterThan(2 * T95_DF4 * SE);
  });
});

describe('significant rules without replicates', () => {
  it('falls back to the plain comparison with one run on either side, and says single-run', () => {
    const one = judgeOne('accuracy: no-drop significant', replicates('accuracy', [0.9]), base);
    expect(one).toMatchObject({ verdict: 'fail', noise: 'single-run', actual: 0.9, threshold: 0.91, baseline: 0.91 });
    expect(one.pValue).toBeUndefined();
    expect(one.message).toBe(
      'accuracy = 0.9, not >= 0.91 (baseline 0.91); single-run: 1 run here and 3 in the baseline, so judged as measured, without a significance test',
    );
    const oneBaseline = replicates('accuracy', [0.9], 'train', 'b');
    const each = judgeOne('accuracy: no-drop 0.01 significant', replicates('accuracy', [0.895, 0.92]), oneBaseline);
    expect(each).toMatchObject({ verdict: 'pass', noise: 'single-run', actual: 0.895, threshold: 0.89 });
    expect(each.message).toContain('; single-run: 2 runs here and 1 in the baseline');
  });

  it('behaves like the plain shorthand without a baseline', () => {
    const runs = replicates('accuracy', [0.86, 0.87, 0.88]);
    for (const baseline of [undefined, [], replicates('loss', [1, 2], 'train', 'b')]) {
      const significant = judgeOne('accuracy: no-drop significant', runs, baseline);
      const plain = judgeOne('accuracy: no-drop', runs, baseline);
      expect(significant).toEqual({ ...plain, rule: 'accuracy: no-drop significant' });
      expect(significant.verdict).toBe('skipped');
    }
    const required = evaluateRules(parseRules('accuracy: no-drop significant'), {
      runs,
      baseline: undefined,
      requireBaseline: true,
      alpha: 0.05,
    });
    expect(required.results[0]).toMatchObject({
      verdict: 'fail',
      message: 'no baseline, and a baseline is required in train/r1 (3 of 3 runs fail)',
    });
  });

  it('is not tested when a replicate is NaN, and fails as the plain rule does', () => {
    const result = judgeOne('accuracy: no-drop significant', replicates('accuracy', [0.9, Number.NaN, 0.92]), base);
    expect(result.verdict).toBe('fail');
    expect(result.pValue).toBeUndefined();
    expect(result.message).toMatch(/; not tested for significance: a value is not finite$/);
  });
});

describe('significant rules per experiment', () => {
  it('tests each experiment against its own baseline replicates', () => {
    const runs = [
      ...replicates('accuracy', [0.86, 0.87, 0.88], 'small'),
      ...replicates('accuracy', [0.905, 0.91, 0.915], 'large'),
    ];
    const baseline = [
      ...replicates('accuracy', [0.9, 0.91, 0.92], 'small', 'b'),
      ...replicates('accuracy', [0.9, 0.91, 0.92], 'large', 'b'),
    ];
    const result = judgeAll('accuracy >= 0.8\naccuracy: no-drop significant', runs, baseline);
    expect(result.passed).toBe(false);
    expect(result.results.map((r) => [r.experiment, r.line, r.verdict, r.noise])).toEqual([
      ['large', 1, 'pass', undefined],
      ['large', 2, 'pass', 'within-noise'],
      ['small', 1, 'pass', undefined],
      ['small', 2, 'fail', 'worse'],
    ]);
    // Pooling both experiments would have made one sample of six with a spread of neither.
    expect(result.results[3]?.actual).toBeCloseTo(0.87, 14);
  });
});

describe('aggregates over the replicates in expressions', () => {
  const runs = replicates('accuracy', [0.88, 0.9, 0.92]);
  const baseline = [
    record({ accuracy: 0.9, loss: 0.3 }, { runId: 'b1' }),
    record({ accuracy: 0.91, loss: 0.5 }, { runId: 'b2' }),
    record({ accuracy: 0.95, loss: 0.4 }, { runId: 'b3' }),
  ];

  it('reads mean, min, max, median and std of the baseline and of the candidate', () => {
    const threshold = (expr: string) => judgeOne(`mean(accuracy) > ${expr}`, runs, baseline).threshold;
    expect(threshold('mean(baseline)')).toBeCloseTo((0.9 + 0.91 + 0.95) / 3, 14);
    expect(threshold('min(baseline)')).toBe(0.9);
    expect(threshold('max(baseline)')).toBe(0.95);
    expect(threshold('median(baseline.loss)')).toBe(0.4);
    // Sample std of 0.3, 0.5, 0.4: squared deviations 0.02 over n - 1 = 2.
    expect(threshold('std(baseline.loss)')).toBeCloseTo(0.1, 14);
    expect(threshold('std(accuracy)')).toBeCloseTo(0.02, 14);
    expect(threshold('max(accuracy) - min(accuracy)')).toBeCloseTo(0.04, 14);
  });

  it('judges a noise band around the baseline', () => {
    const rule = 'mean(accuracy) >= mean(baseline) - 2 * std(baseline)';
    const band = judgeOne(rule, runs, baseline);
    const std = Math.sqrt(((0.9 - 0.92) ** 2 + (0.91 - 0.92) ** 2 + (0.95 - 0.92) ** 2) / 2);
    expect(band.verdict).toBe('pass');
    expect(band.threshold).toBeCloseTo(0.92 - 2 * std, 12);
    expect(judgeOne(rule, replicates('accuracy', [0.8, 0.82, 0.81]), baseline).verdict).toBe('fail');
    // A run-by-run rule compares each run with the aggregate.
    expect(judgeOne('accuracy >= mean(accuracy) - std(accuracy)', runs, baseline)).toMatchObject({
      verdict: 'pass',
      actual: 0.88,
    });
  });

  it('skips, never uses 0, when a std has one value', () => {
    const single = [record({ accuracy: 0.9 }, { runId: 'b1' })];
    expect(judgeOne('mean(accuracy) >= mean(baseline) - 2 * std(baseline)', runs, single)).toMatchObject({
      verdict: 'skipped',
      message:
        'skipped (one run): std(baseline) needs at least two runs, and the baseline has 1; the spread of one run is unknown',
    });
    expect(
      judgeOne('accuracy <= mean(accuracy) + std(accuracy)', replicates('accuracy', [0.9]), undefined),
    ).toMatchObject({
      verdict: 'skipped',
      message:
        'skipped (one run): std(accuracy) needs at least two runs, and this experiment has 1; the spread of one run is unknown',
    });
    expect(judgeOne('std(accuracy) < 0.01', replicates('accuracy', [0.9]), undefined)).toMatchObject({
      verdict: 'skipped',
      message:
        'skipped (one run): std(accuracy) needs at least two runs, and this experiment has 1; the spread of one run is unknown',
    });
    expect(() => aggregateValues('std', [0.9])).toThrow(SpreadUnknown);
    expect(aggregateValues('std', [0.9, 0.9])).toBe(0);
  });

  it('needs a baseline for an aggregate of the baseline, and fails on a candidate metric a run lacks', () => {
    expect(judgeOne('accuracy >= min(baseline)', runs, undefined)).toMatchObject({
      verdict: 'skipped',
      message: 'skipped (no baseline)',
    });
    expect(judgeOne('accuracy >= mean(loss)', runs, baseline)).toMatchObject({
      verdict: 'fail',
      message: 'metric "loss" not found',
    });
    expect(judgeOne('accuracy >= mean(baseline.los)', runs, baseline)).toMatchObject({
      verdict: 'error',
      message: 'metric "los" not found in the runs or the baseline; closest: loss in train/r1',
    });
  });
});
