/**
 * Git references: list by prefix (`tags/churn-model@v` finds every version of a model), get one,
 * and create one, refusing a duplicate as GitHub does. Model versions live in tags.
 */
import { githubError, json, notFound } from '../http-exchange.ts';
import { nodeId } from '../render-account.ts';
import type { Router } from '../router.ts';
import type { GitHubState, RepoRecord } from '../state.ts';
import { bodyObject, optionalString, requireRepo } from './repo-lookup.ts';

function refJson(api: string, repo: RepoRecord, ref: string, sha: string): Record<string, unknown> {
  const base = `${api}/repos/${repo.fullName}`;
  return {
    ref,
    node_id: nodeId('Ref', `${repo.id}:${ref}`),
    url: `${base}/git/${ref.split('/').map(encodeURIComponent).join('/')}`,
    object: { sha, type: 'commit', url: `${base}/git/commits/${sha}` },
  };
}

export function registerGitRefRoutes(router: Router, state: GitHubState): void {
  router.add('GET', '/repos/{owner}/{repo}/git/matching-refs/{ref}', (request) => {
    const repo = requireRepo(state, request);
    const prefix = `refs/${request.params.ref ?? ''}`;
    const found = state.refs(repo.fullName).filter(([name]) => name.startsWith(prefix));
    return json(
      200,
      found.map(([name, sha]) => refJson(request.baseUrl, repo, name, sha)),
    );
  });

  router.add('GET', '/repos/{owner}/{repo}/git/ref/{ref}', (request) => {
    const repo = requireRepo(state, request);
    const name = `refs/${request.params.ref ?? ''}`;
    const sha = state.ref(repo.fullName, name) ?? notFound();
    return json(200, refJson(request.baseUrl, repo, name, sha));
  });

  router.add('POST', '/repos/{owner}/{repo}/git/refs', (request) => {
    const repo = requireRepo(state, request);
    const body = bodyObject(request);
    const ref = optionalString(body, 'ref') ?? '';
    const sha = optionalString(body, 'sha') ?? '';
    if (!/^refs\/[^/]+\/.+/.test(ref) || ref.endsWith('/') || ref.includes('..'))
      return githubError(422, `${ref} is not a valid ref name.`);
    if (state.commit(sha) === undefined) return githubError(422, 'Object does not exist');
    if (state.ref(repo.fullName, ref) !== undefined) return githubError(422, 'Reference already exists');
    state.setRef(repo.fullName, ref, sha);
    const answer = refJson(request.baseUrl, repo, ref, sha);
    return json(201, answer, { location: String(answer.url) });
  });
}
