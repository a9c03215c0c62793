/**
 * Child process of the ingest benchmark: reads one history file, either with our reader or with
 * the reference loop, and prints `{"ms": ..., "points": ...}`. Each read gets a process of its
 * own so that its peak RSS is its own.
 *
 *   node bench/ingest-child.ts reader <file>      readMetricsFile, format from the name
 *   node bench/ingest-child.ts reference <file>   JSON.parse per line of a JSON Lines file
 */
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { readMetricsFile } from '@ml-actions/core';

const [mode, file] = process.argv.slice(2);
if (file === undefined || (mode !== 'reader' && mode !== 'reference')) {
  console.error('usage: node bench/ingest-child.ts reader|reference <file>');
  process.exit(2);
}

const started = performance.now();
let points = 0;
if (mode === 'reader') {
  const metrics = await readMetricsFile(file, basename(file));
  for (const metric of Object.values(metrics)) points += metric.history?.steps.length ?? 0;
} else {
  // The plainest streaming loop: one JSON.parse per line, each value kept in an array per key,
  // so that it ends up holding what a reader holds.
  const columns = new Map<string, number[]>();
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line === '') continue;
    const row = JSON.parse(line) as Record<string, number>;
    for (const key in row) {
      let column = columns.get(key);
      if (column === undefined) columns.set(key, (column = []));
      column.push(row[key]!);
    }
  }
  for (const [key, column] of columns) if (key !== 'step') points += column.length;
}
const ms = performance.now() - started;
console.log(JSON.stringify({ ms, points }));
