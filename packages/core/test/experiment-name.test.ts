import { describe, expect, it } from 'vitest';
import { defaultExperimentName, matrixReplicate, matrixValueText } from '../src/record/experiment-name.ts';

describe('defaultExperimentName', () => {
  it('a job without a matrix is its job id, as before replicates; a job without an id is train', () => {
    expect(defaultExperimentName('fit', {}, 'seed')).toBe('fit');
    expect(defaultExperimentName('fit', {}, undefined)).toBe('fit');
    expect(defaultExperimentName('', {}, 'seed')).toBe('train');
  });

  it('a matrix without the replicate key keeps every value, in the order of the matrix', () => {
    expect(defaultExperimentName('train', { os: 'linux', python: '3.12' }, 'seed')).toBe('train-linux-3.12');
    expect(defaultExperimentName('train', { python: '3.12', os: 'linux' }, 'seed')).toBe('train-3.12-linux');
  });

  it('leaves the replicate key out, so adding a seed to a matrix never changes the experiment', () => {
    const without = defaultExperimentName('train', { model: 'a' }, 'seed');
    expect(defaultExperimentName('train', { model: 'a', seed: 1 }, 'seed')).toBe(without);
    expect(defaultExperimentName('train', { seed: 3, model: 'a' }, 'seed')).toBe(without);
    expect(without).toBe('train-a');
    // A matrix of seeds alone: every run is a replicate of the job's one experiment.
    expect(defaultExperimentName('train', { seed: 42 }, 'seed')).toBe('train');
  });

  it('a custom replicate key is the one left out; the key `seed` then makes experiments again', () => {
    const matrix = { model: 'b', fold: 2, seed: 7 };
    expect(defaultExperimentName('cv', matrix, 'fold')).toBe('cv-b-7');
    expect(defaultExperimentName('cv', matrix, 'seed')).toBe('cv-b-2');
    // No replicate key (input set empty): every value is part of the experiment, as before.
    expect(defaultExperimentName('cv', matrix, undefined)).toBe('cv-b-2-7');
  });

  it('values that are not strings are written as JSON', () => {
    expect(defaultExperimentName('t', { n: 3, on: true, none: null, cfg: { lr: 0.1 }, list: [1, 2] }, 'seed')).toBe(
      't-3-true-null-{"lr":0.1}-[1,2]',
    );
  });

  it('keeps hostile values as they are: the experiment is data, only names made from it are cleaned', () => {
    const hostile = {
      long: 'x'.repeat(5000),
      unicode: 'モデル',
      path: '../a/b\\c',
      quotes: `"it's"`,
      emoji: '👩‍🔬🧪',
      control: 'a\u0000b\nc\u001b[31m',
    };
    const name = defaultExperimentName('train', { ...hostile, seed: '1' }, 'seed');
    expect(name).toBe(['train', ...Object.values(hostile)].join('-'));
  });
});

describe('matrixReplicate', () => {
  it('is the replicate key and its value as text, when the matrix has the key', () => {
    expect(matrixReplicate({ model: 'a', seed: 1 }, 'seed')).toEqual({ key: 'seed', value: '1' });
    expect(matrixReplicate({ fold: 'k-2' }, 'fold')).toEqual({ key: 'fold', value: 'k-2' });
    expect(matrixReplicate({ seed: { base: 1 } }, 'seed')).toEqual({ key: 'seed', value: '{"base":1}' });
    expect(matrixReplicate({ seed: null }, 'seed')).toEqual({ key: 'seed', value: 'null' });
  });

  it('is absent without the key in the matrix, without a matrix, or without a replicate key', () => {
    expect(matrixReplicate({ model: 'a' }, 'seed')).toBeUndefined();
    expect(matrixReplicate({}, 'seed')).toBeUndefined();
    expect(matrixReplicate({ seed: 1 }, undefined)).toBeUndefined();
    // Only the matrix's own keys: an inherited name is not a matrix key.
    expect(matrixReplicate({}, 'toString')).toBeUndefined();
  });

  it('keeps a hostile value exactly, as data', () => {
    const value = 'a/b\u0000"\'\n🧪\ud800'.repeat(100);
    expect(matrixReplicate({ seed: value }, 'seed')).toEqual({ key: 'seed', value });
  });
});

describe('matrixValueText', () => {
  it('strings as they are, everything else as JSON', () => {
    expect(matrixValueText('3')).toBe('3');
    expect(matrixValueText(3)).toBe('3');
    expect(matrixValueText(false)).toBe('false');
    expect(matrixValueText(['a'])).toBe('["a"]');
  });
});
