import { errorMessage, type RunRecord } from '@ml-actions/core';
import type { GitHubClient } from './github-client.ts';
import { describeGitHubFailure } from './github-failure.ts';
import { RECORD_ARTIFACT_PREFIX, downloadRunRecord } from './run-record-artifact.ts';
import { safeArtifactNamePrefix } from './text-artifact.ts';

/** Whether an artifact is one to look into for run records, by its name alone. */
export function isRunRecordArtifact(name: string): boolean {
  return name.startsWith(RECORD_ARTIFACT_PREFIX);
}

/**
 * Whether an artifact's name allows it to hold records of `experiment`: `ml-run-<experiment>`,
 * alone or followed by `-` (replicate keys, the hash of a changed name), as `safeArtifactName`
 * makes it. A prefilter that saves downloads, never a decision: `train` also lets `train-big`'s
 * artifacts through, and the record read decides.
 */
export function mayHoldExperiment(name: string, experiment: string): boolean {
  const { prefix, cut } = safeArtifactNamePrefix(`${RECORD_ARTIFACT_PREFIX}${experiment}`);
  if (!name.startsWith(prefix)) return false;
  return cut || name.length === prefix.length || name[prefix.length] === '-';
}

/** An artifact as GitHub's artifact listings describe it: the fields read here. */
export interface ListedArtifact {
  id: number;
  name: string;
  expired: boolean;
  created_at?: string | null;
  workflow_run?: {
    id?: number;
    head_branch?: string | null;
    head_sha?: string;
    repository_id?: number;
    head_repository_id?: number;
  } | null;
}

/**
 * Of several artifacts of one name (a job re-run in a later attempt uploads its own), the newest:
 * the latest `created_at`, then the highest id (ids grow). Returned in name order.
 */
export function newestAttempts<T extends Pick<ListedArtifact, 'id' | 'name' | 'created_at'>>(
  artifacts: readonly T[],
): T[] {
  const newest = new Map<string, T>();
  for (const artifact of artifacts) {
    const kept = newest.get(artifact.name);
    if (kept === undefined || isNewer(artifact, kept)) newest.set(artifact.name, artifact);
  }
  return [...newest.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id - b.id));
}

function isNewer(a: Pick<ListedArtifact, 'id' | 'created_at'>, b: Pick<ListedArtifact, 'id' | 'created_at'>): boolean {
  // ISO 8601 times of one service compare as text; a missing time is older than any.
  const [at, bt] = [a.created_at ?? '', b.created_at ?? ''];
  return at === bt ? a.id > b.id : at > bt;
}

/** How errors and warnings name a record artifact: `artifact "ml-run-a" of workflow run 7`. */
export function recordArtifactLabel(artifact: Pick<ListedArtifact, 'name'>, workflowRunId: number): string {
  return `artifact "${artifact.name}" of workflow run ${workflowRunId}`;
}

/** One record artifact read: its record, or why it has none that can be used (the artifact named first). */
export type RecordArtifactRead<T extends ListedArtifact = ListedArtifact> =
  { artifact: T; record: RunRecord; reason?: undefined } | { artifact: T; record?: undefined; reason: string };

/** Downloads at once at most: enough to hide latency, few enough for GitHub's secondary rate limits. */
const PARALLEL_DOWNLOADS = 8;

/**
 * Downloads and checks the record of each artifact (of workflow run `workflowRunId`), a few at a
 * time, in the order given. An artifact that cannot be read (malformed, over the caps, holding no
 * record, failing to download after the retries) gives a reason, never a throw: one bad leg or
 * replicate must not hide the others.
 */
export async function readRecordArtifacts<T extends ListedArtifact>(
  github: GitHubClient,
  repository: { owner: string; repo: string },
  artifacts: readonly T[],
  workflowRunId: number,
): Promise<RecordArtifactRead<T>[]> {
  const reads: RecordArtifactRead<T>[] = new Array<RecordArtifactRead<T>>(artifacts.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < artifacts.length) {
      const index = next++;
      const artifact = artifacts[index] as T;
      const label = recordArtifactLabel(artifact, workflowRunId);
      try {
        const record = await downloadRunRecord(github, repository, { artifactId: artifact.id, workflowRunId, label });
        reads[index] = { artifact, record };
      } catch (thrown: unknown) {
        const why = describeGitHubFailure(thrown) ?? errorMessage(thrown);
        reads[index] = { artifact, reason: why.startsWith(label) ? why : `${label}: ${why}` };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_DOWNLOADS, artifacts.length) }, worker));
  return reads;
}
