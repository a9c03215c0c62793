import * as core from '@actions/core';
import { UserError } from '@ml-actions/core';
import type { Step } from '@ml-actions/github';
import { isReadOnlyRefusal, tokenIdentity, upsertStickyComment, type GitHubClient } from '@ml-actions/github';

/**
 * Posts the sticky comment. A read-only token (pull requests from forks) cannot comment: that is
 * not a failure of the comparison, which is in the job summary, so the step warns and explains.
 */
export async function postComment(
  step: Step,
  options: { github: GitHubClient; owner: string; repo: string; pullRequest: number; marker: string; body: string },
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
    core.info(`${comment.created ? 'created' : 'updated'} the comparison comment: ${comment.url}`);
  } catch (thrown: unknown) {
    const status = (thrown as { status?: unknown }).status;
    if (status === 404) {
      throw new UserError(
        `pull request #${options.pullRequest} was not found (deleted, or not visible to the token): the comparison was not posted; it is in the job summary`,
      );
    }
    if (!isReadOnlyRefusal(thrown)) throw thrown;
    core.warning(
      'the comparison could not be posted as a comment (403: the token is read-only, as on pull requests from forks). ' +
        'The full report is in this job summary. To comment on fork pull requests, use mode: collect here and mode: publish in a workflow_run workflow.',
    );
    step.addSummary(
      '\n> [!NOTE]\n> This comparison was not posted as a comment: the token is read-only (a pull request from a fork). Use the two-stage `collect` / `publish` setup to comment safely.\n',
    );
  }
}
