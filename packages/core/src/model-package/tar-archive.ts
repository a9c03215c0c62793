/**
 * A tar archive (POSIX ustar, with pax headers where ustar cannot say a name or size) of files on
 * disk, planned before a byte is read: its size and the offset of every file are known from the
 * paths and sizes alone, so the archive can be cut into parts, and each part streamed, re-streamed
 * after a failed upload, or checked, without the archive ever being written out.
 *
 * The same files give the same bytes: entries in the order given, owner 0:0, mode 0644, one mtime.
 */
import fs from 'node:fs';

const BLOCK = 512;
/** ustar's size field holds 11 octal digits. */
const USTAR_MAX_SIZE = 8 ** 11 - 1;
const USTAR_NAME_BYTES = 100;

/** A file of the archive: read from disk (`absolute`, `size` bytes) or given whole (`data`). */
export type TarInput =
  | {
      /** The entry's name inside the archive, `/`-separated and relative. */ path: string;
      size: number;
      absolute: string;
    }
  | { path: string; data: Buffer };

type Segment =
  | { kind: 'bytes'; offset: number; data: Buffer }
  | { kind: 'file'; offset: number; size: number; absolute: string; path: string };

export interface TarPlan {
  /** The archive's length in bytes. */
  size: number;
  /** Headers, file contents and padding, in order, covering [0, size). */
  segments: Segment[];
}

/** Plans the archive of `files`, every entry dated `mtimeSeconds` (seconds since the epoch). */
export function planTarArchive(files: readonly TarInput[], mtimeSeconds: number): TarPlan {
  const mtime = Math.max(0, Math.floor(mtimeSeconds));
  const segments: Segment[] = [];
  let offset = 0;
  const push = (data: Buffer): void => {
    if (data.length === 0) return;
    segments.push({ kind: 'bytes', offset, data });
    offset += data.length;
  };
  const seen = new Set<string>();
  for (const file of files) {
    if (file.path === '' || file.path.startsWith('/') || file.path.split('/').includes('..')) {
      throw new Error(`not a relative archive path: ${JSON.stringify(file.path)}`);
    }
    if (seen.has(file.path)) throw new Error(`listed twice in the archive: ${file.path}`);
    seen.add(file.path);
    const size = 'data' in file ? file.data.length : file.size;
    if (!Number.isSafeInteger(size) || size < 0) throw new Error(`bad size for ${file.path}: ${size}`);
    const nameBytes = Buffer.byteLength(file.path, 'utf8');
    // Non-ASCII names and long ones go in a pax header, which says UTF-8; ustar's field is bare bytes.
    const paxPath = nameBytes > USTAR_NAME_BYTES || !/^[\x20-\x7e]*$/.test(file.path);
    const paxSize = size > USTAR_MAX_SIZE;
    if (paxPath || paxSize) {
      const records = paxRecord('path', file.path) + (paxSize ? paxRecord('size', String(size)) : '');
      const body = Buffer.from(records, 'utf8');
      push(header({ name: 'PaxHeaders/entry', size: body.length, mtime, type: 'x' }));
      push(padded(body));
    }
    push(
      header({
        name: paxPath ? asciiStandIn(file.path) : file.path,
        size: paxSize ? 0 : size,
        mtime,
        type: '0',
      }),
    );
    if ('data' in file) push(file.data);
    else segments.push({ kind: 'file', offset, size, absolute: file.absolute, path: file.path });
    offset += 'data' in file ? 0 : size;
    push(Buffer.alloc(padding(size)));
  }
  // The end of the archive: two zero blocks.
  push(Buffer.alloc(2 * BLOCK));
  return { size: offset, segments };
}

/** A pax record: `<length> <key>=<value>\n`, the length counting its own digits. */
function paxRecord(key: string, value: string): string {
  const rest = ` ${key}=${value}\n`;
  const restBytes = Buffer.byteLength(rest, 'utf8');
  let length = restBytes + 1;
  while (String(length).length + restBytes !== length) length = String(length).length + restBytes;
  return `${length}${rest}`;
}

/** What readers without pax support show instead: the name's last 100 ASCII bytes. */
function asciiStandIn(path: string): string {
  return path.replace(/[^\x20-\x7e]/g, '_').slice(-USTAR_NAME_BYTES);
}

function padding(size: number): number {
  return (BLOCK - (size % BLOCK)) % BLOCK;
}

function padded(data: Buffer): Buffer {
  return Buffer.concat([data, Buffer.alloc(padding(data.length))]);
}

function header(entry: { name: string; size: number; mtime: number; type: '0' | 'x' }): Buffer {
  const block = Buffer.alloc(BLOCK);
  block.write(entry.name, 0, USTAR_NAME_BYTES, 'utf8');
  octal(block, 100, 8, 0o644); // mode
  octal(block, 108, 8, 0); // uid
  octal(block, 116, 8, 0); // gid
  octal(block, 124, 12, entry.size);
  octal(block, 136, 12, entry.mtime);
  block.fill(0x20, 148, 156); // the checksum counts its own field as spaces
  block.write(entry.type, 156, 1, 'ascii');
  block.write('ustar\u000000', 257, 8, 'ascii'); // magic "ustar\0" and version "00"
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, '0')}\u0000 `, 148, 8, 'ascii');
  return block;
}

function octal(block: Buffer, offset: number, width: number, value: number): void {
  const digits = value.toString(8);
  if (digits.length > width - 1) throw new Error(`${value} does not fit a ${width}-byte tar field`);
  block.write(`${digits.padStart(width - 1, '0')}\u0000`, offset, width, 'ascii');
}

/** A contiguous piece of the archive: one release asset. */
export interface TarPart {
  /** Zero-based. */
  index: number;
  offset: number;
  size: number;
}

/** Cuts `size` bytes into parts of at most `partSize` bytes, the last one shorter. */
export function splitIntoParts(size: number, partSize: number): TarPart[] {
  if (!Number.isSafeInteger(partSize) || partSize < 1) throw new Error(`bad part size: ${partSize}`);
  const parts: TarPart[] = [];
  for (let offset = 0, index = 0; offset < size; offset += partSize, index += 1) {
    parts.push({ index, offset, size: Math.min(partSize, size - offset) });
  }
  return parts;
}

/** How much of a file is read at once while streaming. */
const READ_CHUNK = 1024 * 1024;

/**
 * The archive's bytes in [start, end), read from the files as they are consumed. A file whose size
 * differs from the plan's is refused, so a part never silently carries other bytes than planned.
 */
export async function* readTarRange(plan: TarPlan, start: number, end: number): AsyncGenerator<Buffer> {
  if (start < 0 || end > plan.size || start > end) throw new Error(`range ${start}-${end} is outside the archive`);
  for (const segment of plan.segments) {
    const length = segment.kind === 'bytes' ? segment.data.length : segment.size;
    const from = Math.max(start, segment.offset);
    const to = Math.min(end, segment.offset + length);
    if (from >= to) continue;
    if (segment.kind === 'bytes') {
      yield segment.data.subarray(from - segment.offset, to - segment.offset);
      continue;
    }
    const stats = await fs.promises.stat(segment.absolute);
    if (stats.size !== segment.size) {
      throw new Error(
        `${segment.path} is ${stats.size} bytes now, ${segment.size} when it was packaged; package it again once nothing writes to it`,
      );
    }
    const stream = fs.createReadStream(segment.absolute, {
      start: from - segment.offset,
      end: to - segment.offset - 1,
      highWaterMark: READ_CHUNK,
    });
    for await (const chunk of stream) yield chunk as Buffer;
  }
}
