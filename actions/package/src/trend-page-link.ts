import { trendPointUrl } from '@ml-actions/core';
import { findTrendPage, type ActionContext, type GitHubClient, type Log } from '@ml-actions/github';

/**
 * The link to this version's point on the trend page: input "trend-page", else the page GitHub
 * Pages serves from the history branch. Undefined without a record (no experiment to point at)
 * and on pull requests: the history records the default branch only.
 */
export async function versionTrendLink(request: {
  page: string | undefined;
  /** The history action's branch, whose Pages site is looked up; undefined looks up none. */
  historyBranch: string | undefined;
  experiment: string | undefined;
  version: string;
  github: GitHubClient;
  context: ActionContext;
  log: Log;
}): Promise<string | undefined> {
  const { experiment, context } = request;
  if (experiment === undefined || context.pullRequest !== undefined) return undefined;
  const branch = request.historyBranch;
  const page =
    request.page ??
    (branch === undefined
      ? undefined
      : await findTrendPage({ github: request.github, context, branch, log: request.log }));
  return page === undefined ? undefined : trendPointUrl(page, { experiment, version: request.version });
}
