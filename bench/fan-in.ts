/**
 * Figure 6: fan-in. A report job that `needs:` a training matrix gathers every leg's run record
 * of the current workflow run (`readWorkflowRecords`), and the baseline lookup serves many
 * experiments at once (`findBaselines`). Both run in this process against the REST stand-in,
 * every exchange checked against GitHub's OpenAPI description; artifact bytes come from a plain
 * loopback storage server, as the REST download redirects to it. The figures are request counts
 * against their targets, and wall times with the load average beside them.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { serializeRunRecord, type RunRecord } from '@ml-actions/core';
import {
  createGitHubClient,
  findBaselines,
  readWorkflowRecords,
  type ActionContext,
  type GitHubClient,
  type Log,
} from '@ml-actions/github';
import { startGitHubApi, writeTestZip, type GitHubApi, type WorkflowJobSeed } from '@ml-actions/testkit';
import { formatMs, formatRatio, median, verdict, type FigureRow } from './measure.ts';

const REPO = { owner: 'octo-org', repo: 'churn' };
const FULL_NAME = `${REPO.owner}/${REPO.repo}`;
const TOKEN = 'ghs_benchFanIn000000000000000000000000';
const LEGS = 50;
/** Listings allowed besides one download per leg. */
const FAN_IN_LISTINGS = 6;
const EXPERIMENTS = 200;
const REPLICATES = 3;
/** Requests allowed besides one download per record. */
const BASELINE_LISTINGS = 10;
const REPEATS = 5;

const quiet: Log = {
  info: () => undefined,
  debug: () => undefined,
  notice: () => undefined,
  warning: () => undefined,
  error: () => undefined,
  group: (_title, body) => body(),
};

/** Runs the fan-in figures. */
export async function fanIn(): Promise<FigureRow[]> {
  const api = await startGitHubApi();
  const storage = await startStorage(api);
  try {
    api.tokens.add(TOKEN, { login: 'github-actions[bot]', installation: true });
    api.state.addRepo({ owner: REPO.owner, name: REPO.repo, defaultBranch: 'main' });
    const github = await createGitHubClient({
      token: TOKEN,
      apiUrl: api.url,
      waitScale: 0.001,
      log: { warn: () => undefined, debug: () => undefined },
    });
    const rows = [...(await matrixFanIn(api, storage, github)), ...(await manyBaselines(api, storage, github))];
    api.assertNoViolations();
    return rows;
  } finally {
    await storage.close();
    await api.close();
  }
}

async function matrixFanIn(api: GitHubApi, storage: Storage, github: GitHubClient): Promise<FigureRow[]> {
  const sha = api.state.addCommit(FULL_NAME, { branch: 'main', message: 'train the matrix' }).sha;
  const runId = 700_001;
  const jobs: WorkflowJobSeed[] = [];
  const artifacts: { name: string; bytes: Buffer }[] = [];
  for (let leg = 0; leg < LEGS; leg++) {
    const [model, seed] = [`m${Math.floor(leg / 5)}`, (leg % 5) + 1];
    jobs.push({ name: `train (${model}, ${seed})` });
    const record = benchRecord(sha, runId, `train-${model}`, { model, seed });
    artifacts.push({ name: `ml-run-train-${model}-seed-${seed}`, bytes: recordZip(record, seed) });
  }
  jobs.push({ name: 'report', status: 'in_progress' });
  const started = api.state.startWorkflowRun(FULL_NAME, {
    id: runId,
    headSha: sha,
    jobs,
    artifacts: artifacts.map(({ name, bytes }) => ({ name, size: bytes.length })),
  });
  started.artifacts.forEach((artifact, index) => storage.put(artifact.id, artifacts[index]?.bytes as Buffer));

  const context = benchContext({ runId, sha, eventName: 'push' });
  const times: number[] = [];
  let requests = 0;
  for (let repeat = 0; repeat < REPEATS; repeat++) {
    const mark = api.requests.length;
    const begun = performance.now();
    const found = await readWorkflowRecords({ github, context, log: quiet });
    times.push(performance.now() - begun);
    requests = api.requests.length - mark;
    if (found.records.length !== LEGS || found.missing.length > 0 || found.invalid.length > 0) {
      throw new Error(`fan-in read ${found.records.length} of ${LEGS} records`);
    }
  }
  const target = FAN_IN_LISTINGS + LEGS;
  return [
    {
      figure: `6. fan-in: ${LEGS}-leg matrix, requests`,
      value: `${requests} requests (${requests - LEGS} listings + ${LEGS} downloads)`,
      reference: `target ${FAN_IN_LISTINGS} + ${LEGS}`,
      ratio: formatRatio(requests / target),
      target: `<= ${target}`,
      verdict: verdict(requests <= target),
    },
    {
      figure: `6. fan-in: ${LEGS}-leg matrix, wall time (median of ${REPEATS})`,
      value: formatMs(median(times)),
      reference: loadAverage(),
      ratio: '-',
      target: 'reported',
      verdict: 'info',
    },
  ];
}

async function manyBaselines(api: GitHubApi, storage: Storage, github: GitHubClient): Promise<FigureRow[]> {
  const mergeBase = api.state.addCommit(FULL_NAME, { branch: 'main', message: 'train every experiment' }).sha;
  const run = api.state.addWorkflowRun(FULL_NAME, { headSha: mergeBase, headBranch: 'main', event: 'push' });
  const experiments = Array.from({ length: EXPERIMENTS }, (_, i) => `exp-${String(i).padStart(3, '0')}`);
  for (const experiment of experiments) {
    for (let seed = 1; seed <= REPLICATES; seed++) {
      const bytes = recordZip(benchRecord(mergeBase, run.id, experiment, { seed }), seed);
      const artifact = api.state.addArtifact({
        runId: run.id,
        name: `ml-run-${experiment}-seed-${seed}`,
        size: bytes.length,
      });
      storage.put(artifact.id, bytes);
    }
  }
  const headSha = api.state.addCommit(FULL_NAME, { parents: [mergeBase], message: 'feature' }).sha;
  const context: ActionContext = {
    ...benchContext({ runId: 700_002, sha: headSha, eventName: 'pull_request' }),
    ref: 'refs/pull/7/merge',
    branch: 'feature',
    baseRef: 'main',
    baseSha: mergeBase,
    pullRequest: 7,
    headSha,
  };
  const mark = api.requests.length;
  const begun = performance.now();
  const found = await findBaselines({ spec: { kind: 'auto' }, experiments, context, github, log: quiet });
  const ms = performance.now() - begun;
  const requests = api.requests.length - mark;
  const downloads = EXPERIMENTS * REPLICATES;
  if (found.records?.length !== downloads) {
    throw new Error(
      `the lookup found ${found.records?.length ?? 0} of ${downloads} records: ${found.notices.join('; ')}`,
    );
  }
  const listings = requests - downloads;
  return [
    {
      figure: `6. baseline lookup: ${EXPERIMENTS} experiments x ${REPLICATES} replicates, requests`,
      value: `${requests} requests (${listings} listings + ${downloads} downloads)`,
      reference: `target ${BASELINE_LISTINGS} + ${downloads}`,
      ratio: formatRatio(listings / BASELINE_LISTINGS),
      target: `<= ${BASELINE_LISTINGS} + ${downloads}`,
      verdict: verdict(listings <= BASELINE_LISTINGS),
    },
    {
      figure: `6. baseline lookup: ${EXPERIMENTS} x ${REPLICATES}, wall time`,
      value: formatMs(ms),
      reference: loadAverage(),
      ratio: '-',
      target: 'reported',
      verdict: 'info',
    },
  ];
}

function benchRecord(sha: string, runId: number, experiment: string, matrix: Record<string, unknown>): RunRecord {
  return {
    schema: 'ml-actions/run-record',
    version: 1,
    runId: `${runId}-1-${experiment}-${Object.values(matrix).join('-')}`,
    experiment,
    attempt: 1,
    provenance: {
      repository: FULL_NAME,
      serverUrl: 'https://github.com',
      sha,
      ref: 'refs/heads/main',
      branch: 'main',
      event: 'push',
      workflow: 'ml',
      workflowRunId: runId,
      runAttempt: 1,
      runNumber: 1,
      job: 'train',
      matrix,
      runnerOs: 'Linux',
    },
    params: { lr: 0.01 },
    metrics: { accuracy: { value: 0.9 }, loss: { value: 0.3 } },
    outcome: {
      status: 'succeeded',
      startedAt: '2026-01-01T00:00:00Z',
      finishedAt: '2026-01-01T00:01:00Z',
      durationMs: 60_000,
    },
    inputs: [],
    sources: ['metrics.json'],
  };
}

function recordZip(record: RunRecord, seed: number): Buffer {
  return writeTestZip({ [`run-record-seed-${seed}.json`]: serializeRunRecord(record) });
}

function benchContext(run: { runId: number; sha: string; eventName: string }): ActionContext {
  return {
    owner: REPO.owner,
    repo: REPO.repo,
    repository: FULL_NAME,
    serverUrl: 'https://github.com',
    apiUrl: 'unused: the client is given',
    eventName: run.eventName,
    sha: run.sha,
    ref: 'refs/heads/main',
    branch: 'main',
    baseRef: undefined,
    baseSha: undefined,
    pullRequest: undefined,
    headSha: undefined,
    fromFork: false,
    before: undefined,
    workflow: 'ml',
    workflowPath: '.github/workflows/ml.yml',
    runId: run.runId,
    runAttempt: 1,
    runNumber: 1,
    job: 'report',
    runnerOs: 'Linux',
    workspace: tmpdir(),
    temp: undefined,
    payload: {},
  };
}

function loadAverage(): string {
  return `load average ${loadavg()
    .map((load) => load.toFixed(2))
    .join(', ')}`;
}

interface Storage {
  put(id: number, bytes: Buffer): void;
  close(): Promise<void>;
}

/** The storage service the REST download redirects to: artifact bytes by id, on loopback. */
async function startStorage(api: GitHubApi): Promise<Storage> {
  const stored = new Map<number, Buffer>();
  const server = createServer((request, response) => {
    const bytes = stored.get(Number(/^\/blob\/(\d+)$/.exec(request.url ?? '')?.[1]));
    if (bytes === undefined) response.writeHead(404).end();
    else response.writeHead(200, { 'content-type': 'application/zip', 'content-length': bytes.length }).end(bytes);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  api.registry.downloadUrl = (artifact) => Promise.resolve(`${url}/blob/${artifact.id}`);
  return {
    put: (id, bytes) => void stored.set(id, bytes),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
