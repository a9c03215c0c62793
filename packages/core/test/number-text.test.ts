import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nonFiniteFromText, parseDecimal, parseNumberText } from '../src/text/number-text.ts';

describe('parseDecimal', () => {
  it('agrees with Number() on every decimal spelling of any double', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.integer({ min: 1, max: 17 }),
        (value, digits) => {
          for (const text of [
            String(value),
            value.toExponential(),
            value.toPrecision(digits),
            value.toExponential(digits - 1),
          ]) {
            expect(Object.is(parseDecimal(text, 0, text.length), Number(text))).toBe(true);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('reads a slice with spaces around it, and refuses what is not a plain decimal', () => {
    expect(parseDecimal('x, 1.25 ,y', 2, 8)).toBe(1.25);
    expect(Object.is(parseDecimal('-0.0', 0, 4), -0)).toBe(true);
    for (const text of [
      '',
      ' ',
      '-',
      '.',
      'e5',
      '1e',
      '0x10',
      '1_0',
      '1.2.3',
      'abc',
      '12345678901234567x',
      'Infinity',
      'NaN',
    ]) {
      expect(parseDecimal(text, 0, text.length)).toBeNaN();
    }
  });
});

describe('parseNumberText', () => {
  it('reads the NaN and infinity spellings of Python, NumPy and pandas, and nothing else', () => {
    expect(
      ['nan', 'NaN', '-nan', 'inf', '-inf', '+inf', 'Infinity', '-Infinity', 'INF'].map((text) =>
        parseNumberText(text),
      ),
    ).toEqual([NaN, NaN, NaN, Infinity, -Infinity, Infinity, Infinity, -Infinity, Infinity]);
    expect(parseNumberText('0.5')).toBe(0.5);
    expect(parseNumberText('none')).toBeUndefined();
    expect(nonFiniteFromText('infinite')).toBeUndefined();
  });
});
