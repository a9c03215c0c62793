/**
 * Escaping for user text inside a Mermaid chart (a quoted title). Mermaid's quoted strings
 * cannot contain `"` at all, `%%` starts a comment or a directive, `#name;` is an entity, and
 * a backtick or a line break could end the Markdown fence: those characters are replaced by
 * look-alikes, so the name still reads right and the chart always parses.
 */

import { showHiddenCharacters } from '../text/hidden-characters.ts';
import { truncateText } from '../text/markdown-escape.ts';

const REPLACEMENTS: Record<string, string> = {
  '"': "'",
  '`': "'",
  '%': '％',
  '#': '＃',
  '<': '‹',
  '>': '›',
  '&': '＆',
  '\\': '∖',
};

// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const LINE_BREAK = /\r\n|[\r\n\t\u2028\u2029]/g;

export const MAX_MERMAID_LABEL_LENGTH = 80;

/** User text as the body of a double-quoted Mermaid string: one line, no `"`, `%`, `#`, backtick, `<`, `>`, `&`. */
export function escapeMermaidLabel(text: string, maxLength: number = MAX_MERMAID_LABEL_LENGTH): string {
  const label = showHiddenCharacters(text.replace(INVISIBLE, ''))
    .replace(LINE_BREAK, ' ')
    .replace(/["`%#<>&\\]/g, (char) => REPLACEMENTS[char] ?? char)
    // Inside a chart nobody is pinged, but the raw text shows in e-mails and the API.
    .replace(/@(?=[\p{L}\p{N}_-])/gu, '@\u200d')
    .replace(/\b(GH)-(?=\p{N})/giu, '$1\u200d-')
    .trim();
  return label === '' ? '(unnamed)' : truncateText(label, maxLength);
}
