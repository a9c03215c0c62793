/**
 * The Git Data API over the stand-in's objects: create and get commits and trees (a tree on a
 * `base_tree`, its entries given inline as `content`), and read a file of a commit through
 * `GET /contents/{path}` as JSON with base64 content, or raw with `application/vnd.github.raw+json`.
 * What is written is stored, so a read returns it.
 */
import { githubError, json, notFound } from '../http-exchange.ts';
import type { ApiRequest } from '../http-exchange.ts';
import type { TreeChange, TreeEntryMode } from '../git-objects.ts';
import { nodeId, WEB } from '../render-account.ts';
import type { Router } from '../router.ts';
import { isoSeconds, type CommitRecord, type GitHubState, type GitPerson, type RepoRecord } from '../state.ts';
import { bodyObject, optionalString, requireRepo } from './repo-lookup.ts';

/** GitHub's `git-commit` object. */
function gitCommitJson(api: string, repo: RepoRecord, commit: CommitRecord): Record<string, unknown> {
  const base = `${api}/repos/${repo.fullName}`;
  return {
    sha: commit.sha,
    node_id: nodeId('Commit', commit.sha),
    url: `${base}/git/commits/${commit.sha}`,
    html_url: `${WEB}/${repo.fullName}/commit/${commit.sha}`,
    author: { ...commit.author },
    committer: { ...commit.committer },
    message: commit.message,
    tree: { sha: commit.treeSha, url: `${base}/git/trees/${commit.treeSha}` },
    parents: commit.parents.map((sha) => ({
      sha,
      url: `${base}/git/commits/${sha}`,
      html_url: `${WEB}/${repo.fullName}/commit/${sha}`,
    })),
    verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
  };
}

function person(value: unknown, fallback: GitPerson): GitPerson {
  if (value === null || typeof value !== 'object') return fallback;
  const given = value as Record<string, unknown>;
  return {
    name: optionalString(given, 'name') ?? fallback.name,
    email: optionalString(given, 'email') ?? fallback.email,
    date: optionalString(given, 'date') ?? fallback.date,
  };
}

function createCommit(state: GitHubState, request: ApiRequest) {
  const repo = requireRepo(state, request);
  const body = bodyObject(request);
  const tree = optionalString(body, 'tree') ?? '';
  if (state.objects.tree(tree) === undefined) return githubError(422, 'Tree SHA does not exist');
  const parents = Array.isArray(body.parents) ? body.parents.map(String) : [];
  if (parents.some((sha) => state.commit(sha) === undefined))
    return githubError(422, 'Parent SHA does not exist or is not a commit object');
  // Without an author, GitHub records the token's own identity at the current time.
  const user = state.user(request.identity.login);
  const identity = { name: user.login, email: `${user.id}+${user.login}@users.noreply.github.com`, date: isoSeconds() };
  const author = person(body.author, identity);
  const commit = state.addCommit(repo.fullName, {
    parents,
    tree,
    message: optionalString(body, 'message') ?? '',
    author: { name: author.name, email: author.email },
    date: author.date,
    committer: person(body.committer, author),
  });
  const answer = gitCommitJson(request.baseUrl, repo, commit);
  return json(201, answer, { location: String(answer.url) });
}

function treeJson(state: GitHubState, api: string, repo: RepoRecord, sha: string, recursive: boolean) {
  const base = `${api}/repos/${repo.fullName}`;
  const entries = recursive
    ? walk(state, sha, '')
    : (state.objects.tree(sha) ?? []).map((e) => ({ path: e.name, mode: e.mode, type: e.type, sha: e.sha }));
  return {
    sha,
    url: `${base}/git/trees/${sha}`,
    tree: entries.map((e) => ({
      ...e,
      url: `${base}/git/${e.type === 'tree' ? 'trees' : 'blobs'}/${e.sha}`,
      ...(e.type === 'blob' ? { size: state.objects.blob(e.sha)?.length ?? 0 } : {}),
    })),
    truncated: false,
  };
}

/** Every entry under a tree, folders before what they hold, as `recursive=1` lists them. */
function walk(
  state: GitHubState,
  sha: string,
  prefix: string,
): { path: string; mode: string; type: string; sha: string }[] {
  const found: { path: string; mode: string; type: string; sha: string }[] = [];
  for (const entry of state.objects.tree(sha) ?? []) {
    const path = `${prefix}${entry.name}`;
    found.push({ path, mode: entry.mode, type: entry.type, sha: entry.sha });
    if (entry.type === 'tree') found.push(...walk(state, entry.sha, `${path}/`));
  }
  return found;
}

function createTree(state: GitHubState, request: ApiRequest) {
  const repo = requireRepo(state, request);
  const body = bodyObject(request);
  const baseTree = optionalString(body, 'base_tree');
  if (baseTree !== undefined && state.objects.tree(baseTree) === undefined) return githubError(404, 'Not Found');
  const changes: TreeChange[] = [];
  for (const raw of Array.isArray(body.tree) ? (body.tree as Record<string, unknown>[]) : []) {
    const path = optionalString(raw, 'path') ?? '';
    const content = optionalString(raw, 'content');
    if (content !== undefined && raw.sha !== undefined)
      return githubError(422, 'Only one of sha or content may be given');
    if (raw.type === 'tree' || raw.type === 'commit')
      return githubError(422, 'testkit: only blob entries are implemented');
    changes.push({
      path,
      mode: (optionalString(raw, 'mode') ?? '100644') as TreeEntryMode,
      ...(content === undefined ? {} : { content }),
      ...(raw.sha === undefined ? {} : { sha: raw.sha === null ? null : (optionalString(raw, 'sha') ?? '') }),
    });
  }
  let sha: string;
  try {
    sha = state.objects.applyChanges(baseTree, changes);
  } catch (error) {
    return githubError(422, error instanceof Error ? error.message : String(error));
  }
  const answer = treeJson(state, request.baseUrl, repo, sha, false);
  return json(201, answer, { location: answer.url });
}

/** A file of a commit, as the contents API answers: JSON with base64 content, or the raw bytes. */
function getContent(state: GitHubState, request: ApiRequest) {
  const repo = requireRepo(state, request);
  const ref = request.query.get('ref') ?? repo.defaultBranch;
  const sha = state.resolveCommitish(repo.fullName, ref);
  if (sha === undefined) return githubError(404, `No commit found for the ref ${ref}`);
  const path = request.params.path ?? '';
  const commit = state.commit(sha) as CommitRecord;
  const entry = state.objects.entryAt(commit.treeSha, path) ?? notFound();
  if (entry.type !== 'blob') return githubError(422, 'testkit: only files are implemented by the contents route');
  const bytes = state.objects.blob(entry.sha) as Buffer;
  if (/application\/vnd\.github(\.v3)?\.raw/.test(String(request.headers.accept ?? ''))) {
    return { status: 200, raw: { bytes, contentType: 'text/plain; charset=utf-8' } };
  }
  const base = `${request.baseUrl}/repos/${repo.fullName}`;
  const self = `${base}/contents/${path.split('/').map(encodeURIComponent).join('/')}?ref=${encodeURIComponent(ref)}`;
  const gitUrl = `${base}/git/blobs/${entry.sha}`;
  const htmlUrl = `${WEB}/${repo.fullName}/blob/${encodeURIComponent(ref)}/${path}`;
  // GitHub wraps base64 content at 60 characters.
  const content = (bytes.toString('base64').match(/.{1,60}/g) ?? []).join('\n');
  return json(200, {
    type: 'file',
    encoding: 'base64',
    size: bytes.length,
    name: path.split('/').pop() ?? path,
    path,
    content: content === '' ? '' : `${content}\n`,
    sha: entry.sha,
    url: self,
    git_url: gitUrl,
    html_url: htmlUrl,
    download_url: `https://raw.githubusercontent.com/${repo.fullName}/${sha}/${path}`,
    _links: { self, git: gitUrl, html: htmlUrl },
  });
}

export function registerGitDataRoutes(router: Router, state: GitHubState): void {
  router.add('POST', '/repos/{owner}/{repo}/git/commits', (request) => createCommit(state, request));
  router.add('GET', '/repos/{owner}/{repo}/git/commits/{commit_sha}', (request) => {
    const repo = requireRepo(state, request);
    const commit = state.commit(request.params.commit_sha ?? '') ?? notFound();
    return json(200, gitCommitJson(request.baseUrl, repo, commit));
  });
  router.add('POST', '/repos/{owner}/{repo}/git/trees', (request) => createTree(state, request));
  router.add('GET', '/repos/{owner}/{repo}/git/trees/{tree_sha}', (request) => {
    const repo = requireRepo(state, request);
    const given = request.params.tree_sha ?? '';
    // GitHub takes a branch or tag name here too, meaning its commit's tree.
    const commitSha =
      state.objects.tree(given) === undefined ? state.resolveCommitish(repo.fullName, given) : undefined;
    const sha = commitSha === undefined ? given : (state.commit(commitSha) as CommitRecord).treeSha;
    if (state.objects.tree(sha) === undefined) notFound();
    const recursive = request.query.has('recursive') && !['0', 'false'].includes(request.query.get('recursive') ?? '');
    return json(200, treeJson(state, request.baseUrl, repo, sha, recursive));
  });
  router.add('GET', '/repos/{owner}/{repo}/contents/{path}', (request) => getContent(state, request));
}
