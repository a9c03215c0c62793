import { describe, expect, it } from 'vitest';
import { parseRules } from '../src/gate/index.ts';
import { UserError } from '../src/errors.ts';
import { renderComparison, type ComparisonInput } from '../src/report/index.ts';
import { compareSamples, type MetricRow } from '../src/report/metric-rows.ts';
import { directionResolver, isSystemValue, ruleDirections } from '../src/report/metric-direction.ts';
import { metricSelection } from '../src/report/metric-selection.ts';
import { summarizeSample } from '../src/statistics/index.ts';
import { BASE_SHA, record } from './report-records.ts';

const guess = directionResolver([], { higherIsBetter: [], lowerIsBetter: [] });
const options = { precision: 4, alpha: 0.05, direction: guess };

/** A row from two lists of replicate values of one metric. */
function row(metric: string, current: number[], baseline: number[], alpha = 0.05): MetricRow {
  return compareSamples(
    'train',
    metric,
    current.length === 0 ? undefined : summarizeSample(current),
    baseline.length === 0 ? undefined : summarizeSample(baseline),
    undefined,
    { ...options, alpha },
  );
}

/** Records of one experiment, one per replicate, from per-metric lists of values (undefined: the run lacks it). */
function replicates(
  metrics: Record<string, (number | undefined)[]>,
  options: { experiment?: string; sha?: string; prefix?: string } = {},
) {
  const count = Math.max(...Object.values(metrics).map((values) => values.length));
  return Array.from({ length: count }, (_, i) => {
    const values: Record<string, number> = {};
    for (const [name, list] of Object.entries(metrics)) if (list[i] !== undefined) values[name] = list[i]!;
    return record(values, {
      runId: `${options.prefix ?? 'r'}${i}`,
      experiment: options.experiment ?? 'train',
      ...(options.sha === undefined ? {} : { sha: options.sha }),
      matrix: { seed: i },
    });
  });
}

/** The metrics table rows (without header) of a Markdown report. */
function tableRows(markdown: string): string[] {
  const start = markdown.indexOf('#### Metrics\n\n');
  const end = markdown.indexOf('\n\n', start + 14);
  return markdown
    .slice(start + 14, end)
    .split('\n')
    .slice(2);
}

describe('a metric over replicates on both sides', () => {
  // Baseline accuracy 0.90, 0.91, 0.92: mean 0.91, std 0.01.
  const baseline = [0.9, 0.91, 0.92];

  it('calls a real drop of 3 vs 3 worse, with Welch’s p and the 95% interval', () => {
    // Mean 0.86, std 0.01: difference -0.05, se = 0.01 * sqrt(2/3) = 0.0081650, df = 4,
    // t = -6.1237, p = 0.00360; half-width t(0.975, 4) * se = 2.7764451 * 0.0081650 = 0.022669.
    const result = row('accuracy', [0.85, 0.86, 0.87], baseline);
    expect(result.verdict).toBe('worse');
    expect(result.status).toBe('worse');
    expect(result.change).toBeCloseTo(-0.05, 12);
    expect(result.test?.df).toBeCloseTo(4, 9);
    expect(result.test?.pValue).toBeCloseTo(0.0036, 4);
    expect(result.test?.ciLow).toBeCloseTo(-0.072669, 5);
    expect(result.test?.ciHigh).toBeCloseTo(-0.027331, 5);
    expect(result.current).toMatchObject({ n: 3 });
    expect(result.baseline?.std).toBeCloseTo(0.01, 12);
  });

  it('keeps a small drop within noise, and lets alpha decide what counts', () => {
    // Mean 0.905, std 0.01: t = -0.612, p = 0.57.
    const small = row('accuracy', [0.905, 0.915, 0.895], baseline);
    expect(small.verdict).toBe('within-noise');
    expect(small.status).toBe('within-noise');
    expect(small.test?.pValue).toBeGreaterThan(0.5);
    expect(small.test!.ciLow).toBeLessThan(0);
    expect(small.test!.ciHigh).toBeGreaterThan(0);
    // p = 0.0036 is significant at 0.05 but not at 0.001.
    expect(row('accuracy', [0.85, 0.86, 0.87], baseline, 0.001).verdict).toBe('within-noise');
  });

  it('calls a significant improvement better, in the metric’s own direction', () => {
    const loss = row('loss', [0.4, 0.42, 0.38], [0.5, 0.52, 0.48]);
    expect(loss.direction).toBe('lower');
    expect(loss.verdict).toBe('better');
    const accuracy = row('accuracy', [0.95, 0.96, 0.97], baseline);
    expect(accuracy.verdict).toBe('better');
  });

  it('with zero variance on both sides: equal means are within noise (p = 1), different ones significant (p = 0)', () => {
    const equal = row('accuracy', [0.9, 0.9, 0.9], [0.9, 0.9]);
    expect(equal.test).toMatchObject({ pValue: 1, ciLow: 0, ciHigh: 0, standardError: 0 });
    expect(equal.verdict).toBe('within-noise');
    expect(equal.status).toBe('unchanged');
    const different = row('accuracy', [0.9, 0.9], [0.8, 0.8]);
    expect(different.test?.pValue).toBe(0);
    expect(different.test?.ciLow).toBe(different.change);
    expect(different.test?.ciHigh).toBe(different.change);
    expect(different.verdict).toBe('better');
  });

  it('judges a NaN or infinite mean as measured: a diverged replicate is worse whichever way is good', () => {
    const diverged = row('accuracy', [0.9, NaN, 0.91], baseline);
    expect(diverged.test).toBeUndefined();
    expect(diverged.verdict).toBe('worse');
    expect(diverged.current?.n).toBe(3);
    const lossDiverged = row('loss', [0.3, NaN], [0.4, 0.5]);
    expect(lossDiverged.verdict).toBe('worse');
    const infinite = row('loss', [Infinity, 0.3, 0.3], [0.3, 0.31, 0.3]);
    expect(infinite.verdict).toBe('worse');
    expect(infinite.change).toBe(Infinity);
    const recovered = row('accuracy', [0.9, 0.91], [NaN, 0.9]);
    expect(recovered.verdict).toBe('better');
    const bothNaN = row('accuracy', [NaN, 0.9], [NaN, 0.8]);
    expect(bothNaN.status).toBe('unchanged');
    expect(bothNaN.verdict).toBe('within-noise');
  });
});

describe('a single run on a side', () => {
  it('keeps today’s comparison, marked single-run', () => {
    const one = row('accuracy', [0.95], [0.9, 0.91, 0.92]);
    expect(one.test).toBeUndefined();
    expect(one.verdict).toBe('single-run');
    expect(one.status).toBe('better');
    const other = row('loss', [0.4, 0.5], [0.3]);
    expect(other.verdict).toBe('single-run');
    expect(other.status).toBe('worse');
    expect(row('accuracy', [0.9], [0.9]).status).toBe('unchanged');
  });
});

describe('the table with replicates', () => {
  const input: ComparisonInput = {
    runs: replicates({ accuracy: [0.85, 0.86, 0.87], f1: [0.7, undefined, 0.72], loss: [0.31, 0.3, 0.29] }),
    baseline: {
      records: replicates(
        { accuracy: [0.9, 0.91, 0.92], f1: [0.7, 0.71, 0.69], loss: [0.3, 0.3, 0.3] },
        {
          sha: BASE_SHA,
          prefix: 'b',
        },
      ),
      sha: BASE_SHA,
    },
    key: 'train',
  };

  it('shows mean ± std (n), the interval, p, the verdict, and colours only a significant change', () => {
    const { comment, json } = renderComparison(input);
    expect(comment).toContain('| Metric | Baseline | This PR | Change (95% CI) | Change % | p | Verdict |');
    expect(tableRows(comment)).toEqual([
      '| accuracy ↑? | 0.91 ± 0.01 (3) | 0.86 ± 0.01 (3) | 🔴 ▼ -0.05 [-0.07267, -0.02733] | -5.49% | 0.0036 | 🔴 worse |',
      // se = sqrt(0.0002 / 2 + 0.0001 / 3) = 0.011547, t = 0.866, Welch df = 1.684: wide.
      '| f1 ↑? | 0.7 ± 0.01 (3) | 0.71 ± 0.01414 (2) | ▲ +0.01 [-0.04977, 0.06977] | +1.43% | 0.49 | within noise |',
      '| loss ↓? | 0.3 ± 0 (3) | 0.3 ± 0.01 (3) | 0 | 0% | 1 | within noise |',
    ]);
    expect(comment).toContain('🔴 **Worse** than the baseline · 1 worse, 1 within noise, 1 unchanged');
    // A metric that one replicate lacks counts the replicates that have it.
    expect(json.rows.find((entry) => entry.metric === 'f1')).toMatchObject({ n: 2, baselineN: 3 });
  });

  it('hides changes within noise with only-changed, never one failing the gate', () => {
    const { comment } = renderComparison({ ...input, onlyChanged: true });
    expect(tableRows(comment).map((line) => line.split(' | ')[0])).toEqual(['| accuracy ↑?']);
    expect(comment).toContain('_2 unchanged metrics (or within noise) hidden._');
  });

  it('matches each experiment with the baseline runs of the same name', () => {
    const runs = [
      ...replicates({ accuracy: [0.85, 0.86, 0.87] }, { experiment: 'small' }),
      ...replicates({ accuracy: [0.95, 0.96, 0.97] }, { experiment: 'large', prefix: 'l' }),
    ];
    const base = [
      ...replicates({ accuracy: [0.9, 0.91, 0.92] }, { experiment: 'large', sha: BASE_SHA, prefix: 'bl' }),
      ...replicates({ accuracy: [0.9, 0.91, 0.92] }, { experiment: 'small', sha: BASE_SHA, prefix: 'bs' }),
      ...replicates({ accuracy: [0.5] }, { experiment: 'gone', sha: BASE_SHA, prefix: 'bg' }),
    ];
    const { comment, json } = renderComparison({ ...input, runs, baseline: { records: base, sha: BASE_SHA } });
    expect(json.rows.map((entry) => [entry.experiment, entry.verdict, entry.status])).toEqual([
      ['small', 'worse', 'worse'],
      ['large', 'better', 'better'],
      ['gone', null, 'missing'],
    ]);
    expect(comment).toContain('| Experiment | Metric | Baseline |');
    expect(comment).toContain('| small | accuracy ↑? | 0.91 ± 0.01 (3) | 0.86 ± 0.01 (3) |');
    expect(json.verdict).toBe('mixed');
  });
});

describe('which way is good', () => {
  const rules = parseRules(
    [
      'score <= 0.5',
      'accuracy: no-drop',
      'std(f1) <= 0.01',
      'range >= 1',
      'range <= 2',
      'eq == 3',
      'epoch <= 100',
    ].join('\n'),
  );

  it('comes from the rules: >= and no-drop higher, <= and no-rise lower; ranges, == and std say nothing', () => {
    expect(Object.fromEntries(ruleDirections(rules))).toEqual({ score: 'lower', accuracy: 'higher', epoch: 'lower' });
    expect(ruleDirections(parseRules('loss: no-rise 5%')).get('loss')).toBe('lower');
  });

  it('takes a rule over an input over the guess, and marks the guess', () => {
    const resolve = directionResolver(rules, { higherIsBetter: ['score', 'f1'], lowerIsBetter: ['ACC*', 'range'] });
    expect(resolve('score')).toEqual({ direction: 'lower', source: 'rule' });
    expect(resolve('accuracy')).toEqual({ direction: 'higher', source: 'rule' });
    expect(resolve('accuracy_top5')).toEqual({ direction: 'lower', source: 'input' });
    expect(resolve('f1')).toEqual({ direction: 'higher', source: 'input' });
    expect(resolve('range')).toEqual({ direction: 'lower', source: 'input' });
    expect(resolve('val_loss')).toEqual({ direction: 'lower', source: 'guess' });
    expect(resolve('recall')).toEqual({ direction: 'higher', source: 'guess' });
    // A system value is never judged, whatever a rule says of it.
    expect(resolve('epoch')).toEqual({ direction: undefined, source: 'system' });
  });

  it('refuses a metric that both inputs name, naming both', () => {
    const resolve = directionResolver([], { higherIsBetter: ['val_*'], lowerIsBetter: ['*loss'] });
    expect(resolve('val_acc').direction).toBe('higher');
    expect(() => resolve('val_loss')).toThrow(UserError);
    expect(() => resolve('val_loss')).toThrow('matches both inputs "higher-is-better" and "lower-is-better"');
  });

  it('knows coordinates and system values, by whole name part, not by substring', () => {
    for (const name of [
      'epoch',
      'step',
      'trainer/global_step',
      'learning_rate',
      'lr-Adam',
      'train_runtime',
      'eval_samples_per_second',
      'duration_ms',
      'train.total_flos',
      'grad_norm',
    ]) {
      expect([name, isSystemValue(name)]).toEqual([name, true]);
    }
    for (const name of ['loss_epoch', 'train_loss_step', 'inference_time', 'accuracy', 'latency_ms', 'stepwise_f1']) {
      expect([name, isSystemValue(name)]).toEqual([name, false]);
    }
  });

  it('shows declared arrows plain, guesses with ?, system values with none and uncoloured, each explained', () => {
    const runs = [record({ accuracy: 0.95, loss: 0.2, epoch: 12, custom: 2 })];
    const base = record({ accuracy: 0.9, loss: 0.3, epoch: 10, custom: 3 }, { sha: BASE_SHA });
    const { comment, json } = renderComparison({
      runs,
      baseline: { records: [base], sha: BASE_SHA },
      key: 'k',
      rules: parseRules('accuracy >= 0.9'),
      directions: { higherIsBetter: [], lowerIsBetter: ['custom'] },
    });
    expect(tableRows(comment)).toEqual([
      '| custom ↓ | 3 | 2 | 🟢 ▼ -1 | -33.3% | single run |',
      '| loss ↓? | 0.3 | 0.2 | 🟢 ▼ -0.1 | -33.3% | single run |',
      '| accuracy ↑ | 0.9 | 0.95 | 🟢 ▲ +0.05 | +5.56% | single run |',
      '| epoch | 10 | 12 | ▲ +2 | +20% |  |',
    ]);
    expect(comment).toContain('`?`: guessed from the name');
    expect(comment).toContain('no arrow: a coordinate or system value');
    expect(comment).toContain('· 3 better, 1 changed');
    expect(json.rows.find((entry) => entry.metric === 'epoch')).toMatchObject({
      direction: null,
      directionSource: 'system',
      verdict: null,
      status: 'changed',
    });
  });
});

describe('input metrics', () => {
  it('includes by glob and excludes with !, case ignored', () => {
    const pick = metricSelection(['accuracy', 'loss', '!val_*']);
    expect(['accuracy', 'Loss', 'val_loss', 'f1'].filter(pick)).toEqual(['accuracy', 'Loss']);
    const drop = metricSelection(['!val_*', '!*.grad_norm']);
    expect(['accuracy', 'VAL_acc', 'layer.1.grad_norm', 'train.loss'].filter(drop)).toEqual(['accuracy', 'train.loss']);
    const globs = metricSelection(['train.*', 'eval/?1']);
    expect(['train.loss', 'eval/f1', 'eval/f10', 'test.loss'].filter(globs)).toEqual(['train.loss', 'eval/f1']);
    expect(['anything'].filter(metricSelection([]))).toEqual(['anything']);
  });

  it('chooses the rows of the comment, the summary and the JSON', () => {
    const runs = [record({ accuracy: 0.9, val_loss: 0.3, val_acc: 0.8, loss: 0.2 })];
    const base = record({ accuracy: 0.8, val_loss: 0.4, val_acc: 0.7, loss: 0.3 }, { sha: BASE_SHA });
    const { comment, summary, json } = renderComparison({
      runs,
      baseline: { records: [base], sha: BASE_SHA },
      key: 'k',
      metrics: ['*', '!val_*'],
    });
    expect(json.rows.map((entry) => entry.metric).sort()).toEqual(['accuracy', 'loss']);
    for (const text of [comment, summary]) {
      expect(tableRows(text)).toHaveLength(2);
      expect(text).not.toContain('val\\_');
    }
  });
});
