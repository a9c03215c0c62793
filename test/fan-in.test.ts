import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  pullRequestEvent,
  pushEvent,
  startLocalGitHub,
  startWorkflow,
  type ActionRun,
  type JobOptions,
  type LocalGitHub,
  writeTestZip,
} from '@ml-actions/testkit';
import { plantArtifact } from './reliability/support/planted-artifact.ts';

// A matrix of three seeds and a report job that `needs:` it, on main and on pull requests: one
// comment and one check per workflow run, with the seeds judged together against main's.
let github: LocalGitHub;
let workspace: string;
let mainSha: string;
const repo = 'octo-org/churn';
const RULES = 'accuracy: no-drop significant';
/** Main's three seeds: mean 0.91, sample std 0.01. */
const MAIN = [0.9, 0.91, 0.92];

interface ReportJson {
  rows: { experiment: string; metric: string; n: number; baselineN: number; verdict: string; pValue: number }[];
  unjudged: { name: string; reason: string }[];
}

interface Report {
  compare: ActionRun;
  gate: ActionRun;
  /** compare's report-json, read before the job ends (RUNNER_TEMP goes with it). */
  json: ReportJson;
  number: number;
  headSha: string;
}

/** One workflow run: a leg a seed (`undefined`: the leg fails before train writes a record), then the report job. */
async function workflowRun(options: Omit<JobOptions, 'job' | 'workspace'>, accuracies: (number | undefined)[]) {
  const run = startWorkflow(github, { ...options, workspace });
  for (const [index, accuracy] of accuracies.entries()) {
    const seed = index + 1;
    const leg = await run.job('train', { seed });
    if (accuracy === undefined) {
      await leg.finish('failure');
      continue;
    }
    await writeFile(join(workspace, 'metrics.json'), JSON.stringify({ accuracy, loss: 1 - accuracy }));
    const train = await leg.step('train', { metrics: 'metrics.json', matrix: JSON.stringify({ seed }) });
    expect(train.exitCode, train.log).toBe(0);
    await leg.finish();
  }
  return run;
}

async function onPull(accuracies: (number | undefined)[]): Promise<Report> {
  const number = nextPull++;
  const headSha = github.api.state.addCommit(repo, { parents: [mainSha], message: `pr ${number}` }).sha;
  github.api.state.setRef(repo, `heads/pr-${number}`, headSha);
  github.api.state.addPull(repo, { number, head: { ref: `pr-${number}`, sha: headSha }, base: { ref: 'main' } });
  const run = await workflowRun(
    {
      event: pullRequestEvent(github.repository, { number, headSha, baseSha: mainSha, headRef: `pr-${number}` }),
      headSha,
      headBranch: `pr-${number}`,
    },
    accuracies,
  );
  const report = await run.job('report');
  // The comment comes first: a failing gate must not skip it.
  const compare = await report.step('compare', { rules: RULES });
  const gate = await report.step('gate', { rules: RULES });
  const json = JSON.parse(await readFile(compare.outputs['report-json'] ?? '', 'utf8')) as ReportJson;
  await report.finish(gate.exitCode === 0 ? 'success' : 'failure');
  await run.finish();
  return { compare, gate, json, number, headSha };
}
let nextPull = 1;

function comments(number: number) {
  return github.api.state.comments(repo, number).filter((c) => c.body.includes('<!-- ml-actions:compare:'));
}
function checks(headSha: string) {
  return github.api.state.checkRuns(repo).filter((check) => check.headSha === headSha);
}
function reportRow(json: ReportJson, metric: string) {
  return { row: json.rows.find((row) => row.metric === metric), unjudged: json.unjudged };
}

beforeAll(async () => {
  github = await startLocalGitHub();
  workspace = await mkdtemp(join(tmpdir(), 'fan-in-'));
  const root = github.api.state.addCommit(repo, { branch: 'main', message: 'root' }).sha;
  mainSha = github.api.state.addCommit(repo, { branch: 'main', message: 'main' }).sha;
  const run = await workflowRun(
    { event: pushEvent(github.repository, { sha: mainSha, before: root }), headSha: mainSha, headBranch: 'main' },
    MAIN,
  );
  const report = await run.job('report');
  const gate = await report.step('gate', { rules: 'accuracy >= 0.8' });
  expect(gate.exitCode, gate.log).toBe(0);
  await report.finish();
  await run.finish();
}, 120_000);

afterAll(async () => {
  await github.close();
  await rm(workspace, { recursive: true, force: true });
});

describe('a matrix of seeds judged together in one report job', () => {
  it('a real drop over three seeds fails the one check, and the one comment says worse with its p-value', async () => {
    const { compare, gate, json, number, headSha } = await onPull([0.86, 0.87, 0.88]);
    expect(gate.exitCode).toBe(1);
    expect(compare.exitCode, compare.log).toBe(0);
    const results = JSON.parse(gate.outputs['results'] ?? '[]') as {
      experiment: string;
      verdict: string;
      pValue: number;
    }[];
    expect(results).toEqual([expect.objectContaining({ experiment: 'train', verdict: 'fail' })]);
    // Welch's test of 0.86/0.87/0.88 against 0.90/0.91/0.92: t = -4.9, df = 4.
    expect(results[0]?.pValue).toBeCloseTo(0.00805, 4);
    expect(checks(headSha)).toEqual([expect.objectContaining({ name: 'ML quality gate', conclusion: 'failure' })]);
    expect(comments(number)).toHaveLength(1);
    const { row } = reportRow(json, 'accuracy');
    expect(row).toMatchObject({ experiment: 'train', n: 3, baselineN: 3, verdict: 'worse' });
    expect(comments(number)[0]?.body).toContain('± 0.01');
  });

  it('a drop within the noise of the seeds passes, and the comment says so', async () => {
    const { gate, json, number, headSha } = await onPull([0.885, 0.92, 0.905]);
    expect(gate.exitCode, gate.log).toBe(0);
    expect(checks(headSha)).toEqual([expect.objectContaining({ name: 'ML quality gate', conclusion: 'success' })]);
    const { row } = reportRow(json, 'accuracy');
    expect(row?.verdict).toBe('within-noise');
    expect(row?.pValue).toBeGreaterThan(0.05);
    expect(comments(number)).toHaveLength(1);
  });

  it('an improvement passes and is called better', async () => {
    const { gate, json, headSha } = await onPull([0.95, 0.96, 0.97]);
    expect(gate.exitCode, gate.log).toBe(0);
    expect(checks(headSha)).toEqual([expect.objectContaining({ name: 'ML quality gate', conclusion: 'success' })]);
    expect(reportRow(json, 'accuracy').row?.verdict).toBe('better');
  });

  it('a leg that failed before writing its record is named, and fails the gate: the other seeds do not decide alone', async () => {
    const { gate, json, number, headSha } = await onPull([0.95, 0.96, undefined]);
    expect(gate.exitCode).toBe(1);
    expect(gate.log).toContain('job "train (3)" ended failure before writing a run record');
    expect(checks(headSha)).toEqual([expect.objectContaining({ name: 'ML quality gate', conclusion: 'failure' })]);
    const { row, unjudged } = reportRow(json, 'accuracy');
    expect(row?.n).toBe(2);
    expect(unjudged).toEqual([{ name: 'job "train (3)"', reason: 'ended failure before writing a run record' }]);
    expect(comments(number)[0]?.body).toContain('train (3)');
  });

  it('a leg whose record is of a newer schema version is named and fails the gate; the others are still compared', async () => {
    const number = nextPull++;
    const headSha = github.api.state.addCommit(repo, { parents: [mainSha], message: `pr ${number}` }).sha;
    github.api.state.addPull(repo, { number, head: { ref: `pr-${number}`, sha: headSha }, base: { ref: 'main' } });
    const run = await workflowRun(
      {
        event: pullRequestEvent(github.repository, { number, headSha, baseSha: mainSha, headRef: `pr-${number}` }),
        headSha,
        headBranch: `pr-${number}`,
      },
      [0.9, 0.91],
    );
    // The third leg's record, as a newer ml-actions would write it.
    const leg = await run.job('train', { seed: 3 });
    await writeFile(join(workspace, 'metrics.json'), JSON.stringify({ accuracy: 0.92 }));
    const train = await leg.step('train', { metrics: 'metrics.json', matrix: '{"seed":3}', upload: 'false' });
    const record = JSON.parse(await readFile(train.outputs['record'] ?? '', 'utf8')) as Record<string, unknown>;
    await plantArtifact(github, {
      runId: run.runId,
      name: 'ml-run-train-seed-3',
      zip: writeTestZip({ 'run-record-train-seed-3.json': JSON.stringify({ ...record, version: 2 }) }),
    });
    await leg.finish();
    const report = await run.job('report');
    const compare = await report.step('compare', { rules: RULES });
    const gate = await report.step('gate', { rules: RULES });
    const json = JSON.parse(await readFile(compare.outputs['report-json'] ?? '', 'utf8')) as ReportJson;
    await report.finish();
    await run.finish();
    expect(compare.exitCode, compare.log).toBe(0);
    expect(gate.exitCode).toBe(1);
    expect(gate.log).toContain('artifact "ml-run-train-seed-3" is unusable');
    expect(gate.log).toContain('written by a newer ml-actions (record version 2)');
    expect(reportRow(json, 'accuracy').row?.n).toBe(2);
    expect(json.unjudged.map((leg) => leg.name)).toEqual(['artifact "ml-run-train-seed-3"']);
    expect(gate.summary).toContain('Training legs');
  });

  it("package, in a job of its own after the report job, embeds the report gate's verdict and a record of the matrix", async () => {
    const sha = github.api.state.addCommit(repo, { parents: [mainSha], branch: 'main', message: 'release' }).sha;
    const run = await workflowRun(
      { event: pushEvent(github.repository, { sha, before: mainSha }), headSha: sha, headBranch: 'main' },
      MAIN,
    );
    const report = await run.job('report');
    expect((await report.step('gate', { rules: 'accuracy >= 0.85' })).exitCode).toBe(0);
    await report.finish();
    const packaging = await run.job('package');
    await mkdir(join(workspace, 'model'), { recursive: true });
    await writeFile(join(workspace, 'model', 'weights.bin'), 'weights');
    const absent = await packaging.step('package', {
      name: 'churn-model',
      path: 'model/',
      tag: 'false',
      replicate: '9',
    });
    expect(absent.exitCode).toBe(1);
    expect(absent.log).toContain('no run record of replicate "9" (inputs "experiment", "replicate") among the 3 found');
    // The model shipped is seed 1's: so is the record embedded.
    const packaged = await packaging.step('package', {
      name: 'churn-model',
      path: 'model/',
      tag: 'false',
      replicate: '1',
    });
    expect(packaged.exitCode, packaged.log).toBe(0);
    const manifest = JSON.parse(await readFile(packaged.outputs['manifest'] ?? '', 'utf8')) as {
      gate: { passed: boolean; rules: { rule: string; experiment: string; verdict: string }[] } | null;
      provenance: { experiment: string; job: string } | null;
      metrics: Record<string, number>;
    };
    await packaging.finish();
    await run.finish();
    expect(manifest.gate).toEqual({
      passed: true,
      rules: [expect.objectContaining({ rule: 'accuracy >= 0.85', experiment: 'train', verdict: 'pass' })],
    });
    expect(manifest.provenance).toMatchObject({ experiment: 'train', job: 'train' });
    expect(manifest.metrics['accuracy']).toBe(MAIN[0]);
  });

  it('a re-run of the report job updates the one comment and the one check', async () => {
    const number = nextPull;
    const first = await onPull([0.86, 0.87, 0.88]);
    expect(first.number).toBe(number);
    const report = startWorkflow(github, {
      event: pullRequestEvent(github.repository, {
        number,
        headSha: first.headSha,
        baseSha: mainSha,
        headRef: `pr-${number}`,
      }),
      headSha: first.headSha,
      headBranch: `pr-${number}`,
      workspace,
    });
    // A new workflow run of the same commit (a re-run of the workflow) with its own three seeds.
    for (const [index, accuracy] of [0.95, 0.96, 0.97].entries()) {
      const leg = await report.job('train', { seed: index + 1 });
      await writeFile(join(workspace, 'metrics.json'), JSON.stringify({ accuracy }));
      expect(
        (await leg.step('train', { metrics: 'metrics.json', matrix: JSON.stringify({ seed: index + 1 }) })).exitCode,
      ).toBe(0);
      await leg.finish();
    }
    const job = await report.job('report');
    expect((await job.step('compare', { rules: RULES })).exitCode).toBe(0);
    expect((await job.step('gate', { rules: RULES })).exitCode).toBe(0);
    await job.finish();
    expect(comments(number)).toHaveLength(1);
    const named = checks(first.headSha).map((check) => check.name);
    expect(new Set(named)).toEqual(new Set(['ML quality gate']));
    // The newest check of the name is what branch protection reads.
    expect(checks(first.headSha).at(-1)?.conclusion).toBe('success');
  });
});
