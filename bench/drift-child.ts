/**
 * Child process of the drift benchmark: profiles a reference data file and compares a production
 * file with it, then prints `{"ms": ..., "drifted": [...]}`. `profile` compares against the
 * profile alone (monitor's default, production only counted into bins); `data` against the
 * reference's values (exact statistics). A process of its own, so that its peak RSS is the drift's.
 *
 *   node bench/drift-child.ts <reference.csv> <production.csv> <profile|data>
 */
import { performance } from 'node:perf_hooks';
import { measureDrift, profileDataFiles } from '@ml-actions/core';

const [reference, production, mode] = process.argv.slice(2);
if (reference === undefined || production === undefined || (mode !== 'profile' && mode !== 'data')) {
  console.error('usage: node bench/drift-child.ts <reference.csv> <production.csv> <profile|data>');
  process.exit(2);
}
const began = performance.now();
const profiled = await profileDataFiles([{ absolute: reference, display: 'reference.csv' }]);
const report = await measureDrift(
  mode === 'profile' ? { profile: profiled.profile } : profiled,
  [{ absolute: production, display: 'production.csv' }],
  { alpha: 0.05 },
);
const ms = performance.now() - began;
console.log(JSON.stringify({ ms, drifted: report.columns.filter((column) => column.drifted).map((c) => c.column) }));
