import { expect } from 'vitest';

/** Every payload carries this word, so that whatever reaches an output can be traced back to it. */
export const TAG = 'INJECTED';

/** Texts that would do harm if rendered, autolinked or interpreted as they are. */
export const PAYLOADS = {
  html: `<img src=x onerror=alert(1)><script>alert("${TAG}")</script>`,
  table: `loss|${TAG}|x\n| forged | row |`,
  mention: `@octocat ${TAG}`,
  reference: `fixes #123 ${TAG}`,
  marker: `<!-- ml-actions:compare:ml --> ${TAG}`,
  error: `m\n::error::${TAG}-error`,
  mask: `::add-mask::${TAG}-mask`,
  stop: `x\n::stop-commands::${TAG}-stop`,
  legacy: `##[error]${TAG}-legacy`,
  ansi: `\u001b[31m${TAG}-red\u001b[0m\u001b]8;;https://evil.example\u0007link\u001b]8;;\u0007`,
} as const;

/**
 * Lines of a step's stdout that the runner would act on because user data put them there: a
 * workflow command whose name, properties or (start of) message came from a payload, or a legacy
 * `##[...]` command carrying one. The runner trims leading whitespace before matching `::`.
 */
export function injectedCommandLines(stdout: string): string[] {
  // As the runner does: between `::stop-commands::T` and `::T::` nothing is a command.
  let resumeToken: string | undefined;
  return stdout.split(/\r?\n/).filter((line) => {
    const trimmed = line.trimStart();
    if (resumeToken !== undefined) {
      if (trimmed === `::${resumeToken}::`) resumeToken = undefined;
      return false;
    }
    const stop = /^::stop-commands::(.+)$/.exec(trimmed);
    if (stop !== null && !(stop[1] ?? '').includes(TAG)) {
      resumeToken = stop[1];
      return false;
    }
    if (/##\[[\w-]+[^\]]*\]/.test(trimmed) && trimmed.includes(TAG)) return true;
    const command = /^::([^:]*)::(.*)$/.exec(trimmed);
    if (command === null) return false;
    const [, head = '', message = ''] = command;
    // Properties (`title=…`) are escaped by @actions/core, so only the name and the message matter.
    const name = head.split(' ')[0] ?? '';
    if (name.includes(TAG)) return true;
    if (
      /^(add-mask|stop-commands|echo|add-matcher|remove-matcher|set-env|add-path|set-output|save-state)$/.test(name)
    ) {
      return message.includes(TAG);
    }
    return message.startsWith(TAG);
  });
}

/** Asserts that no output of a step lets user data act as a workflow command or terminal escape. */
export function expectInertLog(stdout: string): void {
  expect(injectedCommandLines(stdout)).toEqual([]);
  expect(stdout).not.toContain('\u001b');
}

/**
 * Asserts that Markdown we render holds user text only as text: no HTML, no mention or issue
 * reference GitHub would autolink, no second copy of our marker, no terminal escapes, and table
 * rows that all have the header's number of cells.
 */
export function expectNeutralisedMarkdown(markdown: string, options: { marker?: string } = {}): void {
  expect(markdown).not.toMatch(/<(img|script|b)\b/i);
  expect(markdown).not.toMatch(/@octocat/);
  expect(markdown).not.toMatch(/#123\b/);
  expect(markdown).not.toContain('\u001b');
  if (options.marker !== undefined) expect(markdown.split(options.marker)).toHaveLength(2);
  for (const table of markdownTables(markdown)) {
    const widths = table.map(cellCount);
    expect(new Set(widths).size, table.join('\n')).toBe(1);
  }
}

/** The Markdown tables (runs of lines starting with `|`) of a document. */
function markdownTables(markdown: string): string[][] {
  const tables: string[][] = [];
  let current: string[] = [];
  for (const line of markdown.split('\n')) {
    if (line.startsWith('|')) current.push(line);
    else if (current.length > 0) {
      tables.push(current);
      current = [];
    }
  }
  if (current.length > 0) tables.push(current);
  return tables;
}

/** Cells of a table row: `|` not escaped with a backslash (GFM splits on `|` even inside code spans). */
function cellCount(row: string): number {
  let cells = 0;
  for (let i = 0; i < row.length; i++) {
    if (row[i] === '\\') i++;
    else if (row[i] === '|') cells++;
  }
  return cells;
}
