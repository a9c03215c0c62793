import { isPlainObject } from '@ml-actions/core';

/**
 * Readers over the tracking server's JSON answers. The server is trusted no more than any other
 * input: a field of the wrong type reads as missing, never as a crash.
 */

export function field(value: unknown, name: string): Record<string, unknown> | undefined {
  if (!isPlainObject(value)) return undefined;
  const found = value[name];
  return isPlainObject(found) ? found : undefined;
}

export function list(value: unknown, name: string): Record<string, unknown>[] {
  if (!isPlainObject(value)) return [];
  const found = value[name];
  return Array.isArray(found) ? found.filter(isPlainObject) : [];
}

export function text(value: unknown, name: string): string | undefined {
  if (!isPlainObject(value)) return undefined;
  const found = value[name];
  if (typeof found === 'string') return found;
  // int64 fields (timestamps, versions) may come as numbers or as strings.
  if (typeof found === 'number' && Number.isFinite(found)) return String(found);
  return undefined;
}

/** A number field; MLflow writes NaN and the infinities as strings. */
export function number(value: unknown, name: string): number | undefined {
  if (!isPlainObject(value)) return undefined;
  const found = value[name];
  if (typeof found === 'number') return found;
  if (found === 'NaN') return NaN;
  if (found === 'Infinity') return Infinity;
  if (found === '-Infinity') return -Infinity;
  if (typeof found === 'string' && found.trim() !== '' && Number.isFinite(Number(found))) return Number(found);
  return undefined;
}

/** `[{key, value}, ...]` (params, tags) as a map; later duplicates win. */
export function keyValues(value: unknown, name: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const entry of list(value, name)) {
    const key = text(entry, 'key');
    const found = text(entry, 'value');
    if (key !== undefined) map.set(key, found ?? '');
  }
  return map;
}
