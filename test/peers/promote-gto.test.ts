/**
 * What promote records, read back by the real GTO: the stage tags it wrote through the REST
 * stand-in are materialised, byte for byte, into a real git repository whose commits the stand-in
 * knows under the same shas, and `gto show` and `gto history` must tell the rollout's story: a
 * direct promotion, a canary that completes, and a canary stopped by its rule and rolled back.
 */
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pushEvent, runAction, startLocalGitHub, type LocalGitHub } from '@ml-actions/testkit';
import { commitBoth, git, materialiseTags } from '../support/git-repository.ts';
import { runPeerCommand } from '../support/peer-scripts.ts';

let github: LocalGitHub;
let repoName: string;
const folders: string[] = [];

beforeAll(async () => {
  github = await startLocalGitHub();
  repoName = `${github.repository.owner}/${github.repository.repo}`;
});
afterAll(async () => {
  await github?.close();
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

async function temporaryFolder(prefix: string): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), prefix));
  folders.push(folder);
  return folder;
}

describe('promote, read back by GTO', () => {
  it('gto show puts each stage at the version promote left there, and gto history lists every assignment and the rollback', async () => {
    const repository = await temporaryFolder('gto-promote-');
    git(repository, ['init', '-q', '-b', 'main']);
    const commits: string[] = [];
    for (const [index, version] of ['1.0.0', '1.1.0', '1.2.0'].entries()) {
      const date = `2026-11-0${index + 1}T12:00:00Z`;
      const sha = commitBoth(github, repoName, repository, `churn ${version}`, date);
      commits.push(sha);
      // The version tags package writes: annotated, GTO's message.
      const tag = github.api.state.addTagObject({
        tag: `churn@v${version}`,
        message: `Registering artifact churn version v${version}`,
        object: sha,
        tagger: { name: 'github-actions[bot]', email: 'bot@example.test', date },
      });
      github.api.state.setRef(repoName, `tags/churn@v${version}`, tag.sha);
    }

    const workspace = await temporaryFolder('gto-promote-workspace-');
    await mkdir(join(workspace, 'examples'));
    await cp(join(import.meta.dirname, '..', '..', 'examples', 'serve.py'), join(workspace, 'examples', 'serve.py'));
    const promote = async (inputs: Record<string, string>, env: Record<string, string> = {}) => {
      const { runId, env: runEnv } = github.startRun({ headSha: commits[2]!, headBranch: 'main', event: 'push' });
      return runAction({
        action: 'promote',
        workspace,
        inputs: { name: 'churn', command: 'python3 examples/serve.py', ...inputs },
        env: { ...runEnv, ...env, ML_ACTIONS_RETRY_WAIT_SCALE: '0.01' },
        runId,
        runnerTemp: await temporaryFolder('runner-temp-'),
        event: pushEvent(github.repository, { sha: commits[2]!, before: '0'.repeat(40) }),
        token: github.token,
      });
    };
    const canary = {
      strategy: 'canary',
      steps: '10,50,100',
      metrics: 'examples/out/live-metrics.json',
      rules: 'error_rate <= 0.01',
    };
    expect((await promote({ version: '1.0.0', stage: 'production' })).exitCode).toBe(0);
    expect((await promote({ version: '1.1.0', stage: 'staging' })).exitCode).toBe(0);
    expect((await promote({ version: '1.1.0', stage: 'production', ...canary })).exitCode).toBe(0);
    const stopped = await promote({ version: '1.2.0', stage: 'production', ...canary }, { BAD_VERSION: '1.2.0' });
    expect(stopped.exitCode).toBe(1);
    expect(stopped.outputs['rolled-back']).toBe('true');
    materialiseTags(github, repoName, repository);

    const shown = JSON.parse(await runPeerCommand('gto', ['show', '--json'], repository)) as Record<
      string,
      { version: string; stage: Record<string, string> }
    >;
    expect(shown['churn']?.stage).toEqual({ production: 'v1.1.0', staging: 'v1.1.0' });
    const byVersion = JSON.parse(await runPeerCommand('gto', ['show', 'churn', '--json'], repository)) as {
      version: string;
      stages: { stage: string; is_active: boolean }[];
    }[];
    const active = (stages: { stage: string; is_active: boolean }[]) =>
      stages
        .filter((s) => s.is_active)
        .map((s) => s.stage)
        .sort();
    expect(byVersion.map((entry) => [entry.version, active(entry.stages)])).toEqual([
      ['v1.2.0', []],
      ['v1.1.0', ['production', 'staging']],
      ['v1.0.0', []],
    ]);

    const history = JSON.parse(await runPeerCommand('gto', ['history', 'churn', '--json'], repository)) as {
      event: string;
      version: string;
      stage?: string;
      ref: string;
    }[];
    const stageEvents = history
      .filter((event) => event.event === 'assignment' || event.event === 'unassignment')
      .map((event) => [event.ref, event.event, event.version, event.stage])
      .sort((a, b) => Number(String(a[0]).split('#').at(-1)) - Number(String(b[0]).split('#').at(-1)));
    expect(stageEvents).toEqual([
      ['churn#production#1', 'assignment', 'v1.0.0', 'production'],
      ['churn#staging#2', 'assignment', 'v1.1.0', 'staging'],
      ['churn#production#3', 'assignment', 'v1.1.0', 'production'],
      ['churn#production#4', 'assignment', 'v1.2.0', 'production'],
      ['churn#production!#5', 'unassignment', 'v1.2.0', 'production'],
      ['churn#production#6', 'assignment', 'v1.1.0', 'production'],
    ]);
  });
});
