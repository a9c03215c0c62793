/**
 * Pull requests from forks get a read-only token. gate then cannot create its check run: the
 * verdict stands through the step itself, with a warning that points to the two-stage publish (a
 * 403 anywhere else fails the step: test/reliability/permissions.test.ts). The fork-safe publish stage refuses
 * bundles that do not belong to the run that triggered it. Covered elsewhere (see
 * the README's Security section): compare degrading to the job summary, and publish refusing a bundle
 * whose pull request moved or whose head commit is not the triggering run's (test/compare.test.ts).
 */
import { readFile } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseRunRecord, serializeCompareBundle } from '@ml-actions/core';
import { writeTestZip } from '@ml-actions/testkit';
import { Lab, REPO } from './support/lab.ts';
import { plantArtifact } from './support/planted-artifact.ts';

const READ_ONLY = 'ghs_forksReadOnlyToken0000000000000000';
const GUIDANCE =
  'the check run could not be created: on a pull request from a fork the token is read-only (GitHub answered 403). ' +
  'The gate verdict is in this step and its summary. For a check on fork pull requests, run compare with mode: publish ' +
  'in a workflow_run workflow (see "Pull requests from forks" in the README).';

let lab: Lab;
let workspace: string;

beforeAll(async () => {
  lab = await Lab.start();
  lab.github.api.tokens.add(READ_ONLY, { login: 'github-actions[bot]', installation: true, readOnly: true });
  workspace = await lab.workspace();
  await lab.trainOnMain(workspace, { accuracy: 0.9, loss: 0.5 });
});
afterEach(() => lab.github.api.assertNoViolations());
afterAll(async () => {
  await lab?.close();
});

describe('gate on a fork pull request (read-only token)', () => {
  it('a passing gate: the baseline is still read, the check run is skipped with guidance, the step passes', async () => {
    const { headSha, job } = await lab.forkPull(workspace, { accuracy: 0.92, loss: 0.5 }, READ_ONLY);
    const gate = await job.step('gate', { rules: 'loss <= baseline * 1.05' });
    expect(gate.exitCode).toBe(0);
    expect(gate.outputs['passed']).toBe('true');
    expect(gate.outputs['baseline-sha']).toBe(lab.mainSha);
    expect(gate.annotations.filter((a) => a.level === 'warning').map((a) => a.message)).toEqual([GUIDANCE]);
    expect(gate.summary).toContain('Gate passed: 1 passed, 0 failed');
    expect(lab.checkRuns(headSha)).toEqual([]);
    await job.finish();
  });

  it('a failing gate still fails the step: the verdict does not depend on the check run', async () => {
    const { headSha, job } = await lab.forkPull(workspace, { accuracy: 0.92, loss: 0.7 }, READ_ONLY);
    const gate = await job.step('gate', { rules: 'loss <= baseline * 1.05' });
    expect(gate.exitCode).toBe(1);
    expect(gate.outputs['passed']).toBe('false');
    expect(gate.annotations.filter((a) => a.level === 'warning').map((a) => a.message)).toEqual([GUIDANCE]);
    expect(gate.annotations).toContainEqual(
      expect.objectContaining({ level: 'error', message: 'Gate failed: 0 passed, 1 failed' }),
    );
    expect(lab.checkRuns(headSha)).toEqual([]);
    await job.finish('failure');
  });

  it('a 403 that is a rate limit is not taken for a read-only token', async () => {
    const { headSha, job } = await lab.forkPull(workspace, { accuracy: 0.92, loss: 0.5 }, READ_ONLY);
    // A write token this time: the 403 is GitHub's secondary rate limit, and it does not go away.
    lab.github.api.faults.add({
      method: 'POST',
      path: '/repos/{owner}/{repo}/check-runs',
      status: 403,
      retryAfter: 1,
      times: 20,
    });
    const gate = await job.step('gate', { rules: 'accuracy >= 0.9', 'github-token': lab.github.token });
    lab.github.api.faults.clear();
    expect(gate.exitCode).toBe(1);
    expect(gate.annotations.find((a) => a.level === 'error')?.message).toMatch(
      new RegExp(
        `^gate: GitHub answered 403 \\(You have exceeded a secondary rate limit\\..*\\) to POST /repos/${REPO}/check-runs$`,
      ),
    );
    expect(gate.annotations.map((a) => a.message)).not.toContain(GUIDANCE);
    expect(lab.checkRuns(headSha)).toEqual([]);
    await job.finish('failure');
  });
});

describe('publish refuses bundles that do not belong to the triggering run', () => {
  const publish = (runId: number, headSha: string, headRef: string, pullRequests?: number[]) =>
    lab.publish({ runId, headSha, headRef, ...(pullRequests === undefined ? {} : { pullRequests }) }, workspace);

  it('a bundle for a pull request the triggering run was not for', async () => {
    const { number, headSha, headRef, job } = await lab.forkPull(workspace, { accuracy: 0.92, loss: 0.5 }, READ_ONLY);
    expect((await job.step('compare', { mode: 'collect' })).exitCode).toBe(0);
    await job.finish();
    const run = await publish(job.runId, headSha, headRef, [number + 100]);
    expect(run.exitCode).toBe(1);
    expect(run.annotations[0]?.message).toBe(
      `refusing the comparison: pull request #${number} is not one the triggering run was for`,
    );
    expect(lab.compareComments(number)).toEqual([]);
    expect(lab.checkRuns(headSha)).toEqual([]);
  });

  it('a bundle that names another repository', async () => {
    const { number, headSha, headRef, job, record } = await lab.forkPull(
      workspace,
      { accuracy: 0.92, loss: 0.5 },
      READ_ONLY,
    );
    const runs = [parseRunRecord(await readFile(record, 'utf8'), 'record')];
    await job.finish();
    const bundle = serializeCompareBundle({
      repository: 'someone/else',
      pullRequest: number,
      headSha,
      runs,
    });
    await plantArtifact(lab.github, {
      runId: job.runId,
      name: 'ml-compare-train',
      zip: writeTestZip({ 'compare-bundle.json': bundle }),
    });
    const run = await publish(job.runId, headSha, headRef);
    expect(run.exitCode).toBe(1);
    expect(run.annotations[0]?.message).toBe(`refusing the comparison: it names repository someone/else, not ${REPO}`);
    expect(lab.compareComments(number)).toEqual([]);
    expect(lab.checkRuns(headSha)).toEqual([]);
  });
});
