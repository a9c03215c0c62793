/**
 * Which baseline a run is judged against follows from its event. A merge queue's group is judged
 * against the commit it is built on, as a pull request against its base; an event payload that is
 * missing, not JSON or of the wrong shape for GITHUB_EVENT_NAME is an error naming the file, never
 * a run silently taken for a push.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mergeGroupEvent, pullRequestEvent, pushEvent, startJob } from '@ml-actions/testkit';
import { FAST_RETRIES, Lab, REPO } from './support/lab.ts';

let lab: Lab;

beforeAll(async () => {
  lab = await Lab.start();
});
afterEach(() => lab.github.api.assertNoViolations());
afterAll(async () => {
  await lab?.close();
});

/** A merge group of one new pull request on `baseSha`, its job trained on `accuracy`. */
async function mergeGroupJob(workspace: string, baseSha: string, accuracy: number) {
  const headSha = lab.github.api.state.addCommit(REPO, { parents: [baseSha], message: 'merge group' }).sha;
  const event = mergeGroupEvent(lab.github.repository, { number: 40, headSha, baseSha });
  const job = await startJob(lab.github, {
    event,
    headSha,
    headBranch: (event.env['GITHUB_REF'] ?? '').replace('refs/heads/', ''),
    workspace,
  });
  await writeFile(join(workspace, 'metrics.json'), JSON.stringify({ accuracy }));
  const train = await job.step('train', { metrics: 'metrics.json' }, FAST_RETRIES);
  expect(train.exitCode).toBe(0);
  return { job, headSha };
}

describe('merge queues', () => {
  it('a merge group is judged against the record of its base commit', async () => {
    const workspace = await lab.workspace();
    const baseSha = await lab.trainOnMain(workspace, { accuracy: 0.9 });
    const { job, headSha } = await mergeGroupJob(workspace, baseSha, 0.85);
    const gate = await job.step('gate', { rules: 'accuracy >= baseline.accuracy' }, FAST_RETRIES);
    await job.finish();
    expect(gate.exitCode).toBe(1);
    expect(gate.outputs['verdict']).toBe('fail');
    expect(gate.outputs['baseline-sha']).toBe(baseSha);
    expect(lab.checkRuns(headSha).map((check) => check.conclusion)).toEqual(['failure']);
  });

  it('a group built on an earlier group of the queue takes the newest record on the base branch before it', async () => {
    const workspace = await lab.workspace();
    const mainSha = await lab.trainOnMain(workspace, { accuracy: 0.9 });
    // The first group's merge commit, not on main yet: the second group is built on it.
    const firstGroup = lab.github.api.state.addCommit(REPO, { parents: [mainSha], message: 'first group' }).sha;
    const { job } = await mergeGroupJob(workspace, firstGroup, 0.95);
    const gate = await job.step('gate', { rules: 'accuracy >= baseline.accuracy' }, FAST_RETRIES);
    await job.finish();
    expect(gate.exitCode).toBe(0);
    expect(gate.outputs['verdict']).toBe('pass');
    expect(gate.stdout).toContain(
      `no run record for the merge base ${firstGroup.slice(0, 7)}; using the newest earlier record on main, from ${mainSha.slice(0, 7)}`,
    );
  });
});

describe('event payloads', () => {
  /** Runs gate with GITHUB_EVENT_NAME `name` and the payload file `text` (or a missing file). */
  async function gateWithPayload(name: string, text: string | undefined) {
    const workspace = await lab.workspace({ 'metrics.json': '{"accuracy": 0.9}' });
    const path = join(workspace, 'event-payload.json');
    if (text !== undefined) await writeFile(path, text);
    const job = await lab.pushJob(workspace);
    await job.step('train', { metrics: 'metrics.json' });
    const gate = await job.step(
      'gate',
      { rules: 'accuracy >= 0.5' },
      { GITHUB_EVENT_NAME: name, GITHUB_EVENT_PATH: path },
    );
    await job.finish();
    const error = gate.annotations.find((annotation) => annotation.level === 'error');
    return { gate, error: error?.message, file: error?.file, path };
  }

  it('a payload file that does not exist', async () => {
    const { gate, error, path } = await gateWithPayload('push', undefined);
    expect(gate.exitCode).toBe(1);
    expect(error).toBe(`the event payload ${path} (GITHUB_EVENT_PATH) cannot be read (ENOENT)`);
  });

  it('a payload that is not JSON, or not an object', async () => {
    const broken = await gateWithPayload('push', '{"ref": "refs/heads/main",');
    expect(broken.gate.exitCode).toBe(1);
    expect(broken.error).toBe(`the event payload ${broken.path} (GITHUB_EVENT_PATH) is not valid JSON`);
    expect(broken.file).toBe(broken.path);
    const list = await gateWithPayload('push', '[]');
    expect(list.error).toBe(`the event payload ${list.path} (GITHUB_EVENT_PATH) is not a JSON object`);
  });

  it('a push payload under the name of a pull request is refused, not judged as a push', async () => {
    const push = pushEvent(lab.github.repository, { sha: lab.mainSha, before: '0'.repeat(40) });
    const { gate, error, path } = await gateWithPayload('pull_request', JSON.stringify(push.payload));
    expect(gate.exitCode).toBe(1);
    expect(error).toBe(
      `the event payload ${path} (GITHUB_EVENT_PATH) is not a pull_request event: it has no number pull_request.number`,
    );
  });

  it('a merge group without its base commit, and a pull request without its base branch', async () => {
    const group = mergeGroupEvent(lab.github.repository, {
      number: 1,
      headSha: 'a'.repeat(40),
      baseSha: 'b'.repeat(40),
    });
    delete (group.payload['merge_group'] as Record<string, unknown>)['base_sha'];
    const noBase = await gateWithPayload('merge_group', JSON.stringify(group.payload));
    expect(noBase.error).toBe(
      `the event payload ${noBase.path} (GITHUB_EVENT_PATH) is not a merge_group event: it has no string merge_group.base_sha`,
    );
    const pull = pullRequestEvent(lab.github.repository, {
      number: 1,
      headSha: 'a'.repeat(40),
      baseSha: 'b'.repeat(40),
    });
    const base = (pull.payload['pull_request'] as Record<string, Record<string, unknown>>)['base'];
    if (base !== undefined) base['ref'] = '';
    const noRef = await gateWithPayload('pull_request', JSON.stringify(pull.payload));
    expect(noRef.error).toBe(
      `the event payload ${noRef.path} (GITHUB_EVENT_PATH) is not a pull_request event: it has no string pull_request.base.ref`,
    );
  });
});
