import {
  checkConclusion,
  gateHeadline,
  COMPARE_BUNDLE_FILE,
  UserError,
  compareMarker,
  parseCompareBundle,
  type CompareBundle,
  type RunRecord,
} from '@ml-actions/core';
import {
  createCheckRun,
  downloadArtifactFile,
  type ActionContext,
  type GitHubClient,
  type Step,
} from '@ml-actions/github';
import { comparisonBaseline, comparisonNoise } from './comparison-baseline.ts';
import { workflowKey } from './comment-key.ts';
import { buildReport, reportOptions } from './comparison-report.ts';
import { postComment } from './post-comment.ts';
import { writeReportFiles } from './report-files.ts';
import { rulesText } from './rules-text.ts';
import { baselineModelLink } from './baseline-model-link.ts';
import { trendPageLink } from './trend-page-link.ts';
import type { CompareSettings } from './settings.ts';

/** The run that triggered publish, as the workflow_run event (written by GitHub, not the pull request) says. */
interface TriggeringRun {
  id: number;
  headSha: string;
  pullRequests: number[];
  /** The triggering workflow's name: the default comment key. */
  workflowName: string;
}

export const NO_RULES_NOTICE =
  'no rules on the publish step (inputs "rules" and "rules-file"): no check run was created';

function triggeringRun(context: ActionContext): TriggeringRun {
  const run = context.payload['workflow_run'] as
    { id?: unknown; head_sha?: unknown; name?: unknown; pull_requests?: { number?: unknown }[] } | undefined;
  if (
    context.eventName !== 'workflow_run' ||
    run === undefined ||
    typeof run.id !== 'number' ||
    typeof run.head_sha !== 'string'
  ) {
    throw new UserError('mode "publish" runs in a workflow triggered by workflow_run, after the collect stage');
  }
  return {
    id: run.id,
    headSha: run.head_sha,
    pullRequests: (run.pull_requests ?? [])
      .map((pull) => pull.number)
      .filter((n): n is number => typeof n === 'number'),
    workflowName: workflowKey(typeof run.name === 'string' ? run.name : ''),
  };
}

/**
 * The trusted second stage. What collect uploaded in the triggering run is only that run's claim
 * about its runs: its records, pull request and head commit, checked here against the event and
 * the pull request itself. Everything that decides or presents the result is this step's own: the
 * rules, the baseline (looked up on the base branch), the comment key and check name, the links.
 * However many bundles the run uploaded, they make one comment and at most one check per key.
 */
export async function publishCollected(step: Step<CompareSettings>): Promise<void> {
  const { settings, context, log } = step;
  const trigger = triggeringRun(context);
  const github = (await step.requireGitHub('publish needs a token to comment')).client;
  // The step's own rules are read before anything is downloaded: a mistake in them is ours to fix.
  const rules = await rulesText(settings, context.workspace);
  const bundles = await downloadBundles(trigger, context, github);
  if (bundles.length === 0) {
    log.notice(`workflow run ${trigger.id} collected no comparison: nothing to publish`);
    step.addSummary(`### ML compare (publish)\n\nWorkflow run ${trigger.id} collected no comparison.\n`);
    return;
  }
  const pullRequest = onePullRequest(bundles);
  const pull = await checkPullRequest(pullRequest, trigger, context, github);
  const runs = distinctRuns(bundles.flatMap((bundle) => bundle.runs));
  const experiments = [...new Set(runs.map((record) => record.experiment))];
  // The baseline lookup sees the pull request as GitHub describes it, from this (trusted) step.
  const pullContext: ActionContext = {
    ...context,
    pullRequest,
    baseRef: pull.baseRef,
    baseSha: pull.baseSha,
    headSha: trigger.headSha,
    branch: pull.headRef,
  };
  const baseline = await comparisonBaseline(step, experiments, pullContext);
  const historyNoise = await comparisonNoise(step, runs, baseline, pullContext);
  const key = settings.commentKey ?? trigger.workflowName;
  const workflowRun = `${context.serverUrl}/${context.repository}/actions/runs/${trigger.id}`;
  const { report, gate } = buildReport({
    runs,
    baseline,
    rules,
    key,
    options: reportOptions(settings),
    historyNoise,
    links: {
      serverUrl: context.serverUrl,
      repository: context.repository,
      workflowRun,
      commit: trigger.headSha,
      trendPage: await trendPageLink(step, context),
      modelPackage: await baselineModelLink(step, context, baseline?.sha),
    },
  });
  const files = await writeReportFiles(report, key, context.temp);
  step.setOutput('report', files.markdown);
  step.setOutput('report-json', files.json);
  step.addSummary(report.summary);
  await postComment(step, {
    github,
    owner: context.owner,
    repo: context.repo,
    pullRequest,
    marker: compareMarker(key),
    body: report.comment,
    // A workflow_run run has the base repository's token: a 403 here is a permission the job lacks.
    fromFork: false,
  });
  if (gate === undefined) {
    log.notice(NO_RULES_NOTICE);
    step.addSummary(
      `\n> [!NOTE]\n> ${NO_RULES_NOTICE}. Rules in the pull request's own workflow are never used here: give publish its rules.\n`,
    );
    return;
  }
  if (settings.checkName === undefined) {
    log.info('input "check-name" is empty: no check run was created');
    return;
  }
  const check = await createCheckRun({
    github,
    owner: context.owner,
    repo: context.repo,
    madeBy: 'compare',
    name: settings.checkName,
    headSha: trigger.headSha,
    conclusion: checkConclusion(gate),
    title: gateHeadline(gate),
    summary: report.summary.slice(0, 60_000),
    detailsUrl: workflowRun,
  });
  log.info(`check run recorded: ${check.url}`);
}

/** Every comparison bundle of the triggering run, each checked against what the event says of the run. */
async function downloadBundles(
  trigger: TriggeringRun,
  context: ActionContext,
  github: GitHubClient,
): Promise<CompareBundle[]> {
  const listed = await github.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts', {
    owner: context.owner,
    repo: context.repo,
    run_id: trigger.id,
    per_page: 100,
  });
  const artifacts = listed.data.artifacts.filter(
    (artifact) => artifact.name.startsWith('ml-compare-') && !artifact.expired,
  );
  if (artifacts.length === 0) return [];
  const bundles: CompareBundle[] = [];
  for (const artifact of artifacts) {
    const label = `artifact "${artifact.name}" of workflow run ${trigger.id}`;
    const text = await downloadArtifactFile(
      github,
      context,
      { artifactId: artifact.id, workflowRunId: trigger.id, label },
      COMPARE_BUNDLE_FILE,
    );
    if (text === undefined) throw new UserError(`${label} holds no ${COMPARE_BUNDLE_FILE}`);
    const bundle = parseCompareBundle(text, label);
    checkBelongs(bundle, trigger, context);
    bundles.push(bundle);
  }
  return bundles;
}

/** Refuses a bundle that names another repository, commit or pull request than the run it came from. */
function checkBelongs(bundle: CompareBundle, trigger: TriggeringRun, context: ActionContext): void {
  if (bundle.repository !== context.repository) {
    throw new UserError(`refusing the comparison: it names repository ${bundle.repository}, not ${context.repository}`);
  }
  if (bundle.headSha !== trigger.headSha) {
    throw new UserError(
      `refusing the comparison: its head commit ${bundle.headSha.slice(0, 7)} is not the triggering run's ${trigger.headSha.slice(0, 7)}`,
    );
  }
  if (trigger.pullRequests.length > 0 && !trigger.pullRequests.includes(bundle.pullRequest)) {
    throw new UserError(
      `refusing the comparison: pull request #${bundle.pullRequest} is not one the triggering run was for`,
    );
  }
}

function onePullRequest(bundles: CompareBundle[]): number {
  const numbers = [...new Set(bundles.map((bundle) => bundle.pullRequest))];
  if (numbers.length > 1) {
    throw new UserError(
      `refusing the comparison: the triggering run's bundles name several pull requests (${numbers.map((n) => `#${n}`).join(', ')})`,
    );
  }
  return numbers[0] as number;
}

/** The pull request as GitHub describes it, refused unless its head is the triggering run's commit. */
async function checkPullRequest(
  number: number,
  trigger: TriggeringRun,
  context: ActionContext,
  github: GitHubClient,
): Promise<{ baseRef: string; baseSha: string; headRef: string }> {
  // For forks GitHub lists no pull requests on the run, so the number is checked against the pull request itself.
  const pull = await github.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', {
    owner: context.owner,
    repo: context.repo,
    pull_number: number,
  });
  if (pull.data.head.sha !== trigger.headSha) {
    throw new UserError(
      `refusing the comparison: pull request #${number} is at ${pull.data.head.sha.slice(0, 7)}, not ${trigger.headSha.slice(0, 7)}`,
    );
  }
  return { baseRef: pull.data.base.ref, baseSha: pull.data.base.sha, headRef: pull.data.head.ref };
}

/** The runs of all bundles, each once (several collect steps may carry the same record). */
function distinctRuns(runs: RunRecord[]): RunRecord[] {
  const seen = new Map<string, RunRecord>();
  for (const run of runs) seen.set(`${run.experiment}\u0000${run.runId}\u0000${run.attempt}`, run);
  return [...seen.values()];
}
