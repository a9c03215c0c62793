/**
 * CRC-32C (Castagnoli), as TFRecord framing uses, computed eight bytes at a time
 * ("slicing-by-8") because every byte of an event file passes through it.
 */

const POLYNOMIAL = 0x82f63b78; // reflected Castagnoli polynomial
// Built on first use: most steps read no event file, and every step would pay for it at start.
let tables: Uint32Array | undefined;

function buildTables(): Uint32Array {
  const tables = new Uint32Array(8 * 256);
  for (let i = 0; i < 256; i++) {
    let crc = i;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ POLYNOMIAL : crc >>> 1;
    tables[i] = crc >>> 0;
  }
  for (let i = 0; i < 256; i++) {
    for (let slice = 1; slice < 8; slice++) {
      const previous = tables[(slice - 1) * 256 + i]!;
      tables[slice * 256 + i] = (previous >>> 8) ^ tables[previous & 0xff]!;
    }
  }
  return tables;
}

/** CRC-32C of `bytes[start, end)`. */
export function crc32c(bytes: Uint8Array, start = 0, end = bytes.length): number {
  const t = (tables ??= buildTables());
  let crc = 0xffffffff;
  let i = start;
  for (; end - i >= 8; i += 8) {
    const low = crc ^ (bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24));
    crc =
      t[1792 + (low & 0xff)]! ^
      t[1536 + ((low >>> 8) & 0xff)]! ^
      t[1280 + ((low >>> 16) & 0xff)]! ^
      t[1024 + (low >>> 24)]! ^
      t[768 + bytes[i + 4]!]! ^
      t[512 + bytes[i + 5]!]! ^
      t[256 + bytes[i + 6]!]! ^
      t[bytes[i + 7]!]!;
  }
  for (; i < end; i++) crc = t[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** TFRecord's masked CRC: rotated right by 15 bits plus a constant, so CRCs of CRCs look random. */
export function maskedCrc32c(bytes: Uint8Array, start = 0, end = bytes.length): number {
  const crc = crc32c(bytes, start, end);
  return ((((crc >>> 15) | (crc << 17)) >>> 0) + 0xa282ead8) >>> 0;
}
