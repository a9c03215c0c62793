/**
 * Whoever uploaded an artifact chose its bytes: a fork's comparison bundle, or a record of a run on
 * main. A download is held in memory and capped (entries, each entry's size, the total) before a
 * byte is inflated, so a zip bomb costs its compressed size and is refused with the artifact named;
 * only the one file we expect is read.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatBytes, parseRunRecord, serializeCompareBundle, serializeRunRecord } from '@ml-actions/core';
import { writeTestZip, type TestZipEntry } from '@ml-actions/testkit';
import { Lab, REPO } from './support/lab.ts';
import { plantArtifact } from './support/planted-artifact.ts';

const READ_ONLY = 'ghs_artifactDownloadsReadOnly000000000000';
const MiB = 1024 * 1024;

let lab: Lab;
let workspace: string;

beforeAll(async () => {
  lab = await Lab.start();
  lab.github.api.tokens.add(READ_ONLY, { login: 'github-actions[bot]', installation: true, readOnly: true });
  workspace = await lab.workspace();
  await lab.trainOnMain(workspace, { accuracy: 0.9 });
});
afterEach(() => lab.github.api.assertNoViolations());
afterAll(async () => {
  await lab?.close();
});

/** A fork's finished run whose only comparison artifact is `zip`; then the trusted stage publishes it. */
async function publishPlanted(zip: (bundle: string) => Buffer) {
  const { number, headSha, headRef, job, record } = await lab.forkPull(workspace, { accuracy: 0.95 }, READ_ONLY);
  const bundle = serializeCompareBundle({
    repository: REPO,
    pullRequest: number,
    headSha,
    runs: [parseRunRecord(await readFile(record, 'utf8'), 'record')],
  });
  await job.finish();
  await plantArtifact(lab.github, { runId: job.runId, name: 'ml-compare-train', zip: zip(bundle) });
  const run = await lab.publish({ runId: job.runId, headSha, headRef }, workspace, { rules: 'accuracy >= 0.9' });
  return { run, number, headSha, bundle, label: `artifact "ml-compare-train" of workflow run ${job.runId}` };
}

describe("a fork's comparison artifact", () => {
  it('a zip bomb that declares its true size is refused before anything is inflated', async () => {
    const { run, number, headSha, label } = await publishPlanted(() =>
      writeTestZip([{ name: 'compare-bundle.json', data: Buffer.alloc(65 * MiB, 0x20), method: 8 }]),
    );
    expect(run.exitCode).toBe(1);
    expect(run.annotations.find((a) => a.level === 'error')?.message).toBe(
      `${label}: its entries add up to more than 64 MiB uncompressed; refused`,
    );
    expect(lab.compareComments(number, 'ml')).toEqual([]);
    expect(lab.checkRuns(headSha)).toEqual([]);
  });

  it('a zip bomb whose header lies about its size stops inflating at the declared size', async () => {
    const { run, number, label, bundle } = await publishPlanted((bundle) =>
      writeTestZip([
        {
          name: 'compare-bundle.json',
          data: Buffer.concat([Buffer.from(bundle), Buffer.alloc(200 * MiB, 0x20)]),
          method: 8,
          declaredSize: bundle.length,
        },
      ]),
    );
    expect(run.exitCode).toBe(1);
    expect(run.annotations.find((a) => a.level === 'error')?.message).toBe(
      `${label}: compare-bundle.json in it inflates past its declared ${formatBytes(bundle.length)}`,
    );
    expect(lab.compareComments(number, 'ml')).toEqual([]);
  });

  it('an archive of more entries than ours ever hold is refused', async () => {
    const { run, label } = await publishPlanted((bundle) =>
      writeTestZip([
        { name: 'compare-bundle.json', data: bundle },
        ...Array.from({ length: 16 }, (_, i): TestZipEntry => ({ name: `filler-${i}.json`, data: '{}' })),
      ]),
    );
    expect(run.exitCode).toBe(1);
    expect(run.annotations.find((a) => a.level === 'error')?.message).toBe(
      `${label}: holds 17 entries; at most 16 are accepted`,
    );
  });

  it('only compare-bundle.json is read; other files beside it, in folders or outside, are ignored', async () => {
    const { run, number } = await publishPlanted((bundle) =>
      writeTestZip({
        '../compare-bundle.json': '{"not": "read"}',
        'nested/compare-bundle.json': '{"not": "read"}',
        'compare-bundle.json': bundle,
        'run-record.json': '{"not": "read"}',
      }),
    );
    expect(run.exitCode).toBe(0);
    expect(lab.compareComments(number, 'ml')).toHaveLength(1);
  });
});

describe('a baseline artifact', () => {
  /**
   * A new commit on main whose record artifact is `zip`, then a pull request off it whose gate
   * judges `rules`; returns the gate step and the main run's id.
   */
  async function gateAgainstPlanted(zip: (main: { sha: string }) => Buffer, rules: string) {
    const main = await lab.pushJob(workspace);
    await plantArtifact(lab.github, { runId: main.runId, name: 'ml-run-train', zip: zip(main) });
    await main.finish();
    const { job } = await lab.pullJob(workspace);
    expect((await job.step('train', { metrics: 'metrics.json' })).exitCode).toBe(0);
    const gate = await job.step('gate', { rules });
    await job.finish();
    return { gate, runId: main.runId };
  }

  it('a zip bomb as the record of a run on main is refused: the gate says so and judges nothing', async () => {
    const { gate, runId } = await gateAgainstPlanted(
      () => writeTestZip([{ name: 'run-record.json', data: Buffer.alloc(65 * MiB, 0x20), method: 8 }]),
      'accuracy >= baseline.accuracy',
    );
    expect(gate.exitCode).toBe(0);
    expect(gate.outputs['verdict']).toBe('neutral');
    expect(gate.stdout).toContain(
      `the baseline of train could not be looked up: artifact "ml-run-train" of workflow run ${runId}: ` +
        'its entries add up to more than 64 MiB uncompressed; refused',
    );
  });

  it('a baseline record larger than train ever writes is refused at the record cap', async () => {
    const { gate, runId } = await gateAgainstPlanted(
      () => writeTestZip([{ name: 'run-record.json', data: Buffer.alloc(11 * MiB, 0x20), method: 8 }]),
      'accuracy >= baseline.accuracy',
    );
    expect(gate.outputs['verdict']).toBe('neutral');
    expect(gate.stdout).toContain(
      `artifact "ml-run-train" of workflow run ${runId}: run-record.json in it is 11 MiB uncompressed; at most 10 MiB is read`,
    );
  });

  it('a record artifact holding another record beside run-record.json: only run-record.json is the baseline', async () => {
    const main = await lab.pushJob(workspace);
    const train = await main.step('train', { metrics: 'metrics.json' });
    const record = parseRunRecord(await readFile(train.outputs['record'] ?? '', 'utf8'), 'record');
    await main.finish();
    // The same run, re-uploaded with a second record that would make any candidate pass.
    const lenient = { ...record, metrics: { ...record.metrics, accuracy: { value: 0 } } };
    const { gate } = await gateAgainstPlanted(
      (planted) =>
        writeTestZip({
          'a-lenient.json': serializeRunRecord(lenient),
          'run-record.json': serializeRunRecord({ ...record, provenance: { ...record.provenance, sha: planted.sha } }),
        }),
      'accuracy >= baseline.accuracy + 0.01',
    );
    expect(gate.outputs['verdict']).toBe('fail');
  });

  it('a record artifact holding two record files is refused, not read by whichever comes first', async () => {
    const main = await lab.pushJob(workspace);
    const train = await main.step('train', { metrics: 'metrics.json' });
    const record = parseRunRecord(await readFile(train.outputs['record'] ?? '', 'utf8'), 'record');
    await main.finish();
    const lenient = { ...record, metrics: { ...record.metrics, accuracy: { value: 0 } } };
    const { gate, runId } = await gateAgainstPlanted(
      (planted) =>
        writeTestZip({
          'run-record-a.json': serializeRunRecord(lenient),
          'run-record.json': serializeRunRecord({ ...record, provenance: { ...record.provenance, sha: planted.sha } }),
        }),
      'accuracy >= baseline.accuracy + 0.01',
    );
    expect(gate.outputs['verdict']).toBe('neutral');
    expect(gate.stdout).toContain(
      `artifact "ml-run-train" of workflow run ${runId}: holds 2 files that could each be the one read (run-record-a.json, run-record.json); only one is read`,
    );
  });
});
