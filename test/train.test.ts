import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MAX_RUN_RECORD_BYTES, parseRunRecord } from '@ml-actions/core';
import { pushEvent, runAction, startLocalGitHub, type LocalGitHub } from '@ml-actions/testkit';
import { encodeEventFile } from '../packages/core/test/support/tfevents-writer.ts';
import { downloadArtifactFiles } from './support/record-download.ts';

let github: LocalGitHub;
let head: string;
const folders: string[] = [];

beforeAll(async () => {
  github = await startLocalGitHub();
  head = github.api.state.addCommit('octo-org/churn', { branch: 'main', message: 'Train' }).sha;
});
afterEach(() => github.api.assertNoViolations());
afterAll(async () => {
  await github?.close();
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

async function project(files: Record<string, string | Uint8Array>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'train-project-'));
  folders.push(root);
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(root, path, '..'), { recursive: true });
    await writeFile(join(root, path), content);
  }
  return root;
}

/** One train step in a job of its own, or in `job` (its run and RUNNER_TEMP) when given. */
async function train(
  workspace: string,
  inputs: Record<string, string>,
  job?: { runId: number; env: Record<string, string>; runnerTemp: string },
) {
  const { runId, env } = job ?? github.startRun({ headSha: head, headBranch: 'main', event: 'push' });
  const runnerTemp = job?.runnerTemp ?? (await mkdtemp(join(tmpdir(), 'runner-temp-')));
  folders.push(runnerTemp);
  const run = await runAction({
    runnerTemp,
    action: 'train',
    workspace,
    inputs,
    env,
    runId,
    event: pushEvent(github.repository, { sha: head, before: '0'.repeat(40) }),
    token: github.token,
  });
  return { run, runId };
}

describe('train, for each metrics format', () => {
  const formats: [string, Record<string, string | Uint8Array>, string, Record<string, number>][] = [
    [
      'JSON',
      { 'metrics.json': '{"accuracy": 0.91, "eval": {"loss": 0.25}}' },
      'metrics.json',
      { accuracy: 0.91, 'eval.loss': 0.25 },
    ],
    [
      'YAML',
      { 'metrics.yaml': 'accuracy: 0.8\neval:\n  f1: 0.7\n' },
      'metrics.yaml',
      { accuracy: 0.8, 'eval.f1': 0.7 },
    ],
    [
      'TOML',
      { 'metrics.toml': 'accuracy = 0.75\n[eval]\nauc = 0.9\n' },
      'metrics.toml',
      { accuracy: 0.75, 'eval.auc': 0.9 },
    ],
    ['CSV', { 'history.csv': 'step,loss\n0,0.9\n1,0.5\n2,0.4\n' }, 'history.csv', { loss: 0.4 }],
    ['TSV', { 'history.tsv': 'step\tloss\n0\t0.8\n5\t0.3\n' }, 'history.tsv', { loss: 0.3 }],
    [
      'JSON Lines',
      { 'history.jsonl': '{"step": 0, "acc": 0.5}\n{"step": 1, "acc": 0.75}\n' },
      'history.jsonl',
      { acc: 0.75 },
    ],
    [
      'DVCLive',
      {
        'dvclive/metrics.json': '{"acc": 0.66, "step": 1}',
        'dvclive/plots/metrics/train/loss.tsv': 'timestamp\tstep\tloss\n1700000000\t0\t1.5\n1700000001\t1\t1.25\n',
      },
      'dvclive',
      { acc: 0.66, 'train.loss': 1.25 },
    ],
    [
      'MLflow',
      {
        'mlruns/0/meta.yaml': 'name: Default\nexperiment_id: "0"\nlifecycle_stage: active\n',
        'mlruns/0/abc/meta.yaml':
          'run_id: abc\nexperiment_id: "0"\nstatus: 3\nstart_time: 1700000000000\nlifecycle_stage: active\n',
        'mlruns/0/abc/metrics/rmse': '1700000000000 0.5 0\n1700000001000 0.25 1\n',
      },
      'mlruns',
      { rmse: 0.25 },
    ],
    [
      'TensorBoard',
      {
        'runs/events.out.tfevents.1700000000.host': encodeEventFile([
          { step: 0, wallTime: 1700000000, tag: 'loss', value: 2 },
          { step: 1, wallTime: 1700000001, tag: 'loss', value: 0.5 },
        ]),
      },
      'runs/events.out.tfevents.*',
      { loss: 0.5 },
    ],
  ];

  it.each(formats)('%s: records the final values and uploads the record', async (_format, files, metrics, expected) => {
    const workspace = await project(files);
    const { run, runId } = await train(workspace, { metrics, experiment: 'fmt' });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.outputs['metrics'] ?? '')).toEqual(expected);
    const record = parseRunRecord(await readFile(run.outputs['record'] ?? '', 'utf8'), 'record');
    expect(record.provenance.workflowRunId).toBe(runId);
    expect(record.outcome.status).toBe('collected');
    for (const name of Object.keys(expected)) expect(run.summary).toContain(name);
    const files_ = await downloadArtifactFiles(github, Number(run.outputs['artifact-id']), runId);
    expect(Object.keys(files_)).toEqual(['run-record-fmt.json']);
    expect(parseRunRecord(files_['run-record-fmt.json'] ?? '', 'download')).toEqual(record);
  });
});

describe('train, running the command', () => {
  it('records params, data fingerprints and history, with full provenance', async () => {
    const workspace = await project({
      'params.yaml': 'train:\n  lr: 0.01\n  epochs: 3\n',
      'data/train.csv': 'a,b\n1,2\n',
    });
    const { run } = await train(workspace, {
      command: 'printf "step,loss\\n0,1.0\\n1,0.5\\n2,0.25\\n" > history.csv && echo trained',
      metrics: 'history.csv',
      params: 'params.yaml\nseed=42',
      data: 'data/*.csv',
      matrix: '{"seed": 42}',
    });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('trained');
    const record = parseRunRecord(await readFile(run.outputs['record'] ?? '', 'utf8'), 'record');
    // The seed is the replicate, not part of the experiment: a job of seeds is one experiment.
    expect(record.experiment).toBe('train');
    expect(record.replicate).toEqual({ key: 'seed', value: '42' });
    expect(record.params).toEqual({ 'train.lr': 0.01, 'train.epochs': 3, seed: 42 });
    expect(record.metrics['loss']?.history).toEqual({ steps: [0, 1, 2], values: [1, 0.5, 0.25] });
    expect(record.inputs).toEqual([
      { path: 'data/train.csv', size: 8, sha256: '492d5ea496056f1a6a6592241032fab764c321596317930b4fa0e1e8bc3b7470' },
    ]);
    expect(record.outcome).toMatchObject({ status: 'succeeded', exitCode: 0 });
    expect(record.provenance).toMatchObject({ repository: 'octo-org/churn', sha: head, branch: 'main', event: 'push' });
  });

  it('histories too long for a record are thinned to fit it, keeping the final values and extremes', async () => {
    const rows = ['step,loss,accuracy'];
    for (let step = 0; step < 400_000; step++) {
      rows.push(
        `${step},${(1 / (1 + step / 1000) + (step === 123_457 ? 50 : 0)).toFixed(9)},${(step / 400_000).toFixed(9)}`,
      );
    }
    const workspace = await project({ 'history.csv': `${rows.join('\n')}\n` });
    const { run } = await train(workspace, { metrics: 'history.csv' });
    expect(run.exitCode).toBe(0);
    const text = await readFile(run.outputs['record'] ?? '', 'utf8');
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(MAX_RUN_RECORD_BYTES);
    const record = parseRunRecord(text, 'record');
    const loss = record.metrics['loss']?.history;
    expect(loss?.sampledFrom).toBe(400_000);
    expect(loss?.steps.at(-1)).toBe(399_999);
    expect((loss?.values ?? []).reduce((a, b) => Math.max(a, b), -Infinity)).toBeGreaterThan(50);
    expect(record.metrics['accuracy']?.value).toBe(0.9999975);
    const warnings = run.annotations.filter((a) => a.level === 'warning').map((a) => a.message);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(
      /^the history of loss was thinned from 400000 to \d+ points \(first, last and extremes kept\) to keep the run record within 10 MiB$/,
    );
  });

  it('a failing command fails the step but still writes the record with status failed', async () => {
    const workspace = await project({});
    const { run } = await train(workspace, {
      command: `echo '{"accuracy": 0.5}' > metrics.json; exit 3`,
      metrics: 'metrics.json',
    });
    expect(run.exitCode).toBe(1);
    expect(run.annotations[0]?.message).toBe(
      'the training command exited with code 3; the run record was written with status "failed"',
    );
    const record = parseRunRecord(await readFile(run.outputs['record'] ?? '', 'utf8'), 'record');
    expect(record.outcome).toMatchObject({ status: 'failed', exitCode: 3 });
    expect(record.metrics['accuracy']?.value).toBe(0.5);
    expect(run.summary).toContain('failed (exit code 3)');
    expect(run.outputs['artifact-id']).toMatch(/^\d+$/);
  });

  it('a command past timeout-minutes is stopped with its whole process group, and the record says timed-out', async () => {
    const workspace = await project({ 'metrics.json': '{"accuracy": 0.5}' });
    // The grandchild ignores SIGTERM (as `sleep` then does too) and outlives its parent shell.
    const grandchild = `bash -c 'trap "" TERM; echo $$ > grandchild.pid; exec sleep 60'`;
    const started = Date.now();
    const { run } = await train(workspace, {
      command: `${grandchild} & wait`,
      'timeout-minutes': '0.02',
      metrics: 'metrics.json',
    });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(run.exitCode).toBe(1);
    expect(run.annotations.map((annotation) => annotation.message)).toContain(
      'the training command timed out after 0.02 minutes and was stopped; the run record was written with status "timed-out"',
    );
    const record = parseRunRecord(await readFile(run.outputs['record'] ?? '', 'utf8'), 'record');
    expect(record.outcome).toMatchObject({ status: 'timed-out', timeoutMinutes: 0.02 });
    expect(record.outcome.exitCode).toBeUndefined();
    expect(run.summary).toContain('timed out (the command was stopped after 0.02 minutes)');
    expect(run.outputs['artifact-id']).toMatch(/^\d+$/);
    const pid = Number((await readFile(join(workspace, 'grandchild.pid'), 'utf8')).trim());
    expect(pid).toBeGreaterThan(0);
    expect(() => process.kill(pid, 0)).toThrow(expect.objectContaining({ code: 'ESRCH' }));
  });

  it.each(['0', '-1', 'soon', '1e3'])('timeout-minutes %j is refused, naming the input', async (value) => {
    const workspace = await project({});
    const { run } = await train(workspace, { command: 'touch ran', 'timeout-minutes': value, upload: 'false' });
    expect(run.exitCode).toBe(1);
    expect(run.annotations[0]?.message).toBe(
      `input "timeout-minutes" must be a positive number of minutes such as 30 or 0.5, got ${JSON.stringify(value)}`,
    );
  });

  it('a failed command: metrics files it did not rewrite are not reported as its metrics', async () => {
    const workspace = await project({ 'metrics.json': '{"accuracy": 0.99}', 'eval.json': '{"f1": 0.5}' });
    // eval.json is rewritten with the same size, so only its mtime tells.
    const { run } = await train(workspace, {
      command: `printf '{"f1": 0.6}' > eval.json; exit 1`,
      metrics: 'metrics.json\neval.json',
    });
    expect(run.exitCode).toBe(1);
    expect(run.annotations.map((annotation) => annotation.message)).toEqual([
      'the training command exited with code 1; the run record was written with status "failed"',
    ]);
    const record = parseRunRecord(await readFile(run.outputs['record'] ?? '', 'utf8'), 'record');
    expect(record.metrics).toEqual({ f1: { value: 0.6 } });
    expect(record.staleSources).toEqual(['metrics.json']);
    expect(record.sources).toEqual(['eval.json']);
    expect(run.summary).toContain(
      '1 metrics file was not rewritten by the failed command; their values are not reported: `metrics.json`',
    );
    expect(run.summary).not.toContain('accuracy');
  });

  it('a command that succeeds without rewriting a metrics file: its values are read, marked stale and warned about', async () => {
    const workspace = await project({ 'metrics.json': '{"accuracy": 0.99}' });
    const { run } = await train(workspace, {
      command: 'printf "step,loss\\n0,0.5\\n" > history.csv',
      metrics: 'metrics.json\nhistory.csv',
      upload: 'false',
    });
    expect(run.exitCode).toBe(0);
    const record = parseRunRecord(await readFile(run.outputs['record'] ?? '', 'utf8'), 'record');
    expect(record.metrics['accuracy']?.value).toBe(0.99);
    expect(record.metrics['loss']?.value).toBe(0.5);
    expect(record.staleSources).toEqual(['metrics.json']);
    expect(run.annotations).toContainEqual(
      expect.objectContaining({
        level: 'warning',
        file: 'metrics.json',
        message:
          'metrics file metrics.json was not rewritten by the training command (it existed before and is unchanged); its values may be from an earlier run',
      }),
    );
    expect(run.summary).toContain('1 metrics file was not rewritten by the command');
  });

  it("profiles the training data into the record as monitor's reference; a bad data file fails and loses nothing", async () => {
    const rows = Array.from(
      { length: 200 },
      (_, i) => `${20 + (i % 50)},${i % 3 === 0 ? 'Oslo' : 'Rome'},${i % 10 === 0 ? '' : i / 10}`,
    );
    const workspace = await project({
      'data/train.csv': `age,city,income\n${rows.join('\n')}\n`,
      'data/extra.jsonl': '{"age": 99, "city": "Bergen", "income": 1.5}\n',
      'bad/broken.csv': 'age,city\n1\n',
      'metrics.json': '{"accuracy": 0.9}',
    });
    const { run } = await train(workspace, { metrics: 'metrics.json', profile: 'data', upload: 'false' });
    expect(run.exitCode, run.stderr).toBe(0);
    const record = parseRunRecord(await readFile(run.outputs['record'] ?? '', 'utf8'), 'record');
    expect(record.profile).toMatchObject({ version: 1, rows: 201, files: ['data/extra.jsonl', 'data/train.csv'] });
    expect(record.profile!.columns.map((column) => [column.name, column.kind, column.count, column.missing])).toEqual([
      ['age', 'numeric', 201, 0],
      ['city', 'categorical', 201, 0],
      ['income', 'numeric', 181, 20],
    ]);
    expect(run.summary).toContain(
      "Profiled as monitor's reference: 201 rows of data/extra.jsonl, data/train.csv; 2 numeric and 1 categorical columns.",
    );

    const bad = await train(workspace, { metrics: 'metrics.json', profile: 'bad/broken.csv', upload: 'false' });
    expect(bad.run.exitCode).toBe(1);
    expect(bad.run.annotations.find((annotation) => annotation.level === 'error')).toMatchObject({
      file: 'bad/broken.csv',
      line: 2,
    });
    const kept = parseRunRecord(await readFile(bad.run.outputs['record'] ?? '', 'utf8'), 'record');
    expect(kept.metrics['accuracy']?.value).toBe(0.9);
    expect(kept.profile).toBeUndefined();
  });

  it('a malformed metrics file fails with the file and line, and the record and summary are still written', async () => {
    const workspace = await project({ 'history.csv': 'step,loss\n0,0.5\n1\n', 'params.yaml': 'lr: 0.1\n' });
    const { run } = await train(workspace, { metrics: 'history.csv', params: 'params.yaml', upload: 'false' });
    expect(run.exitCode).toBe(1);
    const error = run.annotations.find((annotation) => annotation.level === 'error');
    expect(error?.file).toBe('history.csv');
    expect(error?.line).toBe(3);
    const record = parseRunRecord(await readFile(run.outputs['record'] ?? '', 'utf8'), 'record');
    expect(record.params).toEqual({ lr: 0.1 });
    expect(run.summary).toContain('### ML train');
  });

  it('a glob that matches nothing is an error that names it', async () => {
    const workspace = await project({});
    const { run } = await train(workspace, { metrics: 'out/*.json', upload: 'false' });
    expect(run.exitCode).toBe(1);
    expect(run.annotations[0]?.message).toContain('out/*.json');
  });
});

describe('train, replicates', () => {
  /** The names of the artifacts run `runId` has. */
  const artifactNames = (runId: number) =>
    github.registry
      .list({ workflowRunId: runId, finalized: true })
      .map((artifact) => artifact.name)
      .sort();

  it('a seed in the matrix is the replicate: the experiment, artifact and file are named after both', async () => {
    const workspace = await project({ 'metrics.json': '{"accuracy": 0.9}' });
    const { run, runId } = await train(workspace, { metrics: 'metrics.json', matrix: '{"model": "a", "seed": 2}' });
    expect(run.exitCode).toBe(0);
    const record = parseRunRecord(await readFile(run.outputs['record'] ?? '', 'utf8'), 'record');
    expect(record.experiment).toBe('train-a');
    expect(record.replicate).toEqual({ key: 'seed', value: '2' });
    expect(run.outputs['record']).toMatch(/run-record-train-a-seed-2\.json$/);
    expect(artifactNames(runId)).toEqual(['ml-run-train-a-seed-2']);
    const files = await downloadArtifactFiles(github, Number(run.outputs['artifact-id']), runId);
    expect(Object.keys(files)).toEqual(['run-record-train-a-seed-2.json']);
    expect(run.summary).toContain('### ML train: train-a (seed 2)');
  });

  it('a matrix without the replicate key names the experiment as before, and has no replicate', async () => {
    const workspace = await project({ 'metrics.json': '{"accuracy": 0.9}' });
    const { run, runId } = await train(workspace, { metrics: 'metrics.json', matrix: '{"os": "linux"}' });
    const record = parseRunRecord(await readFile(run.outputs['record'] ?? '', 'utf8'), 'record');
    expect(record.experiment).toBe('train-linux');
    expect(record.replicate).toBeUndefined();
    expect(artifactNames(runId)).toEqual(['ml-run-train-linux']);
  });

  it('replicate-key names another matrix key; an empty one makes every value part of the experiment', async () => {
    const workspace = await project({ 'metrics.json': '{"accuracy": 0.9}' });
    const matrix = '{"seed": 1, "fold": 3}';
    const fold = await train(workspace, { metrics: 'metrics.json', matrix, 'replicate-key': 'fold', upload: 'false' });
    const byFold = parseRunRecord(await readFile(fold.run.outputs['record'] ?? '', 'utf8'), 'record');
    expect([byFold.experiment, byFold.replicate]).toEqual(['train-1', { key: 'fold', value: '3' }]);
    const none = await train(workspace, { metrics: 'metrics.json', matrix, 'replicate-key': '', upload: 'false' });
    const whole = parseRunRecord(await readFile(none.run.outputs['record'] ?? '', 'utf8'), 'record');
    expect([whole.experiment, whole.replicate]).toEqual(['train-1-3', undefined]);
  });

  it('hostile matrix values stay data in the record; the artifact and file made from them are safe', async () => {
    const workspace = await project({ 'metrics.json': '{"accuracy": 0.9}' });
    const value = `../"it's"/\u0000\u001b[31m 🧪👩‍🔬 ${'x'.repeat(300)}`;
    const { run, runId } = await train(workspace, {
      metrics: 'metrics.json',
      matrix: JSON.stringify({ model: 'モデル/\n', seed: value }),
    });
    expect(run.exitCode).toBe(0);
    const record = parseRunRecord(await readFile(run.outputs['record'] ?? '', 'utf8'), 'record');
    expect(record.experiment).toBe('train-モデル/\n');
    expect(record.replicate).toEqual({ key: 'seed', value });
    const [name] = artifactNames(runId);
    expect(name?.startsWith('ml-run-train-モデル_')).toBe(true);
    expect(name?.length).toBeLessThanOrEqual(200);
    expect(name).not.toMatch(/["':<>|*?\\/\p{Cc}\p{Cs}]/u);
    const files = await downloadArtifactFiles(github, Number(run.outputs['artifact-id']), runId);
    const [file] = Object.keys(files);
    expect(file).toMatch(/^run-record-[A-Za-z0-9._-]+\.json$/);
    expect(parseRunRecord(files[file ?? ''] ?? '', 'download')).toEqual(record);
  });

  it('two steps of one job recording the same experiment and replicate: the second fails, and loses nothing', async () => {
    const workspace = await project({ 'metrics.json': '{"accuracy": 0.9}' });
    const { runId, env } = github.startRun({ headSha: head, headBranch: 'main', event: 'push' });
    const runnerTemp = await mkdtemp(join(tmpdir(), 'runner-temp-'));
    const job = { runId, env, runnerTemp };
    const inputs = { metrics: 'metrics.json', matrix: '{"seed": 1}' };
    const first = await train(workspace, inputs, job);
    expect(first.run.exitCode).toBe(0);
    const other = await train(workspace, { ...inputs, experiment: 'other' }, job);
    expect(other.run.exitCode).toBe(0);
    const second = await train(workspace, inputs, job);
    expect(second.run.exitCode).toBe(1);
    const errors = second.run.annotations.filter((a) => a.level === 'error').map((a) => a.message);
    expect(errors).toEqual([
      `an earlier train step of this job already recorded experiment "train" with seed "1", so the two runs could not be told apart: set input "experiment" of one of the steps to a name of its own. This run's record was written to ${second.run.outputs['record']}`,
    ]);
    const kept = second.run.outputs['record'] ?? '';
    expect(kept).toMatch(/\/duplicates\/run-record-train-seed-1-[^/]+\.json$/);
    const duplicate = parseRunRecord(await readFile(kept, 'utf8'), 'duplicate');
    expect(duplicate.runId).toBe(second.run.outputs['run-id']);
    expect(duplicate.runId).not.toBe(first.run.outputs['run-id']);
    // The first record is still the job's; the duplicate was not uploaded over the first's artifact.
    const firstRecord = parseRunRecord(await readFile(first.run.outputs['record'] ?? '', 'utf8'), 'first');
    expect(firstRecord.runId).toBe(first.run.outputs['run-id']);
    expect(second.run.outputs['artifact-id']).toBe('');
    expect(artifactNames(runId)).toEqual(['ml-run-other-seed-1', 'ml-run-train-seed-1']);
    expect(second.run.summary).toContain('### ML train: train (seed 1)');
  });
});
