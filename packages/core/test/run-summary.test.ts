import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../src/record/run-record.ts';
import { renderRunSummary } from '../src/record/run-summary.ts';

const record = JSON.parse(
  fs.readFileSync(path.join(import.meta.dirname, 'fixtures/model-package/run-record.json'), 'utf8'),
) as RunRecord;

describe('renderRunSummary', () => {
  it('lists metrics and params in code-unit order, as the comparison report does', () => {
    const metric = { value: 1 };
    const text = renderRunSummary({
      ...record,
      metrics: { alpha: metric, Zeta: metric, 'b.x': metric, B: metric },
      params: { lr: 0.1, LR: 0.2, ab: 1 },
    });
    const named = new Set(['alpha', 'Zeta', 'b.x', 'B', 'lr', 'LR', 'ab']);
    const names = [...text.matchAll(/^\| (\S+) \|/gm)].map((match) => match[1]).filter((name) => named.has(name!));
    expect(names).toEqual(['B', 'Zeta', 'alpha', 'b.x', 'LR', 'ab', 'lr']);
  });

  it('heads the summary with the experiment, and the replicate when there is one, escaped', () => {
    const heading = (changes: Partial<RunRecord>) => renderRunSummary({ ...record, ...changes }).split('\n')[0];
    expect(heading({ experiment: 'train-a' })).toBe('### ML train: train-a');
    expect(heading({ experiment: 'train-a', replicate: { key: 'seed', value: '3' } })).toBe(
      '### ML train: train-a (seed 3)',
    );
    const hostile = heading({ experiment: 'x', replicate: { key: 'seed', value: '*b*\n# h' } }) ?? '';
    expect(hostile).not.toContain('\n');
    expect(hostile).not.toContain('*b*');
  });
});
