import { describe, expect, it } from 'vitest';
import { ActionInputs, parseBaselineSpec } from '../src/index.ts';

function inputs(values: Record<string, string>) {
  const secrets: string[] = [];
  const reader = new ActionInputs({ input: (name) => values[name] ?? '', setSecret: (value) => secrets.push(value) });
  return { reader, secrets };
}

describe('typed inputs', () => {
  it('reads YAML 1.2 booleans and refuses anything else, blank included, naming the input', () => {
    const { reader } = inputs({ a: 'True', b: 'FALSE', c: 'yes', d: ' ' });
    expect(reader.boolean('a')).toBe(true);
    expect(reader.boolean('b')).toBe(false);
    expect(() => reader.boolean('c')).toThrow('input "c" must be true or false, got "yes"');
    expect(() => reader.boolean('d')).toThrow('input "d" must be true or false, got an empty value');
  });

  it('reads integers within bounds; an optional one may be blank', () => {
    const { reader } = inputs({ p: '4', q: '18', r: '1e3' });
    expect(reader.integer('p', { min: 1, max: 17 })).toBe(4);
    expect(() => reader.integer('q', { min: 1, max: 17 })).toThrow('input "q" must be between 1 and 17, got 18');
    expect(() => reader.integer('r', { min: 1, max: 17 })).toThrow('input "r" must be an integer, got "1e3"');
    expect(() => reader.integer('blank', { min: 1, max: 17 })).toThrow('got an empty value');
    expect(reader.optionalInteger('blank', { min: 1, max: 17 })).toBeUndefined();
  });

  it('reads a fraction strictly between 0 and 1, and refuses anything else naming the input', () => {
    const { reader } = inputs({ a: '0.05', b: ' .1 ', c: '5e-2', d: '0.999' });
    expect(reader.fraction('a')).toBe(0.05);
    expect(reader.fraction('b')).toBe(0.1);
    expect(reader.fraction('c')).toBe(0.05);
    expect(reader.fraction('d')).toBe(0.999);
    for (const bad of ['0', '1', '1.5', '-0.05', '5%', 'NaN', 'Infinity', '0x1', '0.05 0.1', 'abc']) {
      expect(() => inputs({ alpha: bad }).reader.fraction('alpha')).toThrow(
        `input "alpha" must be a number between 0 and 1, both excluded (such as 0.05), got "${bad}"`,
      );
    }
    expect(() => reader.fraction('blank')).toThrow(
      'input "blank" must be a number between 0 and 1, both excluded (such as 0.05), got an empty value',
    );
  });

  it('reads an http(s) address, blank as undefined, and refuses anything else', () => {
    const { reader } = inputs({
      page: ' https://octo.github.io/ml/ ',
      blank: '',
      js: 'javascript:alert(1)',
      path: 'docs/',
    });
    expect(reader.optionalUrl('page')).toBe('https://octo.github.io/ml/');
    expect(reader.optionalUrl('blank')).toBeUndefined();
    expect(() => reader.optionalUrl('js')).toThrow('input "js" must be an http(s) address, got "javascript:alert(1)"');
    expect(() => reader.optionalUrl('path')).toThrow('input "path" must be an http(s) address, got "docs/"');
  });

  it('masks a secret before returning it, and drops comment lines from lists', () => {
    const { reader, secrets } = inputs({ token: ' ghs_x ', list: 'a\n# note\n\n b \r\nc' });
    expect(reader.secret('token')).toBe('ghs_x');
    expect(secrets).toEqual(['ghs_x']);
    expect(reader.list('list')).toEqual(['a', 'b', 'c']);
    expect(() => reader.choice('mode', ['comment', 'collect'])).toThrow(
      'input "mode" must be one of comment, collect, got ""',
    );
  });
});

describe('input baseline', () => {
  it.each([
    ['auto', { kind: 'auto' }],
    [' none ', { kind: 'none' }],
    ['12345', { kind: 'workflow-run', runId: 12345 }],
    ['records/main.json', { kind: 'files', pattern: 'records/main.json' }],
    ['main.json', { kind: 'files', pattern: 'main.json' }],
    ['records/*', { kind: 'files', pattern: 'records/*' }],
    ['ml-run-churn', { kind: 'artifact', name: 'ml-run-churn' }],
  ])('reads %j', (text, spec) => {
    expect(parseBaselineSpec(text)).toEqual(spec);
  });

  it.each(['0', '99999999999999999999', 'a:b', 'name|other'])('refuses %j, naming the input', (text) => {
    expect(() => parseBaselineSpec(text)).toThrow(/^input "baseline" /);
  });
});

describe('environment variables beside inputs', () => {
  it('reads a variable trimmed, blank as undefined, and masks what it is asked to', () => {
    const secrets: string[] = [];
    const reader = new ActionInputs({
      input: () => '',
      setSecret: (value) => secrets.push(value),
      env: { MLFLOW_TRACKING_URI: ' http://h ', BLANK: '  ' },
    });
    expect(reader.environment('MLFLOW_TRACKING_URI')).toBe('http://h');
    expect(reader.environment('BLANK')).toBeUndefined();
    expect(reader.environment('MISSING')).toBeUndefined();
    reader.mask('tok');
    expect(secrets).toEqual(['tok']);
  });
});
