/**
 * `GET /repos/{owner}/{repo}/commits/{ref}` and `GET /repos/{owner}/{repo}/compare/{basehead}`,
 * the latter with the merge base that baseline lookup relies on.
 */
import { ApiFailure, githubError, json, notFound } from '../http-exchange.ts';
import type { ApiRequest } from '../http-exchange.ts';
import { paginate } from '../pagination.ts';
import { nodeId, simpleUser, WEB } from '../render-account.ts';
import type { Router } from '../router.ts';
import type { CommitRecord, GitHubState, RepoRecord } from '../state.ts';
import { requireRepo } from './repo-lookup.ts';
import { ancestors } from '../commit-graph.ts';

/** GitHub's `commit` object. */
export function commitJson(
  api: string,
  state: GitHubState,
  repo: RepoRecord,
  commit: CommitRecord,
): Record<string, unknown> {
  const base = `${api}/repos/${repo.fullName}`;
  const account = commit.authorLogin === undefined ? null : simpleUser(api, state.user(commit.authorLogin));
  return {
    url: `${base}/commits/${commit.sha}`,
    sha: commit.sha,
    node_id: nodeId('Commit', commit.sha),
    html_url: `${WEB}/${repo.fullName}/commit/${commit.sha}`,
    comments_url: `${base}/commits/${commit.sha}/comments`,
    commit: {
      url: `${base}/git/commits/${commit.sha}`,
      author: { ...commit.author },
      committer: { ...commit.committer },
      message: commit.message,
      comment_count: 0,
      tree: { sha: commit.treeSha, url: `${base}/git/trees/${commit.treeSha}` },
      verification: { verified: false, reason: 'unsigned', payload: null, signature: null, verified_at: null },
    },
    author: account,
    committer: account,
    parents: commit.parents.map((sha) => ({
      sha,
      url: `${base}/commits/${sha}`,
      html_url: `${WEB}/${repo.fullName}/commit/${sha}`,
    })),
  };
}

/** One side of `base...head`: `ref`, `owner:ref` or `owner:repo:ref` (a fork). */
function resolveSide(state: GitHubState, repo: RepoRecord, side: string): string | undefined {
  const parts = side.split(':');
  let repoName = repo.fullName;
  let ref = side;
  if (parts.length === 2) [repoName, ref] = [`${parts[0] ?? ''}/${repo.name}`, parts[1] ?? ''];
  else if (parts.length === 3) [repoName, ref] = [`${parts[0] ?? ''}/${parts[1] ?? ''}`, parts[2] ?? ''];
  if (state.repo(repoName) === undefined) return undefined;
  return state.resolveCommitish(repoName, ref);
}

function compare(state: GitHubState, request: ApiRequest) {
  const repo = requireRepo(state, request);
  const basehead = request.params.basehead ?? '';
  const separator = basehead.includes('...') ? '...' : '..';
  const [baseSide, headSide, ...rest] = basehead.split(separator);
  if (baseSide === undefined || headSide === undefined || rest.length > 0 || baseSide === '' || headSide === '')
    notFound();
  const baseSha = resolveSide(state, repo, baseSide) ?? notFound();
  const headSha = resolveSide(state, repo, headSide) ?? notFound();
  const comparison = state.compare(baseSha, headSha);
  if (comparison === undefined)
    throw new ApiFailure(githubError(404, `No common ancestor between ${baseSide} and ${headSide}.`));
  const render = (sha: string) => commitJson(request.baseUrl, state, repo, state.commit(sha) as CommitRecord);
  const aheadBy = comparison.ahead.length;
  const behindBy = comparison.behind.length;
  const status =
    aheadBy === 0 && behindBy === 0 ? 'identical' : behindBy === 0 ? 'ahead' : aheadBy === 0 ? 'behind' : 'diverged';
  // Without paging parameters GitHub lists the first 250 commits; with them, it pages them.
  const paged = request.query.has('page') || request.query.has('per_page');
  const page = paged ? paginate(comparison.ahead, request) : { items: comparison.ahead.slice(0, 250), headers: {} };
  const html = `${WEB}/${repo.fullName}/compare/${encodeURI(basehead)}`;
  return json(
    200,
    {
      url: `${request.baseUrl}/repos/${repo.fullName}/compare/${encodeURI(basehead)}`,
      html_url: html,
      permalink_url: `${WEB}/${repo.fullName}/compare/${repo.owner}:${baseSha.slice(0, 7)}...${repo.owner}:${headSha.slice(0, 7)}`,
      diff_url: `${html}.diff`,
      patch_url: `${html}.patch`,
      base_commit: render(baseSha),
      merge_base_commit: render(comparison.mergeBase),
      status,
      ahead_by: aheadBy,
      behind_by: behindBy,
      total_commits: aheadBy,
      commits: page.items.map(render),
      files: [],
    },
    page.headers,
  );
}

/** History from a commit, newest first (by committer date, then walk order), as `git log` lists it. */
function listCommits(state: GitHubState, request: ApiRequest) {
  const repo = requireRepo(state, request);
  const start = request.query.get('sha') ?? repo.defaultBranch;
  const sha = state.resolveCommitish(repo.fullName, start) ?? notFound();
  const history = [...ancestors([sha], (candidate) => state.commit(candidate))]
    .map((candidate) => state.commit(candidate) as CommitRecord)
    .sort((a, b) => (a.committer.date === b.committer.date ? 0 : a.committer.date < b.committer.date ? 1 : -1));
  const page = paginate(history, request);
  return json(
    200,
    page.items.map((commit) => commitJson(request.baseUrl, state, repo, commit)),
    page.headers,
  );
}

export function registerCommitRoutes(router: Router, state: GitHubState): void {
  router.add('GET', '/repos/{owner}/{repo}/commits', (request) => listCommits(state, request));
  router.add('GET', '/repos/{owner}/{repo}/commits/{ref}', (request) => {
    const repo = requireRepo(state, request);
    const ref = request.params.ref ?? '';
    const sha = state.resolveCommitish(repo.fullName, ref);
    if (sha === undefined) return githubError(422, `No commit found for SHA: ${ref}`);
    const commit = state.commit(sha) as CommitRecord;
    return json(200, {
      ...commitJson(request.baseUrl, state, repo, commit),
      stats: { total: 0, additions: 0, deletions: 0 },
      files: [],
    });
  });
  router.add('GET', '/repos/{owner}/{repo}/compare/{basehead}', (request) => compare(state, request));
}
