import * as core from '@actions/core';
import {
  COMPARE_BUNDLE_FILE,
  UserError,
  compareMarker,
  parseCompareBundle,
  type CompareBundle,
} from '@ml-actions/core';
import {
  createCheckRun,
  createGitHubClient,
  downloadTextArtifact,
  loadArtifactClient,
  type ActionContext,
  type GitHubClient,
  type Step,
} from '@ml-actions/github';
import { buildReport } from './comparison-report.ts';
import { postComment } from './post-comment.ts';
import { writeReportFiles } from './report-files.ts';
import type { CompareSettings } from './settings.ts';

interface TriggeringRun {
  id: number;
  headSha: string;
  pullRequests: number[];
}

function triggeringRun(context: ActionContext): TriggeringRun {
  const run = context.payload['workflow_run'] as
    { id?: unknown; head_sha?: unknown; pull_requests?: { number?: unknown }[] } | undefined;
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
  };
}

/**
 * The trusted second stage: downloads what collect uploaded in the triggering run, treats it as
 * data, checks that it belongs to that run's pull request and head commit, renders it with our own
 * code, comments, and records the gate as a check run on the pull request's head commit.
 */
export async function publishCollected(step: Step, settings: CompareSettings, context: ActionContext): Promise<void> {
  const trigger = triggeringRun(context);
  if (settings.token === undefined)
    throw new UserError('input "github-token" is empty: publish needs a token to comment');
  const github = createGitHubClient({
    token: settings.token,
    apiUrl: context.apiUrl,
  });
  const listed = await github.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts', {
    owner: context.owner,
    repo: context.repo,
    run_id: trigger.id,
    per_page: 100,
  });
  const artifacts = listed.data.artifacts.filter(
    (artifact) => artifact.name.startsWith('ml-compare-') && !artifact.expired,
  );
  if (artifacts.length === 0) {
    core.notice(`workflow run ${trigger.id} collected no comparison: nothing to publish`);
    step.addSummary(`### ML compare (publish)\n\nWorkflow run ${trigger.id} collected no comparison.\n`);
    return;
  }
  const client = await loadArtifactClient();
  for (const artifact of artifacts) {
    const files = await downloadTextArtifact(client, {
      artifactId: artifact.id,
      workflowRunId: trigger.id,
      owner: context.owner,
      repo: context.repo,
      token: settings.token,
    });
    const text = files.get(COMPARE_BUNDLE_FILE);
    if (text === undefined) throw new UserError(`artifact "${artifact.name}" holds no ${COMPARE_BUNDLE_FILE}`);
    const bundle = parseCompareBundle(text, `artifact "${artifact.name}"`);
    await checkBelongs(bundle, trigger, context, github);
    await publishBundle(step, bundle, { github, context, triggerRunId: trigger.id });
  }
}

/** Refuses a bundle that names another repository, commit or pull request than the run it came from. */
async function checkBelongs(
  bundle: CompareBundle,
  trigger: TriggeringRun,
  context: ActionContext,
  github: GitHubClient,
) {
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
  // For forks GitHub lists no pull requests on the run, so the number is checked against the pull request itself.
  const pull = await github.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', {
    owner: context.owner,
    repo: context.repo,
    pull_number: bundle.pullRequest,
  });
  if (pull.data.head.sha !== bundle.headSha) {
    throw new UserError(
      `refusing the comparison: pull request #${bundle.pullRequest} is at ${pull.data.head.sha.slice(0, 7)}, not ${bundle.headSha.slice(0, 7)}`,
    );
  }
}

async function publishBundle(
  step: Step,
  bundle: CompareBundle,
  options: { github: GitHubClient; context: ActionContext; triggerRunId: number },
): Promise<void> {
  const { context, github } = options;
  const workflowRunUrl = `${context.serverUrl}/${context.repository}/actions/runs/${options.triggerRunId}`;
  const { report, gate } = buildReport({
    runs: bundle.runs,
    baseline: bundle.baseline,
    rules: bundle.rules,
    key: bundle.key,
    options: bundle.options,
    workflowRunUrl,
  });
  const files = await writeReportFiles(report, bundle.key);
  step.setOutput('report', files.markdown);
  step.setOutput('report-json', files.json);
  step.addSummary(report.summary);
  await postComment(step, {
    github,
    owner: context.owner,
    repo: context.repo,
    pullRequest: bundle.pullRequest,
    marker: compareMarker(bundle.key),
    body: report.comment,
  });
  if (gate !== undefined) {
    await createCheckRun({
      github,
      owner: context.owner,
      repo: context.repo,
      name: `ML quality gate (${bundle.key})`,
      headSha: bundle.headSha,
      conclusion: gate.passed ? 'success' : 'failure',
      title: gate.passed ? 'Gate passed' : 'Gate failed',
      summary: report.summary.slice(0, 60_000),
      detailsUrl: workflowRunUrl,
    });
  }
}
