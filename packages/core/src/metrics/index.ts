export { collectMetrics } from './collect-metrics.ts';
export { crc32c, maskedCrc32c } from './crc32c.ts';
export { readDelimitedHistory, type DelimitedHistoryOptions } from './delimited-history.ts';
export { dvcliveKeyPrefix, isDvcliveFolder, readDvcliveFolder } from './dvclive.ts';
export { MAX_NESTING_DEPTH } from './flatten-tree.ts';
export { readJsonMetrics } from './json-metrics.ts';
export { readJsonlHistory } from './jsonl-history.ts';
export { detectMetricsFormat, metricsFormatFromName, type MetricsFileFormat } from './metrics-format.ts';
export { readMetricsFolder, type MetricsFolderKind } from './metrics-folder.ts';
export { MetricSeries, MetricTable } from './metric-series.ts';
export {
  findMlflowRuns,
  readMlflowMetricFile,
  readMlflowRunMetrics,
  readMlflowRunParams,
  type MlflowRun,
} from './mlflow.ts';
export { readMetricsFile } from './read-metrics-file.ts';
export { snapshotMetricsFiles, unchangedMetricsFiles, type MetricsSnapshot } from './stale-metrics.ts';
export { isTfeventsName, readTfevents } from './tfevents.ts';
export { readTomlMetrics } from './toml-metrics.ts';
export { readYamlMetrics } from './yaml-metrics.ts';
