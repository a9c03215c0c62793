/**
 * An independent TensorBoard event-file writer for tests. It shares no code with the reader in
 * src/metrics: its CRC32C is the plain bit-by-bit definition and its protobuf encoding is
 * written out field by field, so a bug in the reader cannot be mirrored here.
 */

/** One scalar to write, and how to encode it. */
export interface ScalarEvent {
  step: number;
  wallTime: number;
  tag: string;
  value: number;
  /** simple_value (float32), a scalar DT_DOUBLE tensor in double_val, or a DT_FLOAT tensor in tensor_content. */
  encoding?: 'simple' | 'double-tensor' | 'float-tensor-content';
}

/** CRC-32C by its definition, one bit at a time. */
export function crc32cBitwise(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) {
      const lowBit = crc & 1;
      crc >>>= 1;
      if (lowBit) crc ^= 0x82f63b78;
    }
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function masked(bytes: Uint8Array): number {
  const crc = crc32cBitwise(bytes);
  const rotated = ((crc >>> 15) | (crc << 17)) >>> 0;
  return (rotated + 0xa282ead8) % 0x100000000;
}

function concat(...parts: Array<Uint8Array | number[]>): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function varint(value: number): number[] {
  const out: number[] = [];
  let rest = value;
  while (rest >= 128) {
    out.push((rest % 128) + 128);
    rest = Math.floor(rest / 128);
  }
  out.push(rest);
  return out;
}

function key(field: number, wireType: number): number[] {
  return varint(field * 8 + wireType);
}

function lengthDelimited(field: number, body: Uint8Array): Uint8Array {
  return concat(key(field, 2), varint(body.length), body);
}

function float64(value: number): Uint8Array {
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setFloat64(0, value, true);
  return bytes;
}

function float32(value: number): Uint8Array {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setFloat32(0, value, true);
  return bytes;
}

const NOTHING = new Uint8Array(0);

/** The Event message for one scalar. */
export function encodeScalarEvent(event: ScalarEvent): Uint8Array {
  const tag = lengthDelimited(1, new TextEncoder().encode(event.tag));
  const encoding = event.encoding ?? 'simple';
  let value: Uint8Array;
  if (encoding === 'simple') {
    value = concat(tag, key(2, 5), float32(event.value));
  } else if (encoding === 'double-tensor') {
    // TensorProto { dtype: DT_DOUBLE (2), tensor_shape: {} (a scalar), double_val: [value] (packed) }
    const tensor = concat(key(1, 0), varint(2), lengthDelimited(2, NOTHING), lengthDelimited(6, float64(event.value)));
    value = concat(tag, lengthDelimited(8, tensor));
  } else {
    // TensorProto { dtype: DT_FLOAT (1), tensor_shape: {}, tensor_content: 4 little-endian bytes }
    const tensor = concat(key(1, 0), varint(1), lengthDelimited(2, NOTHING), lengthDelimited(4, float32(event.value)));
    value = concat(tag, lengthDelimited(8, tensor));
  }
  const summary = lengthDelimited(1, value);
  return concat(key(1, 1), float64(event.wallTime), key(2, 0), varint(event.step), lengthDelimited(5, summary));
}

/** The first record TensorFlow writes: Event { wall_time, file_version: "brain.Event:2" }. */
export function encodeFileVersionEvent(wallTime: number): Uint8Array {
  return concat(key(1, 1), float64(wallTime), lengthDelimited(3, new TextEncoder().encode('brain.Event:2')));
}

/** One TFRecord: uint64 LE length, masked CRC of the length, data, masked CRC of the data. */
export function frameRecord(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(8 + 4 + data.length + 4);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length % 0x100000000, true);
  view.setUint32(4, Math.floor(data.length / 0x100000000), true);
  view.setUint32(8, masked(out.subarray(0, 8)), true);
  out.set(data, 12);
  view.setUint32(12 + data.length, masked(data), true);
  return out;
}

/** A whole event file: the file-version record, then one record per scalar. */
export function encodeEventFile(events: ScalarEvent[], startWallTime = 1_700_000_000): Uint8Array {
  return concat(
    frameRecord(encodeFileVersionEvent(startWallTime)),
    ...events.map((event) => frameRecord(encodeScalarEvent(event))),
  );
}
