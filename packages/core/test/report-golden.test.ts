import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderComparison } from '../src/report/index.ts';
import { evaluateRules, parseRules } from '../src/gate/index.ts';
import { validateCharts } from './report-mermaid.ts';
import { BASE_SHA, history, record } from './report-records.ts';

// Set UPDATE_GOLDEN=1 to rewrite the golden files after an intended change of the report, then review the diff.
const update = process.env['UPDATE_GOLDEN'] === '1';
const folder = join(import.meta.dirname, 'fixtures', 'report');

async function matchesGolden(name: string, text: string): Promise<void> {
  const path = join(folder, name);
  if (update) await writeFile(path, text);
  expect(text).toBe(await readFile(path, 'utf8'));
}

describe('the comparison report, against golden files', () => {
  const runs = [
    record(
      {
        accuracy: { value: 0.912, history: history(30, (i) => 0.5 + 0.4 * (1 - Math.exp(-i / 6)) + 0.012) },
        loss: { value: 0.31, history: history(30, (i) => 0.3 + 0.7 * Math.exp(-i / 5) + 0.01) },
        latency_ms: 41.5,
        f1: Number.NaN,
      },
      { params: { 'train.lr': 0.05, 'train.epochs': 30 }, branch: 'tune-lr' },
    ),
  ];
  const baseline = [
    record(
      {
        accuracy: { value: 0.9, history: history(30, (i) => 0.5 + 0.4 * (1 - Math.exp(-i / 8))) },
        loss: { value: 0.3, history: history(30, (i) => 0.3 + 0.7 * Math.exp(-i / 7)) },
        latency_ms: 40,
        f1: 0.7,
      },
      { params: { 'train.lr': 0.02, 'train.epochs': 30 }, sha: BASE_SHA, branch: 'main' },
    ),
  ];
  const rules = parseRules('accuracy >= 0.9\nloss <= baseline * 1.05\nlatency_ms < 50');
  const gate = evaluateRules(rules, {
    runs,
    baseline,
    requireBaseline: false,
    alpha: 0.05,
  });
  const report = renderComparison({
    runs,
    baseline: { records: baseline, sha: BASE_SHA },
    gate,
    rules,
    key: 'train',
    links: { workflowRun: 'https://github.com/octo/ml/actions/runs/42' },
  });

  it('renders the comment exactly as recorded', async () => {
    await matchesGolden('comment.md', report.comment);
  });

  it('renders the machine-readable comparison exactly as recorded', async () => {
    await matchesGolden('comparison.json', `${JSON.stringify(report.json, null, 2)}\n`);
  });

  it('draws charts the real Mermaid parser accepts', async () => {
    expect(await validateCharts(report.comment, report.summary)).toBe(4);
  });
});
