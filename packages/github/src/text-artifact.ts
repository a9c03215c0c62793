import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ArtifactClient } from './artifact-client.ts';

/** Where an artifact lives: this run's (no location) or another run's, reached through the REST API. */
export interface ArtifactLocation {
  artifactId: number;
  workflowRunId: number;
  owner: string;
  repo: string;
  token: string;
}

const MAX_ARTIFACT_NAME = 200;

/**
 * An artifact name GitHub accepts: the characters it refuses become `_`, and the name is cut to
 * 200 characters. Either change could make two names one (`a/b` and `a_b`), so a changed name
 * ends in 12 hex of the exact name's SHA-256.
 */
export function safeArtifactName(name: string): string {
  const safe = name.replace(/["':<>|*?\\/\r\n]/g, '_');
  if (safe === name && name.length <= MAX_ARTIFACT_NAME) return name;
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 12);
  return `${safe.slice(0, MAX_ARTIFACT_NAME - hash.length - 1)}-${hash}`;
}

/** Uploads one small text file as an artifact; returns the artifact id. */
export async function uploadTextArtifact(
  client: ArtifactClient,
  options: { name: string; fileName: string; text: string; retentionDays?: number },
): Promise<number> {
  const folder = await mkdtemp(join(tmpdir(), 'ml-actions-upload-'));
  try {
    const file = join(folder, options.fileName);
    await writeFile(file, options.text);
    const uploaded = await client.uploadArtifact(
      options.name,
      [file],
      folder,
      options.retentionDays === undefined ? {} : { retentionDays: options.retentionDays },
    );
    if (uploaded.id === undefined) throw new Error(`the artifact service returned no id for ${options.name}`);
    return uploaded.id;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/**
 * Downloads an artifact and returns its top-level files by name. The client unzips it into a fresh
 * folder of ours and refuses entries that would land outside it.
 */
export async function downloadTextArtifact(
  client: ArtifactClient,
  location: ArtifactLocation,
): Promise<Map<string, string>> {
  const folder = await mkdtemp(join(tmpdir(), 'ml-actions-download-'));
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
    const files = new Map<string, string>();
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      if (entry.isFile()) files.set(entry.name, await readFile(join(folder, entry.name), 'utf8'));
    }
    return files;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
