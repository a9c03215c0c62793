import {
  historyNoiseLookup,
  UserError,
  type HistoryEntry,
  type HistoryNoiseLookup,
  type RunRecord,
} from '@ml-actions/core';
import type { ActionContext } from './action-context.ts';
import type { GitHubClient } from './github-client.ts';
import { readHistory } from './history-branch.ts';
import type { Log } from './step-log.ts';

/**
 * The noise of a single run, from the history branch (input `history`): the last `last` entries of
 * each experiment that has a single run on a side, one request an experiment whatever `last` is.
 * Experiments with replicates on both sides measure their own noise and read nothing. A history
 * that cannot be read (a malformed line) is a warning, and its experiment is judged as measured,
 * which never passes more than the test would.
 */
export async function readHistoryNoise(request: {
  github: GitHubClient | undefined;
  context: ActionContext;
  branch: string | undefined;
  last: number;
  runs: readonly RunRecord[];
  baseline: readonly RunRecord[] | undefined;
  log: Log;
}): Promise<HistoryNoiseLookup | undefined> {
  const { github, context, branch, last, log } = request;
  if (github === undefined || branch === undefined || last <= 0) return undefined;
  const baseline = request.baseline ?? [];
  const needing = [...new Set(request.runs.map((run) => run.experiment))].filter((experiment) => {
    const here = request.runs.filter((run) => run.experiment === experiment).length;
    const before = baseline.filter((run) => run.experiment === experiment).length;
    return before > 0 && (here < 2 || before < 2);
  });
  if (needing.length === 0) return undefined;
  const { owner, repo } = context;
  const histories = new Map<string, HistoryEntry[]>();
  await Promise.all(
    needing.map(async (experiment) => {
      try {
        histories.set(experiment, await readHistory({ github, owner, repo, branch, experiment, last }));
      } catch (thrown) {
        if (!(thrown instanceof UserError)) throw thrown;
        log.warning(`the noise of ${experiment} is not taken from the history: ${thrown.message}`);
      }
    }),
  );
  return historyNoiseLookup(histories);
}
