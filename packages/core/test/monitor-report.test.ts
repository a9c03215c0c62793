import { describe, expect, it } from 'vitest';
import { validateCharts } from './report-mermaid.ts';
import { isAlarm, monitorHeadline, renderMonitorReport, type DriftReport, type MonitorView } from '../src/index.ts';

const HOSTILE = 'city | @everyone `x` </details> ]"; %%{init}%% #amp;';

function view(drift: Partial<DriftReport> = {}): MonitorView {
  return {
    name: 'churn',
    stage: 'production',
    version: '1.2.0',
    versionUrl: 'https://github.com/acme/churn/releases/tag/churn%40v1.2.0',
    referenceSource: 'the profile of v1.2.0',
    runUrl: 'https://github.com/acme/churn/actions/runs/7',
    checkedAt: new Date('2026-12-07T06:17:00Z'),
    files: ['prod/day_1.csv'],
    drift: {
      alpha: 0.05,
      rows: 1000,
      referenceRows: 5000,
      driftedShare: 0.5,
      drifted: true,
      columns: [
        {
          column: HOSTILE,
          kind: 'categorical',
          n: 1000,
          referenceN: 5000,
          missing: 0,
          chi2PValue: 1e-9,
          jensenShannon: 0.2,
          psi: 0.5,
          pValue: 1e-9,
          adjustedPValue: 2e-9,
          method: 'binned',
          drifted: true,
          histogram: { labels: [HOSTILE, 'other'], reference: [0.7, 0.3], production: [0.4, 0.6] },
        },
        {
          column: 'age',
          kind: 'numeric',
          n: 1000,
          referenceN: 5000,
          missing: 3,
          ks: 0.01,
          ksPValue: 0.9,
          pValue: 0.9,
          adjustedPValue: 0.9,
          method: 'binned',
          drifted: false,
        },
      ],
      ...drift,
    },
    rules: undefined,
  };
}

describe("monitor's report", () => {
  it('keeps hostile column and category names data: no mention, no broken table, no broken chart', async () => {
    const text = renderMonitorReport(view());
    expect(await validateCharts(text)).toBe(1);
    expect(text).not.toMatch(/@everyone/);
    expect(text).not.toContain('</details>');
    // The table row of the hostile column has exactly the table's eight cell borders.
    const row = text.split('\n').find((line) => line.includes('categorical'))!;
    expect(row.replace(/\\\|/g, '').split('|')).toHaveLength(9);
    const chart = text.slice(text.indexOf('```mermaid'), text.lastIndexOf('```') + 3);
    // Two quoted labels, neither holding a quote, a backtick, `%` or `#`.
    expect(chart.split('\n').find((line) => line.startsWith('  x-axis'))).toMatch(
      /^ {2}x-axis \["[^"`%#]+", "other"\]$/,
    );
    expect(chart.match(/```/g)).toHaveLength(2);
    expect(text).toContain('[v1.2.0](https://github.com/acme/churn/releases/tag/churn%40v1.2.0)');
  });

  it('says what is wrong in one line, and nothing is an alarm when every column is stable and no rule failed', () => {
    expect(monitorHeadline(view())).toBe('churn in production: drift in 1 of 2 columns');
    const calm = view({ drifted: false, columns: [] });
    expect(isAlarm(calm)).toBe(false);
    expect(monitorHeadline(calm)).toBe('churn in production: no drift, every rule passed');
  });
});
