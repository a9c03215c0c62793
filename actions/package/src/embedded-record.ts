/**
 * The run record a package embeds: the one named by input `run`, else the one train wrote earlier
 * in this job. Having none is fine (a model trained elsewhere): the package then has no metrics.
 */
import { readdir } from 'node:fs/promises';
import type { RunRecord } from '@ml-actions/core';
import { jobRecordsFolder, readRunRecords, type JobPlace } from '@ml-actions/github';

export interface EmbeddedRecord {
  record: RunRecord | undefined;
  /** How many records were found; only the most recent is embedded. */
  found: number;
}

/**
 * Reads the records named by `patterns` (a pattern matching nothing is a user error), or this
 * job's records when there are no patterns; returns the one that finished last.
 */
export async function findEmbeddedRecord(patterns: string[], job: JobPlace): Promise<EmbeddedRecord> {
  if (patterns.length === 0) {
    const names = await readdir(jobRecordsFolder(job)).catch(() => [] as string[]);
    if (!names.some((name) => name.endsWith('.json'))) return { record: undefined, found: 0 };
  }
  const records = await readRunRecords(patterns, job);
  const latest = records.reduce<RunRecord | undefined>(
    (best, record) =>
      best === undefined || Date.parse(record.outcome.finishedAt) >= Date.parse(best.outcome.finishedAt)
        ? record
        : best,
    undefined,
  );
  return { record: latest, found: records.length };
}
