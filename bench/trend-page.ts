/**
 * Figure 7: the trend page. The static site (index.html and data.js) built from 10,000 history
 * entries: 4 experiments of 2,500 runs each, 4 metrics, a gate threshold. The figures are the
 * build's wall time, with the load average beside it, against the least work any page of this
 * history must do (serialising every entry once), and the page's weight against the history's.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { renderTrendPage, type ExperimentHistory } from '@ml-actions/core';
import { generateHistory } from '@ml-actions/testkit';
import { formatMs, formatRatio, median, verdict, type FigureRow } from './measure.ts';

const EXPERIMENTS = 4;
const ENTRIES_EACH = 2_500;
const METRICS = ['accuracy', 'loss', 'f1', 'auc'];
const ROUNDS = 5;
const TARGET_MS = 1000;

/** Runs the trend page figures. */
export function trendPage(): Promise<FigureRow[]> {
  const history: ExperimentHistory[] = Array.from({ length: EXPERIMENTS }, (_, i) => {
    const experiment = `train-model-${i}`;
    return {
      experiment,
      entries: generateHistory({ experiment, entries: ENTRIES_EACH, metrics: METRICS, threshold: 0.8, seed: i + 1 }),
    };
  });
  const entries = EXPERIMENTS * ENTRIES_EACH;
  const times: number[] = [];
  const referenceTimes: number[] = [];
  let historyBytes = 0;
  let weights = { html: 0, data: 0 };
  for (let round = 0; round < ROUNDS; round++) {
    let started = performance.now();
    const files = renderTrendPage(history, {
      title: 'churn: trends',
      repositoryUrl: 'https://github.com/octo-org/churn',
    });
    times.push(performance.now() - started);
    const bytes = (path: string) => Buffer.byteLength(files.find((file) => file.path === path)?.content ?? '');
    weights = { html: bytes('index.html'), data: bytes('data.js') };

    started = performance.now();
    // The history as its JSON Lines files hold it: one line per entry.
    historyBytes = history.reduce(
      (sum, { entries }) =>
        sum + entries.reduce((lines, entry) => lines + Buffer.byteLength(JSON.stringify(entry)) + 1, 0),
      0,
    );
    referenceTimes.push(performance.now() - started);
  }
  const ms = median(times);
  const referenceMs = median(referenceTimes);
  const count = entries.toLocaleString('en-US');
  return Promise.resolve([
    {
      figure: `7. trend page: ${count} entries (${EXPERIMENTS} x ${ENTRIES_EACH.toLocaleString('en-US')}, ${METRICS.length} metrics), build (median of ${ROUNDS})`,
      value: `${formatMs(ms)} (${loadAverage()})`,
      reference: `JSON.stringify of every entry ${formatMs(referenceMs)}`,
      ratio: formatRatio(ms / referenceMs),
      target: `< ${formatMs(TARGET_MS)}`,
      verdict: verdict(ms < TARGET_MS),
    },
    {
      figure: `7. trend page: ${count} entries, page weight`,
      value: `index.html ${kib(weights.html)} + data.js ${kib(weights.data)}`,
      reference: `history ${kib(historyBytes)}`,
      ratio: formatRatio((weights.html + weights.data) / historyBytes),
      target: 'reported',
      verdict: 'info',
    },
  ]);
}

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

function loadAverage(): string {
  return `load average ${loadavg()
    .map((load) => load.toFixed(2))
    .join(', ')}`;
}
