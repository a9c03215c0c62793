import type { ArtifactClient } from './artifact-client.ts';
import type { Log } from './step-log.ts';

/**
 * Deletes the artifact of this name that an earlier attempt of this workflow run uploaded, so that
 * a re-run can upload its own: the artifact service refuses a second artifact of one name in a run
 * (409), and a re-run keeps the run and its artifacts. Nothing to do on a first attempt.
 */
export async function replaceEarlierAttempt(
  client: ArtifactClient,
  name: string,
  runAttempt: number,
  log: Log,
): Promise<void> {
  if (runAttempt <= 1) return;
  try {
    await client.deleteArtifact(name);
    log.info(`the artifact ${name} of an earlier attempt of this run was deleted, to be replaced`);
  } catch (thrown: unknown) {
    if ((thrown as { name?: unknown } | null)?.name !== 'ArtifactNotFoundError') throw thrown;
  }
}
