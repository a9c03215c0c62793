import type { ArtifactClient } from '@actions/artifact';

/**
 * The real `@actions/artifact` client, loaded on first use: it is the heaviest import we have and
 * most paths (a gate with absolute rules, a collect-only compare) never touch it.
 */
export async function loadArtifactClient(): Promise<ArtifactClient> {
  const { DefaultArtifactClient } = await import('@actions/artifact');
  return new DefaultArtifactClient();
}

export type { ArtifactClient };
