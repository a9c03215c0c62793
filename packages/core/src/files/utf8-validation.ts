/**
 * Where invalid UTF-8 starts. Only used after the fast built-in decoder has already refused
 * the bytes, to tell the user which line to look at.
 */
export function findInvalidUtf8(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let i = start;
  while (i < end) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min = 0x80;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) min = 0xa0; // overlong
      if (b === 0xed) max = 0x9f; // surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) min = 0x90; // overlong
      if (b === 0xf4) max = 0x8f; // above U+10FFFF
    } else return i;
    if (i + need >= end) return i; // cut off at the end
    const second = bytes[i + 1]!;
    if (second < min || second > max) return i;
    for (let k = 2; k <= need; k++) {
      const next = bytes[i + k]!;
      if (next < 0x80 || next > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** The 1-based line of a byte offset: one more than the newlines before it. */
export function lineOfByte(bytes: Uint8Array, offset: number, start = 0): number {
  let line = 1;
  for (let i = start; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** The 1-based line and column of a character offset in a string. */
export function lineOfChar(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  let at = text.indexOf('\n');
  while (at !== -1 && at < offset) {
    line++;
    lineStart = at + 1;
    at = text.indexOf('\n', lineStart);
  }
  return { line, column: offset - lineStart + 1 };
}
