/**
 * Our own workflow files, run by a runner no one here wrote: nektos/act (ACT_VERSION in the testkit), in host
 * mode, with Node 24 first on PATH, against the testkit's local GitHub. The scenarios build on each
 * other as a repository's history would:
 * 1. a push to main of example-ml.yml: three seeds train, the report job gates them together, the
 *    package job packages, tags and releases the seed-1 model, the deploy job dispatches
 *    example-ml-deploy.yml for it, the history job appends the run;
 * 2. a pull request from the same repository that changes a param: one comment comparing it with
 *    main's records, one check on its head commit, nothing packaged;
 * 3. a pull request from a fork (read-only token): example-ml.yml only collects; then
 *    example-ml-publish.yml on the workflow_run event comments and creates the check; the same
 *    event for a same-repository run skips publish's job;
 * 4. the rollout that scenario 1 dispatched (example-ml-deploy.yml: staging, then a production
 *    canary taking staging's job output as its version), then example-ml-monitor.yml on three days:
 *    an ordinary one, a price rise (the issue opens, example-ml.yml is dispatched once, the run is
 *    red), an ordinary one again (the issue closes).
 *
 * Where act differs from GitHub in what we rely on, and what this test does about it:
 * - In host mode act copies nothing into the workspace, so the remote actions the workflows use
 *   are replaced with --local-repository by small local stand-ins (test/runner/stand-ins):
 *   checkout copies the repository under test as it is checked out in git, setup-python puts
 *   python3 on PATH as python, upload-artifact and download-artifact keep a folder between jobs,
 *   attest checks that the predicate is JSON (signing needs Sigstore).
 * - act's own artifact server rejects current @actions/artifact requests: the steps get the
 *   testkit's artifact service through ACTIONS_RESULTS_URL and ACTIONS_RUNTIME_TOKEN (--env), and
 *   GITHUB_API_URL points at the REST stand-in; GITHUB_SERVER_URL stays github.com.
 * - act takes GITHUB_SHA from the local git commit, not from --env or the event: the stand-in is
 *   seeded with that commit. GITHUB_REPOSITORY would come from the git remote: set with --env.
 * - act runs whichever workflow -W names for the event given: it ignores `workflow_run`'s
 *   `workflows:` and `types:` filters, so the test gives the event GitHub would send (the
 *   triggering run's name, event, conclusion, head repository) and the job's own `if:` decides.
 * - act does not follow workflow_dispatch requests: the REST stand-in records them, and the test
 *   runs the recorded dispatch as the next event. act starts jobs with an `environment:` at once (no
 *   protection rules), and shows `::group::` as an unknown command (❓) in its log.
 * - The canary's 60 s wait at each step is 0 in the test's copy of example-ml-deploy.yml (the only
 *   change made to a workflow file): on GitHub the rollout takes four minutes of waiting.
 * - act evaluates `${{ }}` in an action.yml input's description and fails the step ("expressions
 *   are not allowed here"); our descriptions hold none.
 * - Without Docker act warns "Couldn't get a valid docker connection"; host mode needs none.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalGitHub, type LocalGitHub, type WorkflowDispatchRecord } from '@ml-actions/testkit';
import {
  ACT,
  FORK,
  REPO,
  act,
  actMissing,
  failedSteps,
  registerWorkflows,
  repositoryPayload,
  succeededJobs,
  testRepository,
  type TestRepository,
} from './act-harness.ts';

let github: LocalGitHub;
/** The repository under test and its main commit, once scenario 1 has run on it. */
let main: (TestRepository & { sha: string }) | undefined;
/** Scenario 2's workflow run, for a workflow_run event that publish must skip. */
let sameRepository: { id: number; headSha: string } | undefined;
const READ_ONLY = 'ghs_actForkReadOnly00000000000000000000';
const COMPARE_MARKER = '<!-- ml-actions:compare:example-ml -->';

beforeAll(async () => {
  if (actMissing) return;
  if (!existsSync(ACT))
    throw new Error(`act is not built at ${ACT}: run npm run peers (it builds act with go install)`);
  github = await startLocalGitHub();
  github.api.tokens.add(READ_ONLY, { login: 'github-actions[bot]', installation: true, readOnly: true });
});
afterAll(async () => {
  await github?.close();
  await main?.remove();
});

const tags = () => github.api.state.refs(REPO).filter(([ref]) => ref.startsWith('refs/tags/'));
const ours = (pull: number) =>
  github.api.state.comments(REPO, pull).filter((comment) => comment.body.includes('<!-- ml-actions:compare:'));

/** A branch off main with a changed learning rate, seeded in the stand-in; answers its head commit. */
async function branchOffMain(branch: string, learningRate: string): Promise<string> {
  const repository = main!;
  repository.git('checkout', '-q', 'main');
  repository.git('checkout', '-q', '-b', branch);
  await repository.edit('examples/params.yaml', (text) =>
    text.replace(/learning_rate: [0-9.]+/, `learning_rate: ${learningRate}`),
  );
  const head = repository.commit(`Set the learning rate to ${learningRate}`);
  github.api.state.addCommit(REPO, {
    parents: [repository.sha],
    message: `Set the learning rate to ${learningRate}`,
    sha: head,
  });
  return head;
}

/**
 * A workflow run of main's own code (workflow_run, workflow_dispatch, schedule all run the default
 * branch): recorded in the stand-in, then run by act with the repository's write token.
 */
async function onMain(event: string, job: string, workflow: string, payload: Record<string, unknown>) {
  main!.git('checkout', '-q', 'main');
  const run = github.startRun({ headSha: main!.sha, headBranch: 'main', event, job });
  return act(github, main!, { event, workflow, payload, env: run.env });
}

/** The pull_request event of a pull request into main, as GitHub writes it. */
function pullRequestPayload(number: number, head: { ref: string; sha: string; repo: string }): Record<string, unknown> {
  return {
    action: 'synchronize',
    number,
    pull_request: {
      number,
      state: 'open',
      head: { ref: head.ref, sha: head.sha, repo: repositoryPayload(head.repo) },
      base: { ref: 'main', sha: main!.sha, repo: repositoryPayload(REPO) },
    },
    repository: repositoryPayload(REPO),
  };
}

describe.skipIf(actMissing)('our workflows under nektos/act', () => {
  it('a push to main of example-ml.yml: the matrix trains, the report gates, package tags, history appends', async () => {
    main = await testRepository({
      // The canary waits 60 s at each of its four steps on GitHub; here it does not wait, so the
      // test measures the rollout, not the clock. Nothing else in the workflows is changed.
      '.github/workflows/example-ml-deploy.yml': (text) => text.replace('wait-seconds: 60', 'wait-seconds: 0'),
    });
    await registerWorkflows(github, main);
    const { sha } = main;
    github.api.state.addCommit(REPO, { branch: 'main', message: 'Add the churn model', sha });
    const { runId, env } = github.startRun({ headSha: sha, headBranch: 'main', event: 'push', job: 'train' });
    const run = await act(github, main, {
      event: 'push',
      workflow: '.github/workflows/example-ml.yml',
      payload: {
        ref: 'refs/heads/main',
        before: '0'.repeat(40),
        after: sha,
        head_commit: { id: sha, message: 'Add the churn model' },
        repository: repositoryPayload(REPO),
      },
      env,
    });
    expect(run.code, run.log.slice(-4000)).toBe(0);
    expect(failedSteps(run.log, 'example-ml')).toEqual([]);
    expect(succeededJobs(run.log, 'example-ml')).toEqual([
      'deploy',
      'history',
      'package',
      'report',
      'train-1',
      'train-2',
      'train-3',
    ]);

    // What the local GitHub holds afterwards.
    const checks = github.api.state.checkRuns(REPO).filter((check) => check.headSha === sha);
    expect(checks.map((check) => [check.name, check.conclusion])).toEqual([['ML quality gate', 'success']]);
    const tag = github.api.state.ref(REPO, 'tags/churn-model@v0.1.0');
    expect(tag).toBeDefined();
    expect(github.api.state.tagObject(tag!)?.object).toBe(sha);
    const names = github.registry.list({ workflowRunId: runId }).map((artifact) => artifact.name);
    expect(names.filter((name) => name.startsWith('ml-run-'))).toHaveLength(3);
    expect(names).toContain('ml-gate-report');
    expect(names.some((name) => name.startsWith('churn-model'))).toBe(true);
    expect(github.api.state.ref(REPO, 'heads/ml-history')).toBeDefined();
    const release = github.api.state.releases(REPO).find((r) => r.tagName === 'churn-model@v0.1.0');
    expect(release?.draft).toBe(false);
    expect(release?.assets.map((asset) => asset.name).sort()).toEqual([
      'README.md',
      'SHA256SUMS',
      'churn-model-v0.1.0.tar',
      'manifest.json',
      'provenance.intoto.json',
    ]);
    // The deploy job asked GitHub to start the rollout of the version just packaged.
    expect(github.api.state.dispatches.map((d) => [d.workflow, d.ref, d.inputs])).toEqual([
      ['.github/workflows/example-ml-deploy.yml', 'main', { version: '0.1.0' }],
    ]);
  }, 420_000);

  it('a pull request from the same repository: one comment, one check on the head commit, nothing packaged', async () => {
    expect(main, 'the push scenario runs first: its records are the baseline').toBeDefined();
    const head = await branchOffMain('tune-lr', '0.05');
    github.api.state.setRef(REPO, 'heads/tune-lr', head);
    const pull = github.api.state.addPull(REPO, {
      head: { ref: 'tune-lr', sha: head },
      base: { ref: 'main' },
      title: 'Raise the learning rate',
    });
    const { runId, env } = github.startRun({
      headSha: head,
      headBranch: 'tune-lr',
      event: 'pull_request',
      job: 'train',
      pullRequests: [pull.number],
    });
    sameRepository = { id: runId, headSha: head };
    const tagsBefore = tags().length;
    const run = await act(github, main!, {
      event: 'pull_request',
      workflow: '.github/workflows/example-ml.yml',
      payload: pullRequestPayload(pull.number, { ref: 'tune-lr', sha: head, repo: REPO }),
      env,
    });
    expect(run.code, run.log.slice(-4000)).toBe(0);
    expect(failedSteps(run.log, 'example-ml')).toEqual([]);
    expect(succeededJobs(run.log, 'example-ml')).toEqual(['report', 'train-1', 'train-2', 'train-3']);
    const comments = ours(pull.number);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain(COMPARE_MARKER);
    expect(comments[0]!.body).toContain('### 📊 Metric comparison');
    expect(comments[0]!.body).toContain(`baseline: main @ [${main!.sha.slice(0, 7)}]`);
    const checks = github.api.state.checkRuns(REPO).filter((check) => check.headSha === head);
    expect(checks.map((check) => check.name)).toEqual(['ML quality gate']);
    // The package and history jobs are for main only.
    expect(tags()).toHaveLength(tagsBefore);
  }, 420_000);

  it('a pull request from a fork: example-ml.yml collects, example-ml-publish.yml comments and checks', async () => {
    expect(main, 'the push scenario runs first: its records are the baseline').toBeDefined();
    // The fork's commit, reachable from the base repository as GitHub keeps a pull request's head.
    const head = await branchOffMain('fork-lr', '0.01');
    const pull = github.api.state.addPull(REPO, {
      head: { ref: 'fork-lr', sha: head, repo: FORK },
      base: { ref: 'main' },
      title: 'Lower the learning rate',
      user: 'outsider',
    });
    // GitHub lists no pull requests on a fork's workflow run.
    const collected = github.startRun({
      headSha: head,
      headBranch: 'fork-lr',
      headRepo: FORK,
      event: 'pull_request',
      name: 'example-ml',
      job: 'train',
    });
    const tagsBefore = tags().length;
    // Its lower learning rate does worse than main beyond the seeds' noise: the gate says no.
    const first = await act(github, main!, {
      event: 'pull_request',
      workflow: '.github/workflows/example-ml.yml',
      payload: pullRequestPayload(pull.number, { ref: 'fork-lr', sha: head, repo: FORK }),
      token: READ_ONLY,
      env: collected.env,
    });
    expect(first.code, first.log.slice(-4000)).toBe(1);
    expect(failedSteps(first.log, 'example-ml')).toEqual(['report: Gate the seeds together']);
    expect(succeededJobs(first.log, 'example-ml')).toEqual(['train-1', 'train-2', 'train-3']);
    // The read-only token wrote nothing: the comparison waits in the run's artifacts.
    expect(ours(pull.number)).toEqual([]);
    expect(github.api.state.checkRuns(REPO).filter((check) => check.headSha === head)).toEqual([]);
    expect(tags()).toHaveLength(tagsBefore);
    const names = github.registry.list({ workflowRunId: collected.runId }).map((artifact) => artifact.name);
    expect(names.some((name) => name.startsWith('ml-compare'))).toBe(true);
    const record = github.api.state.workflowRun(collected.runId)!;
    record.status = 'completed';
    record.conclusion = 'failure';

    // workflow_run runs the default branch's workflow file and code, with the repository's token.
    const workflowRun = (run: {
      id: number;
      headSha: string;
      headBranch: string;
      headRepo: string;
      conclusion: string;
    }) => ({
      action: 'completed',
      workflow_run: {
        id: run.id,
        name: 'example-ml',
        path: '.github/workflows/example-ml.yml',
        event: 'pull_request',
        status: 'completed',
        conclusion: run.conclusion,
        head_sha: run.headSha,
        head_branch: run.headBranch,
        head_repository: repositoryPayload(run.headRepo),
        repository: repositoryPayload(REPO),
        pull_requests: [],
      },
      repository: repositoryPayload(REPO),
      workflow: { path: '.github/workflows/example-ml.yml' },
    });
    const second = await onMain(
      'workflow_run',
      'publish',
      '.github/workflows/example-ml-publish.yml',
      workflowRun({ id: collected.runId, headSha: head, headBranch: 'fork-lr', headRepo: FORK, conclusion: 'failure' }),
    );
    expect(second.code, second.log.slice(-4000)).toBe(0);
    expect(failedSteps(second.log, 'example-ml-publish')).toEqual([]);
    expect(succeededJobs(second.log, 'example-ml-publish')).toEqual(['publish']);
    const comments = ours(pull.number);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain(COMPARE_MARKER);
    expect(comments[0]!.body).toContain(`baseline: main @ [${main!.sha.slice(0, 7)}]`);
    // The check is publish's own verdict from the default branch's rules: the same as the gate's.
    const checks = github.api.state.checkRuns(REPO).filter((check) => check.headSha === head);
    expect(checks.map((check) => [check.name, check.conclusion])).toEqual([['ML quality gate', 'failure']]);

    // The same event after a same-repository run: example-ml commented and gated itself, so the
    // publish job's `if:` skips it (a second check of the same name would contradict the gate's).
    const commentsBefore = github.api.state.pulls(REPO).flatMap((p) => ours(p.number)).length;
    const checksBefore = github.api.state.checkRuns(REPO).length;
    const skipped = await onMain(
      'workflow_run',
      'publish',
      '.github/workflows/example-ml-publish.yml',
      workflowRun({ ...sameRepository!, headBranch: 'tune-lr', headRepo: REPO, conclusion: 'success' }),
    );
    expect(skipped.code, skipped.log.slice(-4000)).toBe(0);
    expect(succeededJobs(skipped.log, 'example-ml-publish')).toEqual([]);
    expect(github.api.state.pulls(REPO).flatMap((p) => ours(p.number))).toHaveLength(commentsBefore);
    expect(github.api.state.checkRuns(REPO)).toHaveLength(checksBefore);
  }, 420_000);

  it('deploy and monitor: the dispatched rollout reaches production, monitor keeps one issue open while traffic drifts', async () => {
    expect(main, 'the push scenario runs first: it packaged the version and dispatched its rollout').toBeDefined();
    /** The workflow_dispatch event GitHub sends for a dispatch the stand-in recorded. */
    const dispatchEvent = (dispatch: WorkflowDispatchRecord) => ({
      inputs: dispatch.inputs,
      // The dispatch names a branch or a full ref; the event always holds the full ref.
      ref: dispatch.ref.startsWith('refs/') ? dispatch.ref : `refs/heads/${dispatch.ref}`,
      repository: repositoryPayload(REPO),
      sender: { login: dispatch.user },
      workflow: dispatch.workflow,
    });
    const rollout = github.api.state.dispatches.find((d) => d.workflow.endsWith('/example-ml-deploy.yml'));
    expect(rollout, 'example-ml.yml dispatched the rollout').toBeDefined();
    const deploy = await onMain('workflow_dispatch', 'staging', rollout!.workflow, dispatchEvent(rollout!));
    expect(deploy.code, deploy.log.slice(-4000)).toBe(0);
    expect(failedSteps(deploy.log, 'example-ml-deploy')).toEqual([]);
    // production took the version staging's job output named: `needs` and job outputs under act.
    expect(succeededJobs(deploy.log, 'example-ml-deploy')).toEqual(['production', 'staging']);
    const deployments = github.api.state.deployments(REPO);
    expect(deployments.map((d) => [d.environment, d.ref, d.statuses.at(-1)?.state])).toEqual([
      ['staging', 'churn-model@v0.1.0', 'success'],
      ['production', 'churn-model@v0.1.0', 'success'],
    ]);
    const stageTags = () =>
      tags()
        .map(([ref]) => ref.slice('refs/tags/'.length))
        .filter((tag) => tag.includes('#'));
    expect(stageTags().sort()).toEqual(['churn-model#production#2', 'churn-model#staging#1']);

    /** One run of the monitor workflow; answers act's run and the alarm issues afterwards. */
    const monitor = async (event: string, payload: Record<string, unknown>) => {
      const result = await onMain(event, 'production', '.github/workflows/example-ml-monitor.yml', {
        ...payload,
        repository: repositoryPayload(REPO),
      });
      const issues = github.api.state
        .issues(REPO)
        .filter((issue) => issue.body?.includes('<!-- ml-actions:monitor churn-model production -->'));
      return { ...result, issues };
    };
    const dispatchesBefore = github.api.state.dispatches.length;
    // An ordinary day: the traffic is drawn as the training data was.
    const ordinary = await monitor('schedule', { schedule: '17 6 * * *' });
    expect(ordinary.code, ordinary.log.slice(-4000)).toBe(0);
    expect(failedSteps(ordinary.log, 'example-ml-monitor')).toEqual([]);
    expect(ordinary.issues).toEqual([]);

    // A price rise shifts the monthly charges: the alarm opens the issue, retraining is dispatched
    // once, and the run shows red.
    const rise = await monitor('workflow_dispatch', {
      inputs: { price_rise: '15' },
      ref: 'refs/heads/main',
      workflow: '.github/workflows/example-ml-monitor.yml',
    });
    expect(rise.code).toBe(1);
    expect(failedSteps(rise.log, 'example-ml-monitor')).toEqual(['production: Monitor churn-model in production']);
    expect(rise.issues.map((issue) => issue.state)).toEqual(['open']);
    expect(rise.issues[0]!.body).toContain('monthly\\_charges');
    expect(rise.issues[0]!.labels).toContain('model-monitoring');
    const retrain = github.api.state.dispatches.slice(dispatchesBefore);
    expect(retrain.map((d) => [d.workflow, d.ref, d.inputs['model'], d.inputs['stage']])).toEqual([
      ['.github/workflows/example-ml.yml', 'refs/heads/main', 'churn-model', 'production'],
    ]);
    const drift = JSON.parse(retrain[0]!.inputs['drift']!) as { version: string; drifted: { column: string }[] };
    expect(drift.version).toBe('0.1.0');
    expect(drift.drifted.map((column) => column.column)).toContain('monthly_charges');

    // The next ordinary day closes it, and starts nothing.
    const after = await monitor('schedule', { schedule: '17 6 * * *' });
    expect(after.code, after.log.slice(-4000)).toBe(0);
    expect(after.issues.map((issue) => issue.state)).toEqual(['closed']);
    expect(github.api.state.dispatches.slice(dispatchesBefore)).toHaveLength(1);
  }, 420_000);
});
