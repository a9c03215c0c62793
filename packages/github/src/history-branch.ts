/**
 * The durable experiment history, kept in the repository itself on a branch of its own (the
 * `history-branch` input): one JSON Lines file of the newest entries per experiment, older ones in
 * yearly archives. Written with GitHub's Git Data API, one commit per append on top of the branch
 * head, so that concurrent appends serialise on the ref update instead of losing entries.
 */
import { UserError, appendToHistory, historyFilePath, parseHistoryText, type HistoryEntry } from '@ml-actions/core';
import { retryWaitScale, type GitHubClient } from './github-client.ts';
import type { Log } from './step-log.ts';
import { wait } from './wait.ts';

/** How often an append is tried when another one moved the branch first. */
const APPEND_ATTEMPTS = 5;
/** The first wait before trying again; later ones grow, with jitter so that two writers part. */
const APPEND_RETRY_MS = 250;

export interface HistoryBranch {
  github: GitHubClient;
  owner: string;
  repo: string;
  /** The branch name, without `refs/heads/`. */
  branch: string;
}

export interface HistoryAppendOptions extends HistoryBranch {
  entries: readonly HistoryEntry[];
  /** How many entries each experiment file keeps before older ones go to the archive. */
  keep: number;
  log: Log;
  /**
   * More files for the same commit, made from the experiments' histories as they will be (the
   * trend page): written together, so the page never shows a history the branch does not hold.
   */
  pageFiles?: (history: { experiment: string; entries: HistoryEntry[] }[]) => { path: string; content: string }[];
}

export interface HistoryAppendResult {
  /**
   * The branch head after the append: unchanged when every entry was already there; undefined
   * when there was nothing to write and the branch does not exist (it is not created empty).
   */
  commit: string | undefined;
  /** Requests this append sent, retries included. */
  requests: number;
  /** Entries written; a re-run's entries already on the branch are not written again. */
  appended: number;
}

interface BranchHead {
  commit: string;
  tree: string;
}

/** A REST call that counts itself. */
type Counted = <T>(call: () => Promise<T>) => Promise<T>;

/**
 * Appends `entries` to the history branch in one commit, creating the branch (an orphan commit)
 * when it does not exist. When another append moved the branch meanwhile, reads again and retries.
 * A file on the branch with a malformed line is a UserError naming branch, file and line, and
 * nothing is written.
 */
export async function appendHistory(options: HistoryAppendOptions): Promise<HistoryAppendResult> {
  let requests = 0;
  const counted: Counted = (call) => {
    requests++;
    return call();
  };
  for (let attempt = 1; ; attempt++) {
    const outcome = await tryAppend(options, counted);
    if (outcome.kind === 'written' || outcome.kind === 'unchanged') {
      return { commit: outcome.commit, requests, appended: outcome.appended };
    }
    if (attempt >= APPEND_ATTEMPTS) {
      throw new Error(
        `history branch ${options.branch}: another writer moved it on each of ${APPEND_ATTEMPTS} attempts; the entries were not written`,
      );
    }
    options.log.info(
      `History branch ${options.branch} moved while appending; reading it again (attempt ${attempt + 1} of ${APPEND_ATTEMPTS})`,
    );
    await wait(APPEND_RETRY_MS * attempt * (0.5 + Math.random()) * retryWaitScale());
  }
}

type AppendOutcome =
  | { kind: 'written'; commit: string; appended: number }
  | { kind: 'unchanged'; commit: string | undefined; appended: 0 }
  | { kind: 'moved' };

async function tryAppend(options: HistoryAppendOptions, counted: Counted): Promise<AppendOutcome> {
  const { github, owner, repo, branch } = options;
  const head = await readHead(options, counted);
  const byExperiment = new Map<string, HistoryEntry[]>();
  for (const entry of options.entries) {
    byExperiment.set(entry.experiment, [...(byExperiment.get(entry.experiment) ?? []), entry]);
  }
  // Every file is read at the head commit, so the new tree is made from one consistent state.
  const experiments = await Promise.all(
    [...byExperiment].map(async ([experiment, entries]) => {
      const path = historyFilePath(experiment);
      const text = head === undefined ? undefined : await readFile(options, head.commit, path, counted);
      try {
        return { path, ...appendToHistory(text, entries, { keep: options.keep }) };
      } catch (error) {
        if (error instanceof UserError) {
          throw new UserError(`history branch ${branch}: ${error.message}; nothing was appended`, {
            file: path,
            ...(error.line === undefined ? {} : { line: error.line }),
          });
        }
        throw error;
      }
    }),
  );
  const appended = experiments.reduce((sum, e) => sum + e.appended.length, 0);
  if (appended === 0) return { kind: 'unchanged', commit: head?.commit, appended: 0 };

  const files = new Map<string, string>();
  if (options.pageFiles !== undefined) {
    const history = [...byExperiment.keys()].map((experiment, index) => ({
      experiment,
      entries: parseHistoryText(experiments[index]!.current, experiments[index]!.path),
    }));
    for (const file of options.pageFiles(history)) files.set(file.path, file.content);
  }
  for (const experiment of experiments) {
    files.set(experiment.path, experiment.current);
    for (const archive of experiment.archive) {
      files.set(archive.path, `${files.get(archive.path) ?? ''}${archive.lines}`);
    }
  }
  // Archive files take lines at their end: read what they hold (only when entries roll over).
  const archives = experiments.flatMap((e) => e.archive.map((a) => a.path));
  await Promise.all(
    [...new Set(archives)].map(async (path) => {
      const before = head === undefined ? undefined : await readFile(options, head.commit, path, counted);
      if (before !== undefined && before !== '') {
        files.set(path, `${before.endsWith('\n') ? before : `${before}\n`}${files.get(path) ?? ''}`);
      }
    }),
  );

  const repository = { owner, repo };
  const tree = await counted(() =>
    github.request('POST /repos/{owner}/{repo}/git/trees', {
      ...repository,
      ...(head === undefined ? {} : { base_tree: head.tree }),
      tree: [...files].map(([path, content]) => ({ path, mode: '100644' as const, type: 'blob' as const, content })),
    }),
  );
  const experimentNames = [...byExperiment.keys()];
  const commit = await counted(() =>
    github.request('POST /repos/{owner}/{repo}/git/commits', {
      ...repository,
      message: `History: ${appended} ${appended === 1 ? 'entry' : 'entries'} of ${experimentNames.length === 1 ? experimentNames[0]! : `${experimentNames.length} experiments`}`,
      tree: tree.data.sha,
      parents: head === undefined ? [] : [head.commit],
    }),
  );
  try {
    if (head === undefined) {
      await counted(() =>
        github.request('POST /repos/{owner}/{repo}/git/refs', {
          ...repository,
          ref: `refs/heads/${branch}`,
          sha: commit.data.sha,
        }),
      );
    } else {
      await counted(() =>
        github.request('PATCH /repos/{owner}/{repo}/git/refs/{ref}', {
          ...repository,
          ref: `heads/${branch}`,
          sha: commit.data.sha,
          force: false,
        }),
      );
    }
  } catch (thrown) {
    // 422: not a fast forward, or the branch was created meanwhile. The commit made is unreferenced and collected.
    if ((thrown as { status?: unknown }).status === 422) return { kind: 'moved' };
    throw thrown;
  }
  return { kind: 'written', commit: commit.data.sha, appended };
}

/** The branch head and its tree in one request; undefined when the branch does not exist. */
async function readHead(branch: HistoryBranch, counted: Counted): Promise<BranchHead | undefined> {
  try {
    const answer = await counted(() =>
      branch.github.request('GET /repos/{owner}/{repo}/commits/{ref}', {
        owner: branch.owner,
        repo: branch.repo,
        ref: `heads/${branch.branch}`,
        // The last commit's diff is not needed: one file a page keeps the answer small.
        per_page: 1,
      }),
    );
    return { commit: answer.data.sha, tree: answer.data.commit.tree.sha };
  } catch (thrown) {
    // GitHub answers 422 "No commit found" for a ref that does not exist (404, 409 for an empty repository).
    const status = (thrown as { status?: unknown }).status;
    if (status === 404 || status === 409 || status === 422) return undefined;
    throw thrown;
  }
}

/** A file's text at a ref, raw; undefined when there is no such file (or ref). */
async function readFile(
  branch: HistoryBranch,
  ref: string,
  path: string,
  counted: Counted,
): Promise<string | undefined> {
  try {
    const answer = await counted(() =>
      branch.github.request('GET /repos/{owner}/{repo}/contents/{path}', {
        owner: branch.owner,
        repo: branch.repo,
        path,
        ref,
        headers: { accept: 'application/vnd.github.raw+json' },
      }),
    );
    const data: unknown = answer.data;
    if (typeof data === 'string') return data;
    if (data instanceof ArrayBuffer) return new TextDecoder('utf-8', { fatal: true }).decode(data);
    throw new Error(`GitHub answered ${path} at ${ref} with something other than the file's text`);
  } catch (thrown) {
    if ((thrown as { status?: unknown }).status === 404) return undefined;
    throw thrown;
  }
}

export interface HistoryReadOptions extends HistoryBranch {
  experiment: string;
  /** How many of the newest entries to return; the experiment file holds the newest `keep`. */
  last: number;
}

/** The newest `last` entries of one experiment, oldest first, in one request; no branch or no file is []. */
export async function readHistory(options: HistoryReadOptions): Promise<HistoryEntry[]> {
  const path = historyFilePath(options.experiment);
  const text = await readFile(options, options.branch, path, (call) => call());
  if (text === undefined) return [];
  let entries: HistoryEntry[];
  try {
    entries = parseHistoryText(text, path);
  } catch (error) {
    if (error instanceof UserError) {
      throw new UserError(`history branch ${options.branch}: ${error.message}`, {
        file: path,
        ...(error.line === undefined ? {} : { line: error.line }),
      });
    }
    throw error;
  }
  return options.last <= 0 ? [] : entries.slice(-options.last);
}
