import { UserError, UserErrors } from '../errors.ts';

/** One line of rules text being read, with what an error message needs to point into it. */
export interface SourceLine {
  /** Where the text came from: `rules` for an action input, or a file path. */
  source: string;
  /** 1-based line number. */
  line: number;
  text: string;
}

// Longer lines are shown as a window around the fault, so a huge line cannot flood the log.
const EXCERPT_WIDTH = 100;

/**
 * A syntax error at code-unit `index` of the line: `source:line:column: message`, then the line
 * and a caret under the fault. Columns count code points, as an editor does.
 */
export function ruleSyntaxError(at: SourceLine, index: number, message: string): UserError {
  const chars = Array.from(at.text.trimEnd());
  const caret = Array.from(at.text.slice(0, index)).length;
  const column = caret + 1;
  let start = 0;
  let end = chars.length;
  if (chars.length > EXCERPT_WIDTH) {
    start = Math.max(0, Math.min(caret - EXCERPT_WIDTH / 2, chars.length - EXCERPT_WIDTH));
    end = Math.min(chars.length, start + EXCERPT_WIDTH);
  }
  const shown = chars.slice(start, end).map(printable);
  const lead = start > 0 ? '...' : '';
  const tail = end < chars.length ? '...' : '';
  // Tabs stay tabs under the caret so it lines up whatever the terminal's tab width.
  const pad = shown
    .slice(0, caret - start)
    .map((c) => (c === '\t' ? '\t' : ' '))
    .join('');
  const excerpt = `${lead}${shown.join('')}${tail}`;
  return new UserError(
    `${at.source}:${at.line}:${column}: ${message}\n  ${excerpt}\n  ${' '.repeat(lead.length)}${pad}^`,
    { file: at.source, line: at.line, column },
  );
}

// A file of hundreds of broken lines is surely the wrong file: the first errors say enough.
const MAX_REPORTED = 20;

/**
 * What to throw for the syntax errors found in a whole text: the error itself when there is one,
 * else all of them (up to MAX_REPORTED, then a count of the rest) so that one run shows every fix.
 */
export function ruleSyntaxErrors(errors: readonly UserError[]): UserError {
  if (errors.length === 1) return errors[0]!;
  const shown = errors.slice(0, MAX_REPORTED);
  const rest = errors.length - shown.length;
  const more =
    rest === 0
      ? ''
      : `${errors[MAX_REPORTED]!.file ?? 'rules'}: ${rest} more syntax ${rest === 1 ? 'error' : 'errors'} not shown`;
  return new UserErrors(shown, more);
}

/** Control characters would break the two-line picture, so they are shown as `?`. */
function printable(c: string): string {
  const code = c.codePointAt(0) ?? 0;
  if (c === '\t') return c;
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029) return '?';
  return c;
}
