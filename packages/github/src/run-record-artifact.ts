import { MAX_RUN_RECORD_BYTES, UserError, parseRunRecord, serializeRunRecord, type RunRecord } from '@ml-actions/core';
import type { ArtifactClient } from './artifact-client.ts';
import type { GitHubClient } from './github-client.ts';
import type { Log } from './step-log.ts';
import { downloadArtifactFile, safeArtifactName, uploadTextArtifact, type ArtifactLocation } from './text-artifact.ts';

/** Run records travel as one small artifact per run and experiment; this is the file inside. */
export const RUN_RECORD_FILE = 'run-record.json';

/** The artifact name of an experiment's record; the experiment itself stays in the record. */
export function runRecordArtifactName(experiment: string): string {
  return safeArtifactName(`ml-run-${experiment}`);
}

/** Uploads a record; returns the artifact id. */
export async function uploadRunRecord(
  client: ArtifactClient,
  record: RunRecord,
  options: { retentionDays?: number; log: Log },
): Promise<number> {
  return uploadTextArtifact(client, {
    name: runRecordArtifactName(record.experiment),
    fileName: RUN_RECORD_FILE,
    text: serializeRunRecord(record),
    runAttempt: record.attempt,
    ...options,
  });
}

/** Downloads a record artifact (of this run or of another) and parses the record in it. */
export async function downloadRunRecord(
  github: GitHubClient,
  repository: { owner: string; repo: string },
  location: ArtifactLocation,
): Promise<RunRecord> {
  const text = await downloadArtifactFile(github, repository, location, RUN_RECORD_FILE, MAX_RUN_RECORD_BYTES);
  if (text === undefined) throw new UserError(`${location.label} holds no ${RUN_RECORD_FILE}`);
  return parseRunRecord(text, location.label);
}
