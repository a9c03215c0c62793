import type { Metric } from '../record/run-record.ts';
import { readTextFile } from '../files/text-file.ts';
import { parseJsonText } from '../text/json-text.ts';
import { knownJsonShapeMetrics } from './known-json-shapes.ts';
import { metricsFromTree } from './summary-metrics.ts';

/**
 * Reads a JSON file of (nested) metrics, DVC's metrics.json shape, flattened to `a.b.c`; the
 * files of Hugging Face Trainer, XGBoost / LightGBM and W&B as their frameworks mean them (see
 * `knownJsonShapeMetrics`).
 */
export async function readJsonMetrics(absolutePath: string, displayName: string): Promise<Record<string, Metric>> {
  const text = await readTextFile(absolutePath, displayName, { kind: 'metrics files' });
  const tree = parseJsonText(text, displayName);
  const known = knownJsonShapeMetrics(tree, displayName);
  if (known?.kind === 'metrics') return known.metrics;
  return metricsFromTree(known?.tree ?? tree, displayName, 'JSON');
}
