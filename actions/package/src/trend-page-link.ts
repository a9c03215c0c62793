import { trendPointUrl } from '@ml-actions/core';
import { findTrendPage, type ActionContext, type GitHubClient, type Log } from '@ml-actions/github';

/**
 * The history branch whose trend page is looked up: the history action's default (its input
 * `branch`). package has no input of its own for it; input `trend-page` names any other page.
 */
const HISTORY_BRANCH = 'ml-history';

/**
 * The link to this version's point on the trend page: input "trend-page", else the page GitHub
 * Pages serves from the history branch. Undefined without a record (no experiment to point at)
 * and on pull requests: the history records the default branch only.
 */
export async function versionTrendLink(request: {
  page: string | undefined;
  experiment: string | undefined;
  version: string;
  github: GitHubClient;
  context: ActionContext;
  log: Log;
}): Promise<string | undefined> {
  const { experiment, context } = request;
  if (experiment === undefined || context.pullRequest !== undefined) return undefined;
  const page =
    request.page ??
    (await findTrendPage({ github: request.github, context, branch: HISTORY_BRANCH, log: request.log }));
  return page === undefined ? undefined : trendPointUrl(page, { experiment, version: request.version });
}
