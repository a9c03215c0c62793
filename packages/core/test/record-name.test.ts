import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeFileStem } from '../src/files/safe-file-stem.ts';
import { isRunRecordFileName, runRecordFileName, runRecordName } from '../src/record/record-name.ts';
import type { Replicate } from '../src/record/run-record.ts';

const seed = (value: string): Replicate => ({ key: 'seed', value });
/** Any string, lone surrogates, emoji, control characters and all. */
const anyText = fc.string({ unit: 'binary', maxLength: 40 });
const hostile = [
  'x'.repeat(5000),
  'モデル',
  '../../etc/passwd',
  'a\\b/c',
  `"quoted" 'too'`,
  '👩‍🔬🧪',
  'nul\u0000esc\u001b[31mnew\nline\ttab',
  'rtl\u202eevil',
  '\ud800lone',
  'CON',
  '.hidden',
  '',
];

describe('runRecordName', () => {
  it('is the experiment alone without a replicate, and experiment-key-value with one', () => {
    expect(runRecordName({ experiment: 'train' })).toBe('train');
    expect(runRecordName({ experiment: 'train-a', replicate: seed('1') })).toBe('train-a-seed-1');
    expect(runRecordName({ experiment: 'cv', replicate: { key: 'fold', value: '3' } })).toBe('cv-fold-3');
  });

  it('adds a hash of its parts when the join could be read two ways', () => {
    const a = runRecordName({ experiment: 'a-seed-1', replicate: seed('2') });
    const b = runRecordName({ experiment: 'a', replicate: seed('1-seed-2') });
    expect(a).toMatch(/^a-seed-1-seed-2-[0-9a-f]{12}$/);
    expect(b).toMatch(/^a-seed-1-seed-2-[0-9a-f]{12}$/);
    expect(a).not.toBe(b);
    // Occurrences that overlap the separator count too: `a-seed` with `seed-1` reads as `a` with `seed-seed-1`.
    expect(runRecordName({ experiment: 'a-seed', replicate: seed('1') })).not.toBe(
      runRecordName({ experiment: 'a', replicate: seed('seed-1') }),
    );
  });

  it('property: distinct experiment and value pairs of one key never share a name', () => {
    const separatorHeavy = fc
      .array(fc.constantFrom('a', '-', 'seed', '1', '-seed-'), { maxLength: 6 })
      .map((parts) => parts.join(''));
    const part = fc.oneof(anyText, separatorHeavy);
    fc.assert(
      fc.property(fc.tuple(part, part), fc.tuple(part, part), ([e1, v1], [e2, v2]) => {
        fc.pre(e1 !== e2 || v1 !== v2);
        expect(runRecordName({ experiment: e1, replicate: seed(v1) })).not.toBe(
          runRecordName({ experiment: e2, replicate: seed(v2) }),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('property: the pairs whose plain joins coincide, (a-seed-b, c) and (a, b-seed-c), get names of their own', () => {
    const part = fc.string({ unit: fc.constantFrom('a', '-', 's', 'seed', '1'), maxLength: 5 });
    fc.assert(
      fc.property(part, part, part, (a, b, c) => {
        const first = runRecordName({ experiment: `${a}-seed-${b}`, replicate: seed(c) });
        const second = runRecordName({ experiment: a, replicate: seed(`${b}-seed-${c}`) });
        expect(first).not.toBe(second);
      }),
      { numRuns: 500 },
    );
  });
});

describe('safeFileStem', () => {
  it('keeps a lowercase ASCII name as it is', () => {
    expect(safeFileStem('train-a-seed-1')).toBe('train-a-seed-1');
    expect(safeFileStem('v1.2_final')).toBe('v1.2_final');
  });

  it('cleans and hashes anything else, so the stem is plain ASCII within 120 characters', () => {
    for (const name of hostile) {
      const stem = safeFileStem(name);
      expect(stem, JSON.stringify(name)).toMatch(/^[A-Za-z0-9._-]{0,120}$/);
      // `.hidden` and the empty name are fine stems to follow a prefix; every other one here changes.
      if (!['.hidden', ''].includes(name)) expect(stem, JSON.stringify(name)).toMatch(/-[0-9a-f]{12}$/);
    }
    expect(safeFileStem('a/b')).toMatch(/^a_b-[0-9a-f]{12}$/);
    expect(safeFileStem('👩‍🔬')).toMatch(/^___-[0-9a-f]{12}$/); // woman, joiner, microscope: one `_` each
  });

  it('an uppercase letter, or an ending that looks like a hash, is hashed too', () => {
    expect(safeFileStem('Train')).toMatch(/^Train-[0-9a-f]{12}$/);
    expect(safeFileStem('Train')).not.toBe(safeFileStem('train'));
    const lookalike = `a-${'0'.repeat(12)}`;
    expect(safeFileStem(lookalike)).not.toBe(lookalike);
  });

  it('two lone surrogates, which UTF-8 would make one character, stay apart', () => {
    expect(safeFileStem('\ud800')).not.toBe(safeFileStem('\ud801'));
  });

  it('property: distinct names give distinct stems, also where case is ignored', () => {
    const name = fc.oneof(anyText, fc.string({ unit: fc.constantFrom('a', 'A', '-', '/', '_', '0', 'f') }));
    fc.assert(
      fc.property(name, name, (a, b) => {
        fc.pre(a !== b);
        expect(safeFileStem(a).toLowerCase()).not.toBe(safeFileStem(b).toLowerCase());
      }),
      { numRuns: 3000 },
    );
  });
});

describe('runRecordFileName', () => {
  it('names the file after the experiment and replicate', () => {
    expect(runRecordFileName({ experiment: 'train' })).toBe('run-record-train.json');
    expect(runRecordFileName({ experiment: 'train-a', replicate: seed('2') })).toBe('run-record-train-a-seed-2.json');
  });

  it('every name it gives is one the readers of record artifacts take, hostile parts and all', () => {
    for (const value of hostile) {
      const name = runRecordFileName({ experiment: value || 'x', replicate: seed(value) });
      expect(isRunRecordFileName(name), name).toBe(true);
      expect(Buffer.byteLength(name)).toBeLessThanOrEqual(255);
    }
  });

  it('property: distinct experiment and value pairs never share a file, so merged downloads keep them all', () => {
    fc.assert(
      fc.property(fc.tuple(anyText, anyText), fc.tuple(anyText, anyText), ([e1, v1], [e2, v2]) => {
        fc.pre(e1 !== e2 || v1 !== v2);
        const a = runRecordFileName({ experiment: e1, replicate: seed(v1) });
        const b = runRecordFileName({ experiment: e2, replicate: seed(v2) });
        expect(a.toLowerCase()).not.toBe(b.toLowerCase());
        expect(isRunRecordFileName(a)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('isRunRecordFileName', () => {
  it('takes the legacy name and every run-record-<stem>.json, nothing else', () => {
    expect(isRunRecordFileName('run-record.json')).toBe(true);
    expect(isRunRecordFileName('run-record-train-seed-1.json')).toBe(true);
    for (const name of ['compare-bundle.json', 'run-record.json.txt', 'x/run-record.json', 'run-record-a b.json']) {
      expect(isRunRecordFileName(name), name).toBe(false);
    }
  });
});
