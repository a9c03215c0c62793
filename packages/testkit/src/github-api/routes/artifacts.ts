/**
 * Workflow artifacts, backed by the registry the artifact (Results) service writes to: list for a
 * run or a repository, get, download (a redirect to the blob store) and delete.
 */
import type { StoredArtifact } from '../../artifact-registry.ts';
import { githubError, json, notFound } from '../http-exchange.ts';
import type { ApiRequest } from '../http-exchange.ts';
import { paginate } from '../pagination.ts';
import { nodeId } from '../render-account.ts';
import type { Router } from '../router.ts';
import type { GitHubState, RepoRecord } from '../state.ts';
import { intParam, requireRepo } from './repo-lookup.ts';

function expired(artifact: StoredArtifact): boolean {
  return Date.parse(artifact.expiresAt) <= Date.now();
}

function artifactJson(
  api: string,
  state: GitHubState,
  repo: RepoRecord,
  artifact: StoredArtifact,
): Record<string, unknown> {
  const url = `${api}/repos/${repo.fullName}/actions/artifacts/${artifact.id}`;
  const run = state.workflowRun(artifact.workflowRunId);
  const headRepo = run === undefined ? undefined : state.repo(run.headRepo);
  return {
    id: artifact.id,
    node_id: nodeId('Artifact', artifact.id),
    name: artifact.name,
    size_in_bytes: artifact.size,
    url,
    archive_download_url: `${url}/zip`,
    expired: expired(artifact),
    created_at: artifact.createdAt,
    updated_at: artifact.createdAt,
    expires_at: artifact.expiresAt,
    digest: artifact.digest ?? null,
    workflow_run:
      run === undefined
        ? null
        : {
            id: run.id,
            repository_id: repo.id,
            head_repository_id: headRepo?.id ?? repo.id,
            head_branch: run.headBranch ?? '',
            head_sha: run.headSha,
          },
  };
}

/** Only finalized uploads are visible, newest first. */
function visible(artifacts: StoredArtifact[]): StoredArtifact[] {
  return artifacts
    .filter((a) => a.finalized)
    .sort((a, b) => (a.createdAt === b.createdAt ? b.id - a.id : a.createdAt < b.createdAt ? 1 : -1));
}

/** An artifact of this repository (or of a run the state does not know, which any repository may see). */
function requireArtifact(state: GitHubState, repo: RepoRecord, request: ApiRequest): StoredArtifact {
  const artifact = state.registry.get(intParam(request, 'artifact_id'));
  if (artifact === undefined || !artifact.finalized) notFound();
  const owner = state.artifactRepo(artifact);
  return owner === undefined || owner.toLowerCase() === repo.fullName.toLowerCase() ? artifact : notFound();
}

/** The `name` query parameter as a registry filter (an exact match, as on GitHub). */
function nameFilter(request: ApiRequest): { name?: string } {
  const name = request.query.get('name');
  return name === null ? {} : { name };
}

function listAnswer(request: ApiRequest, state: GitHubState, repo: RepoRecord, artifacts: StoredArtifact[]) {
  const page = paginate(artifacts, request);
  return json(
    200,
    { total_count: artifacts.length, artifacts: page.items.map((a) => artifactJson(request.baseUrl, state, repo, a)) },
    page.headers,
  );
}

export function registerArtifactRoutes(router: Router, state: GitHubState): void {
  router.add('GET', '/repos/{owner}/{repo}/actions/runs/{run_id}/artifacts', (request) => {
    const repo = requireRepo(state, request);
    const runId = intParam(request, 'run_id');
    const run = state.workflowRun(runId);
    if (run !== undefined && run.repo.toLowerCase() !== repo.fullName.toLowerCase()) notFound();
    let artifacts = visible(state.registry.list({ workflowRunId: runId, ...nameFilter(request) }));
    if (request.query.get('direction') === 'asc') artifacts = artifacts.reverse();
    return listAnswer(request, state, repo, artifacts);
  });

  router.add('GET', '/repos/{owner}/{repo}/actions/artifacts', (request) => {
    const repo = requireRepo(state, request);
    const artifacts = visible(state.registry.list(nameFilter(request))).filter(
      (a) => state.artifactRepo(a)?.toLowerCase() === repo.fullName.toLowerCase(),
    );
    return listAnswer(request, state, repo, artifacts);
  });

  router.add('GET', '/repos/{owner}/{repo}/actions/artifacts/{artifact_id}', (request) => {
    const repo = requireRepo(state, request);
    return json(200, artifactJson(request.baseUrl, state, repo, requireArtifact(state, repo, request)));
  });

  router.add('GET', '/repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}', async (request) => {
    const repo = requireRepo(state, request);
    const artifact = requireArtifact(state, repo, request);
    if (request.params.archive_format !== 'zip') notFound();
    if (expired(artifact)) return githubError(410, 'Artifact has expired');
    const downloadUrl = state.registry.downloadUrl;
    if (downloadUrl === undefined) {
      throw new Error(
        'no artifact service is attached to the registry (registry.downloadUrl is unset), so there are no bytes to download',
      );
    }
    return { status: 302, headers: { location: await downloadUrl(artifact) } };
  });

  router.add('DELETE', '/repos/{owner}/{repo}/actions/artifacts/{artifact_id}', (request) => {
    const repo = requireRepo(state, request);
    state.registry.delete(requireArtifact(state, repo, request).id);
    return { status: 204 };
  });
}
