import type { Metric } from '../record/run-record.ts';
import type { UserError } from '../errors.ts';
import { fileError } from '../files/file-error.ts';
import { openRegularFile } from '../files/regular-file.ts';
import { maskedCrc32c } from './crc32c.ts';
import { MetricTable } from './metric-series.ts';
import {
  MalformedProtobufError,
  ProtobufReader,
  WIRE_FIXED32,
  WIRE_FIXED64,
  WIRE_LENGTH_DELIMITED,
  WIRE_VARINT,
} from './protobuf-reader.ts';

/** True for TensorBoard event file names (`events.out.tfevents.<time>.<host>...`). */
export function isTfeventsName(fileName: string): boolean {
  return fileName.startsWith('events.out.tfevents.');
}

const CHUNK_BYTES = 1024 * 1024;
const HEADER_BYTES = 12; // uint64 length + masked CRC of the length
const FOOTER_BYTES = 4; // masked CRC of the data
/** A record claiming more than this is corrupt, not a scalar event. */
const MAX_RECORD_BYTES = 1024 * 1024 * 1024;

// TensorFlow DataType values we read scalars from.
const DT_FLOAT = 1;
const DT_DOUBLE = 2;

/**
 * Reads scalars from a TensorBoard event file. TFRecord framing: uint64 LE length, masked
 * CRC32C of the length, data, masked CRC32C of the data (both CRCs checked; a mismatch names the
 * record's byte offset). Each record is an `Event`; its `summary.value`s give scalars from
 * `simple_value`, or from a float or double tensor with one element. Metric keys are the tags,
 * as written (`train/loss` stays so). The file is read in chunks, never whole.
 *
 * A file that ends inside its last record is one whose writer was still running or was killed
 * (writers flush whole buffers, not whole records): like TensorBoard, we read the records before
 * it, and add a warning naming the file and the offset to `warnings`.
 */
export async function readTfevents(
  absolutePath: string,
  displayName: string,
  warnings: UserError[] = [],
): Promise<Record<string, Metric>> {
  const table = new MetricTable();
  await readTfeventsInto(table, absolutePath, displayName, '', warnings);
  return table.toRecord();
}

/**
 * Like `readTfevents`, adding to `table` with `tagPrefix` before each tag, so that several event
 * files of one run (a restarted job) extend the same series.
 */
export async function readTfeventsInto(
  table: MetricTable,
  absolutePath: string,
  displayName: string,
  tagPrefix: string,
  warnings: UserError[],
): Promise<void> {
  const handle = await openRegularFile(absolutePath, displayName);
  try {
    let buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    let start = 0; // first unread byte in buffer
    let end = 0; // end of the bytes read into buffer
    let offset = 0; // file offset of buffer[start]
    let eof = false;
    const reader = new ProtobufReader(buffer);
    const decoder = new EventDecoder(table, tagPrefix);

    // Makes at least `needed` bytes available from `start`; false when the file ends first.
    const fill = async (needed: number): Promise<boolean> => {
      if (end - start >= needed) return true;
      if (eof) return false;
      if (needed > buffer.length) {
        const larger = Buffer.allocUnsafe(Math.max(needed, buffer.length * 2));
        buffer.copy(larger, 0, start, end);
        buffer = larger;
        reader.reset(buffer);
      } else if (start > 0) {
        buffer.copy(buffer, 0, start, end);
      }
      end -= start;
      start = 0;
      while (end < needed && !eof) {
        const { bytesRead } = await handle.read(buffer, end, buffer.length - end, null);
        if (bytesRead === 0) eof = true;
        end += bytesRead;
      }
      return end >= needed;
    };

    const incompleteTail = (recordOffset: number, bytes: number) =>
      fileError(
        displayName,
        `ends inside the record at byte offset ${recordOffset} (${bytes} of its bytes are there): the writer had not finished it; the records before it were read`,
      );
    const corrupt = (recordOffset: number, problem: string) =>
      fileError(
        displayName,
        `record at byte offset ${recordOffset}: ${problem}; the event file is corrupt or not a TensorBoard event file`,
      );

    for (;;) {
      if (!(await fill(HEADER_BYTES))) {
        if (end - start === 0) break;
        if (offset === 0)
          throw fileError(displayName, `file is only ${end - start} bytes; not a TensorBoard event file`);
        warnings.push(incompleteTail(offset, end - start));
        break;
      }
      const low = buffer.readUInt32LE(start);
      const high = buffer.readUInt32LE(start + 4);
      if (maskedCrc32c(buffer, start, start + 8) !== buffer.readUInt32LE(start + 8)) {
        throw corrupt(offset, 'length CRC mismatch');
      }
      const length = high * 2 ** 32 + low;
      if (length > MAX_RECORD_BYTES) throw corrupt(offset, `record length ${length} is implausibly large`);
      const total = HEADER_BYTES + length + FOOTER_BYTES;
      if (!(await fill(total))) {
        if (offset === 0) throw corrupt(offset, `truncated record (needs ${length} data bytes; the file ends first)`);
        warnings.push(incompleteTail(offset, end - start));
        break;
      }
      const dataStart = start + HEADER_BYTES;
      const dataEnd = dataStart + length;
      if (maskedCrc32c(buffer, dataStart, dataEnd) !== buffer.readUInt32LE(dataEnd)) {
        throw corrupt(offset, 'data CRC mismatch');
      }
      try {
        decoder.decodeEvent(reader, dataStart, dataEnd);
      } catch (error) {
        if (error instanceof MalformedProtobufError)
          throw corrupt(offset, `not a valid Event message (${error.message})`);
        throw error;
      }
      start += total;
      offset += total;
    }
    if (offset === 0) throw fileError(displayName, 'file is empty');
  } finally {
    await handle.close();
  }
}

/** Decodes Event messages into a MetricTable without allocating per point (apart from tag text). */
class EventDecoder {
  readonly table: MetricTable;
  readonly tagPrefix: string;
  // The last tag's bytes and key: consecutive events usually repeat tags, so most lookups
  // compare a few bytes instead of decoding a string.
  private readonly lastTags: Array<{ bytes: Uint8Array; key: string }> = [];

  constructor(table: MetricTable, tagPrefix: string) {
    this.table = table;
    this.tagPrefix = tagPrefix;
  }

  decodeEvent(reader: ProtobufReader, start: number, end: number): void {
    reader.pos = start;
    let wallTime = NaN;
    let step = 0;
    let summaryStart = -1;
    let summaryEnd = -1;
    while (reader.pos < end) {
      const key = reader.varint(end);
      const field = key >>> 3;
      const wire = key & 7;
      if (field === 1 && wire === WIRE_FIXED64) wallTime = reader.double(end);
      else if (field === 2 && wire === WIRE_VARINT) step = reader.varint(end);
      else if (field === 5 && wire === WIRE_LENGTH_DELIMITED) {
        summaryEnd = reader.lengthDelimitedEnd(end);
        summaryStart = reader.pos;
        reader.pos = summaryEnd;
      } else reader.skip(wire, end);
    }
    if (summaryStart < 0) return; // file_version, graph, session log ... records
    reader.pos = summaryStart;
    while (reader.pos < summaryEnd) {
      const key = reader.varint(summaryEnd);
      if (key >>> 3 === 1 && (key & 7) === WIRE_LENGTH_DELIMITED) {
        const valueEnd = reader.lengthDelimitedEnd(summaryEnd);
        this.decodeValue(reader, reader.pos, valueEnd, step, wallTime);
        reader.pos = valueEnd;
      } else reader.skip(key & 7, summaryEnd);
    }
  }

  /** One Summary.Value: tag=1, simple_value=2 (float), tensor=8. */
  private decodeValue(reader: ProtobufReader, start: number, end: number, step: number, wallTime: number): void {
    reader.pos = start;
    let tagStart = -1;
    let tagEnd = -1;
    let simpleValue = NaN;
    let hasSimpleValue = false;
    let tensorStart = -1;
    let tensorEnd = -1;
    while (reader.pos < end) {
      const key = reader.varint(end);
      const field = key >>> 3;
      const wire = key & 7;
      if (field === 1 && wire === WIRE_LENGTH_DELIMITED) {
        tagEnd = reader.lengthDelimitedEnd(end);
        tagStart = reader.pos;
        reader.pos = tagEnd;
      } else if (field === 2 && wire === WIRE_FIXED32) {
        simpleValue = reader.float(end);
        hasSimpleValue = true;
      } else if (field === 8 && wire === WIRE_LENGTH_DELIMITED) {
        tensorEnd = reader.lengthDelimitedEnd(end);
        tensorStart = reader.pos;
        reader.pos = tensorEnd;
      } else reader.skip(wire, end);
    }
    if (tagStart < 0 || tagEnd === tagStart) return;
    let value: number;
    if (hasSimpleValue) value = simpleValue;
    else if (tensorStart >= 0) {
      const scalar = this.scalarFromTensor(reader, tensorStart, tensorEnd);
      if (scalar === undefined) return;
      value = scalar;
    } else return; // images, histograms, audio ...
    this.table.get(this.keyFor(reader.bytes, tagStart, tagEnd)).push(step, value, wallTime);
  }

  /**
   * The value of a TensorProto holding one float or double: dtype=1, tensor_shape=2,
   * tensor_content=4 (raw little-endian), float_val=5, double_val=6 (packed or not).
   * Undefined for anything else (strings, histograms, several elements).
   */
  private scalarFromTensor(reader: ProtobufReader, start: number, end: number): number | undefined {
    reader.pos = start;
    let dtype = 0;
    let elements = 1;
    let contentStart = -1;
    let contentEnd = -1;
    let floatValue = NaN;
    let floatCount = 0;
    let doubleValue = NaN;
    let doubleCount = 0;
    while (reader.pos < end) {
      const key = reader.varint(end);
      const field = key >>> 3;
      const wire = key & 7;
      if (field === 1 && wire === WIRE_VARINT) dtype = reader.varint(end);
      else if (field === 2 && wire === WIRE_LENGTH_DELIMITED) {
        const shapeEnd = reader.lengthDelimitedEnd(end);
        elements = shapeElements(reader, reader.pos, shapeEnd);
        reader.pos = shapeEnd;
      } else if (field === 4 && wire === WIRE_LENGTH_DELIMITED) {
        contentEnd = reader.lengthDelimitedEnd(end);
        contentStart = reader.pos;
        reader.pos = contentEnd;
      } else if (field === 5 && wire === WIRE_LENGTH_DELIMITED) {
        const packedEnd = reader.lengthDelimitedEnd(end);
        const count = Math.floor((packedEnd - reader.pos) / 4);
        if (count > 0 && floatCount === 0) floatValue = reader.view.getFloat32(reader.pos, true);
        floatCount += count;
        reader.pos = packedEnd;
      } else if (field === 5 && wire === WIRE_FIXED32) {
        const value = reader.float(end);
        if (floatCount === 0) floatValue = value;
        floatCount++;
      } else if (field === 6 && wire === WIRE_LENGTH_DELIMITED) {
        const packedEnd = reader.lengthDelimitedEnd(end);
        const count = Math.floor((packedEnd - reader.pos) / 8);
        if (count > 0 && doubleCount === 0) doubleValue = reader.view.getFloat64(reader.pos, true);
        doubleCount += count;
        reader.pos = packedEnd;
      } else if (field === 6 && wire === WIRE_FIXED64) {
        const value = reader.double(end);
        if (doubleCount === 0) doubleValue = value;
        doubleCount++;
      } else reader.skip(wire, end);
    }
    if (elements !== 1) return undefined;
    if (dtype === DT_FLOAT) {
      if (contentStart >= 0 && contentEnd - contentStart === 4) return reader.view.getFloat32(contentStart, true);
      return floatCount > 0 ? floatValue : undefined;
    }
    if (dtype === DT_DOUBLE) {
      if (contentStart >= 0 && contentEnd - contentStart === 8) return reader.view.getFloat64(contentStart, true);
      return doubleCount > 0 ? doubleValue : undefined;
    }
    return undefined;
  }

  private keyFor(bytes: Uint8Array, start: number, end: number): string {
    const length = end - start;
    const cache = this.lastTags;
    for (let i = 0; i < cache.length; i++) {
      const entry = cache[i]!;
      const known = entry.bytes;
      if (known.length !== length) continue;
      let same = true;
      for (let k = 0; k < length; k++) {
        if (known[k] !== bytes[start + k]) {
          same = false;
          break;
        }
      }
      if (same) return entry.key;
    }
    const key = this.tagPrefix + Buffer.from(bytes.buffer, bytes.byteOffset + start, length).toString('utf8');
    if (cache.length >= 32) cache.shift();
    cache.push({ bytes: bytes.slice(start, end), key });
    return key;
  }
}

/**
 * Number of elements of a TensorShapeProto (dim=2 {size=1}, unknown_rank=3): the product of the
 * dimension sizes, 1 for a scalar (no dims), -1 when the rank is unknown.
 */
function shapeElements(reader: ProtobufReader, start: number, end: number): number {
  reader.pos = start;
  let elements = 1;
  let unknown = false;
  while (reader.pos < end) {
    const key = reader.varint(end);
    const field = key >>> 3;
    const wire = key & 7;
    if (field === 2 && wire === WIRE_LENGTH_DELIMITED) {
      const dimEnd = reader.lengthDelimitedEnd(end);
      let size = 0;
      while (reader.pos < dimEnd) {
        const dimKey = reader.varint(dimEnd);
        if (dimKey >>> 3 === 1 && (dimKey & 7) === WIRE_VARINT) size = reader.varint(dimEnd);
        else reader.skip(dimKey & 7, dimEnd);
      }
      if (size < 0) unknown = true; // -1 marks a dimension of unknown size
      elements *= size;
    } else if (field === 3 && wire === WIRE_VARINT) {
      if (reader.varint(end) !== 0) unknown = true;
    } else reader.skip(wire, end);
  }
  return unknown ? -1 : elements;
}
