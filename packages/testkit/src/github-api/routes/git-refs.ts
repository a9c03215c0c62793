/**
 * Git references and annotated tag objects: list refs by prefix (`tags/churn-model@v` finds every
 * version of a model), get one, create one (pointing at a commit or a tag object), refusing a
 * duplicate as GitHub does; move one, fast-forward only unless forced; create and get tag objects. Model versions live in tags.
 */
import { ancestors } from '../commit-graph.ts';
import { githubError, json, notFound } from '../http-exchange.ts';
import { nodeId } from '../render-account.ts';
import type { Router } from '../router.ts';
import { isoSeconds, type GitHubState, type RepoRecord, type TagObjectRecord } from '../state.ts';
import { bodyObject, optionalString, requireRepo } from './repo-lookup.ts';

function refJson(state: GitHubState, api: string, repo: RepoRecord, ref: string, sha: string): Record<string, unknown> {
  const base = `${api}/repos/${repo.fullName}`;
  const tag = state.tagObject(sha) !== undefined;
  return {
    ref,
    node_id: nodeId('Ref', `${repo.id}:${ref}`),
    url: `${base}/git/${ref.split('/').map(encodeURIComponent).join('/')}`,
    object: { sha, type: tag ? 'tag' : 'commit', url: `${base}/git/${tag ? 'tags' : 'commits'}/${sha}` },
  };
}

function tagJson(api: string, repo: RepoRecord, tag: TagObjectRecord): Record<string, unknown> {
  const base = `${api}/repos/${repo.fullName}`;
  return {
    node_id: nodeId('Tag', tag.sha),
    tag: tag.tag,
    sha: tag.sha,
    url: `${base}/git/tags/${tag.sha}`,
    message: tag.message,
    tagger: tag.tagger,
    object: { sha: tag.object, type: 'commit', url: `${base}/git/commits/${tag.object}` },
    verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
  };
}

export function registerGitRefRoutes(router: Router, state: GitHubState): void {
  router.add('GET', '/repos/{owner}/{repo}/git/matching-refs/{ref}', (request) => {
    const repo = requireRepo(state, request);
    const prefix = `refs/${request.params.ref ?? ''}`;
    const found = state.refs(repo.fullName).filter(([name]) => name.startsWith(prefix));
    return json(
      200,
      found.map(([name, sha]) => refJson(state, request.baseUrl, repo, name, sha)),
    );
  });

  router.add('GET', '/repos/{owner}/{repo}/git/ref/{ref}', (request) => {
    const repo = requireRepo(state, request);
    const name = `refs/${request.params.ref ?? ''}`;
    const sha = state.ref(repo.fullName, name) ?? notFound();
    return json(200, refJson(state, request.baseUrl, repo, name, sha));
  });

  router.add('POST', '/repos/{owner}/{repo}/git/refs', (request) => {
    const repo = requireRepo(state, request);
    const body = bodyObject(request);
    const ref = optionalString(body, 'ref') ?? '';
    const sha = optionalString(body, 'sha') ?? '';
    if (!/^refs\/[^/]+\/.+/.test(ref) || ref.endsWith('/') || ref.includes('..'))
      return githubError(422, `${ref} is not a valid ref name.`);
    if (state.peel(sha) === undefined) return githubError(422, 'Object does not exist');
    if (state.ref(repo.fullName, ref) !== undefined) return githubError(422, 'Reference already exists');
    state.setRef(repo.fullName, ref, sha);
    const answer = refJson(state, request.baseUrl, repo, ref, sha);
    return json(201, answer, { location: String(answer.url) });
  });

  router.add('PATCH', '/repos/{owner}/{repo}/git/refs/{ref}', (request) => {
    const repo = requireRepo(state, request);
    const name = `refs/${request.params.ref ?? ''}`;
    const body = bodyObject(request);
    const sha = optionalString(body, 'sha') ?? '';
    const current = state.ref(repo.fullName, name);
    if (current === undefined) return githubError(422, 'Reference does not exist');
    if (state.peel(sha) === undefined) return githubError(422, 'Object does not exist');
    // Without force, the new commit must have the current one in its history, as on GitHub.
    const commitOf = (candidate: string) => state.commit(candidate);
    if (body.force !== true && !ancestors([sha], commitOf).has(current)) {
      return githubError(422, 'Update is not a fast forward');
    }
    state.setRef(repo.fullName, name, sha);
    return json(200, refJson(state, request.baseUrl, repo, name, sha));
  });

  router.add('POST', '/repos/{owner}/{repo}/git/tags', (request) => {
    const repo = requireRepo(state, request);
    const body = bodyObject(request);
    const object = optionalString(body, 'object') ?? '';
    if (optionalString(body, 'type') !== 'commit' || state.commit(object) === undefined) {
      return githubError(422, 'Object does not exist');
    }
    const given = body.tagger as { name?: string; email?: string; date?: string } | undefined;
    // Without a tagger, GitHub records the token's own identity at the current time.
    const user = state.user(request.identity.login);
    const tag = state.addTagObject({
      tag: optionalString(body, 'tag') ?? '',
      message: optionalString(body, 'message') ?? '',
      object,
      tagger: {
        name: given?.name ?? user.login,
        email: given?.email ?? `${user.id}+${user.login}@users.noreply.github.com`,
        date: given?.date ?? isoSeconds(),
      },
    });
    const answer = tagJson(request.baseUrl, repo, tag);
    return json(201, answer, { location: String(answer.url) });
  });

  router.add('GET', '/repos/{owner}/{repo}/git/tags/{tag_sha}', (request) => {
    const repo = requireRepo(state, request);
    const tag = state.tagObject(request.params.tag_sha ?? '') ?? notFound();
    return json(200, tagJson(request.baseUrl, repo, tag));
  });
}
