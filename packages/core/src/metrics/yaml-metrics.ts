import type { Metric } from '../record/run-record.ts';
import { readTextFile } from '../files/text-file.ts';
import { metricsFromTree } from './summary-metrics.ts';
import { parseYamlText } from '../text/yaml-text.ts';

/** Reads a YAML file of (nested) metrics, flattened to `a.b.c`. */
export async function readYamlMetrics(absolutePath: string, displayName: string): Promise<Record<string, Metric>> {
  const text = await readTextFile(absolutePath, displayName, { kind: 'metrics files' });
  return metricsFromTree(await parseYamlText(text, displayName), displayName, 'YAML');
}
