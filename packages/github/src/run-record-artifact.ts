import { MAX_RUN_RECORD_BYTES, UserError, parseRunRecord, serializeRunRecord, type RunRecord } from '@ml-actions/core';
import type { ArtifactClient } from './artifact-client.ts';
import type { GitHubClient } from './github-client.ts';
import type { Log } from './step-log.ts';
import {
  downloadArtifactFile,
  safeArtifactName,
  uploadTextArtifact,
  type ArtifactFileChoice,
  type ArtifactLocation,
} from './text-artifact.ts';

/**
 * Every run record artifact's name starts so. What follows is data: whoever uploads an artifact
 * (a fork's workflow too) chooses its name, so a name only says where to look; the record in it
 * says which experiment and replicate it is.
 */
export const RUN_RECORD_ARTIFACT_PREFIX = 'ml-run-';

/** Run records travel as one small artifact per run and experiment; this is the file inside. */
export const RUN_RECORD_FILE = 'run-record.json';

/**
 * The record file a record artifact is read for: `run-record.json`, or `run-record-<...>.json`
 * (one a replicate), at the top level; of several, the first in name order.
 */
export const RUN_RECORD_FILE_CHOICE: ArtifactFileChoice = {
  pattern: 'run-record*.json',
  matches: (name) => /^run-record[^/\\]*\.json$/.test(name),
};

/** The artifact name of an experiment's record; the experiment itself stays in the record. */
export function runRecordArtifactName(experiment: string): string {
  return safeArtifactName(`${RUN_RECORD_ARTIFACT_PREFIX}${experiment}`);
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
  const choice = RUN_RECORD_FILE_CHOICE;
  const text = await downloadArtifactFile(github, repository, location, choice, MAX_RUN_RECORD_BYTES);
  if (text === undefined) throw new UserError(`${location.label} holds no ${choice.pattern} file`);
  return parseRunRecord(text, location.label);
}
