import type { ParamValue } from '../record/run-record.ts';

const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
const TRUE = new Set(['true', 'True', 'TRUE']);
const FALSE = new Set(['false', 'False', 'FALSE']);
// YAML's null spellings plus Python's None, which MLflow writes for unset params.
const NULL = new Set(['null', 'Null', 'NULL', '~', 'None']);

/**
 * A param value from text (a `key=value` input, an MLflow params file): a decimal number, a
 * boolean (`true`/`True`/`TRUE`, same for false), null (`null`, `~`, `None`) when it looks like
 * one; text in matching single or double quotes stays text without the quotes; anything else is
 * the text itself (trimmed). `nan` and `inf` stay text: params hold only finite numbers.
 */
export function parseParamValue(text: string): ParamValue {
  const trimmed = text.trim();
  if (NUMBER.test(trimmed)) {
    const value = Number(trimmed);
    if (Number.isFinite(value)) return value;
    return trimmed;
  }
  if (TRUE.has(trimmed)) return true;
  if (FALSE.has(trimmed)) return false;
  if (NULL.has(trimmed)) return null;
  if (trimmed.length >= 2) {
    const first = trimmed[0];
    if ((first === '"' || first === "'") && trimmed.endsWith(first)) return trimmed.slice(1, -1);
  }
  return trimmed;
}

/**
 * A param value from a parsed YAML/JSON/TOML leaf: finite numbers, booleans, strings and null
 * as they are; NaN and infinities as the text "NaN", "Infinity", "-Infinity" (so a record's JSON
 * can hold them); dates as ISO text; arrays (and anything else) as JSON text.
 */
export function paramValueFromTree(value: unknown): ParamValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : String(value);
  if (value instanceof Date) return value.toISOString();
  if (value === undefined) return null;
  return JSON.stringify(value, (_key, inner: unknown) => (typeof inner === 'bigint' ? String(inner) : inner)) ?? null;
}
