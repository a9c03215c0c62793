import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  UserError,
  historyEntries,
  historyFilePath,
  parseHistoryText,
  serializeHistoryEntry,
  type HistoryEntry,
  type RunRecord,
} from '@ml-actions/core';
import { appendHistory, readHistory } from '../src/history-branch.ts';
import type { Log } from '../src/step-log.ts';
import { FULL_NAME, OWNER, REPO, startLocalRepository, type LocalRepository } from './support/local-repository.ts';
import { mainRecord } from './support/run-records.ts';

const BRANCH = 'ml-history';
const SHA = 'c'.repeat(40);

let local: LocalRepository;
let logged: string[];
const log: Log = {
  info: (text) => logged.push(text),
  debug: () => undefined,
  notice: () => undefined,
  warning: () => undefined,
  error: () => undefined,
  group: (_title, body) => body(),
};

beforeEach(async () => {
  logged = [];
  local = await startLocalRepository();
});
afterEach(async () => {
  try {
    local.api.assertNoViolations();
  } finally {
    await local.close();
  }
});

/** The entries of one workflow run: `experiments` each with two seeds. */
function runEntries(workflowRunId: number, experiments: string[] = ['train'], runAttempt = 1): HistoryEntry[] {
  const runs: RunRecord[] = experiments.flatMap((experiment) =>
    [1, 2].map((seed) => ({
      ...mainRecord(SHA, workflowRunId, 0.8 + seed / 100 + workflowRunId / 1e6),
      experiment,
      params: { lr: 0.1, seed },
    })),
  );
  return historyEntries(runs, {
    date: '2026-12-03T08:00:00Z',
    context: {
      serverUrl: 'https://github.com',
      repository: FULL_NAME,
      sha: SHA,
      branch: 'main',
      workflowRunId,
      runAttempt,
    },
  });
}

function append(entries: HistoryEntry[], keep = 1000) {
  return appendHistory({ github: local.github, owner: OWNER, repo: REPO, branch: BRANCH, entries, keep, log });
}

function read(experiment: string, last: number) {
  return readHistory({ github: local.github, owner: OWNER, repo: REPO, branch: BRANCH, experiment, last });
}

/** A file of the branch head, as stored. */
function fileOnBranch(path: string): string | undefined {
  const state = local.api.state;
  const head = state.ref(FULL_NAME, `heads/${BRANCH}`);
  if (head === undefined) return undefined;
  const entry = state.objects.entryAt(state.commit(head)!.treeSha, path);
  return entry === undefined ? undefined : state.objects.blob(entry.sha)!.toString('utf8');
}

/** Puts `files` on the branch as one commit on top of its head (or as its first commit). */
function seedBranch(files: Record<string, string>): string {
  const state = local.api.state;
  const head = state.ref(FULL_NAME, `heads/${BRANCH}`);
  const base = head === undefined ? undefined : state.commit(head)!.treeSha;
  const tree = state.objects.applyChanges(
    base,
    Object.entries(files).map(([path, content]) => ({ path, mode: '100644' as const, content })),
  );
  return state.addCommit(FULL_NAME, { branch: BRANCH, parents: head === undefined ? [] : [head], tree }).sha;
}

const ids = (entries: HistoryEntry[]) => entries.map((e) => e.workflowRunId);

describe('appendHistory', () => {
  it('creates the branch as an orphan commit on the first append', async () => {
    expect(local.api.state.ref(FULL_NAME, `heads/${BRANCH}`)).toBeUndefined();
    const mark = local.api.requests.length;
    const result = await append(runEntries(1, ['train', 'probe']));
    expect(local.requestsSince(mark)).toEqual([
      `GET /repos/${FULL_NAME}/commits/heads%2F${BRANCH}`,
      `POST /repos/${FULL_NAME}/git/trees`,
      `POST /repos/${FULL_NAME}/git/commits`,
      `POST /repos/${FULL_NAME}/git/refs`,
    ]);
    expect(result).toEqual({ commit: local.api.state.ref(FULL_NAME, `heads/${BRANCH}`), requests: 4, appended: 2 });
    expect(local.api.state.commit(result.commit!)!.parents).toEqual([]);
    expect(ids(parseHistoryText(fileOnBranch('experiments/train.jsonl')!, 'f'))).toEqual([1]);
    expect(ids(parseHistoryText(fileOnBranch('experiments/probe.jsonl')!, 'f'))).toEqual([1]);
    // main is untouched.
    expect(local.api.state.ref(FULL_NAME, 'heads/main')).toBe(local.rootSha);
  });

  it('accumulates appends in five requests each, keeping files it does not touch', async () => {
    seedBranch({ 'README.md': 'history\n' });
    await append(runEntries(1));
    const mark = local.api.requests.length;
    const result = await append(runEntries(2));
    expect(result.requests).toBe(5);
    expect(local.requestsSince(mark).map((r) => r.split(' ')[0])).toEqual(['GET', 'GET', 'POST', 'POST', 'PATCH']);
    await append(runEntries(3));
    expect(ids(await read('train', 20))).toEqual([1, 2, 3]);
    expect(fileOnBranch('README.md')).toBe('history\n');
    const head = local.api.state.commit(result.commit!)!;
    expect(head.parents).toHaveLength(1);
  });

  it('lands both of two concurrent appends, the later one retrying on its refused fast-forward', async () => {
    await append(runEntries(1, ['train', 'probe']));
    const [first, second] = await Promise.all([append(runEntries(2)), append(runEntries(3, ['train', 'probe']))]);
    expect(ids(await read('train', 20)).sort()).toEqual([1, 2, 3]);
    expect(ids(await read('probe', 20))).toEqual([1, 3]);
    expect(first.requests + second.requests).toBeGreaterThan(10);
    expect(logged.some((line) => line.includes('moved while appending'))).toBe(true);
  });

  it('lands both of two concurrent first appends, one creating the branch and the other retrying on it', async () => {
    const [first, second] = await Promise.all([append(runEntries(1)), append(runEntries(2))]);
    expect(ids(await read('train', 20)).sort()).toEqual([1, 2]);
    const head = local.api.state.commit(local.api.state.ref(FULL_NAME, `heads/${BRANCH}`)!)!;
    expect([first.commit, second.commit]).toContain(head.sha);
    // One orphan commit at the bottom, the other append on top of it.
    expect(local.api.state.commit(head.parents[0]!)!.parents).toEqual([]);
  });

  it('gives up after five refused ref updates, saying the entries were not written', async () => {
    await append(runEntries(1));
    const head = local.api.state.ref(FULL_NAME, `heads/${BRANCH}`);
    local.api.override('PATCH', '/repos/{owner}/{repo}/git/refs/{ref}', () => ({
      status: 422,
      body: {
        message: 'Update is not a fast forward',
        documentation_url: 'https://docs.github.com/rest',
        status: '422',
      },
    }));
    const mark = local.api.requests.length;
    await expect(append(runEntries(2))).rejects.toThrow(
      'history branch ml-history: another writer moved it on each of 5 attempts; the entries were not written',
    );
    expect(local.requestsSince(mark).filter((r) => r.startsWith('PATCH'))).toHaveLength(5);
    expect(local.api.state.ref(FULL_NAME, `heads/${BRANCH}`)).toBe(head);
  });

  it('does not append a re-run twice, and writes nothing for it', async () => {
    await append(runEntries(7));
    const head = local.api.state.ref(FULL_NAME, `heads/${BRANCH}`);
    const again = await append(runEntries(7));
    expect(again).toEqual({ commit: head, requests: 2, appended: 0 });
    expect(await append([])).toEqual({ commit: head, requests: 1, appended: 0 });
    // A re-run (attempt 2) replaces its run's entry; the history keeps one entry a workflow run.
    const attempt = await append(runEntries(7, ['train'], 2));
    expect(attempt.appended).toBe(1);
    expect((await read('train', 20)).map((e) => [e.workflowRunId, e.runAttempt])).toEqual([[7, 2]]);
  });

  it('refuses a file with a malformed line, naming branch, file and line, and appends nothing', async () => {
    await append(runEntries(1, ['train', 'probe']));
    const good = fileOnBranch('experiments/train.jsonl')!;
    const head = seedBranch({ 'experiments/train.jsonl': `${good}{"schema": "ml-actions/history-entry"}\n` });
    const failure = await append(runEntries(2, ['probe', 'train'])).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(UserError);
    expect((failure as UserError).message).toMatch(
      /^history branch ml-history: experiments\/train\.jsonl:2: invalid history entry: \$\.version is missing; nothing was appended$/,
    );
    expect((failure as UserError).line).toBe(2);
    expect(local.api.state.ref(FULL_NAME, `heads/${BRANCH}`)).toBe(head);
    expect(ids(await read('probe', 20))).toEqual([1]);
  });

  it('rolls the oldest entries into the archive of their year', async () => {
    await append(runEntries(1));
    await append(runEntries(2));
    const result = await append(runEntries(3), 2);
    // head, experiment file, archive file, tree, commit, ref.
    expect(result.requests).toBe(6);
    expect(ids(parseHistoryText(fileOnBranch('experiments/train.jsonl')!, 'f'))).toEqual([2, 3]);
    await append(runEntries(4), 2);
    expect(ids(parseHistoryText(fileOnBranch('archive/2026/train.jsonl')!, 'f'))).toEqual([1, 2]);
  });
});

describe('readHistory', () => {
  it('is empty without a branch or without a file', async () => {
    expect(await read('train', 20)).toEqual([]);
    // Nothing to write does not create the branch.
    expect(await append([])).toEqual({ commit: undefined, requests: 1, appended: 0 });
    expect(local.api.state.ref(FULL_NAME, `heads/${BRANCH}`)).toBeUndefined();
    await append(runEntries(1));
    expect(await read('probe', 20)).toEqual([]);
  });

  it('reads the newest 20 of 10,000 entries in one request', async () => {
    const [template] = runEntries(1);
    const lines = Array.from({ length: 10_000 }, (_, i) =>
      serializeHistoryEntry({ ...template!, workflowRunId: i + 1 }),
    );
    seedBranch({ [historyFilePath('train')]: `${lines.join('\n')}\n` });
    const mark = local.api.requests.length;
    const last = await read('train', 20);
    expect(local.requestsSince(mark)).toHaveLength(1);
    expect(ids(last)).toEqual(Array.from({ length: 20 }, (_, i) => 9981 + i));
  });

  it('names the branch, file and line of a malformed line', async () => {
    seedBranch({ 'experiments/train.jsonl': 'not json\n' });
    await expect(read('train', 5)).rejects.toThrow(
      /^history branch ml-history: experiments\/train\.jsonl:1:1: not a history entry: invalid JSON/,
    );
  });
});
