import {
  MAX_RUN_RECORD_BYTES,
  UserError,
  isRunRecordFileName,
  parseRunRecord,
  runRecordFileName,
  runRecordName,
  serializeRunRecord,
  type Replicate,
  type RunRecord,
} from '@ml-actions/core';
import type { ArtifactClient } from './artifact-client.ts';
import type { GitHubClient } from './github-client.ts';
import type { Log } from './step-log.ts';
import { downloadArtifactFile, safeArtifactName, uploadTextArtifact, type ArtifactLocation } from './text-artifact.ts';

/** How every run record artifact's name begins: `ml-run-<experiment>`, `ml-run-<experiment>-seed-1`. */
export const RECORD_ARTIFACT_PREFIX = 'ml-run-';

/**
 * The artifact name of an experiment's record, or of one replicate's (`ml-run-train-seed-1`); the
 * experiment and replicate themselves stay in the record.
 */
export function runRecordArtifactName(experiment: string, replicate?: Replicate): string {
  return safeArtifactName(
    `${RECORD_ARTIFACT_PREFIX}${runRecordName(replicate === undefined ? { experiment } : { experiment, replicate })}`,
  );
}

/**
 * Uploads a record, one small artifact per experiment and replicate, the file in it named after
 * them too (`run-record-train-seed-1.json`); returns the artifact id.
 */
export async function uploadRunRecord(
  client: ArtifactClient,
  record: RunRecord,
  options: { retentionDays?: number; log: Log },
): Promise<number> {
  return uploadTextArtifact(client, {
    name: runRecordArtifactName(record.experiment, record.replicate),
    fileName: runRecordFileName(record),
    text: serializeRunRecord(record),
    runAttempt: record.attempt,
    ...options,
  });
}

/**
 * Downloads a record artifact (of this run or of another) and parses the record in it: its one
 * top-level `run-record*.json` file, as artifacts made before replicates had their own file names
 * hold `run-record.json`.
 */
export async function downloadRunRecord(
  github: GitHubClient,
  repository: { owner: string; repo: string },
  location: ArtifactLocation,
): Promise<RunRecord> {
  const text = await downloadArtifactFile(github, repository, location, isRunRecordFileName, MAX_RUN_RECORD_BYTES);
  if (text === undefined) {
    throw new UserError(`${location.label} holds no run record file (run-record.json or run-record-*.json)`);
  }
  return parseRunRecord(text, location.label);
}
