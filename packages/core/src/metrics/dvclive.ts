import type { Metric } from '../record/run-record.ts';
import { listWorkspaceFolder, workspaceChild, type WorkspacePath } from '../files/workspace-path.ts';
import { readDelimitedHistory } from './delimited-history.ts';
import { readJsonMetrics } from './json-metrics.ts';

const PLOTS_METRICS = 'plots/metrics/';

/**
 * For a TSV under DVCLive's `plots/metrics/`, the prefix its column names get: the sub-folders
 * joined with dots (`plots/metrics/train/loss.tsv` -> "train.", so its `loss` column is
 * `train.loss`). Undefined for any other path.
 */
export function dvcliveKeyPrefix(relativePath: string): string | undefined {
  const normalized = `/${relativePath.replace(/\\/g, '/')}`;
  const at = normalized.lastIndexOf(`/${PLOTS_METRICS}`);
  if (at === -1) return undefined;
  const below = normalized.slice(at + PLOTS_METRICS.length + 1);
  const folders = below.split('/').slice(0, -1);
  return folders.length === 0 ? '' : `${folders.join('.')}.`;
}

/** True for a DVCLive output folder: one with `plots/metrics/` in it. */
export async function isDvcliveFolder(folder: WorkspacePath): Promise<boolean> {
  const plots = await workspaceChild(folder, 'plots');
  if (plots === undefined || !plots.isDirectory) return false;
  const metrics = await workspaceChild(plots, 'metrics');
  return metrics !== undefined && metrics.isDirectory;
}

/**
 * Reads a DVCLive output folder: every `plots/metrics/**.tsv` history (`timestamp step <name>`
 * columns, names nested by sub-folder), and `metrics.json` for metrics logged without a history.
 * Where both have a metric, the history wins; metrics.json's top-level `step` (DVCLive's last
 * step) is not a metric. Params (`params.yaml`) are read by `readParams`.
 */
export async function readDvcliveFolder(
  folder: WorkspacePath,
): Promise<{ metrics: Map<string, Metric>; sources: string[] }> {
  const metrics = new Map<string, Metric>();
  const sources: string[] = [];
  const summary = await workspaceChild(folder, 'metrics.json');
  if (summary !== undefined && !summary.isDirectory) {
    const values = await readJsonMetrics(summary.absolute, summary.relative);
    for (const [key, metric] of Object.entries(values)) if (key !== 'step') metrics.set(key, metric);
    sources.push(summary.relative);
  }
  const plots = await workspaceChild(folder, 'plots');
  const plotMetrics = plots === undefined ? undefined : await workspaceChild(plots, 'metrics');
  if (plotMetrics !== undefined && plotMetrics.isDirectory) {
    for (const file of await listWorkspaceFolder(plotMetrics, { recursive: true })) {
      if (!file.relative.toLowerCase().endsWith('.tsv')) continue;
      const below = file.relative.slice(plotMetrics.relative.length + 1);
      const folders = below.split('/').slice(0, -1);
      const keyPrefix = folders.length === 0 ? '' : `${folders.join('.')}.`;
      const history = await readDelimitedHistory(file.absolute, file.relative, { delimiter: '\t', keyPrefix });
      for (const [key, metric] of Object.entries(history)) metrics.set(key, metric);
      sources.push(file.relative);
    }
  }
  return { metrics, sources };
}
