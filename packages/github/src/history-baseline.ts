import { recordFromHistory, type RunRecord } from '@ml-actions/core';
import type { ActionContext } from './action-context.ts';
import type { GitHubClient } from './github-client.ts';
import { readHistory } from './history-branch.ts';

/** The newest entries read to find the baseline commit's: the merge base is recent. */
const ENTRIES_READ = 100;

/**
 * Baselines from the history branch for experiments whose baseline records were not found (their
 * artifacts expire after 90 days by default): the entry of the base commit, else the newest one,
 * as one run of final values. One request says whether there is a history at all, so a
 * repository without one pays nothing more; then one request an experiment.
 */
export async function baselinesFromHistory(request: {
  github: GitHubClient;
  context: ActionContext;
  branch: string;
  experiments: string[];
}): Promise<{ records: RunRecord[]; notices: string[] }> {
  const { github, context, branch } = request;
  const { owner, repo } = context;
  try {
    await github.request('GET /repos/{owner}/{repo}/git/ref/{ref}', { owner, repo, ref: `heads/${branch}` });
  } catch (thrown: unknown) {
    if ((thrown as { status?: unknown }).status === 404) return { records: [], notices: [] };
    throw thrown;
  }
  const target = context.baseSha ?? context.before;
  const found = await Promise.all(
    request.experiments.map(async (experiment) => {
      const entries = await readHistory({ github, owner, repo, branch, experiment, last: ENTRIES_READ });
      const exact = entries.find((entry) => entry.commit === target);
      return { experiment, entry: exact ?? entries.at(-1), exact: exact !== undefined };
    }),
  );
  const records: RunRecord[] = [];
  const notices: string[] = [];
  for (const { experiment, entry, exact } of found) {
    if (entry === undefined) continue;
    records.push(recordFromHistory(entry, context));
    notices.push(
      `the baseline of ${experiment} comes from the history branch ${branch}: commit ${entry.commit.slice(0, 7)}` +
        (exact ? '' : ' (its newest entry; the base commit has none)') +
        `, final values only (the mean of ${Math.max(...Object.values(entry.metrics).map((metric) => metric.n), 1)} run(s)), as no run record of the base commit was found`,
    );
  }
  return { records, notices };
}
