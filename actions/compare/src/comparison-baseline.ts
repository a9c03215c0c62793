import * as core from '@actions/core';
import type { ComparisonBaseline } from '@ml-actions/core';
import { findBaselines, printable, type ActionContext, type GitHubClient } from '@ml-actions/github';

/**
 * The baseline of these experiments, looked up as input "baseline" says in the context given (for
 * publish: the pull request as GitHub describes it, not as the pull request's run claims). Each
 * reason for a missing or unusual one is a notice.
 */
export async function comparisonBaseline(options: {
  spec: string;
  experiments: string[];
  context: ActionContext;
  github: GitHubClient | undefined;
}): Promise<ComparisonBaseline | undefined> {
  const found = await findBaselines(options);
  for (const notice of found.notices) core.notice(printable(notice));
  if (found.records === undefined) return undefined;
  return {
    records: found.records,
    sha: found.sha ?? '',
    ...(found.url === undefined ? {} : { url: found.url }),
    ...(found.notices.length === 0 ? {} : { notice: found.notices.join(' ') }),
  };
}
