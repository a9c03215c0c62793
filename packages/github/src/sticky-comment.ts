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
    const updated = await updateComment(request, existing.id);
    if (updated !== undefined) {
      await deleteComments(request, ours.slice(1));
      return { id: updated.id, url: updated.url, created: false };
    }
    // Deleted since we listed it (by a person, or a racing job): a new one takes its place.
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
    const updated = await updateComment(request, keeper.id);
    if (updated !== undefined) {
      await deleteComments(
        request,
        after.filter((comment) => comment.id !== keeper.id),
      );
      return { ...updated, created: false };
    }
    // The other job's comment is gone after all: ours, just created, is the one that stays.
    await deleteComments(
      request,
      after.filter((comment) => comment.id !== keeper.id && comment.id !== Number(created.data.id)),
    );
    return { id: Number(created.data.id), url: created.data.html_url, created: true };
  }
  await deleteComments(request, after.slice(1));
  return { id: Number(created.data.id), url: created.data.html_url, created: true };
}

/** Puts the body in a comment; undefined when the comment no longer exists (404). */
async function updateComment(
  request: StickyCommentRequest,
  commentId: number,
): Promise<{ id: number; url: string } | undefined> {
  try {
    const updated = await request.github.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', {
      owner: request.owner,
      repo: request.repo,
      comment_id: commentId,
      body: request.body,
    });
    return { id: Number(updated.data.id), url: updated.data.html_url };
  } catch (thrown: unknown) {
    if ((thrown as { status?: unknown }).status === 404) return undefined;
    throw thrown;
  }
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
