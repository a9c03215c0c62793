import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseRunRecord } from '@ml-actions/core';
import {
  freePort,
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

// The real MLflow tracking server, reached through a proxy that counts requests and injects faults.
let mlflow: MlflowServer;
let proxy: MlflowFaultProxy;
let github: LocalGitHub;
let head: string;
const folders: string[] = [];

beforeAll(async () => {
  [mlflow, github] = await Promise.all([startMlflowServer(), startLocalGitHub()]);
  proxy = await startMlflowFaultProxy(mlflow.url);
  head = github.api.state.addCommit('octo-org/churn', { branch: 'main', message: 'Train' }).sha;
}, 120_000);
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

async function project(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'mlflow-train-'));
  folders.push(root);
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(root, path, '..'), { recursive: true });
    await writeFile(join(root, path), content);
  }
  return root;
}

/** A CSV history of `steps` points of loss and accuracy, with wall times. */
function historyCsv(steps: number, offset = 0): string {
  const lines = ['step,timestamp,loss,accuracy'];
  for (let i = 0; i < steps; i++) {
    lines.push(`${i},${1_700_000_000 + i},${1 / (i + 1 + offset)},${0.5 + (0.4 * i) / steps}`);
  }
  return `${lines.join('\n')}\n`;
}

async function train(
  workspace: string,
  inputs: Record<string, string>,
  options: {
    env?: Record<string, string>;
    runAttempt?: number;
    job?: { runId: number; env: Record<string, string> };
  } = {},
) {
  const started = options.job ?? github.startRun({ headSha: head, headBranch: 'main', event: 'push', job: 'train' });
  const runnerTemp = await mkdtemp(join(tmpdir(), 'runner-temp-'));
  folders.push(runnerTemp);
  return runAction({
    runnerTemp,
    action: 'train',
    workspace,
    inputs,
    env: { ...started.env, ML_ACTIONS_RETRY_WAIT_SCALE: '0.01', ...options.env },
    runId: started.runId,
    runAttempt: options.runAttempt ?? 1,
    job: 'train',
    event: pushEvent(github.repository, { sha: head, before: '0'.repeat(40) }),
    token: github.token,
  });
}

describe('train logs to a real MLflow tracking server', () => {
  it('logs every point of every history, params, provenance tags and the status, read back by MLflow itself', async () => {
    const workspace = await project({
      'history.csv': historyCsv(2500),
      'params.yaml': 'lr: 0.01\nmodel:\n  depth: 6\n  name: gbm\nearly_stop: true\n',
    });
    const run = await train(workspace, {
      command: 'true',
      metrics: 'history.csv',
      params: 'params.yaml',
      matrix: '{"seed": 3}',
      'mlflow-tracking-uri': proxy.url,
      'mlflow-experiment': 'churn-tracking',
    });
    expect(run.exitCode, run.log).toBe(0);
    const runId = run.outputs['mlflow-run-id'] ?? '';
    expect(runId).toMatch(/^[0-9a-f]{32}$/);
    const record = parseRunRecord(await readFile(run.outputs['record'] ?? '', 'utf8'), 'record');
    expect(record.mlflow?.runId).toBe(runId);
    expect(run.outputs['mlflow-run-url']).toBe(record.mlflow?.url);
    expect(run.summary).toContain(`MLflow run: [\`${runId}\`](`);

    const back = await readMlflowRun({ tracking_uri: mlflow.url, run_id: runId });
    expect(back.experiment.name).toBe('churn-tracking');
    expect(back.run.info.status).toBe('FINISHED');
    expect(back.run.info.run_name).toBe('train (seed=3)');
    expect(back.run.params).toEqual({ lr: '0.01', 'model.depth': '6', 'model.name': 'gbm', early_stop: 'true' });
    expect(back.run.tags).toMatchObject({
      'mlflow.source.git.commit': head,
      'mlflow.source.git.branch': 'main',
      'mlflow.runName': 'train (seed=3)',
      'ml-actions.experiment': 'train',
      'ml-actions.replicate': 'seed=3',
      'ml-actions.run-id': record.runId,
      'ml-actions.status': 'succeeded',
    });
    expect(back.run.tags['ml-actions.workflow-run-url']).toContain(`/actions/runs/${record.provenance.workflowRunId}`);
    for (const key of ['loss', 'accuracy'] as const) {
      const sent = record.metrics[key]?.history;
      const points = back.histories[key] ?? [];
      expect(points.length).toBe(2500);
      expect(points.map(([step]) => step)).toEqual(sent?.steps);
      expect(points.map(([, , value]) => value)).toEqual(sent?.values);
      expect(points.map(([, timestamp]) => timestamp / 1000)).toEqual(sent?.wallTimes);
      expect(back.run.metrics[key]).toBe(record.metrics[key]?.value);
    }
    // The experiment looked up and created, the run created with every tag, ceil((5,000 points +
    // 4 params) / 1,000) batches, the status.
    const paths = proxy.requests.map((request) => request.path.replace('/api/2.0/mlflow/', ''));
    expect(paths).toEqual([
      'experiments/get-by-name',
      'experiments/create',
      'runs/create',
      ...Array<string>(Math.ceil(5004 / 1000)).fill('runs/log-batch'),
      'runs/update',
    ]);
    expect(proxy.requests.every((request) => request.bytes <= 1_000_000)).toBe(true);
  });

  it('marks a failed command FAILED and a timed-out one KILLED, and keeps NaN', async () => {
    const failing = await project({});
    const failed = await train(failing, {
      command: `printf '{"loss": NaN}' > m.json; exit 3`,
      metrics: 'm.json',
      'mlflow-tracking-uri': proxy.url,
      'mlflow-experiment': 'churn-status',
    });
    expect(failed.exitCode).toBe(1);
    const failedBack = await readMlflowRun({ tracking_uri: mlflow.url, run_id: failed.outputs['mlflow-run-id'] ?? '' });
    expect(failedBack.run.info.status).toBe('FAILED');
    expect(failedBack.run.metrics['loss']).toBeNaN();

    const slow = await project({});
    const killed = await train(slow, {
      command: 'sleep 30',
      'timeout-minutes': '0.02',
      'mlflow-tracking-uri': proxy.url,
      'mlflow-experiment': 'churn-status',
    });
    expect(killed.exitCode).toBe(1);
    const killedBack = await readMlflowRun({ tracking_uri: mlflow.url, run_id: killed.outputs['mlflow-run-id'] ?? '' });
    expect(killedBack.run.info.status).toBe('KILLED');
  });

  it('logs a re-run of the job into the same MLflow run; a param that changed is a clear error', async () => {
    const workspace = await project({ 'm.json': '{"accuracy": 0.9}', 'params.yaml': 'lr: 0.1\n' });
    const inputs = {
      command: 'true',
      metrics: 'm.json',
      params: 'params.yaml',
      'mlflow-tracking-uri': proxy.url,
      'mlflow-experiment': 'churn-reruns',
    };
    const job = github.startRun({ headSha: head, headBranch: 'main', event: 'push', job: 'train' });
    const first = await train(workspace, inputs, { job });
    expect(first.exitCode, first.log).toBe(0);
    const second = await train(workspace, inputs, { job, runAttempt: 2 });
    expect(second.exitCode, second.log).toBe(0);
    expect(second.outputs['mlflow-run-id']).toBe(first.outputs['mlflow-run-id']);
    const back = await readMlflowRun({ tracking_uri: mlflow.url, run_id: second.outputs['mlflow-run-id'] ?? '' });
    expect(back.run.tags['ml-actions.attempt']).toBe('2');
    expect(back.histories['accuracy']?.length).toBeGreaterThanOrEqual(1);

    await writeFile(join(workspace, 'params.yaml'), 'lr: 0.2\n');
    const third = await train(workspace, inputs, { job, runAttempt: 3 });
    expect(third.exitCode).toBe(1);
    expect(third.log).toContain('already has param "lr" = "0.1"');
    expect(third.log).toContain('"0.2"');
    // The record is still written and uploaded, and the summary still says what ran.
    expect(third.outputs['record']).toBeTruthy();
    expect(third.outputs['artifact-id']).toMatch(/^\d+$/);
    expect(third.summary).toContain('ML train: train');
  });

  it('records a run trained elsewhere from its MLflow run id, with full histories', async () => {
    const elsewhere = await project({ 'history.csv': historyCsv(1200, 1), 'params.yaml': 'lr: 0.3\n' });
    const logged = await train(elsewhere, {
      command: 'true',
      metrics: 'history.csv',
      params: 'params.yaml',
      'mlflow-tracking-uri': proxy.url,
      'mlflow-experiment': 'churn-elsewhere',
    });
    const mlflowRunId = logged.outputs['mlflow-run-id'] ?? '';
    const reader = await project({});
    const run = await train(reader, { 'mlflow-run': mlflowRunId }, { env: { MLFLOW_TRACKING_URI: proxy.url } });
    expect(run.exitCode, run.log).toBe(0);
    const record = parseRunRecord(await readFile(run.outputs['record'] ?? '', 'utf8'), 'record');
    const original = parseRunRecord(await readFile(logged.outputs['record'] ?? '', 'utf8'), 'record');
    expect(record.outcome.status).toBe('collected');
    expect(record.mlflow?.runId).toBe(mlflowRunId);
    expect(record.params).toEqual({ lr: 0.3 });
    expect(record.metrics['loss']?.history?.values).toEqual(original.metrics['loss']?.history?.values);
    expect(record.metrics['loss']?.history?.steps.length).toBe(1200);
    expect(record.metrics['accuracy']?.value).toBe(original.metrics['accuracy']?.value);
    expect(run.outputs['mlflow-run-id']).toBe(mlflowRunId);

    const missing = await train(reader, { 'mlflow-run': 'f'.repeat(32) }, { env: { MLFLOW_TRACKING_URI: proxy.url } });
    expect(missing.exitCode).toBe(1);
    expect(missing.log).toContain(`MLflow has no run ${'f'.repeat(32)}`);
  });
});

describe('train with MLflow faults', () => {
  it('retries 429 and 5xx bursts, and sends credentials as MLflow clients do', async () => {
    const workspace = await project({ 'm.json': '{"accuracy": 0.8}' });
    proxy.fail({ path: /runs\/create$/, status: 503, times: 2 });
    proxy.fail({ path: /runs\/log-batch$/, status: 429, times: 1, headers: { 'Retry-After': '1' } });
    const run = await train(
      workspace,
      { command: 'true', metrics: 'm.json', 'mlflow-tracking-uri': proxy.url, 'mlflow-experiment': 'churn-faults' },
      { env: { MLFLOW_TRACKING_TOKEN: 'secret-token-123' } },
    );
    expect(run.exitCode, run.log).toBe(0);
    expect(run.log).toContain('answered 503; retrying');
    expect(proxy.requests.filter((r) => r.path.endsWith('runs/create')).map((r) => r.status)).toEqual([503, 503, 200]);
    expect(proxy.requests.every((r) => r.authorization === 'Bearer secret-token-123')).toBe(true);
    const shown = run.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::'));
    expect(shown.join('\n')).not.toContain('secret-token-123');
    expect(run.stdout).toContain('::add-mask::secret-token-123');
  });

  it('says which setting is at fault, and still writes and uploads the record', async () => {
    const workspace = await project({ 'm.json': '{"accuracy": 0.8}' });
    const nobody = `http://127.0.0.1:${await freePort()}`;
    const cases: [Record<string, string>, Record<string, string>, string][] = [
      [
        { 'mlflow-tracking-uri': nobody },
        {},
        'could not be reached (ECONNREFUSED) after 4 tries; check input "mlflow-tracking-uri"',
      ],
      [{}, { MLFLOW_TRACKING_URI: nobody }, 'check MLFLOW_TRACKING_URI'],
      [
        { 'mlflow-tracking-uri': 'file:///tmp/mlruns' },
        {},
        'input "mlflow-tracking-uri" must be the address of an MLflow tracking server',
      ],
    ];
    for (const [inputs, env, message] of cases) {
      const run = await train(workspace, { command: 'true', metrics: 'm.json', ...inputs }, { env });
      expect(run.exitCode, message).toBe(1);
      expect(run.log).toContain(message);
    }
    proxy.fail({ status: 401, times: 1 });
    const unauthorized = await train(workspace, {
      command: 'true',
      metrics: 'm.json',
      'mlflow-tracking-uri': proxy.url,
    });
    expect(unauthorized.exitCode).toBe(1);
    expect(unauthorized.log).toContain('answered 401 UNAUTHENTICATED');
    expect(unauthorized.log).toContain('check MLFLOW_TRACKING_TOKEN');
    expect(unauthorized.outputs['artifact-id']).toMatch(/^\d+$/);
    expect(unauthorized.outputs['mlflow-run-id']).toBe('');
    const record = parseRunRecord(await readFile(unauthorized.outputs['record'] ?? '', 'utf8'), 'record');
    expect(record.metrics['accuracy']?.value).toBe(0.8);
    expect(record.mlflow).toBeUndefined();
    expect(unauthorized.summary).toContain('ML train: train');
  });
});
