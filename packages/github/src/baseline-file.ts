import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { RunRecord } from '@ml-actions/core';
import { readRunRecordFiles } from './job-records.ts';

/**
 * Whether a `baseline` input names run record files rather than a lookup (`auto`, `none`, a
 * workflow run id, an artifact name). A name ending in `.json`, or holding a character that
 * artifact names cannot (`/`, `\`, `*`, `?`), is a path or glob; so is a name that exists.
 */
export function isBaselineFile(spec: string, workspace: string): boolean {
  const trimmed = spec.trim();
  if (trimmed === 'auto' || trimmed === 'none' || /^\d+$/.test(trimmed)) return false;
  if (trimmed.endsWith('.json') || /[/\\*?]/.test(trimmed)) return true;
  return existsSync(isAbsolute(trimmed) ? trimmed : resolve(workspace, trimmed));
}

/**
 * The records of a baseline given as files: read from disk, so no token and no request are
 * needed. A path or glob that matches nothing is a user error naming input `baseline`.
 */
export async function readBaselineFile(
  spec: string,
  workspace: string,
): Promise<{ records: RunRecord[]; sha: string | undefined }> {
  const records = await readRunRecordFiles([spec.trim()], workspace, 'baseline');
  return { records, sha: records[0]?.provenance.sha };
}
