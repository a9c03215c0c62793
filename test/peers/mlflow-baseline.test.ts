import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  pullRequestEvent,
  freePort,
  pushEvent,
  runAction,
  startJob,
  startLocalGitHub,
  workflowRunEvent,
  startMlflowFaultProxy,
  startMlflowServer,
  type EventFixture,
  type LocalGitHub,
  type MlflowFaultProxy,
  type MlflowServer,
} from '@ml-actions/testkit';

// main: C0 (three seeds logged to MLflow) <- C1 (no runs) <- C2 (one seed, worse); pull requests
// branch off C0 and C1, so C2 is a commit they do not have.
let mlflow: MlflowServer;
let proxy: MlflowFaultProxy;
let github: LocalGitHub;
let repo: string;
let c0: string;
let c1: string;
let c2: string;
const folders: string[] = [];
const ACCURACY = [0.9, 0.91, 0.92];

beforeAll(async () => {
  [mlflow, github] = await Promise.all([startMlflowServer(), startLocalGitHub()]);
  proxy = await startMlflowFaultProxy(mlflow.url);
  repo = `${github.repository.owner}/${github.repository.repo}`;
  c0 = github.api.state.addCommit(repo, { branch: 'main', message: 'Train' }).sha;
  for (const [index, accuracy] of ACCURACY.entries()) {
    const run = await step(
      'train',
      await workspace(accuracy),
      trainInputs(index + 1, { 'mlflow-tracking-uri': mlflow.url }),
      {
        sha: c0,
        branch: 'main',
        event: pushEvent(github.repository, { sha: c0, before: '0'.repeat(40) }),
      },
    );
    if (run.exitCode !== 0) throw new Error(run.log);
  }
  c1 = github.api.state.addCommit(repo, { branch: 'main', parents: [c0], message: 'Docs' }).sha;
  c2 = github.api.state.addCommit(repo, { branch: 'main', parents: [c1], message: 'Worse' }).sha;
  const later = await step('train', await workspace(0.5), trainInputs(1, { 'mlflow-tracking-uri': mlflow.url }), {
    sha: c2,
    branch: 'main',
    event: pushEvent(github.repository, { sha: c2, before: c1 }),
  });
  if (later.exitCode !== 0) throw new Error(later.log);
}, 180_000);
afterEach(() => {
  proxy.clear();
  github.api.assertNoViolations();
});
afterAll(async () => {
  await proxy?.close();
  await mlflow?.close();
  await github?.close();
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

async function workspace(accuracy: number): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'mlflow-baseline-'));
  folders.push(root);
  await writeFile(join(root, 'm.json'), JSON.stringify({ accuracy }));
  return root;
}

function trainInputs(seed: number, extra: Record<string, string> = {}): Record<string, string> {
  return {
    command: 'true',
    metrics: 'm.json',
    matrix: JSON.stringify({ seed }),
    'mlflow-experiment': 'churn-baselines',
    ...extra,
  };
}

async function step(
  action: string,
  root: string,
  inputs: Record<string, string>,
  where: { sha: string; branch: string; event: EventFixture; runnerTemp?: string; env?: Record<string, string> },
) {
  const started = github.startRun({
    headSha: where.sha,
    headBranch: where.branch,
    event: where.event.name === 'pull_request' ? 'pull_request' : 'push',
    job: 'train',
  });
  const runnerTemp = where.runnerTemp ?? (await mkdtemp(join(tmpdir(), 'runner-temp-')));
  folders.push(runnerTemp);
  return runAction({
    runnerTemp,
    action,
    workspace: root,
    inputs,
    env: { ...started.env, ML_ACTIONS_RETRY_WAIT_SCALE: '0.01', ...where.env },
    runId: started.runId,
    job: action === 'train' ? 'train' : 'report',
    event: where.event,
    token: github.token,
  });
}

let pulls = 0;

/** A pull request off `base` whose three seeds reach `accuracy`, and its report steps. */
async function pullRequest(base: string, accuracy: number) {
  pulls++;
  const head = github.api.state.addCommit(repo, { parents: [base], message: `Change ${pulls}` }).sha;
  github.api.state.setRef(repo, `heads/change-${pulls}`, head);
  github.api.state.addPull(repo, {
    number: pulls,
    title: 'Change',
    head: { ref: `change-${pulls}`, sha: head },
    base: { ref: 'main' },
  });
  const event = pullRequestEvent(github.repository, {
    number: pulls,
    headSha: head,
    baseSha: c1,
    headRef: `change-${pulls}`,
  });
  // One job: the report steps read the records train wrote in it.
  const runnerTemp = await mkdtemp(join(tmpdir(), 'runner-temp-'));
  folders.push(runnerTemp);
  for (const seed of [1, 2, 3]) {
    const run = await step(
      'train',
      await workspace(accuracy),
      { ...trainInputs(seed), upload: 'false' },
      {
        sha: head,
        branch: `change-${pulls}`,
        event,
        runnerTemp,
      },
    );
    if (run.exitCode !== 0) throw new Error(run.log);
  }
  const judge = (action: 'gate' | 'compare', inputs: Record<string, string>, env?: Record<string, string>) =>
    step(
      action,
      folders[0] ?? tmpdir(),
      { baseline: 'mlflow', 'mlflow-experiment': 'churn-baselines', ...inputs },
      {
        sha: head,
        branch: `change-${pulls}`,
        event,
        runnerTemp,
        ...(env === undefined ? {} : { env }),
      },
    );
  return { head, judge };
}

const mlflowCalls = () =>
  proxy.requests.map((request) => `${request.method} ${request.path.replace('/api/2.0/mlflow/', '')}`);

/** The GitHub requests of the baseline lookup made since `mark`: the merge base and the commits before it. */
const githubLookups = (mark: number) =>
  github.api.requests
    .slice(mark)
    .map((request) => request.path)
    .filter((path) => /\/(compare\/|commits$)/.test(path))
    .map((path) => (path.endsWith('/commits') ? 'commits' : 'compare'));

describe('baseline: mlflow', () => {
  it("judges a pull request against the merge base's runs in MLflow, every seed, in two requests", async () => {
    const pull = await pullRequest(c0, 0.95);
    const gate = await pull.judge('gate', {
      rules: 'mean(accuracy) >= mean(baseline) - 0.01',
      'mlflow-tracking-uri': proxy.url,
    });
    expect(gate.exitCode, gate.log).toBe(0);
    expect(gate.outputs['verdict']).toBe('pass');
    expect(gate.outputs['baseline-sha']).toBe(c0);
    expect(mlflowCalls()).toEqual(['GET experiments/get-by-name', 'POST runs/search']);
    const results = JSON.parse(gate.outputs['results'] ?? '[]') as { baseline?: number }[];
    expect(results[0]?.baseline).toBeCloseTo(ACCURACY.reduce((a, b) => a + b) / 3, 12);

    const worse = await pullRequest(c0, 0.85);
    const failed = await worse.judge('gate', {
      rules: 'mean(accuracy) >= mean(baseline) - 0.01',
      'mlflow-tracking-uri': proxy.url,
    });
    expect(failed.exitCode).toBe(1);
    expect(failed.outputs['verdict']).toBe('fail');
  });

  it('falls back to the newest run before the merge base, with a notice naming its commit', async () => {
    const pull = await pullRequest(c1, 0.95);
    const mark = github.api.requests.length;
    const gate = await pull.judge('gate', { rules: 'accuracy >= baseline - 0.01', 'mlflow-tracking-uri': proxy.url });
    expect(gate.exitCode, gate.log).toBe(0);
    // C2, newer on main than the merge base, is not the pull request's past.
    expect(gate.outputs['baseline-sha']).toBe(c0);
    expect(gate.log).toContain(
      `comes from MLflow: commit ${c0.slice(0, 7)}, the newest before ${c1.slice(0, 7)} on main with a run (commit ${c1.slice(0, 7)} has none)`,
    );
    expect(gate.summary).toContain(c0.slice(0, 7));
    expect(mlflowCalls()).toEqual(['GET experiments/get-by-name', 'POST runs/search', 'POST runs/search']);
    expect(githubLookups(mark)).toEqual(['compare', 'commits']);

    const compare = await pull.judge('compare', {
      rules: 'accuracy >= baseline - 0.01',
      'mlflow-tracking-uri': proxy.url,
    });
    expect(compare.exitCode, compare.log).toBe(0);
    const report = JSON.parse(await readFile(compare.outputs['report-json'] ?? '', 'utf8')) as {
      baseline: { sha: string } | null;
      rows: { metric: string; baselineN: number }[];
    };
    expect(report.baseline?.sha).toBe(c0);
    expect(report.rows.find((row) => row.metric === 'accuracy')?.baselineN).toBe(3);
    // The report says where the baseline came from: one of C0's runs in MLflow.
    const link = new RegExp(`${proxy.url}/#/experiments/\\d+/runs/[0-9a-f]{32}`);
    expect(compare.summary).toMatch(link);
  });

  it('reads the server from MLFLOW_TRACKING_URI when the input is empty, its token masked', async () => {
    const pull = await pullRequest(c0, 0.95);
    const gate = await pull.judge(
      'gate',
      { rules: 'accuracy >= baseline - 0.01' },
      { MLFLOW_TRACKING_URI: proxy.url, MLFLOW_TRACKING_TOKEN: 'token-of-the-tracking-server' },
    );
    expect(gate.exitCode, gate.log).toBe(0);
    expect(gate.outputs['baseline-sha']).toBe(c0);
    expect(gate.log).toContain('::add-mask::token-of-the-tracking-server');
    expect(proxy.requests.map((request) => request.authorization)).toEqual([
      'Bearer token-of-the-tracking-server',
      'Bearer token-of-the-tracking-server',
    ]);
  });

  it('says when MLflow has nothing, and skips the rules that need a baseline', async () => {
    const pull = await pullRequest(c0, 0.95);
    const gate = await pull.judge('gate', {
      rules: 'accuracy >= baseline',
      'mlflow-tracking-uri': proxy.url,
      'mlflow-experiment': 'never-logged',
    });
    expect(gate.exitCode, gate.log).toBe(0);
    expect(gate.outputs['verdict']).toBe('neutral');
    expect(gate.log).toContain('MLflow has no experiment "never-logged"');
  });

  it('fails with one line naming the setting on a refused credential or a missing server; retries 503', async () => {
    const pull = await pullRequest(c0, 0.95);
    proxy.fail({ path: /get-by-name$/, status: 429, times: 1 });
    proxy.fail({ path: /runs\/search$/, status: 503, times: 2 });
    const retried = await pull.judge('gate', {
      rules: 'accuracy >= baseline - 0.01',
      'mlflow-tracking-uri': proxy.url,
    });
    expect(retried.exitCode, retried.log).toBe(0);
    expect(retried.outputs['baseline-sha']).toBe(c0);
    // Two requests, each retried until answered: the bound holds with the retries on top.
    expect(proxy.requests.map((request) => `${request.status} ${request.path.split('/').pop()}`)).toEqual([
      '429 get-by-name',
      '200 get-by-name',
      '503 search',
      '503 search',
      '200 search',
    ]);
    proxy.clear();

    proxy.fail({ status: 401, times: 1 });
    const refused = await pull.judge('gate', {
      rules: 'accuracy >= baseline - 0.01',
      'mlflow-tracking-uri': proxy.url,
    });
    expect(refused.exitCode).toBe(1);
    expect(refused.log).toContain('answered 401 UNAUTHENTICATED');
    expect(refused.log).toContain('check MLFLOW_TRACKING_TOKEN');
    expect(refused.summary).not.toBe('');

    const unset = await pull.judge('gate', { rules: 'accuracy >= baseline - 0.01' });
    expect(unset.exitCode).toBe(1);
    expect(unset.log).toContain('input "baseline" is mlflow, which needs a tracking server');

    const closed = await freePort();
    const unreachable = await pull.judge('compare', {
      rules: 'accuracy >= baseline - 0.01',
      'mlflow-tracking-uri': `http://127.0.0.1:${closed}`,
    });
    expect(unreachable.exitCode).toBe(1);
    const failure = unreachable.log.split('\n').filter((line) => line.startsWith('::error'));
    expect(failure).toHaveLength(1);
    expect(failure[0]).toContain('input "mlflow-tracking-uri"');
    expect(failure[0]).toContain(`127.0.0.1:${closed}`);
    expect(unreachable.summary).not.toBe('');
  });
});

describe('baseline: mlflow in the publish stage of a pull request from a fork', () => {
  it("takes the baseline from the trusted step's server, for the merge base GitHub names", async () => {
    const readOnly = 'ghs_forkMlflowReadOnly0000000000000000000';
    github.api.tokens.add(readOnly, { login: 'github-actions[bot]', installation: true, readOnly: true });
    pulls++;
    const number = pulls;
    const headSha = github.api.state.addCommit(repo, { parents: [c0], message: 'Fork change' }).sha;
    github.api.state.setRef(repo, `heads/fork-${number}`, headSha);
    github.api.state.addPull(repo, {
      number,
      title: 'Fork change',
      head: { ref: `fork-${number}`, sha: headSha },
      base: { ref: 'main' },
    });
    const root = await workspace(0.95);
    const forked = await startJob(github, {
      // The event's base commit is C2; the merge base GitHub computes is C0.
      event: pullRequestEvent(github.repository, {
        number,
        headSha,
        baseSha: c2,
        headRef: `fork-${number}`,
        fork: true,
      }),
      headSha,
      headBranch: `fork-${number}`,
      workspace: root,
      token: readOnly,
    });
    const trained = await forked.step('train', trainInputs(1));
    expect(trained.exitCode, trained.log).toBe(0);
    const collect = await forked.step('compare', { mode: 'collect' });
    expect(collect.exitCode, collect.log).toBe(0);
    await forked.finish();
    expect(proxy.requests).toEqual([]);

    const publisher = await startJob(github, {
      event: workflowRunEvent(github.repository, { runId: forked.runId, headSha, headBranch: `fork-${number}` }),
      headSha: c2,
      headBranch: 'main',
      workspace: root,
      job: 'publish',
    });
    const publish = await publisher.step(
      'compare',
      {
        mode: 'publish',
        baseline: 'mlflow',
        'mlflow-experiment': 'churn-baselines',
        rules: 'mean(accuracy) >= mean(baseline) - 0.01',
      },
      { MLFLOW_TRACKING_URI: proxy.url, MLFLOW_TRACKING_TOKEN: 'trusted-tracking-token' },
    );
    expect(publish.exitCode, publish.log).toBe(0);
    expect(mlflowCalls()).toEqual(['GET experiments/get-by-name', 'POST runs/search']);
    expect(new Set(proxy.requests.map((request) => request.authorization))).toEqual(
      new Set(['Bearer trusted-tracking-token']),
    );
    const comment = github.api.state.comments(repo, number).find((c) => c.body.includes('<!-- ml-actions:compare:'));
    expect(comment?.body).toMatch(new RegExp(`${proxy.url}/#/experiments/\\d+/runs/[0-9a-f]{32}`));
    expect(comment?.body).toContain(c0.slice(0, 7));
    const checks = github.api.state.checkRuns(repo).filter((check) => check.headSha === headSha);
    expect(checks).toEqual([expect.objectContaining({ conclusion: 'success' })]);
    await publisher.finish();
  });
});
