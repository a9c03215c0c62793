import { fileError } from './file-error.ts';
import { formatBytes } from './format-bytes.ts';
import { openRegularFile } from './regular-file.ts';
import { findInvalidUtf8, lineOfByte, lineOfChar } from './utf8-validation.ts';

/** The largest summary file (metrics.json, params.yaml, ...) read whole, unless a caller sets less. */
export const MAX_TEXT_FILE_BYTES = 64 * 1024 * 1024;

/**
 * Reads a whole text file as UTF-8 with the checks every reader wants: a size cap, not empty,
 * a UTF-8 BOM dropped, invalid UTF-8 and NUL bytes (a binary file) refused with their line.
 */
export async function readTextFile(
  absolutePath: string,
  displayName: string,
  options: { maxBytes?: number; kind?: string; allowEmpty?: boolean } = {},
): Promise<string> {
  const maxBytes = options.maxBytes ?? MAX_TEXT_FILE_BYTES;
  const handle = await openRegularFile(absolutePath, displayName);
  try {
    const info = await handle.stat();
    if (info.size > maxBytes) {
      throw fileError(
        displayName,
        `file is ${formatBytes(info.size)}; ${options.kind ?? 'files of this kind'} larger than ${formatBytes(maxBytes)} are refused (is this the right file?)`,
      );
    }
    return decodeTextBytes(await handle.readFile(), displayName, options.allowEmpty ?? false);
  } finally {
    await handle.close();
  }
}

const fatalDecoder = new TextDecoder('utf-8', { fatal: true });

/** Decodes a whole file's bytes with the checks of `readTextFile`. */
export function decodeTextBytes(bytes: Uint8Array, displayName: string, allowEmpty = false): string {
  if (bytes.length === 0) {
    if (allowEmpty) return '';
    throw fileError(displayName, 'file is empty');
  }
  let text: string;
  try {
    // The default decoder drops a leading UTF-8 BOM, which some Windows tools write.
    text = fatalDecoder.decode(bytes);
  } catch {
    const offset = Math.max(0, findInvalidUtf8(bytes));
    throw fileError(
      displayName,
      `not valid UTF-8 text (bad byte at offset ${offset}; is this a binary file?)`,
      lineOfByte(bytes, offset),
    );
  }
  const nul = text.indexOf('\0');
  if (nul !== -1) {
    throw fileError(
      displayName,
      'contains a NUL byte, so it looks like a binary file, not text',
      lineOfChar(text, nul).line,
    );
  }
  if (!allowEmpty && text.trim() === '') throw fileError(displayName, 'file is empty (only whitespace)');
  return text;
}
