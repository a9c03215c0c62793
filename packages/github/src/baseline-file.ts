import { UserError, type RunRecord } from '@ml-actions/core';
import { readRunRecordFiles, type JobPlace } from './job-records.ts';

/** Where the baseline comes from, as input `baseline` says. */
export type BaselineSpec =
  | { kind: 'auto' }
  | { kind: 'none' }
  /** The runs train logged to MLflow for the commit the auto lookup would use. */
  | { kind: 'mlflow' }
  | { kind: 'workflow-run'; runId: number }
  | { kind: 'artifact'; name: string }
  | { kind: 'files'; pattern: string };

/** Characters an artifact name cannot hold (besides those that make a value a path or glob). */
const NOT_IN_ARTIFACT_NAMES = /["':<>|\r\n]/;

/**
 * Reads input `baseline`: `auto`, `none`, `mlflow`, a workflow run id (digits), a run record path or glob
 * (a value ending in `.json`, or holding a character artifact names cannot: `/`, `\`, `*`, `?`),
 * or else an artifact name.
 */
export function parseBaselineSpec(text: string): BaselineSpec {
  const value = text.trim();
  if (value === 'auto' || value === 'none' || value === 'mlflow') return { kind: value };
  if (/^\d+$/.test(value)) {
    const runId = Number(value);
    if (!Number.isSafeInteger(runId) || runId === 0) {
      throw new UserError(`input "baseline" is not a workflow run id: ${value}`);
    }
    return { kind: 'workflow-run', runId };
  }
  if (value.endsWith('.json') || /[/\\*?]/.test(value)) return { kind: 'files', pattern: value };
  if (value === '' || NOT_IN_ARTIFACT_NAMES.test(value)) {
    throw new UserError(
      `input "baseline" must be auto, none, mlflow, a workflow run id, a run record path or glob (ending in .json, or with a /), or an artifact name; got ${JSON.stringify(value)}`,
    );
  }
  return { kind: 'artifact', name: value };
}

/**
 * The records of a baseline given as files: read from disk, so no token and no request are
 * needed. A path or glob that matches nothing is a user error naming input `baseline`.
 */
export async function readBaselineFile(
  pattern: string,
  job: JobPlace,
): Promise<{ records: RunRecord[]; sha: string | undefined }> {
  const records = await readRunRecordFiles([pattern], job, 'baseline');
  return { records, sha: records[0]?.provenance.sha };
}
