import type { Metric } from '../record/run-record.ts';
import type { UserError } from '../errors.ts';
import { readDelimitedHistory } from './delimited-history.ts';
import { dvcliveKeyPrefix } from './dvclive.ts';
import { readJsonMetrics } from './json-metrics.ts';
import { readJsonlHistory } from './jsonl-history.ts';
import { detectMetricsFormat, type MetricsFileFormat } from './metrics-format.ts';
import { readMlflowMetricFile } from './mlflow.ts';
import { readTfevents } from './tfevents.ts';
import { readTomlMetrics } from './toml-metrics.ts';
import { readYamlMetrics } from './yaml-metrics.ts';

/**
 * Reads one metrics file in whichever format its name and content say (see
 * `detectMetricsFormat`), or in `format` when given. `displayName` (the workspace-relative path)
 * names the file in errors; a TSV/CSV under `plots/metrics/` gets DVCLive's nested names.
 * Problems that still let the file be read (a TensorBoard file its writer had not finished) are
 * added to `warnings`.
 */
export async function readMetricsFile(
  absolutePath: string,
  displayName: string,
  format?: MetricsFileFormat,
  warnings: UserError[] = [],
): Promise<Record<string, Metric>> {
  const resolved = format ?? (await detectMetricsFormat(absolutePath, displayName));
  switch (resolved) {
    case 'json':
      return readJsonMetrics(absolutePath, displayName);
    case 'jsonl':
      return readJsonlHistory(absolutePath, displayName);
    case 'yaml':
      return readYamlMetrics(absolutePath, displayName);
    case 'toml':
      return readTomlMetrics(absolutePath, displayName);
    case 'csv':
    case 'tsv': {
      const keyPrefix = dvcliveKeyPrefix(displayName);
      return readDelimitedHistory(absolutePath, displayName, {
        delimiter: resolved === 'csv' ? ',' : '\t',
        ...(keyPrefix === undefined ? {} : { keyPrefix }),
      });
    }
    case 'tfevents':
      return readTfevents(absolutePath, displayName, warnings);
    case 'mlflow-metric':
      return readMlflowMetricFile(absolutePath, displayName);
  }
}
