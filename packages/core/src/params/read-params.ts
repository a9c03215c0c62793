import type { ParamValue } from '../record/run-record.ts';
import { UserError } from '../errors.ts';
import { workspaceChild, type WorkspaceOptions, type WorkspacePath } from '../files/workspace-path.ts';
import { expandWorkspacePattern } from '../files/workspace-pattern.ts';
import { findMlflowRuns, readMlflowRunParams } from '../metrics/mlflow.ts';
import { setOwnEntry } from '../text/safe-record.ts';
import { parseParamValue } from './param-value.ts';
import { readParamsFile } from './read-params-file.ts';

/**
 * Reads params from entries, in order, later entries winning on equal keys. An entry is either
 * a `key=value` line (any entry containing "=": the value is parsed by `parseParamValue`), or a
 * file, folder or glob inside the workspace: a params file (YAML/JSON/TOML, flattened to
 * `a.b.c`, arrays as JSON text); a DVCLive folder (its params.yaml); an MLflow run, experiment
 * or mlruns folder (the newest run's params/). Blank entries are skipped.
 */
export async function readParams(
  entries: string[],
  options: WorkspaceOptions,
): Promise<{ params: Record<string, ParamValue>; sources: string[] }> {
  const merged = new Map<string, ParamValue>();
  const sources: string[] = [];
  for (const entry of entries) {
    const trimmed = entry.trim();
    if (trimmed === '') continue;
    const equals = trimmed.indexOf('=');
    if (equals !== -1) {
      const key = trimmed.slice(0, equals).trim();
      if (key === '') throw new UserError(`params entry ${JSON.stringify(trimmed)} has no name before "="`);
      merged.set(key, parseParamValue(trimmed.slice(equals + 1)));
      continue;
    }
    for (const match of await expandWorkspacePattern(trimmed, options, 'params path')) {
      const found = match.isDirectory
        ? await readParamsFolder(match)
        : { params: await readParamsFile(match.absolute, match.relative), sources: [match.relative] };
      for (const [key, value] of found.params) merged.set(key, value);
      sources.push(...found.sources);
    }
  }
  const params: Record<string, ParamValue> = {};
  for (const [key, value] of merged) setOwnEntry(params, key, value);
  return { params, sources: [...new Set(sources)] };
}

const PARAMS_FILE_NAMES = ['params.yaml', 'params.yml', 'params.json', 'params.toml'];

async function readParamsFolder(
  folder: WorkspacePath,
): Promise<{ params: Map<string, ParamValue>; sources: string[] }> {
  const runs = await findMlflowRuns(folder);
  const newest = runs[0];
  if (newest !== undefined) return readMlflowRunParams(newest.folder);
  for (const name of PARAMS_FILE_NAMES) {
    const file = await workspaceChild(folder, name);
    if (file !== undefined && !file.isDirectory)
      return { params: await readParamsFile(file.absolute, file.relative), sources: [file.relative] };
  }
  throw new UserError(
    `params folder ${JSON.stringify(folder.relative)} has no ${PARAMS_FILE_NAMES.join(', ')} and is not an MLflow run folder; name a params file instead`,
  );
}
