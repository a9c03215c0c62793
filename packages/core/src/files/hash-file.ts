/**
 * SHA-256 of files in one streaming pass, fast enough to keep up with `openssl dgst -sha256`.
 *
 * Design: two fixed 4 MiB buffers, read through a FileHandle. While the main thread hashes one
 * buffer (OpenSSL under node:crypto, with the CPU's SHA instructions where it has them), libuv's
 * thread pool already reads the next one, so disk and hash overlap. Memory stays at 8 MiB per
 * file whatever its size. A plain `createReadStream` pipe measured about 1.5x slower here: it
 * allocates a new buffer per chunk and never reads ahead while a chunk is hashed.
 *
 * `copyAndHashFile` is the same loop with a write added: each byte is read once, both to hash it
 * and to copy it, for a staging folder that cannot hard-link the file (see stage-files.ts).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { openRegularFile } from './regular-file.ts';

export interface FileDigest {
  /** Lowercase hex. */
  sha256: string;
  /** Bytes actually read, which is what the hash covers. */
  size: number;
}

const CHUNK = 4 * 1024 * 1024;

/** The sha256 and size of a file, read once in 4 MiB chunks with read-ahead. */
export async function hashFile(file: string, displayName = file): Promise<FileDigest> {
  const input = await openRegularFile(file, displayName);
  try {
    return await hashOpenFile(input);
  } finally {
    await input.close();
  }
}

/** hashFile on a file opened already (from where it is positioned; a fresh handle reads it all). */
export async function hashOpenFile(input: fs.promises.FileHandle): Promise<FileDigest> {
  const hash = createHash('sha256');
  const size = await readChunks(input, (chunk) => {
    hash.update(chunk);
    return undefined;
  });
  return { sha256: hash.digest('hex'), size };
}

/**
 * Copies `source` to `destination` (created: it must not exist, its folder must) and returns the
 * sha256 and size of the bytes copied, reading each byte once.
 */
export async function copyAndHashFile(source: string, destination: string, displayName = source): Promise<FileDigest> {
  const input = await openRegularFile(source, displayName);
  try {
    return await copyAndHashOpenFile(input, destination);
  } finally {
    await input.close();
  }
}

/** copyAndHashFile from a file opened already. */
export async function copyAndHashOpenFile(input: fs.promises.FileHandle, destination: string): Promise<FileDigest> {
  const hash = createHash('sha256');
  // wx: the destination is a new file of ours, never one that is there already (or a link planted there).
  const output = await fs.promises.open(destination, 'wx');
  try {
    const size = await readChunks(input, (chunk) => {
      // The write runs on the thread pool while the hash runs here; both only read the buffer.
      const written = writeFully(output, chunk);
      hash.update(chunk);
      return written;
    });
    return { sha256: hash.digest('hex'), size };
  } finally {
    await output.close();
  }
}

/**
 * Feeds the file to `consume` chunk by chunk while the next chunk is being read. The buffer
 * passed to `consume` is reused once the promise it returns (if any) has settled.
 */
async function readChunks(
  input: fs.promises.FileHandle,
  consume: (chunk: Buffer) => Promise<void> | undefined,
): Promise<number> {
  let full = Buffer.allocUnsafe(CHUNK);
  let spare = Buffer.allocUnsafe(CHUNK);
  let total = 0;
  let pending = input.read(full, 0, CHUNK, null);
  for (;;) {
    const { bytesRead } = await pending;
    if (bytesRead === 0) return total;
    total += bytesRead;
    // Read ahead into the spare buffer while this one is consumed.
    pending = input.read(spare, 0, CHUNK, null);
    try {
      await consume(bytesRead === CHUNK ? full : full.subarray(0, bytesRead));
    } catch (error) {
      // Let the read in flight finish before the caller closes the handle under it.
      await pending.catch(() => undefined);
      throw error;
    }
    [full, spare] = [spare, full];
  }
}

async function writeFully(output: fs.promises.FileHandle, chunk: Buffer): Promise<void> {
  let offset = 0;
  while (offset < chunk.length) {
    const { bytesWritten } = await output.write(chunk, offset, chunk.length - offset, null);
    offset += bytesWritten;
  }
}
