import type { Metric } from '../run-record.ts';
import { readTextFile } from '../files/text-file.ts';
import { parseJsonText } from './json-text.ts';
import { metricsFromTree } from './summary-metrics.ts';

/** Reads a JSON file of (nested) metrics, DVC's metrics.json shape, flattened to `a.b.c`. */
export async function readJsonMetrics(absolutePath: string, displayName: string): Promise<Record<string, Metric>> {
  const text = await readTextFile(absolutePath, displayName, { kind: 'metrics files' });
  return metricsFromTree(parseJsonText(text, displayName), displayName, 'JSON');
}
