import type { Metric } from '../record/run-record.ts';
import { readTextFile } from '../files/text-file.ts';
import { metricsFromTree } from './summary-metrics.ts';
import { parseTomlText } from '../text/toml-text.ts';

/** Reads a TOML file of (nested) metrics, flattened to `a.b.c`. */
export async function readTomlMetrics(absolutePath: string, displayName: string): Promise<Record<string, Metric>> {
  const text = await readTextFile(absolutePath, displayName, { kind: 'metrics files' });
  return metricsFromTree(await parseTomlText(text, displayName), displayName, 'TOML');
}
