import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as ArtifactModuleType from '@actions/artifact';
import type { LocalGitHub } from '@ml-actions/testkit';

type ArtifactModule = typeof ArtifactModuleType;
let loaded: ArtifactModule | undefined;

/**
 * Downloads an artifact of a workflow run with the real, unmodified `@actions/artifact` client, through
 * its REST path (`findBy`), and returns the files in it. @actions/github reads GITHUB_API_URL when it is
 * first imported, so the variable is set before the first import (each test file is its own process).
 */
export async function downloadArtifactFiles(
  github: LocalGitHub,
  artifactId: number,
  workflowRunId: number,
): Promise<Record<string, string>> {
  process.env['GITHUB_API_URL'] = github.api.url;
  loaded ??= await import('@actions/artifact');
  const folder = await mkdtemp(join(tmpdir(), 'artifact-download-'));
  try {
    await new loaded.DefaultArtifactClient().downloadArtifact(artifactId, {
      path: folder,
      findBy: {
        token: github.token,
        workflowRunId,
        repositoryOwner: github.repository.owner,
        repositoryName: github.repository.repo,
      },
    });
    const files: Record<string, string> = {};
    for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
      if (entry.isFile())
        files[join(entry.parentPath, entry.name).slice(folder.length + 1)] = await readFile(
          join(entry.parentPath, entry.name),
          'utf8',
        );
    }
    return files;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
