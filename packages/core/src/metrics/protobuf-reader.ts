/**
 * A minimal protocol-buffers wire-format reader: enough to walk messages field by field without
 * a schema compiler or dependency. It reads in place from a byte array and allocates nothing.
 */

export const WIRE_VARINT = 0;
export const WIRE_FIXED64 = 1;
export const WIRE_LENGTH_DELIMITED = 2;
export const WIRE_FIXED32 = 5;

/** Thrown for bytes that are not a valid message; callers turn it into a UserError with context. */
export class MalformedProtobufError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedProtobufError';
  }
}

export class ProtobufReader {
  bytes: Uint8Array;
  view: DataView;
  pos = 0;

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** Points the reader at another buffer (the event reader grows its buffer for large records). */
  reset(bytes: Uint8Array): void {
    if (bytes !== this.bytes) {
      this.bytes = bytes;
      this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    }
    this.pos = 0;
  }

  /** An unsigned varint as a number (exact below 2^53); a 10-byte varint is read as a negative int64. */
  varint(end: number): number {
    const bytes = this.bytes;
    let pos = this.pos;
    if (pos >= end) throw new MalformedProtobufError('truncated varint');
    let byte = bytes[pos++]!;
    if (byte < 0x80) {
      this.pos = pos;
      return byte;
    }
    let result = byte & 0x7f;
    let factor = 128;
    for (let count = 1; ; count++) {
      if (pos >= end) throw new MalformedProtobufError('truncated varint');
      if (count >= 10) throw new MalformedProtobufError('varint longer than 10 bytes');
      byte = bytes[pos++]!;
      result += (byte & 0x7f) * factor;
      if (byte < 0x80) break;
      factor *= 128;
    }
    this.pos = pos;
    // int64 fields hold negative numbers as their two's complement in 64 bits.
    return result >= 2 ** 63 ? result - 2 ** 64 : result;
  }

  /** The end offset of a length-delimited field whose length comes next; moves to its start. */
  lengthDelimitedEnd(end: number): number {
    const length = this.varint(end);
    const fieldEnd = this.pos + length;
    if (length < 0 || fieldEnd > end)
      throw new MalformedProtobufError('length-delimited field runs past the end of its message');
    return fieldEnd;
  }

  double(end: number): number {
    if (this.pos + 8 > end) throw new MalformedProtobufError('truncated 64-bit field');
    const value = this.view.getFloat64(this.pos, true);
    this.pos += 8;
    return value;
  }

  float(end: number): number {
    if (this.pos + 4 > end) throw new MalformedProtobufError('truncated 32-bit field');
    const value = this.view.getFloat32(this.pos, true);
    this.pos += 4;
    return value;
  }

  /** Skips the value of a field of the given wire type. */
  skip(wireType: number, end: number): void {
    switch (wireType) {
      case WIRE_VARINT:
        this.varint(end);
        return;
      case WIRE_FIXED64:
        this.pos += 8;
        break;
      case WIRE_LENGTH_DELIMITED:
        this.pos = this.lengthDelimitedEnd(end);
        return;
      case WIRE_FIXED32:
        this.pos += 4;
        break;
      default:
        // Groups (3, 4) are long deprecated and never appear in event files.
        throw new MalformedProtobufError(`unsupported wire type ${wireType}`);
    }
    if (this.pos > end) throw new MalformedProtobufError('field runs past the end of its message');
  }
}
