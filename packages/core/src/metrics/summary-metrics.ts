import type { Metric } from '../record/run-record.ts';
import { fileError } from '../files/file-error.ts';
import { flattenTree } from './flatten-tree.ts';
import { isPlainObject } from '../text/plain-object.ts';
import { nonFiniteFromText } from '../text/number-text.ts';
import { recordFromMap } from '../text/safe-record.ts';

/**
 * The metrics in a parsed summary file (JSON, YAML or TOML): every number, flattened to `a.b.c`.
 * Booleans, plain strings, nulls and arrays of scalars are not metrics; strings spelling NaN or
 * infinity are (that is how JSON carries them). `kind` names the format in messages.
 */
export function metricsFromTree(tree: unknown, displayName: string, kind: string): Record<string, Metric> {
  if (!isPlainObject(tree)) {
    throw fileError(
      displayName,
      `the top level of a ${kind} metrics file must be an object of metric names, not ${describeValue(tree)}`,
    );
  }
  const metrics = new Map<string, Metric>();
  flattenTree(tree, displayName, 'descend', (key, value) => {
    if (typeof value === 'number') metrics.set(key, { value });
    else if (typeof value === 'string') {
      const number = nonFiniteFromText(value);
      if (number !== undefined) metrics.set(key, { value: number });
    }
  });
  return recordFromMap(metrics);
}

/** A few words for a value of the wrong kind, for messages. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Date) return 'a date';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') {
    return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value)}`;
  }
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `the boolean ${value}`;
  return typeof value;
}
