import { TREND_PAGE_FOLDER, UserError, historyEntries, renderTrendPage } from '@ml-actions/core';
import {
  appendHistory,
  defaultBranchOf,
  gatherRuns,
  readJobGateResults,
  readWorkflowGateResult,
  runStep,
  type Runner,
} from '@ml-actions/github';
import { readHistorySettings } from './settings.ts';

/**
 * history: appends this workflow run's experiments to the durable history on the history branch
 * (one entry per experiment, over its replicates), on pushes to the default branch only, and
 * rebuilds the trend page there in the same commit.
 */
export async function run(runner?: Runner): Promise<void> {
  await runStep(
    { name: 'history', settings: readHistorySettings, token: (settings) => settings.token },
    async (step) => {
      const { settings, context, log } = step;
      const defaultBranch = defaultBranchOf(context);
      if (context.eventName !== 'push' || defaultBranch === undefined || context.branch !== defaultBranch) {
        log.notice(
          `the history records pushes to the default branch${defaultBranch === undefined ? '' : ` (${defaultBranch})`} only: nothing was written for this ${context.eventName} on ${context.branch}`,
        );
        step.setOutput('entries', 0);
        step.setOutput('commit', '');
        return;
      }
      if (settings.branch === defaultBranch) {
        throw new UserError(
          `input "branch" is the default branch (${defaultBranch}): the history needs a branch of its own`,
        );
      }
      const { runs } = await gatherRuns({ run: settings.run, context, github: () => step.github(), log });
      const github = (await step.requireGitHub('the history branch is written with it')).client;
      const gate = (await readJobGateResults(context)) ?? (await readWorkflowGateResult(github, context));
      const entries = historyEntries(runs, {
        ...(gate === undefined ? {} : { gate }),
        ...(settings.packageVersion === undefined ? {} : { packageVersion: settings.packageVersion }),
        date: new Date().toISOString(),
        context: {
          serverUrl: context.serverUrl,
          repository: context.repository,
          sha: context.sha,
          branch: context.branch,
          workflowRunId: context.runId,
          runAttempt: context.runAttempt,
        },
      });
      const repositoryUrl = `${context.serverUrl}/${context.repository}`;
      const result = await appendHistory({
        github,
        owner: context.owner,
        repo: context.repo,
        branch: settings.branch,
        entries,
        keep: settings.keep,
        log,
        ...(settings.page
          ? {
              pageFiles: (history) =>
                renderTrendPage(history, { title: `${context.repository}: experiment history`, repositoryUrl }).map(
                  (file) => ({ path: `${TREND_PAGE_FOLDER}/${file.path}`, content: file.content }),
                ),
            }
          : {}),
      });
      step.setOutput('entries', result.appended);
      step.setOutput('commit', result.commit ?? '');
      const where = `${repositoryUrl}/tree/${settings.branch}`;
      const lines = [
        '### ML history',
        '',
        result.appended === 0
          ? `This attempt's entries were already on \`${settings.branch}\`: nothing was appended.`
          : `Appended ${result.appended} ${result.appended === 1 ? 'entry' : 'entries'} to [\`${settings.branch}\`](${where}) in ${result.requests} requests.`,
      ];
      if (settings.page)
        lines.push(
          '',
          `Trend page: \`${TREND_PAGE_FOLDER}/index.html\` on \`${settings.branch}\` (GitHub Pages serves it when set to deploy from this branch's \`/${TREND_PAGE_FOLDER}\` folder).`,
        );
      step.addSummary(`${lines.join('\n')}\n`);
    },
    runner,
  );
}
