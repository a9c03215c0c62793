import path from 'node:path';
import type { Metric } from '../record/run-record.ts';
import type { UserError } from '../errors.ts';
import { listWorkspaceFolder, type WorkspacePath } from '../files/workspace-path.ts';
import { isDvcliveFolder, readDvcliveFolder } from './dvclive.ts';
import { metricsFormatFromName } from './metrics-format.ts';
import { MetricTable } from './metric-series.ts';
import { findMlflowRuns, readMlflowRunMetrics } from './mlflow.ts';
import { readMetricsFile } from './read-metrics-file.ts';
import { isTfeventsName, readTfeventsInto } from './tfevents.ts';

/** How a folder was read. */
export type MetricsFolderKind = 'dvclive' | 'mlflow' | 'files';

/** File names that sit beside metrics but are not metrics, skipped when reading a plain folder. */
const NOT_METRICS = new Set([
  'params.yaml',
  'params.yml',
  'params.json',
  'params.toml',
  'dvc.yaml',
  'dvc.lock',
  'meta.yaml',
]);

/**
 * Reads the metrics of a folder, recognised in this order:
 * 1. a DVCLive output folder (has `plots/metrics/`): see `readDvcliveFolder`;
 * 2. an MLflow run folder, experiment folder or `mlruns/` tree: the NEWEST active run
 *    (largest start_time in meta.yaml); to read another run, give its run folder;
 * 3. otherwise every supported file directly in the folder (JSON, YAML, TOML, CSV, TSV,
 *    JSON Lines; params.*, dvc.yaml and dvc.lock skipped), in name order, later files winning
 *    on equal keys; plus every TensorBoard event file anywhere below it, where event files in
 *    a sub-folder (a TensorBoard "run", e.g. `train/`) get that path and "/" before their tags,
 *    and several event files of one folder extend the same series (dot-folders and
 *    node_modules are not searched).
 * Problems that still let a file be read are added to `warnings` (see `readMetricsFile`).
 */
export async function readMetricsFolder(
  folder: WorkspacePath,
  warnings: UserError[] = [],
): Promise<{ metrics: Map<string, Metric>; sources: string[]; kind: MetricsFolderKind }> {
  if (await isDvcliveFolder(folder)) return { ...(await readDvcliveFolder(folder)), kind: 'dvclive' };
  const runs = await findMlflowRuns(folder);
  const newest = runs[0];
  if (newest !== undefined) return { ...(await readMlflowRunMetrics(newest.folder)), kind: 'mlflow' };

  const metrics = new Map<string, Metric>();
  const sources: string[] = [];
  for (const entry of await listWorkspaceFolder(folder, { recursive: false })) {
    if (entry.isDirectory) continue;
    const name = path.posix.basename(entry.relative);
    const format = metricsFormatFromName(name);
    if (format === undefined || format === 'tfevents' || NOT_METRICS.has(name.toLowerCase())) continue;
    for (const [key, metric] of Object.entries(await readMetricsFile(entry.absolute, entry.relative, format, warnings)))
      metrics.set(key, metric);
    sources.push(entry.relative);
  }
  // Dot-folders (.git, .venv) and node_modules never hold a run's event files, and can be huge.
  const skipFolder = (name: string) => name.startsWith('.') || name === 'node_modules';
  const events = (await listWorkspaceFolder(folder, { recursive: true, skipFolder })).filter((file) =>
    isTfeventsName(path.posix.basename(file.relative)),
  );
  if (events.length > 0) {
    const table = new MetricTable();
    for (const file of events) {
      const below = path.posix.dirname(file.relative.slice(folder.relative === '.' ? 0 : folder.relative.length + 1));
      await readTfeventsInto(table, file.absolute, file.relative, below === '.' ? '' : `${below}/`, warnings);
      sources.push(file.relative);
    }
    for (const [key, metric] of table.toMetrics()) metrics.set(key, metric);
  }
  return { metrics, sources, kind: 'files' };
}
