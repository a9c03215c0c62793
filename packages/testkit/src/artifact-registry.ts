/**
 * Workflow artifacts as both GitHub services see them: the Results (Twirp) service creates and
 * finalizes them, the REST API lists, downloads and deletes them. One registry keeps both in step.
 */

export interface StoredArtifact {
  id: number;
  name: string;
  /** The numeric workflow run id the REST API uses. */
  workflowRunId: number;
  /** The ids the Results service and the runtime token use. */
  workflowRunBackendId: string;
  workflowJobRunBackendId: string;
  size: number;
  /** `sha256:<hex>` once finalized. */
  digest?: string;
  createdAt: string;
  expiresAt: string;
  finalized: boolean;
  /** Where the bytes live in the blob store. */
  blobName: string;
}

export class ArtifactRegistry {
  private readonly artifacts = new Map<number, StoredArtifact>();
  private nextId = 1000;
  private readonly runIdByBackendId = new Map<string, number>();
  /** Set by the artifact service: a signed, short-lived URL to the artifact's bytes. */
  downloadUrl: ((artifact: StoredArtifact) => Promise<string>) | undefined;

  /** Ties a backend run id (from a runtime token) to a numeric workflow run id. */
  linkRun(workflowRunBackendId: string, workflowRunId: number): void {
    this.runIdByBackendId.set(workflowRunBackendId, workflowRunId);
  }

  workflowRunIdFor(workflowRunBackendId: string): number | undefined {
    return this.runIdByBackendId.get(workflowRunBackendId);
  }

  create(
    fields: Omit<StoredArtifact, 'id' | 'createdAt' | 'finalized' | 'size'> & { createdAt?: string },
  ): StoredArtifact {
    const artifact: StoredArtifact = {
      ...fields,
      id: this.nextId++,
      createdAt: fields.createdAt ?? new Date().toISOString(),
      finalized: false,
      size: 0,
    };
    this.artifacts.set(artifact.id, artifact);
    return artifact;
  }

  get(id: number): StoredArtifact | undefined {
    return this.artifacts.get(id);
  }

  /** Every artifact that matches all the given fields, oldest first. */
  list(
    filter: Partial<Pick<StoredArtifact, 'name' | 'workflowRunId' | 'workflowRunBackendId' | 'finalized'>> = {},
  ): StoredArtifact[] {
    return [...this.artifacts.values()].filter((a) =>
      Object.entries(filter).every(([key, value]) => value === undefined || a[key as keyof StoredArtifact] === value),
    );
  }

  delete(id: number): boolean {
    return this.artifacts.delete(id);
  }
}
