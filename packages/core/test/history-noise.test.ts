import { describe, expect, it } from 'vitest';
import { evaluateRules, parseRules } from '../src/gate/index.ts';
import { HISTORY_ENTRY_SCHEMA, HISTORY_ENTRY_VERSION, type HistoryEntry } from '../src/history/history-entry.ts';
import { historyNoiseLookup, noiseFromHistory, type HistoryNoise } from '../src/history/history-noise.ts';
import { renderComparison } from '../src/report/index.ts';
import { compareSamples } from '../src/report/metric-rows.ts';
import { directionResolver } from '../src/report/metric-direction.ts';
import { outsideNoiseTest, summarizeSample, twoSidedTailProbability } from '../src/statistics/index.ts';
import { BASE_SHA, record } from './report-records.ts';

/** An entry of `train` with accuracy over the given replicates. */
function entry(values: number[], position = 0): HistoryEntry {
  const summary = summarizeSample(values);
  return {
    schema: HISTORY_ENTRY_SCHEMA,
    version: HISTORY_ENTRY_VERSION,
    experiment: 'train',
    commit: position.toString(16).padStart(40, '0'),
    date: '2026-12-01T00:00:00Z',
    branch: 'main',
    workflowRunId: position + 1,
    runAttempt: 1,
    runUrl: `https://github.com/octo/ml/actions/runs/${position + 1}`,
    commitUrl: `https://github.com/octo/ml/commit/${position}`,
    pullRequest: null,
    metrics: {
      accuracy: { mean: summary.mean, std: summary.std ?? null, n: summary.n, min: summary.min, max: summary.max },
    },
    params: {},
    gate: null,
    packageVersion: null,
  };
}

describe('noiseFromHistory', () => {
  it('pools the spread within entries that had replicates', () => {
    const noise = noiseFromHistory([entry([0.9, 0.91, 0.92], 0), entry([0.8, 0.82, 0.84], 1)], 'accuracy');
    // (2 * 0.01^2 + 2 * 0.02^2) / 4
    expect(noise?.method).toBe('replicates');
    expect(noise?.df).toBe(4);
    expect(noise?.entries).toBe(2);
    expect(noise?.std).toBeCloseTo(Math.sqrt((2 * 0.0001 + 2 * 0.0004) / 4), 12);
  });

  it('takes the spread over commits of single-run entries, from three on', () => {
    const singles = [0.9, 0.92, 0.91, 0.95].map((value, i) => entry([value], i));
    const noise = noiseFromHistory(singles, 'accuracy');
    expect(noise).toEqual({ std: summarizeSample([0.9, 0.92, 0.91, 0.95]).std, df: 3, method: 'commits', entries: 4 });
    expect(noiseFromHistory(singles.slice(0, 2), 'accuracy')).toBeUndefined();
  });

  it('skips entries without the metric or with a value that is not finite, and gives none from too little', () => {
    const entries = [entry([0.9, NaN, 0.92], 0), entry([0.9, 0.91], 1), entry([NaN], 2)];
    // One entry with a finite spread: df 1 is too few.
    expect(noiseFromHistory(entries, 'accuracy')).toBeUndefined();
    expect(noiseFromHistory(entries, 'loss')).toBeUndefined();
    const lookup = historyNoiseLookup(new Map([['train', [entry([0.9, 0.91, 0.92]), entry([0.9, 0.92, 0.94])]]]));
    expect(lookup('train', 'accuracy')?.df).toBe(4);
    expect(lookup('other', 'accuracy')).toBeUndefined();
  });
});

describe('outsideNoiseTest', () => {
  it('divides the difference by the outside spread over both sides and uses its degrees of freedom', () => {
    const test = outsideNoiseTest(summarizeSample([0.85]), summarizeSample([0.9]), { std: 0.01, df: 19 })!;
    const se = 0.01 * Math.sqrt(2);
    expect(test.standardError).toBeCloseTo(se, 15);
    expect(test.t).toBeCloseTo(-0.05 / se, 9);
    expect(test.df).toBe(19);
    expect(test.pValue).toBe(twoSidedTailProbability(test.t, 19));
    // Student's t with 19 degrees of freedom: 2.093024054408263 at 95 % (tables).
    expect(test.ciHigh - test.ciLow).toBeCloseTo(2 * 2.093024054408263 * se, 9);
  });

  it('is exact with no spread and gives nothing for a non-finite mean or too few degrees of freedom', () => {
    expect(outsideNoiseTest(summarizeSample([1]), summarizeSample([1]), { std: 0, df: 5 })?.pValue).toBe(1);
    expect(outsideNoiseTest(summarizeSample([2]), summarizeSample([1]), { std: 0, df: 5 })?.pValue).toBe(0);
    expect(outsideNoiseTest(summarizeSample([NaN]), summarizeSample([1]), { std: 1, df: 5 })).toBeUndefined();
    expect(outsideNoiseTest(summarizeSample([2]), summarizeSample([1]), { std: 1, df: 0 })).toBeUndefined();
  });
});

const NOISE: HistoryNoise = { std: 0.01, df: 19, method: 'replicates', entries: 10 };
const direction = directionResolver([], { higherIsBetter: [], lowerIsBetter: [] });

describe('a single run on a side, with the noise from history', () => {
  const compare = (now: number, then: number, noise: HistoryNoise | undefined) =>
    compareSamples('train', 'accuracy', summarizeSample([now]), summarizeSample([then]), undefined, {
      precision: 4,
      alpha: 0.05,
      direction,
      historyNoise: () => noise,
    });

  it('calls a change within the history’s noise within noise, and one far beyond it worse', () => {
    const small = compare(0.895, 0.9, NOISE);
    expect(small).toMatchObject({ status: 'within-noise', verdict: 'within-noise', historyNoise: NOISE });
    expect(small.test?.pValue).toBeGreaterThan(0.05);
    const large = compare(0.85, 0.9, NOISE);
    expect(large).toMatchObject({ status: 'worse', verdict: 'worse' });
    expect(large.test?.pValue).toBeLessThan(0.01);
  });

  it('judges as measured, marked single run, without an estimate', () => {
    expect(compare(0.895, 0.9, undefined)).toMatchObject({
      status: 'worse',
      verdict: 'single-run',
      historyNoise: undefined,
    });
  });

  it('marks the verdict in the comment and says where the noise came from', () => {
    const report = renderComparison({
      runs: [record({ accuracy: 0.895 })],
      baseline: {
        records: [record({ accuracy: 0.9 }, { runId: 'base', sha: BASE_SHA, branch: 'main' })],
        sha: BASE_SHA,
      },
      key: 'ml',
      historyNoise: (experiment, metric) => (experiment === 'train' && metric === 'accuracy' ? NOISE : undefined),
    });
    expect(report.comment).toMatch(/within noise †/);
    expect(report.comment).toContain(
      "noise from history: a side has a single run, so the spread of one run is taken from the base branch's last 10 entries",
    );
    expect(report.comment).not.toContain('_single run:');
    const row = report.json.rows.find((r) => r.metric === 'accuracy')!;
    expect(row.historyNoise).toEqual({ std: 0.01, df: 19, entries: 10, method: 'replicates' });
    expect(row.pValue).toBeGreaterThan(0.05);
  });

  it('tests a significant rule with it: a drop within noise passes, one beyond fails, and the message says so', () => {
    const judge = (now: number) =>
      evaluateRules(parseRules('accuracy: no-drop significant'), {
        runs: [record({ accuracy: now })],
        baseline: [record({ accuracy: 0.9 }, { runId: 'base' })],
        requireBaseline: false,
        alpha: 0.05,
        historyNoise: () => NOISE,
      }).results[0]!;
    const within = judge(0.895);
    expect(within).toMatchObject({ verdict: 'pass', noise: 'within-noise' });
    expect(within.message).toContain('noise from history: a side has a single run, so the spread of one run is 0.01');
    expect(judge(0.85)).toMatchObject({ verdict: 'fail', noise: 'worse' });
    // Without history the same small drop fails as measured.
    const plain = evaluateRules(parseRules('accuracy: no-drop significant'), {
      runs: [record({ accuracy: 0.895 })],
      baseline: [record({ accuracy: 0.9 }, { runId: 'base' })],
      requireBaseline: false,
      alpha: 0.05,
    }).results[0]!;
    expect(plain).toMatchObject({ verdict: 'fail', noise: 'single-run' });
  });
});
