import type { ComparisonBaseline, HistoryNoiseLookup, RunRecord } from '@ml-actions/core';
import { findBaselines, readHistoryNoise, type ActionContext, type Step } from '@ml-actions/github';
import { mlflowBaselineLookup } from '@ml-actions/mlflow';
import type { CompareSettings } from './settings.ts';

/**
 * The baseline of these experiments, looked up as input "baseline" says in the context given (for
 * publish: the pull request as GitHub describes it, not as the pull request's run claims). Each
 * reason for a missing or unusual one is a notice.
 */
export async function comparisonBaseline(
  step: Step<CompareSettings>,
  experiments: string[],
  context: ActionContext,
): Promise<ComparisonBaseline | undefined> {
  const found = await findBaselines({
    spec: step.settings.baseline,
    experiments,
    context,
    github: (await step.github())?.client,
    log: step.log,
    historyBranch: step.settings.historyBranch,
    mlflow:
      step.settings.mlflow === undefined
        ? undefined
        : mlflowBaselineLookup(step.settings.mlflow, {
            experiments,
            repository: context.repository,
            serverUrl: context.serverUrl,
            waitScale: step.settings.waitScale,
            log: step.log,
          }),
  });
  if (found.records === undefined) return undefined;
  return {
    records: found.records,
    sha: found.sha ?? '',
    ...(found.url === undefined ? {} : { url: found.url }),
    ...(found.notices.length === 0 ? {} : { notice: found.notices.join(' ') }),
  };
}

/**
 * The noise of a single run from the history branch (input `history`), for the experiments that
 * have one run on a side; undefined when none has, or no history is read.
 */
export async function comparisonNoise(
  step: Step<CompareSettings>,
  runs: readonly RunRecord[],
  baseline: ComparisonBaseline | undefined,
  context: ActionContext,
): Promise<HistoryNoiseLookup | undefined> {
  return readHistoryNoise({
    github: baseline === undefined ? undefined : (await step.github())?.client,
    context,
    branch: step.settings.historyBranch,
    last: step.settings.history,
    runs,
    baseline: baseline?.records,
    log: step.log,
  });
}
