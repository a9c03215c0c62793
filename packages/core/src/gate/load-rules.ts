import { UserError } from '../errors.ts';
import { readTextFile } from '../files/text-file.ts';
import { resolveWorkspacePath } from '../files/workspace-path.ts';
import { collectRules } from './parser.ts';
import { ruleSyntaxErrors } from './syntax-error.ts';
import type { Rule } from './rule.ts';

/** A rules file is a few lines; a bigger one is surely the wrong file (and would be slow to parse). */
export const MAX_RULES_FILE_BYTES = 1024 * 1024;

/**
 * Reads a rules file (input `rules-file`, relative to the workspace) as text. It must lie inside the
 * workspace, symlinks resolved: a syntax error quotes the line, so a file outside (a symlink in a
 * pull request to a credentials file) must never be read. Size, UTF-8 and NUL bytes are checked.
 */
export async function readRulesFile(file: string, workspace: string): Promise<string> {
  const found = await resolveWorkspacePath(file, { workspace, cwd: '.' }, 'input "rules-file":');
  if (found.isDirectory) throw new UserError(`input "rules-file": ${file} is a folder, not a file`, { file });
  return readTextFile(found.absolute, file, { maxBytes: MAX_RULES_FILE_BYTES, kind: 'rules files' });
}

/**
 * Parses the rules given inline (input `rules`) and in a file (input `rules-file`, relative to the
 * workspace); errors name the input or the file, with line and column, every syntax error of both.
 */
export async function loadRules(options: {
  inline: string | undefined;
  file: string | undefined;
  workspace: string;
}): Promise<Rule[]> {
  const rules: Rule[] = [];
  const errors: UserError[] = [];
  if (options.inline !== undefined) rules.push(...collectRules(options.inline, 'rules', errors));
  if (options.file !== undefined)
    rules.push(...collectRules(await readRulesFile(options.file, options.workspace), options.file, errors));
  if (errors.length > 0) throw ruleSyntaxErrors(errors);
  return rules;
}
