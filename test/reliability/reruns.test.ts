/**
 * Re-running a failed job is a normal event: the run keeps its id and the artifacts its earlier
 * attempt uploaded, GITHUB_RUN_ATTEMPT grows, and every upload of ours would meet a name already
 * taken (409). train and compare (collect) replace their earlier attempt's artifact, and what later
 * steps and runs read is the newest attempt's. package's re-runs are in package-versions.test.ts.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Lab } from './support/lab.ts';

const READ_ONLY = 'ghs_rerunsReadOnlyToken00000000000000000';

let lab: Lab;

beforeAll(async () => {
  lab = await Lab.start();
  lab.github.api.tokens.add(READ_ONLY, { login: 'github-actions[bot]', installation: true, readOnly: true });
});
afterEach(() => lab.github.api.assertNoViolations());
afterAll(async () => {
  await lab?.close();
});

const artifactsOf = (runId: number, name: string) =>
  lab.github.registry.list({ workflowRunId: runId, finalized: true }).filter((a) => a.name === name);

describe('re-runs', () => {
  it('train on a re-run of a push replaces its record, and the next pull request is judged against it', async () => {
    const workspace = await lab.workspace({ 'metrics.json': '{"accuracy": 0.8}' });
    const first = await lab.pushJob(workspace);
    expect((await first.step('train', { metrics: 'metrics.json' })).exitCode).toBe(0);
    await first.finish('failure');

    await writeFile(join(workspace, 'metrics.json'), '{"accuracy": 0.9}');
    const second = await first.rerun();
    expect(second.runAttempt).toBe(2);
    const train = await second.step('train', { metrics: 'metrics.json' });
    await second.finish();
    expect(train.exitCode).toBe(0);
    expect(train.stdout).toContain('the artifact ml-run-train of an earlier attempt of this run was deleted');
    expect(artifactsOf(first.runId, 'ml-run-train')).toHaveLength(1);

    await writeFile(join(workspace, 'metrics.json'), '{"accuracy": 0.85}');
    const { job } = await lab.pullJob(workspace);
    await job.step('train', { metrics: 'metrics.json' });
    const gate = await job.step('gate', { rules: 'accuracy >= baseline.accuracy' });
    await job.finish();
    // 0.85 passes against the first attempt's 0.8 and fails against the re-run's 0.9.
    expect(gate.outputs['verdict']).toBe('fail');
    expect(gate.stdout).toContain('0.9');
  });

  it("compare collect on a re-run of a fork's job replaces its bundle; publish comments the newest", async () => {
    const workspace = await lab.workspace();
    await lab.trainOnMain(workspace, { accuracy: 0.9 });
    const { number, headSha, headRef, job } = await lab.forkPull(workspace, { accuracy: 0.5 }, READ_ONLY);
    expect((await job.step('compare', { mode: 'collect' })).exitCode).toBe(0);
    await job.finish('failure');

    const again = await job.rerun();
    await writeFile(join(workspace, 'metrics.json'), '{"accuracy": 0.95}');
    expect((await again.step('train', { metrics: 'metrics.json' })).exitCode).toBe(0);
    const collect = await again.step('compare', { mode: 'collect' });
    await again.finish();
    expect(collect.exitCode).toBe(0);
    const [bundle] = artifactsOf(job.runId, 'ml-compare-ml');
    expect(artifactsOf(job.runId, 'ml-compare-ml')).toHaveLength(1);
    expect(bundle).toBeDefined();

    const publish = await lab.publish({ runId: job.runId, headSha, headRef }, workspace, { rules: 'accuracy >= 0.9' });
    expect(publish.exitCode).toBe(0);
    const [comment] = lab.compareComments(number, 'ml');
    expect(comment?.body).toContain('0.95');
    expect(comment?.body).not.toContain('0.5000');
    const checks = lab.checkRuns(headSha);
    expect(checks.map((check) => check.conclusion)).toEqual(['success']);
  });
});
