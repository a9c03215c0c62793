/**
 * Figure 4: baseline lookup. A stand-in repository holds a long history: 10,000 workflow runs
 * (pushes to main and pull-request runs in turn), each with its run-record artifact, plus model
 * package artifacts. Then main trains for real, more pull-request runs land after it, and a pull
 * request runs train and the gate bundle with a baseline rule; the figure is the number of API
 * requests the gate makes (`check-name: ''`, so all of them are the lookup and its download).
 *
 * Two cases: the merge base has a record (the usual one), and it has none, so the lookup falls
 * back to the newest earlier record of the base branch (the most requests it can need).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  isoSeconds,
  pullRequestEvent,
  pushEvent,
  startJob,
  startLocalGitHub,
  type LocalGitHub,
} from '@ml-actions/testkit';
import { formatMs, formatRatio, verdict, type FigureRow } from './measure.ts';

const HISTORY_RUNS = 10_000;
/** Pull-request runs newer than main's record, so that it is not on the first page of artifacts. */
const NEWER_RUNS = 150;
const TARGET = 10;
const RECORD_ARTIFACT = 'ml-run-train';

/** Runs the baseline-lookup figure. */
export async function baselineLookup(): Promise<FigureRow[]> {
  // Every exchange is still checked against GitHub's OpenAPI description: the count is only
  // worth something if each request is one GitHub would answer the same way.
  const github = await startLocalGitHub();
  const workspace = await mkdtemp(join(tmpdir(), 'bench-baseline-'));
  const repo = `${github.repository.owner}/${github.repository.repo}`;
  try {
    const seedStarted = performance.now();
    let mainSha = seedHistory(github, repo);
    const seedMs = performance.now() - seedStarted;

    // Main trains for real: its record is the baseline both pull requests should find.
    mainSha = github.api.state.addCommit(repo, { branch: 'main', message: 'Train on main' }).sha;
    await writeFile(join(workspace, 'metrics.json'), '{"accuracy": 0.91, "loss": 0.5}\n');
    const push = await startJob(github, {
      event: pushEvent(github.repository, { sha: mainSha, before: '0'.repeat(40) }),
      headSha: mainSha,
      headBranch: 'main',
      workspace,
    });
    const trained = await push.step('train', { metrics: 'metrics.json' });
    if (trained.exitCode !== 0) throw new Error(`train on main failed:\n${trained.log}`);
    await push.finish();
    const baselineSha = mainSha;
    seedNewerPullRuns(github, repo, mainSha);

    const exact = await gateOnPull(github, workspace, repo, 1, mainSha);
    // A main commit that never trained: the lookup must go back to the record before it.
    const untrained = github.api.state.addCommit(repo, { branch: 'main', message: 'Docs only' }).sha;
    const fallback = await gateOnPull(github, workspace, repo, 2, untrained);
    for (const [name, result] of [
      ['merge base', exact],
      ['fallback', fallback],
    ] as const) {
      if (result.baselineSha !== baselineSha) {
        throw new Error(`${name}: the gate found baseline ${result.baselineSha || '(none)'}, not ${baselineSha}`);
      }
    }
    github.api.assertNoViolations();

    const artifacts = github.registry.list({ finalized: true }).length;
    const row = (label: string, result: GateRun): FigureRow => ({
      figure: `4. baseline lookup, ${label} (${HISTORY_RUNS.toLocaleString('en-US')} runs, ${artifacts.toLocaleString('en-US')} artifacts)`,
      value: `${result.requests.length} requests: ${sequence(result.requests.map((r) => r.name))}`,
      reference: `target ${TARGET}`,
      ratio: formatRatio(result.requests.length / TARGET),
      target: `<= ${TARGET}`,
      verdict: verdict(result.requests.length <= TARGET),
    });
    const rows = [row('merge base has a record', exact), row('merge base has none, older record used', fallback)];
    rows.push({
      figure: '4. baseline lookup: gate step wall time (merge base / fallback)',
      value: `${formatMs(exact.ms)} / ${formatMs(fallback.ms)}`,
      reference: `seeding ${formatMs(seedMs)}`,
      ratio: '-',
      target: 'reported',
      verdict: 'info',
    });
    return rows;
  } finally {
    await github.close();
    await rm(workspace, { recursive: true, force: true });
  }
}

/**
 * 10,000 older workflow runs in the REST state, with their artifacts in the registry, oldest
 * first: every other one a push to main (a new main commit), the others pull-request runs on
 * feature commits off main. Returns main's head.
 */
function seedHistory(github: LocalGitHub, repo: string): string {
  const state = github.api.state;
  let mainSha = state.addCommit(repo, { branch: 'main', message: 'initial' }).sha;
  const start = Date.now() - (HISTORY_RUNS + 60) * 60_000;
  let pull = 1000;
  for (let i = 0; i < HISTORY_RUNS; i++) {
    const createdAt = isoSeconds(new Date(start + i * 60_000));
    let headSha: string;
    let headBranch: string;
    if (i % 2 === 0) {
      headSha = mainSha = state.addCommit(repo, { branch: 'main', message: `main ${i}` }).sha;
      headBranch = 'main';
    } else {
      headSha = state.addCommit(repo, { parents: [mainSha], message: `pr ${pull}` }).sha;
      headBranch = `feature-${pull++}`;
    }
    const run = state.addWorkflowRun(repo, {
      headSha,
      headBranch,
      event: headBranch === 'main' ? 'push' : 'pull_request',
      createdAt,
    });
    state.addArtifact({ runId: run.id, name: RECORD_ARTIFACT, size: 2048, createdAt });
    // Main also packages a model now and then: artifacts of other names share the listing.
    if (i % 20 === 0)
      state.addArtifact({ runId: run.id, name: `churn-model-v1.0.${i / 20}`, size: 1 << 20, createdAt });
  }
  return mainSha;
}

/** Pull-request runs that finished after main's record, so that it sits on the second page. */
function seedNewerPullRuns(github: LocalGitHub, repo: string, mainSha: string): void {
  const state = github.api.state;
  const start = Date.now() + 1000;
  for (let i = 0; i < NEWER_RUNS; i++) {
    const createdAt = isoSeconds(new Date(start + i * 1000));
    const headSha = state.addCommit(repo, { parents: [mainSha], message: `late pr ${i}` }).sha;
    const run = state.addWorkflowRun(repo, { headSha, headBranch: `late-${i}`, event: 'pull_request', createdAt });
    state.addArtifact({ runId: run.id, name: RECORD_ARTIFACT, size: 2048, createdAt });
  }
}

interface GateRun {
  baselineSha: string;
  requests: { name: string }[];
  ms: number;
}

/** A pull request off `baseSha` that trains, then gates with a baseline rule; counts the gate's requests. */
async function gateOnPull(
  github: LocalGitHub,
  workspace: string,
  repo: string,
  number: number,
  baseSha: string,
): Promise<GateRun> {
  const state = github.api.state;
  const headSha = state.addCommit(repo, { parents: [baseSha], message: `bench pr ${number}` }).sha;
  state.setRef(repo, `heads/bench-${number}`, headSha);
  state.addPull(repo, { number, head: { ref: `bench-${number}`, sha: headSha }, base: { ref: 'main' } });
  await writeFile(join(workspace, 'metrics.json'), '{"accuracy": 0.92, "loss": 0.51}\n');
  const job = await startJob(github, {
    event: pullRequestEvent(github.repository, { number, headSha, baseSha, headRef: `bench-${number}` }),
    headSha,
    headBranch: `bench-${number}`,
    workspace,
  });
  const train = await job.step('train', { metrics: 'metrics.json' });
  if (train.exitCode !== 0) throw new Error(`train on pull request ${number} failed:\n${train.log}`);
  const before = github.api.requests.length;
  const started = performance.now();
  const gate = await job.step('gate', { rules: 'loss <= baseline * 1.05', 'check-name': '' });
  const ms = performance.now() - started;
  const requests = github.api.requests.slice(before);
  await job.finish();
  if (gate.exitCode !== 0) throw new Error(`gate on pull request ${number} failed:\n${gate.log}`);
  return {
    baselineSha: gate.outputs['baseline-sha'] ?? '',
    requests: requests.map((r) => ({ name: describe(r.path) })),
    ms,
  };
}

/** A short name for a request: `compare`, `artifacts`, `commits`, `download`. */
function describe(path: string): string {
  if (path.includes('/compare/')) return 'compare';
  if (path.endsWith('/zip')) return 'download';
  if (path.endsWith('/actions/artifacts')) return 'artifacts';
  if (path.endsWith('/commits')) return 'commits';
  return path.replace(/^\/repos\/[^/]+\/[^/]+/, '');
}

/** `compare, artifacts x2, download`: the requests in order, repeats folded. */
function sequence(names: string[]): string {
  const runs: { name: string; count: number }[] = [];
  for (const name of names) {
    const last = runs.at(-1);
    if (last?.name === name) last.count++;
    else runs.push({ name, count: 1 });
  }
  return runs.map((run) => (run.count === 1 ? run.name : `${run.name} x${run.count}`)).join(', ');
}
