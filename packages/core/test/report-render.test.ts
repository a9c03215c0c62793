import { beforeAll, describe, expect, it } from 'vitest';
import type { GateResult, RuleResult } from '../src/gate/gate-result.ts';
import { parseRules } from '../src/gate/index.ts';
import { compareMarker, renderComparison, type ComparisonInput, type ComparisonReport } from '../src/report/index.ts';
import { comparisonVerdict } from '../src/report/verdict.ts';
import { utf8Length } from '../src/report/text-size.ts';
import { BASE_SHA, history, record } from './report-records.ts';
import { mermaidBlocks, mermaidParse, validateCharts } from './report-mermaid.ts';

beforeAll(async () => {
  await mermaidParse();
}, 60_000);

/** Renders, and checks every chart of the comment and the summary with the real Mermaid parser. */
async function render(input: ComparisonInput): Promise<ComparisonReport & { charts: number }> {
  const report = renderComparison(input);
  const charts = await validateCharts(report.comment, report.summary);
  return { ...report, charts };
}

/** The lines of the metrics table (header, delimiter, rows). */
function metricsTable(markdown: string): string[] {
  const start = markdown.indexOf('| Metric |');
  const end = markdown.indexOf('\n\n', start);
  return markdown.slice(start, end === -1 ? undefined : end).split('\n');
}

function rule(metric: string, verdict: RuleResult['verdict'], line = 1): RuleResult {
  return { rule: `${metric} >= 0.95`, line, metric, verdict, message: `${metric} is 0.91, needs >= 0.95` };
}

const baseline = record(
  { accuracy: 0.9, loss: 0.5, f1: 0.8, latency_ms: 10, perplexity: 10, old: 1, same: 3 },
  { sha: BASE_SHA, branch: 'main', params: { lr: 0.01, epochs: 10, seed: 1 } },
);
const current = record(
  { accuracy: 0.91, loss: 0.4, f1: NaN, latency_ms: 12, perplexity: Infinity, fresh: 5, same: 3 },
  { params: { lr: 0.02, epochs: 10, optimizer: 'adam', seed: 1 } },
);
const input: ComparisonInput = {
  runs: [current],
  baseline: { records: [baseline], sha: BASE_SHA },
  key: 'default',
  precision: 4,
  charts: true,
  onlyChanged: false,
};

describe('the metrics table', () => {
  it('has exact rows: up, down, NaN, infinity, missing, new, unchanged, sorted by |change %|', async () => {
    const { comment } = await render(input);
    // One run a side: the change is judged as measured, marked single run; directions are guesses.
    expect(metricsTable(comment)).toEqual([
      '| Metric | Baseline | This PR | Change | Change % | Verdict |',
      '| :-- | --: | --: | --: | --: | :-- |',
      '| f1 ↑? | 0.8 | NaN | 🔴 NaN | NaN | single run |',
      '| perplexity ↓? | 10 | ∞ | 🔴 ▲ +∞ | +∞% | single run |',
      '| latency\\_ms ↓? | 10 | 12 | 🔴 ▲ +2 | +20% | single run |',
      '| loss ↓? | 0.5 | 0.4 | 🟢 ▼ -0.1 | -20% | single run |',
      '| accuracy ↑? | 0.9 | 0.91 | 🟢 ▲ +0.01 | +1.11% | single run |',
      '| old ↑? | 1 | — | missing | — |  |',
      '| fresh ↑? | — | 5 | new | — |  |',
      '| same ↑? | 3 | 3 | 0 | 0% | single run |',
    ]);
    expect(comment).toContain(
      '_single run: one run on a side, so its noise is unknown; the change is judged as measured._',
    );
    expect(comment).toContain('`?`: guessed from the name');
    expect(comment).not.toContain('Welch');
    expect(comment).toContain(
      '🟡 **Mixed**: some metrics better, some worse · 2 better, 3 worse, 1 unchanged, 1 new, 1 missing',
    );
  });

  it('puts metrics failing the gate first and shows the gate column', async () => {
    const gate: GateResult = {
      passed: false,
      results: [rule('accuracy', 'fail'), rule('loss', 'pass', 2), rule('same', 'skipped', 3)],
    };
    const { comment, json } = await render({ ...input, gate });
    const rows = metricsTable(comment);
    expect(rows[0]).toBe('| Metric | Baseline | This PR | Change | Change % | Verdict | Gate |');
    expect(rows[2]).toBe('| accuracy ↑? | 0.9 | 0.91 | 🟢 ▲ +0.01 | +1.11% | single run | ❌ |');
    expect(rows[6]).toBe('| loss ↓? | 0.5 | 0.4 | 🟢 ▼ -0.1 | -20% | single run | ✅ |');
    expect(rows[9]).toBe('| same ↑? | 3 | 3 | 0 | 0% | single run | ⏭️ |');
    expect(rows[3]).toBe('| f1 ↑? | 0.8 | NaN | 🔴 NaN | NaN | single run |  |');
    expect(comment).toContain('❌ **Failing gate**: 1 of 3 rules failed');
    expect(comment).toContain('- ❌ accuracy &gt;= 0.95 (line 1): accuracy is 0.91, needs &gt;= 0.95');
    expect(json.verdict).toBe('failing gate');
    expect(json.gate).toEqual({ passed: false, failed: ['accuracy >= 0.95'] });
  });

  it('hides unchanged rows with onlyChanged and says how many', async () => {
    const { comment } = await render({ ...input, onlyChanged: true });
    const rows = metricsTable(comment);
    expect(rows).toHaveLength(2 + 7);
    expect(rows.some((row) => row.startsWith('| same '))).toBe(false);
    expect(comment).toContain('_1 unchanged metric (or within noise) hidden._');
  });

  it('shows mean ± std (n) of replicates on both sides, the interval of the difference and Welch p', async () => {
    const runs = [record({ acc: 0.8 }, { runId: 'a' }), record({ acc: 0.9 }, { runId: 'b' })];
    const { comment, json } = await render({
      ...input,
      runs,
      baseline: { records: [record({ acc: 0.7 }), record({ acc: 0.8 })], sha: BASE_SHA },
    });
    // 2 vs 2, std 0.07071 each: se 0.07071, df 2, t = 1.414, p = 1 - t / sqrt(t² + 2) = 0.293;
    // half-width t(0.975, 2) · se = 4.3027 · 0.07071 = 0.3042.
    expect(metricsTable(comment)).toEqual([
      '| Metric | Baseline | This PR | Change (95% CI) | Change % | p | Verdict |',
      '| :-- | --: | --: | --: | --: | --: | :-- |',
      '| acc ↑? | 0.75 ± 0.07071 (2) | 0.85 ± 0.07071 (2) | ▲ +0.1 [-0.2042, 0.4042] | +13.3% | 0.29 | within noise |',
    ]);
    expect(comment).toContain('⚪ **No change** beyond noise · 1 within noise');
    expect(comment).toContain('Welch’s t-test. A change is better or worse only when p < 0.05');
    expect(json.rows[0]).toMatchObject({
      metric: 'acc',
      baselineMean: 0.75,
      n: 2,
      baselineN: 2,
      verdict: 'within-noise',
    });
  });
});

describe('the verdict', () => {
  const counts = { better: 0, worse: 0, 'within-noise': 0, changed: 0, unchanged: 0, new: 0, missing: 0 };
  it('is better, worse, mixed, no change, no baseline or failing gate', () => {
    expect(comparisonVerdict({ ...counts, better: 1, unchanged: 3 }, true, undefined)).toBe('better');
    expect(comparisonVerdict({ ...counts, worse: 2, new: 1 }, true, undefined)).toBe('worse');
    expect(comparisonVerdict({ ...counts, better: 1, worse: 1 }, true, undefined)).toBe('mixed');
    expect(comparisonVerdict({ ...counts, unchanged: 4, new: 1, missing: 1 }, true, undefined)).toBe('no change');
    expect(comparisonVerdict({ ...counts, new: 4 }, false, undefined)).toBe('no baseline');
    expect(comparisonVerdict({ ...counts, better: 4 }, true, { passed: false, results: [] })).toBe('failing gate');
    expect(comparisonVerdict({ ...counts, new: 4 }, false, { passed: false, results: [] })).toBe('failing gate');
    expect(comparisonVerdict({ ...counts, better: 1 }, true, { passed: true, results: [] })).toBe('better');
  });

  it('reads the direction of each metric: a lower loss is better, a lower accuracy worse', async () => {
    const better = await render({ ...input, runs: [record({ loss: 0.4, accuracy: 0.95 })] });
    expect(better.json.verdict).toBe('better');
    expect(better.comment).toContain('🟢 **Better** than the baseline · 2 better, 5 missing');
    const worse = await render({ ...input, runs: [record({ loss: 0.6, accuracy: 0.9 })] });
    expect(worse.json.verdict).toBe('worse');
    expect(worse.comment).toContain('🔴 **Worse** than the baseline · 1 worse, 1 unchanged, 5 missing');
    const same = await render({ ...input, runs: [record({ loss: 0.50001, accuracy: 0.9 })] });
    expect(same.json.verdict).toBe('no change');
    expect(same.comment).toContain('⚪ **No change** from the baseline');
  });

  it('says when there is no baseline and shows this PR’s values only', async () => {
    const { comment, json } = await render({ ...input, baseline: undefined });
    expect(json.verdict).toBe('no baseline');
    expect(json.baseline).toBeNull();
    expect(comment).toContain('⚪ **No baseline**: nothing to compare with');
    expect(metricsTable(comment)[2]).toBe('| accuracy ↑? | — | 0.91 | — | — |');
    expect(comment).not.toContain('Params that changed');
  });

  it('links both commits, the baseline run and the workflow run, and shows the notice', async () => {
    const { comment } = await render({
      ...input,
      runs: [record({ a: 1 }, { headSha: 'abcdef0123456789abcdef0123456789abcdef01' })],
      baseline: {
        records: [baseline],
        sha: BASE_SHA,
        url: 'https://github.com/octo/ml/actions/runs/9',
        notice: 'No record for the merge base; used the newest older one.',
      },
      links: {
        workflowRun: 'https://github.com/octo/ml/actions/runs/10',
        modelPackage: {
          name: 'churn',
          version: 'v1.2.0',
          url: 'https://github.com/octo/ml/releases/tag/churn%40v1.2.0',
        },
      },
    });
    expect(comment).toContain(
      'This PR: feature/x @ [abcdef0](https://github.com/octo/ml/commit/abcdef0123456789abcdef0123456789abcdef01) · ' +
        'baseline: main @ [2222222](https://github.com/octo/ml/commit/2222222222222222222222222222222222222222) ' +
        '([baseline run](https://github.com/octo/ml/actions/runs/9)) · [workflow run](https://github.com/octo/ml/actions/runs/10)',
    );
    expect(comment).toContain('> ℹ️ No record for the merge base; used the newest older one.');
    expect(comment).toContain(
      "📦 The baseline's model version: [churn@v1.2.0](https://github.com/octo/ml/releases/tag/churn%40v1.2.0)",
    );
    expect(comment.trimEnd().endsWith('<sub>ml-actions compare</sub>')).toBe(true);
  });

  it("links the trend page near the end, with each of a few baseline experiments' point of the baseline commit", async () => {
    const experiments = ['train-a', 'train-b'];
    const trendPage = { url: 'https://octo.github.io/ml/', branch: 'main' };
    const { comment, summary } = await render({
      ...input,
      runs: [...experiments, 'brand-new'].map((experiment) => record({ accuracy: 0.9 }, { experiment })),
      baseline: {
        records: experiments.map((experiment) => record({ accuracy: 0.9 }, { experiment, sha: BASE_SHA })),
        sha: BASE_SHA,
      },
      links: { trendPage },
    });
    // The pull request's new experiment has no history yet: it gets no link.
    const line =
      "📈 [Trend page](https://octo.github.io/ml/) of main's history: " +
      `[train-a](https://octo.github.io/ml/#experiment=train-a&commit=${BASE_SHA}) · ` +
      `[train-b](https://octo.github.io/ml/#experiment=train-b&commit=${BASE_SHA})`;
    expect(comment).toContain(`\n\n${line}\n\n<sub>ml-actions compare</sub>`);
    expect(summary).toContain(line);

    const many = Array.from({ length: 6 }, (_, i) => `exp-${i}`);
    const crowded = await render({
      ...input,
      runs: many.map((experiment) => record({ accuracy: 0.9 }, { experiment })),
      baseline: { records: many.map((experiment) => record({ accuracy: 0.9 }, { experiment })), sha: 'not-a-sha' },
      links: { trendPage: { url: trendPage.url } },
    });
    expect(crowded.comment).toContain('\n\n📈 [Trend page](https://octo.github.io/ml/) of the history\n\n');
    expect(crowded.comment).not.toContain('#experiment=');
    expect((await render(input)).comment).not.toContain('Trend page');
    const unsafe = await render({ ...input, links: { trendPage: { url: 'javascript:alert(1)' } } });
    expect(unsafe.comment).not.toContain('Trend page');
  });

  it('links nothing it cannot trust: a javascript: URL or an odd repository', async () => {
    const { comment } = await render({
      ...input,
      repository: 'octo/ml](https://evil.example)',
      links: { workflowRun: 'javascript:alert(1)' },
    });
    expect(comment).toContain('This PR: feature/x @ 1111111 · baseline: main @ 2222222');
    expect(comment).not.toContain('javascript:');
    expect(comment).not.toContain('evil.example');
  });
});

describe('the report sections', () => {
  it('starts with the marker, and lists changed params', async () => {
    const { comment, summary, json } = await render(input);
    expect(comment.startsWith(`${compareMarker('default')}\n\n### 📊 Metric comparison`)).toBe(true);
    expect(summary.startsWith('### 📊 Metric comparison')).toBe(true);
    expect(comment).toContain(
      [
        '#### Params that changed (2)',
        '',
        '| Param | Baseline | This PR |',
        '| :-- | :-- | :-- |',
        '| lr | 0.01 | 0.02 |',
        '| optimizer | — | adam |',
      ].join('\n'),
    );
    expect(json.params).toEqual([
      { name: 'lr', baseline: [0.01], current: [0.02] },
      { name: 'optimizer', baseline: [], current: ['adam'] },
    ]);
  });

  it("names a few significant changes before the table, the gate's metrics first, and never leaves out a regression", async () => {
    // Five replicates a side, so every difference below is significant.
    const side = (shift: Record<string, number>, sha?: string) =>
      [0, 1, 2, 3, 4].map((i) =>
        record(Object.fromEntries(Object.entries(shift).map(([name, value]) => [name, value + 0.0001 * i])), {
          runId: `r${sha ?? 'pr'}${i}`,
          matrix: { seed: i },
          ...(sha === undefined ? {} : { sha }),
        }),
      );
    const base = side({ a: 0.5, b: 0.5, c: 0.5, d: 0.5, val_loss: 0.3 }, BASE_SHA);
    const runs = side({ a: 0.6, b: 0.55, c: 0.52, d: 0.51, val_loss: 0.33 });
    const gate: GateResult = { passed: true, results: ['a', 'b', 'c'].map((metric) => rule(metric, 'pass')) };
    const { comment } = await render({
      ...input,
      runs,
      baseline: { records: base, sha: BASE_SHA },
      gate,
      rules: parseRules('a >= 0\nb >= 0\nc >= 0'),
    });
    const line = comment.split('\n').find((text) => text.startsWith('Significant: '));
    expect(line).toBe('Significant: 🟢 a +20% · 🟢 b +10% · 🔴 val\\_loss +9.99% · 2 more in the table');
  });

  it('draws a learning curve per metric with a history, this PR in blue and the baseline in grey', async () => {
    const runs = [record({ loss: { value: 0.2, history: history(300, (i) => 1 / (1 + i)) }, acc: 0.9 })];
    const base = record(
      { loss: { value: 0.3, history: history(200, (i) => 1.2 / (1 + i), 1, 50) }, acc: 0.9 },
      { sha: BASE_SHA },
    );
    const { comment, charts } = await render({ ...input, runs, baseline: { records: [base], sha: BASE_SHA } });
    expect(charts).toBe(2); // one in the comment, one in the summary
    const [chart] = mermaidBlocks(comment);
    expect(chart!.split('\n').slice(4, 10)).toEqual([
      '      plotColorPalette: "#1F6FEB, #8C959F"',
      '---',
      'xychart-beta',
      '  title "loss"',
      '  x-axis "step" 0 --> 299',
      '  y-axis 0.003333 --> 1.2',
    ]);
    expect(chart!.match(/^ {2}line \[/gm)).toHaveLength(2);
    expect(comment).toContain('**Lines**: blue: this PR · grey: baseline 2222222');
    expect(comment).toContain('| blue | this PR | 0–299 (300) | 1 | 0.003333 | 1 | 0.003333 |');
    expect(comment).toContain('| grey | baseline 2222222 | 50–249 (200) | 1.2 | 0.006 | 1.2 | 0.006 |');
    expect(comment).toContain('#### Learning curves (1 metric)');
    const off = await render({ ...input, runs, baseline: { records: [base], sha: BASE_SHA }, charts: false });
    expect(off.charts).toBe(0);
    expect(off.comment).not.toContain('Learning curves');
  });

  it('ranks experiments in a leaderboard: mean ± std over replicates, best in bold, by rank-by', async () => {
    const run = (experiment: string, lr: number, seed: number, metrics: Record<string, number>) =>
      record(metrics, { runId: `${experiment}-${seed}`, experiment, matrix: { lr, seed } });
    const runs = [
      run('lr-0.1', 0.1, 1, { accuracy: 0.9, loss: 0.3, extra: 1 }),
      run('lr-0.1', 0.1, 2, { accuracy: 0.91, loss: 0.32, extra: 1 }),
      run('lr-0.1', 0.1, 3, { accuracy: 0.92, loss: 0.34, extra: 1 }),
      run('lr-0.2', 0.2, 1, { accuracy: 0.93, loss: 0.4 }),
      run('lr-0.2', 0.2, 2, { accuracy: 0.95, loss: 0.5 }),
      run('lr-0.3', 0.3, 1, { accuracy: NaN, loss: 0.2 }),
    ];
    const rules = parseRules('mean(accuracy) >= 0.8\nloss <= 1');
    const gate: GateResult = {
      passed: true,
      results: [
        { ...rule('accuracy', 'pass'), rule: 'mean(accuracy) >= 0.8' },
        { ...rule('loss', 'pass', 2), rule: 'loss <= 1' },
      ],
    };
    const { comment, json } = await render({ ...input, runs, gate, rules });
    // Ranked by the first rule's metric; the rules declare both directions, so no `?`.
    expect(comment).toContain(
      [
        '#### Leaderboard (3 experiments)',
        '',
        '| # | Experiment | Matrix | Runs | accuracy ↑ | loss ↓ |',
        '| --: | :-- | :-- | --: | --: | --: |',
        '| 1 | lr-0.2 | lr=0.2 | 2 | **0.94 ± 0.01414** | 0.45 ± 0.07071 |',
        '| 2 | lr-0.1 | lr=0.1 | 3 | 0.91 ± 0.01 | 0.32 ± 0.02 |',
        '| 3 | lr-0.3 | lr=0.3, seed=1 | 1 | NaN | **0.2** |',
        '',
        '_Ranked by accuracy; best mean in bold._',
      ].join('\n'),
    );
    expect(json.leaderboard).toMatchObject({ rankBy: 'accuracy', best: ['lr-0.2', 'lr-0.3'] });
    expect(json.leaderboard?.experiments.map((entry) => entry.experiment)).toEqual(['lr-0.2', 'lr-0.1', 'lr-0.3']);
    const first = json.leaderboard?.experiments[0]?.values[0];
    expect(first?.n).toBe(2);
    expect(first?.mean).toBeCloseTo(0.94, 12);
    expect(first?.std).toBeCloseTo(Math.SQRT2 / 100, 12);

    // rank-by puts its metric first and ranks by it, lower being better for a loss.
    const byLoss = await render({ ...input, runs, gate, rules, rankBy: 'loss' });
    expect(byLoss.json.leaderboard?.metrics.map((metric) => metric.name)).toEqual(['loss', 'accuracy']);
    expect(byLoss.json.leaderboard?.experiments.map((entry) => entry.experiment)).toEqual([
      'lr-0.3',
      'lr-0.1',
      'lr-0.2',
    ]);
    expect(() => renderComparison({ ...input, runs, rankBy: 'los' })).toThrow(
      'input "rank-by" names metric "los", which no run has; close names: "loss"',
    );
    // Without rules the key metrics are the first five by name, ranked by the first, its direction a guess.
    const plain = await render({ ...input, runs });
    expect(plain.json.leaderboard?.rankBy).toBe('accuracy');
    expect(plain.json.leaderboard?.metrics.map((metric) => metric.name)).toEqual(['accuracy', 'extra', 'loss']);
    expect(plain.comment).toContain('| # | Experiment | Matrix | Runs | accuracy ↑? | extra ↑? | loss ↓? |');
    // One experiment, however many replicates, has no leaderboard: the table shows its spread.
    const single = await render({ ...input, runs: runs.slice(0, 3) });
    expect(single.json.leaderboard).toBeNull();
    expect(single.comment).not.toContain('Leaderboard');
  });

  it('gives the comparison as JSON version 2 with NaN and infinities as strings', async () => {
    const { json } = await render(input);
    expect(json).toMatchObject({
      schema: 'ml-actions/comparison',
      version: 2,
      key: 'default',
      verdict: 'mixed',
      commit: '1111111111111111111111111111111111111111',
      runs: 1,
      alpha: 0.05,
    });
    expect(json.baseline).toEqual({ sha: BASE_SHA, url: null, notice: null, records: 1 });
    expect(json.counts).toEqual({
      better: 2,
      worse: 3,
      'within-noise': 0,
      changed: 0,
      unchanged: 1,
      new: 1,
      missing: 1,
    });
    const single = {
      n: 1,
      std: null,
      baselineN: 1,
      baselineStd: null,
      ciLow: null,
      ciHigh: null,
      pValue: null,
      historyNoise: null,
    };
    expect(json.rows.slice(0, 2)).toEqual([
      {
        experiment: 'train',
        metric: 'f1',
        direction: 'higher',
        directionSource: 'guess',
        ...single,
        mean: 'NaN',
        baselineMean: 0.8,
        difference: 'NaN',
        changePct: 'NaN',
        verdict: 'single-run',
        status: 'worse',
        gate: null,
      },
      {
        experiment: 'train',
        metric: 'perplexity',
        direction: 'lower',
        directionSource: 'guess',
        ...single,
        mean: 'Infinity',
        baselineMean: 10,
        difference: 'Infinity',
        changePct: 'Infinity',
        verdict: 'single-run',
        status: 'worse',
        gate: null,
      },
    ]);
    expect(json.rows.find((row) => row.metric === 'old')).toMatchObject({
      metric: 'old',
      n: 0,
      mean: null,
      std: null,
      baselineN: 1,
      baselineMean: 1,
      difference: null,
      verdict: null,
      status: 'missing',
    });
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});

describe('size limits', () => {
  /** Many metrics with long names, many with histories, many runs and params: far over 65,536 characters. */
  function hugeInput(): ComparisonInput {
    const names = Array.from(
      { length: 3000 },
      (_, i) => `encoder.layer_${String(i).padStart(4, '0')}.attention.output.dense.grad_norm_mean`,
    );
    const curve = history(2000, (i) => 1 / (1 + i / 100));
    const metrics = (shift: number, seed: number): Record<string, { value: number; history?: typeof curve }> =>
      Object.fromEntries(
        names.map((name, i) => [
          name,
          i < 40 ? { value: i + shift, history: curve } : { value: i * (1 + shift) + seed },
        ]),
      );
    const params = (shift: number): Record<string, number> =>
      Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`optimizer.group_${i}.learning_rate`, i + shift]));
    const runs = Array.from({ length: 30 }, (_, r) =>
      record(metrics(0.5, r / 100), {
        runId: `r${r}`,
        experiment: 'train',
        matrix: { seed: r },
        params: params(1),
      }),
    );
    return {
      ...input,
      runs,
      baseline: { records: [record(metrics(0, 0), { sha: BASE_SHA, params: params(0) })], sha: BASE_SHA },
    };
  }

  it('keeps the comment within 65,536 characters, cutting tables with a note; the summary has every row', async () => {
    const { comment, summary } = await render(hugeInput());
    expect(comment.length).toBeLessThanOrEqual(65_536);
    expect(comment.startsWith(compareMarker('default'))).toBe(true);
    expect(comment).toMatch(/_\d+ more rows left out to fit the comment; the job summary has them all\._/);
    expect(comment).toMatch(/_40 more learning curves are in the job summary\._/);
    expect(mermaidBlocks(comment)).toHaveLength(0);
    expect(utf8Length(summary)).toBeLessThanOrEqual(1024 * 1024);
    expect(metricsTable(summary)).toHaveLength(2 + 3000);
    expect(mermaidBlocks(summary)).toHaveLength(40);
    expect(summary).toContain('<details><summary>Learning curves (40 metrics)</summary>');
  });

  it('degrades in order as the limit shrinks: fold, fewer charts, no charts, cut rows, bare verdict', async () => {
    const runs = [
      record(
        Object.fromEntries(
          Array.from({ length: 12 }, (_, i) => [
            `m${i}`,
            { value: i, history: history(500, (s) => i + Math.sin(s / 9)) },
          ]),
        ),
      ),
    ];
    const base = record(Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`m${i}`, i + 1])), { sha: BASE_SHA });
    const small: ComparisonInput = { ...input, runs, baseline: { records: [base], sha: BASE_SHA } };
    const full = await render(small);
    expect(mermaidBlocks(full.comment)).toHaveLength(12);
    expect(full.comment).toContain('<details><summary>Learning curves (12 metrics)</summary>');

    const some = await render({ ...small, maxCommentChars: full.comment.length - 100 });
    expect(some.comment.length).toBeLessThanOrEqual(full.comment.length - 100);
    expect(mermaidBlocks(some.comment)).toHaveLength(11);
    expect(some.comment).toContain('_1 more learning curve is in the job summary._');

    const none = await render({ ...small, maxCommentChars: 1500 });
    expect(none.comment.length).toBeLessThanOrEqual(1500);
    expect(mermaidBlocks(none.comment)).toHaveLength(0);
    expect(none.comment).toContain('_12 more learning curves are in the job summary._');
    expect(metricsTable(none.comment)).toHaveLength(2 + 12);

    const cut = await render({ ...small, maxCommentChars: 1100 });
    expect(cut.comment.length).toBeLessThanOrEqual(1100);
    expect(metricsTable(cut.comment).length).toBeLessThan(2 + 12);
    expect(cut.comment).toMatch(/_\d+ more rows left out to fit the comment; the job summary has them all\._/);

    const bare = await render({ ...small, maxCommentChars: 500 });
    expect(bare.comment.length).toBeLessThanOrEqual(500);
    expect(bare.comment).toContain('_The full report does not fit in a comment; see the job summary._');
    expect(bare.comment.startsWith(compareMarker('default'))).toBe(true);

    // Every limit is honoured exactly, whatever it is.
    for (let limit = 200; limit <= full.comment.length + 50; limit += 397) {
      const { comment } = renderComparison({ ...small, charts: limit % 2 === 0, maxCommentChars: limit });
      expect(comment.length).toBeLessThanOrEqual(limit);
    }
  });

  it('keeps the job summary within its limit in UTF-8 bytes, not characters', async () => {
    const runs = [record(Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`精度_${i}_🏆`, i])))];
    const { summary } = await render({ ...input, runs, maxSummaryBytes: 20_000 });
    expect(Buffer.byteLength(summary, 'utf8')).toBeLessThanOrEqual(20_000);
    expect(summary.length).toBeLessThan(20_000);
    expect(summary).toMatch(/_\d+ more rows left out to fit the job summary limit; the JSON report has them all\._/);
  });
});
