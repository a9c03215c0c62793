/**
 * The names a run record travels under. Each experiment and replicate has its own, so that
 * `actions/download-artifact` with `merge-multiple: true` puts every record of a matrix side by
 * side in one folder, never one over another.
 */
import { safeFileStem } from '../files/safe-file-stem.ts';
import { shortHash } from '../text/short-hash.ts';
import type { RunRecord } from './run-record.ts';

/** Record files: `run-record.json` (the one name before replicates had their own) or `run-record-<name>.json`. */
const RUN_RECORD_FILE_NAME = /^run-record[A-Za-z0-9._-]*\.json$/;

/**
 * The experiment, and for a replicate its key and value: `train-seed-1`. Joined by `-`, two
 * different records could read alike (`a-seed-1` with seed 2, and `a` with seed `1-seed-2`); the
 * name is kept as it is only when `-<key>-` occurs in it once, else it ends in a hash of its parts.
 */
export function runRecordName(record: Pick<RunRecord, 'experiment' | 'replicate'>): string {
  const { experiment, replicate } = record;
  if (replicate === undefined) return experiment;
  const joined = `${experiment}-${replicate.key}-${replicate.value}`;
  if (occurrences(joined, `-${replicate.key}-`) === 1) return joined;
  return `${joined}-${shortHash(JSON.stringify([experiment, replicate.key, replicate.value]))}`;
}

/** The file a record is written to and uploaded as: `run-record-train-seed-1.json`, safe on every disk. */
export function runRecordFileName(record: Pick<RunRecord, 'experiment' | 'replicate'>): string {
  return `run-record-${safeFileStem(runRecordName(record))}.json`;
}

/** Whether a top-level file of a record artifact is the record: `run-record.json` or `run-record-<stem>.json`. */
export function isRunRecordFileName(name: string): boolean {
  return RUN_RECORD_FILE_NAME.test(name);
}

/** How often `part` occurs in `text`, overlapping occurrences counted. */
function occurrences(text: string, part: string): number {
  let count = 0;
  for (let at = text.indexOf(part); at !== -1; at = text.indexOf(part, at + 1)) count++;
  return count;
}
