import { ruleSyntaxError, type SourceLine } from './syntax-error.ts';

/**
 * A token of one rule line. `start` and `end` are code-unit offsets into the line.
 * Names are either bare (`val.accuracy`) or written in backticks (`quoted`, text without them).
 */
export type Token =
  | { kind: 'name'; text: string; quoted: boolean; start: number; end: number }
  | { kind: 'number'; text: string; value: number; start: number; end: number }
  | { kind: 'compare'; text: '<' | '<=' | '>' | '>=' | '==' | '!='; start: number; end: number }
  | { kind: 'punct'; text: '+' | '-' | '*' | '/' | '(' | ')' | ':' | '%'; start: number; end: number }
  | { kind: 'end'; text: ''; start: number; end: number };

// Sticky, so each match starts where the last token ended and a long line is read in one pass.
const NUMBER = /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const NUMBER_TAIL = /[A-Za-z0-9_.]*/y;
const NAME = /[A-Za-z0-9_./-]*/y;

/**
 * Splits one line into tokens, ending with an `end` token; a `#` outside backticks starts a
 * comment. A bare name is a maximal run of letters, digits, `.`, `/`, `-` and `_` starting with
 * a letter or `_`, so `a-b` is one name and subtracting from a name needs spaces: `baseline - 1`.
 */
export function tokenize(at: SourceLine): { tokens: Token[]; contentEnd: number } {
  const text = at.text;
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ' || c === '\t') {
      i += 1;
      continue;
    }
    if (c === '#') break;
    const start = i;
    if (isLetter(c) || c === '_') {
      NAME.lastIndex = i + 1;
      NAME.exec(text);
      i = NAME.lastIndex;
      tokens.push({ kind: 'name', text: text.slice(start, i), quoted: false, start, end: i });
      continue;
    }
    if (isDigit(c) || (c === '.' && isDigit(text[i + 1] ?? ''))) {
      NUMBER.lastIndex = i;
      NUMBER.exec(text);
      i = NUMBER.lastIndex;
      NUMBER_TAIL.lastIndex = i;
      NUMBER_TAIL.exec(text);
      if (NUMBER_TAIL.lastIndex > i) {
        throw ruleSyntaxError(at, start, `invalid number '${clip(text.slice(start, NUMBER_TAIL.lastIndex))}'`);
      }
      const numeral = text.slice(start, i);
      const value = Number(numeral);
      // An overflow would silently become Infinity, a threshold that everything passes or fails.
      if (!Number.isFinite(value)) throw ruleSyntaxError(at, start, `number '${clip(numeral)}' is too large`);
      tokens.push({ kind: 'number', text: numeral, value, start, end: i });
      continue;
    }
    if (c === '`') {
      const close = text.indexOf('`', i + 1);
      if (close < 0) throw ruleSyntaxError(at, start, "unterminated name: missing the closing '`'");
      if (close === i + 1) throw ruleSyntaxError(at, start, 'empty name ``');
      i = close + 1;
      tokens.push({ kind: 'name', text: text.slice(start + 1, close), quoted: true, start, end: i });
      continue;
    }
    const two = text.slice(i, i + 2);
    if (two === '<=' || two === '>=' || two === '==' || two === '!=') {
      i += 2;
      tokens.push({ kind: 'compare', text: two, start, end: i });
      continue;
    }
    if (c === '<' || c === '>') {
      i += 1;
      tokens.push({ kind: 'compare', text: c, start, end: i });
      continue;
    }
    if (c === '+' || c === '-' || c === '*' || c === '/' || c === '(' || c === ')' || c === ':' || c === '%') {
      i += 1;
      tokens.push({ kind: 'punct', text: c, start, end: i });
      continue;
    }
    throw ruleSyntaxError(at, start, unexpectedCharacter(text, i));
  }
  const contentEnd = i;
  const last = tokens[tokens.length - 1];
  // The end token sits right after the last token: that is where a missing piece belongs.
  const endAt = last === undefined ? contentEnd : last.end;
  tokens.push({ kind: 'end', text: '', start: endAt, end: endAt });
  return { tokens, contentEnd };
}

function unexpectedCharacter(text: string, i: number): string {
  const c = text[i]!;
  if (c === '=') {
    if (text[i + 1] === '>') return "'=>' is not a comparison; did you mean '>='?";
    if (text[i + 1] === '<') return "'=<' is not a comparison; did you mean '<='?";
    return "unexpected '='; compare with '==', '<=' or '>='";
  }
  if (c === '!') return "unexpected '!'; did you mean '!='?";
  const code = text.codePointAt(i) ?? 0;
  const shown = String.fromCodePoint(code);
  if (code < 0x20 || code === 0x7f || /\s/u.test(shown)) {
    return `unexpected character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  if (code > 0x7f) {
    return `unexpected character '${shown}'; write names with such characters in backticks, e.g. \`val loss\``;
  }
  return `unexpected character '${shown}'`;
}

function isLetter(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

/** Shortens a piece of user text quoted in a message. */
export function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** A metric name as it would be written in a rule: bare when it can be, else in backticks. */
export function describeName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_./-]*$/.test(name) ? name : `\`${name}\``;
}
