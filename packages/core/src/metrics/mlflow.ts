import type { Metric, ParamValue } from '../record/run-record.ts';
import { fileError } from '../files/file-error.ts';
import { forEachLine } from '../files/line-stream.ts';
import { readTextFile } from '../files/text-file.ts';
import { listWorkspaceFolder, workspaceChild, type WorkspacePath } from '../files/workspace-path.ts';
import { parseParamValue } from '../params/param-value.ts';
import { isPlainObject } from '../text/plain-object.ts';
import { MetricTable } from './metric-series.ts';
import { parseDecimal, parseNumberText } from '../text/number-text.ts';
import { parseYamlText } from '../text/yaml-text.ts';

/** One MLflow run folder (`mlruns/<experiment>/<run>/`) and what its meta.yaml says. */
export interface MlflowRun {
  folder: WorkspacePath;
  runId: string;
  experimentId: string;
  /** Milliseconds since the epoch; 0 when meta.yaml has none. */
  startTime: number;
}

/** The largest MLflow param value file we read (MLflow itself caps values far below this). */
const MAX_PARAM_FILE_BYTES = 1024 * 1024;

/**
 * The active MLflow runs a folder holds: the folder itself when it is a run folder (meta.yaml
 * plus metrics/ or params/), the runs of an experiment folder, or the runs of every experiment
 * of an `mlruns/` tree. Deleted runs (lifecycle_stage: deleted) and dot-folders (.trash) are left
 * out. Sorted newest first (start_time, then run id).
 */
export async function findMlflowRuns(folder: WorkspacePath): Promise<MlflowRun[]> {
  const runs: MlflowRun[] = [];
  const self = await runInfo(folder);
  if (self !== undefined) return self.deleted ? [] : [self.run];
  for (const child of await subfolders(folder)) {
    const info = await runInfo(child);
    if (info !== undefined) {
      if (!info.deleted) runs.push(info.run);
      continue;
    }
    // An experiment folder has its own meta.yaml; only those are searched a level deeper.
    const meta = await workspaceChild(child, 'meta.yaml');
    if (meta === undefined || meta.isDirectory) continue;
    for (const grandchild of await subfolders(child)) {
      const inner = await runInfo(grandchild);
      if (inner !== undefined && !inner.deleted) runs.push(inner.run);
    }
  }
  return runs.sort((a, b) => b.startTime - a.startTime || (a.runId < b.runId ? 1 : a.runId > b.runId ? -1 : 0));
}

/**
 * Reads the metrics of one MLflow run: each file under `metrics/` is a metric whose key is its
 * path there (MLflow stores a key `train/loss` as `metrics/train/loss`, and the `/` is kept).
 * Lines are `timestamp value step`; without a step, the line's index is the step.
 */
export async function readMlflowRunMetrics(
  run: WorkspacePath,
): Promise<{ metrics: Map<string, Metric>; sources: string[] }> {
  const table = new MetricTable();
  const sources: string[] = [];
  const metricsFolder = await workspaceChild(run, 'metrics');
  if (metricsFolder !== undefined && metricsFolder.isDirectory) {
    for (const file of await listWorkspaceFolder(metricsFolder, { recursive: true })) {
      const key = file.relative.slice(metricsFolder.relative.length + 1);
      await readRunMetricFile(table, key, file);
      sources.push(file.relative);
    }
  }
  return { metrics: table.toMetrics(), sources };
}

/** Reads the params of one MLflow run: each file under `params/` holds one value (key = its path there). */
export async function readMlflowRunParams(
  run: WorkspacePath,
): Promise<{ params: Map<string, ParamValue>; sources: string[] }> {
  const params = new Map<string, ParamValue>();
  const sources: string[] = [];
  const paramsFolder = await workspaceChild(run, 'params');
  if (paramsFolder !== undefined && paramsFolder.isDirectory) {
    for (const file of await listWorkspaceFolder(paramsFolder, { recursive: true })) {
      const key = file.relative.slice(paramsFolder.relative.length + 1);
      // An empty file is an empty string param, which MLflow allows.
      const text = await readTextFile(file.absolute, file.relative, {
        maxBytes: MAX_PARAM_FILE_BYTES,
        kind: 'MLflow param values',
        allowEmpty: true,
      });
      params.set(key, parseParamValue(text));
      sources.push(file.relative);
    }
  }
  return { params, sources };
}

/**
 * Reads one MLflow metric file given on its own. Its key is its path below the run's `metrics/`
 * folder when the path has one (`mlruns/0/abc/metrics/train/loss` -> `train/loss`), else its name.
 */
export async function readMlflowMetricFile(absolutePath: string, displayName: string): Promise<Record<string, Metric>> {
  const normalized = displayName.replace(/\\/g, '/');
  const at = normalized.lastIndexOf('/metrics/');
  const key = at === -1 ? normalized.slice(normalized.lastIndexOf('/') + 1) : normalized.slice(at + '/metrics/'.length);
  const table = new MetricTable();
  await readMetricLines(table, key, absolutePath, displayName);
  return table.toRecord();
}

async function readRunMetricFile(table: MetricTable, key: string, file: WorkspacePath): Promise<void> {
  await readMetricLines(table, key, file.absolute, file.relative);
}

async function readMetricLines(
  table: MetricTable,
  key: string,
  absolutePath: string,
  displayName: string,
): Promise<void> {
  const series = table.get(key);
  let index = 0;
  await forEachLine(absolutePath, displayName, (line, lineNumber) => {
    if (line.trim() === '') return;
    const first = line.indexOf(' ');
    const second = first === -1 ? -1 : line.indexOf(' ', first + 1);
    const third = second === -1 ? -1 : line.indexOf(' ', second + 1);
    if (first === -1 || third !== -1) {
      throw fileError(
        displayName,
        'an MLflow metric line must be "timestamp value step" or "timestamp value"',
        lineNumber,
      );
    }
    const timestamp = parseDecimal(line, 0, first);
    if (!Number.isFinite(timestamp))
      throw fileError(displayName, `timestamp ${JSON.stringify(line.slice(0, first))} is not a number`, lineNumber);
    const valueEnd = second === -1 ? line.length : second;
    const value = parseNumberText(line, first + 1, valueEnd);
    if (value === undefined) {
      throw fileError(
        displayName,
        `value ${JSON.stringify(line.slice(first + 1, valueEnd))} is not a number`,
        lineNumber,
      );
    }
    let step = index;
    if (second !== -1) {
      step = parseDecimal(line, second + 1, line.length);
      if (!Number.isFinite(step))
        throw fileError(
          displayName,
          `step ${JSON.stringify(line.slice(second + 1))} is not a finite number`,
          lineNumber,
        );
    }
    // MLflow timestamps are milliseconds since the epoch.
    series.push(step, value, timestamp / 1000);
    index++;
  });
}

async function runInfo(folder: WorkspacePath): Promise<{ run: MlflowRun; deleted: boolean } | undefined> {
  const meta = await workspaceChild(folder, 'meta.yaml');
  if (meta === undefined || meta.isDirectory) return undefined;
  const metrics = await workspaceChild(folder, 'metrics');
  const params = await workspaceChild(folder, 'params');
  if (!(metrics?.isDirectory || params?.isDirectory)) return undefined;
  const parsed = await parseYamlText(
    await readTextFile(meta.absolute, meta.relative, { maxBytes: MAX_PARAM_FILE_BYTES }),
    meta.relative,
  );
  const fields = isPlainObject(parsed) ? parsed : {};
  const runId = fields['run_id'] ?? fields['run_uuid'];
  const startTime = fields['start_time'];
  const experimentId = fields['experiment_id'];
  return {
    run: {
      folder,
      runId: typeof runId === 'string' ? runId : folder.relative.split('/').pop()!,
      experimentId: typeof experimentId === 'string' || typeof experimentId === 'number' ? String(experimentId) : '',
      startTime: typeof startTime === 'number' && Number.isFinite(startTime) ? startTime : 0,
    },
    deleted: fields['lifecycle_stage'] === 'deleted',
  };
}

async function subfolders(folder: WorkspacePath): Promise<WorkspacePath[]> {
  const entries = await listWorkspaceFolder(folder, { recursive: false });
  return entries.filter((entry) => entry.isDirectory && !entry.relative.split('/').pop()!.startsWith('.'));
}
