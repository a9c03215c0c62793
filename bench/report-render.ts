/**
 * Figure 3: report rendering. A matrix of 50 experiments x 3 replicates (seeds), 150 runs with
 * 1,000 metrics each, every metric with a 10,000-step history, against a baseline of the same
 * shape: the whole comparison (comment, job summary, JSON) is rendered, with 50,000 rows of
 * mean ± std and Welch's test, and the comment must stay within GitHub's 65,536 characters.
 *
 * 150 x 1,000 x 10,000 points would be 24 GB of numbers, so runs share history arrays: one steps
 * column for all, and per metric one values column for the baseline and two that the runs take
 * in turn. The renderer cannot tell, and reads the same number of points either way. Final
 * values differ per replicate (a small seeded jitter), so every row has a spread to test.
 *
 * The reference is the least work any renderer of this report must do: serialise every final
 * value (JSON.stringify of the records without their histories) and read each point that the
 * charts draw (the first run's and the baseline's histories) once.
 */
import { performance } from 'node:perf_hooks';
import { MAX_COMMENT_CHARS, renderComparison, type Metric, type MetricHistory, type RunRecord } from '@ml-actions/core';
import { formatMs, formatRatio, median, verdict, type FigureRow } from './measure.ts';

const EXPERIMENTS = 50;
const REPLICATES = 3;
const RUNS = EXPERIMENTS * REPLICATES;
const METRICS = 1000;
const STEPS = 10_000;
const ROUNDS = 5;
const TARGET_MS = 1000;

/** Runs the rendering figure. */
export function reportRender(): Promise<FigureRow[]> {
  const steps = Array.from({ length: STEPS }, (_, i) => i * 10);
  const names = Array.from({ length: METRICS }, (_, i) => metricName(i));
  const columns = (seed: number) => names.map((_, m) => curve(m, seed));
  const baselineValues = columns(0);
  const runValues = [columns(1), columns(2)];

  const experiment = (r: number) => `train-lr${Math.floor(r / REPLICATES)}`;
  const lr = (r: number) => 0.001 * (1 + Math.floor(r / REPLICATES));
  const baseline = Array.from({ length: RUNS }, (_, r) =>
    record('main', experiment(r), { lr: lr(r), layers: 4 }, names, steps, baselineValues, 0, r),
  );
  const runs = Array.from({ length: RUNS }, (_, r) =>
    record('feature/wider-model', experiment(r), { lr: lr(r), layers: 6 }, names, steps, runValues[r % 2]!, 1, r),
  );
  const input = {
    runs,
    baseline: { records: baseline, sha: '2'.repeat(40), url: 'https://github.com/octo-org/churn/actions/runs/1' },
    key: 'train',
  };

  const renderTimes: number[] = [];
  const referenceTimes: number[] = [];
  let commentLength = 0;
  let sink = 0;
  for (let round = 0; round < ROUNDS; round++) {
    let started = performance.now();
    const report = renderComparison(input);
    renderTimes.push(performance.now() - started);
    commentLength = report.comment.length;

    started = performance.now();
    sink += referenceWork([...baseline, ...runs], [runs[0]!, baseline[0]!]);
    referenceTimes.push(performance.now() - started);
  }
  if (Number.isNaN(sink)) throw new Error('the reference read no numbers');

  const ms = median(renderTimes);
  const referenceMs = median(referenceTimes);
  return Promise.resolve([
    {
      figure: `3. render ${METRICS} metrics x ${EXPERIMENTS} experiments x ${REPLICATES} replicates x ${STEPS.toLocaleString('en-US')}-step histories`,
      value: formatMs(ms),
      reference: `stringify values + read charted points ${formatMs(referenceMs)}`,
      ratio: formatRatio(ms / referenceMs),
      target: `< ${formatMs(TARGET_MS)}`,
      verdict: verdict(ms < TARGET_MS),
    },
    {
      figure: '3. render: comment length',
      value: `${commentLength.toLocaleString('en-US')} chars`,
      reference: `limit ${MAX_COMMENT_CHARS.toLocaleString('en-US')}`,
      ratio: formatRatio(commentLength / MAX_COMMENT_CHARS),
      target: `<= ${MAX_COMMENT_CHARS.toLocaleString('en-US')}`,
      verdict: verdict(commentLength <= MAX_COMMENT_CHARS),
    },
  ]);
}

/** Names as a real project has them: grouped, some long. */
function metricName(i: number): string {
  const group = ['train', 'eval', 'test', 'val/per_class'][i % 4]!;
  return `${group}.metric_${String(i).padStart(4, '0')}${i % 7 === 0 ? '_with_a_rather_long_descriptive_suffix' : ''}`;
}

/** A decaying, noisy curve; `seed` shifts it so that runs differ from the baseline. */
function curve(metric: number, seed: number): number[] {
  const values = new Array<number>(STEPS);
  const scale = 1 + (metric % 13) / 10;
  for (let i = 0; i < STEPS; i++) {
    const noise = (Math.imul(i * 31 + metric * 7 + seed * 1_000_003 + 1, 2654435761) >>> 0) / 2 ** 32;
    values[i] = scale / (1 + i / (500 + seed * 50)) + noise * 0.02;
  }
  return values;
}

function record(
  branch: string,
  experiment: string,
  params: Record<string, number>,
  names: string[],
  steps: number[],
  values: number[][],
  side: number,
  replicate: number,
): RunRecord {
  const index = side * RUNS + replicate + 1;
  const metrics: Record<string, Metric> = {};
  names.forEach((name, m) => {
    const history: MetricHistory = { steps, values: values[m]! };
    // Seeds differ: a jitter of up to 1% on the final value, different per run and metric.
    const jitter = ((Math.imul(index * 7919 + m * 104729 + 1, 2654435761) >>> 0) / 2 ** 32 - 0.5) * 0.02;
    metrics[name] = { value: values[m]![STEPS - 1]! * (1 + jitter), step: steps[STEPS - 1]!, history };
  });
  return {
    schema: 'ml-actions/run-record',
    version: 1,
    runId: `run-${index}`,
    experiment,
    attempt: 1,
    provenance: {
      repository: 'octo-org/churn',
      serverUrl: 'https://github.com',
      sha: (side === 0 ? '2' : '3').repeat(40),
      ref: side === 0 ? 'refs/heads/main' : 'refs/pull/7/merge',
      branch,
      event: side === 0 ? 'push' : 'pull_request',
      workflow: 'ml',
      workflowRunId: 100 + index,
      runAttempt: 1,
      runNumber: 3,
      job: 'train',
      matrix: { lr: params['lr'], seed: replicate % REPLICATES },
      runnerOs: 'Linux',
    },
    params,
    metrics,
    outcome: {
      status: 'succeeded',
      startedAt: '2025-01-01T00:00:00Z',
      finishedAt: '2025-01-01T01:00:00Z',
      durationMs: 3_600_000,
    },
    inputs: [],
    sources: ['metrics.jsonl'],
  };
}

/** Serialises every final value and reads every charted point once; returns a sum so that nothing is optimised away. */
function referenceWork(all: RunRecord[], charted: RunRecord[]): number {
  const text = JSON.stringify(all, (key, value: unknown) => (key === 'history' ? undefined : value));
  let sum = text.length;
  for (const run of charted) {
    for (const metric of Object.values(run.metrics)) {
      const history = metric.history;
      if (history === undefined) continue;
      let lo = Infinity;
      let hi = -Infinity;
      for (let i = 0; i < history.values.length; i++) {
        const value = history.values[i]!;
        if (value < lo) lo = value;
        if (value > hi) hi = value;
        sum += history.steps[i]!;
      }
      sum += lo + hi;
    }
  }
  return sum;
}
