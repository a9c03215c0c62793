import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunRecord } from '@ml-actions/core';
import { writeTestZip } from '@ml-actions/testkit';
import { findBaselines } from '../src/baseline.ts';
import { mayHoldExperiment } from '../src/record-artifacts.ts';
import { safeArtifactName } from '../src/text-artifact.ts';
import type { Log } from '../src/step-log.ts';
import { FULL_NAME, startLocalRepository, type LocalRepository } from './support/local-repository.ts';
import { mainRecord, pullRequestContext, recordZip } from './support/run-records.ts';

const CURRENT_RUN = 9000;

let local: LocalRepository;
let workspace: string;
const quietLog: Log = {
  info: () => undefined,
  debug: () => undefined,
  notice: () => undefined,
  warning: () => undefined,
  error: () => undefined,
  group: (_title, body) => body(),
};

beforeEach(async () => {
  local = await startLocalRepository();
  workspace = await mkdtemp(join(tmpdir(), 'github-baseline-replicates-'));
});
afterEach(async () => {
  try {
    local.api.assertNoViolations();
  } finally {
    await local.close();
    await rm(workspace, { recursive: true, force: true });
  }
});

/** A push run of a new main commit in which each experiment recorded `replicates` seeds. */
function trainedPush(experiments: string[], replicates: number, message = 'trained') {
  const sha = local.api.state.addCommit(FULL_NAME, { branch: 'main', message }).sha;
  const runId = local.api.state.addWorkflowRun(FULL_NAME, { headSha: sha, headBranch: 'main', event: 'push' }).id;
  const records = new Map<string, RunRecord[]>();
  for (const experiment of experiments) {
    const mine: RunRecord[] = [];
    for (let seed = 1; seed <= replicates; seed++) {
      const record = mainRecord(sha, runId, 0.9 + seed / 100, {
        experiment,
        runId: `${runId}-1-${experiment}-${seed}`,
        provenance: { matrix: { experiment, seed } },
      });
      local.plant({
        runId,
        name: safeArtifactName(`ml-run-${experiment}-seed-${seed}`),
        bytes: recordZip(record, `run-record-seed-${seed}.json`),
      });
      mine.push(record);
    }
    records.set(experiment, mine);
  }
  return { sha, runId, records };
}

async function lookUp(experiments: string[], baseSha: string) {
  const headSha = local.api.state.addCommit(FULL_NAME, { parents: [baseSha], message: 'feature' }).sha;
  const mark = local.api.requests.length;
  const downloads = local.downloads.length;
  const found = await findBaselines({
    spec: { kind: 'auto' },
    experiments,
    context: pullRequestContext({ number: 7, headSha, baseSha, runId: CURRENT_RUN, workspace }),
    github: local.github,
    log: quietLog,
  });
  const requests = local.requestsSince(mark);
  return {
    found,
    requests,
    listings: requests.filter((request) => !request.endsWith('/zip')),
    downloads: local.downloads.slice(downloads),
  };
}

const byRunId = (records: RunRecord[] | undefined) => [...(records ?? [])].sort((a, b) => (a.runId < b.runId ? -1 : 1));

describe('the baseline of many experiments', () => {
  it('is every replicate of each, 200 experiments x 3 in at most 10 requests plus the downloads', async () => {
    const experiments = Array.from({ length: 200 }, (_, i) => `exp-${String(i).padStart(3, '0')}`);
    const { sha, runId, records } = trainedPush(experiments, 3);
    local.plant({ runId, name: 'churn-model', bytes: writeTestZip({ 'model.bin': 'weights' }) });
    const { found, requests, listings, downloads } = await lookUp(experiments, sha);

    expect(found.notices).toEqual([]);
    expect(found.sha).toBe(sha);
    expect(found.url).toBe(`https://github.com/${FULL_NAME}/actions/runs/${runId}`);
    expect(byRunId(found.records)).toEqual(byRunId([...records.values()].flat()));
    // In the order of the experiments asked for, their replicates together.
    expect(found.records?.slice(0, 3).map((record) => record.experiment)).toEqual(['exp-000', 'exp-000', 'exp-000']);
    // compare, the merge base's runs, 601 artifacts in 7 pages; the model is never downloaded.
    expect(listings.length).toBeLessThanOrEqual(10);
    expect(listings).toHaveLength(9);
    expect(downloads).toHaveLength(600);
    expect(requests).toHaveLength(listings.length + 600);
  });

  it("of one experiment downloads only the artifacts its name allows, and a neighbour's record stays out", async () => {
    const others = Array.from({ length: 20 }, (_, i) => `other-${i}`);
    const { sha, records } = trainedPush(['train', 'train-big', ...others], 3);
    const { found, downloads } = await lookUp(['train'], sha);

    expect(byRunId(found.records)).toEqual(byRunId(records.get('train')));
    // train's three and train-big's three (its name starts like train's): the record decides.
    expect(downloads).toHaveLength(6);
    expect(found.notices).toEqual([]);
  });

  it('takes the newest upload of a replicate re-run in a later attempt', async () => {
    const { sha, runId, records } = trainedPush(['train'], 2);
    const rerun = { ...(records.get('train')?.[1] as RunRecord), attempt: 2 };
    rerun.metrics = { accuracy: { value: 0.99 } };
    local.plant({ runId, name: 'ml-run-train-seed-2', bytes: recordZip(rerun, 'run-record-seed-2.json') });
    const { found } = await lookUp(['train'], sha);

    expect(byRunId(found.records)).toEqual(byRunId([records.get('train')?.[0] as RunRecord, rerun]));
  });

  it('falls back for the experiments the merge base lacks, sharing the requests, with one notice', async () => {
    const older = trainedPush(['a', 'b', 'c'], 2, 'older');
    const newer = trainedPush(['a'], 2, 'newer');
    const { found, listings } = await lookUp(['a', 'b', 'c', 'd'], newer.sha);

    expect(byRunId(found.records)).toEqual(
      byRunId([
        ...(newer.records.get('a') ?? []),
        ...(older.records.get('b') ?? []),
        ...(older.records.get('c') ?? []),
      ]),
    );
    expect(found.sha).toBe(newer.sha);
    expect(found.notices).toEqual([
      `no run record for the merge base ${newer.sha.slice(0, 7)}; using the newest earlier record on main, from ${older.sha.slice(0, 7)}`,
      `no run record "ml-run-d" was found on main for the merge base ${newer.sha.slice(0, 7)} or before it`,
    ]);
    // compare, runs, newer's artifacts, commits, runs, older's artifacts: each run listed once.
    expect(listings).toHaveLength(6);
  });

  it('gives one notice for many experiments without a record', async () => {
    const { sha } = trainedPush(['a'], 1);
    const missing = ['b', 'c', 'd', 'e', 'f'];
    const { found } = await lookUp(['a', ...missing], sha);

    expect(found.records).toHaveLength(1);
    expect(found.notices).toEqual([
      `no run records of 5 experiments (b, c, d and 2 more) were found on main for the merge base ${sha.slice(0, 7)} or before it`,
    ]);
  });

  it("counts a record by its content: one named for train that holds eval's is eval's", async () => {
    const sha = local.api.state.addCommit(FULL_NAME, { branch: 'main', message: 'trained' }).sha;
    const runId = local.api.state.addWorkflowRun(FULL_NAME, { headSha: sha, headBranch: 'main', event: 'push' }).id;
    const evalRecord = mainRecord(sha, runId, 0.7, { experiment: 'eval', runId: `${runId}-eval` });
    const trainRecord = mainRecord(sha, runId, 0.9, { runId: `${runId}-train` });
    local.plant({ runId, name: 'ml-run-train-seed-9', bytes: recordZip(evalRecord) });
    local.plant({ runId, name: 'ml-run-eval', bytes: recordZip(trainRecord) });
    const { found } = await lookUp(['train', 'eval'], sha);

    expect(found.records).toEqual([trainRecord, evalRecord]);
    expect(found.notices).toEqual([]);
  });
});

describe('mayHoldExperiment', () => {
  it("lets through the experiment's names and those that start like them, and no other", () => {
    expect(mayHoldExperiment('ml-run-train', 'train')).toBe(true);
    expect(mayHoldExperiment('ml-run-train-seed-1', 'train')).toBe(true);
    expect(mayHoldExperiment('ml-run-trainer', 'train')).toBe(false);
    expect(mayHoldExperiment('ml-run-eval', 'train')).toBe(false);
    expect(mayHoldExperiment(safeArtifactName('ml-run-a/b-seed-1'), 'a/b')).toBe(true);
    const long = 'x'.repeat(300);
    expect(mayHoldExperiment(safeArtifactName(`ml-run-${long}-seed-1`), long)).toBe(true);
    expect(mayHoldExperiment(safeArtifactName(`ml-run-${long}`), long)).toBe(true);
  });
});
