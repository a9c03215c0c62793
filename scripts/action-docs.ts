/**
 * Writes each action's reference (description, Inputs and Outputs tables) into README.md from
 * its action.yml, so the docs never drift from the contract.
 *
 *   node scripts/action-docs.ts            rewrite the blocks between the markers
 *   node scripts/action-docs.ts --check    write nothing; exit 1 when a block differs or is missing
 *   --root <dir> (or ACTION_DOCS_ROOT)     the repository folder (default: this script's parent)
 *
 * A block lives between `<!-- action-docs:start <verb> -->` and `<!-- action-docs:end <verb> -->`;
 * everything outside the markers is left as it is.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { UserError, errorMessage, isPlainObject } from '@ml-actions/core';

/** Markers that enclose the generated block of one action. */
export function actionDocsMarkers(verb: string): { start: string; end: string } {
  return { start: `<!-- action-docs:start ${verb} -->`, end: `<!-- action-docs:end ${verb} -->` };
}

/** Text made safe for one Markdown table cell: `|` escaped, line breaks as `<br>`. */
export function escapeTableCell(text: string): string {
  return text
    .trim()
    .replace(/\|/g, '\\|')
    .replace(/\r\n?|\n/g, '<br>');
}

/** `text` as a Markdown code span, with a fence longer than any backtick run inside it. */
export function codeSpan(text: string): string {
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  // A span that starts or ends with a backtick needs a space, which Markdown then strips.
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** The entries of an optional `inputs`/`outputs` mapping, each checked to be a mapping itself. */
function entries(
  action: Record<string, unknown>,
  field: string,
  source: string,
): Array<[string, Record<string, unknown>]> {
  const section = action[field];
  if (section === undefined || section === null) return [];
  if (!isPlainObject(section)) throw new UserError(`${source}: "${field}" must be a mapping`, { file: source });
  return Object.entries(section).map(([name, spec]) => {
    if (spec === null || spec === undefined) return [name, {}];
    if (!isPlainObject(spec)) throw new UserError(`${source}: ${field}.${name} must be a mapping`, { file: source });
    return [name, spec];
  });
}

/** A scalar field as text ('' when absent); `source` and `path` name it in the error for anything else. */
function scalarText(value: unknown, source: string, path: string): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new UserError(`${source}: ${path} must be text, a number or a boolean`, { file: source });
}

/**
 * The Markdown block for one parsed action.yml: its description, an Inputs table (name,
 * description, required, default) and an Outputs table (name, description), in the file's order.
 * `source` names the file in errors.
 */
export function renderActionDocs(action: unknown, source: string): string {
  if (!isPlainObject(action)) throw new UserError(`${source}: expected a mapping at the top level`, { file: source });
  const description = scalarText(action['description'], source, 'description').trim();
  if (description === '') throw new UserError(`${source}: the action has no description`, { file: source });

  const lines = [description.replace(/\r\n?/g, '\n'), '', '#### Inputs', ''];
  const inputs = entries(action, 'inputs', source);
  if (inputs.length === 0) lines.push('None.');
  else {
    lines.push('| name | description | required | default |', '| --- | --- | --- | --- |');
    for (const [name, spec] of inputs) {
      const required = spec['required'] === true || spec['required'] === 'true' ? 'yes' : 'no';
      const defaultText = scalarText(spec['default'], source, `inputs.${name}.default`);
      const cells = [
        codeSpan(name),
        scalarText(spec['description'], source, `inputs.${name}.description`),
        required,
        defaultText === '' ? '' : codeSpan(defaultText),
      ];
      lines.push(`| ${cells.map(escapeTableCell).join(' | ')} |`);
    }
  }

  lines.push('', '#### Outputs', '');
  const outputs = entries(action, 'outputs', source);
  if (outputs.length === 0) lines.push('None.');
  else {
    lines.push('| name | description |', '| --- | --- |');
    for (const [name, spec] of outputs) {
      const cells = [codeSpan(name), scalarText(spec['description'], source, `outputs.${name}.description`)];
      lines.push(`| ${cells.map(escapeTableCell).join(' | ')} |`);
    }
  }
  return lines.join('\n') + '\n';
}

/** 1-based line of an offset in `text`, for error messages. */
function lineAt(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

/**
 * `text` with the part between `verb`'s markers replaced by `block` (set off by blank lines), or
 * undefined when the markers are not there. Markers out of order or repeated are a UserError
 * naming `source` and the line.
 */
export function replaceBetweenMarkers(text: string, verb: string, block: string, source: string): string | undefined {
  const { start, end } = actionDocsMarkers(verb);
  const startAt = text.indexOf(start);
  const endAt = text.indexOf(end);
  if (startAt === -1 && endAt === -1) return undefined;
  if (startAt === -1 || endAt === -1) {
    const [present, absent] = startAt === -1 ? [end, start] : [start, end];
    const line = lineAt(text, Math.max(startAt, endAt));
    throw new UserError(`${source}:${line}: "${present}" has no matching "${absent}"`, { file: source, line });
  }
  for (const [marker, at] of [
    [start, startAt],
    [end, endAt],
  ] as const) {
    const again = text.indexOf(marker, at + marker.length);
    if (again !== -1) {
      const line = lineAt(text, again);
      throw new UserError(`${source}:${line}: "${marker}" appears twice`, { file: source, line });
    }
  }
  if (endAt < startAt) {
    const line = lineAt(text, endAt);
    throw new UserError(`${source}:${line}: "${end}" comes before "${start}"`, { file: source, line });
  }
  return `${text.slice(0, startAt + start.length)}\n\n${block.trim()}\n\n${text.slice(endAt)}`;
}

/** Verbs named by start markers in `text`, in order of appearance. */
export function markedVerbs(text: string): string[] {
  return [...text.matchAll(/<!-- action-docs:start (\S+) -->/g)].map((match) => match[1]!);
}

/** Formats Markdown as the repository's Prettier would, so `prettier --check` agrees with the blocks. */
async function formatMarkdown(markdown: string, filepath: string): Promise<string> {
  // Loaded only here: the pure functions above must not pay for Prettier.
  const prettier = await import('prettier');
  const config = (await prettier.resolveConfig(filepath)) ?? {};
  return prettier.format(markdown, { ...config, parser: 'markdown', filepath });
}

/** What a run found: verbs whose block was rewritten or differs, verbs without markers, unknown markers. */
export interface ActionDocsResult {
  changed: string[];
  missing: string[];
  unknown: string[];
}

/**
 * Renders every `actions/<verb>/action.yml` under `root` and puts each block into `root/README.md`
 * between its markers. With `check`, writes nothing and only reports.
 */
export async function updateActionDocs(root: string, check: boolean): Promise<ActionDocsResult> {
  const readmePath = join(root, 'README.md');
  const original = await readFile(readmePath, 'utf8');
  const folders = (await readdir(join(root, 'actions'), { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const verbs: string[] = [];
  let text = original;
  const result: ActionDocsResult = { changed: [], missing: [], unknown: [] };
  for (const verb of folders) {
    const source = `actions/${verb}/action.yml`;
    let yamlText: string;
    try {
      yamlText = await readFile(join(root, source), 'utf8');
    } catch (error) {
      // A folder without action.yml is not an action; any other read failure is a real problem.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw error;
    }
    verbs.push(verb);
    let parsed: unknown;
    try {
      parsed = parse(yamlText);
    } catch (error) {
      throw new UserError(`${source}: not valid YAML: ${errorMessage(error)}`, { file: source });
    }
    const block = await formatMarkdown(renderActionDocs(parsed, source), readmePath);
    const replaced = replaceBetweenMarkers(text, verb, block, 'README.md');
    if (replaced === undefined) result.missing.push(verb);
    else {
      if (replaced !== text) result.changed.push(verb);
      text = replaced;
    }
  }
  result.unknown = markedVerbs(original).filter((verb) => !verbs.includes(verb));
  if (!check && text !== original) await writeFile(readmePath, text);
  return result;
}

/** The command line: see the comment at the top of this file. Returns the exit code. */
export async function main(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const check = args.includes('--check');
  const rootAt = args.indexOf('--root');
  const rootValueAt = rootAt === -1 ? -1 : rootAt + 1;
  const unknownArg = args.find((arg, index) => arg !== '--check' && index !== rootAt && index !== rootValueAt);
  if (unknownArg !== undefined || (rootAt !== -1 && args[rootValueAt] === undefined)) {
    console.error('usage: node scripts/action-docs.ts [--check] [--root <dir>]');
    return 2;
  }
  const root = resolve(
    (rootAt !== -1 ? args[rootValueAt] : undefined) ??
      env['ACTION_DOCS_ROOT'] ??
      fileURLToPath(new URL('..', import.meta.url)),
  );
  let result: ActionDocsResult;
  try {
    result = await updateActionDocs(root, check);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    console.error(`action-docs: ${error.message}`);
    return 1;
  }
  const problems = [
    ...result.changed.map((verb) => `${verb}: the block differs from actions/${verb}/action.yml`),
    ...result.missing.map((verb) => `${verb}: no markers; add ${Object.values(actionDocsMarkers(verb)).join(' and ')}`),
    ...result.unknown.map((verb) => `${verb}: markers for an action that does not exist`),
  ];
  if (check) {
    if (problems.length === 0) {
      console.log('action-docs: README.md is in sync with every action.yml');
      return 0;
    }
    console.error(
      `action-docs: README.md is out of date (run node scripts/action-docs.ts):\n  ${problems.join('\n  ')}`,
    );
    return 1;
  }
  console.log(
    result.changed.length === 0
      ? 'action-docs: README.md already up to date'
      : `action-docs: updated ${result.changed.join(', ')}`,
  );
  for (const problem of problems.slice(result.changed.length)) console.warn(`action-docs: ${problem}`);
  return 0;
}

// Run only as a script, not when a test imports the functions above.
if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2), process.env);
}
