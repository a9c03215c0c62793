/**
 * compare's publish stage runs with a write token for a fork's pull request: the bundle it downloads
 * is only the fork's claim about its own runs. What decides the check (rules, baseline, names,
 * links) is the trusted stage's own, and what it writes cannot contradict gate or a deleted comment.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { compareMarker, parseRunRecord, serializeRunRecord } from '@ml-actions/core';
import { writeTestZip } from '@ml-actions/testkit';
import { Lab, REPO } from './support/lab.ts';
import { plantArtifact } from './support/planted-artifact.ts';

const READ_ONLY = 'ghs_trustedStageReadOnly0000000000000000';
const COMMENT = '/repos/{owner}/{repo}/issues/comments/{comment_id}';
/** The triggering run's workflow name in the stand-in's workflow_run event. */
const WORKFLOW = 'ml';

let lab: Lab;
let workspace: string;
let baselineSha: string;

beforeAll(async () => {
  lab = await Lab.start();
  lab.github.api.tokens.add(READ_ONLY, { login: 'github-actions[bot]', installation: true, readOnly: true });
  workspace = await lab.workspace();
  baselineSha = await lab.trainOnMain(workspace, { accuracy: 0.9, loss: 0.5 });
});
afterEach(() => lab.github.api.assertNoViolations());
afterAll(async () => {
  await lab?.close();
});

/** The trusted workflow_run stage for the fork's finished run. */
async function publish(trigger: { runId: number; headSha: string; headRef: string }, inputs: Record<string, string>) {
  const publisher = await lab.publishJob(trigger, workspace);
  const run = await publisher.step('compare', { mode: 'publish', ...inputs });
  // The report files live in the job's temporary folder, which finishing removes.
  const read = (output: string) => readFile(run.outputs[output] ?? '', 'utf8').catch(() => '');
  const report = { markdown: await read('report'), json: await read('report-json') };
  await publisher.finish();
  return { ...run, report };
}

const ourComments = (number: number) =>
  lab.github.api.state.comments(REPO, number).filter((c) => c.body.includes('<!-- ml-actions:compare:'));

describe('the bundle is only the fork’s claims about its own runs', () => {
  it('a bundle of the old version, which carried rules and a baseline, is refused with a clear error', async () => {
    const { number, headSha, headRef, job, record } = await lab.forkPull(
      workspace,
      { accuracy: 0.5, loss: 0.9 },
      READ_ONLY,
    );
    const recordText = await readFile(record, 'utf8');
    await job.finish();
    const old = JSON.stringify({
      schema: 'ml-actions/compare-bundle',
      version: 1,
      repository: REPO,
      pullRequest: number,
      headSha,
      key: 'train',
      runs: [recordText],
      baseline: null,
      rules: 'accuracy >= 0',
      options: { precision: 4, charts: false, onlyChanged: false },
    });
    await plantArtifact(lab.github, {
      runId: job.runId,
      name: 'ml-compare-train',
      zip: writeTestZip({ 'compare-bundle.json': old }),
    });
    const run = await publish({ runId: job.runId, headSha, headRef }, { rules: 'accuracy >= 0.9' });
    expect(run.exitCode).toBe(1);
    expect(run.annotations.find((a) => a.level === 'error')?.message).toBe(
      `artifact "ml-compare-train" of workflow run ${job.runId}: refusing the comparison bundle: $.version is 1, written by an older compare, ` +
        'which put rules and a baseline in it; collect and publish must use the same version of compare',
    );
    expect(ourComments(number)).toEqual([]);
    expect(lab.checkRuns(headSha)).toEqual([]);
  });

  it('the check is decided by the publish step’s rules, not by the rules the fork collected with', async () => {
    const { number, headSha, headRef, job } = await lab.forkPull(workspace, { accuracy: 0.5, loss: 0.9 }, READ_ONLY);
    expect((await job.step('compare', { mode: 'collect', rules: 'accuracy >= 0' })).exitCode).toBe(0);
    await job.finish();
    const run = await publish({ runId: job.runId, headSha, headRef }, { rules: 'accuracy >= 0.8' });
    expect(run.exitCode).toBe(0);
    expect(lab.checkRuns(headSha)).toEqual([
      expect.objectContaining({ name: 'ML quality gate', conclusion: 'failure' }),
    ]);
    expect(ourComments(number)).toHaveLength(1);
    expect(ourComments(number)[0]?.body).toContain('❌ **Failing gate**: 1 of 1 rule failed');
  });

  it('with no rules on the publish step, the comparison is posted and no check is created, and it says so', async () => {
    const { number, headSha, headRef, job } = await lab.forkPull(workspace, { accuracy: 0.92, loss: 0.5 }, READ_ONLY);
    expect((await job.step('compare', { mode: 'collect', rules: 'accuracy >= 0' })).exitCode).toBe(0);
    await job.finish();
    const run = await publish({ runId: job.runId, headSha, headRef }, {});
    expect(run.exitCode).toBe(0);
    expect(ourComments(number)).toHaveLength(1);
    expect(lab.checkRuns(headSha)).toEqual([]);
    const said = 'no rules on the publish step (inputs "rules" and "rules-file"): no check run was created';
    expect(run.annotations.map((a) => a.message)).toContain(said);
    expect(run.summary).toContain(said);
  });
});

describe('the baseline comes from the base branch, looked up by publish', () => {
  it('a forged baseline given to collect is not what publish compares with', async () => {
    const { headSha, headRef, job, record } = await lab.forkPull(workspace, { accuracy: 0.92, loss: 0.5 }, READ_ONLY);
    const forged = parseRunRecord(await readFile(record, 'utf8'), 'record');
    forged.provenance.sha = 'd'.repeat(40);
    forged.metrics['accuracy'] = { ...forged.metrics['accuracy']!, value: 0.01 };
    await writeFile(join(workspace, 'forged-baseline.json'), serializeRunRecord(forged));
    const collect = await job.step('compare', { mode: 'collect', baseline: 'forged-baseline.json' });
    expect(collect.exitCode).toBe(0);
    await job.finish();
    const run = await publish({ runId: job.runId, headSha, headRef }, { rules: 'loss <= baseline * 1.05' });
    expect(run.exitCode).toBe(0);
    const report = JSON.parse(run.report.json) as { baseline?: { sha?: string } };
    expect(report.baseline?.sha).toBe(baselineSha);
    expect(run.report.markdown).toContain(baselineSha.slice(0, 7));
    expect(run.report.markdown).not.toContain('ddddddd');
    expect(lab.checkRuns(headSha)).toEqual([expect.objectContaining({ conclusion: 'success' })]);
  });
});

describe('names come from the trusted side', () => {
  it('a fork uploading three bundles with different keys gets one comment and one check', async () => {
    const { number, headSha, headRef, job } = await lab.forkPull(workspace, { accuracy: 0.92, loss: 0.5 }, READ_ONLY);
    for (const key of ['a', 'b', 'c']) {
      expect((await job.step('compare', { mode: 'collect', 'comment-key': key })).exitCode).toBe(0);
    }
    await job.finish();
    const run = await publish({ runId: job.runId, headSha, headRef }, { rules: 'accuracy >= 0.9' });
    expect(run.exitCode).toBe(0);
    expect(ourComments(number)).toHaveLength(1);
    expect(ourComments(number)[0]?.body.startsWith(compareMarker(WORKFLOW))).toBe(true);
    expect(lab.checkRuns(headSha)).toEqual([
      expect.objectContaining({ name: 'ML quality gate', conclusion: 'success' }),
    ]);
  });

  it('the comment key and check name are the publish step’s inputs, whatever key the fork collected with', async () => {
    const { number, headSha, headRef, job } = await lab.forkPull(workspace, { accuracy: 0.92, loss: 0.5 }, READ_ONLY);
    expect((await job.step('compare', { mode: 'collect', 'comment-key': 'hijack' })).exitCode).toBe(0);
    await job.finish();
    const run = await publish(
      { runId: job.runId, headSha, headRef },
      { rules: 'accuracy >= 0.9', 'comment-key': 'churn', 'check-name': 'Model gate' },
    );
    expect(run.exitCode).toBe(0);
    expect(ourComments(number).map((c) => c.body.split('\n')[0])).toEqual([compareMarker('churn')]);
    expect(lab.checkRuns(headSha).map((check) => check.name)).toEqual(['Model gate']);
  });
});

describe('links come from the trusted context', () => {
  it('a record claiming another server, repository and commit links only to this repository', async () => {
    const { number, headSha, headRef, job, record } = await lab.forkPull(
      workspace,
      { accuracy: 0.92, loss: 0.5 },
      READ_ONLY,
    );
    const claimed = parseRunRecord(await readFile(record, 'utf8'), 'record');
    claimed.provenance.serverUrl = 'https://evil.example';
    claimed.provenance.repository = 'evil/phish';
    claimed.provenance.headSha = 'e'.repeat(40);
    await writeFile(join(workspace, 'claimed.json'), serializeRunRecord(claimed));
    expect((await job.step('compare', { mode: 'collect', run: 'claimed.json' })).exitCode).toBe(0);
    await job.finish();
    const run = await publish({ runId: job.runId, headSha, headRef }, { rules: 'accuracy >= 0.9' });
    expect(run.exitCode).toBe(0);
    const body = ourComments(number)[0]?.body ?? '';
    const check = lab.checkRuns(headSha)[0];
    for (const text of [body, check?.output.summary ?? '', check?.detailsUrl ?? '']) {
      expect(text).not.toContain('evil');
      expect(text).not.toContain('eeeeeee');
    }
    expect(body).toContain(`https://github.com/${REPO}/commit/${headSha}`);
    expect(body).toContain(`https://github.com/${REPO}/actions/runs/${job.runId}`);
    expect(check?.detailsUrl).toBe(`https://github.com/${REPO}/actions/runs/${job.runId}`);
  });
});

describe('the sticky comment', () => {
  it('a comment deleted between the lookup and the update is created anew', async () => {
    const { number, job } = await lab.pullJob(workspace);
    expect((await job.step('train', { metrics: 'metrics.json' })).exitCode).toBe(0);
    const first = await job.step('compare');
    expect(first.exitCode).toBe(0);
    // Someone deletes the comment after compare found it and before its update arrives.
    const restore = lab.github.api.override('PATCH', COMMENT, (request) => {
      restore();
      lab.github.api.state.deleteComment(Number(request.params['comment_id']));
      return {
        status: 404,
        headers: {},
        body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' },
      };
    });
    const second = await job.step('compare');
    restore();
    expect(second.exitCode).toBe(0);
    const comments = ourComments(number);
    expect(comments).toHaveLength(1);
    expect(String(comments[0]?.id)).toBe(second.outputs['comment-id']);
    expect(second.outputs['comment-id']).not.toBe(first.outputs['comment-id']);
    await job.finish();
  });

  it('distinct keys give distinct markers, and so distinct comments', async () => {
    const long = 'x'.repeat(299);
    const keys = ['a/b', 'a-b', `${long}1`, `${long}2`];
    expect(new Set(keys.map(compareMarker)).size).toBe(keys.length);
    expect(compareMarker('train')).toBe('<!-- ml-actions:compare:train -->');
    const { number, job } = await lab.pullJob(workspace);
    expect((await job.step('train', { metrics: 'metrics.json' })).exitCode).toBe(0);
    for (const key of keys) expect((await job.step('compare', { 'comment-key': key })).exitCode).toBe(0);
    expect(ourComments(number)).toHaveLength(keys.length);
    await job.finish();
  });
});

describe('gate and publish do not contradict each other on one commit', () => {
  it('gate run again on the same commit updates its own check instead of adding one', async () => {
    const { headSha, job } = await lab.pullJob(workspace);
    expect((await job.step('train', { metrics: 'metrics.json' })).exitCode).toBe(0);
    expect((await job.step('gate', { rules: 'accuracy >= 0' })).exitCode).toBe(0);
    expect((await job.step('gate', { rules: 'accuracy >= 0.99' })).exitCode).toBe(1);
    expect(lab.checkRuns(headSha)).toEqual([
      expect.objectContaining({ name: 'ML quality gate', conclusion: 'failure' }),
    ]);
    await job.finish('failure');
  });

  it('publish refuses to add a check of the name gate already used on the commit', async () => {
    const { number, headSha, headRef, job } = await lab.pullJob(workspace);
    expect((await job.step('train', { metrics: 'metrics.json' })).exitCode).toBe(0);
    expect((await job.step('gate', { rules: 'accuracy >= 0' })).exitCode).toBe(0);
    expect((await job.step('compare', { mode: 'collect' })).exitCode).toBe(0);
    await job.finish();
    const run = await publish(
      { runId: job.runId, headSha, headRef },
      { rules: 'accuracy >= 0.99', 'comment-key': 'train' },
    );
    expect(run.exitCode).toBe(1);
    expect(run.annotations.find((a) => a.level === 'error')?.message).toBe(
      `check run "ML quality gate" on ${headSha.slice(0, 7)} was created by gate: ` +
        'compare will not add a contradicting one; run publish only for pull requests from forks, or give it another check-name',
    );
    expect(lab.checkRuns(headSha)).toEqual([
      expect.objectContaining({ name: 'ML quality gate', conclusion: 'success' }),
    ]);
    expect(ourComments(number)).toHaveLength(1);
  });
});
