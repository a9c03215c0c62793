/**
 * Paths that try to leave the workspace: symlinks pointing out, `..`, absolute paths, a working
 * directory above the workspace, and downloaded artifacts whose zip entries would climb out of a
 * download folder if they were unpacked (zip-slip). Package paths are covered by test/package.test.ts.
 */
import { mkdir, readdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { COMPARE_BUNDLE_FILE, serializeRunRecord } from '@ml-actions/core';
import { runAction, startJob, workflowRunEvent, type ActionRun, writeTestZip } from '@ml-actions/testkit';
import { FAST_RETRIES, Lab, REPO } from './support/lab.ts';
import { expectCleanFailure } from './support/log-checks.ts';
import { plantArtifact } from './support/planted-artifact.ts';
import { parseRunRecord } from '@ml-actions/core';
import { readFile } from 'node:fs/promises';

/** What lies outside the workspace; none of it may show up anywhere. */
const SECRET = 'S3CRET-outside-the-workspace';

let lab: Lab;
let root: string;
let workspace: string;
let outside: string;

beforeAll(async () => {
  lab = await Lab.start();
  root = await lab.folder('paths-');
  workspace = join(root, 'repo');
  outside = join(root, 'outside');
  await mkdir(join(workspace, 'runs'), { recursive: true });
  await mkdir(join(workspace, 'dvclive', 'plots', 'metrics'), { recursive: true });
  await mkdir(outside, { recursive: true });
  await writeFile(join(outside, 'secret.json'), JSON.stringify({ [SECRET]: 1 }));
  await writeFile(join(outside, 'secret.tsv'), `step\t${SECRET}\n0\t1\n`);
  await writeFile(join(outside, 'secret.rules'), `${SECRET} >= 1 ::\n`);
  await writeFile(join(workspace, 'inside.json'), '{"accuracy": 0.9}');
  await writeFile(join(workspace, 'runs', 'a.json'), '{"accuracy": 0.8}');
  await writeFile(join(workspace, 'dvclive', 'metrics.json'), '{"acc": 0.7}');
  await symlink(join(outside, 'secret.json'), join(workspace, 'link.json'));
  await symlink(outside, join(workspace, 'linkdir'));
  await symlink(join(outside, 'secret.json'), join(workspace, 'runs', 'b.json'));
  await symlink(join(outside, 'secret.tsv'), join(workspace, 'dvclive', 'plots', 'metrics', 'loss.tsv'));
  await symlink(join(outside, 'secret.rules'), join(workspace, 'link.rules'));
  await symlink('inside.json', join(workspace, 'alias.json'));
});
afterEach(() => lab.github.api.assertNoViolations());
afterAll(async () => {
  await lab?.close();
});

async function trainHere(inputs: Record<string, string>): Promise<ActionRun> {
  return runAction({
    action: 'train',
    workspace,
    inputs: { upload: 'false', ...inputs },
    runnerTemp: await lab.folder('paths-temp-'),
  });
}

/** Nothing from outside the workspace reached any output of the step. */
function expectNothingLeaked(run: ActionRun): void {
  expect(run.log).not.toContain(SECRET);
  expect(run.summary).not.toContain(SECRET);
  expect(JSON.stringify(run.outputs)).not.toContain(SECRET);
}

describe('train refuses metrics, params and data outside the workspace', () => {
  const cases: [string, Record<string, string>, string][] = [
    [
      'a symlink to a file outside',
      { metrics: 'link.json' },
      'metrics path "link.json" is or goes through a symlink that leads outside the workspace; refusing to read it',
    ],
    [
      'a path through a symlinked folder outside',
      { metrics: 'linkdir/secret.json' },
      'metrics path "linkdir/secret.json" is or goes through a symlink that leads outside the workspace; refusing to read it',
    ],
    [
      'a glob whose matches include a symlink outside',
      { metrics: 'runs/*.json' },
      'metrics path "runs/b.json" is or goes through a symlink that leads outside the workspace; refusing to read it',
    ],
    [
      'a metrics folder holding a symlink outside',
      { metrics: 'dvclive' },
      'dvclive/plots/metrics/loss.tsv is a symlink that leads outside the workspace; refusing to read it',
    ],
    [
      '`..` out of the workspace',
      { metrics: '../outside/secret.json' },
      'metrics path "../outside/secret.json" is outside the workspace; only files inside the repository can be read',
    ],
    [
      'a glob starting outside',
      { metrics: '../outside/*.json' },
      'metrics path pattern "../outside/*.json" is outside the workspace; only files inside the repository can be read',
    ],
    [
      'an absolute path outside',
      { metrics: '/etc/hostname' },
      'metrics path "/etc/hostname" is outside the workspace; only files inside the repository can be read',
    ],
    [
      'a working directory above the workspace',
      { 'working-directory': '..', metrics: 'outside/secret.json' },
      'metrics path "outside/secret.json" is outside the workspace; only files inside the repository can be read',
    ],
    [
      'params through a symlink outside',
      { params: 'link.json' },
      'params path "link.json" is or goes through a symlink that leads outside the workspace; refusing to read it',
    ],
    [
      'data through a symlink outside',
      { data: 'link.json' },
      'data path "link.json" is or goes through a symlink that leads outside the workspace; refusing to read it',
    ],
  ];

  it.each(cases)('%s', async (_name, inputs, message) => {
    const run = await trainHere(inputs);
    expectCleanFailure(run);
    expect(run.annotations.find((a) => a.level === 'error')?.message).toBe(message);
    expectNothingLeaked(run);
  });

  it('an absolute path inside the workspace and a symlink that stays inside are read', async () => {
    const run = await trainHere({ metrics: `${join(workspace, 'inside.json')}\nalias.json` });
    expect(run.exitCode).toBe(0);
    const record = parseRunRecord(await readFile(run.outputs['record'] ?? '', 'utf8'), 'record');
    expect(record.metrics['accuracy']?.value).toBe(0.9);
    expect(record.sources).toEqual(['inside.json']);
  });
});

describe('gate refuses a rules file outside the workspace', () => {
  let record: string;
  beforeAll(async () => {
    const run = await trainHere({ metrics: 'inside.json' });
    record = run.outputs['record'] ?? '';
  });

  it.each([
    [
      'a symlink to a file outside (its lines would be quoted in a syntax error)',
      'link.rules',
      'input "rules-file": "link.rules" is or goes through a symlink that leads outside the workspace; refusing to read it',
    ],
    [
      '`..` out of the workspace',
      '../outside/secret.rules',
      'input "rules-file": "../outside/secret.rules" is outside the workspace; only files inside the repository can be read',
    ],
  ])('%s', async (_name, rulesFile, message) => {
    const run = await runAction({
      action: 'gate',
      workspace,
      inputs: { 'rules-file': rulesFile, run: record, baseline: 'none', 'check-name': '' },
    });
    expectCleanFailure(run);
    expect(run.annotations.find((a) => a.level === 'error')?.message).toBe(message);
    expectNothingLeaked(run);
  });
});

/** Every file name under `folder`, recursively. */
async function namesUnder(folder: string): Promise<string[]> {
  return (await readdir(folder, { recursive: true })).map(String).sort();
}

/** Entries that climb out of a download folder made in `sandbox/a/b`, or name a path in the sandbox. */
function slipEntries(sandbox: string): Record<string, string> {
  return {
    '../evil-up.txt': 'escaped one level',
    '../../evil-up2.txt': 'escaped two levels',
    '../../../evil-up3.txt': 'escaped to the sandbox',
    [join(sandbox, 'evil-absolute.txt')]: 'absolute',
    '..\\..\\evil-windows.txt': 'windows separators',
    'nested/../../../evil-mixed.txt': 'climbs out after going down',
  };
}

describe('downloaded artifacts with zip-slip entries', () => {
  it('a baseline artifact: nothing is written outside and the record in it is used', async () => {
    const jobWorkspace = await lab.workspace({ 'metrics.json': '{"accuracy": 0.9, "loss": 0.5}' });
    // A main run whose record artifact was uploaded by a hostile workflow.
    const base = await lab.pushJob(jobWorkspace);
    const train = await base.step('train', { metrics: 'metrics.json', upload: 'false' });
    const baseRecord = await readFile(train.outputs['record'] ?? '', 'utf8');
    await base.finish();
    const sandbox = await lab.folder('zip-slip-');
    const temp = join(sandbox, 'a', 'b');
    await mkdir(temp, { recursive: true });
    await plantArtifact(lab.github, {
      runId: base.runId,
      name: 'ml-run-train',
      zip: writeTestZip({
        ...slipEntries(sandbox),
        'run-record.json': serializeRunRecord(parseRunRecord(baseRecord, 'base')),
      }),
    });

    await writeFile(join(jobWorkspace, 'metrics.json'), '{"accuracy": 0.9, "loss": 0.6}');
    const { job } = await lab.pullJob(jobWorkspace);
    expect((await job.step('train', { metrics: 'metrics.json' })).exitCode).toBe(0);
    const gate = await job.step('gate', { rules: 'loss <= baseline * 1.05', 'check-name': '' }, { TMPDIR: temp });
    expect(gate.outputs['baseline-sha']).toBe(base.sha);
    expect(JSON.parse(gate.outputs['results'] ?? '[]')).toEqual([
      expect.objectContaining({ verdict: 'fail', baseline: 0.5 }),
    ]);
    // Nothing escaped: nothing was written in or around the temporary folder.
    expect(await namesUnder(sandbox)).toEqual(['a', 'a/b']);
    await job.finish();
  });

  it('a collected comparison of a fork: publish contains the entries and refuses what is not a bundle', async () => {
    const jobWorkspace = await lab.workspace({ 'metrics.json': '{"accuracy": 0.9}' });
    const readOnly = 'ghs_pathsForkToken000000000000000000000';
    lab.github.api.tokens.add(readOnly, { login: 'github-actions[bot]', installation: true, readOnly: true });
    const { number, headSha, headRef, job } = await lab.pullJob(jobWorkspace, { fork: true, token: readOnly });
    await job.finish();
    const sandbox = await lab.folder('zip-slip-publish-');
    const temp = join(sandbox, 'a', 'b');
    await mkdir(temp, { recursive: true });
    // The fork's workflow uploads its own zip instead of running collect.
    await plantArtifact(lab.github, {
      runId: job.runId,
      name: 'ml-compare-train',
      zip: writeTestZip({ ...slipEntries(sandbox), [`../../${COMPARE_BUNDLE_FILE}`]: '{"schema": "not ours"}' }),
    });
    const publisher = await startJob(lab.github, {
      event: workflowRunEvent(lab.github.repository, { runId: job.runId, headSha, headBranch: headRef }),
      headSha: lab.mainSha,
      headBranch: 'main',
      workspace: jobWorkspace,
      job: 'publish',
    });
    const publish = await publisher.step('compare', { mode: 'publish' }, { ...FAST_RETRIES, TMPDIR: temp });
    expectCleanFailure(publish);
    // Nothing is unpacked, and `../../compare-bundle.json` is not the top-level file publish reads.
    expect(publish.annotations.find((a) => a.level === 'error')?.message).toBe(
      `artifact "ml-compare-train" of workflow run ${job.runId} holds no ${COMPARE_BUNDLE_FILE}`,
    );
    expect(await namesUnder(sandbox)).toEqual(['a', 'a/b']);
    expect(lab.github.api.state.comments(REPO, number)).toEqual([]);
    await publisher.finish();
  });
});
