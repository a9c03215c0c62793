import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserError, parseRunRecord, serializeRunRecord, type RunRecord } from '@ml-actions/core';
import type { ArtifactClient } from './artifact-client.ts';

/** Run records travel as one small artifact per run and experiment; this is the file inside. */
export const RUN_RECORD_FILE = 'run-record.json';
const PREFIX = 'ml-run-';

/**
 * The artifact name of an experiment's record. GitHub refuses `"`, `:`, `<`, `>`, `|`, `*`, `?`,
 * `\`, `/` and line breaks in names, so those become `_`; the experiment itself stays in the record.
 */
export function runRecordArtifactName(experiment: string): string {
  return PREFIX + experiment.replace(/["':<>|*?\\/\r\n]/g, '_').slice(0, 200);
}

/** Uploads a record; returns the artifact id. */
export async function uploadRunRecord(
  client: ArtifactClient,
  record: RunRecord,
  options: { retentionDays?: number } = {},
): Promise<number> {
  const folder = await mkdtemp(join(tmpdir(), 'ml-run-record-'));
  try {
    const file = join(folder, RUN_RECORD_FILE);
    await writeFile(file, serializeRunRecord(record));
    const uploaded = await client.uploadArtifact(runRecordArtifactName(record.experiment), [file], folder, {
      ...(options.retentionDays === undefined ? {} : { retentionDays: options.retentionDays }),
    });
    if (uploaded.id === undefined) throw new Error('the artifact service returned no id for the run record');
    return uploaded.id;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** Where an artifact of another workflow run lives, for the REST download path. */
export interface ArtifactLocation {
  artifactId: number;
  workflowRunId: number;
  owner: string;
  repo: string;
  token: string;
}

/** Downloads an artifact (of this run or, with a location, of another) and parses every record in it. */
export async function downloadRunRecords(client: ArtifactClient, location: ArtifactLocation): Promise<RunRecord[]> {
  const folder = await mkdtemp(join(tmpdir(), 'ml-run-record-'));
  try {
    await client.downloadArtifact(location.artifactId, {
      path: folder,
      findBy: {
        token: location.token,
        workflowRunId: location.workflowRunId,
        repositoryOwner: location.owner,
        repositoryName: location.repo,
      },
    });
    const names = (await readdir(folder)).filter((name) => name.endsWith('.json')).sort();
    if (names.length === 0) {
      throw new UserError(
        `artifact ${location.artifactId} of workflow run ${location.workflowRunId} holds no run record`,
      );
    }
    return await Promise.all(
      names.map(async (name) =>
        parseRunRecord(
          await readFile(join(folder, name), 'utf8'),
          `artifact ${location.artifactId} (${name}) of workflow run ${location.workflowRunId}`,
        ),
      ),
    );
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
