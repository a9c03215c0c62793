import { UserError, parseRunRecord, serializeRunRecord, type RunRecord } from '@ml-actions/core';
import type { ArtifactClient } from './artifact-client.ts';
import { downloadTextArtifact, safeArtifactName, uploadTextArtifact, type ArtifactLocation } from './text-artifact.ts';

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
  options: { retentionDays?: number } = {},
): Promise<number> {
  return uploadTextArtifact(client, {
    name: runRecordArtifactName(record.experiment),
    fileName: RUN_RECORD_FILE,
    text: serializeRunRecord(record),
    ...options,
  });
}

/** Downloads a record artifact (of this run or of another) and parses every record in it. */
export async function downloadRunRecords(client: ArtifactClient, location: ArtifactLocation): Promise<RunRecord[]> {
  const files = await downloadTextArtifact(client, location);
  const names = [...files.keys()].filter((name) => name.endsWith('.json')).sort();
  if (names.length === 0) {
    throw new UserError(
      `artifact ${location.artifactId} of workflow run ${location.workflowRunId} holds no run record`,
    );
  }
  return names.map((name) =>
    parseRunRecord(
      files.get(name) ?? '',
      `artifact ${location.artifactId} (${name}) of workflow run ${location.workflowRunId}`,
    ),
  );
}
