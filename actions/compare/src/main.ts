import { COMPARE_BUNDLE_FILE, compareMarker, serializeCompareBundle, UserError } from '@ml-actions/core';
import {
  gatherRuns,
  unjudgedLegs,
  runStep,
  safeArtifactName,
  uploadTextArtifact,
  type Runner,
  type Step,
} from '@ml-actions/github';
import { comparisonBaseline, comparisonNoise } from './comparison-baseline.ts';
import { workflowKey } from './comment-key.ts';
import { buildReport, reportOptions } from './comparison-report.ts';
import { postComment } from './post-comment.ts';
import { publishCollected } from './publish.ts';
import { writeReportFiles } from './report-files.ts';
import { rulesText } from './rules-text.ts';
import { baselineModelLink } from './baseline-model-link.ts';
import { trendPageLink } from './trend-page-link.ts';
import { readCompareSettings, type CompareSettings } from './settings.ts';

/** The artifact that carries a collected comparison to the publish stage. */
export function bundleArtifactName(key: string): string {
  return safeArtifactName(`ml-compare-${key}`);
}

/** compare: render the comparison and publish it as one sticky comment (or collect it for a trusted stage). */
export async function run(runner?: Runner): Promise<void> {
  await runStep(
    { name: 'compare', settings: readCompareSettings, token: (settings) => settings.token },
    async (step) => {
      if (step.settings.mode === 'publish') await publishCollected(step);
      else await compareHere(step);
    },
    runner,
  );
}

async function compareHere(step: Step<CompareSettings>): Promise<void> {
  const { settings, context, log } = step;
  const gathered = await gatherRuns({ run: settings.run, context, github: () => step.github(), log });
  const { runs } = gathered;
  const experiments = [...new Set(runs.map((record) => record.experiment))];
  // One comment per pull request per workflow, whatever experiments this job holds.
  const key = settings.commentKey ?? workflowKey(context.workflow);
  const rules = await rulesText(settings, context.workspace);
  const baseline = await comparisonBaseline(step, experiments, context);
  const historyNoise = await comparisonNoise(step, runs, baseline, context);
  const options = reportOptions(settings);
  const links = {
    serverUrl: context.serverUrl,
    repository: context.repository,
    workflowRun: `${context.serverUrl}/${context.repository}/actions/runs/${context.runId}`,
    // collect's report goes to the publish stage, which links the page itself.
    trendPage: settings.mode === 'collect' ? undefined : await trendPageLink(step, context),
    modelPackage: settings.mode === 'collect' ? undefined : await baselineModelLink(step, context, baseline?.sha),
  };
  const unjudged = unjudgedLegs(gathered);
  const { report } = buildReport({ runs, baseline, rules, unjudged, key, options, links, historyNoise });
  const files = await writeReportFiles(report, key, context.temp);
  step.setOutput('report', files.markdown);
  step.setOutput('report-json', files.json);
  step.addSummary(report.summary);

  if (settings.mode === 'collect') {
    if (context.pullRequest === undefined) {
      throw new UserError(
        'mode "collect" runs on pull_request events: it hands the comparison to the publish stage for a pull request',
      );
    }
    const text = serializeCompareBundle({
      repository: context.repository,
      pullRequest: context.pullRequest,
      headSha: context.headSha ?? context.sha,
      runs,
    });
    const id = await uploadTextArtifact(await step.artifacts(), {
      name: bundleArtifactName(key),
      fileName: COMPARE_BUNDLE_FILE,
      text,
      runAttempt: context.runAttempt,
      log,
    });
    log.info(
      `collected the runs of pull request #${context.pullRequest} as artifact ${id}; the publish stage compares them ` +
        'with its own rules and baseline, and comments',
    );
    return;
  }
  if (context.pullRequest === undefined) {
    log.notice('not a pull request: the comparison is in the job summary only');
    return;
  }
  const github = (await step.requireGitHub('the comment cannot be posted')).client;
  await postComment(step, {
    github,
    owner: context.owner,
    repo: context.repo,
    pullRequest: context.pullRequest,
    marker: compareMarker(key),
    body: report.comment,
    fromFork: context.fromFork,
  });
}
