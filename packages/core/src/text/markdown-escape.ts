import { showHiddenCharacters } from './hidden-characters.ts';

/**
 * Escaping for text that came from users (metric and param names and values, branch and
 * experiment names) before it goes into Markdown that GitHub renders as our bot: it must show
 * as typed and never become HTML, a broken table, a mention, an issue link or a forged marker.
 */

/** Zero-width joiner: placed after `@` or `#`, it breaks GitHub's mention and reference autolinks. */
const ZWJ = '\u200d';

// C0/C1 controls (tab and line breaks are handled separately). Bidi overrides, which can make a
// name display differently from what it is ("Trojan Source"), and other hidden characters are
// written out instead (`showHiddenCharacters`).
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f]/g;
const LINE_BREAK = /\r\n|[\r\n\t\u0085\u2028\u2029]/g;

const MARKUP = /[\\`*_[\]~|<>&]/g;
const MARKUP_REPLACEMENT: Record<string, string> = {
  '<': '&lt;',
  '>': '&gt;',
  '&': '&amp;',
};

/** Default longest cell, in UTF-16 units: one huge param value must not eat the comment. */
export const MAX_CELL_LENGTH = 200;

/**
 * Escapes user text for inline Markdown: one line, no HTML (`<`, `>`, `&` become entities, so
 * `<!--` cannot appear), no emphasis, code or link syntax, no `|` that could split a table row,
 * and no `@name`, `#123` or `GH-123` that GitHub would turn into a ping or a reference.
 */
export function escapeInline(text: string): string {
  return (
    showHiddenCharacters(text.replace(INVISIBLE, ''))
      .replace(LINE_BREAK, ' ')
      .replace(MARKUP, (char) => MARKUP_REPLACEMENT[char] ?? `\\${char}`)
      // GitHub links `@name` only after a character that is not an ASCII letter, digit or `_`: a tag
      // such as `churn@v1.0.0` stays as typed, copyable.
      .replace(/(?<![A-Za-z0-9_])@(?=[\p{L}\p{N}_-])/gu, `@${ZWJ}`)
      .replace(/#(?=\p{N})/gu, `#${ZWJ}`)
      .replace(/\b(GH)-(?=\p{N})/giu, `$1${ZWJ}-`)
  );
}

/** Escapes user text for a Markdown table cell: `escapeInline`, cut to `maxLength` with `…`. */
export function escapeCell(text: string, maxLength: number = MAX_CELL_LENGTH): string {
  return escapeInline(truncateText(text, maxLength));
}

/** Cuts text to at most `maxLength` UTF-16 units, ending in `…`, without splitting a surrogate pair. */
export function truncateText(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  let end = Math.max(0, maxLength - 1);
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

/**
 * An http(s) URL made safe as a Markdown link target (no spaces, quotes, brackets or
 * parentheses that would end it early), or undefined for anything else (`javascript:`, junk).
 */
export function safeUrl(url: string | undefined): string | undefined {
  if (url === undefined || url === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  return parsed.href.replace(
    /[\s"'()<>[\]\\`|]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

/** A Markdown link when `url` is a safe http(s) URL, else the (already escaped) text alone. */
export function markdownLink(escapedText: string, url: string | undefined): string {
  const href = safeUrl(url);
  return href === undefined ? escapedText : `[${escapedText}](${href})`;
}
