import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { metricDirection } from '../src/report/metric-direction.ts';
import { formatNumber, formatPercent, formatSigned, plainDecimal, toJsonNumber } from '../src/report/number-format.ts';
import { utf8Length } from '../src/report/text-size.ts';

describe('number formatting', () => {
  it('shows significant digits without trailing zeros, and missing, NaN and infinities as symbols', () => {
    expect(formatNumber(0.9, 4)).toBe('0.9');
    expect(formatNumber(0.123456, 4)).toBe('0.1235');
    expect(formatNumber(1234.5678, 4)).toBe('1235');
    expect(formatNumber(9999.7, 4)).toBe('10000');
    expect(formatNumber(123456789, 4)).toBe('123456789');
    expect(formatNumber(0.00001234, 4)).toBe('0.00001234');
    expect(formatNumber(1.5e-7, 4)).toBe('1.5e-7');
    expect(formatNumber(2e21, 4)).toBe('2e+21');
    expect(formatNumber(-0, 4)).toBe('0');
    expect(formatNumber(undefined, 4)).toBe('—');
    expect(formatNumber(NaN, 4)).toBe('NaN');
    expect(formatNumber(Infinity, 4)).toBe('∞');
    expect(formatNumber(-Infinity, 4)).toBe('-∞');
  });

  it('signs changes and limits percentages to three digits', () => {
    expect(formatSigned(0.010000000000000009, 4)).toBe('+0.01');
    expect(formatSigned(-0.1, 4)).toBe('-0.1');
    expect(formatSigned(Infinity, 4)).toBe('+∞');
    expect(formatSigned(0, 4)).toBe('0');
    expect(formatPercent(1.1111111, 4)).toBe('+1.11%');
    expect(formatPercent(-20, 4)).toBe('-20%');
    expect(formatPercent(NaN, 4)).toBe('NaN');
    expect(formatPercent(Infinity, 4)).toBe('+∞%');
  });

  it('writes chart numbers in plain decimals that read back as the rounded value', () => {
    expect(plainDecimal(1.234e-7, 4)).toBe('0.0000001234');
    expect(plainDecimal(-5.6e22, 4)).toBe('-56000000000000000000000');
    expect(plainDecimal(0.5, 4)).toBe('0.5');
    expect(plainDecimal(-1e-30, 2)).toBe('-0.000000000000000000000000000001');
    expect(() => plainDecimal(NaN, 4)).toThrow('plainDecimal needs a finite number, got NaN');
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        const text = plainDecimal(value, 6);
        expect(text).toMatch(/^-?\d+(\.\d+)?$/);
        expect(Number(text)).toBe(Number(value.toPrecision(6)) + 0);
      }),
    );
  });

  it('carries NaN and infinities into JSON as strings', () => {
    expect([NaN, Infinity, -Infinity, 1.5].map(toJsonNumber)).toEqual(['NaN', 'Infinity', '-Infinity', 1.5]);
  });
});

describe('metric direction', () => {
  it('reads loss, error, latency, time and friends as lower-is-better, by word', () => {
    const lower = [
      'loss',
      'val_loss',
      'trainLoss',
      'train/loss',
      'error_rate',
      'errors',
      'err',
      'test.mae',
      'mse',
      'RMSE',
      'latency_ms',
      'p99Latency',
      'time',
      'runtime',
      'epoch_time_s',
      'perplexity',
      'eval/wer',
      'cer',
      'nllloss',
      'losses',
    ];
    const higher = ['accuracy', 'f1', 'auc', 'precision', 'power', 'answer_f1', 'soccer_score', 'maestro', 'recall@5'];
    expect(lower.filter((name) => metricDirection(name) !== 'lower')).toEqual([]);
    expect(higher.filter((name) => metricDirection(name) !== 'higher')).toEqual([]);
  });
});

describe('utf8Length', () => {
  it('counts UTF-8 bytes like Buffer does, lone surrogates as the 3-byte replacement', () => {
    for (const text of ['', 'abc', 'é', '—∞', '🏆 ok', 'a\ud800b', '\udc00']) {
      expect(utf8Length(text)).toBe(Buffer.byteLength(text, 'utf8'));
    }
  });
});
