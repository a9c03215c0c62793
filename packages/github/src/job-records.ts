import { lstat, mkdir, readdir, realpath, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import type { ActionContext } from './action-context.ts';
import {
  MAX_RUN_RECORD_BYTES,
  UserError,
  isGlobPattern,
  isInsideFolder,
  parseRunRecord,
  readTextFile,
  runRecordFileName,
  serializeRunRecord,
  type RunRecord,
} from '@ml-actions/core';

/**
 * Where train leaves its records for the later steps of the same job: RUNNER_TEMP is per job and
 * emptied when the job ends, so gate, compare and package find exactly this job's runs.
 */
export function jobRecordsFolder(job: JobPlace): string {
  return join(job.temp ?? tmpdir(), 'ml-actions', 'run-records');
}

/** Where a step runs: its workspace, and the job's RUNNER_TEMP (undefined outside a runner). */
export type JobPlace = Pick<ActionContext, 'workspace' | 'temp'>;

/** Where a record was written, and the record of this job it would have replaced, if any. */
export interface JobRecordWrite {
  path: string;
  /**
   * The record of the same experiment and replicate that an earlier step of this job wrote: this
   * one was then written under `duplicates/` instead, which later steps do not read.
   */
  duplicateOf?: string;
}

/**
 * Writes a record where later steps look for it, named after its experiment and replicate. A
 * second record of those in one job would be indistinguishable from the first downstream (one
 * artifact name, one file name), so it never replaces it: it goes to `duplicates/`, and the answer says so.
 */
export async function writeJobRecord(record: RunRecord, job: JobPlace): Promise<JobRecordWrite> {
  const folder = jobRecordsFolder(job);
  await mkdir(folder, { recursive: true });
  const text = serializeRunRecord(record);
  const path = join(folder, runRecordFileName(record));
  try {
    // `wx`: created only when absent, so two steps that race cannot both think they were first.
    await writeFile(path, text, { flag: 'wx' });
    return { path };
  } catch (thrown: unknown) {
    if ((thrown as { code?: unknown } | null)?.code !== 'EEXIST') throw thrown;
  }
  const duplicates = join(folder, DUPLICATES_FOLDER);
  await mkdir(duplicates, { recursive: true });
  const safeId = record.runId.replace(/[^A-Za-z0-9._-]/g, '_');
  const duplicate = join(duplicates, `${runRecordFileName(record).replace(/\.json$/, '')}-${safeId}.json`);
  await writeFile(duplicate, text);
  return { path: duplicate, duplicateOf: path };
}

/** The subfolder of the job's records for records that another of the same name was already in. */
const DUPLICATES_FOLDER = 'duplicates';

/**
 * Reads the records named by a `run` input (paths or globs, relative to the workspace), or, when
 * it is empty, every record train wrote in this job. No record at all is a user error.
 */
export async function readRunRecords(patterns: string[], job: JobPlace): Promise<RunRecord[]> {
  if (patterns.length > 0) return readRunRecordFiles(patterns, job, 'run');
  const records = await readJobRecords(job);
  if (records.length === 0) {
    throw new UserError(
      'no run record found: run the train action earlier in this job, or set input "run" to a record',
    );
  }
  return records;
}

/** Every record train wrote in this job (none when it did not run here). */
export async function readJobRecords(job: JobPlace): Promise<RunRecord[]> {
  const folder = jobRecordsFolder(job);
  const names = await readdir(folder).catch(() => [] as string[]);
  const paths = names
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => join(folder, name));
  return Promise.all(paths.map(async (path) => parseRunRecord(await readRunRecordText(path, path), path)));
}

/**
 * Reads the records at `patterns` (paths or globs, relative to the workspace), given in input
 * `input`: a pattern that matches nothing is a user error naming that input. Like every path a
 * user names, a record must lie inside the workspace (symlinks resolved), or be one train wrote
 * in this job (its `record` output, in RUNNER_TEMP).
 */
export async function readRunRecordFiles(patterns: string[], job: JobPlace, input: string): Promise<RunRecord[]> {
  const { glob } = await import('node:fs/promises');
  const { workspace } = job;
  const roots = await Promise.all(
    [workspace, jobRecordsFolder(job)].map((folder) => realpath(folder).catch(() => folder)),
  );
  const paths: string[] = [];
  for (const pattern of patterns) {
    const absolute = isAbsolute(pattern) ? pattern : resolve(workspace, pattern);
    const matches: string[] = [];
    if (isGlobPattern(pattern)) {
      for await (const match of glob(absolute)) matches.push(match);
    } else if (
      await lstat(absolute).then(
        () => true,
        () => false,
      )
    ) {
      // A plain path needs no walk: fs.glob costs milliseconds even for one file.
      matches.push(absolute);
    }
    if (matches.length === 0) throw new UserError(`input "${input}": no run record matches ${pattern}`);
    for (const match of matches.sort()) {
      const real = await realpath(match);
      if (!roots.some((root) => isInsideFolder(root, real))) {
        throw new UserError(
          `input "${input}": ${JSON.stringify(pattern)} leads to ${real}, outside the workspace; only run records inside the repository, or written by train in this job, are read`,
        );
      }
      paths.push(match);
    }
  }
  return Promise.all(paths.map(async (path) => parseRunRecord(await readRunRecordText(path, path), path)));
}

/**
 * A run record file's text: capped at MAX_RUN_RECORD_BYTES, as train writes them (a 1 GB file
 * named by mistake is refused at once rather than read) and checked for UTF-8 and NUL bytes, like every file we read.
 */
export async function readRunRecordText(path: string, displayName: string): Promise<string> {
  try {
    return await readTextFile(path, displayName, { kind: 'run records', maxBytes: MAX_RUN_RECORD_BYTES });
  } catch (thrown: unknown) {
    if (thrown instanceof UserError) throw thrown;
    throw new UserError(`cannot read the run record ${displayName}`, { file: displayName });
  }
}
