/**
 * promote through the harness (the committed bundle under Node 24) against the REST stand-in:
 * direct and canary rollouts, a canary stopped by its rule and rolled back, a failing command, an
 * unknown version, bad inputs and a concurrent promotion. What is recorded is read back from the
 * stand-in: GTO stage tags (annotated, on the version's commit) and deployments with statuses.
 */
import { cp, mkdtemp, mkdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pushEvent, runAction, startLocalGitHub, type LocalGitHub } from '@ml-actions/testkit';

let github: LocalGitHub;
let repoName: string;
const folders: string[] = [];
const commits: Record<string, string> = {};

beforeAll(async () => {
  github = await startLocalGitHub();
  repoName = `${github.repository.owner}/${github.repository.repo}`;
  // Two versions of churn and one of fraud, each an annotated tag on its commit, as package makes them.
  for (const [model, version] of [
    ['churn', '1.0.0'],
    ['churn', '1.1.0'],
    ['fraud', '0.1.0'],
    ['fraud', '0.2.0'],
    ['spam', '2.0.0'],
    ['spam', '2.1.0'],
  ] as const) {
    const sha = github.api.state.addCommit(repoName, { branch: 'main', message: `${model} ${version}` }).sha;
    commits[`${model}@${version}`] = sha;
    const tag = github.api.state.addTagObject({
      tag: `${model}@v${version}`,
      message: `Registering artifact ${model} version v${version}`,
      object: sha,
      tagger: { name: 'github-actions[bot]', email: 'bot@example.test', date: '2026-12-01T00:00:00Z' },
    });
    github.api.state.setRef(repoName, `tags/${model}@v${version}`, tag.sha);
  }
});
afterEach(() => github.api.assertNoViolations());
afterAll(async () => {
  await github?.close();
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

async function workspace(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'promote-'));
  folders.push(folder);
  await mkdir(join(folder, 'examples'));
  await cp(join(import.meta.dirname, '..', 'examples', 'serve.py'), join(folder, 'examples', 'serve.py'));
  return folder;
}

const SERVE = 'python3 examples/serve.py';

async function promote(folder: string, inputs: Record<string, string>, env: Record<string, string> = {}) {
  const sha = github.api.state.addCommit(repoName, { branch: 'main', message: 'deploy' }).sha;
  const started = github.startRun({ headSha: sha, headBranch: 'main', event: 'workflow_dispatch', job: 'deploy' });
  const run = await runAction({
    action: 'promote',
    workspace: folder,
    inputs,
    env: { ...started.env, ...env, ML_ACTIONS_RETRY_WAIT_SCALE: '0.01' },
    runId: started.runId,
    job: 'deploy',
    runnerTemp: await mkdtemp(join(tmpdir(), 'runner-temp-')),
    event: pushEvent(github.repository, { sha, before: '0'.repeat(40) }),
    token: github.token,
  });
  return { ...run, runId: started.runId };
}

/** Each of the model's stage tags in counter order: name, the commit its tag object points at, and its message. */
function stageTags(model: string): [string, string, string][] {
  return github.api.state
    .refs(repoName)
    .filter(([ref]) => ref.startsWith(`refs/tags/${model}#`))
    .map(([ref, sha]) => {
      const tag = github.api.state.tagObject(sha);
      return [ref.slice('refs/tags/'.length), tag?.object ?? 'not annotated', tag?.message.trim() ?? ''] as [
        string,
        string,
        string,
      ];
    })
    .sort((a, b) => Number(a[0].split('#').at(-1)) - Number(b[0].split('#').at(-1)));
}

const deployments = (model: string) =>
  github.api.state
    .deployments(repoName)
    .filter((d) => (d.payload as { model?: string }).model === model)
    .map((d) => ({
      ref: d.ref,
      environment: d.environment,
      production: d.productionEnvironment,
      payload: d.payload as Record<string, unknown>,
      statuses: d.statuses.map((s) => `${s.state}: ${s.description}`),
    }));

async function serving(
  folder: string,
): Promise<{ version: string; traffic: number; rollback: boolean; previous: string }[]> {
  const text = await readFile(join(folder, 'examples', 'out', 'serving.jsonl'), 'utf8');
  return text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { version: string; traffic: number; rollback: boolean; previous: string })
    .map(({ version, traffic, rollback, previous }) => ({ version, traffic, rollback, previous }));
}

const errorOf = (run: { annotations: { level: string; message: string }[] }) =>
  run.annotations.find((a) => a.level === 'error')?.message;

describe('promote', () => {
  it('promotes directly: one step at 100 %, a GTO assignment on the version commit, a deployment that succeeded', async () => {
    const folder = await workspace();
    const run = await promote(folder, { name: 'churn', version: '1.0.0', stage: 'staging', command: SERVE });
    expect(run.exitCode, run.log).toBe(0);
    expect(run.outputs).toMatchObject({ version: '1.0.0', 'previous-version': '', 'rolled-back': 'false' });
    expect(stageTags('churn')).toEqual([
      ['churn#staging#1', commits['churn@1.0.0'], 'Assigning stage staging to artifact churn version v1.0.0'],
    ]);
    const [deployment] = deployments('churn');
    expect(deployment).toEqual({
      ref: 'churn@v1.0.0',
      environment: 'staging',
      production: false,
      payload: {
        model: 'churn',
        version: '1.0.0',
        digest: '',
        uri: `https://github.com/${repoName}/tree/churn%401.0.0`.replace('%401.0.0', '%40v1.0.0'),
        workflowRun: run.runId,
      },
      statuses: ['in_progress: direct 100 %: starting', 'success: v1.0.0 at 100 %'],
    });
    expect(run.outputs['deployment-id']).toBe(String(github.api.state.deployments(repoName).at(-1)?.id));
    expect(await serving(folder)).toEqual([{ version: '1.0.0', traffic: 100, rollback: false, previous: '' }]);
    expect(run.summary).toContain('### ML promote: churn v1.0.0 to staging');

    // Promoting the version in the stage again records nothing and runs nothing.
    const again = await promote(folder, { name: 'churn', version: 'v1.0.0', stage: 'staging', command: SERVE });
    expect(again.exitCode).toBe(0);
    expect(again.summary).toContain('is in `staging` already');
    expect(stageTags('churn')).toHaveLength(1);
  });

  it('runs a canary through every step, judging the live metrics after each, with the previous version named', async () => {
    const folder = await workspace();
    const run = await promote(folder, {
      name: 'churn',
      version: 'latest',
      stage: 'staging',
      strategy: 'canary',
      steps: '10,50,100',
      command: SERVE,
      metrics: 'examples/out/live-metrics.json',
      rules: 'error_rate <= 0.01\np95_latency_ms <= 250',
    });
    expect(run.exitCode, run.log).toBe(0);
    expect(run.outputs).toMatchObject({ version: '1.1.0', 'previous-version': '1.0.0', 'rolled-back': 'false' });
    expect(await serving(folder)).toEqual(
      [10, 50, 100].map((traffic) => ({ version: '1.1.0', traffic, rollback: false, previous: '1.0.0' })),
    );
    expect(stageTags('churn').map(([tag, commit]) => [tag, commit])).toEqual([
      ['churn#staging#1', commits['churn@1.0.0']],
      ['churn#staging#2', commits['churn@1.1.0']],
    ]);
    expect(deployments('churn').at(-1)?.statuses).toEqual([
      'in_progress: canary 10 %: starting',
      'in_progress: canary 10 %: passed',
      'in_progress: canary 50 %: passed',
      'success: v1.1.0 at 100 %',
    ]);
    // GitHub's auto_inactive: the earlier staging deployment is inactive now.
    expect(deployments('churn')[0]?.statuses.at(-1)).toBe('inactive: ');
    expect(run.summary).toMatch(/\| 3 \| 100 % \| ✅ passed \| [0-9:]+ to [0-9:]+ \| 2 rules passed \|/);
  });

  it('stops a canary whose third step fails its rule, and rolls the previous version back everywhere', async () => {
    const folder = await workspace();
    expect(
      (await promote(folder, { name: 'fraud', version: '0.1.0', stage: 'production', command: SERVE })).exitCode,
    ).toBe(0);
    const run = await promote(
      folder,
      {
        name: 'fraud',
        version: '0.2.0',
        stage: 'production',
        strategy: 'canary',
        steps: '10,25,50,100',
        command: SERVE,
        metrics: 'examples/out/live-metrics.json',
        rules: 'error_rate <= 0.01',
      },
      { BAD_VERSION: '0.2.0' },
    );
    expect(run.exitCode).toBe(1);
    expect(errorOf(run)).toMatch(
      /^the rollout of fraud v0\.2\.0 to production stopped at step 3 \(50 %\): error_rate = 0\.0[45]\d*, not <= 0\.01; rolled back to v0\.1\.0 \(fraud#production!#3, fraud#production#4, deployment \d+\)$/,
    );
    expect(run.outputs).toMatchObject({ version: '0.2.0', 'previous-version': '0.1.0', 'rolled-back': 'true' });
    expect((await serving(folder)).slice(1)).toEqual([
      { version: '0.2.0', traffic: 10, rollback: false, previous: '0.1.0' },
      { version: '0.2.0', traffic: 25, rollback: false, previous: '0.1.0' },
      { version: '0.2.0', traffic: 50, rollback: false, previous: '0.1.0' },
      { version: '0.1.0', traffic: 100, rollback: true, previous: '0.2.0' },
    ]);
    expect(stageTags('fraud').map(([tag, commit, message]) => [tag, commit, message])).toEqual([
      ['fraud#production#1', commits['fraud@0.1.0'], 'Assigning stage production to artifact fraud version v0.1.0'],
      ['fraud#production#2', commits['fraud@0.2.0'], 'Assigning stage production to artifact fraud version v0.2.0'],
      [
        'fraud#production!#3',
        commits['fraud@0.2.0'],
        "Unassigning stage 'production' to artifact 'fraud' version 'v0.2.0'",
      ],
      ['fraud#production#4', commits['fraud@0.1.0'], 'Assigning stage production to artifact fraud version v0.1.0'],
    ]);
    const [, failed, restored] = deployments('fraud');
    expect(failed?.production).toBe(true);
    expect(failed?.statuses.at(-1)).toMatch(/^failure: stopped at 50 %: error_rate/);
    expect(restored).toMatchObject({
      ref: 'fraud@v0.1.0',
      environment: 'production',
      payload: { version: '0.1.0', rollbackOf: '0.2.0' },
      statuses: ['success: v0.1.0 at 100 %, rolled back from v0.2.0'],
    });
    expect(run.summary).toContain('| 4 | 100 % | ✅ passed |');
    expect(run.summary).toContain('rollback to v0.1.0');
  });

  it('stops when the command fails, and rolls back with the same command', async () => {
    const folder = await workspace();
    expect((await promote(folder, { name: 'spam', version: '2.0.0', stage: 'staging', command: SERVE })).exitCode).toBe(
      0,
    );
    const run = await promote(folder, {
      name: 'spam',
      version: '2.1.0',
      stage: 'staging',
      strategy: 'canary',
      // The new version cannot start; the old one can.
      command: `[ "$ROLLBACK" = true ] || [ "$MODEL_VERSION" != 2.1.0 ] || exit 3; ${SERVE}`,
    });
    expect(run.exitCode).toBe(1);
    expect(errorOf(run)).toMatch(/stopped at step 1 \(10 %\): the command exited with code 3; rolled back to v2\.0\.0/);
    expect(run.outputs['rolled-back']).toBe('true');
    expect(stageTags('spam').map(([tag]) => tag)).toEqual([
      'spam#staging#1',
      'spam#staging#2',
      'spam#staging!#3',
      'spam#staging#4',
    ]);
  });

  it('refuses a version package never registered, bad steps and a stage GTO refuses, before recording anything', async () => {
    const folder = await workspace();
    const before = [github.api.state.refs(repoName).length, github.api.state.deployments(repoName).length];
    const unknown = await promote(folder, { name: 'churn', version: '9.9.9', stage: 'staging', command: SERVE });
    expect(unknown.exitCode).toBe(1);
    expect(errorOf(unknown)).toBe(
      'input "version": churn v9.9.9 was never registered (no tag churn@v9.9.9); registered: v1.0.0, v1.1.0',
    );
    const steps = await promote(folder, {
      name: 'churn',
      stage: 'staging',
      strategy: 'canary',
      steps: '10,50,25,100',
      command: SERVE,
    });
    expect(errorOf(steps)).toBe('input "steps": the steps must increase, but 25 follows 50');
    const short = await promote(folder, {
      name: 'churn',
      stage: 'staging',
      strategy: 'canary',
      steps: '10,50',
      command: SERVE,
    });
    expect(errorOf(short)).toBe('input "steps": the last step must be 100, so that the rollout ends with all traffic');
    const stage = await promote(folder, { name: 'churn', stage: 'pre prod', command: SERVE });
    expect(errorOf(stage)).toMatch(/^input "stage": "pre prod" is not a stage name GTO accepts/);
    expect([github.api.state.refs(repoName).length, github.api.state.deployments(repoName).length]).toEqual(before);
  });

  it('loses the race for the stage tag to a promotion that wrote it first, and records nothing more', async () => {
    const folder = await workspace();
    const deploymentsBefore = github.api.state.deployments(repoName).length;
    const next = Math.max(0, ...stageTags('churn').map(([tag]) => Number(tag.split('#').at(-1)))) + 1;
    // Another promotion creates the same assignment tag between our read of the tags and our write.
    github.api.faults.add({
      method: 'POST',
      path: '/repos/{owner}/{repo}/git/refs',
      before: () => github.api.state.setRef(repoName, `tags/churn#raced#${next}`, commits['churn@1.1.0']!),
    });
    const run = await promote(folder, { name: 'churn', version: '1.0.0', stage: 'raced', command: SERVE });
    expect(run.exitCode).toBe(1);
    expect(errorOf(run)).toBe(
      `another promotion of churn wrote churn#raced#${next} first; its rollout is under way: run this one again when it has finished`,
    );
    expect(github.api.state.deployments(repoName)).toHaveLength(deploymentsBefore);
  });

  it('sees a promotion of the same model to the stage still running and fails clearly', async () => {
    const folder = await workspace();
    const other = github.api.state.addDeployment({
      repo: repoName,
      sha: commits['churn@1.1.0']!,
      ref: 'churn@v1.1.0',
      task: 'deploy:model',
      payload: { model: 'churn', version: '1.1.0', digest: '', uri: '', workflowRun: 1 },
      environment: 'canary-zone',
      description: 'churn v1.1.0 (canary)',
      transientEnvironment: false,
      productionEnvironment: false,
      creator: 'octocat',
      createdAt: '2026-12-06T00:00:00Z',
    });
    github.api.state.addDeploymentStatus(other, {
      state: 'in_progress',
      description: 'canary 25 %: passed',
      environmentUrl: '',
      logUrl: `https://github.com/${repoName}/actions/runs/1`,
      creator: 'octocat',
    });
    const tagsBefore = stageTags('churn').length;
    const run = await promote(folder, { name: 'churn', version: '1.0.0', stage: 'canary-zone', command: SERVE });
    expect(run.exitCode).toBe(1);
    expect(errorOf(run)).toBe(
      `another promotion of churn to canary-zone is in progress: deployment ${other.id} (churn v1.1.0 (canary), by octocat); run this one when it has finished, or give both jobs one concurrency group`,
    );
    expect(stageTags('churn')).toHaveLength(tagsBefore);
  });
});
