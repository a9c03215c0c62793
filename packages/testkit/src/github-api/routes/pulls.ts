/** `GET /repos/{owner}/{repo}/pulls/{pull_number}`: 404 once the pull request is gone. */
import { json, notFound } from '../http-exchange.ts';
import { nodeId, simpleUser, WEB } from '../render-account.ts';
import { fullRepository } from '../render-repository.ts';
import type { Router } from '../router.ts';
import type { GitHubState, PullRecord, RepoRecord } from '../state.ts';
import { intParam, requireRepo } from './repo-lookup.ts';

/** GitHub's `pull-request-minimal`, as listed inside check runs and workflow runs. */
export function pullRequestMinimal(api: string, state: GitHubState, pull: PullRecord): Record<string, unknown> {
  const side = (repoName: string, ref: string, sha: string) => {
    const repo = state.repo(repoName);
    return {
      ref,
      sha,
      repo: {
        id: repo?.id ?? 0,
        url: `${api}/repos/${repoName}`,
        name: repo?.name ?? repoName.split('/')[1] ?? repoName,
      },
    };
  };
  return {
    id: pull.id,
    number: pull.number,
    url: `${api}/repos/${pull.repo}/pulls/${pull.number}`,
    head: side(pull.head.repo, pull.head.ref, pull.head.sha),
    base: side(pull.repo, pull.base.ref, pull.base.sha),
  };
}

/** How GitHub labels an account's relation to a repository. */
export function authorAssociation(repo: RepoRecord, login: string): string {
  return login.toLowerCase() === repo.owner.toLowerCase() ? 'OWNER' : login.endsWith('[bot]') ? 'NONE' : 'CONTRIBUTOR';
}

function pullJson(api: string, state: GitHubState, repo: RepoRecord, pull: PullRecord): Record<string, unknown> {
  const url = `${api}/repos/${repo.fullName}/pulls/${pull.number}`;
  const issueUrl = `${api}/repos/${repo.fullName}/issues/${pull.number}`;
  const html = `${WEB}/${repo.fullName}/pull/${pull.number}`;
  const headRepo = state.repo(pull.head.repo) ?? repo;
  const headOwner = headRepo.owner;
  const statuses = `${api}/repos/${repo.fullName}/statuses/${pull.head.sha}`;
  const comparison = state.compare(pull.base.sha, pull.head.sha);
  return {
    url,
    id: pull.id,
    node_id: nodeId('PullRequest', pull.id),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: issueUrl,
    commits_url: `${url}/commits`,
    review_comments_url: `${url}/comments`,
    review_comment_url: `${api}/repos/${repo.fullName}/pulls/comments{/number}`,
    comments_url: `${issueUrl}/comments`,
    statuses_url: statuses,
    number: pull.number,
    state: pull.state,
    locked: false,
    title: pull.title,
    user: simpleUser(api, state.user(pull.user)),
    body: pull.body,
    labels: [],
    milestone: null,
    active_lock_reason: null,
    created_at: pull.createdAt,
    updated_at: pull.updatedAt,
    closed_at: pull.closedAt,
    merged_at: pull.mergedAt,
    merge_commit_sha: pull.mergeCommitSha,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head: {
      label: `${headOwner}:${pull.head.ref}`,
      ref: pull.head.ref,
      sha: pull.head.sha,
      user: simpleUser(api, state.user(headOwner)),
      repo: fullRepository(api, state, headRepo),
    },
    base: {
      label: `${repo.owner}:${pull.base.ref}`,
      ref: pull.base.ref,
      sha: pull.base.sha,
      user: simpleUser(api, state.user(repo.owner)),
      repo: fullRepository(api, state, repo),
    },
    _links: {
      self: { href: url },
      html: { href: html },
      issue: { href: issueUrl },
      comments: { href: `${issueUrl}/comments` },
      review_comments: { href: `${url}/comments` },
      review_comment: { href: `${api}/repos/${repo.fullName}/pulls/comments{/number}` },
      commits: { href: `${url}/commits` },
      statuses: { href: statuses },
    },
    author_association: authorAssociation(repo, pull.user),
    auto_merge: null,
    draft: pull.draft,
    merged: pull.mergedAt !== null,
    mergeable: pull.state === 'open' ? true : null,
    rebaseable: pull.state === 'open' ? true : null,
    mergeable_state: pull.state === 'open' ? 'clean' : 'unknown',
    merged_by: null,
    comments: state.comments(repo.fullName, pull.number).length,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: comparison?.ahead.length ?? 1,
    additions: 0,
    deletions: 0,
    changed_files: 0,
  };
}

export function registerPullRoutes(router: Router, state: GitHubState): void {
  router.add('GET', '/repos/{owner}/{repo}/pulls/{pull_number}', (request) => {
    const repo = requireRepo(state, request);
    const pull = state.pull(repo.fullName, intParam(request, 'pull_number')) ?? notFound();
    return json(200, pullJson(request.baseUrl, state, repo, pull));
  });
}
