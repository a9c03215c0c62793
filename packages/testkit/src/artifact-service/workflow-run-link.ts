/**
 * Which numeric workflow run (the REST API's id) a backend run id (the runtime token's) belongs to.
 * Tests may link them up front with `registry.linkRun`; otherwise the artifact service derives
 * and records the id with this rule, so the same backend id always lands in the same run.
 */
import { createHash } from 'node:crypto';
import type { ArtifactRegistry } from '../artifact-registry.ts';

/**
 * The run id for a backend id nobody linked: the number itself when the backend id is a decimal
 * integer (handy in tests), else 1 plus the first 32 bits of its SHA-256.
 */
export function derivedWorkflowRunId(workflowRunBackendId: string): number {
  if (/^[1-9]\d{0,14}$/.test(workflowRunBackendId)) return Number(workflowRunBackendId);
  return 1 + Number.parseInt(createHash('sha256').update(workflowRunBackendId).digest('hex').slice(0, 8), 16);
}

/** The linked run id, linking the derived one first when the backend id is new. */
export function workflowRunIdOf(registry: ArtifactRegistry, workflowRunBackendId: string): number {
  const linked = registry.workflowRunIdFor(workflowRunBackendId);
  if (linked !== undefined) return linked;
  const derived = derivedWorkflowRunId(workflowRunBackendId);
  registry.linkRun(workflowRunBackendId, derived);
  return derived;
}
