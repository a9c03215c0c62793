import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunRecord } from '@ml-actions/core';
import { writeTestZip, type WorkflowJobSeed } from '@ml-actions/testkit';
import { newestAttempts } from '../src/record-artifacts.ts';
import type { Log } from '../src/step-log.ts';
import { jobDisplayName, readWorkflowRecords } from '../src/workflow-records.ts';
import { FULL_NAME, startLocalRepository, type LocalRepository, type StoredBytes } from './support/local-repository.ts';
import { mainRecord, pushContext, recordZip } from './support/run-records.ts';

let local: LocalRepository;
let workspace: string;
let warnings: string[] = [];
const log: Log = {
  info: () => undefined,
  debug: () => undefined,
  notice: () => undefined,
  warning: (text) => warnings.push(text),
  error: () => undefined,
  group: (_title, body) => body(),
};

beforeEach(async () => {
  warnings = [];
  local = await startLocalRepository();
  workspace = await mkdtemp(join(tmpdir(), 'github-fan-in-'));
});
afterEach(async () => {
  try {
    local.api.assertNoViolations();
  } finally {
    await local.close();
    await rm(workspace, { recursive: true, force: true });
  }
});

/** The run's id is known only once it is seeded: records are made for it afterwards. */
const NEXT_RUN = 500_000;

/** The record the leg `train (model, seed)` of run `runId` writes, as train names its artifact and file. */
function legRecord(runId: number, model: string, seed: number, accuracy = 0.9): RunRecord {
  return mainRecord(local.rootSha, runId, accuracy, {
    experiment: `train-${model}`,
    runId: `${runId}-1-train-${model}-${seed}`,
    provenance: { job: 'train', matrix: { model, seed } },
  });
}
function legArtifact(record: RunRecord, createdAt?: string): { name: string; bytes: StoredBytes; createdAt?: string } {
  const seed = String(record.provenance.matrix['seed']);
  return {
    name: `ml-run-${record.experiment}-seed-${seed}`,
    bytes: recordZip(record, `run-record-seed-${seed}.json`),
    ...(createdAt === undefined ? {} : { createdAt }),
  };
}

/** `count` legs over models a, b, ... and seeds 1-5, each with its record, and the report job running. */
function matrix(count: number): { legs: WorkflowJobSeed[]; records: RunRecord[] } {
  const legs: WorkflowJobSeed[] = [{ name: 'report', status: 'in_progress' }];
  const records: RunRecord[] = [];
  for (let i = 0; i < count; i++) {
    const model = `m${Math.floor(i / 5)}`;
    const seed = (i % 5) + 1;
    legs.unshift({ name: `train (${model}, ${seed})` });
    records.push(legRecord(NEXT_RUN, model, seed, 0.8 + i / 10_000));
  }
  return { legs, records };
}

async function fanIn(runId: number) {
  const mark = local.api.requests.length;
  const downloads = local.downloads.length;
  const found = await readWorkflowRecords({
    github: local.github,
    context: { ...pushContext({ sha: local.rootSha, runId, workspace }), job: 'report' },
    log,
  });
  return { found, requests: local.requestsSince(mark), downloads: local.downloads.slice(downloads) };
}

const byRunId = (records: RunRecord[]) => [...records].sort((a, b) => (a.runId < b.runId ? -1 : 1));
const listings = (requests: string[]) => requests.filter((request) => !request.endsWith('/zip'));

describe('the records of the current workflow run', () => {
  it("are every leg's, read with two listings and one download each; other artifacts are not downloaded", async () => {
    const { legs, records } = matrix(4);
    const { run } = local.startWorkflowRun({
      headSha: local.rootSha,
      jobs: legs,
      artifacts: [...records.map((record) => legArtifact(record)), { name: 'model', bytes: writeTestZip({ a: 'b' }) }],
    });
    expect(run.id).toBe(NEXT_RUN);
    const { found, requests, downloads } = await fanIn(run.id);

    expect(byRunId(found.records)).toEqual(byRunId(records));
    expect(found.missing).toEqual([]);
    expect(found.invalid).toEqual([]);
    expect(warnings).toEqual([]);
    expect(listings(requests).sort()).toEqual([
      `GET /repos/${FULL_NAME}/actions/runs/${run.id}/artifacts`,
      `GET /repos/${FULL_NAME}/actions/runs/${run.id}/jobs`,
    ]);
    expect(requests).toHaveLength(2 + 4);
    expect(downloads).toHaveLength(4);
    const jobs = local.api.requests.find((request) => request.path.endsWith('/jobs'));
    expect(jobs?.query).toMatchObject({ filter: 'latest', per_page: '100' });
  });

  it('of a re-run leg are its newest attempt, and the older upload is never downloaded', async () => {
    const first = legRecord(NEXT_RUN, 'a', 1, 0.5);
    const second = { ...legRecord(NEXT_RUN, 'a', 1, 0.95), attempt: 2 };
    const other = legRecord(NEXT_RUN, 'a', 2);
    // Recent, so that none has expired.
    const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
    const { run, artifacts } = local.startWorkflowRun({
      headSha: local.rootSha,
      runAttempt: 2,
      jobs: [
        { name: 'train (a, 1)', conclusion: 'failure', runAttempt: 1 },
        { name: 'train (a, 1)', runAttempt: 2 },
        { name: 'train (a, 2)', runAttempt: 1 },
        { name: 'report', status: 'in_progress' },
      ],
      artifacts: [
        legArtifact(second, minutesAgo(10)),
        legArtifact(first, minutesAgo(40)),
        legArtifact(other, minutesAgo(40)),
      ],
    });
    const { found, downloads } = await fanIn(run.id);

    expect(byRunId(found.records)).toEqual(byRunId([second, other]));
    expect(found.missing).toEqual([]);
    expect(downloads).not.toContain(artifacts[1]?.id);
  });

  it('lists a leg that failed before writing its record as missing, and no other job', async () => {
    const recorded = legRecord(NEXT_RUN, 'a', 1);
    // Its gate failed after train wrote the record: failed, but not missing.
    const gated = legRecord(NEXT_RUN, 'a', 2, 0.1);
    const { run, jobs } = local.startWorkflowRun({
      headSha: local.rootSha,
      jobs: [
        { name: 'train (a, 1)' },
        { name: 'train (a, 2)', conclusion: 'failure' },
        { name: 'train (a, 3)', conclusion: 'failure' },
        { name: 'train (a, 4)', conclusion: 'cancelled' },
        { name: 'train (a, 5)', conclusion: 'timed_out' },
        { name: 'train (b, 1)', conclusion: 'skipped' },
        { name: 'lint' }, // succeeded with no record: not a training leg
        { name: 'package', status: 'queued' },
        { name: 'report', status: 'in_progress' },
      ],
      artifacts: [legArtifact(recorded), legArtifact(gated)],
    });
    const { found } = await fanIn(run.id);

    expect(byRunId(found.records)).toEqual(byRunId([recorded, gated]));
    const url = (name: string) => {
      const job = jobs.find((candidate) => candidate.name === name);
      return { jobId: job?.id, url: `https://github.com/${FULL_NAME}/actions/runs/${run.id}/job/${job?.id}` };
    };
    expect(found.missing).toEqual([
      { jobDisplayName: 'train (a, 3)', conclusion: 'failure', ...url('train (a, 3)') },
      { jobDisplayName: 'train (a, 4)', conclusion: 'cancelled', ...url('train (a, 4)') },
      { jobDisplayName: 'train (a, 5)', conclusion: 'timed_out', ...url('train (a, 5)') },
    ]);
    expect(found.invalid).toEqual([]);
  });

  it('reports a malformed record, an artifact without one and a record of another run, naming each artifact', async () => {
    const good = legRecord(NEXT_RUN, 'a', 1);
    const foreign = legRecord(NEXT_RUN - 1, 'a', 3);
    const { run, artifacts } = local.startWorkflowRun({
      headSha: local.rootSha,
      jobs: [{ name: 'train (a, 1)' }, { name: 'train (a, 2)', conclusion: 'failure' }, { name: 'train (a, 3)' }],
      artifacts: [
        legArtifact(good),
        {
          name: 'ml-run-train-a-seed-2',
          bytes: writeTestZip({ 'run-record-seed-2.json': '{"schema": "ml-actions/run' }),
        },
        { name: 'ml-run-train-a-seed-3', bytes: recordZip(foreign) },
        { name: 'ml-run-train-a-seed-4', bytes: writeTestZip({ 'metrics.json': '{}' }) },
      ],
    });
    const { found } = await fanIn(run.id);

    expect(found.records).toEqual([good]);
    const label = (index: number) => `artifact "${artifacts[index]?.name}" of workflow run ${run.id}`;
    expect(found.invalid.map((entry) => [entry.artifact, entry.artifactId])).toEqual(
      [1, 2, 3].map((index) => [artifacts[index]?.name, artifacts[index]?.id]),
    );
    const [malformed, other, empty] = found.invalid.map((entry) => entry.reason);
    expect(malformed?.startsWith(`${label(1)}:`)).toBe(true);
    expect(malformed).toContain('not a run record');
    expect(other).toBe(`${label(2)} holds a record of workflow run ${NEXT_RUN - 1}, not of this one`);
    expect(empty).toBe(`${label(3)} holds no run record file (run-record.json or run-record-*.json)`);
    expect(warnings).toEqual(found.invalid.map((entry) => `${entry.reason}; its record is left out`));
    // The leg whose record could not be read failed, and nothing valid names it.
    expect(found.missing.map((leg) => leg.jobDisplayName)).toEqual(['train (a, 2)']);
  });

  it('takes 2 listings and one download per leg for 50 legs, within 6 + 50 requests', async () => {
    const { legs, records } = matrix(50);
    const { run } = local.startWorkflowRun({
      headSha: local.rootSha,
      jobs: legs,
      artifacts: records.map((record) => legArtifact(record)),
    });
    const { found, requests } = await fanIn(run.id);

    expect(found.records).toHaveLength(50);
    expect(byRunId(found.records)).toEqual(byRunId(records));
    expect(requests.length).toBeLessThanOrEqual(6 + 50);
    expect(listings(requests)).toHaveLength(2);
  });

  it('reads 200 legs over pages of 100, within 6 + 200 requests', async () => {
    const { legs, records } = matrix(200);
    const failed = legs.findIndex((leg) => leg.name === 'train (m39, 5)');
    legs[failed] = { name: 'train (m39, 5)', conclusion: 'failure' };
    const { run } = local.startWorkflowRun({
      headSha: local.rootSha,
      jobs: legs,
      artifacts: records.slice(0, -1).map((record) => legArtifact(record)),
    });
    const { found, requests } = await fanIn(run.id);

    expect(found.records).toHaveLength(199);
    expect(new Set(found.records.map((record) => record.runId)).size).toBe(199);
    expect(found.missing.map((leg) => leg.jobDisplayName)).toEqual(['train (m39, 5)']);
    expect(requests.length).toBeLessThanOrEqual(6 + 200);
    // 199 artifacts and 201 jobs: two pages and three.
    expect(listings(requests)).toHaveLength(5);
  });
});

describe('hostile artifact names', () => {
  it('choose what is downloaded, never what a record is: the record says its experiment', async () => {
    const claimed = legRecord(NEXT_RUN, 'a', 1);
    const stray = legRecord(NEXT_RUN, 'b', 1);
    const copy = { ...claimed };
    const { run, artifacts } = local.startWorkflowRun({
      headSha: local.rootSha,
      jobs: [{ name: 'train (a, 1)' }, { name: 'train (b, 1)' }],
      artifacts: [
        // Named as another experiment's, holding train-a's record: train-a's it is.
        { name: 'ml-run-eval-seed-1', bytes: recordZip(claimed) },
        // A record file whose name train never writes (workflow commands in it) is not read.
        { name: 'ml-run-../../etc/passwd', bytes: recordZip(stray, 'run-record-::error::x.json') },
        // The same record again, as a fork could upload it to count twice.
        { name: 'ml-run-<script>alert(1)</script>', bytes: recordZip(copy) },
        // Not a record artifact by its name: never downloaded, whatever it holds.
        { name: 'evil-ml-run-x', bytes: recordZip(legRecord(NEXT_RUN, 'c', 1)) },
        // A record below the top level is not the record file.
        { name: 'ml-run-nested', bytes: writeTestZip({ 'sub/run-record.json': '{}' }) },
      ],
    });
    const { found, downloads } = await fanIn(run.id);

    expect(found.records.map((record) => record.experiment).sort()).toEqual(['train-a']);
    expect(downloads).not.toContain(artifacts[3]?.id);
    expect(downloads).toHaveLength(4);
    const reasons = found.invalid.map((entry) => entry.reason);
    expect(reasons).toHaveLength(3);
    expect(reasons).toContain(
      `artifact "ml-run-nested" of workflow run ${run.id} holds no run record file (run-record.json or run-record-*.json)`,
    );
    expect(reasons.filter((reason) => reason.includes('holds no run record file'))).toHaveLength(2);
    expect(reasons.find((reason) => reason.includes('repeats run'))).toMatch(
      new RegExp(`repeats run ${claimed.runId}, already read from artifact "ml-run-`),
    );
    expect(found.missing).toEqual([]);
  });
});

describe('newestAttempts', () => {
  it('keeps, of each name, the latest created, then the highest id, in name order', () => {
    const at = (id: number, name: string, created_at: string | null) => ({ id, name, created_at });
    expect(
      newestAttempts([
        at(5, 'ml-run-b', '2026-01-02T00:00:00Z'),
        at(9, 'ml-run-b', '2026-01-01T00:00:00Z'),
        at(3, 'ml-run-a', '2026-01-01T00:00:00Z'),
        at(4, 'ml-run-a', '2026-01-01T00:00:00Z'),
        at(2, 'ml-run-a', null),
        at(1, 'ml-run-c', null),
      ]).map((artifact) => artifact.id),
    ).toEqual([4, 5, 1]);
  });
});

describe('jobDisplayName', () => {
  it('is the job id, with the matrix values in parentheses, as GitHub names a matrix leg', () => {
    expect(jobDisplayName('lint', {})).toBe('lint');
    expect(jobDisplayName('train', { model: 'a', seed: 1 })).toBe('train (a, 1)');
    expect(jobDisplayName('test', { os: 'ubuntu-latest', gpu: false, node: 24.1 })).toBe(
      'test (ubuntu-latest, false, 24.1)',
    );
  });
});
