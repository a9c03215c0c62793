/**
 * Number parsing for text histories (CSV, TSV, MLflow). A hand-written decimal scanner handles
 * the common case without allocating a substring; anything it cannot do exactly is passed to
 * Number() on a slice, so results are always correctly rounded.
 */

// Powers of ten that doubles hold exactly; with a mantissa below 2^53 one multiplication or
// division by them is correctly rounded (Clinger's fast path).
const EXACT_POWERS_OF_TEN = Array.from({ length: 23 }, (_, i) => 10 ** i);

/**
 * The decimal number in `text[start, end)` (spaces around it allowed), or NaN when the text is not
 * a plain decimal number such as `-1.5e-3`. Spellings of NaN and infinity are left to
 * `parseNumberText`, which callers use.
 */
export function parseDecimal(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && text.charCodeAt(i) === 32) i++;
  while (end > i && text.charCodeAt(end - 1) === 32) end--;
  if (i === end) return NaN;
  const first = i;
  let c = text.charCodeAt(i);
  let negative = false;
  if (c === 45 /* - */) {
    negative = true;
    i++;
  } else if (c === 43 /* + */) i++;
  let mantissa = 0;
  let digits = 0;
  let scale = 0;
  let sawDigit = false;
  while (i < end) {
    c = text.charCodeAt(i);
    if (c < 48 || c > 57) break;
    sawDigit = true;
    if (digits > 0 || c !== 48) {
      mantissa = mantissa * 10 + (c - 48);
      // Too many digits for the exact path (Python writes 17): let the engine round. What
      // follows 16 decimal digits can only be more of a decimal or garbage, which gives NaN.
      if (++digits > 15) return Number(text.slice(first, end));
    }
    i++;
  }
  if (i < end && c === 46 /* . */) {
    i++;
    while (i < end) {
      c = text.charCodeAt(i);
      if (c < 48 || c > 57) break;
      sawDigit = true;
      if (digits > 0 || c !== 48) {
        mantissa = mantissa * 10 + (c - 48);
        if (++digits > 15) return Number(text.slice(first, end));
      }
      scale++;
      i++;
    }
  }
  if (!sawDigit) return NaN;
  if (i < end && (c === 101 || c === 69) /* e E */) {
    i++;
    let exponentNegative = false;
    c = text.charCodeAt(i);
    if (c === 45) {
      exponentNegative = true;
      i++;
    } else if (c === 43) i++;
    let exponent = 0;
    let exponentDigits = 0;
    while (i < end) {
      c = text.charCodeAt(i);
      if (c < 48 || c > 57) break;
      if (exponent < 100000) exponent = exponent * 10 + (c - 48);
      exponentDigits++;
      i++;
    }
    if (exponentDigits === 0) return NaN;
    scale += exponentNegative ? exponent : -exponent;
  }
  if (i !== end) return NaN;
  let value: number;
  if (scale >= -22 && scale <= 22) {
    value = scale >= 0 ? mantissa / EXACT_POWERS_OF_TEN[scale]! : mantissa * EXACT_POWERS_OF_TEN[-scale]!;
    return negative ? -value : value;
  }
  return Number(text.slice(first, end));
}

/**
 * `parseDecimal`, plus the spellings of NaN and infinity that Python, NumPy, pandas and MLflow
 * write (`nan`, `NaN`, `inf`, `-inf`, `Infinity`, ...), case-insensitively. Returns undefined
 * when the text is not a number at all.
 */
export function parseNumberText(text: string, start = 0, end = text.length): number | undefined {
  const value = parseDecimal(text, start, end);
  if (value === value) return value;
  return nonFiniteFromText(text.slice(start, end).trim());
}

/** NaN or an infinity for their usual spellings (case-insensitive, optional sign), else undefined. */
export function nonFiniteFromText(text: string): number | undefined {
  if (text.length < 3 || text.length > 9) return undefined;
  let body = text.toLowerCase();
  let sign = 1;
  if (body.charCodeAt(0) === 45) {
    sign = -1;
    body = body.slice(1);
  } else if (body.charCodeAt(0) === 43) body = body.slice(1);
  if (body === 'nan') return NaN;
  if (body === 'inf' || body === 'infinity') return sign * Infinity;
  return undefined;
}
