/**
 * Private Markdown escaping for the model card: text that came from users (metric and param
 * names and values, file names, branch names) must show as typed, never as markup or HTML,
 * and never break a table row.
 */

/**
 * Escapes text for a Markdown table cell or inline text: one line, no markup, no HTML, no `|`.
 * Characters that are markup only at the start of a line (`#`, `-`, `1.`) are left alone, so
 * callers never start a line with user text.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n|[\r\n\u2028\u2029]/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~]/g, (char) => `\\${char}`);
}
