import { describe, expect, it } from 'vitest';
import type { GateResult } from '../src/gate/gate-result.ts';
import type { RunRecord } from '../src/record/run-record.ts';
import { aggregateValues, closestNames, evaluateRules, parseRules } from '../src/gate/index.ts';

/** A run record holding only what rules look at, plus the required filler. */
function run(metrics: Record<string, number>, runId = 'r1', experiment = 'train'): RunRecord {
  return {
    schema: 'ml-actions/run-record',
    version: 1,
    runId,
    experiment,
    attempt: 1,
    provenance: {
      repository: 'o/r',
      serverUrl: 'https://github.com',
      sha: 'a'.repeat(40),
      ref: 'refs/heads/main',
      branch: 'main',
      event: 'push',
      workflow: 'ml',
      workflowRunId: 1,
      runAttempt: 1,
      runNumber: 1,
      job: 'train',
      matrix: {},
      runnerOs: 'Linux',
    },
    params: {},
    metrics: Object.fromEntries(Object.entries(metrics).map(([k, value]) => [k, { value }])),
    outcome: { status: 'succeeded', startedAt: '', finishedAt: '', durationMs: 0 },
    inputs: [],
    sources: [],
  };
}

function gate(text: string, runs: RunRecord[], baseline?: RunRecord[], requireBaseline = false): GateResult {
  return evaluateRules(parseRules(text), { runs, baseline, requireBaseline, alpha: 0.05 });
}

/** The result of the single rule in `text`. */
function judge(text: string, runs: RunRecord[], baseline?: RunRecord[], requireBaseline = false) {
  const result = gate(text, runs, baseline, requireBaseline);
  expect(result.results).toHaveLength(1);
  return result.results[0]!;
}

describe('evaluateRules: one run', () => {
  it('passes and fails absolute rules', () => {
    expect(gate('accuracy >= 0.9  # floor', [run({ accuracy: 0.93 })])).toEqual({
      passed: true,
      results: [
        {
          rule: 'accuracy >= 0.9',
          line: 1,
          experiment: 'train',
          metric: 'accuracy',
          verdict: 'pass',
          actual: 0.93,
          threshold: 0.9,
          message: 'accuracy = 0.93 >= 0.9',
        },
      ],
    });
    const failed = gate('\naccuracy >= 0.9', [run({ accuracy: 0.85 })]);
    expect(failed.passed).toBe(false);
    expect(failed.results[0]).toEqual({
      rule: 'accuracy >= 0.9',
      line: 2,
      experiment: 'train',
      metric: 'accuracy',
      verdict: 'fail',
      actual: 0.85,
      threshold: 0.9,
      message: 'accuracy = 0.85, not >= 0.9',
    });
  });

  it('applies each comparison as JavaScript does', () => {
    const verdicts = (value: number) =>
      gate('x < 1\nx <= 1\nx > 1\nx >= 1\nx == 1\nx != 1', [run({ x: value })]).results.map((r) => r.verdict);
    expect(verdicts(1)).toEqual(['fail', 'pass', 'fail', 'pass', 'pass', 'fail']);
    expect(verdicts(0)).toEqual(['pass', 'pass', 'fail', 'fail', 'fail', 'pass']);
    expect(verdicts(2)).toEqual(['fail', 'fail', 'pass', 'pass', 'fail', 'pass']);
  });

  it('compares with the baseline', () => {
    const result = judge('loss <= baseline * 1.05', [run({ loss: 0.5 })], [run({ loss: 0.49 }, 'b1')]);
    expect(result).toEqual({
      rule: 'loss <= baseline * 1.05',
      line: 1,
      experiment: 'train',
      metric: 'loss',
      verdict: 'pass',
      actual: 0.5,
      threshold: 0.49 * 1.05,
      baseline: 0.49,
      message: 'loss = 0.5 <= 0.5145 (baseline 0.49)',
    });
    const other = judge('f1 >= baseline.val.f1 - 0.1', [run({ f1: 0.75 })], [run({ 'val.f1': 0.9 })]);
    expect(other).toMatchObject({ verdict: 'fail', threshold: 0.9 - 0.1, message: 'f1 = 0.75, not >= 0.8' });
    expect(other.baseline).toBeUndefined();
  });

  it('evaluates the shorthands', () => {
    const base = [run({ accuracy: 0.9, loss: 2, nll: -2 }, 'b1')];
    const check = (text: string, metrics: Record<string, number>) => judge(text, [run(metrics)], base);
    expect(check('accuracy: no-drop 0.01', { accuracy: 0.895 })).toMatchObject({
      verdict: 'pass',
      threshold: 0.9 - 0.01,
    });
    expect(check('accuracy: no-drop 0.01', { accuracy: 0.885 })).toMatchObject({
      verdict: 'fail',
      message: 'accuracy = 0.885, not >= 0.89 (baseline 0.9)',
    });
    expect(check('accuracy: no-drop', { accuracy: 0.9 })).toMatchObject({ verdict: 'pass', threshold: 0.9 });
    expect(check('accuracy: no-drop', { accuracy: 0.89 })).toMatchObject({ verdict: 'fail' });
    expect(check('loss: no-rise 5%', { loss: 2.1 })).toMatchObject({ verdict: 'pass', threshold: 2 * 1.05 });
    expect(check('loss: no-rise 5%', { loss: 2.11 })).toMatchObject({
      verdict: 'fail',
      message: 'loss = 2.11, not <= 2.1 (baseline 2)',
    });
    expect(check('loss: no-rise', { loss: 2.0001 })).toMatchObject({ verdict: 'fail', threshold: 2 });
    expect(check('loss: no-rise 0.5', { loss: 2.5 })).toMatchObject({ verdict: 'pass', threshold: 2.5 });
    expect(check('accuracy: no-drop 10%', { accuracy: 0.81 })).toMatchObject({ verdict: 'pass', threshold: 0.9 * 0.9 });
    // A negative baseline still moves the intended way: a rise of 5% of its magnitude.
    expect(check('nll: no-rise 5%', { nll: -1.95 })).toMatchObject({ verdict: 'pass', threshold: -2 * 0.95 });
    expect(check('nll: no-rise 5%', { nll: -1.85 })).toMatchObject({ verdict: 'fail' });
    expect(check('nll: no-drop 5%', { nll: -2.05 })).toMatchObject({ verdict: 'pass', threshold: -2 * 1.05 });
  });

  it('formats values to six digits unless that hides a difference', () => {
    expect(judge('acc > 0.9', [run({ acc: 0.8733333333 })]).message).toBe('acc = 0.873333, not > 0.9');
    expect(judge('acc > 0.9', [run({ acc: 0.9000000001 })]).message).toBe('acc = 0.9000000001 > 0.9');
    expect(judge('steps >= 123456789', [run({ steps: 123456789 })]).message).toBe('steps = 123456789 >= 123456789');
    expect(judge('`val loss` < 1e-7', [run({ 'val loss': 1e-8 })]).message).toBe('`val loss` = 1e-8 < 1e-7');
  });

  it('judges an empty rule list as passed', () => {
    expect(evaluateRules([], { runs: [run({})], baseline: undefined, requireBaseline: true, alpha: 0.05 })).toEqual({
      passed: true,
      results: [],
    });
  });

  it('errs when there is no run', () => {
    expect(gate('a >= 1', [])).toEqual({
      passed: false,
      results: [{ rule: 'a >= 1', line: 1, metric: 'a', verdict: 'error', message: 'no runs to judge' }],
    });
  });
});

describe('evaluateRules: missing baselines', () => {
  it('skips a baseline rule without a baseline, and keeps absolute rules', () => {
    const result = gate('loss <= baseline * 1.05\naccuracy >= 0.9', [run({ loss: 0.5, accuracy: 0.95 })], undefined);
    expect(result.passed).toBe(true);
    expect(result.results[0]).toEqual({
      rule: 'loss <= baseline * 1.05',
      line: 1,
      experiment: 'train',
      metric: 'loss',
      verdict: 'skipped',
      actual: 0.5,
      message: 'skipped (no baseline)',
    });
    expect(result.results[1]).toMatchObject({ verdict: 'pass' });
    expect(judge('loss: no-rise', [run({ loss: 1 })], [])).toMatchObject({
      verdict: 'skipped',
      message: 'skipped (no baseline)',
    });
  });

  it('skips when the baseline lacks the metric', () => {
    expect(judge('loss <= baseline', [run({ loss: 1 })], [run({ acc: 1 })])).toMatchObject({
      verdict: 'skipped',
      message: 'skipped (no baseline): the baseline has no metric "loss"',
    });
    expect(judge('loss <= baseline.`val loss`', [run({ loss: 1, 'val loss': 1 })], [run({ loss: 1 })])).toMatchObject({
      verdict: 'skipped',
      message: 'skipped (no baseline): the baseline has no metric "val loss"',
    });
  });

  it('fails instead when a baseline is required', () => {
    const result = gate('loss <= baseline\naccuracy >= baseline.acc', [run({ loss: 1, accuracy: 1 })], undefined, true);
    expect(result.passed).toBe(false);
    expect(result.results.map((r) => [r.verdict, r.message])).toEqual([
      ['fail', 'no baseline, and a baseline is required'],
      ['fail', 'no baseline, and a baseline is required'],
    ]);
    expect(judge('loss <= baseline', [run({ loss: 1 })], [run({ acc: 1 })], true)).toMatchObject({
      verdict: 'fail',
      message: 'the baseline has no metric "loss", and a baseline is required',
    });
    // Absolute rules need no baseline, required or not.
    expect(judge('loss <= 2', [run({ loss: 1 })], undefined, true)).toMatchObject({ verdict: 'pass' });
  });
});

describe('evaluateRules: missing metrics', () => {
  const runs = [run({ accuracy: 0.9, 'val.accuracy': 0.88, loss: 0.3, 'train/loss': 0.2, 'val/loss': 0.4 })];

  it('fails and names the closest metrics', () => {
    expect(judge('acuracy >= 0.9', runs)).toEqual({
      rule: 'acuracy >= 0.9',
      line: 1,
      experiment: 'train',
      metric: 'acuracy',
      verdict: 'fail',
      message: 'metric "acuracy" not found; closest: accuracy, val.accuracy',
    });
    expect(judge('Loss <= 1', runs).message).toBe('metric "Loss" not found; closest: loss, train/loss, val/loss');
    expect(judge('mean(acc) >= 1', runs)).toMatchObject({ aggregate: 'mean', message: 'metric "acc" not found' });
    expect(judge('perplexity < 3', runs).message).toBe('metric "perplexity" not found');
    expect(judge('x < 3', [run({})]).message).toBe('metric "x" not found (the runs have no metrics)');
  });

  it('fails when some runs lack the metric', () => {
    expect(judge('f1 > 0', [run({ f1: 1 }), run({ acc: 1 }, 'r2')])).toMatchObject({
      verdict: 'fail',
      message: 'metric "f1" not found in train/r2 (missing from 1 of 2 runs)',
    });
  });

  it('names the closest metrics of the run that lacks one', () => {
    expect(judge('f1 > 0', [run({ f1: 1 }), run({ F1: 1 }, 'r2')]).message).toBe(
      'metric "f1" not found in train/r2 (missing from 1 of 2 runs); closest: F1',
    );
  });

  it('gives an error naming the closest metrics for a baseline.<metric> that neither run has', () => {
    expect(
      judge('loss <= baseline.val_los', [run({ loss: 1, val_loss: 1 })], [run({ loss: 1, val_loss: 1 })]),
    ).toMatchObject({
      verdict: 'error',
      message: 'metric "val_los" not found in the runs or the baseline; closest: val_loss, loss',
    });
    expect(gate('loss <= baseline.zzz', [run({ loss: 1 })], [run({ loss: 1 })]).passed).toBe(false);
    // Only in the runs, or only in the baseline: the comparison still stands or is skipped as before.
    expect(judge('loss <= baseline.val', [run({ loss: 1, val: 2 })], [run({ loss: 1, val: 2 })]).verdict).toBe('pass');
    expect(judge('loss <= baseline.val', [run({ loss: 1, val: 2 })], [run({ loss: 1 })]).verdict).toBe('skipped');
  });

  it('ranks close names', () => {
    expect(closestNames('acuracy', ['loss', 'val.accuracy', 'accuracy', 'accuracy_top5'])).toEqual([
      'accuracy',
      'accuracy_top5',
      'val.accuracy',
    ]);
    expect(closestNames('loss', ['train-loss', 'val_loss', 'lr', 'accuracy'], 1)).toEqual(['train-loss']);
    expect(closestNames('zzz', ['accuracy'])).toEqual([]);
  });
});

describe('evaluateRules: several runs', () => {
  const seeds = [run({ acc: 0.95 }, 's1'), run({ acc: 0.85 }, 's2'), run({ acc: 0.8 }, 's3')];

  it('fails when any run fails, reporting the worst', () => {
    expect(judge('acc >= 0.9', seeds)).toEqual({
      rule: 'acc >= 0.9',
      line: 1,
      experiment: 'train',
      metric: 'acc',
      verdict: 'fail',
      actual: 0.8,
      threshold: 0.9,
      message: 'acc = 0.8, not >= 0.9 in train/s3 (2 of 3 runs fail)',
    });
    expect(judge('acc <= 0.9', seeds)).toMatchObject({
      actual: 0.95,
      message: 'acc = 0.95, not <= 0.9 in train/s1 (1 of 3 runs fail)',
    });
    expect(judge('acc == 0.85', seeds)).toMatchObject({
      actual: 0.95,
      message: 'acc = 0.95, not == 0.85 in train/s1 (2 of 3 runs fail)',
    });
  });

  it('passes when every run passes, reporting the closest call', () => {
    expect(judge('acc >= 0.5', seeds)).toMatchObject({
      verdict: 'pass',
      actual: 0.8,
      message: 'acc = 0.8 >= 0.5; worst of 3 runs: train/s3',
    });
    expect(judge('acc != 0.84', seeds)).toMatchObject({
      actual: 0.85,
      message: 'acc = 0.85 != 0.84; worst of 3 runs: train/s2',
    });
  });

  it('judges each experiment against the baseline of its own experiment', () => {
    const runs = [run({ acc: 0.7 }, 'r1', 'small'), run({ acc: 0.9 }, 'r2', 'large')];
    const baseline = [run({ acc: 0.91 }, 'b2', 'large'), run({ acc: 0.69 }, 'b1', 'small')];
    const result = gate('acc: no-drop', runs, baseline);
    expect(result.passed).toBe(false);
    // Sorted by experiment name, whatever the order of the runs.
    expect(result.results.map((r) => [r.experiment, r.verdict, r.baseline])).toEqual([
      ['large', 'fail', 0.91],
      ['small', 'pass', 0.69],
    ]);
    expect(result.results[0]).toMatchObject({
      actual: 0.9,
      threshold: 0.91,
      message: 'acc = 0.9, not >= 0.91 (baseline 0.91)',
    });
  });

  it('skips the experiments that have no baseline', () => {
    const runs = [run({ acc: 0.7 }, 'r1', 'small'), run({ acc: 0.9 }, 'r2', 'new')];
    const result = gate('acc: no-drop', runs, [run({ acc: 0.6 }, 'b1', 'small')]);
    expect(result.results.map((r) => [r.experiment, r.verdict, r.message])).toEqual([
      ['new', 'skipped', 'skipped (no baseline)'],
      ['small', 'pass', 'acc = 0.7 >= 0.6 (baseline 0.6)'],
    ]);
    const other = gate('acc: no-drop', runs, [run({ acc: 0.6 }, 'b1', 'other')]);
    expect(other.results.map((r) => r.verdict)).toEqual(['skipped', 'skipped']);
  });

  it('never mixes experiments in an aggregate, on either side', () => {
    const runs = [
      run({ acc: 0.7 }, 'r1', 'small'),
      run({ acc: 0.72 }, 'r2', 'small'),
      run({ acc: 0.9 }, 'r3', 'large'),
      run({ acc: 0.94 }, 'r4', 'large'),
    ];
    const baseline = [
      run({ acc: 0.5 }, 'b1', 'small'),
      run({ acc: 0.6 }, 'b2', 'small'),
      run({ acc: 0.9 }, 'b3', 'large'),
    ];
    const result = gate('mean(acc) >= baseline\nmax(acc) <= mean(acc) + 2 * std(acc)', runs, baseline);
    expect(result.results.map((r) => [r.experiment, r.line, r.actual, r.baseline])).toEqual([
      ['large', 1, (0.9 + 0.94) / 2, 0.9],
      ['large', 2, 0.94, undefined],
      ['small', 1, (0.7 + 0.72) / 2, (0.5 + 0.6) / 2],
      ['small', 2, 0.72, undefined],
    ]);
    expect(result.results[1]?.threshold).toBeCloseTo(0.92 + 2 * Math.sqrt(0.0008), 12);
    expect(result.results[0]?.message).toBe('mean(acc) over 2 runs = 0.92 >= 0.9 (baseline 0.9)');
  });

  it('uses a baseline of another name when both sides hold one experiment', () => {
    expect(judge('acc: no-drop', [run({ acc: 0.7 }, 'r1', 'renamed')], [run({ acc: 0.6 }, 'b1', 'old')])).toMatchObject(
      {
        verdict: 'pass',
        baseline: 0.6,
      },
    );
  });

  it('compares a run with the mean of several baseline runs of its experiment', () => {
    const baseline = [run({ acc: 0.8 }, 'b1'), run({ acc: 0.9 }, 'b2'), run({ loss: 1 }, 'b3')];
    expect(judge('acc: no-drop', [run({ acc: 0.84 })], baseline)).toMatchObject({
      verdict: 'fail',
      baseline: (0.8 + 0.9) / 2,
    });
  });
});

describe('evaluateRules: aggregates', () => {
  const seeds = [run({ acc: 0.9 }, 's1'), run({ acc: 0.8 }, 's2'), run({ acc: 0.95 }, 's3'), run({ acc: 0.85 }, 's4')];
  // The mean as summarizeSample computes it: exactly 0.875, where adding up in order gives 0.8750000000000001.
  const mean = 0.875;

  it('aggregates over the runs', () => {
    const actual = (aggregate: string) => judge(`${aggregate}(acc) > 0`, seeds).actual;
    expect(actual('mean')).toBe(mean);
    expect(actual('min')).toBe(0.8);
    expect(actual('max')).toBe(0.95);
    expect(actual('median')).toBe((0.85 + 0.9) / 2);
    // The sample standard deviation: squared deviations over n - 1.
    expect(actual('std')).toBeCloseTo(Math.sqrt(0.0125 / 3), 15);
    expect(judge('median(acc) > 0', seeds.slice(0, 3)).actual).toBe(0.9);
  });

  it('reports the aggregate and the number of runs', () => {
    expect(judge('mean(acc) >= 0.9', seeds)).toEqual({
      rule: 'mean(acc) >= 0.9',
      line: 1,
      experiment: 'train',
      metric: 'acc',
      aggregate: 'mean',
      verdict: 'fail',
      actual: mean,
      threshold: 0.9,
      message: 'mean(acc) over 4 runs = 0.875, not >= 0.9',
    });
    expect(judge('std(acc) < 0.1', seeds).message).toBe('std(acc) over 4 runs = 0.0645497 < 0.1');
  });

  it('takes the same aggregate over the baseline runs', () => {
    const baseline = [run({ acc: 0.88, loss: 1 }, 'b1'), run({ acc: 0.9, loss: 3 }, 'b2')];
    expect(judge('mean(acc) >= baseline - 0.01', seeds, baseline)).toMatchObject({
      verdict: 'fail',
      actual: mean,
      baseline: (0.88 + 0.9) / 2,
      threshold: (0.88 + 0.9) / 2 - 0.01,
    });
    expect(judge('min(acc) >= baseline - 0.1', seeds, baseline)).toMatchObject({ verdict: 'pass', baseline: 0.88 });
    expect(judge('max(acc) >= baseline.loss / 4', seeds, baseline)).toMatchObject({ verdict: 'pass', threshold: 0.75 });
    const spread = [run({ acc: 0.5 }, 'b1'), run({ acc: 0.75 }, 'b2')];
    const spreadStd = Math.sqrt(0.125 ** 2 * 2);
    expect(judge('std(acc) <= baseline / 4', seeds, spread)).toMatchObject({
      verdict: 'fail',
      baseline: spreadStd,
      threshold: spreadStd / 4,
    });
    expect(judge('std(acc) <= baseline', seeds, spread)).toMatchObject({ verdict: 'pass', baseline: spreadStd });
    expect(judge('mean(acc): no-drop', seeds, undefined)).toMatchObject({
      verdict: 'skipped',
      message: 'skipped (no baseline)',
    });
  });

  it('has aggregate helpers that propagate NaN', () => {
    expect(aggregateValues('median', [3, 1, 2, 10])).toBe(2.5);
    // Sum of squared deviations 32, over n - 1 = 7.
    expect(aggregateValues('std', [2, 4, 4, 4, 5, 5, 7, 9])).toBe(Math.sqrt(32 / 7));
    expect(aggregateValues('min', [1, Number.NaN])).toBeNaN();
    expect(aggregateValues('median', [1, Number.NaN, 3])).toBeNaN();
    expect(() => aggregateValues('mean', [])).toThrow('mean of no values');
  });
});

describe('evaluateRules: NaN and division by zero', () => {
  it('fails every comparison with NaN, != included', () => {
    expect(judge('loss <= 1', [run({ loss: Number.NaN })])).toMatchObject({
      verdict: 'fail',
      actual: Number.NaN,
      message: 'loss = NaN, not <= 1; a comparison with NaN fails',
    });
    expect(judge('loss != 1', [run({ loss: Number.NaN })])).toMatchObject({
      verdict: 'fail',
      message: 'loss = NaN, not != 1; a comparison with NaN fails',
    });
    expect(judge('loss != 1', [run({ loss: 0.5 }), run({ loss: Number.NaN }, 'r2')]).verdict).toBe('fail');
    expect(judge('mean(acc) > 0', [run({ acc: 1 }), run({ acc: Number.NaN }, 'r2')]).message).toBe(
      'mean(acc) over 2 runs = NaN, not > 0; a comparison with NaN fails',
    );
    expect(judge('acc < 2', [run({ acc: 3 }), run({ acc: Number.NaN }, 'r2')]).message).toBe(
      'acc = NaN, not < 2; a comparison with NaN fails in train/r2 (2 of 2 runs fail)',
    );
  });

  it('gives an error verdict, never a pass, when the threshold is not finite', () => {
    expect(judge('loss <= baseline * 1e308 * 10', [run({ loss: 1 })], [run({ loss: 0.5 })])).toMatchObject({
      verdict: 'error',
      baseline: 0.5,
      message: 'the threshold cannot be computed: baseline * 1e+308 * 10 is Infinity',
    });
    expect(judge('loss >= -1e308 - 1e308', [run({ loss: 1 })])).toMatchObject({
      verdict: 'error',
      message: 'the threshold cannot be computed: -1e+308 - 1e+308 is -Infinity',
    });
    for (const rule of ['acc >= baseline', 'acc != baseline', 'acc: no-drop 5%', 'mean(acc) > baseline.acc - 1']) {
      const result = judge(rule, [run({ acc: 0.9 })], [run({ acc: Number.NaN })]);
      expect(result.verdict).toBe('error');
      expect(result.message).toMatch(/^the threshold cannot be computed: baseline(\.acc)? is NaN$/);
    }
    const result = gate('acc >= baseline', [run({ acc: 0.9 })], [run({ acc: Number.NaN })]);
    expect(result.passed).toBe(false);
  });

  it('gives an error verdict on division by zero', () => {
    const result = gate('acc >= 1 / (baseline - 0.5)', [run({ acc: 1 })], [run({ acc: 0.5 })]);
    expect(result.passed).toBe(false);
    expect(result.results[0]).toEqual({
      rule: 'acc >= 1 / (baseline - 0.5)',
      line: 1,
      experiment: 'train',
      metric: 'acc',
      verdict: 'error',
      actual: 1,
      baseline: 0.5,
      message: 'division by zero: baseline - 0.5 is 0',
    });
    expect(judge('acc >= 1 / 0', [run({ acc: 1 })]).message).toBe('division by zero');
    expect(judge('acc >= 1 / -0', [run({ acc: 1 })]).message).toBe('division by zero: -0 is 0');
    const perExperiment = gate(
      'acc >= 1 / baseline.steps',
      [run({ acc: 1 }, 'r1', 'a'), run({ acc: 1 }, 'r2', 'b'), run({ acc: 1 }, 'r3', 'b')],
      [run({ steps: 1 }, 'b1', 'a'), run({ steps: 0 }, 'b2', 'b')],
    );
    expect(perExperiment.results.map((r) => [r.experiment, r.verdict, r.message])).toEqual([
      ['a', 'pass', 'acc = 1 >= 1'],
      ['b', 'error', 'division by zero: baseline.steps is 0 in b/r2'],
    ]);
  });

  it('passes the gate with skipped and passing rules only', () => {
    const result = gate('acc >= 0.5\nacc: no-drop', [run({ acc: 1 })]);
    expect(result.results.map((r) => r.verdict)).toEqual(['pass', 'skipped']);
    expect(result.passed).toBe(true);
  });
});
