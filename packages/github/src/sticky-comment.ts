import type { GitHubClient } from './github-client.ts';

export interface StickyCommentRequest {
  github: GitHubClient;
  owner: string;
  repo: string;
  issueNumber: number;
  /** A hidden HTML comment that the body contains and that identifies the comment. */
  marker: string;
  body: string;
  /** Our login: comments by anyone else are never edited, even when they carry the marker. */
  identity: string;
}

export interface StickyCommentResult {
  id: number;
  url: string;
  created: boolean;
}

interface CommentSummary {
  id: number;
  html_url: string;
  body?: string;
  user: { login: string } | null;
}

/**
 * Creates or updates our one comment for a marker. Every page of comments is read (busy pull requests
 * have hundreds). Two jobs racing may both create one; after creating, we look again and keep the
 * oldest of ours, deleting the rest, so both end with the same single comment.
 */
export async function upsertStickyComment(request: StickyCommentRequest): Promise<StickyCommentResult> {
  const { github, owner, repo, issueNumber, body } = request;
  const ours = await findOurComments(request);
  const existing = ours[0];
  if (existing !== undefined) {
    const updated = await github.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', {
      owner,
      repo,
      comment_id: existing.id,
      body,
    });
    await deleteComments(request, ours.slice(1));
    return { id: Number(updated.data.id), url: updated.data.html_url, created: false };
  }
  const created = await github.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
    owner,
    repo,
    issue_number: issueNumber,
    body,
  });
  const after = await findOurComments(request);
  const keeper = after[0];
  if (keeper !== undefined && keeper.id !== Number(created.data.id)) {
    // Another job won the race: its comment stays, ours goes, and its text becomes ours.
    await github.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', {
      owner,
      repo,
      comment_id: keeper.id,
      body,
    });
    await deleteComments(
      request,
      after.filter((comment) => comment.id !== keeper.id),
    );
    return { id: keeper.id, url: keeper.html_url, created: false };
  }
  await deleteComments(request, after.slice(1));
  return { id: Number(created.data.id), url: created.data.html_url, created: true };
}

/** Our comments carrying the marker, oldest first. */
async function findOurComments(request: StickyCommentRequest): Promise<CommentSummary[]> {
  const comments = (await request.github.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
    owner: request.owner,
    repo: request.repo,
    issue_number: request.issueNumber,
    per_page: 100,
  })) as CommentSummary[];
  return comments
    .filter((comment) => comment.user?.login === request.identity && (comment.body ?? '').includes(request.marker))
    .sort((a, b) => a.id - b.id);
}

async function deleteComments(request: StickyCommentRequest, comments: CommentSummary[]): Promise<void> {
  for (const comment of comments) {
    try {
      await request.github.request('DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}', {
        owner: request.owner,
        repo: request.repo,
        comment_id: comment.id,
      });
    } catch (thrown: unknown) {
      // The other job may have deleted it first; that is the outcome we wanted.
      if ((thrown as { status?: unknown }).status !== 404) throw thrown;
    }
  }
}
