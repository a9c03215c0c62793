/**
 * The workflow token (and the job's artifact runtime token) never appear in anything the actions
 * write: logs, job summaries, outputs, the files outputs name, RUNNER_TEMP, uploaded artifacts,
 * comments and check runs, on success and on every failure path. The last test searches all of it.
 */
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runtimeToken, type ActionRun } from '@ml-actions/testkit';
import { Lab, REPO, type FastJob } from './support/lab.ts';
import { artifactPlaces, folderPlaces, githubPlaces, leaks, stepPlaces, type Place } from './support/secret-search.ts';

const TOKEN = `ghs_Secret${randomBytes(12).toString('hex')}`;
const FORK_TOKEN = `ghs_ForkSecret${randomBytes(12).toString('hex')}`;
/** A token GitHub does not know: every call answers 401. */
const UNKNOWN_TOKEN = `ghs_Unknown${randomBytes(12).toString('hex')}`;

let lab: Lab;
let workspace: string;
const secrets = [TOKEN, FORK_TOKEN, UNKNOWN_TOKEN];
const places: Place[] = [];
const runIds: number[] = [];

/** Runs a step and keeps every output of it (and of its job's RUNNER_TEMP) for the search. */
async function step(
  label: string,
  job: FastJob,
  action: string,
  inputs: Record<string, string> = {},
  env: Record<string, string> = {},
): Promise<ActionRun> {
  const run = await job.step(action, inputs, env);
  places.push(...(await stepPlaces(label, run, secrets)));
  const record = run.outputs['record'];
  if (record !== undefined && record !== '') {
    const runnerTemp = record.slice(0, record.indexOf('/ml-actions/'));
    places.push(...(await folderPlaces(`${label}: RUNNER_TEMP`, runnerTemp)));
  }
  return run;
}

function track<T extends FastJob>(job: T, name = 'train'): T {
  runIds.push(job.runId);
  secrets.push(
    runtimeToken({ workflowRunBackendId: String(job.runId), workflowJobRunBackendId: `${job.runId}-${name}` }),
  );
  return job;
}

/** No secret in what this test added. */
function expectNoLeakSince(from: number): void {
  expect(leaks(places.slice(from), secrets)).toEqual([]);
}

beforeAll(async () => {
  lab = await Lab.start();
  lab.github.api.tokens.add(TOKEN, { login: 'github-actions[bot]', installation: true });
  lab.github.api.tokens.add(FORK_TOKEN, { login: 'github-actions[bot]', installation: true, readOnly: true });
  workspace = await lab.workspace({ 'metrics.json': '{"accuracy": 0.9, "loss": 0.5}', 'params.yaml': 'lr: 0.1\n' });
});
afterEach(() => lab.github.api.assertNoViolations());
afterAll(async () => {
  await lab?.close();
});

describe('the token stays secret', () => {
  it('on the way that works: train on main, then train, gate and compare on a pull request', async () => {
    const from = places.length;
    const main = track(await lab.pushJob(workspace, { token: TOKEN }));
    expect((await step('main train', main, 'train', { metrics: 'metrics.json', params: 'params.yaml' })).exitCode).toBe(
      0,
    );
    await main.finish();
    await writeFile(join(workspace, 'metrics.json'), '{"accuracy": 0.92, "loss": 0.45}');
    const { job } = await lab.pullJob(workspace, { token: TOKEN });
    track(job);
    expect((await step('pr train', job, 'train', { metrics: 'metrics.json', params: 'params.yaml' })).exitCode).toBe(0);
    const gate = await step('pr gate', job, 'gate', { rules: 'loss <= baseline * 1.05' });
    expect(gate.exitCode).toBe(0);
    expect(gate.outputs['baseline-sha']).toBe(main.sha);
    const compare = await step('pr compare', job, 'compare');
    expect(compare.exitCode).toBe(0);
    // The token was registered as a secret before anything could print it.
    expect(gate.stdout.split('\n')[0]).toBe(`::add-mask::${TOKEN}`);
    expect(compare.stdout.split('\n')[0]).toBe(`::add-mask::${TOKEN}`);
    await job.finish();
    expectNoLeakSince(from);
  });

  it('when the API fails: persistent 5xx, a deleted pull request, a token GitHub does not know', async () => {
    const from = places.length;
    const { number, job } = await lab.pullJob(workspace, { token: TOKEN });
    track(job);
    expect((await step('failing train', job, 'train', { metrics: 'metrics.json' })).exitCode).toBe(0);
    lab.github.api.faults.add({ method: 'POST', path: '/repos/{owner}/{repo}/check-runs', status: 502, times: 20 });
    const gate = await step('gate, check run failing', job, 'gate', { rules: 'accuracy >= 0.5' });
    lab.github.api.faults.clear();
    expect(gate.exitCode).toBe(1);
    expect(gate.annotations.find((a) => a.level === 'error')?.message).toBe(
      `gate: GitHub answered 502 (Server Error) to POST /repos/${REPO}/check-runs`,
    );
    const unknown = await step('gate, unknown token', job, 'gate', {
      rules: 'loss <= baseline',
      'github-token': UNKNOWN_TOKEN,
    });
    expect(unknown.exitCode).toBe(1);
    // Before creating its check run, gate looks for an earlier one of the name on the commit.
    expect(unknown.annotations.find((a) => a.level === 'error')?.message).toMatch(
      new RegExp(
        `^gate: GitHub answered 401 \\(Bad credentials\\) to GET /repos/${REPO}/commits/[0-9a-f]{40}/check-runs$`,
      ),
    );
    expect(unknown.annotations.find((a) => a.level === 'notice')?.message).toMatch(
      /^the baseline of train could not be looked up: GitHub answered 401 \(Bad credentials\) to GET /,
    );
    const compareUnknown = await step('compare, unknown token', job, 'compare', { 'github-token': UNKNOWN_TOKEN });
    expect(compareUnknown.exitCode).toBe(1);
    lab.github.api.state.deletePull(REPO, number);
    const deleted = await step('compare, deleted pull request', job, 'compare');
    expect(deleted.exitCode).toBe(1);
    await job.finish('failure');
    expectNoLeakSince(from);
  });

  it('when the user errs: a failing command, an upload that fails, a broken rules file', async () => {
    const from = places.length;
    const job = track(await lab.pushJob(workspace, { token: TOKEN }));
    const failing = await step('train, failing command', job, 'train', {
      command: 'echo "token: ${GITHUB_TOKEN:-none} ${INPUT_GITHUB_TOKEN:-none}"; exit 3',
      metrics: 'metrics.json',
    });
    expect(failing.exitCode).toBe(1);
    expect(failing.stdout).toContain('token: none none');
    lab.github.artifacts.faults.add({ method: 'CreateArtifact', status: 403 });
    const upload = await step('train, upload refused', job, 'train', { metrics: 'metrics.json', experiment: 'other' });
    expect(upload.exitCode).toBe(1);
    await writeFile(join(workspace, 'gate.rules'), 'loss <= baseline *\n');
    const rules = await step('gate, broken rules file', job, 'gate', { 'rules-file': 'gate.rules' });
    expect(rules.exitCode).toBe(1);
    expect(rules.annotations.find((a) => a.level === 'error')?.message).toMatch(/^gate\.rules:1:\d+: /);
    await job.finish('failure');
    expectNoLeakSince(from);
  });

  it('in the fork-safe stages: collect with a read-only token, publish with a write token', async () => {
    const from = places.length;
    const { headSha, headRef, job } = await lab.pullJob(workspace, { fork: true, token: FORK_TOKEN });
    track(job);
    expect((await step('fork train', job, 'train', { metrics: 'metrics.json' })).exitCode).toBe(0);
    const comment = await step('fork compare', job, 'compare');
    expect(comment.exitCode).toBe(0);
    expect(comment.annotations.find((a) => a.level === 'warning')?.message).toContain('token is read-only');
    expect((await step('fork collect', job, 'compare', { mode: 'collect', 'comment-key': 'fork' })).exitCode).toBe(0);
    await job.finish();
    const publisher = await lab.publishJob({ runId: job.runId, headSha, headRef }, workspace, { token: TOKEN });
    const publishJob = track(publisher, 'publish');
    expect((await step('publish', publishJob, 'compare', { mode: 'publish' })).exitCode).toBe(0);
    await publisher.finish();
    expectNoLeakSince(from);
  });

  it('the training command sees neither the token nor the artifact service credentials', async () => {
    const job = track(await lab.pushJob(workspace, { token: TOKEN }));
    const run = await step('train, env', job, 'train', { command: 'env > env.txt', metrics: 'metrics.json' });
    expect(run.exitCode).toBe(0);
    const env = await readFile(join(workspace, 'env.txt'), 'utf8');
    expect(env).not.toMatch(/^(ACTIONS_RUNTIME_TOKEN|ACTIONS_RESULTS_URL|INPUT_[A-Z_-]+)=/m);
    expect(env).toMatch(/^GITHUB_WORKSPACE=/m);
    expect(leaks([{ where: 'env.txt', text: env }], secrets)).toEqual([]);
    await job.finish();
  });

  it('no secret anywhere: logs, summaries, outputs, files, RUNNER_TEMP, artifacts, comments, check runs', async () => {
    const everything = [...places, ...githubPlaces(lab.github)];
    for (const runId of runIds) everything.push(...(await artifactPlaces(lab.github, runId)));
    // The search covered real content: records, reports and bundles, artifacts of several runs.
    const where = everything.map((place) => place.where);
    expect(where.some((w) => w.startsWith('artifact ml-run-train'))).toBe(true);
    expect(where.some((w) => w.startsWith('artifact ml-compare-fork'))).toBe(true);
    expect(where.some((w) => w.includes('RUNNER_TEMP: ml-actions/run-records/'))).toBe(true);
    expect(where.some((w) => w.endsWith('file of output report-json'))).toBe(true);
    expect(everything.length).toBeGreaterThan(80);
    expect(leaks(everything, secrets)).toEqual([]);
    // And the search does find a secret where there is one.
    expect(leaks([{ where: 'probe', text: `Authorization: token ${TOKEN}` }], secrets)).toEqual([
      `probe: ${TOKEN.slice(0, 12)}…`,
    ]);
  });
});
