import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  pullRequestEvent,
  pushEvent,
  runAction,
  startLocalGitHub,
  startMlflowFaultProxy,
  startMlflowServer,
  type LocalGitHub,
  type MlflowFaultProxy,
  type MlflowServer,
} from '@ml-actions/testkit';
import { readMlflowRun } from '../support/mlflow-readback.ts';
import { runPeerScriptOnInput } from '../support/peer-scripts.ts';

// Two real servers: one that allows model sources on other hosts (https), as Databricks and
// servers configured for it do, and one with MLflow 3's default, which refuses them.
let open: MlflowServer;
let strict: MlflowServer;
let proxy: MlflowFaultProxy;
let github: LocalGitHub;
let head: string;
const folders: string[] = [];

beforeAll(async () => {
  [open, strict, github] = await Promise.all([
    startMlflowServer({ env: { MLFLOW_ALLOWED_HOST_ADDRESSED_ARTIFACT_SCHEMES: 'https' } }),
    startMlflowServer(),
    startLocalGitHub(),
  ]);
  proxy = await startMlflowFaultProxy(open.url);
  head = github.api.state.addCommit(`${github.repository.owner}/${github.repository.repo}`, {
    branch: 'main',
    message: 'Train',
  }).sha;
}, 120_000);
afterEach(() => {
  proxy.clear();
  github.api.assertNoViolations();
});
afterAll(async () => {
  await proxy?.close();
  await Promise.all([open?.close(), strict?.close()]);
  await github?.close();
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

async function temporary(prefix: string): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), prefix));
  folders.push(folder);
  return folder;
}

async function modelProject(bytes = randomBytes(4096)): Promise<string> {
  const root = await temporary('registry-project-');
  await mkdir(join(root, 'model'), { recursive: true });
  await writeFile(join(root, 'model', 'weights.bin'), bytes);
  return root;
}

/** A job: its steps share the run, RUNNER_TEMP (and so the run records train wrote). */
async function job(runAttempt = 1, pullRequest?: { number: number; headSha: string }) {
  const started = github.startRun({
    headSha: pullRequest?.headSha ?? head,
    headBranch: pullRequest === undefined ? 'main' : 'feature',
    event: pullRequest === undefined ? 'push' : 'pull_request',
    job: 'package',
  });
  const runnerTemp = await temporary('runner-temp-');
  return (action: string, workspace: string, inputs: Record<string, string>, attempt = runAttempt) =>
    runAction({
      runnerTemp,
      action,
      workspace,
      inputs,
      env: { ...started.env, ML_ACTIONS_RETRY_WAIT_SCALE: '0.01' },
      runId: started.runId,
      runAttempt: attempt,
      job: 'package',
      event:
        pullRequest === undefined
          ? pushEvent(github.repository, { sha: head, before: '0'.repeat(40) })
          : pullRequestEvent(github.repository, {
              number: pullRequest.number,
              headSha: pullRequest.headSha,
              baseSha: head,
            }),
      token: github.token,
    });
}

describe('package registers the version in MLflow', () => {
  it("registers the package's location, tagged with version, digest and commit; a re-run finds the same version", async () => {
    const workspace = await modelProject();
    const inputs = {
      name: 'churn-model',
      path: 'model/',
      'mlflow-tracking-uri': proxy.url,
      'mlflow-register': 'churn-registry',
      'mlflow-alias': 'candidate',
    };
    const step = await job();
    const first = await step('package', workspace, inputs);
    expect(first.exitCode, first.log).toBe(0);
    expect(first.outputs['mlflow-model-version']).toBe('1');
    expect(first.outputs['mlflow-model-version-url']).toBe(`${proxy.url}/#/models/churn-registry/versions/1`);
    expect(first.summary).toContain('Registered MLflow model');

    const back = await readMlflowRun({ tracking_uri: open.url, model_name: 'churn-registry', alias: 'candidate' });
    expect(back.model_versions).toHaveLength(1);
    const [version] = back.model_versions;
    expect(version?.source).toMatch(
      new RegExp(
        `^https://github\\.com/${github.repository.owner}/${github.repository.repo}/actions/runs/\\d+/artifacts/${first.outputs['artifact-id']}$`,
      ),
    );
    expect(version?.tags).toMatchObject({
      'ml-actions.version': first.outputs['version'],
      'ml-actions.manifest-digest': `sha256:${first.outputs['digest']}`,
      'ml-actions.commit': head,
    });
    expect(back.by_alias?.version).toBe('1');

    // A re-run of the job: its manifest (and so its digest) differs, its packaging does not, so the
    // same model version, which now names the new digest.
    const again = await step('package', workspace, inputs, 2);
    expect(again.exitCode, again.log).toBe(0);
    expect(again.outputs['version']).toBe(first.outputs['version']);
    expect(again.outputs['mlflow-model-version']).toBe('1');
    expect(again.summary).toContain('was registered for this package by an earlier run');
    const rerun = await readMlflowRun({ tracking_uri: open.url, model_name: 'churn-registry' });
    expect(rerun.model_versions.map((v) => v.tags['ml-actions.manifest-digest'])).toEqual([
      `sha256:${again.outputs['digest']}`,
    ]);

    // Another model: another digest, a new version, and the alias moves to it.
    const other = await (await job())('package', await modelProject(), inputs);
    expect(other.exitCode, other.log).toBe(0);
    expect(other.outputs['mlflow-model-version']).toBe('2');
    const moved = await readMlflowRun({ tracking_uri: open.url, model_name: 'churn-registry', alias: 'candidate' });
    expect(moved.model_versions.map((v) => v.version)).toEqual(['1', '2']);
    expect(moved.by_alias?.version).toBe('2');
  });

  it("registers nothing for a pull request's pre-release, and says so", async () => {
    const prHead = github.api.state.addCommit(`${github.repository.owner}/${github.repository.repo}`, {
      branch: 'feature',
      parents: [head],
      message: 'Tune',
    }).sha;
    const step = await job(1, { number: 9, headSha: prHead });
    const run = await step('package', await modelProject(), {
      name: 'pr-model',
      path: 'model/',
      'mlflow-tracking-uri': proxy.url,
      'mlflow-register': 'pr-registry',
      'mlflow-alias': 'candidate',
    });
    expect(run.exitCode, run.log).toBe(0);
    expect(run.outputs['version']).toMatch(/-pr\.9\.\d+$/);
    expect(run.outputs['mlflow-model-version']).toBe('');
    expect(run.summary).toContain(
      `Not registered in MLflow: \`${run.outputs['version']}\` is a pull request's pre-release`,
    );
    expect(proxy.requests).toEqual([]);
  });

  it('uses the model the MLflow run logged as the source, linked to the run', async () => {
    const logged = await runPeerScriptOnInput<{ run_id: string; model_uri: string; model_id: string }>(
      'log_mlflow_model.py',
      { tracking_uri: strict.url, experiment_name: 'trained-elsewhere' },
    );
    const workspace = await modelProject();
    const step = await job();
    // train records the MLflow run (input mlflow-run), and package in the same job embeds that record.
    const train = await step('train', workspace, { 'mlflow-run': logged.run_id, 'mlflow-tracking-uri': strict.url });
    expect(train.exitCode, train.log).toBe(0);
    const packaged = await step('package', workspace, {
      name: 'churn-model',
      path: 'model/',
      'mlflow-tracking-uri': strict.url,
      'mlflow-register': 'churn-logged',
    });
    expect(packaged.exitCode, packaged.log).toBe(0);
    const back = await readMlflowRun({ tracking_uri: strict.url, model_name: 'churn-logged' });
    expect(back.model_versions).toHaveLength(1);
    expect(back.model_versions[0]?.source).toBe(logged.model_uri);
    expect(back.model_versions[0]?.run_id).toBe(logged.run_id);
  });
});

describe('package with registry faults', () => {
  it('says what the server refused, and keeps the package', async () => {
    // MLflow 3's default refuses a source on another host.
    const refused = await (
      await job()
    )('package', await modelProject(), {
      name: 'churn-model',
      path: 'model/',
      'mlflow-tracking-uri': strict.url,
      'mlflow-register': 'churn-strict',
    });
    expect(refused.exitCode).toBe(1);
    expect(refused.log).toContain('the package was built and uploaded, but registering it in MLflow failed');
    expect(refused.log).toContain('MLFLOW_ALLOWED_HOST_ADDRESSED_ARTIFACT_SCHEMES=https');
    expect(refused.outputs['artifact-id']).toMatch(/^\d+$/);
    expect(refused.outputs['mlflow-model-version']).toBe('');
    expect(refused.summary).toContain('Not registered in MLflow');

    proxy.fail({ status: 403, times: 1 });
    const forbidden = await (
      await job()
    )('package', await modelProject(), {
      name: 'churn-model',
      path: 'model/',
      'mlflow-tracking-uri': proxy.url,
      'mlflow-register': 'churn-forbidden',
    });
    expect(forbidden.exitCode).toBe(1);
    expect(forbidden.log).toContain('answered 403 PERMISSION_DENIED');
    expect(forbidden.outputs['artifact-id']).toMatch(/^\d+$/);
  });

  it('refuses bad registry inputs before anything is built', async () => {
    const workspace = await modelProject();
    const cases: [Record<string, string>, string][] = [
      [{ 'mlflow-alias': 'candidate' }, 'input "mlflow-alias" needs input "mlflow-register"'],
      [
        { 'mlflow-register': 'churn', 'mlflow-alias': 'v2', 'mlflow-tracking-uri': proxy.url },
        'input "mlflow-alias" must not look like a version',
      ],
      [{ 'mlflow-register': 'churn' }, 'input "mlflow-register" needs a tracking server'],
    ];
    for (const [inputs, message] of cases) {
      const run = await (await job())('package', workspace, { name: 'churn-model', path: 'model/', ...inputs });
      expect(run.exitCode, message).toBe(1);
      expect(run.log).toContain(message);
    }
  });
});

describe('promote moves the MLflow alias named after the stage', () => {
  it("to the version it rolled out, and back to the previous one on a rollback, read with MLflow's own client", async () => {
    const workspace = await modelProject();
    const repoName = `${github.repository.owner}/${github.repository.repo}`;
    const at = async (sha: string, action: string, inputs: Record<string, string>) => {
      const started = github.startRun({ headSha: sha, headBranch: 'main', event: 'push' });
      return runAction({
        runnerTemp: await temporary('runner-temp-'),
        action,
        workspace,
        inputs,
        env: { ...started.env, ML_ACTIONS_RETRY_WAIT_SCALE: '0.01' },
        runId: started.runId,
        event: pushEvent(github.repository, { sha, before: '0'.repeat(40) }),
        token: github.token,
      });
    };
    const registered: string[] = [];
    for (const message of ['Train aliased v1', 'Train aliased v2']) {
      const sha = github.api.state.addCommit(repoName, { branch: 'main', message }).sha;
      await writeFile(join(workspace, 'model', 'weights.bin'), randomBytes(2048));
      const packed = await at(sha, 'package', {
        name: 'aliased',
        path: 'model/',
        tag: 'true',
        'mlflow-tracking-uri': open.url,
        'mlflow-register': 'aliased-registry',
      });
      expect(packed.exitCode, packed.log).toBe(0);
      registered.push(packed.outputs['mlflow-model-version'] ?? '');
    }
    expect(registered).toEqual(['1', '2']);

    const deploySha = github.api.state.addCommit(repoName, { branch: 'main', message: 'deploy' }).sha;
    const mlflowInputs = { 'mlflow-tracking-uri': open.url, 'mlflow-register': 'aliased-registry' };
    const first = await at(deploySha, 'promote', {
      name: 'aliased',
      version: '0.1.0',
      stage: 'staging',
      command: 'true',
      ...mlflowInputs,
    });
    expect(first.exitCode, first.log).toBe(0);
    expect(first.summary).toContain('MLflow: alias `staging` of aliased-registry points at version 1 (v0.1.0).');
    let back = await readMlflowRun({ tracking_uri: open.url, model_name: 'aliased-registry', alias: 'staging' });
    expect(back.by_alias?.version).toBe('1');

    // v0.1.1 cannot start: the rollout stops and the alias comes back to v0.1.0's version.
    const stopped = await at(deploySha, 'promote', {
      name: 'aliased',
      version: '0.1.1',
      stage: 'staging',
      command: '[ "$MODEL_VERSION" = 0.1.0 ]',
      ...mlflowInputs,
    });
    expect(stopped.exitCode).toBe(1);
    expect(stopped.outputs['rolled-back']).toBe('true');
    back = await readMlflowRun({ tracking_uri: open.url, model_name: 'aliased-registry', alias: 'staging' });
    expect(back.by_alias?.version).toBe('1');

    const second = await at(deploySha, 'promote', {
      name: 'aliased',
      version: '0.1.1',
      stage: 'staging',
      command: 'true',
      ...mlflowInputs,
    });
    expect(second.exitCode, second.log).toBe(0);
    back = await readMlflowRun({ tracking_uri: open.url, model_name: 'aliased-registry', alias: 'staging' });
    expect(back.by_alias?.version).toBe('2');
  });
});
