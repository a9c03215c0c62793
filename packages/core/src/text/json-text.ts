import { fileError } from '../files/file-error.ts';
import { lineOfChar } from '../files/utf8-validation.ts';

/**
 * JSON as ML tools write it. Python's json module writes NaN, Infinity and -Infinity as bare
 * words, which JSON.parse refuses; those become the strings "NaN", "Infinity" and "-Infinity",
 * which the metric readers read as numbers (see `nonFiniteFromText`).
 * On a syntax error the message names the line and column, found by our own scanner because
 * the engine's messages do not always carry a position.
 */
export function parseJsonText(text: string, displayName: string, firstLine = 1): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return parseJsonSlowly(text, displayName, firstLine);
  }
}

/** Like `parseJsonText` for text known to contain Python's bare NaN/Infinity: skips the first attempt. */
export function parseJsonTextWithNonFinite(text: string, displayName: string, firstLine = 1): unknown {
  try {
    return JSON.parse(quoteNonFiniteLiterals(text));
  } catch {
    return parseJsonSlowly(text, displayName, firstLine);
  }
}

function parseJsonSlowly(text: string, displayName: string, firstLine: number): unknown {
  const problem = findJsonSyntaxError(text);
  if (problem !== undefined) {
    const { line, column } = lineOfChar(text, problem.offset);
    throw fileError(displayName, `invalid JSON: ${problem.message}`, line + firstLine - 1, column);
  }
  try {
    return JSON.parse(quoteNonFiniteLiterals(text));
  } catch (error) {
    // Our scanner accepted what the engine refused: report the engine's words on one line.
    const message = error instanceof Error ? error.message.replace(/\s+/g, ' ') : String(error);
    throw fileError(displayName, `invalid JSON: ${message}`, firstLine);
  }
}

/** Rewrites bare NaN, Infinity and -Infinity outside strings as JSON strings. */
export function quoteNonFiniteLiterals(text: string): string {
  let out = '';
  let copied = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 78 /* N */ && text.startsWith('NaN', i)) {
      out += text.slice(copied, i) + '"NaN"';
      i += 2;
      copied = i + 1;
    } else if (c === 73 /* I */ && text.startsWith('Infinity', i)) {
      out += text.slice(copied, i) + '"Infinity"';
      i += 7;
      copied = i + 1;
    } else if (c === 45 /* - */ && text.startsWith('-Infinity', i)) {
      out += text.slice(copied, i) + '"-Infinity"';
      i += 8;
      copied = i + 1;
    }
  }
  return copied === 0 ? text : out + text.slice(copied);
}

const OBJECT = 0;
const ARRAY = 1;
// What the scanner expects next.
const VALUE = 0;
const VALUE_OR_CLOSE = 1;
const KEY = 2;
const KEY_OR_CLOSE = 3;
const COLON = 4;
const AFTER_VALUE = 5;

/**
 * The first syntax error in JSON text (Python's NaN/Infinity allowed), or undefined when there is
 * none. Iterative, so deep nesting cannot overflow the stack. Only used on the error path.
 */
export function findJsonSyntaxError(text: string): { offset: number; message: string } | undefined {
  const stack: number[] = [];
  let state = VALUE;
  let i = 0;
  const n = text.length;
  for (;;) {
    while (i < n) {
      const w = text.charCodeAt(i);
      if (w === 32 || w === 9 || w === 10 || w === 13) i++;
      else break;
    }
    if (i >= n) {
      if (stack.length === 0 && state === AFTER_VALUE) return undefined;
      return { offset: n, message: 'unexpected end of file (is it truncated?)' };
    }
    const c = text[i]!;
    switch (state) {
      case VALUE:
      case VALUE_OR_CLOSE: {
        if (c === ']' && state === VALUE_OR_CLOSE) {
          stack.pop();
          i++;
          state = AFTER_VALUE;
        } else if (c === '{') {
          stack.push(OBJECT);
          i++;
          state = KEY_OR_CLOSE;
        } else if (c === '[') {
          stack.push(ARRAY);
          i++;
          state = VALUE_OR_CLOSE;
        } else if (c === '"') {
          const end = scanString(text, i);
          if (typeof end !== 'number') return end;
          i = end;
          state = AFTER_VALUE;
        } else if (c === '-' || (c >= '0' && c <= '9')) {
          if (text.startsWith('-Infinity', i)) {
            i += 9;
          } else {
            const end = scanNumber(text, i);
            if (typeof end !== 'number') return end;
            i = end;
          }
          state = AFTER_VALUE;
        } else {
          const word = ['true', 'false', 'null', 'NaN', 'Infinity'].find((literal) => text.startsWith(literal, i));
          if (word === undefined)
            return { offset: i, message: `unexpected ${describe(text, i)} where a value was expected` };
          i += word.length;
          state = AFTER_VALUE;
        }
        break;
      }
      case KEY:
      case KEY_OR_CLOSE: {
        if (c === '}' && state === KEY_OR_CLOSE) {
          stack.pop();
          i++;
          state = AFTER_VALUE;
        } else if (c === '"') {
          const end = scanString(text, i);
          if (typeof end !== 'number') return end;
          i = end;
          state = COLON;
        } else {
          return {
            offset: i,
            message: `unexpected ${describe(text, i)} where a property name in double quotes was expected`,
          };
        }
        break;
      }
      case COLON: {
        if (c !== ':')
          return { offset: i, message: `expected ':' after the property name, found ${describe(text, i)}` };
        i++;
        state = VALUE;
        break;
      }
      default: {
        const top = stack[stack.length - 1];
        if (top === undefined)
          return { offset: i, message: `unexpected ${describe(text, i)} after the end of the JSON value` };
        if (c === ',') {
          i++;
          state = top === OBJECT ? KEY : VALUE;
        } else if ((c === '}' && top === OBJECT) || (c === ']' && top === ARRAY)) {
          stack.pop();
          i++;
          state = AFTER_VALUE;
        } else {
          const expected = top === OBJECT ? "',' or '}'" : "',' or ']'";
          return { offset: i, message: `expected ${expected}, found ${describe(text, i)}` };
        }
      }
    }
  }
}

/** End offset of the string starting at `start` (a '"'), or the problem in it. */
function scanString(text: string, start: number): number | { offset: number; message: string } {
  let i = start + 1;
  for (;;) {
    if (i >= text.length) return { offset: start, message: 'unterminated string' };
    const c = text.charCodeAt(i);
    if (c === 34) return i + 1;
    if (c < 0x20) return { offset: i, message: 'control character (such as a raw newline or tab) inside a string' };
    if (c === 92) {
      const next = text[i + 1];
      if (next === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)))
          return { offset: i, message: 'invalid \\u escape in a string' };
        i += 6;
      } else if (next !== undefined && '"\\/bfnrt'.includes(next)) i += 2;
      else return { offset: i, message: 'invalid escape in a string' };
    } else i++;
  }
}

/** End offset of the number starting at `start`, or the problem in it. */
function scanNumber(text: string, start: number): number | { offset: number; message: string } {
  const match = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
  match.lastIndex = start;
  const found = match.exec(text);
  if (found === null || found[0] === '-') return { offset: start, message: 'invalid number' };
  const end = start + found[0].length;
  const after = text[end];
  if (after !== undefined && /[0-9.eE+\-a-zA-Z]/.test(after)) return { offset: start, message: 'invalid number' };
  return end;
}

function describe(text: string, at: number): string {
  const c = text.codePointAt(at);
  if (c === undefined) return 'end of file';
  const char = String.fromCodePoint(c);
  return c < 0x20 || c === 0x7f ? `character U+${c.toString(16).padStart(4, '0').toUpperCase()}` : `'${char}'`;
}
