/**
 * Faults injected by the testkit services while the real bundles run: the actions retry what is
 * safe to retry, never leave a duplicate comment, check run or artifact, and end with a clear,
 * one-line error when a fault persists.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseRunRecord } from '@ml-actions/core';
import type { FaultSpec } from '@ml-actions/testkit';
import { Lab, REPO } from './support/lab.ts';
import { expectCleanFailure } from './support/log-checks.ts';

const COMMENTS = '/repos/{owner}/{repo}/issues/{issue_number}/comments';
const CHECK_RUNS = '/repos/{owner}/{repo}/check-runs';
const COMPARE = '/repos/{owner}/{repo}/compare/{basehead}';

let lab: Lab;
let workspace: string;
let baseSha: string;

beforeAll(async () => {
  lab = await Lab.start();
  workspace = await lab.workspace();
  baseSha = await lab.trainOnMain(workspace, { accuracy: 0.9, loss: 0.5 });
});
afterEach(() => {
  lab.github.api.faults.clear();
  lab.github.artifacts.faults.clear();
  lab.github.api.assertNoViolations();
});
afterAll(async () => {
  await lab?.close();
});

/** A pull request that trained `metrics`, ready for gate or compare steps. */
async function trainedPull(metrics: Record<string, number> = { accuracy: 0.92, loss: 0.45 }) {
  await writeFile(join(workspace, 'metrics.json'), JSON.stringify(metrics));
  const pull = await lab.pullJob(workspace);
  const train = await pull.job.step('train', { metrics: 'metrics.json' });
  expect(train.exitCode).toBe(0);
  return pull;
}

function addFaults(...specs: FaultSpec[]): void {
  for (const spec of specs) lab.github.api.faults.add(spec);
}

/** Requests the stand-in received since `from`, as `METHOD status`, for one path pattern. */
function statuses(from: number, path: RegExp): string[] {
  return lab.github.api.requests
    .slice(from)
    .filter((request) => path.test(request.path))
    .map((request) => `${request.method} ${request.status}`);
}

describe('transient server errors are retried', () => {
  it('a burst of 500, 502 and 503 on the comment call: the step succeeds with exactly one comment', async () => {
    const { number, job } = await trainedPull();
    addFaults(
      { method: 'POST', path: COMMENTS, status: 500 },
      { method: 'POST', path: COMMENTS, status: 502 },
      { method: 'POST', path: COMMENTS, status: 503 },
    );
    const from = lab.github.api.requests.length;
    const run = await job.step('compare');
    expect(run.exitCode).toBe(0);
    expect(lab.github.api.faults.pending).toBe(0);
    expect(statuses(from, /\/issues\/\d+\/comments$/).filter((s) => s.startsWith('POST'))).toEqual([
      'POST 500',
      'POST 502',
      'POST 503',
      'POST 201',
    ]);
    expect(lab.compareComments(number)).toHaveLength(1);
    expect(run.outputs['comment-id']).toBe(String(lab.compareComments(number)[0]?.id));
    await job.finish();
  });

  it('a burst of 502 and 503 on the check run call: exactly one check run, with the verdict', async () => {
    const { headSha, job } = await trainedPull();
    addFaults(
      { method: 'POST', path: CHECK_RUNS, status: 502, times: 2 },
      { method: 'POST', path: CHECK_RUNS, status: 503 },
    );
    const run = await job.step('gate', { rules: 'accuracy >= 0.9' });
    expect(run.exitCode).toBe(0);
    expect(run.outputs['passed']).toBe('true');
    expect(lab.github.api.faults.pending).toBe(0);
    expect(lab.checkRuns(headSha)).toEqual([
      expect.objectContaining({ name: 'ML quality gate', conclusion: 'success' }),
    ]);
    await job.finish();
  });

  it('a burst of 500s on the baseline lookup: the baseline is still found', async () => {
    const { job } = await trainedPull({ accuracy: 0.92, loss: 0.6 });
    addFaults({ method: 'GET', path: COMPARE, status: 500, times: 3 });
    const run = await job.step('gate', { rules: 'loss <= baseline * 1.05', 'check-name': '' });
    expect(lab.github.api.faults.pending).toBe(0);
    expect(run.outputs['baseline-sha']).toBe(baseSha);
    expect(run.exitCode).toBe(1);
    expect(JSON.parse(run.outputs['results'] ?? '[]')).toEqual([
      expect.objectContaining({ verdict: 'fail', baseline: 0.5 }),
    ]);
    await job.finish();
  });
});

describe('rate limits are waited out', () => {
  it('a 429 secondary rate limit with Retry-After on the comment list is retried', async () => {
    const { number, job } = await trainedPull();
    addFaults({ method: 'GET', path: COMMENTS, status: 429, retryAfter: 1 });
    const run = await job.step('compare');
    expect(run.exitCode).toBe(0);
    expect(lab.github.api.faults.pending).toBe(0);
    expect(run.annotations).toContainEqual({
      level: 'warning',
      message: 'GitHub secondary rate limit hit; retrying after 1 s (attempt 1 of 3)',
    });
    expect(lab.compareComments(number)).toHaveLength(1);
    await job.finish();
  });

  it('a 403 secondary rate limit with Retry-After on the check run is retried, not taken for a read-only token', async () => {
    const { headSha, job } = await trainedPull();
    addFaults({ method: 'POST', path: CHECK_RUNS, status: 403, retryAfter: 1, times: 2 });
    const run = await job.step('gate', { rules: 'accuracy >= 0.9' });
    expect(run.exitCode).toBe(0);
    expect(lab.github.api.faults.pending).toBe(0);
    expect(run.annotations.filter((a) => a.level === 'warning').map((a) => a.message)).toEqual([
      'GitHub secondary rate limit hit; retrying after 1 s (attempt 1 of 3)',
      'GitHub secondary rate limit hit; retrying after 1 s (attempt 2 of 3)',
    ]);
    expect(lab.checkRuns(headSha)).toHaveLength(1);
    await job.finish();
  });

  it('a 403 primary rate limit (remaining 0) is waited out until its reset', async () => {
    const { number, job } = await trainedPull();
    addFaults({ method: 'POST', path: COMMENTS, status: 403, rateLimit: 'primary', retryAfter: 1 });
    const run = await job.step('compare');
    expect(run.exitCode).toBe(0);
    expect(lab.github.api.faults.pending).toBe(0);
    expect(run.annotations.find((a) => a.level === 'warning')?.message).toMatch(
      /^GitHub rate limit hit; retrying after \d+ s \(attempt 1 of 3\)$/,
    );
    expect(lab.compareComments(number)).toHaveLength(1);
    await job.finish();
  });
});

describe('broken connections', () => {
  it('a slow answer is waited for', async () => {
    const { number, job } = await trainedPull();
    addFaults({ method: 'GET', path: COMMENTS, delayMs: 1500 });
    const run = await job.step('compare');
    expect(run.exitCode).toBe(0);
    expect(lab.github.api.faults.pending).toBe(0);
    expect(lab.compareComments(number)).toHaveLength(1);
    await job.finish();
  });

  it('a reset connection on the comment call is retried: one comment', async () => {
    const { number, job } = await trainedPull();
    addFaults({ method: 'POST', path: COMMENTS, reset: true });
    const from = lab.github.api.requests.length;
    const run = await job.step('compare');
    expect(run.exitCode).toBe(0);
    expect(statuses(from, /\/issues\/\d+\/comments$/).filter((s) => s.startsWith('POST'))).toEqual([
      'POST 0',
      'POST 201',
    ]);
    expect(lab.compareComments(number)).toHaveLength(1);
    await job.finish();
  });

  it('a truncated body on the comment list is retried', async () => {
    const { number, job } = await trainedPull();
    const stale = lab.github.api.state.addComment(REPO, number, { body: 'chatter', user: 'octo-dev' });
    addFaults({ method: 'GET', path: COMMENTS, truncate: true });
    const run = await job.step('compare');
    expect(run.exitCode).toBe(0);
    expect(lab.github.api.faults.pending).toBe(0);
    expect(lab.compareComments(number)).toHaveLength(1);
    expect(lab.github.api.state.comment(stale.id)?.body).toBe('chatter');
    await job.finish();
  });

  it('a comment created but answered with a truncated body is not duplicated by the retry', async () => {
    const { number, job } = await trainedPull();
    addFaults({ method: 'POST', path: COMMENTS, truncate: true });
    const run = await job.step('compare');
    expect(run.exitCode).toBe(0);
    const comments = lab.compareComments(number);
    expect(comments).toHaveLength(1);
    expect(run.outputs['comment-id']).toBe(String(comments[0]?.id));
    await job.finish();
  });

  it('a check run created but answered with a truncated body is not created twice', async () => {
    const { headSha, job } = await trainedPull();
    addFaults({ method: 'POST', path: CHECK_RUNS, truncate: true });
    const run = await job.step('gate', { rules: 'accuracy >= 0.9' });
    expect(run.exitCode).toBe(0);
    expect(lab.github.api.faults.pending).toBe(0);
    expect(lab.checkRuns(headSha)).toEqual([
      expect.objectContaining({ name: 'ML quality gate', conclusion: 'success' }),
    ]);
    await job.finish();
  });

  it('a comment created but answered 502 is not duplicated by the retry', async () => {
    const { number, job } = await trainedPull();
    // GitHub sometimes does the work and still answers 5xx: the retry then creates a second comment.
    const restore = lab.github.api.override('POST', COMMENTS, (request) => {
      restore();
      lab.github.api.state.addComment(REPO, number, {
        body: (request.body as { body: string }).body,
        user: request.identity.login,
      });
      return {
        status: 502,
        headers: {},
        body: { message: 'Server Error', documentation_url: 'https://docs.github.com/rest' },
      };
    });
    const run = await job.step('compare');
    expect(run.exitCode).toBe(0);
    expect(lab.compareComments(number)).toHaveLength(1);
    // GitHub documents no 502 for this call; the stand-in says so, and that is the point here.
    expect(lab.github.api.takeViolations().map((v) => v.problems)).toEqual([
      ['status 502 is not documented (documented: 201, 403, 404, 410, 422)'],
    ]);
    await job.finish();
  });
});

describe('faults that do not go away', () => {
  it('a 404 for a deleted pull request ends with a clear error', async () => {
    const { number, job } = await trainedPull();
    lab.github.api.state.deletePull(REPO, number);
    const run = await job.step('compare');
    expectCleanFailure(run);
    expect(run.annotations.find((a) => a.level === 'error')?.message).toBe(
      `pull request #${number} was not found (deleted, or not visible to the token): the comparison was not posted; it is in the job summary`,
    );
    expect(lab.compareComments(number)).toHaveLength(0);
    expect(run.summary).toContain('### ');
    await job.finish();
  });

  it('a comment call failing for good ends with a clear error and no comment', async () => {
    const { number, job } = await trainedPull();
    addFaults({ method: 'POST', path: COMMENTS, status: 502, times: 20 });
    const from = lab.github.api.requests.length;
    const run = await job.step('compare');
    expectCleanFailure(run);
    expect(run.annotations.find((a) => a.level === 'error')?.message).toBe(
      `compare: GitHub answered 502 (Server Error) to POST /repos/${REPO}/issues/${number}/comments, after 3 retries`,
    );
    expect(statuses(from, /\/issues\/\d+\/comments$/).filter((s) => s.startsWith('POST'))).toHaveLength(4);
    expect(lab.compareComments(number)).toHaveLength(0);
    expect(run.outputs['report']).toMatch(/report\.md$/);
    await job.finish();
  });

  it('a check run call failing for good ends with a clear error, no check run, and the verdict in the outputs', async () => {
    const { headSha, job } = await trainedPull();
    addFaults({ method: 'POST', path: CHECK_RUNS, status: 503, times: 20 });
    const run = await job.step('gate', { rules: 'accuracy >= 0.9' });
    expectCleanFailure(run);
    expect(run.annotations.find((a) => a.level === 'error')?.message).toBe(
      `gate: GitHub answered 503 (Service Unavailable) to POST /repos/${REPO}/check-runs`,
    );
    expect(run.outputs['passed']).toBe('true');
    expect(lab.checkRuns(headSha)).toHaveLength(0);
    await job.finish();
  });

  it('a baseline lookup failing for good is a notice: absolute rules still decide', async () => {
    const { job, headSha } = await trainedPull();
    addFaults({ method: 'GET', path: COMPARE, status: 500, times: 20 });
    const run = await job.step('gate', { rules: 'accuracy >= 0.9\nloss <= baseline * 1.05', 'check-name': '' });
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.outputs['results'] ?? '[]')).toEqual([
      expect.objectContaining({ verdict: 'pass' }),
      expect.objectContaining({ verdict: 'skipped' }),
    ]);
    expect(run.annotations.find((a) => a.level === 'notice')?.message).toBe(
      `the baseline of train could not be looked up: GitHub answered 500 (Server Error) to GET /repos/${REPO}/compare/main...${headSha}, after 3 retries`,
    );
    await job.finish();
  });
});

describe('the artifact service', () => {
  it('failing mid-upload fails train with a clear error, the record still written and no artifact left', async () => {
    await writeFile(join(workspace, 'metrics.json'), JSON.stringify({ accuracy: 0.9 }));
    const job = await lab.pushJob(workspace);
    // The connection stalls after 64 bytes; a reset that persists ends the same way, after the storage
    // client's own back-off (seconds), and one reset is recovered (both in the testkit's own tests).
    const fault = lab.github.artifacts.faults.add({ afterBytes: 64, cut: 'stall' });
    const run = await job.step('train', { metrics: 'metrics.json' }, { ACTIONS_ARTIFACT_UPLOAD_TIMEOUT_MS: '1000' });
    expectCleanFailure(run);
    expect(fault.hits).toBe(1);
    expect(run.annotations.find((a) => a.level === 'error')?.message).toBe(
      `could not upload the run record as an artifact: Upload progress stalled.; the record is at ${run.outputs['record']}`,
    );
    const record = parseRunRecord(await readFile(run.outputs['record'] ?? '', 'utf8'), 'record');
    expect(record.metrics['accuracy']?.value).toBe(0.9);
    expect(run.outputs['artifact-id']).toBe('');
    expect(lab.github.registry.list({ workflowRunId: job.runId, finalized: true })).toEqual([]);
    await job.finish('failure');
  }, 180_000);

  it('refusing to create the artifact fails train with a clear error', async () => {
    await writeFile(join(workspace, 'metrics.json'), JSON.stringify({ accuracy: 0.9 }));
    const job = await lab.pushJob(workspace);
    lab.github.artifacts.faults.add({ method: 'CreateArtifact', status: 403 });
    const run = await job.step('train', { metrics: 'metrics.json' });
    expectCleanFailure(run);
    expect(run.annotations.find((a) => a.level === 'error')?.message).toMatch(
      /^could not upload the run record as an artifact: .*\(403\).*; the record is at .+\.json$/,
    );
    expect(lab.github.registry.list({ workflowRunId: job.runId })).toEqual([]);
    await job.finish('failure');
  });
});
