import type { TrendPageLink } from '@ml-actions/core';
import { defaultBranchOf, findTrendPage, type ActionContext, type Step } from '@ml-actions/github';
import type { CompareSettings } from './settings.ts';

/**
 * The trend page the comment links: input "trend-page", else the page GitHub Pages serves from
 * the history branch, as GitHub answers for this repository (never what a record says). Undefined
 * without either: no line.
 */
export async function trendPageLink(
  step: Step<CompareSettings>,
  context: ActionContext,
): Promise<TrendPageLink | undefined> {
  const { settings, log } = step;
  let url = settings.trendPage;
  if (url === undefined && settings.historyBranch !== undefined) {
    const github = (await step.github())?.client;
    if (github !== undefined) url = await findTrendPage({ github, context, branch: settings.historyBranch, log });
  }
  return url === undefined ? undefined : { url, branch: defaultBranchOf(context) };
}
