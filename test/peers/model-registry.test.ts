import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ModelManifest } from '@ml-actions/core';
import { pushEvent, runAction, startLocalGitHub, type LocalGitHub } from '@ml-actions/testkit';
import { commitBoth, git, materialiseTags } from '../support/git-repository.ts';
import { runPeerCommand, runPeerScript } from '../support/peer-scripts.ts';

// What package registers, read back by the real tools: GTO reads the version tags (materialised
// from the REST stand-in into a real git repository), and the MLmodel file comes from MLflow's
// own pyfunc.save_model.

let github: LocalGitHub;
let repoName: string;
const folders: string[] = [];

beforeAll(async () => {
  github = await startLocalGitHub();
  repoName = `${github.repository.owner}/${github.repository.repo}`;
});
afterEach(() => github.api.assertNoViolations());
afterAll(async () => {
  await github?.close();
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

async function temporaryFolder(prefix: string): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), prefix));
  folders.push(folder);
  return folder;
}

async function pack(workspace: string, sha: string, inputs: Record<string, string>) {
  const { runId, env } = github.startRun({ headSha: sha, headBranch: 'main', event: 'push' });
  return runAction({
    action: 'package',
    workspace,
    inputs,
    env,
    runId,
    runnerTemp: await temporaryFolder('runner-temp-'),
    event: pushEvent(github.repository, { sha, before: '0'.repeat(40) }),
    token: github.token,
  });
}

describe('model versions, read back by GTO', () => {
  it('gto show and gto history list exactly the versions package tagged, in semver order, on their commits', async () => {
    // A real repository whose commits the stand-in knows under the same shas.
    const repository = await temporaryFolder('gto-repo-');
    git(repository, ['init', '-q', '-b', 'main']);
    const commits: string[] = [];
    for (const [index, message] of ['Train churn', 'Retrain churn, add fraud', 'Churn 1.0'].entries()) {
      commits.push(commitBoth(github, repoName, repository, message, `2026-11-0${index + 1}T12:00:00Z`));
    }

    const workspace = await temporaryFolder('gto-workspace-');
    await mkdir(join(workspace, 'model'));
    await writeFile(join(workspace, 'model', 'weights.bin'), 'weights');
    const steps: [number, Record<string, string>, string][] = [
      [0, { name: 'churn', path: 'model/', tag: 'true' }, '0.1.0'],
      [1, { name: 'churn', path: 'model/', tag: 'true', bump: 'minor' }, '0.2.0'],
      [1, { name: 'fraud', path: 'model/', tag: 'true' }, '0.1.0'],
      [2, { name: 'churn', path: 'model/', tag: 'true', version: '1.0.0' }, '1.0.0'],
    ];
    for (const [commit, inputs, version] of steps) {
      const run = await pack(workspace, commits[commit]!, inputs);
      expect(run.exitCode, run.log).toBe(0);
      expect(run.outputs['version']).toBe(version);
    }

    // Each tag the stand-in holds is an annotated tag object; git must compute the same sha for it.
    const tags = github.api.state.refs(repoName).filter(([ref]) => ref.startsWith('refs/tags/'));
    expect(tags.map(([ref]) => ref)).toEqual([
      'refs/tags/churn@v0.1.0',
      'refs/tags/churn@v0.2.0',
      'refs/tags/churn@v1.0.0',
      'refs/tags/fraud@v0.1.0',
    ]);
    materialiseTags(github, repoName, repository);

    const shown = JSON.parse(await runPeerCommand('gto', ['show', '--json'], repository)) as Record<
      string,
      { version: string; registered: boolean; active: boolean }
    >;
    expect(shown).toEqual({
      churn: { version: 'v1.0.0', stage: {}, registered: true, active: true },
      fraud: { version: 'v0.1.0', stage: {}, registered: true, active: true },
    });
    const versions = JSON.parse(await runPeerCommand('gto', ['show', 'churn', '--json'], repository)) as {
      version: string;
      commit_hexsha: string;
      message: string;
      author: string;
    }[];
    expect(versions.map((entry) => [entry.version, entry.commit_hexsha])).toEqual([
      ['v1.0.0', commits[2]],
      ['v0.2.0', commits[1]],
      ['v0.1.0', commits[0]],
    ]);
    expect(versions[0]?.message).toBe('Registering artifact churn version v1.0.0');
    expect(versions[0]?.author).toBe('github-actions[bot]');

    const history = JSON.parse(await runPeerCommand('gto', ['history', 'churn', '--json'], repository)) as {
      event: string;
      version: string;
      commit: string;
      ref: string;
    }[];
    const registrations = history.filter((event) => event.event === 'registration');
    expect(registrations.map((event) => [event.ref, event.commit]).sort()).toEqual([
      ['churn@v0.1.0', commits[0]],
      ['churn@v0.2.0', commits[1]],
      ['churn@v1.0.0', commits[2]],
    ]);

    // And GTO accepts each tag's name as one of its own.
    const checked = JSON.parse(await runPeerCommand('gto', ['check-ref', 'fraud@v0.1.0', '--json'], repository)) as {
      artifact: string;
      event: string;
      version: string;
      commit_hexsha: string;
    };
    expect(checked).toMatchObject({
      artifact: 'fraud',
      event: 'registration',
      version: 'v0.1.0',
      commit_hexsha: commits[1],
    });
  });
});

describe("MLflow's MLmodel, read by package", () => {
  it('the signature, flavors and ids that mlflow.pyfunc.save_model wrote end up in the manifest', async () => {
    const workspace = await temporaryFolder('mlmodel-workspace-');
    const written = await runPeerScript<{
      flavors: string[];
      signature: { inputs: unknown; outputs: unknown };
      model_uuid: string;
      mlflow_version: string;
    }>('write_mlmodel.py', [workspace]);
    const sha = github.api.state.addCommit(repoName, { branch: 'main', message: 'Save the pyfunc model' }).sha;
    const run = await pack(workspace, sha, { name: 'threshold', path: 'model/' });
    expect(run.exitCode, run.log).toBe(0);
    const manifest = JSON.parse(await readFile(run.outputs['manifest'] ?? '', 'utf8')) as ModelManifest;
    expect(manifest.mlmodel).toMatchObject({
      path: 'model/MLmodel',
      flavors: written.flavors,
      modelUuid: written.model_uuid,
      mlflowVersion: written.mlflow_version,
    });
    expect(manifest.mlmodel?.signature?.inputs).toEqual(written.signature.inputs);
    expect(manifest.mlmodel?.signature?.outputs).toEqual(written.signature.outputs);
    expect(manifest.files.map((file) => file.path).sort()).toEqual([
      'model/MLmodel',
      'model/conda.yaml',
      'model/python_env.yaml',
      'model/python_model.pkl',
      'model/requirements.txt',
    ]);
  });
});
