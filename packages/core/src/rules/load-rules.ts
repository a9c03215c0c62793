import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { UserError } from '../errors.ts';
import { parseRules } from './parser.ts';
import type { Rule } from './rule.ts';

/**
 * Parses the rules given inline (input `rules`) and in a file (input `rules-file`, relative to the
 * workspace); errors name the input or the file, with line and column.
 */
export async function loadRules(options: {
  inline: string | undefined;
  file: string | undefined;
  workspace: string;
}): Promise<Rule[]> {
  const rules: Rule[] = [];
  if (options.inline !== undefined) rules.push(...parseRules(options.inline, 'rules'));
  if (options.file !== undefined) {
    const path = isAbsolute(options.file) ? options.file : resolve(options.workspace, options.file);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch {
      throw new UserError(`input "rules-file": cannot read ${options.file}`, { file: options.file });
    }
    rules.push(...parseRules(text, options.file));
  }
  return rules;
}
