/**
 * How numbers are shown: records keep full precision, only rendering rounds. Missing, NaN and
 * infinite values are shown, never hidden.
 */

/** A number as it travels in JSON: NaN and infinities as strings, like run records carry them. */
export type JsonNumber = number | 'NaN' | 'Infinity' | '-Infinity';

export const MISSING = '—';

/** Significant digits clamped to what `toPrecision` and doubles can honour. */
export function clampPrecision(precision: number): number {
  if (!Number.isFinite(precision)) return 4;
  return Math.min(17, Math.max(1, Math.round(precision)));
}

/**
 * A value for a table cell: `precision` significant digits without trailing zeros, integers of
 * more digits in full, tiny and huge values in exponent form; `—` missing, `NaN`, `∞`, `-∞`.
 */
export function formatNumber(value: number | undefined, precision: number): string {
  if (value === undefined) return MISSING;
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '∞';
  if (value === -Infinity) return '-∞';
  const digits = clampPrecision(precision);
  const abs = Math.abs(value);
  if (abs === 0) return '0';
  if (abs >= 1e21 || abs < 1e-6) return trimZeros(value.toExponential(digits - 1));
  if (abs >= 10 ** digits) return String(Math.round(value));
  const text = value.toPrecision(digits);
  // Rounding can carry into one more digit (9999.7 -> "1.000e+4"): show the integer instead.
  return text.includes('e') ? String(Math.round(value)) : trimZeros(text);
}

/** Like `formatNumber`, with a `+` on positive values (a change). */
export function formatSigned(value: number | undefined, precision: number): string {
  const text = formatNumber(value, precision);
  return value !== undefined && value > 0 ? `+${text}` : text;
}

/** A relative change in percent, with at most 3 significant digits. */
export function formatPercent(value: number | undefined, precision: number): string {
  if (value === undefined) return MISSING;
  const text = formatSigned(value, Math.min(clampPrecision(precision), 3));
  return Number.isNaN(value) ? text : `${text}%`;
}

/** A p-value with two significant digits; below 0.001 as `<0.001`, which is all a reader needs. */
export function formatPValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  return value < 0.001 ? '<0.001' : formatNumber(value, 2);
}

/**
 * A finite number in plain decimal notation (never an exponent, which Mermaid's xychart
 * grammar does not accept), rounded to `precision` significant digits.
 */
export function plainDecimal(value: number, precision: number): string {
  if (!Number.isFinite(value)) throw new Error(`plainDecimal needs a finite number, got ${value}`);
  if (value === 0) return '0';
  let text = value.toPrecision(clampPrecision(precision));
  if (text.includes('e')) text = expandExponent(text);
  text = trimZeros(text);
  return text === '-0' ? '0' : text;
}

/** A number for JSON output: NaN and infinities as the strings run records use. */
export function toJsonNumber(value: number): JsonNumber {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '-Infinity';
  return value;
}

/** `toJsonNumber`, with null for a missing value. */
export function toJsonNumberOrNull(value: number | undefined): JsonNumber | null {
  return value === undefined ? null : toJsonNumber(value);
}

/** Drops trailing zeros of the fraction ("0.9000" -> "0.9", "1.200e-7" -> "1.2e-7"). */
function trimZeros(text: string): string {
  const exponentAt = text.indexOf('e');
  const mantissa = exponentAt === -1 ? text : text.slice(0, exponentAt);
  const exponent = exponentAt === -1 ? '' : text.slice(exponentAt);
  if (!mantissa.includes('.')) return text;
  return mantissa.replace(/\.?0+$/, '') + exponent;
}

/** "1.234e-7" -> "0.0000001234"; "-5.6e+22" -> "-56000000000000000000000". */
function expandExponent(text: string): string {
  const [mantissa = '', exponentText = '0'] = text.split('e');
  const negative = mantissa.startsWith('-');
  const unsigned = negative ? mantissa.slice(1) : mantissa;
  const dot = unsigned.indexOf('.');
  const digits = unsigned.replace('.', '');
  const integerLength = (dot === -1 ? unsigned.length : dot) + Number(exponentText);
  let plain: string;
  if (integerLength <= 0) plain = `0.${'0'.repeat(-integerLength)}${digits}`;
  else if (integerLength >= digits.length) plain = digits + '0'.repeat(integerLength - digits.length);
  else plain = `${digits.slice(0, integerLength)}.${digits.slice(integerLength)}`;
  return negative ? `-${plain}` : plain;
}
