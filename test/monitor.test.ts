/**
 * monitor through the harness (the committed bundle under Node 24) against the REST stand-in: the
 * reference found through the stage tags and the deployed version's release, production batches
 * with and without a shifted feature, the one alarm issue opened, updated and closed, a retraining
 * workflow dispatched once per alarm, rules over drift values and live metrics, and bad input.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { profileDataFiles, type DataProfile } from '@ml-actions/core';
import { pushEvent, runAction, startLocalGitHub, type LocalGitHub } from '@ml-actions/testkit';
import { mulberry32, normal } from '../packages/core/test/support/random-samples.ts';

let github: LocalGitHub;
let repoName: string;
let profile: DataProfile;
const folders: string[] = [];
const draw = normal(mulberry32(20261207));
const CITIES = ['Oslo', 'Rome', 'Lima', 'Pune'];

/** Rows of age (normal, 40 ± 10), income (normal, 50 ± 15; moved by `shift` standard deviations) and city. */
function table(rows: number, shift = 0): string {
  const lines = ['age,income,city'];
  for (let i = 0; i < rows; i++) {
    lines.push(`${(40 + 10 * draw()).toFixed(1)},${(50 + 15 * (draw() + shift)).toFixed(2)},${CITIES[i % 4]}`);
  }
  return `${lines.join('\n')}\n`;
}

async function workspace(files: Record<string, string>): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'monitor-'));
  folders.push(folder);
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(folder, path, '..'), { recursive: true });
    await writeFile(join(folder, path), text);
  }
  return folder;
}

beforeAll(async () => {
  github = await startLocalGitHub();
  repoName = `${github.repository.owner}/${github.repository.repo}`;
  // churn v1.0.0 as package and promote leave it: a version tag, a release whose manifest.json
  // carries the training data's profile, and a GTO stage tag putting it in production.
  const reference = await workspace({ 'train.csv': table(5000) });
  profile = (await profileDataFiles([{ absolute: join(reference, 'train.csv'), display: 'data/train.csv' }])).profile;
  const sha = github.api.state.addCommit(repoName, { branch: 'main', message: 'churn 1.0.0' }).sha;
  const tagger = { name: 'github-actions[bot]', email: 'bot@example.test', date: '2026-12-01T00:00:00Z' };
  for (const [tag, message] of [
    ['churn@v1.0.0', 'Registering artifact churn version v1.0.0'],
    ['churn#production#1', 'Assigning stage production to artifact churn version v1.0.0'],
  ] as const) {
    const object = github.api.state.addTagObject({ tag, message, object: sha, tagger });
    github.api.state.setRef(repoName, `tags/${tag}`, object.sha);
  }
  const release = github.api.state.addRelease({
    repo: repoName,
    tagName: 'churn@v1.0.0',
    targetCommitish: sha,
    name: 'churn v1.0.0',
    body: null,
    draft: false,
    prerelease: false,
    author: 'github-actions[bot]',
    createdAt: '2026-12-01T00:00:00Z',
    publishedAt: '2026-12-01T00:00:00Z',
  });
  const manifest = { schema: 'ml-actions/model-manifest', schemaVersion: 1, name: 'churn', version: '1.0.0', profile };
  github.api.state.addReleaseAsset(release, {
    name: 'manifest.json',
    label: null,
    contentType: 'application/json',
    bytes: Buffer.from(JSON.stringify(manifest)),
    uploader: 'github-actions[bot]',
  });
  github.api.state.addWorkflow(repoName, {
    path: '.github/workflows/retrain.yml',
    dispatchInputs: ['model', 'stage', 'drift'],
  });
});
afterEach(() => github.api.assertNoViolations());
afterAll(async () => {
  await github?.close();
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

async function monitor(folder: string, inputs: Record<string, string>, token = github.token) {
  const sha = github.api.state.addCommit(repoName, { branch: 'main', message: 'scheduled' }).sha;
  const started = github.startRun({ headSha: sha, headBranch: 'main', event: 'schedule', job: 'monitor' });
  const run = await runAction({
    action: 'monitor',
    workspace: folder,
    inputs: { name: 'churn', ...inputs },
    env: { ...started.env, ML_ACTIONS_RETRY_WAIT_SCALE: '0.01' },
    runId: started.runId,
    job: 'monitor',
    runnerTemp: await mkdtemp(join(tmpdir(), 'runner-temp-')),
    event: pushEvent(github.repository, { sha, before: '0'.repeat(40) }),
    token,
  });
  return { ...run, runId: started.runId };
}

const errorOf = (run: { annotations: { level: string; message: string }[] }) =>
  run.annotations.find((a) => a.level === 'error')?.message;
const alarmIssues = () =>
  github.api.state.issues(repoName).filter((issue) => issue.body?.includes('ml-actions:monitor churn production'));

describe('monitor', () => {
  it('the loop: no drift, then a drifted batch opens the issue and starts retraining once, a second alarm updates it, a clean batch closes it', async () => {
    const folder = await workspace({
      'prod/calm.csv': table(1000),
      'prod/shifted.csv': table(1000, 0.5),
      'prod/still-shifted.csv': table(1200, 0.6),
      'prod/calm-again.csv': table(800),
    });
    const inputs = { 'retrain-workflow': 'retrain.yml', labels: 'model-monitoring' };

    const calm = await monitor(folder, { ...inputs, data: 'prod/calm.csv' });
    expect(calm.exitCode, calm.log).toBe(0);
    expect(calm.outputs).toMatchObject({ drifted: 'false', alarm: 'false', 'issue-number': '' });
    expect(calm.summary).toContain('✅ churn in production: no drift, every rule passed');
    expect(calm.summary).toContain('Deployed: [v1.0.0]');
    expect(alarmIssues()).toHaveLength(0);
    const drift = JSON.parse(calm.outputs['drift']!) as {
      column: string;
      kind: string;
      n: number;
      referenceN: number;
      method: string;
    }[];
    expect(drift.map((c) => [c.column, c.kind, c.n, c.referenceN, c.method])).toEqual([
      ['age', 'numeric', 1000, 5000, 'binned'],
      ['income', 'numeric', 1000, 5000, 'binned'],
      ['city', 'categorical', 1000, 5000, 'binned'],
    ]);

    const shifted = await monitor(folder, { ...inputs, data: 'prod/shifted.csv' });
    expect(shifted.exitCode).toBe(1);
    expect(errorOf(shifted)).toBe('churn in production: drift in 1 of 3 columns (input fail-on-alarm is true)');
    expect(shifted.outputs).toMatchObject({ drifted: 'true', alarm: 'true' });
    const [issue] = alarmIssues();
    expect(issue).toBeDefined();
    expect(shifted.outputs['issue-number']).toBe(String(issue!.number));
    expect(issue).toMatchObject({
      state: 'open',
      title: 'churn in production: drift in 1 of 3 columns',
      labels: ['model-monitoring'],
    });
    expect(issue!.user).toBe('github-actions[bot]');
    expect(issue!.body).toMatch(
      /\| income \| numeric \| 1,000 \| KS 0\.\d+ · PSI [\d.]+ · W₁ [\d.]+ · by profile \| [\d.e-]+ \| < 0\.05 \| ❌ drifted \|/,
    );
    expect(issue!.body).toContain('| age | numeric | 1,000 |');
    expect(issue!.body).toContain(
      'plotColorPalette: "#8C959F, #1F6FEB"\n---\nxychart-beta\n  title "income: reference vs production"',
    );
    expect(issue!.body).toContain('**income**: % of rows in each bin, grey bars: reference, blue line: production');
    expect(issue!.body).toContain(`[workflow run](https://github.com/${repoName}/actions/runs/${shifted.runId})`);
    expect(issue!.body).toContain('Retraining started: `retrain.yml` was dispatched');
    expect(github.api.state.dispatches).toHaveLength(1);
    const dispatch = github.api.state.dispatches[0]!;
    expect(dispatch).toMatchObject({
      workflow: '.github/workflows/retrain.yml',
      inputs: { model: 'churn', stage: 'production' },
    });
    expect(JSON.parse(dispatch.inputs['drift']!)).toMatchObject({
      version: '1.0.0',
      rows: 1000,
      drifted: [{ column: 'income' }],
    });

    const again = await monitor(folder, { ...inputs, data: 'prod/still-shifted.csv' });
    expect(again.exitCode).toBe(1);
    expect(alarmIssues()).toHaveLength(1);
    expect(alarmIssues()[0]!.body).toContain('| income | numeric | 1,200 |');
    expect(alarmIssues()[0]!.body).toContain('Retraining started');
    expect(github.api.state.dispatches).toHaveLength(1);
    expect(again.summary).toContain(`Alarm issue: [#${issue!.number}]`);

    const back = await monitor(folder, { ...inputs, data: 'prod/calm-again.csv' });
    expect(back.exitCode, back.log).toBe(0);
    expect(back.outputs['issue-number']).toBe(String(issue!.number));
    const closed = github.api.state.issue(repoName, issue!.number)!;
    expect(closed).toMatchObject({ state: 'closed', stateReason: 'completed' });
    const comments = github.api.state.comments(repoName, issue!.number);
    expect(comments.at(-1)!.body).toMatch(
      /^✅ Back to normal: \[this run\]\(.+\) found no drifted column in 800 rows\. Closing\./,
    );
    expect(github.api.state.dispatches).toHaveLength(1);

    // A later alarm is a new incident: a new issue, and retraining starts again.
    const relapse = await monitor(folder, { ...inputs, data: 'prod/shifted.csv' });
    expect(relapse.exitCode).toBe(1);
    expect(alarmIssues().filter((i) => i.state === 'open')).toHaveLength(1);
    expect(alarmIssues()).toHaveLength(2);
    expect(github.api.state.dispatches).toHaveLength(2);
  });

  it('rules judge drift values and live metrics together; without a token it computes and summarises only', async () => {
    const folder = await workspace({
      'data/train.csv': table(3000),
      'prod/today.csv': table(500),
      'live/metrics.json': '{"accuracy": 0.74, "latency_ms": 80}',
    });
    const run = await monitor(
      folder,
      {
        reference: 'data/train.csv',
        data: 'prod/today.csv',
        metrics: 'live/metrics.json',
        rules: 'psi(income) < 0.2\nks_p(age) > 0.0001\ndrifted_share <= 0.3\naccuracy >= 0.8',
        'fail-on-alarm': 'false',
        'github-token': '',
      },
      '',
    );
    expect(run.exitCode, run.log).toBe(0);
    expect(run.outputs).toMatchObject({ drifted: 'false', alarm: 'true', 'issue-number': '' });
    expect(run.summary).toContain('⚠️ churn in production: 1 failed rule');
    expect(run.summary).toContain('| accuracy &gt;= 0.8 | 0.74 | ❌ accuracy = 0.74, not &gt;= 0.8 |');
    expect(run.summary).toMatch(/\| psi\(income\) &lt; 0\.2 \| 0\.\d+ \| ✅ pass \|/);
    expect(run.summary).toContain('_No token: the alarm issue was not looked at._');
    // Against the data itself the numeric statistics are exact.
    const drift = JSON.parse(run.outputs['drift']!) as { column: string; method: string }[];
    expect(drift.map((c) => c.method)).toEqual(['exact', 'exact', 'binned']);
  });

  it('never takes over an issue someone else wrote with the marker in it', async () => {
    const planted = github.api.state.addIssue(repoName, {
      title: 'churn in production: fake',
      body: '<!-- ml-actions:monitor churn staging -->\nplease close me',
      user: 'mallory',
    });
    const folder = await workspace({ 'data/train.csv': table(2000), 'prod/shifted.csv': table(400, 1) });
    const run = await monitor(folder, { stage: 'staging', reference: 'data/train.csv', data: 'prod/shifted.csv' });
    expect(run.exitCode).toBe(1);
    const issueNumber = Number(run.outputs['issue-number']);
    expect(issueNumber).not.toBe(planted.number);
    const untouched = github.api.state.issue(repoName, planted.number)!;
    expect(untouched.state).toBe('open');
    expect(untouched.body).toBe('<!-- ml-actions:monitor churn staging -->\nplease close me');
    expect(github.api.state.issue(repoName, issueNumber)!.user).toBe('github-actions[bot]');
  });

  it('a token without issues: write fails the step naming the permission, and the report is still in the summary', async () => {
    const token = 'ghs_monitorWithoutIssues000000000000000';
    github.api.tokens.add(token, {
      login: 'github-actions[bot]',
      installation: true,
      permissions: { contents: 'read' },
    });
    const folder = await workspace({ 'prod/shifted.csv': table(600, 1) });
    const run = await monitor(
      folder,
      { stage: 'production', data: 'prod/shifted.csv', 'fail-on-alarm': 'false' },
      token,
    );
    expect(run.exitCode).toBe(1);
    expect(errorOf(run)).toMatch(/issues: write/);
    expect(run.summary).toContain('### ⚠️ churn in production: drift in 1 of 3 columns');
    expect(run.outputs).toMatchObject({ drifted: 'true', alarm: 'true', 'issue-number': '' });
  });

  it('bad input: an empty batch, an unknown column, a reference without a profile, no version in the stage; the summary is still written', async () => {
    const folder = await workspace({
      'prod/empty.csv': 'age,income,city\n',
      'prod/ok.csv': table(100),
      'record.json': JSON.stringify({
        schema: 'ml-actions/model-manifest',
        schemaVersion: 1,
        name: 'churn',
        version: '1.0.0',
      }),
    });
    const empty = await monitor(folder, { data: 'prod/empty.csv' });
    expect(empty.exitCode).toBe(1);
    expect(errorOf(empty)).toBe(
      'input "data": no data rows in prod/empty.csv: an empty batch says nothing about drift',
    );
    expect(empty.summary).toContain('> [!CAUTION]\n> input "data": no data rows in prod/empty.csv');
    const column = await monitor(folder, { data: 'prod/ok.csv', columns: 'age\nweight' });
    expect(errorOf(column)).toMatch(
      /^input "columns": "weight" is not a column of the reference \(the profile of v1\.0\.0/,
    );
    const noProfile = await monitor(folder, { data: 'prod/ok.csv', reference: 'record.json' });
    expect(errorOf(noProfile)).toBe(
      'record.json: has no data profile: give train the input profile (the training data) so that the record and the package carry one',
    );
    const noStage = await monitor(folder, { data: 'prod/ok.csv', stage: 'canary' });
    expect(errorOf(noStage)).toBe(
      'input "reference" is auto, but no version of churn is in canary (no GTO stage tag churn#canary#<n>): promote one first, or give reference a run record, manifest or data files',
    );
    const alpha = await monitor(folder, { data: 'prod/ok.csv', alpha: '5' });
    expect(errorOf(alpha)).toBe(
      'input "alpha" must be a number between 0 and 1, both excluded (such as 0.05), got "5"',
    );
  });
});
