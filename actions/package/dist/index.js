import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import "./chunk-4JN6GR4P.js";

// packages/github/src/action-context.ts
import { readFileSync } from "node:fs";

// packages/core/src/errors.ts
var UserError = class extends Error {
  file;
  line;
  column;
  constructor(message, where = {}) {
    super(message);
    this.name = "UserError";
    this.file = where.file;
    this.line = where.line;
    this.column = where.column;
  }
};
var UserErrors = class extends UserError {
  errors;
  constructor(errors, more = "") {
    const first = errors[0];
    super([...errors.map((e) => e.message), ...more === "" ? [] : [more]].join("\n"), {
      ...first.file === void 0 ? {} : { file: first.file },
      ...first.line === void 0 ? {} : { line: first.line },
      ...first.column === void 0 ? {} : { column: first.column }
    });
    this.name = "UserErrors";
    this.errors = errors;
  }
};
function errorMessage(thrown) {
  if (thrown instanceof Error) return thrown.message || thrown.name;
  if (typeof thrown === "string") return thrown;
  try {
    const text2 = JSON.stringify(thrown);
    if (text2 !== void 0) return text2;
  } catch {
  }
  return String(thrown);
}

// packages/core/src/drift/data-profile.ts
var DATA_PROFILE_VERSION = 1;
var PROFILE_BINS = 20;
var PROFILE_TOP_CATEGORIES = 20;
var MAX_PROFILE_COLUMNS = 500;

// packages/core/src/drift/kolmogorov-smirnov.ts
var SCALE_EXPONENT = 128;
var SCALE = 2 ** SCALE_EXPONENT;

// packages/core/src/drift/data-profile-check.ts
function checkDataProfile(check, value, path6) {
  const root = check.object(value, path6);
  const version = check.integer(check.required(root, path6, "version"), `${path6}.version`, 1);
  if (version !== DATA_PROFILE_VERSION) {
    check.fail(`${path6}.version`, `is ${version}; this version reads profiles of version ${DATA_PROFILE_VERSION}`);
  }
  const rows = check.integer(check.required(root, path6, "rows"), `${path6}.rows`, 0);
  const files = check.array(check.required(root, path6, "files"), `${path6}.files`, 1e4).map((file, i) => check.string(file, `${path6}.files[${i}]`));
  const columns = check.array(check.required(root, path6, "columns"), `${path6}.columns`, MAX_PROFILE_COLUMNS).map((item, i) => checkColumn(check, item, `${path6}.columns[${i}]`));
  const names = /* @__PURE__ */ new Set();
  columns.forEach((column, i) => {
    if (names.has(column.name)) check.fail(`${path6}.columns[${i}].name`, `names column "${column.name}" a second time`);
    names.add(column.name);
  });
  return { version: DATA_PROFILE_VERSION, rows, files, columns };
}
function checkColumn(check, value, path6) {
  const column = check.object(value, path6);
  const field2 = (key) => check.required(column, path6, key);
  const name = check.string(field2("name"), `${path6}.name`, 1);
  const kind = check.oneOf(field2("kind"), `${path6}.kind`, ["numeric", "categorical"]);
  const count = check.integer(field2("count"), `${path6}.count`, 0);
  const missing = check.integer(field2("missing"), `${path6}.missing`, 0);
  if (kind === "categorical") {
    const top = check.array(field2("top"), `${path6}.top`, PROFILE_TOP_CATEGORIES).map((item, i) => {
      const entry = check.object(item, `${path6}.top[${i}]`);
      return {
        value: check.string(check.required(entry, `${path6}.top[${i}]`, "value"), `${path6}.top[${i}].value`),
        count: check.integer(check.required(entry, `${path6}.top[${i}]`, "count"), `${path6}.top[${i}].count`, 0)
      };
    });
    const other = check.integer(field2("other"), `${path6}.other`, 0);
    if (top.reduce((sum, entry) => sum + entry.count, other) !== count) {
      check.fail(path6, "has top and other counts that do not add up to its count");
    }
    const capped = column["distinctCapped"];
    return {
      name,
      kind,
      count,
      missing,
      distinct: check.integer(field2("distinct"), `${path6}.distinct`, 0),
      ...capped === void 0 ? {} : { distinctCapped: check.boolean(capped, `${path6}.distinctCapped`) },
      top,
      other
    };
  }
  const number2 = (key) => check.number(field2(key), `${path6}.${key}`);
  const edges = check.array(field2("edges"), `${path6}.edges`, PROFILE_BINS + 1).map((edge, i) => check.number(edge, `${path6}.edges[${i}]`));
  const counts = check.array(field2("counts"), `${path6}.counts`, PROFILE_BINS + 1).map((n, i) => check.integer(n, `${path6}.counts[${i}]`, 0));
  if (edges.length < 1 || counts.length !== edges.length) {
    check.fail(path6, "needs at least one edge and one count per edge");
  }
  for (let i = 1; i < edges.length; i++) {
    if (!(edges[i] > edges[i - 1])) check.fail(`${path6}.edges`, "must be strictly ascending");
  }
  if (counts.reduce((sum, n) => sum + n, 0) !== count)
    check.fail(path6, "has bin counts that do not add up to its count");
  return {
    name,
    kind,
    count,
    missing,
    mean: number2("mean"),
    std: check.number(field2("std"), `${path6}.std`, 0),
    min: number2("min"),
    max: number2("max"),
    edges,
    counts
  };
}

// packages/core/src/files/file-error.ts
function fileError(file, message, line, column) {
  const position = line === void 0 ? "" : column === void 0 ? `:${line}` : `:${line}:${column}`;
  const where = { file };
  if (line !== void 0) where.line = line;
  if (column !== void 0) where.column = column;
  return new UserError(`${file}${position}: ${message}`, where);
}

// packages/core/src/files/regular-file.ts
import { constants } from "node:fs";
import { open } from "node:fs/promises";
async function openRegularFile(absolutePath, displayName, options = {}) {
  const flags = constants.O_RDONLY | constants.O_NONBLOCK | (options.noFollow === true ? constants.O_NOFOLLOW : 0);
  const handle = await open(absolutePath, flags).catch((thrown) => {
    if (options.noFollow === true && thrown?.code === "ELOOP") {
      throw fileError(displayName, "became a symbolic link after it was selected; refused");
    }
    throw thrown;
  });
  try {
    const info2 = await handle.stat();
    if (!info2.isFile()) throw fileError(displayName, `is not a regular file (${kindOf(info2)}); refused`);
    return handle;
  } catch (thrown) {
    await handle.close();
    throw thrown;
  }
}
function kindOf(info2) {
  if (info2.isFIFO()) return "a named pipe";
  if (info2.isSocket()) return "a socket";
  if (info2.isDirectory()) return "a folder";
  return "a device";
}

// packages/core/src/files/utf8-validation.ts
function findInvalidUtf8(bytes, start = 0, end = bytes.length) {
  let i = start;
  while (i < end) {
    const b = bytes[i];
    if (b < 128) {
      i++;
      continue;
    }
    let need;
    let min = 128;
    let max = 191;
    if (b >= 194 && b <= 223) need = 1;
    else if (b >= 224 && b <= 239) {
      need = 2;
      if (b === 224) min = 160;
      if (b === 237) max = 159;
    } else if (b >= 240 && b <= 244) {
      need = 3;
      if (b === 240) min = 144;
      if (b === 244) max = 143;
    } else return i;
    if (i + need >= end) return i;
    const second = bytes[i + 1];
    if (second < min || second > max) return i;
    for (let k = 2; k <= need; k++) {
      const next = bytes[i + k];
      if (next < 128 || next > 191) return i;
    }
    i += need + 1;
  }
  return -1;
}
function lineOfByte(bytes, offset, start = 0) {
  let line = 1;
  for (let i = start; i < offset && i < bytes.length; i++) if (bytes[i] === 10) line++;
  return line;
}
function lineOfChar(text2, offset) {
  let line = 1;
  let lineStart = 0;
  let at = text2.indexOf("\n");
  while (at !== -1 && at < offset) {
    line++;
    lineStart = at + 1;
    at = text2.indexOf("\n", lineStart);
  }
  return { line, column: offset - lineStart + 1 };
}

// packages/core/src/files/line-stream.ts
var CHUNK_BYTES = 1024 * 1024;
var MAX_LINE_BYTES = 64 * 1024 * 1024;
var fatalDecoder = new TextDecoder("utf-8", { fatal: true });

// packages/core/src/text/plain-object.ts
function isPlainObject(value) {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

// packages/core/src/text/number-text.ts
var EXACT_POWERS_OF_TEN = Array.from({ length: 23 }, (_, i) => 10 ** i);

// packages/core/src/files/workspace-path.ts
import path from "node:path";
function isInsideFolder(parent, child) {
  const relative = path.relative(parent, child);
  return relative === "" || relative !== ".." && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

// packages/core/src/files/workspace-pattern.ts
var GLOB_MAGIC = /[*?[\]{}]/;
function isGlobPattern(pattern) {
  return GLOB_MAGIC.test(pattern);
}

// packages/core/src/text/hidden-characters.ts
var HIDDEN = /[\p{Cf}\u115f\u1160\u2800\u3164\uffa0]|\u034f|\u180b|\u180c|\u180d/gu;
function showHiddenCharacters(text2) {
  return text2.replace(
    HIDDEN,
    (char) => `<U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}>`
  );
}

// packages/core/src/text/markdown-escape.ts
var ZWJ = "\u200D";
var INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f]/g;
var LINE_BREAK = /\r\n|[\r\n\t\u0085\u2028\u2029]/g;
var MARKUP = /[\\`*_[\]~|<>&]/g;
var MARKUP_REPLACEMENT = {
  "<": "&lt;",
  ">": "&gt;",
  "&": "&amp;"
};
var MAX_CELL_LENGTH = 200;
function escapeInline(text2) {
  return showHiddenCharacters(text2.replace(INVISIBLE, "")).replace(LINE_BREAK, " ").replace(MARKUP, (char) => MARKUP_REPLACEMENT[char] ?? `\\${char}`).replace(/(?<![A-Za-z0-9_])@(?=[\p{L}\p{N}_-])/gu, `@${ZWJ}`).replace(new RegExp("#(?=\\p{N})", "gu"), `#${ZWJ}`).replace(new RegExp("\\b(GH)-(?=\\p{N})", "giu"), `$1${ZWJ}-`);
}
function escapeCell(text2, maxLength = MAX_CELL_LENGTH) {
  return escapeInline(truncateText(text2, maxLength));
}
function truncateText(text2, maxLength) {
  if (text2.length <= maxLength) return text2;
  let end = Math.max(0, maxLength - 1);
  const last = text2.charCodeAt(end - 1);
  if (last >= 55296 && last <= 56319) end -= 1;
  return `${text2.slice(0, end)}\u2026`;
}
function safeUrl(url) {
  if (url === void 0 || url === "") return void 0;
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return void 0;
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return void 0;
  return parsed.href.replace(
    /[\s"'()<>[\]\\`|]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`
  );
}
function markdownLink(escapedText, url) {
  const href = safeUrl(url);
  return href === void 0 ? escapedText : `[${escapedText}](${href})`;
}

// packages/core/src/files/format-bytes.ts
function formatBytes(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KiB", "MiB", "GiB", "TiB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

// packages/core/src/files/hash-file.ts
import { createHash } from "node:crypto";
import fs from "node:fs";
var CHUNK = 4 * 1024 * 1024;
async function hashFile(file, displayName = file) {
  const input = await openRegularFile(file, displayName);
  try {
    return await hashOpenFile(input);
  } finally {
    await input.close();
  }
}
async function hashOpenFile(input) {
  const hash = createHash("sha256");
  const size = await readChunks(input, (chunk) => {
    hash.update(chunk);
    return void 0;
  });
  return { sha256: hash.digest("hex"), size };
}
async function copyAndHashOpenFile(input, destination) {
  const hash = createHash("sha256");
  const output = await fs.promises.open(destination, "wx");
  try {
    const size = await readChunks(input, (chunk) => {
      const written = writeFully(output, chunk);
      hash.update(chunk);
      return written;
    });
    return { sha256: hash.digest("hex"), size };
  } finally {
    await output.close();
  }
}
async function readChunks(input, consume) {
  let full = Buffer.allocUnsafe(CHUNK);
  let spare = Buffer.allocUnsafe(CHUNK);
  let total = 0;
  let pending = input.read(full, 0, CHUNK, null);
  for (; ; ) {
    const { bytesRead } = await pending;
    if (bytesRead === 0) return total;
    total += bytesRead;
    pending = input.read(spare, 0, CHUNK, null);
    try {
      await consume(bytesRead === CHUNK ? full : full.subarray(0, bytesRead));
    } catch (error2) {
      await pending.catch(() => void 0);
      throw error2;
    }
    [full, spare] = [spare, full];
  }
}
async function writeFully(output, chunk) {
  let offset = 0;
  while (offset < chunk.length) {
    const { bytesWritten } = await output.write(chunk, offset, chunk.length - offset, null);
    offset += bytesWritten;
  }
}

// packages/core/src/text/short-hash.ts
var LONE_SURROGATE = new RegExp("\\p{Cs}", "u");

// packages/core/src/files/text-file.ts
var MAX_TEXT_FILE_BYTES = 64 * 1024 * 1024;
async function readTextFile(absolutePath, displayName, options = {}) {
  const maxBytes = options.maxBytes ?? MAX_TEXT_FILE_BYTES;
  const handle = await openRegularFile(absolutePath, displayName);
  try {
    const info2 = await handle.stat();
    if (info2.size > maxBytes) {
      throw fileError(
        displayName,
        `file is ${formatBytes(info2.size)}; ${options.kind ?? "files of this kind"} larger than ${formatBytes(maxBytes)} are refused (is this the right file?)`
      );
    }
    return decodeTextBytes(await handle.readFile(), displayName, options.allowEmpty ?? false);
  } finally {
    await handle.close();
  }
}
var fatalDecoder2 = new TextDecoder("utf-8", { fatal: true });
function decodeTextBytes(bytes, displayName, allowEmpty = false) {
  if (bytes.length === 0) {
    if (allowEmpty) return "";
    throw fileError(displayName, "file is empty");
  }
  let text2;
  try {
    text2 = fatalDecoder2.decode(bytes);
  } catch {
    const offset = Math.max(0, findInvalidUtf8(bytes));
    throw fileError(
      displayName,
      `not valid UTF-8 text (bad byte at offset ${offset}; is this a binary file?)`,
      lineOfByte(bytes, offset)
    );
  }
  const nul = text2.indexOf("\0");
  if (nul !== -1) {
    throw fileError(
      displayName,
      "contains a NUL byte, so it looks like a binary file, not text",
      lineOfChar(text2, nul).line
    );
  }
  if (!allowEmpty && text2.trim() === "") throw fileError(displayName, "file is empty (only whitespace)");
  return text2;
}

// packages/core/src/files/zip-archive.ts
var END_OF_CENTRAL_DIRECTORY = 101010256;
var CENTRAL_DIRECTORY_ENTRY = 33639248;
var LOCAL_FILE_HEADER = 67324752;
var END_RECORD_BYTES = 22;
var MAX_COMMENT_BYTES = 65535;
var STORED = 0;
var DEFLATED = 8;
var ENCRYPTED_FLAG = 1;
function readZipEntry(archive, wanted, limits, source) {
  const bytes = Buffer.from(archive.buffer, archive.byteOffset, archive.byteLength);
  const fail = (why) => {
    throw new UserError(`${source}: ${why}`);
  };
  const end = findEndRecord(bytes) ?? fail("not a zip archive (no end of central directory)");
  const entryCount = bytes.readUInt16LE(end + 10);
  const directorySize = bytes.readUInt32LE(end + 12);
  const directoryOffset = bytes.readUInt32LE(end + 16);
  if (entryCount === 65535 || directorySize === 4294967295 || directoryOffset === 4294967295) {
    fail("a ZIP64 archive, far larger than any run record or comparison");
  }
  if (entryCount > limits.maxEntries) {
    fail(`holds ${entryCount} entries; at most ${limits.maxEntries} are accepted`);
  }
  if (directoryOffset + directorySize > end) fail("its central directory lies outside the archive");
  const entries = [];
  let total = 0;
  let at = directoryOffset;
  for (let index = 0; index < entryCount; index++) {
    if (at + 46 > end || bytes.readUInt32LE(at) !== CENTRAL_DIRECTORY_ENTRY) {
      fail(`entry ${index + 1} of its central directory is damaged`);
    }
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const entry2 = {
      flags: bytes.readUInt16LE(at + 8),
      method: bytes.readUInt16LE(at + 10),
      crc: bytes.readUInt32LE(at + 16),
      compressedSize: bytes.readUInt32LE(at + 20),
      size: bytes.readUInt32LE(at + 24),
      localHeaderOffset: bytes.readUInt32LE(at + 42),
      name: bytes.toString("utf8", at + 46, Math.min(end, at + 46 + nameLength))
    };
    total += entry2.size;
    if (total > limits.maxTotalBytes) {
      fail(`its entries add up to more than ${formatBytes(limits.maxTotalBytes)} uncompressed; refused`);
    }
    entries.push(entry2);
    at += 46 + nameLength + extraLength + commentLength;
  }
  const matching = entries.filter(
    (entry2) => typeof wanted === "string" ? entry2.name === wanted : !/[/\\]/.test(entry2.name) && wanted(entry2.name)
  );
  if (matching.length > 1) {
    const names = [...new Set(matching.map((entry2) => entry2.name))];
    fail(
      names.length === 1 ? `holds ${matching.length} entries named ${names[0]}` : `holds ${matching.length} files that could each be the one read (${names.join(", ")}); only one is read`
    );
  }
  const entry = matching[0];
  if (entry === void 0) return void 0;
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
  let content;
  if (entry.method === STORED) {
    content = compressed;
  } else if (entry.method === DEFLATED) {
    try {
      content = zlib().inflateRawSync(compressed, { maxOutputLength: Math.max(1, entry.size + 1) });
    } catch (thrown) {
      const code = thrown?.code;
      content = fail(
        code === "ERR_BUFFER_TOO_LARGE" ? `${what} inflates past its declared ${formatBytes(entry.size)}` : `${what} does not inflate (damaged data)`
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
function findEndRecord(bytes) {
  const lowest = Math.max(0, bytes.length - END_RECORD_BYTES - MAX_COMMENT_BYTES);
  for (let at = bytes.length - END_RECORD_BYTES; at >= lowest; at--) {
    if (bytes.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  return void 0;
}
function zlib() {
  return process.getBuiltinModule("node:zlib");
}

// packages/core/src/gate/load-rules.ts
var MAX_RULES_FILE_BYTES = 1024 * 1024;

// packages/core/src/text/json-text.ts
var OBJECT = 0;
var ARRAY = 1;
var VALUE = 0;
var VALUE_OR_CLOSE = 1;
var KEY = 2;
var KEY_OR_CLOSE = 3;
var COLON = 4;
var AFTER_VALUE = 5;
function findJsonSyntaxError(text2) {
  const stack = [];
  let state = VALUE;
  let i = 0;
  const n = text2.length;
  for (; ; ) {
    while (i < n) {
      const w = text2.charCodeAt(i);
      if (w === 32 || w === 9 || w === 10 || w === 13) i++;
      else break;
    }
    if (i >= n) {
      if (stack.length === 0 && state === AFTER_VALUE) return void 0;
      return { offset: n, message: "unexpected end of file (is it truncated?)" };
    }
    const c = text2[i];
    switch (state) {
      case VALUE:
      case VALUE_OR_CLOSE: {
        if (c === "]" && state === VALUE_OR_CLOSE) {
          stack.pop();
          i++;
          state = AFTER_VALUE;
        } else if (c === "{") {
          stack.push(OBJECT);
          i++;
          state = KEY_OR_CLOSE;
        } else if (c === "[") {
          stack.push(ARRAY);
          i++;
          state = VALUE_OR_CLOSE;
        } else if (c === '"') {
          const end = scanString(text2, i);
          if (typeof end !== "number") return end;
          i = end;
          state = AFTER_VALUE;
        } else if (c === "-" || c >= "0" && c <= "9") {
          if (text2.startsWith("-Infinity", i)) {
            i += 9;
          } else {
            const end = scanNumber(text2, i);
            if (typeof end !== "number") return end;
            i = end;
          }
          state = AFTER_VALUE;
        } else {
          const word = ["true", "false", "null", "NaN", "Infinity"].find((literal) => text2.startsWith(literal, i));
          if (word === void 0)
            return { offset: i, message: `unexpected ${describe(text2, i)} where a value was expected` };
          i += word.length;
          state = AFTER_VALUE;
        }
        break;
      }
      case KEY:
      case KEY_OR_CLOSE: {
        if (c === "}" && state === KEY_OR_CLOSE) {
          stack.pop();
          i++;
          state = AFTER_VALUE;
        } else if (c === '"') {
          const end = scanString(text2, i);
          if (typeof end !== "number") return end;
          i = end;
          state = COLON;
        } else {
          return {
            offset: i,
            message: `unexpected ${describe(text2, i)} where a property name in double quotes was expected`
          };
        }
        break;
      }
      case COLON: {
        if (c !== ":")
          return { offset: i, message: `expected ':' after the property name, found ${describe(text2, i)}` };
        i++;
        state = VALUE;
        break;
      }
      default: {
        const top = stack[stack.length - 1];
        if (top === void 0)
          return { offset: i, message: `unexpected ${describe(text2, i)} after the end of the JSON value` };
        if (c === ",") {
          i++;
          state = top === OBJECT ? KEY : VALUE;
        } else if (c === "}" && top === OBJECT || c === "]" && top === ARRAY) {
          stack.pop();
          i++;
          state = AFTER_VALUE;
        } else {
          const expected = top === OBJECT ? "',' or '}'" : "',' or ']'";
          return { offset: i, message: `expected ${expected}, found ${describe(text2, i)}` };
        }
      }
    }
  }
}
function scanString(text2, start) {
  let i = start + 1;
  for (; ; ) {
    if (i >= text2.length) return { offset: start, message: "unterminated string" };
    const c = text2.charCodeAt(i);
    if (c === 34) return i + 1;
    if (c < 32) return { offset: i, message: "control character (such as a raw newline or tab) inside a string" };
    if (c === 92) {
      const next = text2[i + 1];
      if (next === "u") {
        if (!/^[0-9a-fA-F]{4}$/.test(text2.slice(i + 2, i + 6)))
          return { offset: i, message: "invalid \\u escape in a string" };
        i += 6;
      } else if (next !== void 0 && '"\\/bfnrt'.includes(next)) i += 2;
      else return { offset: i, message: "invalid escape in a string" };
    } else i++;
  }
}
function scanNumber(text2, start) {
  const match = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
  match.lastIndex = start;
  const found = match.exec(text2);
  if (found === null || found[0] === "-") return { offset: start, message: "invalid number" };
  const end = start + found[0].length;
  const after = text2[end];
  if (after !== void 0 && /[0-9.eE+\-a-zA-Z]/.test(after)) return { offset: start, message: "invalid number" };
  return end;
}
function describe(text2, at) {
  const c = text2.codePointAt(at);
  if (c === void 0) return "end of file";
  const char = String.fromCodePoint(c);
  return c < 32 || c === 127 ? `character U+${c.toString(16).padStart(4, "0").toUpperCase()}` : `'${char}'`;
}

// packages/core/src/text/json-checker.ts
var IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
var MAX_FREE_FORM_DEPTH = 32;
function parseUntrustedJson(text2, source, what) {
  try {
    return JSON.parse(text2.charCodeAt(0) === 65279 ? text2.slice(1) : text2);
  } catch {
    const problem = findJsonSyntaxError(text2);
    const where = problem === void 0 ? { line: 1, column: 1 } : lineOfChar(text2, problem.offset);
    throw new UserError(
      `${source}:${where.line}:${where.column}: ${what}: invalid JSON: ${problem?.message ?? "not strict JSON"}`,
      { file: source, line: where.line, column: where.column }
    );
  }
}
var JsonChecker = class {
  source;
  /** What the document is meant to be, in the message: `invalid run record`. */
  what;
  constructor(source, what) {
    this.source = source;
    this.what = what;
  }
  fail(path6, message) {
    throw new UserError(`${this.source}: ${this.what}: ${path6} ${message}`, { file: this.source });
  }
  show(value) {
    if (value === void 0) return "nothing";
    if (Array.isArray(value)) return "an array";
    if (value !== null && typeof value === "object") return "an object";
    const text2 = JSON.stringify(value) ?? typeof value;
    return text2.length > 60 ? `${text2.slice(0, 57)}...` : text2;
  }
  /**
   * A free-form object, refused when nested deeper than MAX_FREE_FORM_DEPTH: writing it back out
   * must not overflow the stack.
   */
  shallow(value, path6) {
    const pending = [[value, 0]];
    while (pending.length > 0) {
      const [node, depth] = pending.pop();
      if (typeof node !== "object" || node === null) continue;
      if (depth >= MAX_FREE_FORM_DEPTH) this.fail(path6, `is nested more than ${MAX_FREE_FORM_DEPTH} levels deep`);
      for (const child of Object.values(node)) pending.push([child, depth + 1]);
    }
    return value;
  }
  /** `.name` or `["odd name"]`, for paths. */
  key(name) {
    return IDENTIFIER.test(name) ? `.${name}` : `[${JSON.stringify(name)}]`;
  }
  required(object, path6, key) {
    const value = Object.prototype.hasOwnProperty.call(object, key) ? object[key] : void 0;
    if (value === void 0) this.fail(`${path6}${this.key(key)}`, "is missing");
    return value;
  }
  object(value, path6) {
    if (!isPlainObject(value)) this.fail(path6, `must be an object (got ${this.show(value)})`);
    return value;
  }
  array(value, path6, maxLength = Infinity) {
    if (!Array.isArray(value)) this.fail(path6, `must be an array (got ${this.show(value)})`);
    if (value.length > maxLength) this.fail(path6, `must hold at most ${maxLength} items (got ${value.length})`);
    return value;
  }
  string(value, path6, minLength = 0) {
    if (typeof value !== "string") this.fail(path6, `must be a string (got ${this.show(value)})`);
    if (value.length < minLength) this.fail(path6, "must not be empty");
    return value;
  }
  /** A string matching `pattern`, described for the message (`a commit sha`). */
  matching(value, path6, pattern, description) {
    const text2 = this.string(value, path6);
    if (!pattern.test(text2)) this.fail(path6, `must be ${description} (got ${this.show(text2)})`);
    return text2;
  }
  boolean(value, path6) {
    if (typeof value !== "boolean") this.fail(path6, `must be true or false (got ${this.show(value)})`);
    return value;
  }
  /** One of a fixed set of strings. */
  oneOf(value, path6, choices) {
    if (typeof value !== "string" || !choices.includes(value)) {
      this.fail(path6, `must be one of ${choices.join(", ")} (got ${this.show(value)})`);
    }
    return value;
  }
  number(value, path6, minimum = -Infinity) {
    if (typeof value !== "number") this.fail(path6, `must be a number (got ${this.show(value)})`);
    if (value < minimum) this.fail(path6, `must be at least ${minimum} (got ${value})`);
    return value;
  }
  /** A number greater than zero (JSON Schema's `exclusiveMinimum: 0`). */
  positive(value, path6) {
    if (typeof value !== "number") this.fail(path6, `must be a number (got ${this.show(value)})`);
    if (!(value > 0)) this.fail(path6, `must be greater than 0 (got ${value})`);
    return value;
  }
  integer(value, path6, minimum) {
    if (typeof value !== "number" || !Number.isInteger(value))
      this.fail(path6, `must be an integer (got ${this.show(value)})`);
    if (value < minimum) this.fail(path6, `must be at least ${minimum} (got ${value})`);
    return value;
  }
  metricNumber(value, path6) {
    if (typeof value === "number") return value;
    if (value === "NaN") return NaN;
    if (value === "Infinity") return Infinity;
    if (value === "-Infinity") return -Infinity;
    return this.fail(path6, `must be a number or "NaN", "Infinity", "-Infinity" (got ${this.show(value)})`);
  }
  /** An array of metric numbers, converted in place (the array is our own parse result). */
  metricNumbers(value, path6) {
    const items = this.array(value, path6);
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (typeof item !== "number") items[i] = this.metricNumber(item, `${path6}[${i}]`);
    }
    return items;
  }
};

// packages/core/src/gate/gate-result.ts
var NOISE_VERDICTS = [
  "better",
  "worse",
  "within-noise",
  "single-run"
];
var VERDICTS = ["pass", "fail", "skipped", "error"];
function parseGateResult(text2, source) {
  const what = "not a gate result";
  const check = new JsonChecker(source, what);
  const root = check.object(parseUntrustedJson(text2, source, what), "$");
  const results = check.array(check.required(root, "$", "results"), "$.results").map((item, index) => {
    const path6 = `$.results[${index}]`;
    const rule = check.object(item, path6);
    const text3 = (key) => check.string(check.required(rule, path6, key), `${path6}.${key}`);
    const optionalNumber2 = (key) => rule[key] === void 0 ? {} : { [key]: check.metricNumber(rule[key], `${path6}.${key}`) };
    const optionalText = (key) => rule[key] === void 0 ? {} : { [key]: check.string(rule[key], `${path6}.${key}`) };
    return {
      rule: text3("rule"),
      ...optionalText("experiment"),
      line: check.integer(check.required(rule, path6, "line"), `${path6}.line`, 0),
      metric: text3("metric"),
      ...optionalText("aggregate"),
      verdict: check.oneOf(check.required(rule, path6, "verdict"), `${path6}.verdict`, VERDICTS),
      ...optionalNumber2("actual"),
      ...optionalNumber2("threshold"),
      ...optionalNumber2("baseline"),
      ...rule["noise"] === void 0 ? {} : { noise: check.oneOf(rule["noise"], `${path6}.noise`, NOISE_VERDICTS) },
      ...optionalNumber2("pValue"),
      ...optionalNumber2("difference"),
      ...optionalNumber2("ciLow"),
      ...optionalNumber2("ciHigh"),
      message: text3("message")
    };
  });
  return { passed: check.boolean(check.required(root, "$", "passed"), "$.passed"), results };
}

// packages/core/src/history/trend-page.ts
var TREND_PAGE_FOLDER = "docs";

// packages/core/src/history/trend-point-url.ts
var FULL_SHA = /^[0-9a-f]{40}$/i;
function trendPointUrl(pageUrl, point) {
  if (point.commit !== void 0 && point.version !== void 0) {
    throw new Error("a trend page link points at a commit or at a package version, not both");
  }
  if (point.commit !== void 0 && !FULL_SHA.test(point.commit)) {
    throw new Error(`a trend page link needs a full commit sha (40 hex digits), not ${JSON.stringify(point.commit)}`);
  }
  const parts = [`experiment=${encodeURIComponent(wellFormed(point.experiment))}`];
  if (point.commit !== void 0) parts.push(`commit=${point.commit.toLowerCase()}`);
  if (point.version !== void 0) parts.push(`version=${encodeURIComponent(wellFormed(point.version))}`);
  const hash = pageUrl.indexOf("#");
  return `${hash === -1 ? pageUrl : pageUrl.slice(0, hash)}#${parts.join("&")}`;
}
function wellFormed(text2) {
  return text2.replace(new RegExp("\\p{Cs}", "gu"), "\uFFFD");
}

// packages/core/src/text/safe-record.ts
function setOwnEntry(record, key, value) {
  if (key === "__proto__") {
    Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    record[key] = value;
  }
}
function recordFromMap(map) {
  const record = {};
  for (const [key, value] of map) setOwnEntry(record, key, value);
  return record;
}

// packages/core/src/record/run-record.ts
var RUN_RECORD_SCHEMA = "ml-actions/run-record";
var RUN_RECORD_VERSION = 1;
function serializeRunRecord(record) {
  return `${writeJson(record, "")}
`;
}
function writeNumber(value) {
  if (value === Infinity) return '"Infinity"';
  if (value === -Infinity) return '"-Infinity"';
  if (value !== value) return '"NaN"';
  if (value === 0 && 1 / value < 0) return "-0";
  return String(value);
}
function writeJson(value, indent) {
  if (typeof value === "number") return writeNumber(value);
  if (typeof value !== "object" || value === null) return JSON.stringify(value) ?? "null";
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    if (value.every((item) => typeof item === "number")) {
      let text2 = "[";
      for (let i = 0; i < value.length; i++) text2 += (i === 0 ? "" : ",") + writeNumber(value[i]);
      return `${text2}]`;
    }
    return `[
${value.map((item) => inner + writeJson(item, inner)).join(",\n")}
${indent}]`;
  }
  const entries = Object.keys(value).filter((key) => value[key] !== void 0);
  if (entries.length === 0) return "{}";
  const lines = entries.map(
    (key) => `${inner}${JSON.stringify(key)}: ${writeJson(value[key], inner)}`
  );
  return `{
${lines.join(",\n")}
${indent}}`;
}
var ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
var SHA256_HEX = /^[0-9a-f]{64}$/;
var RUN_STATUSES = ["succeeded", "failed", "timed-out", "collected"];
function parseRunRecord(text2, source) {
  return validateRunRecord(parseUntrustedJson(text2, source, "not a run record"), source);
}
function validateRunRecord(document, source) {
  const check = new JsonChecker(source, "invalid run record");
  const root = check.object(document, "$");
  const schema = root["schema"];
  if (schema !== RUN_RECORD_SCHEMA) {
    check.fail(
      "$.schema",
      `must be ${JSON.stringify(RUN_RECORD_SCHEMA)} (got ${check.show(schema)}); this is not an ml-actions run record`
    );
  }
  const version = root["version"];
  if (typeof version !== "number" || !Number.isInteger(version))
    check.fail("$.version", `must be an integer (got ${check.show(version)})`);
  if (version > RUN_RECORD_VERSION) {
    check.fail(
      "$.version",
      `is ${version}: the record was written by a newer ml-actions (record version ${version}); this one reads version ${RUN_RECORD_VERSION}, so update the ml-actions version used to read it`
    );
  }
  if (version !== RUN_RECORD_VERSION)
    check.fail("$.version", `is ${version}, an unsupported record version (expected ${RUN_RECORD_VERSION})`);
  const provenance = check.object(check.required(root, "$", "provenance"), "$.provenance");
  const outcomeObject = check.object(check.required(root, "$", "outcome"), "$.outcome");
  const record = {
    schema: RUN_RECORD_SCHEMA,
    version: RUN_RECORD_VERSION,
    runId: check.string(check.required(root, "$", "runId"), "$.runId", 1),
    experiment: check.string(check.required(root, "$", "experiment"), "$.experiment", 1),
    ...root["replicate"] === void 0 ? {} : { replicate: checkReplicate(check, root["replicate"]) },
    attempt: check.integer(check.required(root, "$", "attempt"), "$.attempt", 1),
    provenance: checkProvenance(check, provenance),
    params: checkParams(check, check.required(root, "$", "params")),
    metrics: checkMetrics(check, check.required(root, "$", "metrics")),
    outcome: checkOutcome(check, outcomeObject),
    inputs: check.array(check.required(root, "$", "inputs"), "$.inputs").map((item, index) => {
      const path6 = `$.inputs[${index}]`;
      const input = check.object(item, path6);
      const sha256 = check.string(check.required(input, path6, "sha256"), `${path6}.sha256`);
      if (!SHA256_HEX.test(sha256))
        check.fail(`${path6}.sha256`, `must be 64 lowercase hex digits (got ${check.show(sha256)})`);
      return {
        path: check.string(check.required(input, path6, "path"), `${path6}.path`, 1),
        size: check.integer(check.required(input, path6, "size"), `${path6}.size`, 0),
        sha256
      };
    }),
    sources: check.array(check.required(root, "$", "sources"), "$.sources").map((item, index) => check.string(item, `$.sources[${index}]`)),
    ...root["staleSources"] === void 0 ? {} : {
      staleSources: check.array(root["staleSources"], "$.staleSources").map((item, index) => check.string(item, `$.staleSources[${index}]`))
    },
    ...root["mlflow"] === void 0 ? {} : { mlflow: checkMlflowLink(check, root["mlflow"]) },
    ...root["environment"] === void 0 ? {} : { environment: checkEnvironment(check, root["environment"]) },
    ...root["profile"] === void 0 ? {} : { profile: checkDataProfile(check, root["profile"], "$.profile") }
  };
  return record;
}
function checkEnvironment(check, value) {
  const p = "$.environment";
  const environment = check.object(value, p);
  const result = {};
  if (environment["runner"] !== void 0) {
    const runner = check.object(environment["runner"], `${p}.runner`);
    result.runner = {};
    for (const key of ["os", "arch", "imageOS", "imageVersion"]) {
      if (runner[key] !== void 0) result.runner[key] = check.string(runner[key], `${p}.runner.${key}`);
    }
  }
  if (environment["python"] !== void 0) {
    const python = check.object(environment["python"], `${p}.python`);
    result.python = {
      version: check.string(check.required(python, `${p}.python`, "version"), `${p}.python.version`),
      packages: check.array(check.required(python, `${p}.python`, "packages"), `${p}.python.packages`).map((item, index) => check.string(item, `${p}.python.packages[${index}]`)),
      ...python["omitted"] === void 0 ? {} : { omitted: check.integer(python["omitted"], `${p}.python.omitted`, 0) }
    };
  }
  if (environment["lockfiles"] !== void 0) {
    result.lockfiles = check.array(environment["lockfiles"], `${p}.lockfiles`).map((item, index) => {
      const at = `${p}.lockfiles[${index}]`;
      const lockfile = check.object(item, at);
      const sha256 = check.string(check.required(lockfile, at, "sha256"), `${at}.sha256`);
      if (!SHA256_HEX.test(sha256))
        check.fail(`${at}.sha256`, `must be 64 lowercase hex digits (got ${check.show(sha256)})`);
      return { path: check.string(check.required(lockfile, at, "path"), `${at}.path`, 1), sha256 };
    });
  }
  if (environment["gpus"] !== void 0) {
    result.gpus = check.array(environment["gpus"], `${p}.gpus`).map((item, index) => {
      const at = `${p}.gpus[${index}]`;
      const gpu = check.object(item, at);
      return {
        name: check.string(check.required(gpu, at, "name"), `${at}.name`),
        driver: check.string(check.required(gpu, at, "driver"), `${at}.driver`)
      };
    });
  }
  return result;
}
function checkMlflowLink(check, value) {
  const p = "$.mlflow";
  const link2 = check.object(value, p);
  return {
    runId: check.string(check.required(link2, p, "runId"), `${p}.runId`, 1),
    experimentId: check.string(check.required(link2, p, "experimentId"), `${p}.experimentId`, 1),
    url: check.string(check.required(link2, p, "url"), `${p}.url`, 1)
  };
}
function checkReplicate(check, value) {
  const p = "$.replicate";
  const replicate = check.object(value, p);
  return {
    key: check.string(check.required(replicate, p, "key"), `${p}.key`, 1),
    value: check.string(check.required(replicate, p, "value"), `${p}.value`)
  };
}
function checkProvenance(check, value) {
  const p = "$.provenance";
  const text2 = (key) => check.string(check.required(value, p, key), `${p}.${key}`);
  const count = (key, minimum) => check.integer(check.required(value, p, key), `${p}.${key}`, minimum);
  const optional = (key, read) => value[key] === void 0 ? {} : { [key]: read(value[key], `${p}.${key}`) };
  const provenance = {
    repository: text2("repository"),
    serverUrl: text2("serverUrl"),
    sha: text2("sha"),
    ref: text2("ref"),
    branch: text2("branch"),
    ...optional("baseRef", (item, path6) => check.string(item, path6)),
    ...optional("pullRequest", (item, path6) => check.integer(item, path6, 1)),
    ...optional("headSha", (item, path6) => check.string(item, path6)),
    event: text2("event"),
    workflow: text2("workflow"),
    workflowRunId: count("workflowRunId", 0),
    runAttempt: count("runAttempt", 0),
    runNumber: count("runNumber", 0),
    job: text2("job"),
    matrix: check.shallow(check.object(check.required(value, p, "matrix"), `${p}.matrix`), `${p}.matrix`),
    runnerOs: text2("runnerOs")
  };
  return provenance;
}
function checkParams(check, value) {
  const params = check.object(value, "$.params");
  const result = {};
  for (const key of Object.keys(params)) {
    const path6 = `$.params${check.key(key)}`;
    if (key === "") check.fail("$.params", "has an empty param name");
    const item = params[key];
    if (item !== null && typeof item !== "string" && typeof item !== "number" && typeof item !== "boolean") {
      check.fail(path6, `must be a string, number, boolean or null (got ${check.show(item)})`);
    }
    setOwnEntry(result, key, item);
  }
  return result;
}
function checkMetrics(check, value) {
  const metrics = check.object(value, "$.metrics");
  const result = {};
  for (const key of Object.keys(metrics)) {
    const path6 = `$.metrics${check.key(key)}`;
    if (key === "") check.fail("$.metrics", "has an empty metric name");
    const item = check.object(metrics[key], path6);
    const metric = { value: check.metricNumber(check.required(item, path6, "value"), `${path6}.value`) };
    if (item["step"] !== void 0) metric.step = check.number(item["step"], `${path6}.step`);
    if (item["history"] !== void 0) {
      const historyPath = `${path6}.history`;
      const history = check.object(item["history"], historyPath);
      const steps = check.array(check.required(history, historyPath, "steps"), `${historyPath}.steps`);
      for (let i = 0; i < steps.length; i++) {
        if (typeof steps[i] !== "number")
          check.fail(`${historyPath}.steps[${i}]`, `must be a number (got ${check.show(steps[i])})`);
      }
      const values = check.metricNumbers(check.required(history, historyPath, "values"), `${historyPath}.values`);
      if (values.length !== steps.length) {
        check.fail(
          `${historyPath}.values`,
          `has ${values.length} entries but steps has ${steps.length}; the columns must be parallel`
        );
      }
      const columns = { steps, values };
      if (history["wallTimes"] !== void 0) {
        const wallTimes = check.metricNumbers(history["wallTimes"], `${historyPath}.wallTimes`);
        if (wallTimes.length !== steps.length) {
          check.fail(
            `${historyPath}.wallTimes`,
            `has ${wallTimes.length} entries but steps has ${steps.length}; the columns must be parallel`
          );
        }
        columns.wallTimes = wallTimes;
      }
      if (history["sampledFrom"] !== void 0) {
        columns.sampledFrom = check.integer(history["sampledFrom"], `${historyPath}.sampledFrom`, steps.length);
      }
      metric.history = columns;
    }
    setOwnEntry(result, key, metric);
  }
  return result;
}
function checkOutcome(check, value) {
  const p = "$.outcome";
  const status = check.required(value, p, "status");
  if (!RUN_STATUSES.includes(status)) {
    check.fail(
      `${p}.status`,
      `must be one of ${RUN_STATUSES.map((s) => JSON.stringify(s)).join(", ")} (got ${check.show(status)})`
    );
  }
  const time = (key) => {
    const text2 = check.string(check.required(value, p, key), `${p}.${key}`);
    if (!ISO_DATE_TIME.test(text2))
      check.fail(`${p}.${key}`, `must be an ISO 8601 date-time such as 2024-05-01T12:00:00Z (got ${check.show(text2)})`);
    return text2;
  };
  const outcome = {
    ...value["command"] === void 0 ? {} : { command: check.string(value["command"], `${p}.command`) },
    ...value["exitCode"] === void 0 ? {} : { exitCode: check.integer(value["exitCode"], `${p}.exitCode`, -Infinity) },
    status,
    ...value["timeoutMinutes"] === void 0 ? {} : { timeoutMinutes: check.positive(value["timeoutMinutes"], `${p}.timeoutMinutes`) },
    startedAt: time("startedAt"),
    finishedAt: time("finishedAt"),
    durationMs: check.number(check.required(value, p, "durationMs"), `${p}.durationMs`, 0)
  };
  return outcome;
}

// packages/core/src/metrics/metric-series.ts
var MetricSeries = class {
  steps = [];
  values = [];
  wallTimes = void 0;
  finalStep = -Infinity;
  finalValue = NaN;
  /** Adds a point; `wallTime` is seconds since the epoch, NaN when this point has none. */
  push(step, value, wallTime) {
    this.steps.push(step);
    this.values.push(value);
    if (wallTime !== void 0) {
      if (this.wallTimes === void 0) {
        const padded2 = [];
        for (let i = 1; i < this.steps.length; i++) padded2.push(NaN);
        this.wallTimes = padded2;
      }
      this.wallTimes.push(wallTime);
    } else if (this.wallTimes !== void 0) this.wallTimes.push(NaN);
    if (step >= this.finalStep) {
      this.finalStep = step;
      this.finalValue = value;
    }
  }
  get size() {
    return this.steps.length;
  }
  /** The metric as the run record holds it. */
  toMetric() {
    const metric = {
      value: this.finalValue,
      step: this.finalStep,
      history: this.wallTimes === void 0 ? { steps: this.steps, values: this.values } : { steps: this.steps, values: this.values, wallTimes: this.wallTimes }
    };
    return metric;
  }
};

// packages/core/src/metrics/tfevents.ts
var CHUNK_BYTES2 = 1024 * 1024;
var MAX_RECORD_BYTES = 1024 * 1024 * 1024;

// packages/core/src/metrics/metrics-format.ts
var SNIFF_BYTES = 64 * 1024;

// packages/core/src/params/param-value.ts
var NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
var TRUE = /* @__PURE__ */ new Set(["true", "True", "TRUE"]);
var FALSE = /* @__PURE__ */ new Set(["false", "False", "FALSE"]);
var NULL = /* @__PURE__ */ new Set(["null", "Null", "NULL", "~", "None"]);
function parseParamValue(text2) {
  const trimmed = text2.trim();
  if (NUMBER.test(trimmed)) {
    const value = Number(trimmed);
    if (Number.isFinite(value)) return value;
    return trimmed;
  }
  if (TRUE.has(trimmed)) return true;
  if (FALSE.has(trimmed)) return false;
  if (NULL.has(trimmed)) return null;
  if (trimmed.length >= 2) {
    const first = trimmed[0];
    if ((first === '"' || first === "'") && trimmed.endsWith(first)) return trimmed.slice(1, -1);
  }
  return trimmed;
}

// packages/core/src/metrics/mlflow.ts
var MAX_PARAM_FILE_BYTES = 1024 * 1024;

// packages/core/src/model-package/semver.ts
var NUMERIC = "0|[1-9]\\d*";
var PRERELEASE_ID = `(?:${NUMERIC}|\\d*[A-Za-z-][0-9A-Za-z-]*)`;
var SEMVER = new RegExp(
  `^(${NUMERIC})\\.(${NUMERIC})\\.(${NUMERIC})(?:-(${PRERELEASE_ID}(?:\\.${PRERELEASE_ID})*))?(?:\\+([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?$`
);
function parseSemver(text2) {
  const match = SEMVER.exec(text2);
  if (!match) return void 0;
  const [major, minor, patch] = [match[1], match[2], match[3]].map(Number);
  if (major === void 0 || minor === void 0 || patch === void 0) return void 0;
  if (![major, minor, patch].every(Number.isSafeInteger)) return void 0;
  return {
    major,
    minor,
    patch,
    prerelease: match[4] === void 0 ? [] : match[4].split("."),
    build: match[5] === void 0 ? [] : match[5].split(".")
  };
}
function formatSemver(version) {
  let text2 = `${version.major}.${version.minor}.${version.patch}`;
  if (version.prerelease.length > 0) text2 += `-${version.prerelease.join(".")}`;
  if (version.build.length > 0) text2 += `+${version.build.join(".")}`;
  return text2;
}
function compareSemver(a, b) {
  const left = asSemver(a);
  const right = asSemver(b);
  const core = Math.sign(left.major - right.major) || Math.sign(left.minor - right.minor) || Math.sign(left.patch - right.patch);
  if (core !== 0) return core;
  if (left.prerelease.length === 0 || right.prerelease.length === 0) {
    return Math.sign(right.prerelease.length - left.prerelease.length);
  }
  const shared = Math.min(left.prerelease.length, right.prerelease.length);
  for (let i = 0; i < shared; i++) {
    const order = compareIdentifier(left.prerelease[i] ?? "", right.prerelease[i] ?? "");
    if (order !== 0) return order;
  }
  return Math.sign(left.prerelease.length - right.prerelease.length);
}
function bumpSemver(version, bump) {
  const pre = version.prerelease.length > 0;
  const { major, minor, patch } = version;
  switch (bump) {
    case "major":
      return pre && minor === 0 && patch === 0 ? release(major, 0, 0) : release(major + 1, 0, 0);
    case "minor":
      return pre && patch === 0 ? release(major, minor, 0) : release(major, minor + 1, 0);
    case "patch":
      return pre ? release(major, minor, patch) : release(major, minor, patch + 1);
    default:
      throw new Error(`unknown version bump ${JSON.stringify(bump)}`);
  }
}
function release(major, minor, patch) {
  return { major, minor, patch, prerelease: [], build: [] };
}
function asSemver(version) {
  if (typeof version !== "string") return version;
  const parsed = parseSemver(version);
  if (!parsed) throw new Error(`not a semantic version: ${JSON.stringify(version)}`);
  return parsed;
}
function compareIdentifier(a, b) {
  const aNumeric = /^\d+$/.test(a);
  const bNumeric = /^\d+$/.test(b);
  if (aNumeric && bNumeric) {
    return Math.sign(a.length - b.length) || (a < b ? -1 : a > b ? 1 : 0);
  }
  if (aNumeric) return -1;
  if (bNumeric) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

// packages/core/src/model-package/model-version.ts
var NAME = /^[A-Za-z0-9](?:[A-Za-z0-9_-]*[A-Za-z0-9])?$/;
var MAX_MODEL_NAME = 100;
function validateModelName(name) {
  if (name.length > MAX_MODEL_NAME) {
    throw new UserError(
      `input name: the model name is ${name.length} characters; at most ${MAX_MODEL_NAME} are accepted (it names a tag, an artifact and a folder)`
    );
  }
  if (!NAME.test(name)) {
    throw new UserError(
      `input name: ${JSON.stringify(name)} is not a valid model name; use letters, digits, "-" and "_", starting and ending with a letter or digit (GTO's artifact names)`
    );
  }
  return name;
}
function registrationMessage(name, version) {
  return `Registering artifact ${name} version v${version}`;
}
function modelTag(name, version) {
  return `${name}@v${version}`;
}
function modelVersionsFromTags(tags, name) {
  const prefix = `${name}@v`;
  const found = [];
  for (const raw of tags) {
    const tag = raw.startsWith("refs/tags/") ? raw.slice("refs/tags/".length) : raw;
    if (!tag.startsWith(prefix)) continue;
    const version = parseSemver(tag.slice(prefix.length));
    if (version) found.push({ version, tag });
  }
  return found;
}
function nextVersion(options) {
  const name = validateModelName(options.name);
  const existing = modelVersionsFromTags(options.existingTags, name);
  const releases = existing.filter((entry) => entry.version.prerelease.length === 0);
  const highest = releases.reduce(
    (best, entry) => best && compareSemver(best.version, entry.version) >= 0 ? best : entry,
    void 0
  );
  const requested = options.requested.trim();
  let base;
  let explanation;
  if (requested === "" || requested.toLowerCase() === "auto") {
    if (highest) {
      base = bumpSemver(highest.version, options.bump);
      explanation = `${options.bump} bump of ${formatSemver(highest.version)} (tag ${highest.tag})`;
    } else {
      base = { major: 0, minor: 1, patch: 0, prerelease: [], build: [] };
      explanation = `first version of ${name}`;
    }
  } else {
    const parsed = parseSemver(requested.replace(/^v(?=\d)/, ""));
    if (!parsed) {
      throw new UserError(
        `input version: ${JSON.stringify(requested)} is not "auto" or a semantic version such as 1.2.0 or 2.0.0-rc.1`
      );
    }
    base = parsed;
    explanation = `version ${formatSemver(parsed)} as requested`;
  }
  refuseExisting(name, base, existing);
  const pr = options.pullRequest;
  if (pr) {
    for (const [label, value] of [
      ["pull request number", pr.number],
      ["run number", pr.runNumber]
    ]) {
      if (!Number.isSafeInteger(value) || value < 0) {
        throw new Error(`${label} must be a non-negative integer, got ${String(value)}`);
      }
    }
    const version2 = formatSemver({
      ...base,
      prerelease: [...base.prerelease, "pr", String(pr.number), String(pr.runNumber)]
    });
    refuseExisting(name, parseSemver(version2) ?? base, existing);
    return {
      name,
      version: version2,
      tag: null,
      createTag: false,
      previous: highest ? formatSemver(highest.version) : null,
      explanation: `${explanation}; pull request #${pr.number} (run ${pr.runNumber}) gets pre-release ${version2}, and no tag is created`
    };
  }
  const version = formatSemver(base);
  return {
    name,
    version,
    tag: modelTag(name, version),
    createTag: true,
    previous: highest ? formatSemver(highest.version) : null,
    explanation
  };
}
function refuseExisting(name, version, existing) {
  const clash = existing.find((entry) => compareSemver(entry.version, version) === 0);
  if (clash) {
    throw new UserError(
      `version ${formatSemver(version)} of ${name} exists already (tag ${clash.tag}); versions are never overwritten`
    );
  }
}

// packages/core/src/model-package/select-files.ts
import fs2 from "node:fs";
import path2 from "node:path";
function posixPath(relative) {
  return relative.split(path2.sep).join("/");
}
var GLOB_MAGIC2 = /[*?[\]{}]/;
async function selectModelFiles(patterns, options) {
  const lexicalRoot = path2.resolve(options.workspace);
  const realRoot = await fs2.promises.realpath(lexicalRoot);
  const cwd = await fs2.promises.realpath(path2.resolve(lexicalRoot, options.cwd ?? ".")).catch((error2) => {
    if (!isNotFound(error2)) throw error2;
    throw new UserError(`the working directory ${options.cwd ?? "."} does not exist`);
  });
  if (!isInsideFolder(realRoot, cwd)) {
    throw new UserError(`the working directory ${cwd} is outside the workspace ${realRoot}`);
  }
  const selected = /* @__PURE__ */ new Map();
  const relativeTo = (absolute) => {
    for (const root of [realRoot, lexicalRoot]) {
      if (isInsideFolder(root, absolute)) return posixPath(path2.relative(root, absolute));
    }
    return void 0;
  };
  for (const raw of patterns) {
    const pattern = raw.trim();
    if (pattern === "") continue;
    const walker = new Walker(pattern, realRoot, selected, options.includeHidden ?? false);
    const absolute = path2.resolve(cwd, pattern);
    const relative = relativeTo(absolute);
    if (relative === void 0) {
      throw new UserError(
        `path ${JSON.stringify(pattern)} is outside the workspace ${realRoot}; model files must be inside it`
      );
    }
    if (await exists(absolute)) {
      await walker.add(absolute, relative);
    } else if (GLOB_MAGIC2.test(pattern)) {
      const matches = [];
      for await (const match of fs2.promises.glob(pattern, { cwd })) matches.push(match);
      matches.sort();
      for (const match of matches) {
        const matchAbsolute = path2.resolve(cwd, match);
        const matchRelative = relativeTo(matchAbsolute);
        if (matchRelative === void 0) {
          throw new UserError(
            `path ${JSON.stringify(pattern)} matches ${matchAbsolute}, which is outside the workspace ${realRoot}`
          );
        }
        await walker.add(matchAbsolute, matchRelative);
      }
    }
    if (walker.matched === 0 && walker.leftOut.length > 0) {
      throw new UserError(
        `path ${JSON.stringify(pattern)} matches only ${walker.leftOut[0]}${walker.leftOut.length > 1 ? ` and ${walker.leftOut.length - 1} more` : ""}, which ${hiddenReason(walker.leftOut[0])}`
      );
    }
    if (walker.matched === 0) {
      throw new UserError(
        `path ${JSON.stringify(pattern)} matches no file (relative to ${posixPath(path2.relative(realRoot, cwd)) || "the workspace root"})`
      );
    }
  }
  return [...selected.values()].sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}
var Walker = class {
  matched = 0;
  /** Paths left out because they are `.git` or hidden. */
  leftOut = [];
  pattern;
  realRoot;
  selected;
  includeHidden;
  /** Real paths of folders already walked: a link back to a parent must not loop forever. */
  seenFolders = /* @__PURE__ */ new Set();
  constructor(pattern, realRoot, selected, includeHidden) {
    this.pattern = pattern;
    this.realRoot = realRoot;
    this.selected = selected;
    this.includeHidden = includeHidden;
  }
  async add(absolute, relative) {
    const segments = relative.split("/");
    if (segments.includes(".git") || !this.includeHidden && segments.some((s) => s.startsWith("."))) {
      this.leftOut.push(relative);
      return;
    }
    let real;
    try {
      real = await fs2.promises.realpath(absolute);
    } catch (error2) {
      if (isNotFound(error2)) {
        throw new UserError(
          `${displayPath(relative)} is a symbolic link to nothing (named by path ${JSON.stringify(this.pattern)})`
        );
      }
      throw error2;
    }
    if (!isInsideFolder(this.realRoot, real)) {
      throw new UserError(
        `${displayPath(relative)} leads to ${real}, outside the workspace ${this.realRoot}; refusing to package it (named by path ${JSON.stringify(this.pattern)})`
      );
    }
    const stats = await fs2.promises.stat(real);
    if (stats.isFile()) {
      if (/[\n\r\\]/.test(relative)) {
        throw new UserError(
          `${JSON.stringify(relative)} has a newline or backslash in its name, which SHA256SUMS cannot list; rename it`
        );
      }
      this.matched++;
      if (!this.selected.has(relative)) {
        this.selected.set(relative, { path: relative, absolute: real, size: stats.size });
      }
      return;
    }
    if (stats.isDirectory()) {
      if (this.seenFolders.has(real)) return;
      this.seenFolders.add(real);
      const names = (await fs2.promises.readdir(absolute)).sort();
      for (const name of names) {
        await this.add(path2.join(absolute, name), relative === "" ? name : `${relative}/${name}`);
      }
      return;
    }
    throw new UserError(
      `${displayPath(relative)} is neither a file nor a folder (named by path ${JSON.stringify(this.pattern)})`
    );
  }
};
function hiddenReason(relative) {
  return relative.split("/").includes(".git") ? "is never packaged: .git holds the repository and the token actions/checkout stored" : "is hidden and left out; set include-hidden-files: true to package hidden files";
}
function displayPath(relative) {
  return relative === "" ? "the workspace root" : relative;
}
async function exists(absolute) {
  try {
    await fs2.promises.lstat(absolute);
    return true;
  } catch (error2) {
    if (isNotFound(error2)) return false;
    throw error2;
  }
}
function isNotFound(error2) {
  const code = error2?.code;
  return code === "ENOENT" || code === "ENOTDIR";
}

// packages/core/src/model-package/mlmodel.ts
async function parseMlmodel(text2, file = "MLmodel") {
  const yaml = await import("./chunk-CNR7VUBG.js");
  const { isMap, isScalar, LineCounter, parseDocument } = yaml;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text2, { lineCounter, prettyErrors: false });
  const first = doc.errors[0];
  if (first) {
    const at = lineCounter.linePos(first.pos[0]);
    throw new UserError(`${file}:${at.line}:${at.col}: invalid YAML: ${firstLine(first.message)}`, {
      file,
      line: at.line,
      column: at.col
    });
  }
  if (!isMap(doc.contents)) {
    throw new UserError(`${file}: an MLmodel file must be a YAML mapping`, { file, line: 1 });
  }
  const flavorsNode = doc.get("flavors", true);
  if (!isMap(flavorsNode)) {
    throw new UserError(`${file}: has no "flavors" mapping, so it is not an MLflow MLmodel file`, {
      file,
      ...lineOf(flavorsNode, lineCounter)
    });
  }
  const flavors = flavorsNode.items.map((pair) => String(isScalar(pair.key) ? pair.key.value : pair.key));
  let signature = null;
  const signatureNode = doc.get("signature", true);
  if (signatureNode !== void 0 && !(isScalar(signatureNode) && signatureNode.value === null)) {
    if (!isMap(signatureNode)) {
      throw new UserError(`${file}: "signature" must be a mapping`, {
        file,
        ...lineOf(signatureNode, lineCounter)
      });
    }
    signature = {
      inputs: signaturePart(yaml, doc, "inputs", file, lineCounter),
      outputs: signaturePart(yaml, doc, "outputs", file, lineCounter),
      params: signaturePart(yaml, doc, "params", file, lineCounter)
    };
  }
  return {
    flavors,
    signature,
    runId: scalarText(doc.get("run_id")),
    modelUuid: scalarText(doc.get("model_uuid")),
    mlflowVersion: scalarText(doc.get("mlflow_version")),
    createdAt: scalarText(doc.get("utc_time_created"))
  };
}
function findMlmodelFile(files) {
  const depth = (p) => p.split("/").length;
  return files.map((file) => file.path).filter((p) => p === "MLmodel" || p.endsWith("/MLmodel")).sort((a, b) => depth(a) - depth(b) || (a < b ? -1 : a > b ? 1 : 0))[0];
}
function signaturePart({ isCollection, isScalar }, doc, key, file, lineCounter) {
  const node = doc.getIn(["signature", key], true);
  if (node === void 0) return null;
  if (!isScalar(node)) return isCollection(node) ? node.toJSON() : null;
  if (typeof node.value !== "string") return node.value ?? null;
  try {
    return JSON.parse(node.value);
  } catch (error2) {
    throw new UserError(
      `${file}: signature.${key} is not valid JSON (${firstLine(error2 instanceof Error ? error2.message : String(error2))})`,
      { file, ...lineOf(node, lineCounter) }
    );
  }
}
function scalarText(value) {
  if (value === void 0 || value === null) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
    return String(value);
  }
  return null;
}
function lineOf(node, lineCounter) {
  const range = node?.range;
  if (!range) return {};
  const at = lineCounter.linePos(range[0]);
  return { line: at.line, column: at.col };
}
function firstLine(text2) {
  return text2.split("\n", 1)[0] ?? text2;
}

// packages/core/src/model-package/package-path.ts
function isSafeRelativePath(relative) {
  if (relative === "" || relative.startsWith("/") || relative.includes("\\")) return false;
  return relative.split("/").every((segment) => segment !== "" && segment !== "." && segment !== "..");
}

// packages/core/src/model-package/manifest.ts
var MODEL_MANIFEST_SCHEMA = "ml-actions/model-manifest";
var MODEL_MANIFEST_VERSION = 1;
var PACKAGE_MANIFEST_FILE = "manifest.json";
var PACKAGE_CARD_FILE = "README.md";
var PACKAGE_SUMS_FILE = "SHA256SUMS";
var RESERVED = /* @__PURE__ */ new Set([PACKAGE_MANIFEST_FILE, PACKAGE_CARD_FILE, PACKAGE_SUMS_FILE]);
function buildManifest(options) {
  const name = validateModelName(options.name);
  if (!parseSemver(options.version)) {
    throw new UserError(`input version: ${JSON.stringify(options.version)} is not a semantic version`);
  }
  const createdAt = new Date(options.createdAt);
  if (Number.isNaN(createdAt.getTime())) {
    throw new Error(`createdAt is not a date: ${String(options.createdAt)}`);
  }
  const files = sortByPath(options.files.map(({ path: path6, size, sha256 }) => ({ path: path6, size, sha256 })));
  for (const [index, file] of files.entries()) {
    if (!isSafeRelativePath(file.path)) throw new Error(`model file path is not a safe relative path: ${file.path}`);
    if (!/^[0-9a-f]{64}$/.test(file.sha256)) throw new Error(`not a sha256: ${file.sha256} (${file.path})`);
    if (files[index - 1]?.path === file.path) throw new Error(`model file listed twice: ${file.path}`);
    const top = file.path.split("/")[0] ?? "";
    if (RESERVED.has(top)) {
      throw new UserError(
        `model file ${file.path} would collide with the package's own ${top}; move it into a folder or leave it out`
      );
    }
  }
  if (files.length === 0) throw new UserError("a model package needs at least one model file");
  const record = options.record;
  const trendPage = options.trendPage === void 0 ? void 0 : safeUrl(options.trendPage);
  if (options.trendPage !== void 0 && trendPage === void 0) {
    throw new Error(`the trend page link is not an http(s) address: ${options.trendPage}`);
  }
  const release2 = options.release === void 0 ? void 0 : safeUrl(options.release);
  if (options.release !== void 0 && release2 === void 0) {
    throw new Error(`the release address is not an http(s) address: ${options.release}`);
  }
  const mlmodelPath = findMlmodelFile(files);
  if (options.mlmodel && mlmodelPath === void 0) {
    throw new Error("an MLmodel was given but no file named MLmodel is among the model files");
  }
  return {
    schema: MODEL_MANIFEST_SCHEMA,
    schemaVersion: MODEL_MANIFEST_VERSION,
    name,
    version: options.version,
    createdAt: createdAt.toISOString(),
    files,
    totalSize: files.reduce((sum, file) => sum + file.size, 0),
    metrics: sortedRecord(
      Object.entries(record?.metrics ?? {}).map(([key, metric]) => [key, toJsonNumber(metric.value)])
    ),
    params: sortedRecord(Object.entries(record?.params ?? {})),
    gate: options.gate ? manifestGate(options.gate) : null,
    provenance: record ? manifestProvenance(record) : null,
    data: sortByPath((record?.inputs ?? []).map(({ path: path6, size, sha256 }) => ({ path: path6, size, sha256 }))),
    mlmodel: options.mlmodel && mlmodelPath !== void 0 ? { path: mlmodelPath, ...options.mlmodel } : null,
    ...trendPage === void 0 ? {} : { trendPage },
    ...record?.environment === void 0 ? {} : { environment: record.environment },
    ...record?.profile === void 0 ? {} : { profile: record.profile },
    ...release2 === void 0 ? {} : { release: release2 },
    ...options.oci === void 0 ? {} : { oci: options.oci },
    ...options.releaseArchive === void 0 ? {} : { releaseArchive: options.releaseArchive }
  };
}
function serializeManifest(manifest) {
  return `${JSON.stringify(manifest, null, 2)}
`;
}
function toJsonNumber(value) {
  if (Number.isNaN(value)) return "NaN";
  if (value === Infinity) return "Infinity";
  if (value === -Infinity) return "-Infinity";
  return value;
}
function manifestGate(gate) {
  return {
    passed: gate.passed,
    rules: gate.results.map((result) => ({
      rule: result.rule,
      experiment: result.experiment ?? null,
      line: result.line,
      metric: result.metric,
      aggregate: result.aggregate ?? null,
      verdict: result.verdict,
      actual: optionalNumber(result.actual),
      threshold: optionalNumber(result.threshold),
      baseline: optionalNumber(result.baseline),
      pValue: optionalNumber(result.pValue),
      message: result.message
    }))
  };
}
function manifestProvenance(record) {
  const p = record.provenance;
  const repoUrl = `${p.serverUrl.replace(/\/+$/, "")}/${p.repository}`;
  return {
    runId: record.runId,
    experiment: record.experiment,
    repository: p.repository,
    serverUrl: p.serverUrl,
    sha: p.sha,
    ref: p.ref,
    branch: p.branch,
    event: p.event,
    pullRequest: p.pullRequest ?? null,
    workflow: p.workflow,
    workflowRunId: p.workflowRunId,
    runAttempt: p.runAttempt,
    runNumber: p.runNumber,
    job: p.job,
    runUrl: `${repoUrl}/actions/runs/${p.workflowRunId}/attempts/${p.runAttempt}`,
    commitUrl: `${repoUrl}/commit/${p.sha}`
  };
}
function optionalNumber(value) {
  return value === void 0 ? null : toJsonNumber(value);
}
function sortByPath(items) {
  return items.sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}
function sortedRecord(entries) {
  return Object.fromEntries(entries.sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0));
}

// packages/core/src/model-package/sha256-sums.ts
function renderSha256Sums(files) {
  const sorted = [...files].sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  let text2 = "";
  for (const [index, file] of sorted.entries()) {
    if (!/^[0-9a-f]{64}$/.test(file.sha256)) throw new Error(`not a sha256: ${file.sha256} (${file.path})`);
    if (file.path === "" || /[\n\r\\]/.test(file.path)) {
      throw new Error(`path cannot be listed in SHA256SUMS: ${JSON.stringify(file.path)}`);
    }
    if (sorted[index - 1]?.path === file.path) throw new Error(`listed twice in SHA256SUMS: ${file.path}`);
    text2 += `${file.sha256}  ${file.path}
`;
  }
  return text2;
}

// packages/core/src/model-package/model-card.ts
var LIBRARY_OF_FLAVOR = {
  sklearn: "scikit-learn",
  pytorch: "pytorch",
  tensorflow: "tensorflow",
  keras: "keras",
  transformers: "transformers",
  sentence_transformers: "sentence-transformers",
  xgboost: "xgboost",
  lightgbm: "lightgbm",
  catboost: "catboost",
  onnx: "onnx",
  spacy: "spacy",
  fastai: "fastai",
  paddle: "paddlepaddle",
  statsmodels: "statsmodels",
  prophet: "prophet"
};
function libraryNameOf(flavors) {
  for (const flavor of flavors) {
    if (Object.hasOwn(LIBRARY_OF_FLAVOR, flavor)) return LIBRARY_OF_FLAVOR[flavor];
  }
  return void 0;
}
async function renderModelCard(manifest, options = {}) {
  return `---
${await renderFrontMatter(manifest, options)}---

${renderModelCardBody(manifest, options)}`;
}
async function renderFrontMatter(manifest, options) {
  const { stringify } = await import("./chunk-CNR7VUBG.js");
  const library = manifest.mlmodel ? libraryNameOf(manifest.mlmodel.flavors) : void 0;
  const tags = ["ml-actions"];
  if (manifest.mlmodel) tags.push("mlflow");
  if (library !== void 0) tags.push(library);
  const front = {};
  if (library !== void 0) front["library_name"] = library;
  front["tags"] = tags;
  const metrics = Object.entries(manifest.metrics);
  if (metrics.length > 0) {
    front["model-index"] = [
      {
        name: manifest.name,
        results: [
          {
            task: { type: options.task ?? "other" },
            metrics: metrics.map(([metric, value]) => ({ type: metric, value, name: metric }))
          }
        ]
      }
    ];
  }
  return stringify(front, { version: "1.1", lineWidth: 0 });
}
function renderModelCardBody(manifest, options = {}) {
  const out = [];
  out.push(`# ${escapeInline(manifest.name)}`, "");
  out.push(
    `Version \`${manifest.version}\`, packaged ${manifest.createdAt} by ml-actions: ${manifest.files.length} ${manifest.files.length === 1 ? "file" : "files"}, ${formatBytes(manifest.totalSize)}.`,
    ""
  );
  if (manifest.trendPage !== void 0) {
    const label = manifest.provenance === null ? "this version" : `${escapeInline(manifest.provenance.experiment)} at this version`;
    out.push(`Trend: ${markdownLink(`${label} on the trend page`, manifest.trendPage)}.`, "");
  }
  if (manifest.release !== void 0) {
    out.push(
      `Release: ${markdownLink(`${escapeInline(manifest.name)} v${manifest.version}`, manifest.release)}.`,
      ""
    );
  }
  if (manifest.oci !== void 0) {
    const pinned = options.ociDigest === void 0 ? `\`${escapeInline(manifest.oci)}\`` : `\`${escapeInline(`${manifest.oci.replace(/:[^:/]+$/, "")}@${options.ociDigest}`)}\` (tag \`${escapeInline(manifest.oci.slice(manifest.oci.lastIndexOf(":") + 1))}\`)`;
    out.push(`OCI: ${pinned} (pull it with \`oras pull\` or \`skopeo copy\`).`, "");
  }
  const description = options.description?.trim();
  if (description) out.push(description, "");
  out.push("## Metrics", "");
  const metrics = Object.entries(manifest.metrics);
  if (metrics.length === 0) out.push("No metrics were recorded.", "");
  else {
    out.push(
      ...table(
        ["Metric", "Value"],
        metrics.map(([name, value]) => [escapeInline(name), formatNumber3(value)]),
        ["left", "right"]
      ),
      ""
    );
  }
  const params = Object.entries(manifest.params);
  if (params.length > 0) {
    out.push("## Parameters", "");
    out.push(
      ...table(
        ["Parameter", "Value"],
        params.map(([name, value]) => [escapeInline(name), escapeInline(formatParam(value))])
      ),
      ""
    );
  }
  if (manifest.gate) {
    const rules = manifest.gate.rules;
    out.push("## Quality gate", "");
    out.push(
      `${manifest.gate.passed ? "**Passed**" : "**Failed**"}: ${rules.filter((r) => r.verdict === "pass").length} of ${rules.length} ${rules.length === 1 ? "rule" : "rules"} passed.`,
      ""
    );
    if (rules.length > 0) {
      out.push(
        ...table(
          ["Rule", "Verdict", "Value", "Threshold", "Baseline", "Note"],
          rules.map((r) => [
            escapeInline(r.rule),
            VERDICT_LABEL[r.verdict],
            r.actual === null ? "" : formatNumber3(r.actual),
            r.threshold === null ? "" : formatNumber3(r.threshold),
            r.baseline === null ? "" : formatNumber3(r.baseline),
            escapeInline(r.message)
          ])
        ),
        ""
      );
    }
  }
  const p = manifest.provenance;
  if (p) {
    out.push("## Provenance", "");
    const rows = [
      ["Repository", link(p.repository, `${p.serverUrl.replace(/\/+$/, "")}/${p.repository}`)],
      ["Commit", link(p.sha.slice(0, 12), p.commitUrl)],
      ["Ref", escapeInline(p.ref)],
      ["Event", escapeInline(p.pullRequest === null ? p.event : `${p.event} (#${p.pullRequest})`)],
      [
        "Workflow run",
        markdownLink(`${escapeInline(p.workflow)} #${p.runNumber}, attempt ${p.runAttempt}`, p.runUrl)
      ],
      ["Job", escapeInline(p.job)],
      ["Experiment", escapeInline(p.experiment)],
      ["Run id", escapeInline(p.runId)]
    ];
    out.push(...table(["Field", "Value"], rows), "");
  }
  if (manifest.data.length > 0) {
    out.push("## Training data", "");
    out.push(...fileTable(manifest.data), "");
  }
  const mlmodel = manifest.mlmodel;
  if (mlmodel) {
    out.push("## MLflow model", "");
    out.push(
      `The MLflow model in ${escapeInline(mlmodel.path)} has the flavors ${mlmodel.flavors.map(escapeInline).join(", ") || "(none)"}` + (mlmodel.mlflowVersion === null ? "." : ` (MLflow ${escapeInline(mlmodel.mlflowVersion)}).`),
      ""
    );
    if (mlmodel.signature) {
      for (const [label, part] of [
        ["Inputs", mlmodel.signature.inputs],
        ["Outputs", mlmodel.signature.outputs],
        ["Params", mlmodel.signature.params]
      ]) {
        if (part === null || part === void 0) continue;
        out.push(`### ${label}`, "", ...signatureTable(part), "");
      }
    }
  }
  out.push("## Files", "");
  out.push(...fileTable(manifest.files), "");
  out.push("## Verify", "");
  out.push(
    `\`${PACKAGE_SUMS_FILE}\` lists every file of this package except itself; \`manifest.json\` lists the model files with their sizes and hashes. In the package folder:`,
    "",
    "```sh",
    `sha256sum -c ${PACKAGE_SUMS_FILE}`,
    "```",
    ""
  );
  return out.join("\n");
}
var VERDICT_LABEL = {
  pass: "\u2705 pass",
  fail: "\u274C fail",
  skipped: "\u23ED\uFE0F skipped",
  error: "\u26A0\uFE0F error"
};
function fileTable(files) {
  return table(
    ["File", "Size", "SHA-256"],
    files.map((f) => [escapeInline(f.path), formatBytes(f.size), `\`${f.sha256}\``]),
    ["left", "right", "left"]
  );
}
function signatureTable(part) {
  if (Array.isArray(part) && part.every((item) => typeof item === "object" && item !== null)) {
    const columns = part;
    const hasDefault = columns.some((c) => c["default"] !== void 0);
    return table(
      hasDefault ? ["Name", "Type", "Default"] : ["Name", "Type"],
      columns.map((c) => {
        const row = [escapeInline(textOf(c["name"])), escapeInline(columnType(c))];
        if (hasDefault) row.push(escapeInline(c["default"] === void 0 ? "" : JSON.stringify(c["default"])));
        return row;
      })
    );
  }
  const json = JSON.stringify(part, null, 2);
  const fence = "`".repeat(Math.max(3, ...[...json.matchAll(/`+/g)].map((m) => m[0].length + 1)));
  return [`${fence}json`, json, fence];
}
function columnType(column) {
  const spec = column["tensor-spec"];
  let type = textOf(column["type"]);
  if (typeof spec === "object" && spec !== null) {
    const { dtype, shape } = spec;
    type = `tensor ${textOf(dtype)} ${JSON.stringify(shape ?? [])}`;
  }
  if (column["required"] === false) type += " (optional)";
  return type;
}
function textOf(value) {
  if (value === void 0 || value === null) return "";
  return typeof value === "string" ? value : JSON.stringify(value);
}
function table(header2, rows, align = []) {
  const rule = header2.map((_, i) => align[i] === "right" ? "---:" : "---");
  return [header2, rule, ...rows].map((cells) => `| ${cells.join(" | ")} |`);
}
function link(text2, url) {
  return markdownLink(escapeInline(text2), url);
}
function formatNumber3(value) {
  if (typeof value === "string") return value;
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(6)));
}
function formatParam(value) {
  return value === null ? "null" : String(value);
}

// packages/core/src/model-package/stage-files.ts
import fs3 from "node:fs";
import path3 from "node:path";
var COPY_INSTEAD = {
  EXDEV: "the staging folder is on another file system",
  EPERM: "the file system or its settings (fs.protected_hardlinks) refused a hard link",
  EMLINK: "the file has as many hard links as the file system allows",
  ENOTSUP: "the file system has no hard links",
  EOPNOTSUPP: "the file system has no hard links",
  ENOSYS: "the file system has no hard links"
};
var TIMESTAMP_TRUST_NS = 2000000000n;
async function stageModelFiles(options) {
  await prepareEmptyFolder(options.stagingDir);
  const link2 = options.link ?? ((existing, created) => fs3.promises.link(existing, created));
  const staged = [];
  for (const file of options.files) {
    const destination = stagedPath(options.stagingDir, file.path);
    await fs3.promises.mkdir(path3.dirname(destination), { recursive: true });
    staged.push(await stageFile(file, destination, link2));
  }
  return staged;
}
async function stageFile(file, destination, link2) {
  const input = await openRegularFile(file.absolute, file.path, { noFollow: true });
  try {
    const opened = await input.stat({ bigint: true });
    let copyReason;
    try {
      await link2(file.absolute, destination);
    } catch (thrown) {
      const code = thrown?.code;
      if (typeof code !== "string" || COPY_INSTEAD[code] === void 0) throw thrown;
      copyReason = `${code}: ${COPY_INSTEAD[code]}`;
    }
    let digest;
    if (copyReason === void 0) {
      const linked = await fs3.promises.lstat(destination, { bigint: true });
      if (!linked.isFile() || linked.dev !== opened.dev || linked.ino !== opened.ino) {
        throw new UserError(
          `model file ${file.path} was replaced while it was being staged; package it again once nothing writes to it`,
          { file: file.path }
        );
      }
      digest = await hashOpenFile(input);
    } else {
      digest = await copyAndHashOpenFile(input, destination);
    }
    const hashed = await input.stat({ bigint: true });
    if (hashed.size !== opened.size || hashed.mtimeNs !== opened.mtimeNs || hashed.size !== BigInt(digest.size)) {
      throw changedError(
        file.path,
        "while it was being hashed",
        describeChange(identityOf(opened), identityOf(hashed))
      );
    }
    const identity = identityOf(
      copyReason === void 0 ? hashed : await fs3.promises.lstat(destination, { bigint: true })
    );
    const recentlyModified = BigInt(Date.now()) * 1000000n - hashed.mtimeNs < TIMESTAMP_TRUST_NS;
    return {
      path: file.path,
      size: digest.size,
      sha256: digest.sha256,
      absolute: destination,
      method: copyReason === void 0 ? "link" : "copy",
      ...copyReason === void 0 ? {} : { copyReason },
      identity,
      recentlyModified
    };
  } finally {
    await input.close();
  }
}
async function verifyStagedFiles(files, options = {}) {
  for (const file of files) {
    const stats = await fs3.promises.lstat(file.absolute, { bigint: true }).catch((thrown) => {
      if (thrown?.code === "ENOENT") return void 0;
      throw thrown;
    });
    if (stats === void 0) throw changedError(file.path, "after it was hashed", "its staged file is gone");
    if (!stats.isFile())
      throw changedError(file.path, "after it was hashed", "its staged file is no longer a regular file");
    const now = identityOf(stats);
    const change = describeChange(file.identity, now);
    if (change !== "") throw changedError(file.path, "after it was hashed", change);
    const touched = now.ctimeNs !== file.identity.ctimeNs;
    if (touched || options.rehashRecent === true && file.recentlyModified) {
      const again = await hashFile(file.absolute, file.path);
      if (again.sha256 !== file.sha256 || again.size !== file.size) {
        throw changedError(file.path, "after it was hashed", `sha256 ${file.sha256} when hashed, ${again.sha256} now`);
      }
    }
  }
}
function identityOf(stats) {
  return { dev: stats.dev, ino: stats.ino, size: stats.size, mtimeNs: stats.mtimeNs, ctimeNs: stats.ctimeNs };
}
function describeChange(before, after) {
  if (before.dev !== after.dev || before.ino !== after.ino) return "it was replaced by another file";
  if (before.size !== after.size) return `${before.size} bytes when hashed, ${after.size} now`;
  if (before.mtimeNs !== after.mtimeNs) return `modified at ${isoTime(after.mtimeNs)}, after it was read`;
  return "";
}
function isoTime(ns) {
  return new Date(Number(ns / 1000000n)).toISOString();
}
function changedError(file, when, detail) {
  return new UserError(
    `model file ${file} changed ${when} (${detail}), so the package would not match its SHA256SUMS; package it again once nothing writes to it`,
    { file }
  );
}
function stagedPath(stagingDir, relative) {
  if (!isSafeRelativePath(relative)) throw new Error(`unsafe path in a model package: ${JSON.stringify(relative)}`);
  return path3.resolve(stagingDir, ...relative.split("/"));
}
async function prepareEmptyFolder(dir) {
  await fs3.promises.mkdir(dir, { recursive: true });
  const entries = await fs3.promises.readdir(dir);
  if (entries.length > 0) throw new Error(`the staging folder ${dir} is not empty`);
}

// packages/core/src/model-package/write-package.ts
import { createHash as createHash2 } from "node:crypto";
import fs4 from "node:fs";
import path4 from "node:path";
async function writeModelPackage(options) {
  const { stagingDir, manifest } = options;
  const expected = new Map(manifest.files.map((file) => [file.path, file]));
  if (options.files) {
    if (options.files.length !== expected.size || options.files.some((f) => !expected.has(f.path))) {
      throw new Error("the files to package are not the files the manifest lists");
    }
    const copied = await stageModelFiles({ stagingDir, files: options.files });
    for (const file of copied) {
      const listed = expected.get(file.path);
      if (listed && (listed.sha256 !== file.sha256 || listed.size !== file.size)) {
        throw new UserError(
          `model file ${file.path} changed while it was being packaged (sha256 ${listed.sha256} when hashed, ${file.sha256} when staged); package it again once nothing writes to it`,
          { file: file.path }
        );
      }
    }
  } else {
    for (const file of manifest.files) {
      const stats = await fs4.promises.stat(stagedPath(stagingDir, file.path)).catch(() => void 0);
      if (!stats?.isFile() || stats.size !== file.size) {
        throw new Error(`staged model file ${file.path} is missing or has the wrong size; stage the files first`);
      }
    }
  }
  const written = [...manifest.files];
  for (const [name, text2] of [
    [PACKAGE_MANIFEST_FILE, serializeManifest(manifest)],
    [PACKAGE_CARD_FILE, options.card]
  ]) {
    const bytes = Buffer.from(text2, "utf8");
    await writeOwnFile(stagingDir, name, bytes);
    written.push({ path: name, size: bytes.length, sha256: createHash2("sha256").update(bytes).digest("hex") });
  }
  const sha256sums = renderSha256Sums(written);
  const sumsBytes = Buffer.from(sha256sums, "utf8");
  await writeOwnFile(stagingDir, PACKAGE_SUMS_FILE, sumsBytes);
  written.push({
    path: PACKAGE_SUMS_FILE,
    size: sumsBytes.length,
    sha256: createHash2("sha256").update(sumsBytes).digest("hex")
  });
  const files = written.map((file) => ({ ...file, absolute: stagedPath(stagingDir, file.path) })).sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  return {
    dir: path4.resolve(stagingDir),
    files,
    totalSize: files.reduce((sum, file) => sum + file.size, 0),
    sha256sums
  };
}
async function writeOwnFile(stagingDir, name, bytes) {
  await fs4.promises.writeFile(path4.join(stagingDir, name), bytes, { flag: "wx" }).catch((thrown) => {
    if (thrown?.code !== "EEXIST") throw thrown;
    throw new UserError(
      `a model file takes the name of the package's own ${name} (the file system ignores case); move it into a folder or leave it out`
    );
  });
}

// packages/core/src/model-package/provenance-statement.ts
var IN_TOTO_STATEMENT_TYPE = "https://in-toto.io/Statement/v1";
var SLSA_PROVENANCE_TYPE = "https://slsa.dev/provenance/v1";
var PACKAGE_BUILD_TYPE = "urn:ml-actions:buildtype:model-package:v1";
function buildProvenanceStatement(options) {
  const { manifest, run: run2 } = options;
  const repositoryUrl = `${run2.serverUrl.replace(/\/+$/, "")}/${run2.repository}`;
  const workflowPath = run2.workflowPath ?? "";
  const subject = [
    ...manifest.files.map((file) => ({ name: file.path, digest: { sha256: file.sha256 } })),
    { name: "manifest.json", digest: { sha256: options.manifestSha256 } }
  ];
  const resolvedDependencies = [
    { uri: `git+${repositoryUrl}@${run2.ref}`, digest: { gitCommit: run2.sha } }
  ];
  const record = options.record?.record;
  if (options.record !== void 0 && record !== void 0) {
    const training = record.provenance;
    resolvedDependencies.push({
      name: "run-record",
      digest: { sha256: options.record.sha256 },
      mediaType: "application/json",
      annotations: {
        runId: record.runId,
        experiment: record.experiment,
        commit: training.sha,
        workflowRun: `${training.serverUrl.replace(/\/+$/, "")}/${training.repository}/actions/runs/${training.workflowRunId}/attempts/${training.runAttempt}`,
        ...record.mlflow === void 0 ? {} : { mlflowRun: record.mlflow.url }
      }
    });
    for (const input of record.inputs) resolvedDependencies.push(dataDependency(input));
    const environment = record.environment;
    for (const lockfile of environment?.lockfiles ?? []) {
      resolvedDependencies.push({
        name: lockfile.path,
        digest: { sha256: lockfile.sha256 },
        annotations: { lockfile: true }
      });
    }
    for (const line of environment?.python?.packages ?? []) {
      const at = line.indexOf("==");
      if (at > 0)
        resolvedDependencies.push({ uri: `pkg:pypi/${line.slice(0, at).toLowerCase()}@${line.slice(at + 2)}` });
    }
  }
  return {
    _type: IN_TOTO_STATEMENT_TYPE,
    subject,
    predicateType: SLSA_PROVENANCE_TYPE,
    predicate: {
      buildDefinition: {
        buildType: PACKAGE_BUILD_TYPE,
        externalParameters: {
          workflow: { ref: run2.ref, repository: repositoryUrl, path: workflowPath },
          package: { name: manifest.name, version: manifest.version }
        },
        internalParameters: {
          github: {
            event_name: run2.event,
            ...run2.runnerEnvironment === void 0 ? {} : { runner_environment: run2.runnerEnvironment }
          },
          ...trainingEnvironment(record) === void 0 ? {} : { training_environment: trainingEnvironment(record) }
        },
        resolvedDependencies
      },
      runDetails: {
        builder: { id: `${repositoryUrl}/${workflowPath}@${run2.ref}` },
        metadata: {
          invocationId: `${repositoryUrl}/actions/runs/${run2.workflowRunId}/attempts/${run2.runAttempt}`,
          startedOn: run2.startedOn.toISOString(),
          finishedOn: run2.finishedOn.toISOString()
        },
        byproducts: []
      }
    }
  };
}
function trainingEnvironment(record) {
  const environment = record?.environment;
  if (environment === void 0) return void 0;
  const described = {
    ...environment.runner === void 0 ? {} : { runner: environment.runner },
    ...environment.python === void 0 ? {} : { python: environment.python.version },
    ...environment.gpus === void 0 ? {} : { gpus: environment.gpus }
  };
  return Object.keys(described).length === 0 ? void 0 : described;
}
function dataDependency(input) {
  return { name: input.path, digest: { sha256: input.sha256 }, annotations: { size: input.size } };
}
function serializeProvenanceStatement(statement) {
  return `${JSON.stringify(statement, null, 2)}
`;
}

// packages/core/src/model-package/tar-archive.ts
import fs5 from "node:fs";
var BLOCK = 512;
var USTAR_MAX_SIZE = 8 ** 11 - 1;
var USTAR_NAME_BYTES = 100;
function planTarArchive(files, mtimeSeconds) {
  const mtime = Math.max(0, Math.floor(mtimeSeconds));
  const segments = [];
  let offset = 0;
  const push = (data) => {
    if (data.length === 0) return;
    segments.push({ kind: "bytes", offset, data });
    offset += data.length;
  };
  const seen = /* @__PURE__ */ new Set();
  for (const file of files) {
    if (file.path === "" || file.path.startsWith("/") || file.path.split("/").includes("..")) {
      throw new Error(`not a relative archive path: ${JSON.stringify(file.path)}`);
    }
    if (seen.has(file.path)) throw new Error(`listed twice in the archive: ${file.path}`);
    seen.add(file.path);
    const size = "data" in file ? file.data.length : file.size;
    if (!Number.isSafeInteger(size) || size < 0) throw new Error(`bad size for ${file.path}: ${size}`);
    const nameBytes = Buffer.byteLength(file.path, "utf8");
    const paxPath = nameBytes > USTAR_NAME_BYTES || !/^[\x20-\x7e]*$/.test(file.path);
    const paxSize = size > USTAR_MAX_SIZE;
    if (paxPath || paxSize) {
      const records = paxRecord("path", file.path) + (paxSize ? paxRecord("size", String(size)) : "");
      const body = Buffer.from(records, "utf8");
      push(header({ name: "PaxHeaders/entry", size: body.length, mtime, type: "x" }));
      push(padded(body));
    }
    push(
      header({
        name: paxPath ? asciiStandIn(file.path) : file.path,
        size: paxSize ? 0 : size,
        mtime,
        type: "0"
      })
    );
    if ("data" in file) push(file.data);
    else segments.push({ kind: "file", offset, size, absolute: file.absolute, path: file.path });
    offset += "data" in file ? 0 : size;
    push(Buffer.alloc(padding(size)));
  }
  push(Buffer.alloc(2 * BLOCK));
  return { size: offset, segments };
}
function paxRecord(key, value) {
  const rest = ` ${key}=${value}
`;
  const restBytes = Buffer.byteLength(rest, "utf8");
  let length = restBytes + 1;
  while (String(length).length + restBytes !== length) length = String(length).length + restBytes;
  return `${length}${rest}`;
}
function asciiStandIn(path6) {
  return path6.replace(/[^\x20-\x7e]/g, "_").slice(-USTAR_NAME_BYTES);
}
function padding(size) {
  return (BLOCK - size % BLOCK) % BLOCK;
}
function padded(data) {
  return Buffer.concat([data, Buffer.alloc(padding(data.length))]);
}
function header(entry) {
  const block = Buffer.alloc(BLOCK);
  block.write(entry.name, 0, USTAR_NAME_BYTES, "utf8");
  octal(block, 100, 8, 420);
  octal(block, 108, 8, 0);
  octal(block, 116, 8, 0);
  octal(block, 124, 12, entry.size);
  octal(block, 136, 12, entry.mtime);
  block.fill(32, 148, 156);
  block.write(entry.type, 156, 1, "ascii");
  block.write("ustar\x0000", 257, 8, "ascii");
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, "0")}\0 `, 148, 8, "ascii");
  return block;
}
function octal(block, offset, width, value) {
  const digits = value.toString(8);
  if (digits.length > width - 1) throw new Error(`${value} does not fit a ${width}-byte tar field`);
  block.write(`${digits.padStart(width - 1, "0")}\0`, offset, width, "ascii");
}
function splitIntoParts(size, partSize) {
  if (!Number.isSafeInteger(partSize) || partSize < 1) throw new Error(`bad part size: ${partSize}`);
  const parts = [];
  for (let offset = 0, index = 0; offset < size; offset += partSize, index += 1) {
    parts.push({ index, offset, size: Math.min(partSize, size - offset) });
  }
  return parts;
}
var READ_CHUNK = 1024 * 1024;
async function* readTarRange(plan, start, end) {
  if (start < 0 || end > plan.size || start > end) throw new Error(`range ${start}-${end} is outside the archive`);
  for (const segment of plan.segments) {
    const length = segment.kind === "bytes" ? segment.data.length : segment.size;
    const from = Math.max(start, segment.offset);
    const to = Math.min(end, segment.offset + length);
    if (from >= to) continue;
    if (segment.kind === "bytes") {
      yield segment.data.subarray(from - segment.offset, to - segment.offset);
      continue;
    }
    const stats = await fs5.promises.stat(segment.absolute);
    if (stats.size !== segment.size) {
      throw new Error(
        `${segment.path} is ${stats.size} bytes now, ${segment.size} when it was packaged; package it again once nothing writes to it`
      );
    }
    const stream = fs5.createReadStream(segment.absolute, {
      start: from - segment.offset,
      end: to - segment.offset - 1,
      highWaterMark: READ_CHUNK
    });
    for await (const chunk of stream) yield chunk;
  }
}

// packages/core/src/model-package/release-archive.ts
var RELEASE_ASSET_LIMIT = 2 * 1024 ** 3 - 1;
var DEFAULT_RELEASE_PART_SIZE = 2 * 1024 ** 3 - 1024 ** 2;
var MAX_PARTS = 990;
function planReleaseArchive(options) {
  const root = `${options.name}-v${options.version}`;
  if (options.files.some((file) => file.path === PACKAGE_SUMS_FILE)) {
    throw new UserError(`a model file named ${PACKAGE_SUMS_FILE} at the top would collide with the archive's own`);
  }
  const sums = Buffer.from(renderSha256Sums(options.files), "utf8");
  const plan = planTarArchive(
    [
      ...options.files.map((file) => ({ path: `${root}/${file.path}`, size: file.size, absolute: file.absolute })),
      { path: `${root}/${PACKAGE_SUMS_FILE}`, data: sums }
    ],
    options.mtimeSeconds
  );
  const pieces = splitIntoParts(plan.size, options.partSize);
  if (pieces.length > MAX_PARTS) {
    throw new UserError(
      `the model archive (${plan.size} bytes) would need ${pieces.length} release assets of ${options.partSize} bytes; GitHub keeps at most 1,000 per release: raise input "release-part-size"`
    );
  }
  const base = options.downloadBase.replace(/\/+$/, "");
  const parts = pieces.map((piece) => {
    const name = pieces.length === 1 ? `${root}.tar` : `${root}.tar.${String(piece.index + 1).padStart(3, "0")}`;
    return { name, url: `${base}/${encodeURIComponent(name)}`, offset: piece.offset, size: piece.size };
  });
  return { archive: { format: "tar", root, size: plan.size, parts }, plan };
}

// packages/core/src/params/read-params-file.ts
var MAX_PARAMS_FILE_BYTES = 1024 * 1024;

// packages/core/src/params/credential-redaction.ts
var VALUE2 = String.raw`(?:"(?:[^"\\]|\\.)*"|'[^']*'|[^\s'"]+)`;
var FLAG = new RegExp(String.raw`(^|\s)(--?)([A-Za-z0-9][\w.-]*)(=|\s+(?!-))(${VALUE2})`, "g");
var ASSIGNMENT = new RegExp(String.raw`(^|[\s;&|(])([A-Za-z_][\w.]*)=(${VALUE2})`, "g");

// packages/core/src/record/record-name.ts
var RUN_RECORD_FILE_NAME = /^run-record[A-Za-z0-9._-]*\.json$/;
function isRunRecordFileName(name) {
  return RUN_RECORD_FILE_NAME.test(name);
}

// packages/core/src/record/run-record-size.ts
var MAX_RUN_RECORD_BYTES = 10 * 1024 * 1024;

// packages/core/src/report/markdown-table.ts
var DELIMITER = { left: ":--", right: "--:", center: ":-:" };
function tableHeader(columns) {
  const titles = columns.map((column) => column.title);
  const delimiters = columns.map((column) => DELIMITER[column.align ?? "left"]);
  return `${tableRow(titles)}
${tableRow(delimiters)}`;
}
function tableRow(cells) {
  return `| ${cells.join(" | ")} |`;
}

// packages/core/src/report/learning-curve.ts
var SIDE_TABLE = tableHeader([
  { title: "Line", align: "center" },
  { title: "Series" },
  { title: "Steps", align: "right" },
  { title: "First", align: "right" },
  { title: "Min", align: "right" },
  { title: "Max", align: "right" },
  { title: "Last", align: "right" }
]);

// packages/core/src/report/render-comparison.ts
var MAX_SUMMARY_BYTES = 1024 * 1024;

// packages/core/src/text/url-secrets.ts
var URL_IN_TEXT = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>`]+/gi;
var URL_PARTS = /^([a-z][a-z0-9+.-]*:\/\/)(?:[^/?#]*@)?([^?#]*)([?#].*)?$/is;
function withoutUrlSecrets(text2) {
  return text2.replace(URL_IN_TEXT, (url) => {
    const parts = URL_PARTS.exec(url);
    if (parts === null) return url;
    const [, scheme = "", rest = "", query] = parts;
    return `${scheme}${rest}${query === void 0 ? "" : "?***"}`;
  });
}

// packages/core/src/text/one-line.ts
function oneLine(text2) {
  return text2.replace(/\s+/g, " ").trim();
}

// packages/github/src/action-context.ts
function readActionContext(env = process.env) {
  const repository = env["GITHUB_REPOSITORY"] ?? "";
  const [owner = "", repo = ""] = repository.split("/");
  const eventName = env["GITHUB_EVENT_NAME"] ?? "";
  const payload = readPayload(env, eventName);
  const pull = asRecord(payload["pull_request"]);
  const group = eventName === "merge_group" ? asRecord(payload["merge_group"]) : void 0;
  const ref = env["GITHUB_REF"] ?? "";
  const headRepo = asRecord(asRecord(pull?.["head"])?.["repo"]);
  const baseRepo = asRecord(asRecord(pull?.["base"])?.["repo"]);
  const groupBase = asString(group?.["base_ref"])?.replace(/^refs\/heads\//, "");
  return {
    owner,
    repo,
    repository,
    serverUrl: env["GITHUB_SERVER_URL"] ?? "https://github.com",
    apiUrl: env["GITHUB_API_URL"] ?? "https://api.github.com",
    eventName,
    sha: env["GITHUB_SHA"] ?? "",
    ref,
    branch: env["GITHUB_HEAD_REF"] || ref.replace(/^refs\/(heads|tags)\//, ""),
    baseRef: env["GITHUB_BASE_REF"] || asString(asRecord(pull?.["base"])?.["ref"]) || groupBase,
    baseSha: asString(asRecord(pull?.["base"])?.["sha"]) ?? asString(group?.["base_sha"]),
    pullRequest: typeof pull?.["number"] === "number" ? pull["number"] : void 0,
    headSha: asString(asRecord(pull?.["head"])?.["sha"]) ?? asString(group?.["head_sha"]),
    fromFork: headRepo !== void 0 && baseRepo !== void 0 && headRepo["full_name"] !== baseRepo["full_name"],
    before: asString(payload["before"]),
    workflow: env["GITHUB_WORKFLOW"] ?? "",
    workflowPath: /^[^/]+\/[^/]+\/(.+?)@/.exec(env["GITHUB_WORKFLOW_REF"] ?? "")?.[1],
    runId: Number(env["GITHUB_RUN_ID"] ?? 0),
    runAttempt: Number(env["GITHUB_RUN_ATTEMPT"] ?? 1),
    runNumber: Number(env["GITHUB_RUN_NUMBER"] ?? 0),
    job: env["GITHUB_JOB"] ?? "",
    runnerOs: env["RUNNER_OS"] ?? "",
    runnerEnvironment: env["RUNNER_ENVIRONMENT"] || void 0,
    workspace: env["GITHUB_WORKSPACE"] ?? process.cwd(),
    temp: env["RUNNER_TEMP"] || void 0,
    payload
  };
}
var PULL_REQUEST_FIELDS = [
  "pull_request.number:number",
  "pull_request.head.sha",
  "pull_request.base.ref",
  "pull_request.base.sha"
];
var REQUIRED_FIELDS = {
  push: ["ref", "after"],
  pull_request: PULL_REQUEST_FIELDS,
  pull_request_target: PULL_REQUEST_FIELDS,
  merge_group: ["merge_group.head_sha", "merge_group.base_sha", "merge_group.base_ref"],
  workflow_run: ["workflow_run.id:number", "workflow_run.head_sha"]
};
function readPayload(env, eventName) {
  const path6 = env["GITHUB_EVENT_PATH"] ?? "";
  if (path6 === "") {
    if (env["GITHUB_ACTIONS"] === "true") {
      throw new UserError("GITHUB_EVENT_PATH is not set: the runner gives every step its event payload");
    }
    return {};
  }
  const where = `the event payload ${path6} (GITHUB_EVENT_PATH)`;
  let text2;
  try {
    text2 = readFileSync(path6, "utf8");
  } catch (thrown) {
    const code = thrown?.code;
    throw new UserError(`${where} cannot be read${typeof code === "string" ? ` (${code})` : ""}`, { file: path6 });
  }
  let parsed;
  try {
    parsed = JSON.parse(text2);
  } catch {
    throw new UserError(`${where} is not valid JSON`, { file: path6 });
  }
  const payload = asRecord(parsed);
  if (payload === void 0) throw new UserError(`${where} is not a JSON object`, { file: path6 });
  for (const field2 of REQUIRED_FIELDS[eventName] ?? []) {
    const [dotted = "", type = "string"] = field2.split(":");
    let value = payload;
    for (const part of dotted.split(".")) value = asRecord(value)?.[part];
    const present = type === "number" ? typeof value === "number" : typeof value === "string" && value !== "";
    if (!present) {
      throw new UserError(`${where} is not a ${eventName} event: it has no ${type} ${dotted}`, { file: path6 });
    }
  }
  return payload;
}
function asRecord(value) {
  return isPlainObject(value) ? value : void 0;
}
function asString(value) {
  return typeof value === "string" && value !== "" ? value : void 0;
}

// packages/github/src/incomplete-answer.ts
var IncompleteAnswerError = class extends Error {
  status = 502;
  request;
  response;
  constructor(method, url, request, response) {
    super(`GitHub's answer to ${method} ${new URL(url, "http://github.invalid").pathname} was cut off or is not JSON`);
    this.name = "HttpError";
    this.request = request;
    this.response = response;
  }
};
function refuseIncompleteAnswers(octokit) {
  octokit.hook.wrap("request", async (request, options) => {
    const response = await request(options);
    const type = String(response.headers["content-type"] ?? "");
    if (/\bjson\b/i.test(type) && typeof response.data === "string") {
      const request2 = { ...options, request: { ...options.request } };
      throw new IncompleteAnswerError(String(options.method), response.url, request2, response);
    }
    return response;
  });
}

// packages/github/src/wait.ts
function wait(ms) {
  return new Promise((resolve2) => {
    setTimeout(resolve2, ms);
  });
}

// packages/github/src/write-pacing.ts
var WRITE_SPACING_MS = 1e3;
var WRITE_METHODS = /* @__PURE__ */ new Set(["POST", "PATCH", "PUT", "DELETE"]);
function writePacing(octokit, options) {
  const pacing = options.writePacing;
  if (pacing === void 0 || pacing.spacingMs <= 0) return;
  const now = pacing.now ?? Date.now;
  const wait2 = pacing.wait ?? wait;
  let lastStart = Number.NEGATIVE_INFINITY;
  let queue = Promise.resolve();
  octokit.hook.wrap("request", async (request, endpoint) => {
    if (!WRITE_METHODS.has(endpoint.method.toUpperCase())) return request(endpoint);
    const turn = queue.then(async () => {
      const due = lastStart + pacing.spacingMs - now();
      if (due > 0) await wait2(due);
      lastStart = now();
    });
    queue = turn;
    await turn;
    return request(endpoint);
  });
}

// packages/github/src/github-client.ts
async function loadClientClass() {
  const [{ Octokit }, { paginateRest }, { retry }, { throttling }] = await Promise.all([
    import("./chunk-ZGWWXJEX.js"),
    import("./chunk-D4YGP6RX.js"),
    import("./chunk-5MYQJSSY.js"),
    import("./chunk-7ZUFNLZX.js")
  ]);
  return Octokit.plugin(refuseIncompleteAnswers, paginateRest, retry, throttling, writePacing);
}
var UNPACED = {
  key: () => ({ schedule: (_options, job) => job() })
};
var RETRY_WAIT_SCALE_VARIABLE = "ML_ACTIONS_RETRY_WAIT_SCALE";
function retryWaitScale(env = process.env) {
  const text2 = env[RETRY_WAIT_SCALE_VARIABLE]?.trim() ?? "";
  if (text2 === "") return 1;
  const scale = Number(text2);
  if (!(Number.isFinite(scale) && scale > 0 && scale <= 1)) {
    throw new UserError(`${RETRY_WAIT_SCALE_VARIABLE} must be a number in (0, 1], got "${text2}"`);
  }
  return scale;
}
async function createGitHubClient(options) {
  const ClientClass = await loadClientClass();
  const retries = options.retries ?? 3;
  const scale = options.waitScale ?? retryWaitScale(options.env);
  const log = options.log;
  const waitOut = (limit, retryAfter, retryCount) => {
    if (retryCount >= retries) return false;
    log.warn(`GitHub ${limit} hit; retrying after ${retryAfter} s (attempt ${retryCount + 1} of ${retries})`);
    return true;
  };
  return new ClientClass({
    auth: options.token,
    baseUrl: options.apiUrl,
    userAgent: "ml-actions",
    log: {
      debug: (message) => log.debug(message),
      info: (message) => log.debug(message),
      warn: (message) => log.warn(message),
      error: (message) => log.warn(message)
    },
    retry: {
      retries,
      retryAfterBaseValue: Math.max(1, Math.round(1e3 * scale)),
      // The plugin's default list plus 429: rate limits are the throttling plugin's, which honours Retry-After.
      doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451]
    },
    writePacing: { spacingMs: Math.round(WRITE_SPACING_MS * scale) },
    throttle: {
      write: UNPACED,
      notifications: UNPACED,
      // Retry-After and rate-limit resets are in seconds; the scale shortens them only in tests.
      retryAfterBaseValue: Math.max(1, Math.round(1e3 * scale)),
      // Bottleneck clustering is not needed for one short-lived step; it only adds start-up cost.
      onRateLimit: (retryAfter, _options, _octokit, retryCount) => waitOut("rate limit", retryAfter, retryCount),
      onSecondaryRateLimit: (retryAfter, _options, _octokit, retryCount) => waitOut("secondary rate limit", retryAfter, retryCount),
      fallbackSecondaryRateRetryAfter: 60
    }
  });
}

// packages/github/src/action-inputs.ts
var ActionInputs = class {
  runner;
  constructor(runner) {
    this.runner = runner;
  }
  /**
   * A variable of the step's environment, trimmed; blank reads as undefined. For settings whose
   * tools take them from the environment (MLFLOW_TRACKING_URI), which an input default cannot name.
   */
  environment(name) {
    const value = this.runner.env?.[name]?.trim() ?? "";
    return value === "" ? void 0 : value;
  }
  /**
   * The factor the step's retry waits are scaled by (ML_ACTIONS_RETRY_WAIT_SCALE, as `retryWaitScale`
   * reads it), for clients other than the GitHub one that wait the same way.
   */
  retryWaitScale() {
    return retryWaitScale(this.runner.env ?? {});
  }
  /** Masks a value (a token from the environment) in every later log line. */
  mask(value) {
    this.runner.setSecret(value);
  }
  /** The input trimmed; blank reads as undefined. */
  optional(name) {
    const value = this.runner.input(name).trim();
    return value === "" ? void 0 : value;
  }
  /** The input trimmed; missing or blank is a user error. */
  required(name) {
    const value = this.optional(name);
    if (value === void 0) throw new UserError(`input "${name}" is required`);
    return value;
  }
  /** A boolean as YAML 1.2's core schema writes it (true/True/TRUE/false/False/FALSE); anything else is refused. */
  boolean(name) {
    const value = this.optional(name) ?? "";
    if (["true", "True", "TRUE"].includes(value)) return true;
    if (["false", "False", "FALSE"].includes(value)) return false;
    throw new UserError(
      `input "${name}" must be true or false, got ${value === "" ? "an empty value" : JSON.stringify(value)}`
    );
  }
  /** Non-empty, trimmed lines of a multi-line input; `#` comment lines are dropped. */
  list(name) {
    return this.runner.input(name).split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== "" && !line.startsWith("#"));
  }
  /** One of a fixed set of words. */
  choice(name, choices) {
    const value = this.optional(name) ?? "";
    if (choices.includes(value)) return value;
    throw new UserError(`input "${name}" must be one of ${choices.join(", ")}, got ${JSON.stringify(value)}`);
  }
  /** An integer within bounds. */
  integer(name, bounds) {
    const value = this.optional(name) ?? "";
    if (!/^-?\d+$/.test(value)) {
      throw new UserError(`input "${name}" must be an integer, got ${value === "" ? "an empty value" : `"${value}"`}`);
    }
    const parsed = Number(value);
    if (parsed < bounds.min || parsed > bounds.max) {
      throw new UserError(`input "${name}" must be between ${bounds.min} and ${bounds.max}, got ${parsed}`);
    }
    return parsed;
  }
  /** A decimal number strictly between 0 and 1, such as a significance level (0.05, 5e-2). */
  fraction(name) {
    const value = this.optional(name) ?? "";
    const parsed = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/.test(value) ? Number(value) : Number.NaN;
    if (!(parsed > 0 && parsed < 1)) {
      const got = value === "" ? "an empty value" : `"${value}"`;
      throw new UserError(`input "${name}" must be a number between 0 and 1, both excluded (such as 0.05), got ${got}`);
    }
    return parsed;
  }
  /** An integer within bounds, or undefined when blank. */
  optionalInteger(name, bounds) {
    return this.optional(name) === void 0 ? void 0 : this.integer(name, bounds);
  }
  /** An http(s) address, or undefined when blank. */
  optionalUrl(name) {
    const value = this.optional(name);
    if (value === void 0) return void 0;
    if (safeUrl(value) === void 0) {
      throw new UserError(`input "${name}" must be an http(s) address, got ${JSON.stringify(value)}`);
    }
    return value;
  }
  /** A token, masked in the log before anything else can print it; undefined when blank. */
  secret(name) {
    const value = this.optional(name);
    if (value !== void 0) this.runner.setSecret(value);
    return value;
  }
};

// packages/github/src/github-failure.ts
function describeGitHubFailure(thrown) {
  if (typeof thrown !== "object" || thrown === null) return void 0;
  const { status, message, request, response } = thrown;
  if (typeof status !== "number" || typeof request?.method !== "string" || typeof request.url !== "string") {
    return void 0;
  }
  const call = `${request.method} ${pathOf(request.url)}`;
  const retryCount = request.request?.retryCount;
  const after = status >= 500 && typeof retryCount === "number" && retryCount > 0 ? `, after ${retryCount} retries` : "";
  if (thrown instanceof IncompleteAnswerError) return `${thrown.message}${after}`;
  const text2 = safeLine(typeof message === "string" ? message : "");
  if (response === void 0) return `the connection to GitHub failed during ${call} (${text2})${after}`;
  const data = response.data;
  const reason = safeLine(typeof data?.message === "string" ? data.message : text2);
  const answered = `GitHub answered ${status}${reason === "" ? "" : ` (${reason})`} to ${call}${after}`;
  const permission = missingPermission(thrown);
  if (permission === void 0) return answered;
  return `${answered}: the job's token lacks ${permission}; add it to the job's \`permissions\``;
}
function pathOf(url) {
  try {
    return decodeURIComponent(new URL(url, "http://github.invalid").pathname);
  } catch {
    return url.replace(/[?#].*$/, "");
  }
}
function safeLine(text2) {
  return withoutUrlSecrets(oneLine(text2));
}
function isPermissionRefusal(thrown) {
  if (typeof thrown !== "object" || thrown === null) return false;
  const { status, message, response } = thrown;
  if (status !== 403) return false;
  const remaining = response?.headers?.["x-ratelimit-remaining"];
  if (remaining === "0" || remaining === 0) return false;
  const data = response?.data;
  const said = [message, data?.message].filter((text2) => typeof text2 === "string").join(" ");
  return !/rate limit/i.test(said);
}
function missingPermission(thrown) {
  if (!isPermissionRefusal(thrown)) return void 0;
  const { request, response } = thrown;
  const accepted = response?.headers?.["x-accepted-github-permissions"];
  if (typeof accepted === "string" && accepted.trim() !== "") {
    const sets = accepted.split(";").map(
      (set) => set.split(",").map((pair) => pair.trim().split("=")).filter((pair) => pair.length === 2 && pair[0] !== "" && pair[1] !== "").map(([name, access2]) => `${name.replace(/_/g, "-")}: ${access2}`).join(" and ")
    ).filter((set) => set !== "");
    if (sets.length > 0) return printableHeader(sets.join(" or "));
  }
  const path6 = typeof request?.url === "string" ? pathOf(request.url) : "";
  return KNOWN_PERMISSIONS.find(([pattern]) => pattern.test(path6))?.[1];
}
var KNOWN_PERMISSIONS = [
  [/\/check-runs(\/|$)/, "checks: write"],
  // Comments on a pull request go through the issues endpoint, which takes either permission.
  [/\/issues\/(\d+\/comments|comments\/)/, "pull-requests: write (or issues: write)"],
  [/\/(git\/refs|git\/tags|releases)(\/|$)/, "contents: write"],
  [/\/actions\/artifacts(\/|$)/, "actions: write"]
];
function printableHeader(text2) {
  return safeLine(text2).replace(/[^\w ,:;=()-]/g, "").slice(0, 200);
}

// node_modules/@actions/core/lib/command.js
import * as os from "os";

// node_modules/@actions/core/lib/utils.js
function toCommandValue(input) {
  if (input === null || input === void 0) {
    return "";
  } else if (typeof input === "string" || input instanceof String) {
    return input;
  }
  return JSON.stringify(input);
}
function toCommandProperties(annotationProperties) {
  if (!Object.keys(annotationProperties).length) {
    return {};
  }
  return {
    title: annotationProperties.title,
    file: annotationProperties.file,
    line: annotationProperties.startLine,
    endLine: annotationProperties.endLine,
    col: annotationProperties.startColumn,
    endColumn: annotationProperties.endColumn
  };
}

// node_modules/@actions/core/lib/command.js
function issueCommand(command, properties, message) {
  const cmd = new Command(command, properties, message);
  process.stdout.write(cmd.toString() + os.EOL);
}
function issue(name, message = "") {
  issueCommand(name, {}, message);
}
var CMD_STRING = "::";
var Command = class {
  constructor(command, properties, message) {
    if (!command) {
      command = "missing.command";
    }
    this.command = command;
    this.properties = properties;
    this.message = message;
  }
  toString() {
    let cmdStr = CMD_STRING + this.command;
    if (this.properties && Object.keys(this.properties).length > 0) {
      cmdStr += " ";
      let first = true;
      for (const key in this.properties) {
        if (this.properties.hasOwnProperty(key)) {
          const val = this.properties[key];
          if (val) {
            if (first) {
              first = false;
            } else {
              cmdStr += ",";
            }
            cmdStr += `${key}=${escapeProperty(val)}`;
          }
        }
      }
    }
    cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
    return cmdStr;
  }
};
function escapeData(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A").replace(/:/g, "%3A").replace(/,/g, "%2C");
}

// node_modules/@actions/core/lib/file-command.js
import * as crypto from "crypto";
import * as fs6 from "fs";
import * as os2 from "os";
function issueFileCommand(command, message) {
  const filePath = process.env[`GITHUB_${command}`];
  if (!filePath) {
    throw new Error(`Unable to find environment variable for file command ${command}`);
  }
  if (!fs6.existsSync(filePath)) {
    throw new Error(`Missing file at path: ${filePath}`);
  }
  fs6.appendFileSync(filePath, `${toCommandValue(message)}${os2.EOL}`, {
    encoding: "utf8"
  });
}
function prepareKeyValueMessage(key, value) {
  const delimiter = `ghadelimiter_${crypto.randomUUID()}`;
  const convertedValue = toCommandValue(value);
  if (key.includes(delimiter)) {
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
  }
  if (convertedValue.includes(delimiter)) {
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
  }
  return `${key}<<${delimiter}${os2.EOL}${convertedValue}${os2.EOL}${delimiter}`;
}

// node_modules/@actions/core/lib/core.js
import * as os4 from "os";

// node_modules/@actions/core/lib/summary.js
import { EOL as EOL3 } from "os";
import { constants as constants2, promises } from "fs";
var __awaiter = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve2) {
      resolve2(value);
    });
  }
  return new (P || (P = Promise))(function(resolve2, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve2(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var { access, appendFile, writeFile } = promises;
var SUMMARY_ENV_VAR = "GITHUB_STEP_SUMMARY";
var Summary = class {
  constructor() {
    this._buffer = "";
  }
  /**
   * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
   * Also checks r/w permissions.
   *
   * @returns step summary file path
   */
  filePath() {
    return __awaiter(this, void 0, void 0, function* () {
      if (this._filePath) {
        return this._filePath;
      }
      const pathFromEnv = process.env[SUMMARY_ENV_VAR];
      if (!pathFromEnv) {
        throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
      }
      try {
        yield access(pathFromEnv, constants2.R_OK | constants2.W_OK);
      } catch (_a) {
        throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
      }
      this._filePath = pathFromEnv;
      return this._filePath;
    });
  }
  /**
   * Wraps content in an HTML tag, adding any HTML attributes
   *
   * @param {string} tag HTML tag to wrap
   * @param {string | null} content content within the tag
   * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
   *
   * @returns {string} content wrapped in HTML element
   */
  wrap(tag, content, attrs = {}) {
    const htmlAttrs = Object.entries(attrs).map(([key, value]) => ` ${key}="${value}"`).join("");
    if (!content) {
      return `<${tag}${htmlAttrs}>`;
    }
    return `<${tag}${htmlAttrs}>${content}</${tag}>`;
  }
  /**
   * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
   *
   * @param {SummaryWriteOptions} [options] (optional) options for write operation
   *
   * @returns {Promise<Summary>} summary instance
   */
  write(options) {
    return __awaiter(this, void 0, void 0, function* () {
      const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
      const filePath = yield this.filePath();
      const writeFunc = overwrite ? writeFile : appendFile;
      yield writeFunc(filePath, this._buffer, { encoding: "utf8" });
      return this.emptyBuffer();
    });
  }
  /**
   * Clears the summary buffer and wipes the summary file
   *
   * @returns {Summary} summary instance
   */
  clear() {
    return __awaiter(this, void 0, void 0, function* () {
      return this.emptyBuffer().write({ overwrite: true });
    });
  }
  /**
   * Returns the current summary buffer as a string
   *
   * @returns {string} string of summary buffer
   */
  stringify() {
    return this._buffer;
  }
  /**
   * If the summary buffer is empty
   *
   * @returns {boolen} true if the buffer is empty
   */
  isEmptyBuffer() {
    return this._buffer.length === 0;
  }
  /**
   * Resets the summary buffer without writing to summary file
   *
   * @returns {Summary} summary instance
   */
  emptyBuffer() {
    this._buffer = "";
    return this;
  }
  /**
   * Adds raw text to the summary buffer
   *
   * @param {string} text content to add
   * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
   *
   * @returns {Summary} summary instance
   */
  addRaw(text2, addEOL = false) {
    this._buffer += text2;
    return addEOL ? this.addEOL() : this;
  }
  /**
   * Adds the operating system-specific end-of-line marker to the buffer
   *
   * @returns {Summary} summary instance
   */
  addEOL() {
    return this.addRaw(EOL3);
  }
  /**
   * Adds an HTML codeblock to the summary buffer
   *
   * @param {string} code content to render within fenced code block
   * @param {string} lang (optional) language to syntax highlight code
   *
   * @returns {Summary} summary instance
   */
  addCodeBlock(code, lang) {
    const attrs = Object.assign({}, lang && { lang });
    const element = this.wrap("pre", this.wrap("code", code), attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML list to the summary buffer
   *
   * @param {string[]} items list of items to render
   * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
   *
   * @returns {Summary} summary instance
   */
  addList(items, ordered = false) {
    const tag = ordered ? "ol" : "ul";
    const listItems = items.map((item) => this.wrap("li", item)).join("");
    const element = this.wrap(tag, listItems);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML table to the summary buffer
   *
   * @param {SummaryTableCell[]} rows table rows
   *
   * @returns {Summary} summary instance
   */
  addTable(rows) {
    const tableBody = rows.map((row) => {
      const cells = row.map((cell) => {
        if (typeof cell === "string") {
          return this.wrap("td", cell);
        }
        const { header: header2, data, colspan, rowspan } = cell;
        const tag = header2 ? "th" : "td";
        const attrs = Object.assign(Object.assign({}, colspan && { colspan }), rowspan && { rowspan });
        return this.wrap(tag, data, attrs);
      }).join("");
      return this.wrap("tr", cells);
    }).join("");
    const element = this.wrap("table", tableBody);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds a collapsable HTML details element to the summary buffer
   *
   * @param {string} label text for the closed state
   * @param {string} content collapsable content
   *
   * @returns {Summary} summary instance
   */
  addDetails(label, content) {
    const element = this.wrap("details", this.wrap("summary", label) + content);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML image tag to the summary buffer
   *
   * @param {string} src path to the image you to embed
   * @param {string} alt text description of the image
   * @param {SummaryImageOptions} options (optional) addition image attributes
   *
   * @returns {Summary} summary instance
   */
  addImage(src, alt, options) {
    const { width, height } = options || {};
    const attrs = Object.assign(Object.assign({}, width && { width }), height && { height });
    const element = this.wrap("img", null, Object.assign({ src, alt }, attrs));
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML section heading element
   *
   * @param {string} text heading text
   * @param {number | string} [level=1] (optional) the heading level, default: 1
   *
   * @returns {Summary} summary instance
   */
  addHeading(text2, level) {
    const tag = `h${level}`;
    const allowedTag = ["h1", "h2", "h3", "h4", "h5", "h6"].includes(tag) ? tag : "h1";
    const element = this.wrap(allowedTag, text2);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML thematic break (<hr>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addSeparator() {
    const element = this.wrap("hr", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML line break (<br>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addBreak() {
    const element = this.wrap("br", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML blockquote to the summary buffer
   *
   * @param {string} text quote text
   * @param {string} cite (optional) citation url
   *
   * @returns {Summary} summary instance
   */
  addQuote(text2, cite) {
    const attrs = Object.assign({}, cite && { cite });
    const element = this.wrap("blockquote", text2, attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML anchor tag to the summary buffer
   *
   * @param {string} text link text/content
   * @param {string} href hyperlink
   *
   * @returns {Summary} summary instance
   */
  addLink(text2, href) {
    const element = this.wrap("a", text2, { href });
    return this.addRaw(element).addEOL();
  }
};
var _summary = new Summary();
var summary = _summary;

// node_modules/@actions/core/lib/platform.js
import os3 from "os";

// node_modules/@actions/io/lib/io-util.js
import * as fs7 from "fs";
var { chmod, copyFile, lstat, mkdir, open: open2, readdir, rename, rm, rmdir, stat, symlink, unlink } = fs7.promises;
var IS_WINDOWS = process.platform === "win32";
var READONLY = fs7.constants.O_RDONLY;

// node_modules/@actions/exec/lib/toolrunner.js
var IS_WINDOWS2 = process.platform === "win32";

// node_modules/@actions/core/lib/platform.js
var platform = os3.platform();
var arch = os3.arch();

// node_modules/@actions/core/lib/core.js
var ExitCode;
(function(ExitCode2) {
  ExitCode2[ExitCode2["Success"] = 0] = "Success";
  ExitCode2[ExitCode2["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
function setSecret(secret) {
  issueCommand("add-mask", {}, secret);
}
function getInput(name, options) {
  const val = process.env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] || "";
  if (options && options.required && !val) {
    throw new Error(`Input required and not supplied: ${name}`);
  }
  if (options && options.trimWhitespace === false) {
    return val;
  }
  return val.trim();
}
function setOutput(name, value) {
  const filePath = process.env["GITHUB_OUTPUT"] || "";
  if (filePath) {
    return issueFileCommand("OUTPUT", prepareKeyValueMessage(name, value));
  }
  process.stdout.write(os4.EOL);
  issueCommand("set-output", { name }, toCommandValue(value));
}
function debug(message) {
  issueCommand("debug", {}, message);
}
function error(message, properties = {}) {
  issueCommand("error", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function warning(message, properties = {}) {
  issueCommand("warning", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function notice(message, properties = {}) {
  issueCommand("notice", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function info(message) {
  process.stdout.write(message + os4.EOL);
}
function startGroup(name) {
  issue("group", name);
}
function endGroup() {
  issue("endgroup");
}

// packages/github/src/artifact-client.ts
async function loadArtifactClient() {
  const { DefaultArtifactClient } = await import("./artifact.js");
  return new DefaultArtifactClient();
}

// packages/github/src/runner.ts
function actionsRunner() {
  return {
    input: (name) => getInput(name),
    setSecret: (value) => setSecret(value),
    setOutput: (name, value) => setOutput(name, value),
    writeSummary: async (markdown) => {
      await summary.addRaw(markdown, true).write();
    },
    print: (text2) => info(text2),
    debug: (text2) => debug(text2),
    annotate: (level, message, place) => {
      const properties = {};
      if (place.title !== void 0) properties.title = place.title;
      if (place.file !== void 0) properties.file = place.file;
      if (place.line !== void 0) properties.startLine = place.line;
      if (place.column !== void 0) properties.startColumn = place.column;
      if (level === "error") error(message, properties);
      else if (level === "warning") warning(message, properties);
      else notice(message, properties);
    },
    startGroup: (title) => startGroup(title),
    endGroup: () => endGroup(),
    artifactClient: loadArtifactClient,
    markFailed: () => {
      process.exitCode = ExitCode.Failure;
    },
    env: process.env
  };
}

// packages/github/src/step-log.ts
import { randomUUID as randomUUID2 } from "node:crypto";

// packages/github/src/printable.ts
var CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
function printable(text2) {
  return showHiddenCharacters(text2).replace(CONTROL, (char) => {
    const code = char.charCodeAt(0);
    if (code < 32) return String.fromCharCode(9216 + code);
    return code === 127 ? "\u2421" : "\uFFFD";
  });
}

// packages/github/src/step-log.ts
var ANNOTATIONS_PER_LEVEL = 10;
var COMMAND_LIKE = /^\s*::|##\[/m;
var StepLog = class {
  annotated = { error: 0, warning: 0, notice: 0 };
  unshown = { error: 0, warning: 0, notice: 0 };
  runner;
  constructor(runner) {
    this.runner = runner;
  }
  info(text2) {
    const shown = printable(text2);
    if (!COMMAND_LIKE.test(shown)) {
      this.runner.print(shown);
      return;
    }
    const token = `ml-actions-${randomUUID2()}`;
    this.runner.print(`::stop-commands::${token}`);
    this.runner.print(shown);
    this.runner.print(`::${token}::`);
  }
  debug(text2) {
    this.runner.debug(printable(text2));
  }
  notice(text2, place = {}) {
    this.annotate("notice", text2, place, false);
  }
  warning(text2, place = {}) {
    this.annotate("warning", text2, place, false);
  }
  error(text2, place = {}) {
    this.annotate("error", text2, place, false);
  }
  /** The error the step fails with: it always gets an annotation of its own. */
  failure(text2, place = {}) {
    this.annotate("error", text2, place, true);
  }
  async group(title, body) {
    this.runner.startGroup(printable(title).replace(/\n/g, " "));
    try {
      return await body();
    } finally {
      this.runner.endGroup();
    }
  }
  /** Logs how many problems were printed as plain lines rather than annotated, if any. */
  reportUnshown() {
    const parts = ["error", "warning", "notice"].filter((level) => this.unshown[level] > 0).map((level) => `${this.unshown[level]} more ${level}${this.unshown[level] === 1 ? "" : "s"}`);
    if (parts.length === 0) return;
    this.runner.print(
      `${parts.join(" and ")} in the log above, not annotated: GitHub shows ${ANNOTATIONS_PER_LEVEL} errors and ${ANNOTATIONS_PER_LEVEL} warnings of a step`
    );
  }
  annotate(level, text2, place, failure) {
    const room = level === "error" && !failure ? ANNOTATIONS_PER_LEVEL - 1 : ANNOTATIONS_PER_LEVEL;
    if (this.annotated[level] < room) {
      this.annotated[level] += 1;
      const shownPlace = place.title === void 0 ? place : { ...place, title: printable(place.title) };
      this.runner.annotate(level, printable(text2), shownPlace);
      return;
    }
    this.unshown[level] += 1;
    const where = place.file === void 0 ? "" : `${place.file}${place.line === void 0 ? "" : `:${place.line}`}: `;
    this.info(`${level}: ${where}${text2}`);
  }
};

// packages/github/src/action-step.ts
async function runStep(definition, body, runner = actionsRunner()) {
  const log = new StepLog(runner);
  const summary2 = [];
  let failure;
  try {
    const settings = definition.settings(new ActionInputs(runner));
    let context;
    let session;
    let artifacts;
    const step = {
      settings,
      log,
      get context() {
        context ??= readActionContext(runner.env);
        return context;
      },
      env: runner.env,
      setOutput: (name, value) => runner.setOutput(name, String(value)),
      addSummary: (markdown) => summary2.push(markdown),
      fail: (text2) => {
        const message = withoutUrlSecrets(text2);
        failure ??= { message, annotated: true };
        log.failure(message);
      },
      get failed() {
        return failure !== void 0;
      },
      github: () => {
        const token = definition.token?.(settings);
        if (token === void 0) return Promise.resolve(void 0);
        session ??= createGitHubClient({
          token,
          apiUrl: step.context.apiUrl,
          env: runner.env,
          log: { warn: (message) => log.warning(message), debug: (message) => log.debug(message) }
        }).then((client) => ({ token, client }));
        return session;
      },
      requireGitHub: async (purpose) => {
        const found = await step.github();
        if (found === void 0) throw new UserError(`input "github-token" is empty: ${purpose}`);
        return found;
      },
      artifacts: () => {
        artifacts ??= runner.artifactClient();
        return artifacts;
      }
    };
    await body(step);
  } catch (thrown) {
    const described = describeFailure(definition.name, thrown, log);
    failure = { ...described, message: withoutUrlSecrets(described.message) };
  }
  if (failure !== void 0) {
    summary2.push(failureAlert(failure.message));
  }
  try {
    if (summary2.length > 0) await runner.writeSummary(summary2.join("\n"));
  } catch (thrown) {
    log.warning(withoutUrlSecrets(`${definition.name}: could not write the job summary: ${errorMessage(thrown)}`));
  }
  if (failure !== void 0 && !failure.annotated) log.failure(failure.message);
  log.reportUnshown();
  if (failure !== void 0) runner.markFailed();
}
function exitWhenFlushed() {
  process.stdout.write("", () => process.exit());
}
function describeFailure(actionName, thrown, log) {
  if (thrown instanceof UserError) {
    (thrown instanceof UserErrors ? thrown.errors : [thrown]).forEach((error2, index) => {
      const place = { title: actionName };
      if (error2.file !== void 0) place.file = error2.file;
      if (error2.line !== void 0) place.line = error2.line;
      if (error2.column !== void 0) place.column = error2.column;
      const line = withoutUrlSecrets(error2.message.split("\n")[0] ?? error2.message);
      if (index === 0) log.failure(line, place);
      else log.error(line, place);
    });
    if (thrown.message.includes("\n")) log.info(withoutUrlSecrets(thrown.message));
    return { message: thrown.message, annotated: true };
  }
  const failedCall = describeGitHubFailure(thrown);
  if (failedCall !== void 0) return { message: `${actionName}: ${failedCall}`, annotated: false };
  if (thrown instanceof Error && thrown.stack !== void 0) log.debug(withoutUrlSecrets(thrown.stack));
  return { message: `${actionName} failed unexpectedly: ${errorMessage(thrown)}`, annotated: false };
}
function failureAlert(message) {
  return `
> [!CAUTION]
> ${message.split("\n").join("\n> ")}
`;
}

// packages/github/src/page-listing.ts
var PER_PAGE = 100;
async function readCountedPages(read, maxPages) {
  const first = await read(1);
  const pages = Math.ceil(first.total / PER_PAGE);
  const rest = await Promise.all(
    Array.from({ length: Math.max(0, Math.min(pages, maxPages) - 1) }, (_, index) => read(index + 2))
  );
  return { items: [first, ...rest].flatMap((page) => page.items), complete: pages <= maxPages };
}

// packages/github/src/earlier-attempt.ts
async function replaceEarlierAttempt(client, name, runAttempt, log) {
  if (runAttempt <= 1) return;
  try {
    await client.deleteArtifact(name);
    log.info(`the artifact ${name} of an earlier attempt of this run was deleted, to be replaced`);
  } catch (thrown) {
    if (thrown?.name !== "ArtifactNotFoundError") throw thrown;
  }
}

// packages/github/src/text-artifact.ts
var MAX_ARTIFACT_NAME = 200;
var NOT_IN_ARTIFACT_NAME = new RegExp(`["':<>|*?\\\\/\\p{Cc}\\p{Cs}]|(?!\\u200d)\\p{Cf}`, "gu");
var KEPT_OF_CHANGED_NAME = MAX_ARTIFACT_NAME - 13;
var DOWNLOAD_LIMITS = {
  maxEntries: 16,
  maxEntryBytes: MAX_TEXT_FILE_BYTES,
  maxTotalBytes: MAX_TEXT_FILE_BYTES
};
var MAX_ARCHIVE_BYTES = MAX_TEXT_FILE_BYTES;
var DOWNLOAD_ATTEMPTS = 3;
async function downloadArtifactFile(github, repository, location, fileName, maxBytes = DOWNLOAD_LIMITS.maxEntryBytes) {
  const answer = await github.request("GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}", {
    owner: repository.owner,
    repo: repository.repo,
    artifact_id: location.artifactId,
    archive_format: "zip",
    request: { redirect: "manual" }
  });
  const signedUrl = answer.headers.location;
  if (answer.status !== 302 || typeof signedUrl !== "string") {
    throw new Error(`GitHub answered ${answer.status} without a download URL for ${location.label}`);
  }
  const archive = await fetchArchive(signedUrl, location.label);
  const entry = readZipEntry(archive, fileName, { ...DOWNLOAD_LIMITS, maxEntryBytes: maxBytes }, location.label);
  return entry === void 0 ? void 0 : decodeTextBytes(entry.bytes, `${entry.name} of ${location.label}`);
}
async function fetchArchive(url, label) {
  for (let attempt = 1; ; attempt++) {
    try {
      const response = await fetch(url);
      if (response.status >= 500) throw new Error(`the storage service answered ${response.status}`);
      if (!response.ok || response.body === null) {
        throw new UserError(`${label} could not be downloaded: the storage service answered ${response.status}`);
      }
      const declared = Number(response.headers.get("content-length") ?? 0);
      if (declared > MAX_ARCHIVE_BYTES) throw tooLarge(label);
      const chunks = [];
      let size = 0;
      for await (const chunk of response.body) {
        size += chunk.byteLength;
        if (size > MAX_ARCHIVE_BYTES) throw tooLarge(label);
        chunks.push(chunk);
      }
      return Buffer.concat(chunks);
    } catch (thrown) {
      if (thrown instanceof UserError || attempt >= DOWNLOAD_ATTEMPTS) {
        if (thrown instanceof UserError) throw thrown;
        throw new Error(`${label} could not be downloaded: ${errorMessage(thrown)}`, { cause: thrown });
      }
      await wait(1e3 * attempt * retryWaitScale());
    }
  }
}
function tooLarge(label) {
  return new UserError(`${label} is larger than ${formatBytes(MAX_ARCHIVE_BYTES)} compressed; refused`);
}

// packages/github/src/run-record-artifact.ts
var RECORD_ARTIFACT_PREFIX = "ml-run-";
async function downloadRunRecord(github, repository, location) {
  const text2 = await downloadArtifactFile(github, repository, location, isRunRecordFileName, MAX_RUN_RECORD_BYTES);
  if (text2 === void 0) {
    throw new UserError(`${location.label} holds no run record file (run-record.json or run-record-*.json)`);
  }
  return parseRunRecord(text2, location.label);
}

// packages/github/src/record-artifacts.ts
function isRunRecordArtifact(name) {
  return name.startsWith(RECORD_ARTIFACT_PREFIX);
}
function newestAttempts(artifacts) {
  const newest = /* @__PURE__ */ new Map();
  for (const artifact of artifacts) {
    const kept = newest.get(artifact.name);
    if (kept === void 0 || isNewer(artifact, kept)) newest.set(artifact.name, artifact);
  }
  return [...newest.values()].sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : a.id - b.id);
}
function isNewer(a, b) {
  const [at, bt] = [a.created_at ?? "", b.created_at ?? ""];
  return at === bt ? a.id > b.id : at > bt;
}
function recordArtifactLabel(artifact, workflowRunId) {
  return `artifact "${artifact.name}" of workflow run ${workflowRunId}`;
}
var PARALLEL_DOWNLOADS = 8;
async function readRecordArtifacts(github, repository, artifacts, workflowRunId) {
  const reads = new Array(artifacts.length);
  let next = 0;
  const worker = async () => {
    while (next < artifacts.length) {
      const index = next++;
      const artifact = artifacts[index];
      const label = recordArtifactLabel(artifact, workflowRunId);
      try {
        const record = await downloadRunRecord(github, repository, { artifactId: artifact.id, workflowRunId, label });
        reads[index] = { artifact, record };
      } catch (thrown) {
        const why = describeGitHubFailure(thrown) ?? errorMessage(thrown);
        reads[index] = { artifact, reason: why.startsWith(label) ? why : `${label}: ${why}` };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_DOWNLOADS, artifacts.length) }, worker));
  return reads;
}

// packages/github/src/job-records.ts
import { lstat as lstat2, mkdir as mkdir2, readdir as readdir2, realpath, writeFile as writeFile2 } from "node:fs/promises";
import { tmpdir } from "node:os";
import { isAbsolute, join, resolve } from "node:path";
function jobRecordsFolder(job) {
  return join(job.temp ?? tmpdir(), "ml-actions", "run-records");
}
async function readJobRecords(job) {
  const folder = jobRecordsFolder(job);
  const names = await readdir2(folder).catch(() => []);
  const paths = names.filter((name) => name.endsWith(".json")).sort().map((name) => join(folder, name));
  return Promise.all(paths.map(async (path6) => parseRunRecord(await readRunRecordText(path6, path6), path6)));
}
async function readRunRecordFiles(patterns, job, input) {
  const { glob } = await import("node:fs/promises");
  const { workspace } = job;
  const roots = await Promise.all(
    [workspace, jobRecordsFolder(job)].map((folder) => realpath(folder).catch(() => folder))
  );
  const paths = [];
  for (const pattern of patterns) {
    const absolute = isAbsolute(pattern) ? pattern : resolve(workspace, pattern);
    const matches = [];
    if (isGlobPattern(pattern)) {
      for await (const match of glob(absolute)) matches.push(match);
    } else if (await lstat2(absolute).then(
      () => true,
      () => false
    )) {
      matches.push(absolute);
    }
    if (matches.length === 0) throw new UserError(`input "${input}": no run record matches ${pattern}`);
    for (const match of matches.sort()) {
      const real = await realpath(match);
      if (!roots.some((root) => isInsideFolder(root, real))) {
        throw new UserError(
          `input "${input}": ${JSON.stringify(pattern)} leads to ${real}, outside the workspace; only run records inside the repository, or written by train in this job, are read`
        );
      }
      paths.push(match);
    }
  }
  return Promise.all(paths.map(async (path6) => parseRunRecord(await readRunRecordText(path6, path6), path6)));
}
async function readRunRecordText(path6, displayName) {
  try {
    return await readTextFile(path6, displayName, { kind: "run records", maxBytes: MAX_RUN_RECORD_BYTES });
  } catch (thrown) {
    if (thrown instanceof UserError) throw thrown;
    throw new UserError(`cannot read the run record ${displayName}`, { file: displayName });
  }
}

// packages/github/src/model-releases.ts
import { createHash as createHash3 } from "node:crypto";

// packages/github/src/streaming-fetch.ts
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
var NO_BODY = /* @__PURE__ */ new Set([101, 103, 204, 205, 304]);
async function streamingFetch(input, init = {}) {
  const url = new URL(String(input));
  const headers = {};
  new Headers(init.headers).forEach((value, name) => {
    headers[name] = value;
  });
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  const outgoing = send(url, {
    method: init.method ?? "GET",
    headers,
    ...init.signal ? { signal: init.signal } : {}
  });
  const answered = new Promise((resolve2, reject) => {
    outgoing.once("response", resolve2);
    outgoing.once("error", reject);
  });
  const body = init.body;
  const sending = (body === null || body === void 0 ? new Promise((resolve2) => outgoing.end(resolve2)) : pipeline(
    typeof body === "string" || body instanceof Uint8Array ? Readable.from([body]) : Readable.from(body),
    outgoing
  )).then(
    () => void 0,
    (thrown) => thrown
  );
  let response;
  try {
    response = await answered;
  } catch (thrown) {
    throw await sending ?? thrown;
  }
  const chunks = [];
  for await (const chunk of response) chunks.push(chunk);
  const status = response.statusCode ?? 0;
  const responseHeaders = new Headers();
  for (const [name, value] of Object.entries(response.headers)) {
    if (value === void 0) continue;
    for (const one of Array.isArray(value) ? value : [value]) responseHeaders.append(name, one);
  }
  return new Response(NO_BODY.has(status) ? null : Buffer.concat(chunks), {
    status,
    statusText: response.statusMessage ?? "",
    headers: responseHeaders
  });
}

// packages/github/src/model-releases.ts
async function findRelease(target, tag) {
  try {
    const release2 = await target.github.request("GET /repos/{owner}/{repo}/releases/tags/{tag}", {
      owner: target.owner,
      repo: target.repo,
      tag
    });
    return release2.data.html_url;
  } catch (thrown) {
    if (statusOf(thrown) === 404) return void 0;
    throw thrown;
  }
}
var MAX_RELEASE_BODY = 125e3;
var UPLOAD_TRIES = 3;
function bufferAsset(name, data, contentType) {
  return {
    name,
    contentType,
    size: data.length,
    // eslint-disable-next-line @typescript-eslint/require-await
    open: async function* () {
      yield data;
    }
  };
}
async function createRelease(target, options) {
  const { log } = options;
  for (const draft of await draftsOfTag(target, options.tag)) {
    log.info(`deleting draft release ${draft} of ${options.tag}, left by an earlier attempt`);
    await deleteRelease(target, draft);
  }
  const body = options.body.length > MAX_RELEASE_BODY ? `${options.body.slice(0, MAX_RELEASE_BODY - 100)}

\u2026 cut to fit GitHub's limit; README.md in the package has it all.` : options.body;
  let created;
  try {
    created = await target.github.request("POST /repos/{owner}/{repo}/releases", {
      owner: target.owner,
      repo: target.repo,
      tag_name: options.tag,
      name: options.name,
      body,
      draft: true,
      prerelease: options.prerelease
    });
  } catch (thrown) {
    if (statusOf(thrown) === 422 && /already_exists/.test(JSON.stringify(responseData(thrown) ?? ""))) {
      throw new UserError(
        `a release of tag ${options.tag} exists already and is not this run's; delete it or package another version`
      );
    }
    throw thrown;
  }
  const id = created.data.id;
  const uploadOrigin = new URL(created.data.upload_url.replace(/\{[^}]*\}$/, "")).origin;
  try {
    const uploaded = [];
    for (const asset of options.assets) {
      uploaded.push(await uploadAsset(target, { id, uploadOrigin }, asset, options));
    }
    if (options.sumsAsset !== void 0) {
      const sums = Buffer.from(renderSha256Sums(uploaded.map((asset) => ({ path: asset.name, ...asset }))), "utf8");
      uploaded.push(
        await uploadAsset(target, { id, uploadOrigin }, bufferAsset(options.sumsAsset, sums, "text/plain"), options)
      );
    }
    const published = await target.github.request("PATCH /repos/{owner}/{repo}/releases/{release_id}", {
      owner: target.owner,
      repo: target.repo,
      release_id: id,
      draft: false
    });
    return { id, url: published.data.html_url, assets: uploaded };
  } catch (thrown) {
    await deleteRelease(target, id).catch((deletion) => {
      log.warning(`the draft release ${id} of ${options.tag} could not be deleted: ${String(deletion)}`);
    });
    throw thrown;
  }
}
async function uploadAsset(target, release2, asset, options) {
  for (let attempt = 1; ; attempt++) {
    const hash = createHash3("sha256");
    let sent = 0;
    const body = async function* () {
      for await (const chunk of asset.open()) {
        hash.update(chunk);
        sent += chunk.length;
        yield chunk;
      }
    };
    try {
      await target.github.request("POST /repos/{owner}/{repo}/releases/{release_id}/assets{?name,label}", {
        baseUrl: release2.uploadOrigin,
        owner: target.owner,
        repo: target.repo,
        release_id: release2.id,
        name: asset.name,
        // Octokit's types want a string; the async iterable is streamed by streamingFetch.
        data: body(),
        headers: { "content-type": asset.contentType, "content-length": String(asset.size) },
        // A stream cannot be sent twice: this function retries, from the asset's first byte.
        request: { retries: 0, fetch: streamingFetch }
      });
      if (sent !== asset.size) throw new Error(`${asset.name}: ${sent} bytes were read, ${asset.size} expected`);
      return { name: asset.name, size: asset.size, sha256: hash.digest("hex") };
    } catch (thrown) {
      const status = statusOf(thrown);
      const transient = status === void 0 || status >= 500 || isAlreadyThere(thrown);
      if (!transient || attempt >= UPLOAD_TRIES || sent > asset.size) {
        throw new Error(
          `uploading release asset ${asset.name} (${asset.size} bytes) failed${attempt > 1 ? ` after ${attempt} tries` : ""}: ${errorMessage(thrown)}`,
          { cause: thrown }
        );
      }
      options.log.warning(
        `uploading release asset ${asset.name} failed (${errorMessage(thrown)}); sending it again (try ${attempt + 1} of ${UPLOAD_TRIES})`
      );
      await deleteAssetNamed(target, release2.id, asset.name);
      await new Promise((resolve2) => setTimeout(resolve2, (options.retryWaitMs ?? 1e3) * attempt));
    }
  }
}
async function draftsOfTag(target, tag) {
  const releases = await target.github.paginate("GET /repos/{owner}/{repo}/releases", {
    owner: target.owner,
    repo: target.repo,
    per_page: 100
  });
  return releases.filter((release2) => release2.draft && release2.tag_name === tag).map((release2) => release2.id);
}
async function deleteRelease(target, id) {
  await target.github.request("DELETE /repos/{owner}/{repo}/releases/{release_id}", {
    owner: target.owner,
    repo: target.repo,
    release_id: id
  });
}
async function deleteAssetNamed(target, releaseId, name) {
  const assets = await target.github.paginate("GET /repos/{owner}/{repo}/releases/{release_id}/assets", {
    owner: target.owner,
    repo: target.repo,
    release_id: releaseId,
    per_page: 100
  });
  for (const asset of assets.filter((entry) => entry.name === name)) {
    await target.github.request("DELETE /repos/{owner}/{repo}/releases/assets/{asset_id}", {
      owner: target.owner,
      repo: target.repo,
      asset_id: asset.id
    });
  }
}
function statusOf(thrown) {
  const status = thrown?.status;
  if (typeof status !== "number") return void 0;
  if (status === 500 && thrown.response === void 0) return void 0;
  return status;
}
function responseData(thrown) {
  return thrown?.response?.data;
}
function isAlreadyThere(thrown) {
  return statusOf(thrown) === 422 && /already_exists/.test(JSON.stringify(responseData(thrown) ?? ""));
}

// packages/github/src/model-tags.ts
async function matchingTagRefs(target, prefix) {
  const response = await target.github.request("GET /repos/{owner}/{repo}/git/matching-refs/{ref}", {
    owner: target.owner,
    repo: target.repo,
    ref: `tags/${prefix}`
  });
  return response.data.map((ref) => ({ tag: ref.ref.replace(/^refs\/tags\//, ""), object: ref.object }));
}
async function listModelTags(target, name) {
  return (await matchingTagRefs(target, `${name}@v`)).map((ref) => ref.tag);
}
async function tagsWithCommits(target, prefix) {
  const found = [];
  for (const ref of await matchingTagRefs(target, prefix)) {
    let commit = ref.object.sha;
    if (ref.object.type === "tag") {
      const object = await target.github.request("GET /repos/{owner}/{repo}/git/tags/{tag_sha}", {
        owner: target.owner,
        repo: target.repo,
        tag_sha: ref.object.sha
      });
      commit = object.data.object.sha;
    }
    found.push({ tag: ref.tag, commit });
  }
  return found;
}
async function modelTagsOnCommit(target, name, sha) {
  return (await tagsWithCommits(target, `${name}@v`)).filter((entry) => entry.commit === sha).map((entry) => entry.tag);
}
async function createTag(target, tag, sha, message) {
  const repository = { owner: target.owner, repo: target.repo };
  const object = await target.github.request("POST /repos/{owner}/{repo}/git/tags", {
    ...repository,
    tag,
    message,
    object: sha,
    type: "commit"
  });
  try {
    await target.github.request("POST /repos/{owner}/{repo}/git/refs", {
      ...repository,
      ref: `refs/tags/${tag}`,
      sha: object.data.sha
    });
    return true;
  } catch (thrown) {
    if (thrown.status === 422) return false;
    throw thrown;
  }
}

// packages/github/src/job-gate-results.ts
import { mkdir as mkdir3, readdir as readdir3, writeFile as writeFile3 } from "node:fs/promises";
import { tmpdir as tmpdir2 } from "node:os";
import { join as join2 } from "node:path";
function gateResultsFolder(job) {
  return join2(job.temp ?? tmpdir2(), "ml-actions", "gate-results");
}
async function readJobGateResults(job) {
  const folder = gateResultsFolder(job);
  const names = (await readdir3(folder).catch(() => [])).filter((name) => name.endsWith(".json")).sort();
  if (names.length === 0) return void 0;
  const results = await Promise.all(
    names.map(async (name) => {
      const path6 = join2(folder, name);
      return parseGateResult(await readTextFile(path6, path6), path6);
    })
  );
  return { passed: results.every((result) => result.passed), results: results.flatMap((result) => result.results) };
}

// packages/github/src/workflow-records.ts
var MAX_PAGES = 10;
var UNFINISHED_CONCLUSIONS = /* @__PURE__ */ new Set(["failure", "cancelled", "timed_out"]);
function jobDisplayName(job, matrix) {
  const values = Object.values(matrix).map(
    (value) => typeof value === "string" ? value : value === null ? "" : JSON.stringify(value) ?? ""
  );
  return values.length === 0 ? job : `${job} (${values.join(", ")})`;
}
async function readWorkflowRecords(request) {
  const { github, context, log } = request;
  const { owner, repo, runId } = context;
  const [artifacts, jobs] = await Promise.all([
    readCountedPages(async (page) => {
      const answer = await github.request("GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts", {
        owner,
        repo,
        run_id: runId,
        per_page: PER_PAGE,
        page
      });
      return { total: answer.data.total_count, items: answer.data.artifacts };
    }, MAX_PAGES),
    readCountedPages(async (page) => {
      const answer = await github.request("GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs", {
        owner,
        repo,
        run_id: runId,
        filter: "latest",
        per_page: PER_PAGE,
        page
      });
      return { total: answer.data.total_count, items: answer.data.jobs };
    }, MAX_PAGES)
  ]);
  if (!artifacts.complete || !jobs.complete) {
    log.warning(
      `workflow run ${runId} has more than ${MAX_PAGES * PER_PAGE} artifacts or jobs; only those listed first are read`
    );
  }
  const unique = [...new Map(artifacts.items.map((artifact) => [artifact.id, artifact])).values()];
  const candidates = newestAttempts(
    unique.filter((artifact) => !artifact.expired && isRunRecordArtifact(artifact.name))
  );
  const reads = await readRecordArtifacts(github, context, candidates, runId);
  const records = [];
  const invalid = [];
  const readFrom = /* @__PURE__ */ new Map();
  const leaveOut = (artifact, reason) => {
    invalid.push({ artifact: artifact.name, artifactId: artifact.id, reason });
    log.warning(`${reason}; its record is left out`);
  };
  for (const { artifact, record, reason } of reads) {
    if (record === void 0) {
      leaveOut(artifact, reason);
      continue;
    }
    const problem = unusable(record, artifact, runId, readFrom);
    if (problem !== void 0) {
      leaveOut(artifact, problem);
      continue;
    }
    readFrom.set(record.runId, artifact.name);
    records.push(record);
  }
  const recorded = new Set(records.map((record) => jobDisplayName(record.provenance.job, record.provenance.matrix)));
  const listedJobs = [...new Map(jobs.items.map((job) => [job.id, job])).values()];
  const missing = listedJobs.filter(
    (job) => job.status === "completed" && job.conclusion !== null && UNFINISHED_CONCLUSIONS.has(job.conclusion) && !recorded.has(job.name)
  ).map((job) => ({
    jobDisplayName: job.name,
    jobId: job.id,
    conclusion: job.conclusion ?? "",
    url: job.html_url
  }));
  return { records, missing, invalid };
}
function unusable(record, artifact, runId, readFrom) {
  const label = recordArtifactLabel(artifact, runId);
  if (record.provenance.workflowRunId !== runId) {
    return `${label} holds a record of workflow run ${record.provenance.workflowRunId}, not of this one`;
  }
  const earlier = readFrom.get(record.runId);
  return earlier === void 0 ? void 0 : `${label} repeats run ${record.runId}, already read from artifact "${earlier}"`;
}

// packages/github/src/gathered-runs.ts
var WORKFLOW_RUNS = "workflow";
async function gatherRuns(request) {
  const { run: run2, context, log } = request;
  const none = { runs: [], source: "job", missing: [], invalid: [] };
  const wanted = run2.length === 1 && run2[0] === WORKFLOW_RUNS;
  if (!wanted && run2.length > 0) {
    return { runs: await readRunRecordFiles(run2, context, "run"), source: "files", missing: [], invalid: [] };
  }
  if (!wanted) {
    const runs = await readJobRecords(context);
    if (runs.length > 0) return { runs, source: "job", missing: [], invalid: [] };
  }
  const session = await request.github();
  if (session === void 0 && !wanted && request.optional === true) return none;
  if (session === void 0) {
    throw new UserError(
      wanted ? `input "run" is "workflow" but input "github-token" is empty: the workflow run's records are listed with it (permission actions: read)` : 'no run record found: run the train action earlier in this job, set input "run" to a record, or give a token (permission actions: read) to gather the records of this workflow run'
    );
  }
  const optional = !wanted && request.optional === true;
  const found = await readWorkflowRecords({ github: session.client, context, log }).catch((thrown) => {
    if (optional && isPermissionRefusal(thrown)) return void 0;
    throw thrown;
  });
  if (found === void 0) {
    log.notice(
      "the workflow run's records could not be listed (the token lacks actions: read): no run record is embedded"
    );
    return none;
  }
  if (found.records.length === 0 && optional) return none;
  if (found.records.length === 0) {
    const missing = found.missing.map((leg) => leg.jobDisplayName);
    throw new UserError(
      `no run record found in this job or in workflow run ${context.runId}` + (missing.length > 0 ? `: ${missing.length} leg(s) ended without one (${missing.join(", ")})` : "") + (found.invalid.length > 0 ? `; ${found.invalid.length} record artifact(s) were unusable` : "") + ': run the train action in the jobs this one needs, or set input "run" to a record'
    );
  }
  log.info(
    `gathered ${found.records.length} run record(s) of workflow run ${context.runId}` + (found.missing.length > 0 ? `; ${found.missing.length} leg(s) ended without one` : "")
  );
  return { runs: found.records, source: "workflow", missing: found.missing, invalid: found.invalid };
}

// packages/github/src/workflow-gate-result.ts
var GATE_ARTIFACT_PREFIX = "ml-gate-";
var GATE_RESULT_FILE = "gate-result.json";
var MAX_PAGES2 = 10;
async function readWorkflowGateResult(github, context) {
  const { owner, repo, runId } = context;
  const listed = await readCountedPages(async (page) => {
    const answer = await github.request("GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts", {
      owner,
      repo,
      run_id: runId,
      per_page: PER_PAGE,
      page
    });
    return { total: answer.data.total_count, items: answer.data.artifacts };
  }, MAX_PAGES2);
  const gates = newestAttempts(
    listed.items.filter((artifact) => !artifact.expired && artifact.name.startsWith(GATE_ARTIFACT_PREFIX))
  );
  if (gates.length === 0) return void 0;
  const results = await Promise.all(
    gates.map(async (artifact) => {
      const label = `artifact "${artifact.name}" of workflow run ${runId}`;
      const text2 = await downloadArtifactFile(
        github,
        context,
        { artifactId: artifact.id, workflowRunId: runId, label },
        GATE_RESULT_FILE
      );
      return text2 === void 0 ? void 0 : parseGateResult(text2, label);
    })
  );
  const found = results.filter((result) => result !== void 0);
  if (found.length === 0) return void 0;
  return { passed: found.every((result) => result.passed), results: found.flatMap((result) => result.results) };
}

// packages/github/src/trend-page.ts
async function findTrendPage(lookup) {
  const { github, context, branch, log } = lookup;
  let pages;
  try {
    pages = (await github.request("GET /repos/{owner}/{repo}/pages", { owner: context.owner, repo: context.repo })).data;
  } catch (thrown) {
    const status = thrown.status;
    const why = status === 404 ? "the repository has no GitHub Pages site" : status === 403 ? "the token may not read the repository's Pages settings (`pages: read`)" : describeGitHubFailure(thrown) ?? String(thrown);
    log.debug(`no trend page link: ${why}`);
    return void 0;
  }
  const source = pages.source;
  if (pages.build_type !== "legacy" || source === void 0 || source.branch !== branch) {
    const from = pages.build_type === "legacy" && source !== void 0 ? `branch ${source.branch}` : "a workflow (GitHub Actions)";
    log.debug(`no trend page link: GitHub Pages deploys from ${from}, not from the history branch ${branch}`);
    return void 0;
  }
  const site = safeUrl(pages.html_url);
  if (site === void 0) {
    log.debug("no trend page link: GitHub gave no http(s) address for the Pages site");
    return void 0;
  }
  const root = site.endsWith("/") ? site : `${site}/`;
  if (source.path === `/${TREND_PAGE_FOLDER}`) return root;
  if (source.path === "/") return `${root}${TREND_PAGE_FOLDER}/`;
  log.debug(`no trend page link: GitHub Pages serves ${source.path} of ${branch}, not /${TREND_PAGE_FOLDER} or /`);
  return void 0;
}

// packages/github/src/user-command.ts
var MAX_TIMER_MS = 2 ** 31 - 1;

// actions/package/src/main.ts
import { createHash as createHash6, randomUUID as randomUUID3 } from "node:crypto";
import { readFile as readFile2, writeFile as writeFile4 } from "node:fs/promises";
import { tmpdir as tmpdir3 } from "node:os";
import { join as join3 } from "node:path";

// actions/package/src/compression.ts
import path5 from "node:path";
import { deflateRawSync } from "node:zlib";
var INCOMPRESSIBLE_EXTENSIONS = /* @__PURE__ */ new Set([
  // weights and tensors
  ".pt",
  ".pth",
  ".bin",
  ".safetensors",
  ".onnx",
  ".pkl",
  ".pickle",
  ".joblib",
  ".h5",
  ".hdf5",
  ".keras",
  ".ckpt",
  ".tflite",
  ".pb",
  ".gguf",
  ".ggml",
  ".npy",
  ".npz",
  ".mlmodel",
  ".engine",
  ".plan",
  ".params",
  // archives and compressed data
  ".gz",
  ".tgz",
  ".zip",
  ".bz2",
  ".xz",
  ".zst",
  ".lz4",
  ".7z",
  ".rar",
  ".parquet",
  // media
  ".jpg",
  ".jpeg",
  ".png",
  ".gif",
  ".webp",
  ".mp3",
  ".mp4",
  ".ogg",
  ".flac"
]);
var SAMPLE_BYTES = 64 * 1024;
var MIN_SAMPLED_SIZE = 4 * 1024;
var INCOMPRESSIBLE_RATIO = 0.9;
var STORE_SHARE = 0.8;
var DEFAULT_COMPRESSION_LEVEL = 6;
async function chooseCompression(files, requested) {
  if (requested !== void 0) return { level: requested, reason: "as set by input `compression-level`" };
  let total = 0;
  let incompressible = 0;
  for (const file of files) {
    total += file.size;
    if (await looksIncompressible(file)) incompressible += file.size;
  }
  const share = total === 0 ? 0 : incompressible / total;
  const percent = `${Math.round(share * 100)}%`;
  if (total > 0 && share >= STORE_SHARE) {
    return {
      level: 0,
      reason: `${percent} of the bytes look incompressible (model weights or archives), so they are stored`
    };
  }
  return { level: DEFAULT_COMPRESSION_LEVEL, reason: `only ${percent} of the bytes look incompressible` };
}
async function looksIncompressible(file) {
  if (INCOMPRESSIBLE_EXTENSIONS.has(path5.extname(file.path).toLowerCase())) return true;
  if (file.size < MIN_SAMPLED_SIZE) return false;
  const handle = await openRegularFile(file.absolute, file.path);
  try {
    const sample = Buffer.allocUnsafe(Math.min(SAMPLE_BYTES, file.size));
    const { bytesRead } = await handle.read(sample, 0, sample.length, 0);
    if (bytesRead === 0) return false;
    const compressed = deflateRawSync(sample.subarray(0, bytesRead), { level: 1 });
    return compressed.length / bytesRead >= INCOMPRESSIBLE_RATIO;
  } finally {
    await handle.close();
  }
}

// packages/oci/src/registry-client.ts
var NAME_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
function parseOciRepository(text2, origin) {
  const value = text2.trim().replace(/^oci:\/\//, "");
  const slash = value.indexOf("/");
  const host = slash === -1 ? "" : value.slice(0, slash);
  const name = slash === -1 ? "" : value.slice(slash + 1);
  if (host === "" || name === "" || !/^[A-Za-z0-9.-]+(:\d+)?$/.test(host)) {
    throw new UserError(
      `${origin} must be a registry and repository such as ghcr.io/OWNER/MODEL, got ${JSON.stringify(text2)}`
    );
  }
  if (!name.split("/").every((part) => NAME_COMPONENT.test(part)) || name.length > 255) {
    throw new UserError(
      `${origin}: the repository ${JSON.stringify(name)} must be lowercase letters, digits and separators (. _ -) between slashes, as OCI names are`
    );
  }
  const loopback = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/.test(host);
  return { host, name, scheme: loopback ? "http" : "https" };
}
var OciError = class extends UserError {
  status;
  constructor(message, status) {
    super(message);
    this.name = "OciError";
    this.status = status;
  }
};
var RegistryClient = class {
  repository;
  /** Requests sent, the authentication's included. */
  requests = 0;
  credentials;
  authorization;
  fetch;
  constructor(repository, options = {}) {
    this.repository = repository;
    this.credentials = options.credentials;
    this.fetch = options.fetch ?? fetch;
  }
  /** `https://ghcr.io/v2/acme/churn-model/` + path */
  url(path6) {
    const { scheme, host, name } = this.repository;
    return `${scheme}://${host}/v2/${name}/${path6}`;
  }
  /** Sends a request (an absolute URL or a path under the repository); a 401 is answered once. */
  async send(method, target, init = {}) {
    const url = /^https?:\/\//.test(target) ? target : this.url(target);
    let response = await this.once(method, url, init);
    if (response.status === 401) {
      await response.body?.cancel();
      await this.authenticate(response.headers.get("www-authenticate") ?? "", method);
      response = await this.once(method, url, init);
    }
    return response;
  }
  once(method, url, init) {
    this.requests++;
    const headers = { "user-agent": "ml-actions", ...init.headers };
    if (this.authorization !== void 0) headers["authorization"] = this.authorization;
    return this.fetch(url, {
      method,
      headers,
      ...init.body === void 0 ? {} : { body: init.body },
      redirect: "follow"
    });
  }
  async authenticate(challenge, method) {
    const where = `${this.repository.host}/${this.repository.name}`;
    const basic = this.credentials === void 0 ? void 0 : `Basic ${Buffer.from(`${this.credentials.username}:${this.credentials.password}`).toString("base64")}`;
    if (/^basic\b/i.test(challenge)) {
      if (basic === void 0) throw new OciError(`the registry ${where} wants credentials and none were given`, 401);
      this.authorization = basic;
      return;
    }
    const fields = /* @__PURE__ */ new Map();
    for (const match of challenge.replace(/^bearer\s+/i, "").matchAll(/(\w+)="([^"]*)"/g)) {
      fields.set((match[1] ?? "").toLowerCase(), match[2] ?? "");
    }
    const realm = fields.get("realm");
    if (!/^bearer\b/i.test(challenge) || realm === void 0) {
      throw new OciError(`the registry ${where} refused ${method} without saying how to authenticate`, 401);
    }
    const query = new URLSearchParams();
    const service = fields.get("service");
    if (service !== void 0) query.set("service", service);
    query.set("scope", `repository:${this.repository.name}:pull,push`);
    this.requests++;
    const answer = await this.fetch(`${realm}?${query.toString()}`, {
      headers: { "user-agent": "ml-actions", ...basic === void 0 ? {} : { authorization: basic } }
    });
    const body = answer.ok ? await answer.json() : void 0;
    const token = isPlainObject(body) ? body["token"] ?? body["access_token"] : void 0;
    if (typeof token !== "string" || token === "") {
      throw new OciError(
        `the registry ${where} gave no token for push (${answer.status}): the credentials may not write packages (on ghcr.io the workflow needs permissions: packages: write)`,
        answer.status
      );
    }
    this.authorization = `Bearer ${token}`;
  }
};
async function registryFailure(response, call) {
  let said = "";
  try {
    const body = await response.json();
    const errors = isPlainObject(body) ? body["errors"] : void 0;
    const first = Array.isArray(errors) ? errors[0] : void 0;
    if (isPlainObject(first)) {
      const code = typeof first["code"] === "string" ? first["code"] : "";
      const message = typeof first["message"] === "string" ? first["message"] : "";
      said = `: ${code} ${message}`.trimEnd();
    }
  } catch {
  }
  const hint2 = response.status === 401 || response.status === 403 ? " (the credentials may not write packages: on ghcr.io the workflow needs permissions: packages: write)" : "";
  return new OciError(`OCI ${call} answered ${response.status}${said}${hint2}`, response.status);
}

// packages/oci/src/artifact-push.ts
import { createHash as createHash4 } from "node:crypto";
import { open as open3 } from "node:fs/promises";
var OCI_MANIFEST_TYPE = "application/vnd.oci.image.manifest.v1+json";
var MODEL_PACKAGE_ARTIFACT_TYPE = "application/vnd.ml-actions.model-package.v1+json";
var PACKAGE_MANIFEST_MEDIA_TYPE = "application/vnd.ml-actions.model-package.manifest.v1+json";
var DEFAULT_CHUNK = 32 * 1024 * 1024;
var CHUNK_TRIES = 3;
async function pushArtifact(client, artifact) {
  const configDigest = `sha256:${createHash4("sha256").update(artifact.config).digest("hex")}`;
  const manifest = {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST_TYPE,
    artifactType: MODEL_PACKAGE_ARTIFACT_TYPE,
    config: { mediaType: PACKAGE_MANIFEST_MEDIA_TYPE, digest: configDigest, size: artifact.config.byteLength },
    layers: artifact.files.map((file) => ({
      mediaType: mediaTypeOf(file.path),
      digest: `sha256:${file.sha256}`,
      size: file.size,
      annotations: { "org.opencontainers.image.title": file.path }
    })),
    annotations: artifact.annotations
  };
  const manifestBytes = Buffer.from(JSON.stringify(manifest));
  const digest = `sha256:${createHash4("sha256").update(manifestBytes).digest("hex")}`;
  const reference = `${client.repository.host}/${client.repository.name}@${digest}`;
  const existing = await client.send("HEAD", `manifests/${encodeURIComponent(artifact.tag)}`, {
    headers: { accept: OCI_MANIFEST_TYPE }
  });
  if (existing.ok) {
    const found = existing.headers.get("docker-content-digest");
    if (found === digest) return { digest, reference, unchanged: true, blobsSent: 0 };
    if (!artifact.force && !await earlierAttempt(client, artifact)) {
      throw new OciError(
        `${client.repository.host}/${client.repository.name}:${artifact.tag} already names another artifact (${found ?? "unknown digest"}); set input "oci-force" to replace it`
      );
    }
  } else if (existing.status !== 404) {
    throw await registryFailure(existing, `HEAD manifests/${artifact.tag}`);
  }
  let blobsSent = 0;
  const blobs = [
    {
      digest: configDigest,
      size: artifact.config.byteLength,
      read: (start, end) => Promise.resolve(artifact.config.subarray(start, end))
    },
    ...artifact.files.map((file) => ({
      digest: `sha256:${file.sha256}`,
      size: file.size,
      read: fileReader(file.absolute)
    }))
  ];
  for (const blob of blobs) {
    const has = await client.send("HEAD", `blobs/${blob.digest}`);
    if (has.ok) continue;
    await uploadBlob(client, blob, artifact.chunkBytes ?? DEFAULT_CHUNK, artifact.log);
    blobsSent++;
  }
  const put = await client.send("PUT", `manifests/${encodeURIComponent(artifact.tag)}`, {
    headers: { "content-type": OCI_MANIFEST_TYPE },
    body: manifestBytes
  });
  if (put.status !== 201) throw await registryFailure(put, `PUT manifests/${artifact.tag}`);
  return { digest, reference, unchanged: false, blobsSent };
}
async function earlierAttempt(client, artifact) {
  if (artifact.replaceable === void 0) return false;
  const answer = await client.send("GET", `manifests/${encodeURIComponent(artifact.tag)}`, {
    headers: { accept: OCI_MANIFEST_TYPE }
  });
  if (!answer.ok) {
    await answer.body?.cancel();
    return false;
  }
  const body = await answer.json().catch(() => void 0);
  const annotations = isPlainObject(body) && isPlainObject(body["annotations"]) ? body["annotations"] : {};
  const texts = Object.fromEntries(
    Object.entries(annotations).filter((entry) => typeof entry[1] === "string")
  );
  return artifact.replaceable(texts);
}
function fileReader(path6) {
  return async (start, end, into) => {
    const handle = await open3(path6, "r");
    try {
      const buffer = into === void 0 ? Buffer.alloc(end - start) : into.subarray(0, end - start);
      let read = 0;
      while (read < buffer.length) {
        const { bytesRead } = await handle.read(buffer, read, buffer.length - read, start + read);
        if (bytesRead === 0) throw new OciError(`${path6} is shorter than when it was hashed`);
        read += bytesRead;
      }
      return buffer;
    } finally {
      await handle.close();
    }
  };
}
async function uploadBlob(client, blob, chunkBytes, log) {
  const started = await client.send("POST", "blobs/uploads/");
  if (started.status !== 202) throw await registryFailure(started, "POST blobs/uploads/");
  let location = nextLocation(client, started);
  let offset = 0;
  const buffers = blob.size > chunkBytes ? [Buffer.allocUnsafe(chunkBytes), Buffer.allocUnsafe(chunkBytes)] : [];
  let turn = 0;
  let ahead;
  const readAt = (start) => {
    const end = Math.min(blob.size, start + chunkBytes);
    const into = buffers[turn++ % 2];
    return { start, end, bytes: blob.read(start, end, into) };
  };
  while (offset < blob.size) {
    const current = ahead?.start === offset ? ahead : readAt(offset);
    const end = current.end;
    const chunk = await current.bytes;
    ahead = end < blob.size ? readAt(end) : void 0;
    let sent = false;
    for (let attempt = 1; attempt <= CHUNK_TRIES && !sent; attempt++) {
      try {
        const patched = await client.send("PATCH", location, {
          headers: {
            "content-type": "application/octet-stream",
            "content-range": `${offset}-${end - 1}`,
            "content-length": String(chunk.byteLength)
          },
          body: chunk
        });
        if (patched.status === 202) {
          location = nextLocation(client, patched);
          sent = true;
          continue;
        }
        if (patched.status < 500 || attempt === CHUNK_TRIES) throw await registryFailure(patched, "PATCH blob chunk");
        await patched.body?.cancel();
      } catch (thrown) {
        if (thrown instanceof OciError || attempt === CHUNK_TRIES) throw thrown;
      }
      const status = await client.send("GET", location);
      const range = /^0-(\d+)$/.exec(status.headers.get("range") ?? "");
      await status.body?.cancel();
      const held = range === null ? offset : Number(range[1]) + 1;
      log.warning(
        `OCI upload of ${blob.digest.slice(0, 19)} was cut at byte ${held}; resuming (try ${attempt + 1} of ${CHUNK_TRIES})`
      );
      if (status.status === 204) location = nextLocation(client, status);
      if (held !== offset) {
        await ahead?.bytes.catch(() => void 0);
        ahead = void 0;
        offset = held;
        break;
      }
    }
    if (sent) offset = end;
  }
  const separator = location.includes("?") ? "&" : "?";
  const done = await client.send("PUT", `${location}${separator}digest=${encodeURIComponent(blob.digest)}`, {
    headers: { "content-length": "0" }
  });
  if (done.status !== 201) throw await registryFailure(done, `PUT blob ${blob.digest.slice(0, 19)}`);
}
function nextLocation(client, response) {
  const location = response.headers.get("location");
  if (location === null) throw new OciError("the registry answered an upload without a Location");
  const { scheme, host } = client.repository;
  return new URL(location, `${scheme}://${host}/`).href;
}
var MEDIA_TYPES = [
  [/\.json$/i, "application/json"],
  [/(^|\/)MLmodel$|\.ya?ml$/i, "application/yaml"],
  [/\.md$/i, "text/markdown"],
  [/\.(txt|csv)$/i, "text/plain"],
  [/\.onnx$/i, "application/vnd.onnx"],
  [/\.safetensors$/i, "application/vnd.safetensors"],
  [/\.(pkl|pickle|joblib)$/i, "application/vnd.python.pickle"]
];
function mediaTypeOf(path6) {
  return MEDIA_TYPES.find(([pattern]) => pattern.test(path6))?.[1] ?? "application/octet-stream";
}

// actions/package/src/embedded-record.ts
async function findEmbeddedRecord(step) {
  const { settings, context, log } = step;
  const gathered = await gatherRuns({ run: settings.run, context, github: () => step.github(), log, optional: true });
  const chosen = gathered.runs.filter(
    (record) => (settings.experiment === void 0 || record.experiment === settings.experiment) && (settings.replicate === void 0 || record.replicate?.value === settings.replicate)
  );
  if (chosen.length === 0 && gathered.runs.length > 0) {
    const names = [...new Set(gathered.runs.map((record) => replicateName(record)))].sort();
    throw new UserError(
      `no run record of ${[
        settings.experiment === void 0 ? "" : `experiment ${JSON.stringify(settings.experiment)}`,
        settings.replicate === void 0 ? "" : `replicate ${JSON.stringify(settings.replicate)}`
      ].filter((part) => part !== "").join(
        " and "
      )} (inputs "experiment", "replicate") among the ${gathered.runs.length} found: ${names.slice(0, 10).join(", ")}`
    );
  }
  const latest = chosen.reduce(
    (best, record) => best === void 0 || Date.parse(record.outcome.finishedAt) >= Date.parse(best.outcome.finishedAt) ? record : best,
    void 0
  );
  return { record: latest, found: chosen.length, source: gathered.source };
}
function replicateName(record) {
  return record.replicate === void 0 ? record.experiment : `${record.experiment} (${record.replicate.key} ${record.replicate.value})`;
}

// packages/mlflow/src/tracking-connection.ts
function resolveTrackingConnection(uri, env, origin) {
  const text2 = uri.trim();
  if (text2 === "databricks" || text2.startsWith("databricks://")) return databricks(env, origin);
  if (text2.startsWith("azureml://")) return azureMl(text2, env, origin);
  if (text2.startsWith("file:") || text2.startsWith("sqlite:") || text2.startsWith("/") || text2.startsWith(".")) {
    throw new UserError(
      `${origin} must be the address of an MLflow tracking server (http(s)://, databricks or azureml://), got a local store ${JSON.stringify(text2)}: read an mlruns folder with input "metrics" instead`
    );
  }
  const url = parseHttpUrl(text2, origin);
  if (url.username !== "" || url.password !== "") {
    throw new UserError(
      `${origin} must not hold a user name or password: set MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD (from secrets) instead`
    );
  }
  const base = withoutTrailingSlash(`${url.origin}${url.pathname}`);
  const token = nonEmpty(env["MLFLOW_TRACKING_TOKEN"]);
  const user = nonEmpty(env["MLFLOW_TRACKING_USERNAME"]);
  const password = nonEmpty(env["MLFLOW_TRACKING_PASSWORD"]);
  if (token === void 0 && user === void 0 !== (password === void 0)) {
    throw new UserError(
      `MLflow basic authentication needs both MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD; only ${user === void 0 ? "the password" : "the user name"} is set`
    );
  }
  let authorization;
  const secrets = [];
  if (token !== void 0) {
    authorization = `Bearer ${token}`;
    secrets.push(token);
  } else if (user !== void 0 && password !== void 0) {
    const encoded = Buffer.from(`${user}:${password}`).toString("base64");
    authorization = `Basic ${encoded}`;
    secrets.push(password, encoded);
  }
  return { apiBase: `${base}/api/2.0/mlflow`, uiBase: base, authorization, secrets, flavour: "mlflow", origin };
}
function databricks(env, origin) {
  const host = nonEmpty(env["DATABRICKS_HOST"]);
  const token = nonEmpty(env["DATABRICKS_TOKEN"]);
  if (host === void 0 || token === void 0) {
    throw new UserError(
      `${origin} is "databricks", which needs DATABRICKS_HOST and DATABRICKS_TOKEN in the environment; ${host === void 0 ? "DATABRICKS_HOST" : "DATABRICKS_TOKEN"} is not set`
    );
  }
  const url = parseHttpUrl(/^https?:\/\//.test(host) ? host : `https://${host}`, "DATABRICKS_HOST");
  const base = withoutTrailingSlash(url.origin);
  return {
    apiBase: `${base}/api/2.0/mlflow`,
    uiBase: base,
    authorization: `Bearer ${token}`,
    secrets: [token],
    flavour: "databricks",
    origin
  };
}
function azureMl(text2, env, origin) {
  const url = parseHttpUrl(`https://${text2.slice("azureml://".length)}`, origin);
  if (!/\/mlflow\/v\d+(\.\d+)?\/subscriptions\//.test(url.pathname)) {
    throw new UserError(
      `${origin} is not an Azure ML tracking URI (azureml://<region>.api.azureml.ms/mlflow/v1.0/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.MachineLearningServices/workspaces/<workspace>), got ${JSON.stringify(text2)}`
    );
  }
  const token = nonEmpty(env["MLFLOW_TRACKING_TOKEN"]);
  if (token === void 0) {
    throw new UserError(
      `${origin} is an Azure ML workspace, which needs an Azure access token in MLFLOW_TRACKING_TOKEN (after azure/login: az account get-access-token --resource https://management.azure.com --query accessToken -o tsv)`
    );
  }
  const base = withoutTrailingSlash(`${url.origin}${url.pathname}`);
  return {
    apiBase: `${base}/api/2.0/mlflow`,
    uiBase: "https://ml.azure.com",
    authorization: `Bearer ${token}`,
    secrets: [token],
    flavour: "azureml",
    origin
  };
}
function parseHttpUrl(text2, origin) {
  let url;
  try {
    url = new URL(text2);
  } catch {
    throw new UserError(`${origin} is not a valid address: ${JSON.stringify(text2)}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new UserError(`${origin} must be an http(s) address, databricks or azureml://, got ${JSON.stringify(text2)}`);
  }
  if (url.search !== "" || url.hash !== "") {
    throw new UserError(`${origin} must not have a query or fragment, got ${JSON.stringify(text2)}`);
  }
  return url;
}
function withoutTrailingSlash(text2) {
  return text2.replace(/\/+$/, "");
}
function nonEmpty(value) {
  const trimmed = value?.trim() ?? "";
  return trimmed === "" ? void 0 : trimmed;
}
function runUrl(connection, experimentId, runId) {
  const ids = `${encodeURIComponent(experimentId)}/runs/${encodeURIComponent(runId)}`;
  if (connection.flavour === "databricks") return `${connection.uiBase}/ml/experiments/${ids}`;
  if (connection.flavour === "azureml") return `${connection.uiBase}/experiments/id/${ids}`;
  return `${connection.uiBase}/#/experiments/${ids}`;
}
function modelVersionUrl(connection, name, version) {
  const path6 = `models/${encodeURIComponent(name)}/versions/${encodeURIComponent(version)}`;
  if (connection.flavour === "databricks") return `${connection.uiBase}/ml/${path6}`;
  if (connection.flavour === "azureml") return `${connection.uiBase}/model/${encodeURIComponent(name)}:${version}`;
  return `${connection.uiBase}/#/${path6}`;
}

// packages/mlflow/src/tracking-client.ts
var MlflowError = class extends UserError {
  status;
  /** MLflow's `error_code` (`RESOURCE_DOES_NOT_EXIST`, `INVALID_PARAMETER_VALUE`, ...). */
  errorCode;
  serverMessage;
  constructor(message, parts = {}) {
    super(message);
    this.name = "MlflowError";
    this.status = parts.status;
    this.errorCode = parts.errorCode;
    this.serverMessage = parts.serverMessage ?? "";
  }
};
var RETRIED = /* @__PURE__ */ new Set([429, 500, 502, 503, 504]);
var TrackingClient = class {
  connection;
  /** Requests sent so far, retries included. */
  requests = 0;
  retries;
  waitScale;
  log;
  timeoutMs;
  fetch;
  constructor(connection, options) {
    this.connection = connection;
    this.retries = options.retries ?? 3;
    this.waitScale = options.waitScale ?? 1;
    this.log = options.log;
    this.timeoutMs = options.timeoutMs ?? 6e4;
    this.fetch = options.fetch ?? fetch;
  }
  get(path6, query = {}) {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value !== void 0) search.set(key, String(value));
    const text2 = search.toString();
    return this.send("GET", path6, text2 === "" ? path6 : `${path6}?${text2}`, void 0);
  }
  post(path6, body) {
    return this.send("POST", path6, path6, JSON.stringify(body));
  }
  /** As `post`, with a body already serialised (log batches are sized as text). */
  postText(path6, body) {
    return this.send("POST", path6, path6, body);
  }
  patch(path6, body) {
    return this.send("PATCH", path6, path6, JSON.stringify(body));
  }
  delete(path6, body) {
    return this.send("DELETE", path6, path6, JSON.stringify(body));
  }
  async send(method, path6, target, body) {
    const call = `${method} ${path6}`;
    const headers = { accept: "application/json", "user-agent": "ml-actions" };
    if (body !== void 0) headers["content-type"] = "application/json";
    if (this.connection.authorization !== void 0) headers["authorization"] = this.connection.authorization;
    for (let attempt = 0; ; attempt++) {
      this.requests++;
      let response;
      try {
        response = await this.fetch(`${this.connection.apiBase}/${target}`, {
          method,
          headers,
          ...body === void 0 ? {} : { body },
          signal: AbortSignal.timeout(this.timeoutMs)
        });
      } catch (thrown) {
        const reason = networkReason(thrown);
        if (attempt < this.retries) {
          const ms = this.backOff(attempt);
          this.log.warn(
            `MLflow ${call} could not reach the server (${reason}); retrying in ${seconds(ms)} (attempt ${attempt + 1} of ${this.retries})`
          );
          await pause(ms);
          continue;
        }
        throw new MlflowError(
          `MLflow ${call}: the tracking server at ${this.connection.uiBase} could not be reached (${reason}) after ${attempt + 1} tries; check ${this.connection.origin}`
        );
      }
      const text2 = await response.text();
      if (response.ok) return parseAnswer(text2, call);
      if (RETRIED.has(response.status) && attempt < this.retries) {
        const ms = this.retryAfter(response) ?? this.backOff(attempt);
        this.log.warn(
          `MLflow ${call} answered ${response.status}; retrying in ${seconds(ms)} (attempt ${attempt + 1} of ${this.retries})`
        );
        await pause(ms);
        continue;
      }
      throw this.failure(call, response.status, text2, attempt + 1);
    }
  }
  backOff(attempt) {
    return 1e3 * 2 ** attempt * this.waitScale;
  }
  /** Retry-After in seconds (MLflow servers and proxies send it with 429 and 503), scaled. */
  retryAfter(response) {
    const header2 = response.headers.get("retry-after");
    if (header2 === null) return void 0;
    const value = Number(header2);
    if (!Number.isFinite(value) || value < 0) return void 0;
    return Math.min(value, 600) * 1e3 * this.waitScale;
  }
  failure(call, status, text2, tries) {
    const answer = parseError(text2);
    const code = answer.errorCode === void 0 ? "" : ` ${answer.errorCode}`;
    const said = answer.message === "" ? "" : `: ${oneLine(answer.message).slice(0, 400)}`;
    const retried = tries > 1 ? ` after ${tries} tries` : "";
    const message = `MLflow ${call} answered ${status}${code}${said}${retried}${hint(status, answer.errorCode, this.connection)}`;
    return new MlflowError(message, {
      status,
      ...answer.errorCode === void 0 ? {} : { errorCode: answer.errorCode },
      serverMessage: answer.message
    });
  }
};
function hint(status, errorCode, connection) {
  if (status === 401) {
    const variables = connection.flavour === "databricks" ? "DATABRICKS_TOKEN" : "MLFLOW_TRACKING_TOKEN (or MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD)";
    return ` (the server did not accept the credentials: check ${variables})`;
  }
  if (status === 403) return " (the credentials may not do this: check their permissions on the experiment)";
  if (status === 404 && errorCode === void 0) {
    return ` (is ${connection.origin} the address of an MLflow tracking server?)`;
  }
  return "";
}
function parseAnswer(text2, call) {
  if (text2.trim() === "") return {};
  let value;
  try {
    value = JSON.parse(text2);
  } catch {
    throw new MlflowError(`MLflow ${call} answered with something that is not JSON: ${oneLine(text2).slice(0, 200)}`);
  }
  if (!isPlainObject(value)) throw new MlflowError(`MLflow ${call} answered with JSON that is not an object`);
  return value;
}
function parseError(text2) {
  try {
    const value = JSON.parse(text2);
    if (isPlainObject(value)) {
      const errorCode = typeof value["error_code"] === "string" ? value["error_code"] : void 0;
      const message = typeof value["message"] === "string" ? value["message"] : "";
      return { errorCode, message };
    }
  } catch {
  }
  return { errorCode: void 0, message: text2.replace(/<[^>]*>/g, " ").trim() };
}
function networkReason(thrown) {
  if (thrown instanceof Error && thrown.name === "TimeoutError") return "no answer in time";
  const cause = thrown instanceof Error ? thrown.cause : void 0;
  if (cause instanceof Error) {
    const code = cause.code;
    return typeof code === "string" ? code : cause.message;
  }
  return errorMessage(thrown);
}
function seconds(ms) {
  return ms >= 1e3 ? `${(ms / 1e3).toFixed(ms % 1e3 === 0 ? 0 : 1)} s` : `${Math.round(ms)} ms`;
}
function pause(ms) {
  return new Promise((resolve2) => {
    setTimeout(resolve2, ms);
  });
}

// packages/mlflow/src/answer-fields.ts
function field(value, name) {
  if (!isPlainObject(value)) return void 0;
  const found = value[name];
  return isPlainObject(found) ? found : void 0;
}
function list(value, name) {
  if (!isPlainObject(value)) return [];
  const found = value[name];
  return Array.isArray(found) ? found.filter(isPlainObject) : [];
}
function text(value, name) {
  if (!isPlainObject(value)) return void 0;
  const found = value[name];
  if (typeof found === "string") return found;
  if (typeof found === "number" && Number.isFinite(found)) return String(found);
  return void 0;
}
function number(value, name) {
  if (!isPlainObject(value)) return void 0;
  const found = value[name];
  if (typeof found === "number") return found;
  if (found === "NaN") return NaN;
  if (found === "Infinity") return Infinity;
  if (found === "-Infinity") return -Infinity;
  if (typeof found === "string" && found.trim() !== "" && Number.isFinite(Number(found))) return Number(found);
  return void 0;
}
function keyValues(value, name) {
  const map = /* @__PURE__ */ new Map();
  for (const entry of list(value, name)) {
    const key = text(entry, "key");
    const found = text(entry, "value");
    if (key !== void 0) map.set(key, found ?? "");
  }
  return map;
}

// packages/mlflow/src/run-reading.ts
var MLFLOW_RUN_ID = /^[A-Za-z0-9_-]{1,64}$/;
async function readRun(client, runId, options = {}) {
  if (!MLFLOW_RUN_ID.test(runId)) {
    throw new UserError(
      `${options.origin ?? "the MLflow run id"} must be an MLflow run id (32 hex digits), got ${JSON.stringify(runId)}`
    );
  }
  let answer;
  try {
    answer = await client.get("runs/get", { run_id: runId });
  } catch (thrown) {
    if (thrown instanceof MlflowError && thrown.errorCode === "RESOURCE_DOES_NOT_EXIST") {
      throw new UserError(`MLflow has no run ${runId} (${options.origin ?? "run id"}) at ${client.connection.uiBase}`);
    }
    throw thrown;
  }
  const run2 = runFromAnswer(client, field(answer, "run"));
  if (run2 === void 0) throw new MlflowError(`MLflow GET runs/get answered without run ${runId}`);
  if (options.histories === false) return run2;
  const metrics = /* @__PURE__ */ new Map();
  for (const key of Object.keys(run2.metrics)) metrics.set(key, await readHistory2(client, run2.runId, key));
  return { ...run2, metrics: recordFromMap(metrics) };
}
function runFromAnswer(client, value) {
  const info2 = field(value, "info");
  const data = field(value, "data");
  const runId = text(info2, "run_id") ?? text(info2, "run_uuid");
  const experimentId = text(info2, "experiment_id");
  if (runId === void 0 || experimentId === void 0) return void 0;
  const params = /* @__PURE__ */ new Map();
  for (const [key, raw] of keyValues(data, "params")) params.set(key, parseParamValue(raw));
  const tags = keyValues(data, "tags");
  const metrics = /* @__PURE__ */ new Map();
  for (const entry of list(data, "metrics")) {
    const key = text(entry, "key");
    const value2 = number(entry, "value");
    if (key === void 0 || value2 === void 0) continue;
    const step = number(entry, "step");
    metrics.set(key, { value: restoreInfinity(value2), ...step === void 0 ? {} : { step } });
  }
  const startTime = number(info2, "start_time");
  const endTime = number(info2, "end_time");
  return {
    runId,
    experimentId,
    runName: text(info2, "run_name") ?? tags.get("mlflow.runName"),
    status: text(info2, "status") ?? "UNKNOWN",
    startTime,
    endTime,
    artifactUri: text(info2, "artifact_uri"),
    params: recordFromMap(params),
    tags: recordFromMap(tags),
    metrics: recordFromMap(metrics),
    url: runUrl(client.connection, experimentId, runId),
    modelSources: modelSources(runId, value, tags)
  };
}
async function readHistory2(client, runId, key) {
  const points = [];
  let pageToken;
  do {
    const answer = await client.get("metrics/get-history", {
      run_id: runId,
      metric_key: key,
      max_results: 25e3,
      page_token: pageToken
    });
    for (const entry of list(answer, "metrics")) {
      const value = number(entry, "value");
      if (value === void 0) continue;
      points.push({
        step: number(entry, "step") ?? 0,
        timestamp: number(entry, "timestamp") ?? NaN,
        value: restoreInfinity(value)
      });
    }
    const next = text(answer, "next_page_token");
    pageToken = next === void 0 || next === "" ? void 0 : next;
  } while (pageToken !== void 0);
  points.sort((a, b) => a.step - b.step || a.timestamp - b.timestamp);
  const series = new MetricSeries();
  for (const point of points) series.push(point.step, point.value, point.timestamp / 1e3);
  return series.toMetric();
}
function restoreInfinity(value) {
  if (value === Number.MAX_VALUE) return Infinity;
  if (value === -Number.MAX_VALUE) return -Infinity;
  return value;
}
function modelSources(runId, value, tags) {
  const sources = [];
  for (const output of list(field(value, "outputs"), "model_outputs")) {
    const modelId = text(output, "model_id");
    if (modelId !== void 0) sources.push(`models:/${modelId}`);
  }
  const history = tags.get("mlflow.log-model.history");
  if (history !== void 0) {
    try {
      const entries = JSON.parse(history);
      if (Array.isArray(entries)) {
        for (const entry of entries) {
          const path6 = text(entry, "artifact_path");
          if (path6 !== void 0) sources.push(`runs:/${runId}/${path6}`);
        }
      }
    } catch {
    }
  }
  return [...new Set(sources)];
}

// packages/mlflow/src/run-search.ts
function filterValue(value, origin) {
  if (value.includes("'")) {
    throw new UserError(
      `${origin} ${JSON.stringify(value)} holds a single quote, which MLflow's search filters cannot match`
    );
  }
  return `'${value}'`;
}

// packages/mlflow/src/model-registry.ts
import { createHash as createHash5 } from "node:crypto";
var MANIFEST_DIGEST_TAG = "ml-actions.manifest-digest";
var PACKAGING_TAG = "ml-actions.packaging";
async function registerModelVersion(client, request) {
  await ensureRegisteredModel(client, request.name);
  const packaging = createHash5("sha256").update(request.packaging).digest("hex");
  let found = await findVersionByTag(client, request.name, MANIFEST_DIGEST_TAG, request.manifestDigest);
  if (found === void 0) {
    found = await findVersionByTag(client, request.name, PACKAGING_TAG, packaging);
    if (found !== void 0) {
      await client.post("model-versions/set-tag", {
        name: request.name,
        version: found,
        key: MANIFEST_DIGEST_TAG,
        value: request.manifestDigest
      });
    }
  }
  let version = found;
  const modelId = /^models:\/(m-[0-9a-f]+)$/.exec(request.source)?.[1];
  if (version === void 0) {
    const answer = await client.post("model-versions/create", {
      name: request.name,
      source: request.source,
      ...request.runId === void 0 ? {} : { run_id: request.runId },
      // MLflow 3 wants the logged model a `models:/<id>` source names.
      ...modelId === void 0 ? {} : { model_id: modelId },
      description: request.description,
      tags: Object.entries({
        ...request.tags,
        [MANIFEST_DIGEST_TAG]: request.manifestDigest,
        [PACKAGING_TAG]: packaging
      }).map(([key, value]) => ({
        key,
        value
      }))
    });
    version = text(field(answer, "model_version"), "version");
    if (version === void 0) throw new MlflowError("MLflow POST model-versions/create answered without a version");
  }
  if (request.alias !== void 0) {
    await client.post("registered-models/alias", { name: request.name, alias: request.alias, version });
  }
  return {
    name: request.name,
    version,
    existed: found !== void 0,
    url: modelVersionUrl(client.connection, request.name, version),
    alias: request.alias
  };
}
async function ensureRegisteredModel(client, name) {
  try {
    await client.get("registered-models/get", { name });
    return;
  } catch (thrown) {
    if (!(thrown instanceof MlflowError && thrown.errorCode === "RESOURCE_DOES_NOT_EXIST")) throw thrown;
  }
  try {
    await client.post("registered-models/create", { name });
  } catch (thrown) {
    if (!(thrown instanceof MlflowError && thrown.errorCode === "RESOURCE_ALREADY_EXISTS")) throw thrown;
  }
}
async function findVersionByTag(client, name, tag, value) {
  const answer = await client.get("model-versions/search", {
    filter: `name = ${filterValue(name, "the registered model name")} and tags.\`${tag}\` = ${filterValue(value, tag)}`,
    max_results: 10
  });
  for (const entry of list(answer, "model_versions")) {
    if (keyValues(entry, "tags").get(tag) === value) return text(entry, "version");
  }
  return void 0;
}
function checkRegistryNames(name, alias, inputs) {
  if (name.includes("'"))
    throw new UserError(`input "${inputs.name}" must not hold a single quote, got ${JSON.stringify(name)}`);
  if (alias !== void 0 && !/^[A-Za-z0-9_-]{1,255}$/.test(alias)) {
    throw new UserError(
      `input "${inputs.alias}" must be letters, digits, _ and - (such as candidate), got ${JSON.stringify(alias)}`
    );
  }
  if (alias !== void 0 && /^v\d+$/i.test(alias)) {
    throw new UserError(
      `input "${inputs.alias}" must not look like a version (v1, V2): MLflow reserves those, got ${JSON.stringify(alias)}`
    );
  }
  if (alias === "latest") throw new UserError(`input "${inputs.alias}" must not be "latest": MLflow reserves it`);
}

// packages/mlflow/src/tracking-settings.ts
function readTrackingSettings(inputs) {
  const fromInput = inputs.optional("mlflow-tracking-uri");
  const uri = fromInput ?? inputs.environment("MLFLOW_TRACKING_URI");
  if (uri === void 0) return void 0;
  const origin = fromInput === void 0 ? "MLFLOW_TRACKING_URI" : 'input "mlflow-tracking-uri"';
  const connection = resolveTrackingConnection(uri, environmentOf(inputs), origin);
  for (const secret of connection.secrets) inputs.mask(secret);
  const repository = inputs.environment("GITHUB_REPOSITORY") ?? "";
  const experiment = inputs.optional("mlflow-experiment") ?? (repository.split("/")[1] || repository || "Default");
  return { connection, experiment };
}
var VARIABLES = [
  "MLFLOW_TRACKING_TOKEN",
  "MLFLOW_TRACKING_USERNAME",
  "MLFLOW_TRACKING_PASSWORD",
  "DATABRICKS_HOST",
  "DATABRICKS_TOKEN"
];
function environmentOf(inputs) {
  return Object.fromEntries(VARIABLES.map((name) => [name, inputs.environment(name)]));
}
function createTrackingClient(settings, options) {
  const { log } = options;
  return new TrackingClient(settings.connection, {
    waitScale: options.waitScale,
    log: { warn: (message) => log.warning(message), debug: (message) => log.debug(message) }
  });
}

// actions/package/src/model-registration.ts
async function registerPackagedVersion(packaged, options) {
  const { log } = options;
  const client = createTrackingClient(options.tracking, { waitScale: options.waitScale, log });
  const runId = packaged.record?.mlflow?.runId;
  const logged = runId === void 0 ? void 0 : (await readRun(client, runId, { histories: false })).modelSources[0];
  const source = logged ?? packaged.location;
  try {
    const registered = await registerModelVersion(client, {
      name: options.registeredName,
      source,
      runId,
      manifestDigest: packaged.manifestDigest,
      packaging: [packaged.repository, String(packaged.workflowRunId), packaged.name, packaged.version].join("\n"),
      tags: {
        "ml-actions.version": packaged.version,
        "ml-actions.commit": packaged.commit,
        "ml-actions.repository": packaged.repository,
        "ml-actions.package": packaged.name
      },
      description: `${packaged.name} v${packaged.version}, packaged by ml-actions from ${packaged.repository} at ${packaged.commit.slice(0, 12)} (manifest ${packaged.manifestDigest})`,
      alias: options.alias
    });
    return { ...registered, source };
  } catch (thrown) {
    if (thrown instanceof MlflowError && logged === void 0 && /scheme/i.test(thrown.serverMessage)) {
      throw new MlflowError(
        `the MLflow server refused the package's address ${source} as the model version's source (${thrown.serverMessage.split(".")[0]}): log the model to the MLflow run in train (mlflow.log_model), or have the server allow https sources with MLFLOW_ALLOWED_HOST_ADDRESSED_ARTIFACT_SCHEMES=https`,
        { ...thrown.status === void 0 ? {} : { status: thrown.status }, serverMessage: thrown.serverMessage }
      );
    }
    throw thrown;
  }
}

// actions/package/src/package-summary.ts
var MAX_LISTED_FILES = 200;
function renderPackageSummary(summary2) {
  const lines = [
    `### ML package: ${escapeInline(summary2.name)} v${summary2.version}`,
    "",
    `Version \`${summary2.version}\`: ${escapeInline(summary2.explanation)}.`,
    ""
  ];
  for (const note of summary2.notes) lines.push(`- ${note}`);
  if (summary2.notes.length > 0) lines.push("");
  lines.push(
    tableHeader([{ title: "File" }, { title: "Size", align: "right" }, { title: "SHA-256" }]),
    ...summary2.files.slice(0, MAX_LISTED_FILES).map((file) => tableRow([escapeCell(file.path, 500), formatBytes(file.size), `\`${file.sha256}\``]))
  );
  if (summary2.files.length > MAX_LISTED_FILES) {
    lines.push(
      tableRow([`\u2026 and ${summary2.files.length - MAX_LISTED_FILES} more (manifest.json lists them all)`, "", ""])
    );
  }
  lines.push(
    "",
    `${summary2.files.length} ${summary2.files.length === 1 ? "file" : "files"}, ${formatBytes(summary2.totalSize)}, uploaded as artifact \`${summary2.artifactName}\` (id ${summary2.artifactId}) with zip level ${summary2.compression.level}: ${summary2.compression.reason}.`,
    "",
    `Digest (sha256 of manifest.json): \`sha256:${summary2.digest}\``,
    "",
    "#### Verify",
    "",
    "`SHA256SUMS` lists every file of the package except itself; check it in the downloaded folder:",
    "",
    "```sh",
    `gh run download ${summary2.workflowRunId} --name ${summary2.artifactName} --dir ${summary2.artifactName}`,
    `cd ${summary2.artifactName} && sha256sum -c SHA256SUMS`,
    `sha256sum manifest.json   # ${summary2.digest}`,
    "```",
    ""
  );
  return lines.join("\n");
}

// actions/package/src/release-publication.ts
import { readFile } from "node:fs/promises";
var PROVENANCE_ASSET = "provenance.intoto.json";
async function publishRelease(target, options) {
  const { archive, plan } = options.archive;
  const parts = archive.parts.map((part) => ({
    name: part.name,
    contentType: "application/x-tar",
    size: part.size,
    open: () => readTarRange(plan, part.offset, part.offset + part.size)
  }));
  return createRelease(target, {
    tag: options.tag,
    name: options.title,
    body: options.notes,
    prerelease: options.prerelease,
    assets: [
      ...parts,
      bufferAsset(PACKAGE_MANIFEST_FILE, await readFile(options.files.manifest), "application/json"),
      bufferAsset(PACKAGE_CARD_FILE, await readFile(options.files.card), "text/markdown"),
      bufferAsset(PROVENANCE_ASSET, await readFile(options.files.provenance), "application/json")
    ],
    sumsAsset: PACKAGE_SUMS_FILE,
    log: options.log,
    retryWaitMs: options.retryWaitMs
  });
}

// actions/package/src/trend-page-link.ts
async function versionTrendLink(request) {
  const { experiment, context } = request;
  if (experiment === void 0 || context.pullRequest !== void 0) return void 0;
  const branch = request.historyBranch;
  const page = request.page ?? (branch === void 0 ? void 0 : await findTrendPage({ github: request.github, context, branch, log: request.log }));
  return page === void 0 ? void 0 : trendPointUrl(page, { experiment, version: request.version });
}

// actions/package/src/settings.ts
var BUMPS = ["patch", "minor", "major"];
function readPackageSettings(inputs) {
  const paths = inputs.list("path");
  if (paths.length === 0) throw new UserError('input "path" is required: the model files, folders or globs to package');
  const settings = {
    name: validateModelName(inputs.required("name")),
    paths,
    version: inputs.required("version"),
    bump: inputs.choice("bump", BUMPS),
    run: inputs.list("run"),
    experiment: inputs.optional("experiment"),
    replicate: inputs.optional("replicate"),
    tag: inputs.boolean("tag"),
    release: inputs.boolean("release"),
    releasePartSize: inputs.optionalInteger("release-part-size", { min: 1024 * 1024, max: RELEASE_ASSET_LIMIT }) ?? DEFAULT_RELEASE_PART_SIZE,
    includeHiddenFiles: inputs.boolean("include-hidden-files"),
    retentionDays: inputs.optionalInteger("retention-days", { min: 1, max: 90 }),
    compressionLevel: inputs.optionalInteger("compression-level", { min: 0, max: 9 }),
    trendPage: inputs.optionalUrl("trend-page"),
    historyBranch: inputs.optional("history-branch"),
    token: inputs.secret("github-token"),
    mlflow: readRegistryInputs(inputs),
    oci: readOciInputs(inputs),
    waitScale: inputs.retryWaitScale()
  };
  if (settings.release && !settings.tag)
    throw new UserError('input "release" needs input "tag": a release is made for the tag');
  return settings;
}
function readRegistryInputs(inputs) {
  const registeredName = inputs.optional("mlflow-register");
  const alias = inputs.optional("mlflow-alias");
  if (registeredName === void 0) {
    if (alias !== void 0)
      throw new UserError('input "mlflow-alias" needs input "mlflow-register": the alias is of a registered model');
    return void 0;
  }
  checkRegistryNames(registeredName, alias, { name: "mlflow-register", alias: "mlflow-alias" });
  const tracking = readTrackingSettings(inputs);
  if (tracking === void 0) {
    throw new UserError(
      'input "mlflow-register" needs a tracking server: set input "mlflow-tracking-uri" or the MLFLOW_TRACKING_URI variable'
    );
  }
  return { tracking, registeredName, alias };
}
function readOciInputs(inputs) {
  const text2 = inputs.optional("oci");
  if (text2 === void 0) return void 0;
  return {
    repository: parseOciRepository(text2, 'input "oci"'),
    force: inputs.boolean("oci-force"),
    username: inputs.optional("oci-username") ?? inputs.environment("GITHUB_ACTOR"),
    password: inputs.secret("oci-password")
  };
}

// actions/package/src/version-reservation.ts
var MAX_RESERVATIONS = 5;
async function reserveVersion(settings, context) {
  const register = settings.tag && context.pullRequest === void 0;
  if (register && context.runAttempt > 1) {
    const earlier = await versionOnCommit(settings, context);
    if (earlier !== void 0) return { version: earlier, registration: "earlier-attempt" };
  }
  const choose = (existingTags) => nextVersion({
    existingTags,
    name: settings.name,
    requested: settings.version,
    bump: settings.bump,
    ...context.pullRequest === void 0 ? {} : { pullRequest: context.pullRequest }
  });
  let taken = await listModelTags(context.target, settings.name);
  for (let reservation = 1; ; reservation++) {
    const version = choose(taken);
    if (!register || !version.createTag || version.tag === null) return { version, registration: "none" };
    const message = registrationMessage(version.name, version.version);
    if (await createTag(context.target, version.tag, context.sha, message)) return { version, registration: "created" };
    if (!isAuto(settings.version)) {
      throw new UserError(`tag ${version.tag} exists already; model versions are never overwritten`);
    }
    if (reservation === MAX_RESERVATIONS) {
      throw new Error(
        `no version of ${settings.name} could be registered: ${MAX_RESERVATIONS} tags in a row were taken by other runs meanwhile`
      );
    }
    taken = [.../* @__PURE__ */ new Set([...await listModelTags(context.target, settings.name), ...taken, version.tag])];
  }
}
function isAuto(requested) {
  const text2 = requested.trim().toLowerCase();
  return text2 === "" || text2 === "auto";
}
async function versionOnCommit(settings, context) {
  const tags = await modelTagsOnCommit(context.target, settings.name, context.sha);
  const requested = settings.version.trim().replace(/^v(?=\d)/, "");
  const candidates = modelVersionsFromTags(tags, settings.name).filter(
    (entry) => isAuto(settings.version) ? entry.version.prerelease.length === 0 : formatSemver(entry.version) === requested
  );
  const highest = candidates.sort((a, b) => compareSemver(b.version, a.version))[0];
  if (highest === void 0) return void 0;
  const version = formatSemver(highest.version);
  return {
    name: settings.name,
    version,
    tag: highest.tag,
    createTag: true,
    previous: null,
    explanation: `version ${version}, registered on this commit (tag ${highest.tag}) by an earlier attempt of this run`
  };
}

// actions/package/src/main.ts
var MAX_MLMODEL_BYTES = 1024 * 1024;
async function run(runner) {
  const definition = {
    name: "package",
    settings: readPackageSettings,
    token: (settings) => settings.token
  };
  await runStep(
    definition,
    async (step) => {
      const outputs = {
        version: "",
        "artifact-id": "",
        "artifact-name": "",
        digest: "",
        manifest: "",
        "mlflow-model-version": "",
        "mlflow-model-version-url": "",
        provenance: "",
        "provenance-predicate": "",
        "oci-digest": "",
        "oci-reference": ""
      };
      try {
        await packageModel(step, outputs);
      } catch (thrown) {
        step.addSummary("### ML package\n");
        throw thrown;
      } finally {
        for (const [name, value] of Object.entries(outputs)) step.setOutput(name, value);
      }
    },
    runner
  );
}
async function packageModel(step, outputs) {
  const { settings, context, log } = step;
  const notes = [];
  const startedOn = /* @__PURE__ */ new Date();
  const selected = await selectModelFiles(settings.paths, {
    workspace: context.workspace,
    includeHidden: settings.includeHiddenFiles
  });
  const embedded = await findEmbeddedRecord(step);
  const mlmodel = await readMlmodel(selected, log);
  if (embedded.record === void 0) {
    notes.push(
      "No run record was found in this job, so the package has no metrics, params or provenance: run the train action earlier in the job, or set input `run` to a record."
    );
  } else {
    const which2 = `run ${escapeInline(embedded.record.runId)} (experiment ${escapeInline(embedded.record.experiment)})`;
    notes.push(
      embedded.found === 1 ? `Metrics, params and provenance come from ${which2}.` : `${embedded.found} run records were found; the package embeds the one that finished last, ${which2}.`
    );
  }
  const target = {
    github: (await step.requireGitHub("it is needed to read the existing versions (git tags)")).client,
    owner: context.owner,
    repo: context.repo
  };
  const pullRequest = context.pullRequest === void 0 ? void 0 : { number: context.pullRequest, runNumber: context.runNumber };
  const { version, registration } = await reserveVersion(settings, {
    target,
    sha: context.sha,
    runAttempt: context.runAttempt,
    pullRequest
  });
  const artifactName = `${version.name}-v${version.version}`;
  outputs.version = version.version;
  outputs["artifact-name"] = artifactName;
  log.info(`${version.name} ${version.version}: ${version.explanation}`);
  const stagingDir = join3(
    step.context.temp ?? tmpdir3(),
    "ml-actions",
    "packages",
    `${artifactName}-${randomUUID3().slice(0, 8)}`
  );
  const gate = await readJobGateResults(context) ?? (embedded.source === "workflow" ? await readWorkflowGateResult(target.github, context) : void 0);
  const trendPage = await versionTrendLink({
    page: settings.trendPage,
    historyBranch: settings.historyBranch,
    experiment: embedded.record?.experiment,
    version: version.version,
    github: target.github,
    context,
    log
  });
  const ociTag = settings.oci === void 0 ? void 0 : `${settings.oci.repository.host}/${settings.oci.repository.name}:v${version.version}`;
  const releaseAddress = settings.release && registration !== "none" && version.tag !== null ? `${context.serverUrl}/${context.repository}/releases/tag/${encodeURIComponent(version.tag)}` : void 0;
  const createdAt = /* @__PURE__ */ new Date();
  const { pkg, manifest, staged, archive } = await log.group(`Staging ${selected.length} model files`, async () => {
    const staged2 = await stageModelFiles({ stagingDir, files: selected });
    logStaging(staged2, log);
    const archive2 = releaseAddress === void 0 || version.tag === null ? void 0 : planReleaseArchive({
      name: version.name,
      version: version.version,
      files: staged2,
      partSize: settings.releasePartSize,
      downloadBase: `${context.serverUrl}/${context.repository}/releases/download/${encodeURIComponent(version.tag)}`,
      mtimeSeconds: createdAt.getTime() / 1e3
    });
    const manifest2 = buildManifest({
      name: version.name,
      version: version.version,
      files: staged2,
      createdAt,
      ...embedded.record === void 0 ? {} : { record: embedded.record },
      ...mlmodel === void 0 ? {} : { mlmodel },
      ...gate === void 0 ? {} : { gate },
      ...trendPage === void 0 ? {} : { trendPage },
      ...releaseAddress === void 0 ? {} : { release: releaseAddress },
      ...ociTag === void 0 ? {} : { oci: ociTag },
      ...archive2 === void 0 ? {} : { releaseArchive: archive2.archive }
    });
    return {
      pkg: await writeModelPackage({ stagingDir, manifest: manifest2, card: await renderModelCard(manifest2) }),
      manifest: manifest2,
      staged: staged2,
      archive: archive2
    };
  });
  const manifestFile = fileOf(pkg, PACKAGE_MANIFEST_FILE);
  outputs.manifest = manifestFile.absolute;
  outputs.digest = manifestFile.sha256;
  const provenance = await writeProvenance({
    manifest,
    manifestSha256: manifestFile.sha256,
    record: embedded.record,
    context,
    startedOn,
    folder: join3(stagingDir, ".."),
    artifactName
  });
  outputs.provenance = provenance.statement;
  outputs["provenance-predicate"] = provenance.predicate;
  const modelPaths = new Set(selected.map((file) => file.path));
  const modelFiles = pkg.files.filter((file) => modelPaths.has(file.path));
  const compression = await chooseCompression(modelFiles, settings.compressionLevel);
  log.info(`zip level ${compression.level}: ${compression.reason}`);
  await verifyStagedFiles(staged);
  const upload = await log.group(`Uploading artifact ${artifactName}`, async () => {
    const artifacts = await step.artifacts();
    await replaceEarlierAttempt(artifacts, artifactName, context.runAttempt, log);
    const uploaded = await artifacts.uploadArtifact(
      artifactName,
      pkg.files.map((file) => file.absolute),
      pkg.dir,
      {
        compressionLevel: compression.level,
        ...settings.retentionDays === void 0 ? {} : { retentionDays: settings.retentionDays }
      }
    );
    try {
      await verifyStagedFiles(staged, { rehashRecent: true });
    } catch (thrown) {
      await artifacts.deleteArtifact(artifactName).catch((deletion) => {
        log.warning(
          `the artifact ${artifactName} does not match its SHA256SUMS and could not be deleted: ${String(deletion)}`
        );
      });
      throw thrown;
    }
    return uploaded;
  });
  if (upload.id === void 0) throw new Error(`the artifact service gave no id for ${artifactName}`);
  outputs["artifact-id"] = String(upload.id);
  let ociPushed;
  if (settings.oci !== void 0 && ociTag !== void 0) {
    try {
      const pushed = await log.group(
        `Pushing ${ociTag}`,
        () => pushPackage(settings, {
          manifest,
          manifestFile,
          modelFiles: pkg.files.filter((file) => modelPaths.has(file.path)),
          context,
          log
        })
      );
      ociPushed = pushed;
      outputs["oci-digest"] = pushed.digest;
      outputs["oci-reference"] = pushed.reference;
      notes.push(
        pushed.unchanged ? `OCI \`${escapeInline(ociTag)}\` already named this package (\`${pushed.digest}\`).` : `Pushed to OCI \`${escapeInline(ociTag)}\` (\`${pushed.digest}\`, ${pushed.blobsSent} blobs sent).`
      );
    } catch (thrown) {
      const message = errorMessage(thrown);
      notes.push(`Not pushed to OCI: ${escapeInline(message)}`);
      step.fail(`the package was built and uploaded, but pushing it to ${ociTag} failed: ${message}`);
    }
  }
  let releaseUrl;
  if (registration !== "none" && version.tag !== null) {
    notes.push(
      registration === "created" ? `Tag \`${version.tag}\` created on commit \`${context.sha.slice(0, 12)}\`.` : `Tag \`${version.tag}\` was created on commit \`${context.sha.slice(0, 12)}\` by an earlier attempt of this run.`
    );
    if (settings.release) {
      const earlier = registration === "earlier-attempt" ? await findRelease(target, version.tag) : void 0;
      if (earlier !== void 0) {
        releaseUrl = earlier;
        notes.push(`Release ${markdownLink(`\`${version.tag}\``, earlier)} was created by an earlier attempt.`);
      } else if (archive !== void 0) {
        releaseUrl = await releaseVersion(step, {
          target,
          tag: version.tag,
          title: `${version.name} v${version.version}`,
          notes: renderModelCardBody(manifest, ociPushed === void 0 ? {} : { ociDigest: ociPushed.digest }),
          prerelease: (parseSemver(version.version)?.prerelease.length ?? 0) > 0,
          archive,
          files: {
            manifest: manifestFile.absolute,
            card: fileOf(pkg, PACKAGE_CARD_FILE).absolute,
            provenance: provenance.statement
          },
          notesOut: notes
        });
      }
    }
  } else if (!version.createTag) {
    notes.push(
      `No tag or release on a pull request: \`${version.version}\` is a pre-release that is never registered.`
    );
  } else {
    notes.push(
      "No tag was created (input `tag` is false), so this version is not registered and the next run may reuse it."
    );
  }
  if (settings.mlflow !== void 0 && !version.createTag) {
    notes.push(
      `Not registered in MLflow: \`${escapeInline(version.version)}\` is a pull request's pre-release; versions are registered from pushes.`
    );
  } else if (settings.mlflow !== void 0) {
    const { registeredName, alias, tracking } = settings.mlflow;
    try {
      const registered = await log.group(
        `MLflow: registering ${registeredName}`,
        () => registerPackagedVersion(
          {
            name: version.name,
            version: version.version,
            manifestDigest: `sha256:${manifestFile.sha256}`,
            commit: context.sha,
            repository: context.repository,
            workflowRunId: context.runId,
            location: releaseUrl ?? `${context.serverUrl}/${context.repository}/actions/runs/${context.runId}/artifacts/${upload.id}`,
            record: embedded.record
          },
          { tracking, registeredName, alias, waitScale: settings.waitScale, log }
        )
      );
      outputs["mlflow-model-version"] = registered.version;
      outputs["mlflow-model-version-url"] = registered.url;
      const which2 = markdownLink(
        `${escapeInline(registeredName)} version ${escapeInline(registered.version)}`,
        registered.url
      );
      notes.push(
        `${registered.existed ? "MLflow model" : "Registered MLflow model"} ${which2}${registered.existed ? " was registered for this package by an earlier run" : ""}, source \`${escapeInline(registered.source)}\`${alias === void 0 ? "" : `; alias \`${escapeInline(alias)}\` points at it`}.`
      );
    } catch (thrown) {
      const message = errorMessage(thrown);
      notes.push(`Not registered in MLflow: ${escapeInline(message)}`);
      step.fail(`the package was built and uploaded, but registering it in MLflow failed: ${message}`);
    }
  }
  step.addSummary(
    renderPackageSummary({
      name: version.name,
      version: version.version,
      explanation: version.explanation,
      files: modelFiles,
      totalSize: modelFiles.reduce((sum, file) => sum + file.size, 0),
      digest: manifestFile.sha256,
      artifactName,
      artifactId: upload.id,
      workflowRunId: context.runId,
      compression,
      notes
    })
  );
}
async function releaseVersion(step, options) {
  const { target, notesOut, ...release2 } = options;
  const parts = release2.archive.archive.parts;
  try {
    const created = await step.log.group(
      `Releasing ${release2.tag}`,
      () => publishRelease(target, { ...release2, log: step.log, retryWaitMs: 1e3 * step.settings.waitScale })
    );
    const archiveText = parts.length === 1 ? `the model archive \`${escapeInline(parts[0].name)}\`` : `the model archive in ${parts.length} parts (\`${escapeInline(parts[0].name)}\` to \`${escapeInline(parts.at(-1).name)}\`)`;
    notesOut.push(
      `Release ${markdownLink(`\`${release2.tag}\``, created.url)} published with ${archiveText}, ${PACKAGE_MANIFEST_FILE}, ${PACKAGE_CARD_FILE}, ${PROVENANCE_ASSET} and SHA256SUMS of them (${created.assets.length} assets).`
    );
    return created.url;
  } catch (thrown) {
    const message = errorMessage(thrown);
    notesOut.push(`Not released: ${escapeInline(message)}`);
    step.fail(`the package was built and uploaded, but its release ${release2.tag} failed: ${message}`);
    return void 0;
  }
}
var WORKFLOW_RUN_ANNOTATION = "dev.ml-actions.workflow-run";
async function pushPackage(settings, parts) {
  const oci = settings.oci;
  if (oci === void 0) throw new Error("no OCI repository to push to");
  const { context, manifest } = parts;
  const password = oci.password ?? settings.token;
  const client = new RegistryClient(oci.repository, {
    ...password === void 0 ? {} : { credentials: { username: oci.username ?? "ml-actions", password } }
  });
  return pushArtifact(client, {
    tag: `v${manifest.version}`,
    config: await readFile2(parts.manifestFile.absolute),
    files: parts.modelFiles,
    annotations: {
      "org.opencontainers.image.title": manifest.name,
      "org.opencontainers.image.version": manifest.version,
      "org.opencontainers.image.revision": context.sha,
      "org.opencontainers.image.source": `${context.serverUrl}/${context.repository}`,
      "org.opencontainers.image.created": manifest.createdAt,
      [WORKFLOW_RUN_ANNOTATION]: String(context.runId)
    },
    force: oci.force,
    // A re-run of the job packs the same version again, with another createdAt: its own tag to replace.
    replaceable: (annotations) => annotations[WORKFLOW_RUN_ANNOTATION] === String(context.runId),
    log: parts.log
  });
}
async function writeProvenance(options) {
  const { context, record } = options;
  const statement = buildProvenanceStatement({
    manifest: options.manifest,
    manifestSha256: options.manifestSha256,
    run: {
      serverUrl: context.serverUrl,
      repository: context.repository,
      sha: context.sha,
      ref: context.ref,
      event: context.eventName,
      workflowPath: context.workflowPath,
      workflowRunId: context.runId,
      runAttempt: context.runAttempt,
      runnerEnvironment: context.runnerEnvironment,
      startedOn: options.startedOn,
      finishedOn: /* @__PURE__ */ new Date()
    },
    record: record === void 0 ? void 0 : { record, sha256: createHash6("sha256").update(serializeRunRecord(record)).digest("hex") }
  });
  const statementPath = join3(options.folder, `${options.artifactName}.intoto.json`);
  const predicatePath = join3(options.folder, `${options.artifactName}.provenance.json`);
  await writeFile4(statementPath, serializeProvenanceStatement(statement));
  await writeFile4(predicatePath, `${JSON.stringify(statement.predicate, null, 2)}
`);
  return { statement: statementPath, predicate: predicatePath };
}
function logStaging(staged, log) {
  const copied = /* @__PURE__ */ new Map();
  for (const file of staged) {
    if (file.copyReason === void 0) continue;
    const same = copied.get(file.copyReason) ?? [];
    same.push(file);
    copied.set(file.copyReason, same);
  }
  const linked = staged.length - [...copied.values()].reduce((sum, files) => sum + files.length, 0);
  log.info(`${linked} of ${staged.length} model files hard-linked into the staging folder, hashed in place`);
  for (const [reason, files] of copied) {
    const which2 = files.length === 1 ? files[0].path : `${files.length} files (${files[0].path} first)`;
    log.info(
      `${which2} copied into the staging folder instead of hard-linked (${reason}); each byte is still read once`
    );
  }
}
function fileOf(pkg, name) {
  const file = pkg.files.find((candidate) => candidate.path === name);
  if (file === void 0) throw new Error(`the package has no ${name}`);
  return file;
}
async function readMlmodel(files, log) {
  const path6 = findMlmodelFile(files);
  if (path6 === void 0) return void 0;
  const file = files.find((candidate) => candidate.path === path6);
  if (file === void 0) return void 0;
  if (file.size > MAX_MLMODEL_BYTES) {
    log.warning(
      `${path6} is ${file.size} bytes, too big for an MLflow MLmodel file; its flavors and signature are left out`
    );
    return void 0;
  }
  return parseMlmodel(await readFile2(file.absolute, "utf8"), path6);
}

// actions/package/src/index.ts
await run();
exitWhenFlushed();
