import { describe, expect, it } from 'vitest';
import { parseCompareBundle, serializeCompareBundle, type CompareBundle } from '../src/record/compare-bundle.ts';
import { UserError } from '../src/errors.ts';
import { record } from './report-records.ts';

const bundle: CompareBundle = {
  repository: 'octo/ml',
  pullRequest: 7,
  headSha: 'a'.repeat(40),
  runs: [record({ accuracy: 0.9, loss: Number.NaN })],
};

function tampered(change: (document: Record<string, unknown>) => void): string {
  const document = JSON.parse(serializeCompareBundle(bundle)) as Record<string, unknown>;
  change(document);
  return JSON.stringify(document);
}

describe('the comparison bundle handed from collect to publish', () => {
  it('round-trips, NaN included', () => {
    const parsed = parseCompareBundle(serializeCompareBundle(bundle), 'artifact');
    expect(parsed.runs[0]?.metrics['loss']?.value).toBeNaN();
    expect({ ...parsed, runs: [] }).toEqual({ ...bundle, runs: [] });
  });

  it.each([
    [
      'a bad schema',
      (d: Record<string, unknown>) => (d['schema'] = 'evil/bundle'),
      '$.schema is not "ml-actions/compare-bundle" (got "evil/bundle")',
    ],
    ['a newer version', (d: Record<string, unknown>) => (d['version'] = 3), '$.version is 3, which is not supported'],
    [
      'the older version that carried rules and a baseline',
      (d: Record<string, unknown>) => (d['version'] = 1),
      '$.version is 1, written by an older compare, which put rules and a baseline in it; collect and publish must use the same version of compare',
    ],
    [
      'a pull request number that is not one',
      (d: Record<string, unknown>) => (d['pullRequest'] = '7; rm -rf'),
      '$.pullRequest must be an integer (got "7; rm -rf")',
    ],
    [
      'a head sha that is not one',
      (d: Record<string, unknown>) => (d['headSha'] = 'main'),
      '$.headSha must be a commit sha (got "main")',
    ],
    [
      'a run that is not a record',
      (d: Record<string, unknown>) => (d['runs'] = [42]),
      '$.runs[0] must be a string (got 42)',
    ],
    ['no runs', (d: Record<string, unknown>) => (d['runs'] = []), '$.runs holds no run'],
  ])('refuses %s', (_case, change, message) => {
    const attempt = () => parseCompareBundle(tampered(change), 'artifact "ml-compare-train"');
    expect(attempt).toThrow(UserError);
    expect(attempt).toThrow(`artifact "ml-compare-train": refusing the comparison bundle: ${message}`);
  });

  it('refuses a record inside that breaks the run record schema, naming where', () => {
    const text = tampered((d) => {
      const runs = d['runs'] as string[];
      runs[0] = (runs[0] ?? '').replace('"ml-actions/run-record"', '"other"');
    });
    expect(() => parseCompareBundle(text, 'artifact')).toThrow(/artifact runs\[0\]/);
  });
});
