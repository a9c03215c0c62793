import { UserError } from '../errors.ts';
import { formatBytes } from './format-bytes.ts';

/**
 * What an archive from elsewhere (another run's artifact, a fork's upload) may hold before we
 * refuse it. Every cap is checked against the central directory before a byte is inflated, and
 * inflating stops at the declared size, so a zip bomb costs its compressed size and no more.
 */
export interface ZipLimits {
  maxEntries: number;
  /** The largest uncompressed size of the one entry that is read. */
  maxEntryBytes: number;
  /** The largest sum of the uncompressed sizes of all entries, read or not. */
  maxTotalBytes: number;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
const END_RECORD_BYTES = 22;
const MAX_COMMENT_BYTES = 0xffff;
const STORED = 0;
const DEFLATED = 8;
const ENCRYPTED_FLAG = 0x1;

interface CentralEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

/**
 * Which file of an archive to read: its exact top-level name, or a test its name passes (such as
 * "a run record file", which has had more than one name). A name the test passes is shown in
 * errors as it is, so a test should pass only printable names.
 */
export type ZipEntryName = string | ((name: string) => boolean);

/** A file read from an archive: its name there and its bytes. */
export interface ZipEntry {
  name: string;
  bytes: Uint8Array;
}

/**
 * The one top-level file `wanted` of a zip archive, or undefined when the archive has no such
 * file; two files that could each be the one wanted are refused, as neither is more the one than
 * the other. Only that file is inflated; the others are counted against the caps and skipped.
 * `source` names the archive in errors.
 */
export function readZipEntry(
  archive: Uint8Array,
  wanted: ZipEntryName,
  limits: ZipLimits,
  source: string,
): ZipEntry | undefined {
  const bytes = Buffer.from(archive.buffer, archive.byteOffset, archive.byteLength);
  const fail = (why: string): never => {
    throw new UserError(`${source}: ${why}`);
  };
  const end = findEndRecord(bytes) ?? fail('not a zip archive (no end of central directory)');
  const entryCount = bytes.readUInt16LE(end + 10);
  const directorySize = bytes.readUInt32LE(end + 12);
  const directoryOffset = bytes.readUInt32LE(end + 16);
  if (entryCount === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    fail('a ZIP64 archive, far larger than any run record or comparison');
  }
  if (entryCount > limits.maxEntries) {
    fail(`holds ${entryCount} entries; at most ${limits.maxEntries} are accepted`);
  }
  if (directoryOffset + directorySize > end) fail('its central directory lies outside the archive');

  const entries: CentralEntry[] = [];
  let total = 0;
  let at = directoryOffset;
  for (let index = 0; index < entryCount; index++) {
    if (at + 46 > end || bytes.readUInt32LE(at) !== CENTRAL_DIRECTORY_ENTRY) {
      fail(`entry ${index + 1} of its central directory is damaged`);
    }
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const entry: CentralEntry = {
      flags: bytes.readUInt16LE(at + 8),
      method: bytes.readUInt16LE(at + 10),
      crc: bytes.readUInt32LE(at + 16),
      compressedSize: bytes.readUInt32LE(at + 20),
      size: bytes.readUInt32LE(at + 24),
      localHeaderOffset: bytes.readUInt32LE(at + 42),
      name: bytes.toString('utf8', at + 46, Math.min(end, at + 46 + nameLength)),
    };
    total += entry.size;
    if (total > limits.maxTotalBytes) {
      fail(`its entries add up to more than ${formatBytes(limits.maxTotalBytes)} uncompressed; refused`);
    }
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }

  const matching = entries.filter((entry) =>
    typeof wanted === 'string' ? entry.name === wanted : !/[/\\]/.test(entry.name) && wanted(entry.name),
  );
  if (matching.length > 1) {
    const names = [...new Set(matching.map((entry) => entry.name))];
    fail(
      names.length === 1
        ? `holds ${matching.length} entries named ${names[0]}`
        : `holds ${matching.length} files that could each be the one read (${names.join(', ')}); only one is read`,
    );
  }
  const entry = matching[0];
  if (entry === undefined) return undefined;
  const what = `${entry.name} in it`;
  if (entry.size > limits.maxEntryBytes) {
    fail(`${what} is ${formatBytes(entry.size)} uncompressed; at most ${formatBytes(limits.maxEntryBytes)} is read`);
  }
  if ((entry.flags & ENCRYPTED_FLAG) !== 0) fail(`${what} is encrypted`);
  const local = entry.localHeaderOffset;
  if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== LOCAL_FILE_HEADER) {
    fail(`the local header of ${what} is damaged`);
  }
  const dataStart = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
  const dataEnd = dataStart + entry.compressedSize;
  if (dataEnd > bytes.length) fail(`${what} is cut off`);
  const compressed = bytes.subarray(dataStart, dataEnd);

  let content: Buffer;
  if (entry.method === STORED) {
    content = compressed;
  } else if (entry.method === DEFLATED) {
    try {
      // One byte more than declared: a stream that inflates past its declared size is caught below.
      content = zlib().inflateRawSync(compressed, { maxOutputLength: Math.max(1, entry.size + 1) });
    } catch (thrown: unknown) {
      const code = (thrown as { code?: unknown } | null)?.code;
      content = fail(
        code === 'ERR_BUFFER_TOO_LARGE'
          ? `${what} inflates past its declared ${formatBytes(entry.size)}`
          : `${what} does not inflate (damaged data)`,
      );
    }
  } else {
    return fail(`${what} uses compression method ${entry.method}; only stored and deflated entries are read`);
  }
  if (content.length !== entry.size) {
    fail(`${what} holds ${content.length} bytes, not the ${entry.size} its header declares`);
  }
  if (zlib().crc32(content) !== entry.crc) fail(`${what} fails its CRC-32 check (damaged data)`);
  return { name: entry.name, bytes: content };
}

/** The offset of the end-of-central-directory record, searched back over a possible comment. */
function findEndRecord(bytes: Buffer): number | undefined {
  const lowest = Math.max(0, bytes.length - END_RECORD_BYTES - MAX_COMMENT_BYTES);
  for (let at = bytes.length - END_RECORD_BYTES; at >= lowest; at--) {
    if (bytes.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  return undefined;
}

/** node:zlib, loaded when a zip is first read: most steps read none, and loading it costs every start. */
function zlib() {
  return process.getBuiltinModule('node:zlib');
}
