import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHistoryText } from '@ml-actions/core';
import { pullRequestEvent, pushEvent, startLocalGitHub, startWorkflow, type LocalGitHub } from '@ml-actions/testkit';

// The history job of a workflow on main: after the matrix and the report job, it appends one
// entry per experiment to the history branch and rebuilds the trend page in the same commit.
let github: LocalGitHub;
let workspace: string;
let mainSha: string;
const repo = 'octo-org/churn';

/** A file of the history branch as the API serves it, or undefined when absent. */
async function branchFile(path: string): Promise<string | undefined> {
  const answer = await fetch(`${github.api.url}/repos/${repo}/contents/${path}?ref=ml-history`, {
    headers: { authorization: `token ${github.token}`, accept: 'application/vnd.github.raw+json' },
  });
  return answer.status === 404 ? undefined : answer.text();
}

/** A push to main: three seeds, a report job that gates them, then the history job; returns the history step. */
async function pushToMain(accuracies: number[]) {
  const before = mainSha;
  mainSha = github.api.state.addCommit(repo, { branch: 'main', message: 'main' }).sha;
  const run = startWorkflow(github, {
    event: pushEvent(github.repository, { sha: mainSha, before }),
    headSha: mainSha,
    headBranch: 'main',
    workspace,
  });
  for (const [index, accuracy] of accuracies.entries()) {
    const leg = await run.job('train', { seed: index + 1 });
    await writeFile(join(workspace, 'metrics.json'), JSON.stringify({ accuracy }));
    const train = await leg.step('train', { metrics: 'metrics.json', matrix: JSON.stringify({ seed: index + 1 }) });
    expect(train.exitCode, train.log).toBe(0);
    await leg.finish();
  }
  const report = await run.job('report');
  expect((await report.step('gate', { rules: 'accuracy >= 0.8' })).exitCode).toBe(0);
  await report.finish();
  const job = await run.job('history');
  const history = await job.step('history', { 'package-version': '1.2.3' });
  return { run, job, history };
}

beforeAll(async () => {
  github = await startLocalGitHub();
  workspace = await mkdtemp(join(tmpdir(), 'history-'));
  mainSha = github.api.state.addCommit(repo, { branch: 'main', message: 'root' }).sha;
}, 60_000);

afterAll(async () => {
  await github.close();
  await rm(workspace, { recursive: true, force: true });
});

describe('the history job', () => {
  it('appends one entry per experiment over its seeds, with the gate and the package version, and writes the trend page', async () => {
    const { run, job, history } = await pushToMain([0.9, 0.91, 0.92]);
    expect(history.exitCode, history.log).toBe(0);
    expect(history.outputs['entries']).toBe('1');
    await job.finish();
    await run.finish();
    const text = await branchFile('experiments/train.jsonl');
    const entries = parseHistoryText(text ?? '', 'experiments/train.jsonl');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ experiment: 'train', commit: mainSha, packageVersion: '1.2.3' });
    expect(entries[0]?.metrics['accuracy']).toMatchObject({ n: 3, min: 0.9, max: 0.92 });
    expect(entries[0]?.metrics['accuracy']?.mean).toBeCloseTo(0.91, 12);
    expect(entries[0]?.gate).toEqual({
      passed: true,
      rules: [{ rule: 'accuracy >= 0.8', metric: 'accuracy', verdict: 'pass', threshold: 0.8 }],
    });
    expect(await branchFile('docs/index.html')).toContain('<html');
    expect(await branchFile('docs/data.js')).toContain(mainSha);
    // GitHub Pages deploys a branch's root or its /docs only, and .nojekyll serves the files as they are.
    expect(await branchFile('docs/.nojekyll')).toBe('');
    expect(await branchFile('site/index.html')).toBeUndefined();
    expect(history.outputs['commit']).toBe(github.api.state.ref(repo, 'heads/ml-history'));
  });

  it("a second push appends; a re-run replaces its own run's entry, and running an attempt again writes nothing", async () => {
    const { run, job, history } = await pushToMain([0.93, 0.94, 0.95]);
    expect(history.outputs['entries']).toBe('1');
    await job.finish();
    const again = await job.rerun();
    const rerun = await again.step('history', { 'package-version': '1.2.4' });
    expect(rerun.exitCode, rerun.log).toBe(0);
    expect(rerun.outputs['entries']).toBe('1');
    const same = await again.step('history', { 'package-version': '1.2.4' });
    expect(same.outputs['entries']).toBe('0');
    expect(same.summary).toContain('nothing was appended');
    await again.finish();
    await run.finish();
    const entries = parseHistoryText((await branchFile('experiments/train.jsonl')) ?? '', 'train.jsonl');
    expect(entries).toHaveLength(2);
    expect(entries[1]).toMatchObject({ commit: mainSha, runAttempt: 2, packageVersion: '1.2.4' });
  });

  it('a pull request writes nothing, and says why', async () => {
    const headSha = github.api.state.addCommit(repo, { parents: [mainSha], message: 'pr' }).sha;
    github.api.state.addPull(repo, { number: 1, head: { ref: 'pr-1', sha: headSha }, base: { ref: 'main' } });
    const head = github.api.state.ref(repo, 'heads/ml-history');
    const run = startWorkflow(github, {
      event: pullRequestEvent(github.repository, { number: 1, headSha, baseSha: mainSha, headRef: 'pr-1' }),
      headSha,
      headBranch: 'pr-1',
      workspace,
    });
    const job = await run.job('history');
    const history = await job.step('history', {});
    await job.finish();
    expect(history.exitCode, history.log).toBe(0);
    expect(history.outputs['entries']).toBe('0');
    expect(history.log).toContain('pushes to the default branch (main) only');
    expect(github.api.state.ref(repo, 'heads/ml-history')).toBe(head);
  });

  it('refuses to write the history onto the default branch', async () => {
    const before = mainSha;
    mainSha = github.api.state.addCommit(repo, { branch: 'main', message: 'main' }).sha;
    const run = startWorkflow(github, {
      event: pushEvent(github.repository, { sha: mainSha, before }),
      headSha: mainSha,
      headBranch: 'main',
      workspace,
    });
    const job = await run.job('history');
    const history = await job.step('history', { branch: 'main' });
    await job.finish();
    expect(history.exitCode).toBe(1);
    expect(history.log).toContain('input "branch" is the default branch (main)');
  });

  it("when the base commit's run records have expired, gate judges against the history branch, and says so", async () => {
    for (const artifact of github.registry.list()) {
      if (artifact.name.startsWith('ml-run-')) artifact.expiresAt = new Date(Date.now() - 1000).toISOString();
    }
    const judge = async (accuracy: number, number: number, inputs: Record<string, string> = {}) => {
      const headSha = github.api.state.addCommit(repo, { parents: [mainSha], message: `pr ${number}` }).sha;
      github.api.state.addPull(repo, { number, head: { ref: `pr-${number}`, sha: headSha }, base: { ref: 'main' } });
      const run = startWorkflow(github, {
        event: pullRequestEvent(github.repository, { number, headSha, baseSha: mainSha, headRef: `pr-${number}` }),
        headSha,
        headBranch: `pr-${number}`,
        workspace,
      });
      const job = await run.job('train');
      await writeFile(join(workspace, 'metrics.json'), JSON.stringify({ accuracy }));
      expect((await job.step('train', { metrics: 'metrics.json' })).exitCode).toBe(0);
      const gate = await job.step('gate', { rules: 'accuracy >= baseline - 0.005', 'check-name': '', ...inputs });
      await job.finish();
      await run.finish();
      return gate;
    };
    // The newest entry (the second push) holds the mean of 0.93, 0.94 and 0.95.
    const pass = await judge(0.94, 10);
    expect(pass.exitCode, pass.log).toBe(0);
    expect(pass.log).toContain('the baseline of train comes from the history branch ml-history');
    expect(pass.log).toContain('final values only (the mean of 3 run(s))');
    const results = JSON.parse(pass.outputs['results'] ?? '[]') as { baseline: number }[];
    expect(results[0]?.baseline).toBeCloseTo(0.94, 12);
    const fail = await judge(0.93, 11);
    expect(fail.exitCode).toBe(1);
    // With no history branch to read, the same pull request has no baseline at all.
    const none = await judge(0.93, 12, { 'history-branch': '' });
    expect(none.exitCode, none.log).toBe(0);
    expect(none.outputs['verdict']).toBe('neutral');
  });

  it('a single run on each side is tested with the noise of the history, in gate and in compare, at one request', async () => {
    // The records are expired (previous test): the baseline is the newest entry (mean 0.94), a
    // single run of final values; the noise is pooled over the entries' seeds (std 0.01 each).
    const judge = async (accuracy: number, number: number, inputs: Record<string, string> = {}) => {
      const headSha = github.api.state.addCommit(repo, { parents: [mainSha], message: `pr ${number}` }).sha;
      github.api.state.addPull(repo, { number, head: { ref: `pr-${number}`, sha: headSha }, base: { ref: 'main' } });
      const run = startWorkflow(github, {
        event: pullRequestEvent(github.repository, { number, headSha, baseSha: mainSha, headRef: `pr-${number}` }),
        headSha,
        headBranch: `pr-${number}`,
        workspace,
      });
      const job = await run.job('train');
      await writeFile(join(workspace, 'metrics.json'), JSON.stringify({ accuracy }));
      expect((await job.step('train', { metrics: 'metrics.json' })).exitCode).toBe(0);
      const rules = 'accuracy: no-drop significant';
      const before = github.api.requests.length;
      const gate = await job.step('gate', { rules, 'check-name': '', ...inputs });
      const historyReads = github.api.requests
        .slice(before)
        .filter((request) => request.path.includes('/contents/') && request.path.includes('train.jsonl')).length;
      const compare = await job.step('compare', { rules, ...inputs });
      await job.finish();
      await run.finish();
      const comment = github.api.state.comments(repo, number).at(-1)?.body ?? '';
      return { gate, compare, comment, historyReads };
    };
    const within = await judge(0.935, 20);
    expect(within.gate.exitCode, within.gate.log).toBe(0);
    const [result] = JSON.parse(within.gate.outputs['results'] ?? '[]') as { message: string; noise: string }[];
    expect(result?.noise).toBe('within-noise');
    expect(result?.message).toContain('noise from history: a side has a single run, so the spread of one run is 0.01');
    // One read for the baseline fallback, one for the noise: at most 2 whatever `history` is.
    expect(within.historyReads).toBe(2);
    expect(within.compare.exitCode, within.compare.log).toBe(0);
    expect(within.comment).toMatch(/within noise †/);
    expect(within.comment).toContain("the base branch's last 2 entries in the history (pooled over their replicates)");

    const beyond = await judge(0.88, 21);
    expect(beyond.gate.exitCode).toBe(1);
    expect(beyond.comment).toMatch(/🔴 worse †/);

    // Without the history's noise the same small drop is judged as measured, and fails.
    const measured = await judge(0.935, 22, { history: '0' });
    expect(measured.gate.exitCode).toBe(1);
    expect(measured.gate.log).toContain('single-run: 1 run here and 1 in the baseline');
    expect(measured.historyReads).toBe(1);
  });
});
