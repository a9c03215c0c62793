import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError, parseRunRecord, runRecordFileName, serializeRunRecord, type RunRecord } from '@ml-actions/core';
import { writeTestZip } from '@ml-actions/testkit';
import { jobRecordsFolder, readRunRecords, writeJobRecord } from '../src/job-records.ts';
import { RECORD_ARTIFACT_PREFIX, downloadRunRecord, runRecordArtifactName } from '../src/run-record-artifact.ts';
import { safeArtifactName } from '../src/text-artifact.ts';
import { FULL_NAME, OWNER, REPO, startLocalRepository, type LocalRepository } from './support/local-repository.ts';
import { mainRecord } from './support/run-records.ts';

/** What GitHub refuses in an artifact name, and what would mislead a reader of one (the joiner inside emoji aside). */
const UNSAFE = /["':<>|*?\\/\p{Cc}\p{Cs}]|(?!\u200d)\p{Cf}/u;
const anyText = fc.string({ unit: 'binary', maxLength: 60 });
const hostile = [
  'x'.repeat(5000),
  'モデル',
  '../../etc/passwd',
  `"quoted" 'too'`,
  '👩‍🔬🧪',
  'nul\u0000esc\u001b[31mnew\nline',
  'rtl\u202eevil',
  '\ud800lone',
];

describe('record artifact names', () => {
  it('begin with the shared prefix; a record without a replicate keeps the name it always had', () => {
    expect(RECORD_ARTIFACT_PREFIX).toBe('ml-run-');
    expect(runRecordArtifactName('train')).toBe('ml-run-train');
    expect(runRecordArtifactName('train-a', { key: 'seed', value: '2' })).toBe('ml-run-train-a-seed-2');
  });

  it('hostile experiments and values give names GitHub takes, each of its own', () => {
    const names = new Set<string>();
    for (const value of hostile) {
      const name = runRecordArtifactName(`train-${value}`, { key: 'seed', value });
      expect(name.startsWith(RECORD_ARTIFACT_PREFIX)).toBe(true);
      expect(name, JSON.stringify(value)).not.toMatch(UNSAFE);
      expect(name.length).toBeLessThanOrEqual(200);
      names.add(name);
    }
    expect(names.size).toBe(hostile.length);
  });

  it('property: distinct experiment and value pairs get distinct, safe artifact names', () => {
    fc.assert(
      fc.property(fc.tuple(anyText, anyText), fc.tuple(anyText, anyText), ([e1, v1], [e2, v2]) => {
        fc.pre(e1 !== e2 || v1 !== v2);
        const a = runRecordArtifactName(e1 || 'x', { key: 'seed', value: v1 });
        const b = runRecordArtifactName(e2 || 'x', { key: 'seed', value: v2 });
        if ((e1 || 'x') !== (e2 || 'x') || v1 !== v2) expect(a).not.toBe(b);
        expect(a).not.toMatch(UNSAFE);
        expect(a.length).toBeLessThanOrEqual(200);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('safeArtifactName', () => {
  it('cuts a long name between characters, never inside a surrogate pair or an emoji sequence', () => {
    // The cut falls at code unit 187: inside the pair of 🧪, and inside the joined 👩‍🔬.
    for (const tail of ['🧪'.repeat(20), '👩‍🔬'.repeat(20), 'e\u0301'.repeat(20)]) {
      for (const lead of [185, 186, 187]) {
        const name = safeArtifactName(`${'a'.repeat(lead)}${tail}`);
        expect(name).toHaveLength(Math.min(name.length, 200));
        expect(name).not.toMatch(/\p{Cs}/u);
        const kept = name.slice(0, -13);
        expect(tail.startsWith(kept.slice(lead)), `${lead}: ${JSON.stringify(kept.slice(lead))}`).toBe(true);
        // Whole characters of the tail only: what is kept is a whole number of them.
        const unit = [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(tail)][0]!.segment;
        expect((kept.length - lead) % unit.length).toBe(0);
      }
    }
  });

  it('replaces control and format characters and lone surrogates, and hashes the exact name', () => {
    expect(safeArtifactName('a\tb')).toMatch(/^a_b-[0-9a-f]{12}$/);
    expect(safeArtifactName('a\u202eb')).toMatch(/^a_b-[0-9a-f]{12}$/);
    expect(safeArtifactName('a\ud800')).not.toBe(safeArtifactName('a\ud801'));
    expect(safeArtifactName('a\ud800')).not.toMatch(/\p{Cs}/u);
    // Names that were safe are as they were, so earlier artifacts are still found by name.
    expect(safeArtifactName('ml-run-train (python 3.12)')).toBe('ml-run-train (python 3.12)');
    expect(safeArtifactName('ml-run-モデル-👩‍🔬')).toBe('ml-run-モデル-👩‍🔬');
  });

  it('property: every name comes out safe, within 200 characters, and distinct names stay distinct', () => {
    const name = fc.oneof(anyText, fc.string({ unit: 'binary', minLength: 190, maxLength: 260 }));
    fc.assert(
      fc.property(name, name, (a, b) => {
        const safe = safeArtifactName(a);
        expect(safe).not.toMatch(UNSAFE);
        expect(safe.length).toBeLessThanOrEqual(200);
        if (a !== b) expect(safe).not.toBe(safeArtifactName(b));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('downloadRunRecord', () => {
  let local: LocalRepository;
  beforeEach(async () => {
    local = await startLocalRepository();
  });
  afterEach(async () => {
    await local.close();
  });

  /** Plants `files` as a record artifact of a new run, then downloads it. */
  async function download(files: Record<string, string>): Promise<RunRecord> {
    const run = local.api.state.addWorkflowRun(FULL_NAME, {
      headSha: local.rootSha,
      headBranch: 'main',
      event: 'push',
    });
    const artifact = local.plant({ runId: run.id, name: 'ml-run-train', bytes: writeTestZip(files) });
    return downloadRunRecord(
      local.github,
      { owner: OWNER, repo: REPO },
      { artifactId: artifact.id, workflowRunId: run.id, label: 'artifact "ml-run-train"' },
    );
  }
  const record = mainRecord('a'.repeat(40), 1, 0.9);
  const replicate: RunRecord = { ...record, replicate: { key: 'seed', value: '2' } };

  it("reads a record artifact's run-record-<name>.json, as train now uploads it", async () => {
    const file = runRecordFileName(replicate);
    expect(file).toBe('run-record-train-seed-2.json');
    expect(await download({ [file]: serializeRunRecord(replicate), 'notes.txt': 'other' })).toEqual(replicate);
  });

  it('reads the run-record.json of an artifact made before replicates had their own file', async () => {
    expect(await download({ 'run-record.json': serializeRunRecord(record) })).toEqual(record);
  });

  it('refuses an artifact with two record files, or none, saying so', async () => {
    const two = download({
      'run-record.json': serializeRunRecord(record),
      'run-record-b.json': serializeRunRecord(record),
    });
    await expect(two).rejects.toThrow(
      'artifact "ml-run-train": holds 2 files that could each be the one read (run-record.json, run-record-b.json); only one is read',
    );
    const none = download({ 'nested/run-record.json': serializeRunRecord(record), 'record.json': '{}' });
    await expect(none).rejects.toThrow(
      new UserError('artifact "ml-run-train" holds no run record file (run-record.json or run-record-*.json)'),
    );
  });
});

describe('writeJobRecord', () => {
  let temp: string;
  beforeEach(async () => {
    temp = await mkdtemp(join(tmpdir(), 'job-records-'));
  });
  afterEach(async () => {
    await rm(temp, { recursive: true, force: true });
  });
  const job = () => ({ workspace: temp, temp });
  const seed = (value: string, runId: string): RunRecord => ({
    ...mainRecord('a'.repeat(40), 1, Number(value) / 10),
    runId,
    replicate: { key: 'seed', value },
  });

  it('writes each experiment and replicate to a file of its own name', async () => {
    const first = await writeJobRecord(seed('1', 'r1'), job());
    const second = await writeJobRecord(seed('2', 'r2'), job());
    expect(first).toEqual({ path: join(jobRecordsFolder(job()), 'run-record-train-seed-1.json') });
    expect(second.duplicateOf).toBeUndefined();
    expect((await readRunRecords([], job())).map((r) => r.runId).sort()).toEqual(['r1', 'r2']);
  });

  it('a second record of one experiment and replicate goes to duplicates/, never over the first', async () => {
    const first = await writeJobRecord(seed('1', 'r1'), job());
    const again = await writeJobRecord(seed('1', 'r 2/x'), job());
    expect(again.duplicateOf).toBe(first.path);
    expect(again.path).toBe(join(jobRecordsFolder(job()), 'duplicates', 'run-record-train-seed-1-r_2_x.json'));
    expect(parseRunRecord(await readFile(again.path, 'utf8'), 'dup').runId).toBe('r 2/x');
    expect(parseRunRecord(await readFile(first.path, 'utf8'), 'first').runId).toBe('r1');
    // Later steps read the job's records, not the duplicates.
    expect((await readRunRecords([], job())).map((r) => r.runId)).toEqual(['r1']);
    expect(await readdir(jobRecordsFolder(job()))).toEqual(['duplicates', 'run-record-train-seed-1.json'].sort());
  });
});
