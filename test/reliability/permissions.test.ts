/**
 * A job whose token lacks a permission: GitHub answers the write 403 "Resource not accessible by
 * integration" with the permission it needed in x-accepted-github-permissions. Outside a fork's
 * pull request that is a mistake in the workflow, so the step fails naming the permission to add
 * (a fork's read-only token only warns: test/reliability/forks.test.ts).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pushEvent, runAction } from '@ml-actions/testkit';
import { FAST_RETRIES, Lab, REPO } from './support/lab.ts';

/** A job granted `permissions: { actions: read, contents: read, pull-requests: write }`: no checks. */
const NO_CHECKS = 'ghs_permissionsNoChecks00000000000000000';
/** A job granted `permissions: { actions: read, contents: read, checks: write }`: no comments. */
const NO_COMMENTS = 'ghs_permissionsNoComments000000000000000';
/** A job granted `permissions: { actions: read, contents: read }`: no tags or releases. */
const READ_CONTENTS = 'ghs_permissionsReadContents0000000000000';

let lab: Lab;
let workspace: string;

beforeAll(async () => {
  lab = await Lab.start();
  const bot = { login: 'github-actions[bot]', installation: true } as const;
  lab.github.api.tokens.add(NO_CHECKS, {
    ...bot,
    permissions: { actions: 'read', contents: 'read', 'pull-requests': 'write' },
  });
  lab.github.api.tokens.add(NO_COMMENTS, {
    ...bot,
    permissions: { actions: 'read', contents: 'read', checks: 'write' },
  });
  lab.github.api.tokens.add(READ_CONTENTS, { ...bot, permissions: { actions: 'read', contents: 'read' } });
  workspace = await lab.workspace();
  await lab.trainOnMain(workspace, { accuracy: 0.9, loss: 0.5 });
});
afterEach(() => lab.github.api.assertNoViolations());
afterAll(async () => {
  await lab?.close();
});

/** A same-repository pull request whose job trained `metrics`; the job stays open for more steps. */
async function pullWith(token: string, metrics: Record<string, number>) {
  await writeFile(join(workspace, 'metrics.json'), JSON.stringify(metrics));
  const pull = await lab.pullJob(workspace, { token });
  const train = await pull.job.step('train', { metrics: 'metrics.json' });
  if (train.exitCode !== 0) throw new Error(`training failed:\n${train.log}`);
  return pull;
}

describe('a same-repository job without a write permission fails naming it', () => {
  it('gate without checks: write fails the step, naming checks: write, even when the gate passed', async () => {
    const { headSha, job } = await pullWith(NO_CHECKS, { accuracy: 0.92, loss: 0.5 });
    const gate = await job.step('gate', { rules: 'loss <= baseline * 1.05' });
    expect(gate.exitCode).toBe(1);
    expect(gate.outputs['passed']).toBe('true');
    expect(gate.annotations.filter((a) => a.level === 'error').map((a) => a.message)).toEqual([
      `gate: GitHub answered 403 (Resource not accessible by integration) to POST /repos/${REPO}/check-runs: ` +
        "the job's token lacks checks: write; add it to the job's `permissions`",
    ]);
    expect(gate.annotations.filter((a) => a.level === 'warning')).toEqual([]);
    expect(lab.checkRuns(headSha)).toEqual([]);
    await job.finish('failure');
  });

  it('compare without pull-requests: write fails the step, naming pull-requests: write', async () => {
    const { number, job } = await pullWith(NO_COMMENTS, { accuracy: 0.92, loss: 0.5 });
    const compare = await job.step('compare');
    expect(compare.exitCode).toBe(1);
    expect(compare.annotations.filter((a) => a.level === 'error').map((a) => a.message)).toEqual([
      `compare: GitHub answered 403 (Resource not accessible by integration) to POST /repos/${REPO}/issues/${number}/comments: ` +
        "the job's token lacks pull-requests: write or issues: write; add it to the job's `permissions`",
    ]);
    expect(compare.annotations.filter((a) => a.level === 'warning')).toEqual([]);
    // The comparison itself is still in the job summary.
    expect(compare.summary).toContain('accuracy');
    expect(lab.compareComments(number)).toEqual([]);
    await job.finish('failure');
  });

  it('package with tag: true without contents: write fails the step, naming contents: write', async () => {
    const folder = await lab.workspace({ 'model/weights.bin': 'weights' });
    const sha = lab.github.api.state.addCommit(REPO, { branch: 'main', message: 'ship' }).sha;
    const { runId, env } = lab.github.startRun({ headSha: sha, headBranch: 'main', event: 'push' });
    const run = await runAction({
      action: 'package',
      workspace: folder,
      inputs: { name: 'churn-model', path: 'model/', tag: 'true' },
      env: { ...env, ...FAST_RETRIES },
      runId,
      runAttempt: 1,
      runnerTemp: await lab.folder('runner-temp-'),
      event: pushEvent(lab.github.repository, { sha, before: lab.mainSha }),
      token: READ_CONTENTS,
    });
    expect(run.exitCode).toBe(1);
    expect(run.annotations.find((a) => a.level === 'error')?.message).toMatch(
      new RegExp(
        `^package: GitHub answered 403 \\(Resource not accessible by integration\\) to POST /repos/${REPO}/git/(tags|refs): ` +
          "the job's token lacks contents: write; add it to the job's `permissions`$",
      ),
    );
    expect(lab.github.api.state.refs(REPO).filter(([ref]) => ref.startsWith('refs/tags/churn-model@'))).toEqual([]);
  });
});
