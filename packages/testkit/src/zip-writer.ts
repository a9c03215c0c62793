import { crc32, deflateRawSync } from 'node:zlib';

/** One entry of a test archive; its header fields can lie, as a hostile archive's do. */
export interface TestZipEntry {
  name: string;
  data: Uint8Array | string;
  /** 0 stored (the default), 8 deflated. */
  method?: 0 | 8;
  /** The uncompressed size the headers declare; default the true size. */
  declaredSize?: number;
  crc?: number;
}

/**
 * A zip archive written by the format's layout (local headers and data, central directory, end
 * record) with exactly the names and header fields given, `../` and absolute paths included: what a
 * hostile workflow could upload as an artifact. Written by hand because zip libraries refuse to
 * write such archives. A record maps names to stored contents.
 */
export function writeTestZip(
  given: TestZipEntry[] | Record<string, string | Uint8Array>,
  options: { declaredCount?: number } = {},
): Buffer {
  const entries: TestZipEntry[] = Array.isArray(given)
    ? given
    : Object.entries(given).map(([name, data]) => ({ name, data }));
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const data = Buffer.from(entry.data);
    const method = entry.method ?? 0;
    const body = method === 8 ? deflateRawSync(data) : data;
    const name = Buffer.from(entry.name, 'utf8');
    const size = entry.declaredSize ?? data.length;
    const crc = entry.crc ?? crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0x21, 12); // date: 1980-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  const count = options.declaredCount ?? entries.length;
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
