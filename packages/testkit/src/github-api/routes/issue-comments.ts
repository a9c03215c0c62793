/**
 * Issue and pull-request comments: list (paginated, oldest first), create, get, update, delete.
 * A comment's author is the token's identity, which is how a sticky comment finds its own.
 */
import { ApiFailure, json, notFound, validationFailed } from '../http-exchange.ts';
import type { ApiRequest } from '../http-exchange.ts';
import { paginate } from '../pagination.ts';
import { nodeId, simpleUser, WEB } from '../render-account.ts';
import type { Router } from '../router.ts';
import { isoSeconds } from '../state.ts';
import type { CommentRecord, GitHubState, RepoRecord } from '../state.ts';
import { bodyObject, intParam, optionalString, requireRepo } from './repo-lookup.ts';
import { authorAssociation } from './pulls.ts';

/** GitHub refuses comment bodies longer than this many characters. */
export const MAX_COMMENT_LENGTH = 65536;

function commentJson(
  api: string,
  state: GitHubState,
  repo: RepoRecord,
  comment: CommentRecord,
): Record<string, unknown> {
  const kind = state.pull(repo.fullName, comment.issueNumber) === undefined ? 'issues' : 'pull';
  return {
    id: comment.id,
    node_id: nodeId('IssueComment', comment.id),
    url: `${api}/repos/${repo.fullName}/issues/comments/${comment.id}`,
    html_url: `${WEB}/${repo.fullName}/${kind}/${comment.issueNumber}#issuecomment-${comment.id}`,
    body: comment.body,
    user: simpleUser(api, state.user(comment.user)),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    issue_url: `${api}/repos/${repo.fullName}/issues/${comment.issueNumber}`,
    author_association: authorAssociation(repo, comment.user),
    performed_via_github_app: null,
  };
}

/** The body field, refused as GitHub does when blank or too long. */
function commentBody(request: ApiRequest): string {
  const body = optionalString(bodyObject(request), 'body') ?? '';
  const problem =
    body.trim() === ''
      ? 'Body cannot be blank'
      : [...body].length > MAX_COMMENT_LENGTH
        ? `Body is too long (maximum is ${MAX_COMMENT_LENGTH} characters)`
        : undefined;
  if (problem !== undefined)
    throw new ApiFailure(
      validationFailed([{ resource: 'IssueComment', code: 'unprocessable', field: 'data', message: problem }]),
    );
  return body;
}

function requireIssue(state: GitHubState, repo: RepoRecord, request: ApiRequest): number {
  const number = intParam(request, 'issue_number');
  if (state.pull(repo.fullName, number) === undefined && state.issue(repo.fullName, number) === undefined) notFound();
  return number;
}

function requireComment(state: GitHubState, repo: RepoRecord, request: ApiRequest): CommentRecord {
  const comment = state.comment(intParam(request, 'comment_id'));
  return comment !== undefined && comment.repo.toLowerCase() === repo.fullName.toLowerCase() ? comment : notFound();
}

export function registerIssueCommentRoutes(router: Router, state: GitHubState): void {
  router.add('GET', '/repos/{owner}/{repo}/issues/{issue_number}/comments', (request) => {
    const repo = requireRepo(state, request);
    const number = requireIssue(state, repo, request);
    const since = request.query.get('since');
    const sinceMs = since === null ? undefined : Date.parse(since);
    const all = state
      .comments(repo.fullName, number)
      .filter((c) => sinceMs === undefined || Date.parse(c.updatedAt) >= sinceMs);
    const page = paginate(all, request);
    return json(
      200,
      page.items.map((c) => commentJson(request.baseUrl, state, repo, c)),
      page.headers,
    );
  });

  router.add('POST', '/repos/{owner}/{repo}/issues/{issue_number}/comments', (request) => {
    const repo = requireRepo(state, request);
    const number = requireIssue(state, repo, request);
    const comment = state.addComment(repo.fullName, number, {
      body: commentBody(request),
      user: request.identity.login,
    });
    const body = commentJson(request.baseUrl, state, repo, comment);
    return json(201, body, { location: String(body.url) });
  });

  router.add('GET', '/repos/{owner}/{repo}/issues/comments/{comment_id}', (request) => {
    const repo = requireRepo(state, request);
    return json(200, commentJson(request.baseUrl, state, repo, requireComment(state, repo, request)));
  });

  router.add('PATCH', '/repos/{owner}/{repo}/issues/comments/{comment_id}', (request) => {
    const repo = requireRepo(state, request);
    const comment = requireComment(state, repo, request);
    comment.body = commentBody(request);
    comment.updatedAt = isoSeconds();
    return json(200, commentJson(request.baseUrl, state, repo, comment));
  });

  router.add('DELETE', '/repos/{owner}/{repo}/issues/comments/{comment_id}', (request) => {
    const repo = requireRepo(state, request);
    state.deleteComment(requireComment(state, repo, request).id);
    return { status: 204 };
  });
}
