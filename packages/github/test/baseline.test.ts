import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_RUN_RECORD_BYTES, formatBytes, type RunRecord } from '@ml-actions/core';
import { writeTestZip, type TestZipEntry } from '@ml-actions/testkit';
import { findBaselines } from '../src/baseline.ts';
import { parseBaselineSpec } from '../src/baseline-file.ts';
import type { Log } from '../src/step-log.ts';
import { FULL_NAME, startLocalRepository, type LocalRepository, type StoredBytes } from './support/local-repository.ts';
import { mainRecord, pullRequestContext, pushContext, recordZip } from './support/run-records.ts';

const RECORD = 'ml-run-train';
/** The run the lookups happen in: never seeded, as the current run's own artifacts do not matter here. */
const CURRENT_RUN = 9000;
const FORK = 'fork-user/churn';
const MiB = 1024 * 1024;

let local: LocalRepository;
let workspace: string;

/** The notices the lookup said on the step's log, in order. */
let logged: string[] = [];
const quietLog: Log = {
  info: () => undefined,
  debug: () => undefined,
  notice: (text) => logged.push(text),
  warning: () => undefined,
  error: () => undefined,
  group: (_title, body) => body(),
};

beforeEach(async () => {
  logged = [];
  local = await startLocalRepository();
  workspace = await mkdtemp(join(tmpdir(), 'github-baseline-'));
});
afterEach(async () => {
  try {
    local.api.assertNoViolations();
  } finally {
    await local.close();
    await rm(workspace, { recursive: true, force: true });
  }
});

/** A new commit on main. */
function mainCommit(message: string): string {
  return local.api.state.addCommit(FULL_NAME, { branch: 'main', message }).sha;
}

/** A push run of `sha` on main; with `bytes`, it uploaded them as the record artifact. */
function pushRun(sha: string, bytes?: StoredBytes): number {
  const run = local.api.state.addWorkflowRun(FULL_NAME, { headSha: sha, headBranch: 'main', event: 'push' });
  if (bytes !== undefined) local.plant({ runId: run.id, name: RECORD, bytes });
  return run.id;
}

/** A push run of `sha` that recorded `accuracy`; returns the run and its record. */
function recordedPush(sha: string, accuracy: number): { runId: number; record: RunRecord } {
  const runId = pushRun(sha);
  const record = mainRecord(sha, runId, accuracy);
  local.plant({ runId, name: RECORD, bytes: recordZip(record) });
  return { runId, record };
}

/** A pull request's head commit off `baseSha`, and its lookup of `spec`. */
async function lookUpFromPull(baseSha: string, spec = 'auto') {
  const headSha = local.api.state.addCommit(FULL_NAME, { parents: [baseSha], message: 'feature' }).sha;
  const mark = local.api.requests.length;
  const found = await findBaselines({
    spec: parseBaselineSpec(spec),
    experiments: ['train'],
    context: pullRequestContext({ number: 7, headSha, baseSha, runId: CURRENT_RUN, workspace }),
    github: local.github,
    log: quietLog,
  });
  return { found, headSha, requests: local.requestsSince(mark) };
}

const path = (rest: string): string => `/repos/${FULL_NAME}${rest}`;
const short = (sha: string): string => sha.slice(0, 7);

describe('the baseline of a pull request', () => {
  it("is the record of the merge base's push run, not main's newest one nor a pull request's", async () => {
    const mergeBase = mainCommit('trained');
    const { runId, record } = recordedPush(mergeBase, 0.9);
    const pull = local.api.state.addWorkflowRun(FULL_NAME, {
      headSha: mergeBase,
      headBranch: 'main',
      event: 'pull_request',
    });
    local.plant({ runId: pull.id, name: RECORD, bytes: recordZip(mainRecord(mergeBase, pull.id, 0.99)) });
    // Main moved on after the pull request left it; its newer record is not the merge base's.
    recordedPush(mainCommit('later'), 0.5);
    const { found, headSha, requests } = await lookUpFromPull(mergeBase);

    expect(found).toEqual({
      records: [record],
      sha: mergeBase,
      url: `https://github.com/${FULL_NAME}/actions/runs/${runId}`,
      notices: [],
    });
    const artifactId = local.api.registry.list({ workflowRunId: runId })[0]?.id;
    expect(requests).toEqual([
      `GET ${path(`/compare/main...${headSha}`)}`,
      `GET ${path('/actions/runs')}`,
      `GET ${path(`/actions/runs/${runId}/artifacts`)}`,
      `GET ${path(`/actions/artifacts/${artifactId}/zip`)}`,
    ]);
    expect(local.api.requests[1]?.query).toMatchObject({ branch: 'main', head_sha: mergeBase, event: 'push' });
  });

  it('falls back to the newest record of an ancestor of the merge base, saying which commit it used', async () => {
    const older = mainCommit('trained');
    const { runId, record } = recordedPush(older, 0.9);
    const mergeBase = mainCommit('docs only');
    const untrained = pushRun(mergeBase); // ran, but uploaded no record
    const { found, requests } = await lookUpFromPull(mergeBase);

    expect(found.records).toEqual([record]);
    expect(found.sha).toBe(older);
    expect(found.notices).toEqual([
      `no run record for the merge base ${short(mergeBase)}; using the newest earlier record on main, from ${short(older)}`,
    ]);
    // One compare, the exact search, one page of history, then runs newest first until one has the
    // record: the merge base's run, already listed, is not listed again.
    expect(requests.slice(0, 5)).toEqual([
      expect.stringContaining('/compare/main...'),
      `GET ${path('/actions/runs')}`,
      `GET ${path(`/actions/runs/${untrained}/artifacts`)}`,
      `GET ${path('/commits')}`,
      `GET ${path('/actions/runs')}`,
    ]);
    expect(requests.slice(5, -1)).toEqual([`GET ${path(`/actions/runs/${runId}/artifacts`)}`]);
    expect(requests).toHaveLength(7);
  });

  it("never uses a record of a main commit that is not the merge base's ancestor", async () => {
    const mergeBase = mainCommit('untrained');
    // A commit of main after the pull request branched: newer, trained, and not in its history.
    const commit = local.api.state.addCommit(FULL_NAME, { branch: 'main', message: 'later' }).sha;
    const headSha = local.api.state.addCommit(FULL_NAME, { parents: [mergeBase], message: 'feature' }).sha;
    const { runId } = recordedPush(commit, 0.5);
    const found = await findBaselines({
      spec: { kind: 'auto' },
      experiments: ['train'],
      context: pullRequestContext({ number: 7, headSha, baseSha: mergeBase, runId: CURRENT_RUN, workspace }),
      github: local.github,
      log: quietLog,
    });

    expect(found.records).toBeUndefined();
    expect(found.notices).toEqual([
      `no run record "${RECORD}" was found on main for the merge base ${short(mergeBase)} or before it`,
    ]);
    expect(local.requestsSince(0)).not.toContain(`GET ${path(`/actions/runs/${runId}/artifacts`)}`);
  });

  it('without any record is a notice naming the artifact and the merge base, and downloads nothing', async () => {
    const mergeBase = mainCommit('untrained');
    pushRun(mergeBase);
    const { found } = await lookUpFromPull(mergeBase);

    expect(found).toEqual({
      records: undefined,
      sha: undefined,
      url: undefined,
      notices: [`no run record "${RECORD}" was found on main for the merge base ${short(mergeBase)} or before it`],
    });
    // Said on the step's log too, as a notice.
    expect(logged).toEqual(found.notices);
    expect(local.downloads).toEqual([]);
  });

  it("is not another experiment's record, even in an artifact of this experiment's name", async () => {
    const mergeBase = mainCommit('trained');
    const runId = pushRun(mergeBase);
    local.plant({ runId, name: RECORD, bytes: recordZip(mainRecord(mergeBase, runId, 0.9, { experiment: 'eval' })) });
    const { found } = await lookUpFromPull(mergeBase);

    expect(found.records).toBeUndefined();
    expect(found.notices).toEqual([
      'the run record found for train is of experiment eval; it is not used as the baseline',
    ]);
  });
});

describe('the baseline lookup, beyond the usual case', () => {
  it("skips the merge base's expired record and falls back to an older unexpired one", async () => {
    const older = mainCommit('trained');
    const { record } = recordedPush(older, 0.8);
    const mergeBase = mainCommit('trained again');
    const runId = pushRun(mergeBase);
    local.plant({
      runId,
      name: RECORD,
      bytes: recordZip(mainRecord(mergeBase, runId, 0.9)),
      expiresAt: '2026-01-01T00:00:00Z',
    });
    const { found } = await lookUpFromPull(mergeBase);

    expect(found.records).toEqual([record]);
    expect(found.notices).toEqual([
      `no run record for the merge base ${short(mergeBase)}; using the newest earlier record on main, from ${short(older)}`,
    ]);
  });

  it('looks into at most three earlier push runs, so the requests stay bounded however long the history', async () => {
    const trained = mainCommit('trained');
    recordedPush(trained, 0.9);
    let mergeBase = trained;
    for (let i = 0; i < 5; i++) {
      mergeBase = mainCommit(`docs ${i}`);
      pushRun(mergeBase);
    }
    const { found, requests } = await lookUpFromPull(mergeBase);

    expect(found.records).toBeUndefined();
    expect(found.notices).toEqual([
      `no run record "${RECORD}" was found on main for the merge base ${short(mergeBase)} or before it`,
    ]);
    // compare, exact runs + 1 artifact listing, commits, runs + 3 artifact listings, of which the
    // merge base's was read already.
    expect(requests).toHaveLength(7);
  });

  it("of a merge queue's group is the record of the commit the group is built on, with no compare", async () => {
    const baseSha = mainCommit('trained');
    const { record } = recordedPush(baseSha, 0.9);
    const headSha = local.api.state.addCommit(FULL_NAME, { parents: [baseSha], message: 'group' }).sha;
    const mark = local.api.requests.length;
    const found = await findBaselines({
      spec: { kind: 'auto' },
      experiments: ['train'],
      context: {
        ...pushContext({ sha: headSha, runId: CURRENT_RUN, workspace }),
        eventName: 'merge_group',
        branch: 'gh-readonly-queue/main/pr-7',
        baseRef: 'main',
        baseSha,
        headSha,
      },
      github: local.github,
      log: quietLog,
    });

    expect(found.records).toEqual([record]);
    expect(local.requestsSince(mark).filter((request) => request.includes('/compare/'))).toEqual([]);
  });

  it('of several experiments merges the records found and gives a notice for each one missing', async () => {
    const mergeBase = mainCommit('trained');
    const { runId, record } = recordedPush(mergeBase, 0.9);
    const headSha = local.api.state.addCommit(FULL_NAME, { parents: [mergeBase], message: 'feature' }).sha;
    const found = await findBaselines({
      spec: { kind: 'auto' },
      experiments: ['train', 'eval'],
      context: pullRequestContext({ number: 7, headSha, baseSha: mergeBase, runId: CURRENT_RUN, workspace }),
      github: local.github,
      log: quietLog,
    });

    expect(found).toEqual({
      records: [record],
      sha: mergeBase,
      url: `https://github.com/${FULL_NAME}/actions/runs/${runId}`,
      notices: [`no run record "ml-run-eval" was found on main for the merge base ${short(mergeBase)} or before it`],
    });
  });

  it('that keeps failing on the API is a notice naming the call, after the retries', async () => {
    const mergeBase = mainCommit('trained');
    recordedPush(mergeBase, 0.9);
    local.api.faults.add({ method: 'GET', path: '/repos/{owner}/{repo}/compare/{basehead}', status: 502, times: 4 });
    const { found, headSha } = await lookUpFromPull(mergeBase);

    expect(found.records).toBeUndefined();
    expect(found.notices).toHaveLength(1);
    const notice = found.notices[0] ?? '';
    expect(notice.startsWith('the baseline of train could not be looked up: GitHub answered 502 ')).toBe(true);
    expect(notice.endsWith(`to GET ${path(`/compare/main...${headSha}`)}, after 3 retries`)).toBe(true);
    expect(local.api.requests.filter((request) => request.path.includes('/compare/'))).toHaveLength(4);
  });

  it('without a token is a notice, and no request', async () => {
    const found = await findBaselines({
      spec: { kind: 'auto' },
      experiments: ['train'],
      context: pushContext({ sha: local.rootSha, runId: CURRENT_RUN, workspace }),
      github: undefined,
      log: quietLog,
    });
    expect(found.notices).toEqual(['no github-token: the baseline cannot be looked up']);
    expect(local.api.requests).toEqual([]);
  });
});

describe('the baseline of a push', () => {
  it("is the previous commit's record, never the current run's own", async () => {
    const previous = mainCommit('first');
    const { record } = recordedPush(previous, 0.8);
    const sha = mainCommit('second');
    const { runId: current } = recordedPush(sha, 0.9);
    const found = await findBaselines({
      spec: { kind: 'auto' },
      experiments: ['train'],
      context: pushContext({ sha, runId: current, workspace }),
      github: local.github,
      log: quietLog,
    });

    expect(found.records).toEqual([record]);
    expect(found.sha).toBe(previous);
    expect(found.notices).toEqual([]);
  });
});

describe('a baseline artifact over the caps', () => {
  /** The merge base's record artifact holds `bytes`; what the lookup says, and the label it uses. */
  async function lookUpPlanted(bytes: StoredBytes) {
    const mergeBase = mainCommit('trained');
    const runId = pushRun(mergeBase, bytes);
    const { found } = await lookUpFromPull(mergeBase);
    return {
      found,
      prefix: `the baseline of train could not be looked up: artifact "${RECORD}" of workflow run ${runId}`,
    };
  }

  it('a record larger than a run record may be is refused by its declared size, before inflating', async () => {
    const { found, prefix } = await lookUpPlanted(
      writeTestZip([{ name: 'run-record.json', data: Buffer.alloc(MAX_RUN_RECORD_BYTES + 1, 0x20), method: 8 }]),
    );
    expect(found.records).toBeUndefined();
    expect(found.notices).toEqual([
      `${prefix}: run-record.json in it is ${formatBytes(MAX_RUN_RECORD_BYTES + 1)} uncompressed; ` +
        `at most ${formatBytes(MAX_RUN_RECORD_BYTES)} is read`,
    ]);
    expect(local.downloads).toHaveLength(1); // a refusal is not retried
  });

  it('an archive that outgrows 64 MiB while downloading, with no length declared, is refused', async () => {
    const { found, prefix } = await lookUpPlanted({ unsizedZeros: 64 * MiB + 1 });
    expect(found.records).toBeUndefined();
    expect(found.notices).toEqual([`${prefix} is larger than 64 MiB compressed; refused`]);
    expect(local.downloads).toHaveLength(1);
  });

  it('an archive of more than 16 entries is refused', async () => {
    const fillers = Array.from({ length: 16 }, (_, i): TestZipEntry => ({ name: `filler-${i}`, data: '{}' }));
    const { found, prefix } = await lookUpPlanted(writeTestZip([{ name: 'run-record.json', data: '{}' }, ...fillers]));
    expect(found.notices).toEqual([`${prefix}: holds 17 entries; at most 16 are accepted`]);
  });
});

describe("a fork's record", () => {
  /** A run of a pull request from the fork's branch `main`, at `sha`, with a record that claims to be main's. */
  function forkRun(sha: string): number {
    if (local.api.state.repo(FORK) === undefined) {
      local.api.state.addRepo({ owner: 'fork-user', name: 'churn', parent: FULL_NAME });
    }
    const run = local.api.state.addWorkflowRun(FULL_NAME, {
      headSha: sha,
      headBranch: 'main',
      headRepo: FORK,
      event: 'pull_request',
    });
    local.plant({ runId: run.id, name: RECORD, bytes: recordZip(mainRecord(sha, run.id, 0.99)) });
    return run.id;
  }

  it('is not found automatically, even from a run whose branch name and commit match the merge base', async () => {
    const mergeBase = mainCommit('untrained');
    forkRun(mergeBase);
    const { found } = await lookUpFromPull(mergeBase);

    expect(found.records).toBeUndefined();
    expect(found.notices).toEqual([
      `no run record "${RECORD}" was found on main for the merge base ${short(mergeBase)} or before it`,
    ]);
    expect(local.downloads).toEqual([]);
  });

  it('is not taken when the artifact is named: an older record of our own main is', async () => {
    const sha = mainCommit('trained');
    const { record } = recordedPush(sha, 0.9);
    forkRun(sha); // newer, so first in the listing
    const { found } = await lookUpFromPull(sha, RECORD);

    expect(found.records).toEqual([record]);
    expect(found.notices).toEqual([]);
    expect(local.downloads).toHaveLength(1);
  });

  it('named, and the only artifact of that name, is a notice and no download', async () => {
    const sha = mainCommit('untrained');
    forkRun(sha);
    const { found } = await lookUpFromPull(sha, RECORD);

    expect(found.records).toBeUndefined();
    expect(found.notices).toEqual([`no unexpired artifact named "${RECORD}" was made by a run on main`]);
    expect(local.downloads).toEqual([]);
  });

  it("named, and uploaded by our main's run but made in the fork, is refused by its provenance", async () => {
    const sha = mainCommit('trained');
    const runId = pushRun(sha);
    const record = mainRecord(sha, runId, 0.99, { provenance: { repository: FORK } });
    local.plant({ runId, name: RECORD, bytes: recordZip(record) });
    const { found } = await lookUpFromPull(sha, RECORD);

    expect(found.records).toBeUndefined();
    expect(found.notices).toEqual([
      `the run record in artifact "${RECORD}" was made in ${FORK}, not ${FULL_NAME}; it is not used as the baseline`,
    ]);
  });
});
