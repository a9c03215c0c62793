/**
 * Figure 7: the history branch. An experiment with 10,000 entries (the newest 1,000 in its file,
 * the rest in the archive of their year) takes one more workflow run's entry (`appendHistory`),
 * and the trend's last 20 are read back (`readHistory`). Both run in this process against the
 * REST stand-in, every exchange checked against GitHub's OpenAPI description. The figures are
 * request counts against their targets, and wall time with the load average beside it.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { appendToHistory, historyEntries, historyFilePath, type HistoryEntry, type RunRecord } from '@ml-actions/core';
import { appendHistory, createGitHubClient, readHistory, type Log } from '@ml-actions/github';
import { startGitHubApi } from '@ml-actions/testkit';
import { formatMs, formatRatio, median, verdict, type FigureRow } from './measure.ts';

const REPO = { owner: 'octo-org', repo: 'churn' };
const FULL_NAME = `${REPO.owner}/${REPO.repo}`;
const TOKEN = 'ghs_benchHistory00000000000000000000000';
const BRANCH = 'ml-history';
const ENTRIES = 10_000;
const KEEP = 1000;
const LAST = 20;
const REPEATS = 5;
/** Requests allowed for an append of one experiment whose file exists. */
const APPEND_TARGET = 4;
const READ_TARGET = 2;
const SHA = 'b'.repeat(40);

const quiet: Log = {
  info: () => undefined,
  debug: () => undefined,
  notice: () => undefined,
  warning: () => undefined,
  error: () => undefined,
  group: (_title, body) => body(),
};

/** Runs the history figures. */
export async function historyBranch(): Promise<FigureRow[]> {
  const api = await startGitHubApi();
  try {
    api.tokens.add(TOKEN, { login: 'github-actions[bot]', installation: true });
    api.state.addRepo({ owner: REPO.owner, name: REPO.repo, defaultBranch: 'main' });
    api.state.addCommit(FULL_NAME, { branch: 'main' });
    const github = await createGitHubClient({
      token: TOKEN,
      apiUrl: api.url,
      waitScale: 0.001,
      log: { warn: () => undefined, debug: () => undefined },
    });
    // 10,000 runs of one experiment, a day apart, laid out as appends would have left them.
    const seeded = appendToHistory(
      undefined,
      Array.from({ length: ENTRIES }, (_, i) => entry(i + 1, new Date(Date.UTC(2000, 0, 1) + i * 86_400_000))),
      { keep: KEEP },
    );
    // A second experiment whose file is below `keep`: its appends roll nothing over.
    const probe = appendToHistory(
      undefined,
      Array.from({ length: 10 }, (_, i) => ({
        ...entry(i + 1, new Date(Date.UTC(2026, 0, 1 + i))),
        experiment: 'probe',
      })),
      { keep: KEEP },
    );
    const tree = api.state.objects.applyChanges(undefined, [
      { path: historyFilePath('train'), mode: '100644', content: seeded.current },
      { path: historyFilePath('probe'), mode: '100644', content: probe.current },
      ...seeded.archive.map((a) => ({ path: a.path, mode: '100644' as const, content: a.lines })),
    ]);
    api.state.addCommit(FULL_NAME, { branch: BRANCH, parents: [], tree });

    const times: number[] = [];
    const counts: number[] = [];
    for (let repeat = 0; repeat < REPEATS; repeat++) {
      const begun = performance.now();
      const result = await appendHistory({
        github,
        ...REPO,
        branch: BRANCH,
        entries: [entry(ENTRIES + repeat + 1, new Date())],
        keep: KEEP,
        log: quiet,
      });
      times.push(performance.now() - begun);
      counts.push(result.requests);
      if (result.appended !== 1) throw new Error(`the append wrote ${result.appended} entries`);
    }
    const appendRequests = Math.max(...counts);
    const belowKeep = await appendHistory({
      github,
      ...REPO,
      branch: BRANCH,
      entries: [{ ...entry(ENTRIES + 1, new Date()), experiment: 'probe' }],
      keep: KEEP,
      log: quiet,
    });

    const mark = api.requests.length;
    const last = await readHistory({ github, ...REPO, branch: BRANCH, experiment: 'train', last: LAST });
    const readRequests = api.requests.length - mark;
    if (last.length !== LAST || last.at(-1)?.workflowRunId !== ENTRIES + REPEATS) {
      throw new Error(`readHistory returned ${last.length} entries, the newest of run ${last.at(-1)?.workflowRunId}`);
    }
    api.assertNoViolations();
    return [
      {
        figure: `7. history: append 1 entry to ${ENTRIES} (a full file of ${KEEP}; the oldest tenth rolls over), requests`,
        value: `${appendRequests} requests, the most of ${REPEATS} appends (head, file, tree, commit, ref)`,
        reference: `target ${APPEND_TARGET}`,
        ratio: formatRatio(appendRequests / APPEND_TARGET),
        target: `<= ${APPEND_TARGET}`,
        verdict: verdict(appendRequests <= APPEND_TARGET),
      },
      {
        figure: `7. history: append 1 entry to a file below ${KEEP} (nothing rolls over), requests`,
        value: `${belowKeep.requests} requests (head, file, tree, commit, ref)`,
        reference: `target ${APPEND_TARGET}`,
        ratio: formatRatio(belowKeep.requests / APPEND_TARGET),
        target: `<= ${APPEND_TARGET}`,
        verdict: verdict(belowKeep.requests <= APPEND_TARGET),
      },
      {
        figure: `7. history: append to ${ENTRIES}, wall time (median of ${REPEATS})`,
        value: formatMs(median(times)),
        reference: `load average ${loadavg()
          .map((load) => load.toFixed(2))
          .join(', ')}`,
        ratio: '-',
        target: 'reported',
        verdict: 'info',
      },
      {
        figure: `7. history: read the last ${LAST} of ${ENTRIES}, requests`,
        value: `${readRequests} request${readRequests === 1 ? '' : 's'}`,
        reference: `target ${READ_TARGET}`,
        ratio: formatRatio(readRequests / READ_TARGET),
        target: `<= ${READ_TARGET}`,
        verdict: verdict(readRequests <= READ_TARGET),
      },
    ];
  } finally {
    await api.close();
  }
}

function entry(workflowRunId: number, date: Date): HistoryEntry {
  const runs: RunRecord[] = [1, 2, 3].map((seed) => ({
    schema: 'ml-actions/run-record',
    version: 1,
    runId: `${workflowRunId}-1-train-${seed}`,
    experiment: 'train',
    replicate: { key: 'seed', value: String(seed) },
    attempt: 1,
    provenance: {
      repository: FULL_NAME,
      serverUrl: 'https://github.com',
      sha: SHA,
      ref: 'refs/heads/main',
      branch: 'main',
      event: 'push',
      workflow: 'ml',
      workflowRunId,
      runAttempt: 1,
      runNumber: workflowRunId,
      job: 'train',
      matrix: { seed },
      runnerOs: 'Linux',
    },
    params: { lr: 0.01, seed },
    metrics: { accuracy: { value: 0.9 + seed / 1000 }, loss: { value: 0.3 - seed / 1000 } },
    outcome: { status: 'succeeded', startedAt: date.toISOString(), finishedAt: date.toISOString(), durationMs: 1 },
    inputs: [],
    sources: ['metrics.json'],
  }));
  return historyEntries(runs, {
    date: date.toISOString(),
    context: {
      serverUrl: 'https://github.com',
      repository: FULL_NAME,
      sha: SHA,
      branch: 'main',
      workflowRunId,
      runAttempt: 1,
    },
  })[0]!;
}
