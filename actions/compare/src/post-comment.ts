import { UserError } from '@ml-actions/core';
import type { Step } from '@ml-actions/github';
import { isPermissionRefusal, tokenIdentity, upsertStickyComment, type GitHubClient } from '@ml-actions/github';

/**
 * Posts the sticky comment. A fork's pull request has a read-only token and cannot comment: that is
 * not a failure of the comparison, which is in the job summary, so the step warns and explains.
 * Anywhere else a 403 means the job lacks the permission, which runStep names in the failure.
 */
export async function postComment(
  step: Step,
  options: {
    github: GitHubClient;
    owner: string;
    repo: string;
    pullRequest: number;
    marker: string;
    body: string;
    /** A pull request from a fork, whose token is read-only. */
    fromFork: boolean;
  },
): Promise<void> {
  try {
    const identity = await tokenIdentity(options.github);
    const comment = await upsertStickyComment({
      github: options.github,
      owner: options.owner,
      repo: options.repo,
      issueNumber: options.pullRequest,
      marker: options.marker,
      body: options.body,
      identity,
    });
    step.setOutput('comment-id', comment.id);
    step.setOutput('comment-url', comment.url);
    step.log.info(`${comment.created ? 'created' : 'updated'} the comparison comment: ${comment.url}`);
  } catch (thrown: unknown) {
    const status = (thrown as { status?: unknown }).status;
    if (status === 404) {
      throw new UserError(
        `pull request #${options.pullRequest} was not found (deleted, or not visible to the token): the comparison was not posted; it is in the job summary`,
      );
    }
    if (!(options.fromFork && isPermissionRefusal(thrown))) throw thrown;
    step.log.warning(
      'the comparison could not be posted as a comment: on a pull request from a fork the token is read-only (GitHub answered 403). ' +
        'The full report is in this job summary. To comment on fork pull requests, use mode: collect here and mode: publish ' +
        'in a workflow_run workflow (see "Pull requests from forks" in the README).',
    );
    step.addSummary(
      '\n> [!NOTE]\n> This comparison was not posted as a comment: the token is read-only (a pull request from a fork). Use the two-stage `collect` / `publish` setup to comment safely.\n',
    );
  }
}
