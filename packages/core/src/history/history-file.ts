/**
 * Where an experiment's history lives on the history branch, and how a file takes new entries:
 * `experiments/<stem>.jsonl` holds at most the newest `keep` entries, and at least nine tenths of
 * them (what the trend page and `last` reads need, in one file of bounded size); older ones move to
 * `archive/<year>/<stem>.jsonl`.
 */
import { UserError } from '../errors.ts';
import { safeFileStem } from '../files/safe-file-stem.ts';
import type { HistoryEntry } from './history-entry.ts';
import { parseHistoryLines, serializeHistoryEntry } from './history-lines.ts';

/** The file of an experiment's newest entries: `experiments/<stem>.jsonl`, safe and distinct for any name. */
export function historyFilePath(experiment: string): string {
  return `experiments/${safeFileStem(experiment)}.jsonl`;
}

/** The archive file of an experiment's entries of one year: `archive/2026/<stem>.jsonl`. */
export function historyArchivePath(experiment: string, year: number): string {
  return `archive/${year}/${safeFileStem(experiment)}.jsonl`;
}

export interface HistoryAppend {
  /** The experiment file's new text. */
  current: string;
  /** Lines to append to each archive file (oldest first), one item per file. */
  archive: { path: string; lines: string }[];
  /** The entries that were new (a re-run's entries already in the file are not). */
  appended: HistoryEntry[];
}

/**
 * Appends one experiment's `entries` to its file's text (`undefined`: no file yet). A workflow run
 * has one entry an experiment: a re-run's (a later attempt) replaces the earlier attempt's where it
 * stands, and an attempt already there is skipped, so a re-run job never appends twice. Past `options.keep` entries, the oldest are rolled over until nine tenths of
 * `keep` remain, returned as lines for the archive file of their year. A malformed file is a UserError naming the line.
 */
export function appendToHistory(
  currentText: string | undefined,
  entries: readonly HistoryEntry[],
  options: { keep: number },
): HistoryAppend {
  if (!(Number.isInteger(options.keep) && options.keep >= 1)) throw new Error(`keep must be a positive integer`);
  const experiment = entries[0]?.experiment;
  if (experiment === undefined) return { current: currentText ?? '', archive: [], appended: [] };
  const file = historyFilePath(experiment);
  for (const entry of entries) {
    if (entry.experiment !== experiment) throw new Error('appendToHistory takes the entries of one experiment');
  }
  const lines = currentText === undefined ? [] : parseHistoryLines(currentText, file);
  lines.forEach(({ entry }, index) => {
    if (entry.experiment !== experiment) {
      throw new UserError(
        `${file}:${index + 1}: holds an entry of experiment ${JSON.stringify(entry.experiment)}, not ${JSON.stringify(experiment)}: the file was not written for this experiment`,
        { file },
      );
    }
  });
  // One entry a workflow run: a later attempt (a re-run) replaces the earlier one's in place, the
  // same or an older one is already there.
  const at = new Map(lines.map(({ entry }, index) => [runKey(entry), index]));
  const appended: HistoryEntry[] = [];
  for (const entry of entries) {
    const index = at.get(runKey(entry));
    const line = { entry, text: serializeHistoryEntry(entry) };
    if (index === undefined) {
      at.set(runKey(entry), lines.length);
      lines.push(line);
    } else if (lines[index]!.entry.runAttempt < entry.runAttempt) {
      lines[index] = line;
    } else {
      continue;
    }
    appended.push(entry);
  }
  // Rolled over a tenth at a time: most appends then rewrite the current file alone, not the
  // year's archive as well.
  const cut = lines.length > options.keep ? lines.length - (options.keep - Math.floor(options.keep / 10)) : 0;
  const archive = new Map<string, string>();
  for (const { entry, text } of lines.slice(0, cut)) {
    const path = historyArchivePath(experiment, new Date(entry.date).getUTCFullYear());
    archive.set(path, `${archive.get(path) ?? ''}${text}\n`);
  }
  const kept = lines.slice(cut);
  return {
    current: kept.map(({ text }) => `${text}\n`).join(''),
    archive: [...archive].map(([path, text]) => ({ path, lines: text })),
    appended,
  };
}

/** What makes an entry the same one again: a re-run job of the same attempt writes it anew. */
function runKey(entry: HistoryEntry): string {
  return JSON.stringify([entry.workflowRunId, entry.experiment]);
}
