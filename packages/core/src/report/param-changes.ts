/** Params whose value differs between this PR's runs and the baseline's records. */

import type { ParamValue, RunRecord } from '../record/run-record.ts';

export interface ParamChange {
  name: string;
  /** The distinct values across the baseline records, in first-seen order; empty when absent. */
  baseline: ParamValue[];
  /** The distinct values across this PR's runs, in first-seen order; empty when absent. */
  current: ParamValue[];
}

/** Params that changed (another set of distinct values, as displayed, in any order), sorted by name. */
export function changedParams(runs: readonly RunRecord[], baseline: readonly RunRecord[]): ParamChange[] {
  const current = distinctValues(runs);
  const before = distinctValues(baseline);
  const names = [...new Set([...current.keys(), ...before.keys()])].sort();
  const changes: ParamChange[] = [];
  for (const name of names) {
    const now = current.get(name) ?? new Map<string, ParamValue>();
    const then = before.get(name) ?? new Map<string, ParamValue>();
    if (sameKeys(now, then)) continue;
    changes.push({ name, baseline: [...then.values()], current: [...now.values()] });
  }
  return changes;
}

/** One param value as plain text (not yet escaped): strings as they are, `""` for an empty one. */
export function formatParamValue(value: ParamValue): string {
  if (typeof value === 'string') return value === '' ? '""' : value;
  return String(value);
}

/** Distinct values as plain text: `—` for none, else joined with `, `. */
export function formatParamValues(values: readonly ParamValue[]): string {
  return values.length === 0 ? '—' : values.map(formatParamValue).join(', ');
}

function distinctValues(records: readonly RunRecord[]): Map<string, Map<string, ParamValue>> {
  const byName = new Map<string, Map<string, ParamValue>>();
  for (const record of records) {
    for (const [name, value] of Object.entries(record.params)) {
      let values = byName.get(name);
      if (values === undefined) byName.set(name, (values = new Map<string, ParamValue>()));
      const key = formatParamValue(value);
      if (!values.has(key)) values.set(key, value);
    }
  }
  return byName;
}

function sameKeys(a: Map<string, ParamValue>, b: Map<string, ParamValue>): boolean {
  if (a.size !== b.size) return false;
  for (const key of a.keys()) if (!b.has(key)) return false;
  return true;
}
