import { isAscii } from 'node:buffer';
import { fileError } from './file-error.ts';
import { openRegularFile } from './regular-file.ts';
import { findInvalidUtf8, lineOfByte } from './utf8-validation.ts';

const CHUNK_BYTES = 1024 * 1024;
/** A "line" longer than this is almost surely a binary or minified file; stop before memory does. */
const MAX_LINE_BYTES = 64 * 1024 * 1024;

const fatalDecoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Calls `onLine` for each line of a UTF-8 text file, read in 1 MiB chunks so that a history of
 * millions of lines never sits in memory whole. Line numbers are 1-based; a trailing "\r" is
 * dropped; a UTF-8 BOM is dropped; an empty file, invalid UTF-8 and NUL bytes are UserErrors
 * naming the line. Returns the number of lines seen.
 */
export async function forEachLine(
  absolutePath: string,
  displayName: string,
  onLine: (line: string, lineNumber: number) => void,
): Promise<number> {
  const handle = await openRegularFile(absolutePath, displayName);
  try {
    let buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    let filled = 0; // bytes in buffer: an unfinished line carried over, then what was just read
    let lineNumber = 0;
    let totalBytes = 0;
    let first = true;
    for (;;) {
      if (filled === buffer.length) {
        // One line fills the whole buffer: grow it, within reason.
        if (buffer.length >= MAX_LINE_BYTES) {
          throw fileError(
            displayName,
            `line is longer than ${MAX_LINE_BYTES} bytes; is this a text file?`,
            lineNumber + 1,
          );
        }
        const larger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(larger, 0, 0, filled);
        buffer = larger;
      }
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, null);
      totalBytes += bytesRead;
      const end = filled + bytesRead;
      let start = 0;
      if (first && end > 0) {
        first = false;
        if (end >= 3 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) start = 3; // UTF-8 BOM
      }
      // Decode whole lines only: a newline byte never occurs inside a multi-byte character.
      const cut = bytesRead === 0 ? end : buffer.lastIndexOf(0x0a, end - 1) + 1;
      if (cut > start) {
        const text = decodeLines(buffer, start, cut, displayName, lineNumber);
        let lineStart = 0;
        let newline = text.indexOf('\n');
        while (newline !== -1) {
          const lineEnd = newline > lineStart && text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
          lineNumber++;
          onLine(text.slice(lineStart, lineEnd), lineNumber);
          lineStart = newline + 1;
          newline = text.indexOf('\n', lineStart);
        }
        if (lineStart < text.length) {
          // Only at the end of the file: a last line without a newline.
          lineNumber++;
          onLine(
            text.charCodeAt(text.length - 1) === 13 ? text.slice(lineStart, -1) : text.slice(lineStart),
            lineNumber,
          );
        }
      }
      if (bytesRead === 0) break;
      const keep = end - Math.max(cut, start);
      if (keep > 0) buffer.copy(buffer, 0, end - keep, end);
      filled = keep;
    }
    if (totalBytes === 0) throw fileError(displayName, 'file is empty');
    return lineNumber;
  } finally {
    await handle.close();
  }
}

/** Decodes complete lines, refusing invalid UTF-8 and NUL bytes with the line they are on. */
function decodeLines(buffer: Buffer, start: number, end: number, displayName: string, linesBefore: number): string {
  const bytes = buffer.subarray(start, end);
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw fileError(
      displayName,
      'contains a NUL byte, so it looks like a binary file, not text',
      linesBefore + lineOfByte(bytes, nul),
    );
  }
  // Pure ASCII (the usual case for numbers) decodes as Latin-1, much faster than UTF-8.
  if (isAscii(bytes)) return bytes.toString('latin1');
  try {
    return fatalDecoder.decode(bytes);
  } catch {
    const offset = Math.max(0, findInvalidUtf8(bytes));
    throw fileError(
      displayName,
      'not valid UTF-8 text (is this a binary file?)',
      linesBefore + lineOfByte(bytes, offset),
    );
  }
}
