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
    const text = JSON.stringify(thrown);
    if (text !== void 0) return text;
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
function checkDataProfile(check, value, path2) {
  const root = check.object(value, path2);
  const version = check.integer(check.required(root, path2, "version"), `${path2}.version`, 1);
  if (version !== DATA_PROFILE_VERSION) {
    check.fail(`${path2}.version`, `is ${version}; this version reads profiles of version ${DATA_PROFILE_VERSION}`);
  }
  const rows = check.integer(check.required(root, path2, "rows"), `${path2}.rows`, 0);
  const files = check.array(check.required(root, path2, "files"), `${path2}.files`, 1e4).map((file, i) => check.string(file, `${path2}.files[${i}]`));
  const columns = check.array(check.required(root, path2, "columns"), `${path2}.columns`, MAX_PROFILE_COLUMNS).map((item, i) => checkColumn(check, item, `${path2}.columns[${i}]`));
  const names = /* @__PURE__ */ new Set();
  columns.forEach((column, i) => {
    if (names.has(column.name)) check.fail(`${path2}.columns[${i}].name`, `names column "${column.name}" a second time`);
    names.add(column.name);
  });
  return { version: DATA_PROFILE_VERSION, rows, files, columns };
}
function checkColumn(check, value, path2) {
  const column = check.object(value, path2);
  const field = (key) => check.required(column, path2, key);
  const name = check.string(field("name"), `${path2}.name`, 1);
  const kind = check.oneOf(field("kind"), `${path2}.kind`, ["numeric", "categorical"]);
  const count = check.integer(field("count"), `${path2}.count`, 0);
  const missing = check.integer(field("missing"), `${path2}.missing`, 0);
  if (kind === "categorical") {
    const top = check.array(field("top"), `${path2}.top`, PROFILE_TOP_CATEGORIES).map((item, i) => {
      const entry = check.object(item, `${path2}.top[${i}]`);
      return {
        value: check.string(check.required(entry, `${path2}.top[${i}]`, "value"), `${path2}.top[${i}].value`),
        count: check.integer(check.required(entry, `${path2}.top[${i}]`, "count"), `${path2}.top[${i}].count`, 0)
      };
    });
    const other = check.integer(field("other"), `${path2}.other`, 0);
    if (top.reduce((sum, entry) => sum + entry.count, other) !== count) {
      check.fail(path2, "has top and other counts that do not add up to its count");
    }
    const capped = column["distinctCapped"];
    return {
      name,
      kind,
      count,
      missing,
      distinct: check.integer(field("distinct"), `${path2}.distinct`, 0),
      ...capped === void 0 ? {} : { distinctCapped: check.boolean(capped, `${path2}.distinctCapped`) },
      top,
      other
    };
  }
  const number = (key) => check.number(field(key), `${path2}.${key}`);
  const edges = check.array(field("edges"), `${path2}.edges`, PROFILE_BINS + 1).map((edge, i) => check.number(edge, `${path2}.edges[${i}]`));
  const counts = check.array(field("counts"), `${path2}.counts`, PROFILE_BINS + 1).map((n, i) => check.integer(n, `${path2}.counts[${i}]`, 0));
  if (edges.length < 1 || counts.length !== edges.length) {
    check.fail(path2, "needs at least one edge and one count per edge");
  }
  for (let i = 1; i < edges.length; i++) {
    if (!(edges[i] > edges[i - 1])) check.fail(`${path2}.edges`, "must be strictly ascending");
  }
  if (counts.reduce((sum, n) => sum + n, 0) !== count)
    check.fail(path2, "has bin counts that do not add up to its count");
  return {
    name,
    kind,
    count,
    missing,
    mean: number("mean"),
    std: check.number(field("std"), `${path2}.std`, 0),
    min: number("min"),
    max: number("max"),
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
function lineOfChar(text, offset) {
  let line = 1;
  let lineStart = 0;
  let at = text.indexOf("\n");
  while (at !== -1 && at < offset) {
    line++;
    lineStart = at + 1;
    at = text.indexOf("\n", lineStart);
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
function showHiddenCharacters(text) {
  return text.replace(
    HIDDEN,
    (char) => `<U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}>`
  );
}

// packages/core/src/text/markdown-escape.ts
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
var CHUNK = 4 * 1024 * 1024;

// packages/core/src/text/short-hash.ts
import { createHash } from "node:crypto";
var LONE_SURROGATE = new RegExp("\\p{Cs}", "u");
function shortHash(text) {
  const hashed = LONE_SURROGATE.test(text) ? JSON.stringify(text) : text;
  return createHash("sha256").update(hashed).digest("hex").slice(0, 12);
}

// packages/core/src/files/safe-file-stem.ts
var MAX_STEM_LENGTH = 120;
var KEPT_AS_IS = /^[a-z0-9._-]*$/;
var HASH_ENDING = /-[0-9a-f]{12}$/;
function safeFileStem(name) {
  if (KEPT_AS_IS.test(name) && name.length <= MAX_STEM_LENGTH && !HASH_ENDING.test(name)) return name;
  const kept = name.replace(/[^A-Za-z0-9._-]/gu, "_");
  return `${kept.slice(0, MAX_STEM_LENGTH - 13)}-${shortHash(name)}`;
}

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
  let text;
  try {
    text = fatalDecoder2.decode(bytes);
  } catch {
    const offset = Math.max(0, findInvalidUtf8(bytes));
    throw fileError(
      displayName,
      `not valid UTF-8 text (bad byte at offset ${offset}; is this a binary file?)`,
      lineOfByte(bytes, offset)
    );
  }
  const nul = text.indexOf("\0");
  if (nul !== -1) {
    throw fileError(
      displayName,
      "contains a NUL byte, so it looks like a binary file, not text",
      lineOfChar(text, nul).line
    );
  }
  if (!allowEmpty && text.trim() === "") throw fileError(displayName, "file is empty (only whitespace)");
  return text;
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

// packages/core/src/statistics/sample-summary.ts
function summarizeSample(values) {
  const n = values.length;
  if (n === 0) throw new Error("summary of no values");
  let min = values[0];
  let max = values[0];
  let sum = 0;
  for (const value of values) {
    sum += value;
    if (value < min || Number.isNaN(value)) min = value;
    if (value > max || Number.isNaN(value)) max = value;
  }
  if (n === 1) return { n, mean: values[0], std: void 0, min, max };
  const first = sum / n;
  let residuals = 0;
  if (Number.isFinite(first)) for (const value of values) residuals += value - first;
  const mean = first + residuals / n;
  let squares = 0;
  for (const value of values) squares += (value - mean) ** 2;
  return { n, mean, std: Math.sqrt(squares / (n - 1)), min, max };
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
function findJsonSyntaxError(text) {
  const stack = [];
  let state = VALUE;
  let i = 0;
  const n = text.length;
  for (; ; ) {
    while (i < n) {
      const w = text.charCodeAt(i);
      if (w === 32 || w === 9 || w === 10 || w === 13) i++;
      else break;
    }
    if (i >= n) {
      if (stack.length === 0 && state === AFTER_VALUE) return void 0;
      return { offset: n, message: "unexpected end of file (is it truncated?)" };
    }
    const c = text[i];
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
          const end = scanString(text, i);
          if (typeof end !== "number") return end;
          i = end;
          state = AFTER_VALUE;
        } else if (c === "-" || c >= "0" && c <= "9") {
          if (text.startsWith("-Infinity", i)) {
            i += 9;
          } else {
            const end = scanNumber(text, i);
            if (typeof end !== "number") return end;
            i = end;
          }
          state = AFTER_VALUE;
        } else {
          const word = ["true", "false", "null", "NaN", "Infinity"].find((literal) => text.startsWith(literal, i));
          if (word === void 0)
            return { offset: i, message: `unexpected ${describe(text, i)} where a value was expected` };
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
          const end = scanString(text, i);
          if (typeof end !== "number") return end;
          i = end;
          state = COLON;
        } else {
          return {
            offset: i,
            message: `unexpected ${describe(text, i)} where a property name in double quotes was expected`
          };
        }
        break;
      }
      case COLON: {
        if (c !== ":")
          return { offset: i, message: `expected ':' after the property name, found ${describe(text, i)}` };
        i++;
        state = VALUE;
        break;
      }
      default: {
        const top = stack[stack.length - 1];
        if (top === void 0)
          return { offset: i, message: `unexpected ${describe(text, i)} after the end of the JSON value` };
        if (c === ",") {
          i++;
          state = top === OBJECT ? KEY : VALUE;
        } else if (c === "}" && top === OBJECT || c === "]" && top === ARRAY) {
          stack.pop();
          i++;
          state = AFTER_VALUE;
        } else {
          const expected = top === OBJECT ? "',' or '}'" : "',' or ']'";
          return { offset: i, message: `expected ${expected}, found ${describe(text, i)}` };
        }
      }
    }
  }
}
function scanString(text, start) {
  let i = start + 1;
  for (; ; ) {
    if (i >= text.length) return { offset: start, message: "unterminated string" };
    const c = text.charCodeAt(i);
    if (c === 34) return i + 1;
    if (c < 32) return { offset: i, message: "control character (such as a raw newline or tab) inside a string" };
    if (c === 92) {
      const next = text[i + 1];
      if (next === "u") {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)))
          return { offset: i, message: "invalid \\u escape in a string" };
        i += 6;
      } else if (next !== void 0 && '"\\/bfnrt'.includes(next)) i += 2;
      else return { offset: i, message: "invalid escape in a string" };
    } else i++;
  }
}
function scanNumber(text, start) {
  const match = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
  match.lastIndex = start;
  const found = match.exec(text);
  if (found === null || found[0] === "-") return { offset: start, message: "invalid number" };
  const end = start + found[0].length;
  const after = text[end];
  if (after !== void 0 && /[0-9.eE+\-a-zA-Z]/.test(after)) return { offset: start, message: "invalid number" };
  return end;
}
function describe(text, at) {
  const c = text.codePointAt(at);
  if (c === void 0) return "end of file";
  const char = String.fromCodePoint(c);
  return c < 32 || c === 127 ? `character U+${c.toString(16).padStart(4, "0").toUpperCase()}` : `'${char}'`;
}

// packages/core/src/text/json-checker.ts
var IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
var MAX_FREE_FORM_DEPTH = 32;
function parseUntrustedJson(text, source, what) {
  try {
    return JSON.parse(text.charCodeAt(0) === 65279 ? text.slice(1) : text);
  } catch {
    const problem = findJsonSyntaxError(text);
    const where = problem === void 0 ? { line: 1, column: 1 } : lineOfChar(text, problem.offset);
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
  fail(path2, message) {
    throw new UserError(`${this.source}: ${this.what}: ${path2} ${message}`, { file: this.source });
  }
  show(value) {
    if (value === void 0) return "nothing";
    if (Array.isArray(value)) return "an array";
    if (value !== null && typeof value === "object") return "an object";
    const text = JSON.stringify(value) ?? typeof value;
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
  }
  /**
   * A free-form object, refused when nested deeper than MAX_FREE_FORM_DEPTH: writing it back out
   * must not overflow the stack.
   */
  shallow(value, path2) {
    const pending = [[value, 0]];
    while (pending.length > 0) {
      const [node, depth] = pending.pop();
      if (typeof node !== "object" || node === null) continue;
      if (depth >= MAX_FREE_FORM_DEPTH) this.fail(path2, `is nested more than ${MAX_FREE_FORM_DEPTH} levels deep`);
      for (const child of Object.values(node)) pending.push([child, depth + 1]);
    }
    return value;
  }
  /** `.name` or `["odd name"]`, for paths. */
  key(name) {
    return IDENTIFIER.test(name) ? `.${name}` : `[${JSON.stringify(name)}]`;
  }
  required(object, path2, key) {
    const value = Object.prototype.hasOwnProperty.call(object, key) ? object[key] : void 0;
    if (value === void 0) this.fail(`${path2}${this.key(key)}`, "is missing");
    return value;
  }
  object(value, path2) {
    if (!isPlainObject(value)) this.fail(path2, `must be an object (got ${this.show(value)})`);
    return value;
  }
  array(value, path2, maxLength = Infinity) {
    if (!Array.isArray(value)) this.fail(path2, `must be an array (got ${this.show(value)})`);
    if (value.length > maxLength) this.fail(path2, `must hold at most ${maxLength} items (got ${value.length})`);
    return value;
  }
  string(value, path2, minLength = 0) {
    if (typeof value !== "string") this.fail(path2, `must be a string (got ${this.show(value)})`);
    if (value.length < minLength) this.fail(path2, "must not be empty");
    return value;
  }
  /** A string matching `pattern`, described for the message (`a commit sha`). */
  matching(value, path2, pattern, description) {
    const text = this.string(value, path2);
    if (!pattern.test(text)) this.fail(path2, `must be ${description} (got ${this.show(text)})`);
    return text;
  }
  boolean(value, path2) {
    if (typeof value !== "boolean") this.fail(path2, `must be true or false (got ${this.show(value)})`);
    return value;
  }
  /** One of a fixed set of strings. */
  oneOf(value, path2, choices) {
    if (typeof value !== "string" || !choices.includes(value)) {
      this.fail(path2, `must be one of ${choices.join(", ")} (got ${this.show(value)})`);
    }
    return value;
  }
  number(value, path2, minimum = -Infinity) {
    if (typeof value !== "number") this.fail(path2, `must be a number (got ${this.show(value)})`);
    if (value < minimum) this.fail(path2, `must be at least ${minimum} (got ${value})`);
    return value;
  }
  /** A number greater than zero (JSON Schema's `exclusiveMinimum: 0`). */
  positive(value, path2) {
    if (typeof value !== "number") this.fail(path2, `must be a number (got ${this.show(value)})`);
    if (!(value > 0)) this.fail(path2, `must be greater than 0 (got ${value})`);
    return value;
  }
  integer(value, path2, minimum) {
    if (typeof value !== "number" || !Number.isInteger(value))
      this.fail(path2, `must be an integer (got ${this.show(value)})`);
    if (value < minimum) this.fail(path2, `must be at least ${minimum} (got ${value})`);
    return value;
  }
  metricNumber(value, path2) {
    if (typeof value === "number") return value;
    if (value === "NaN") return NaN;
    if (value === "Infinity") return Infinity;
    if (value === "-Infinity") return -Infinity;
    return this.fail(path2, `must be a number or "NaN", "Infinity", "-Infinity" (got ${this.show(value)})`);
  }
  /** An array of metric numbers, converted in place (the array is our own parse result). */
  metricNumbers(value, path2) {
    const items = this.array(value, path2);
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (typeof item !== "number") items[i] = this.metricNumber(item, `${path2}[${i}]`);
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
function parseGateResult(text, source) {
  const what = "not a gate result";
  const check = new JsonChecker(source, what);
  const root = check.object(parseUntrustedJson(text, source, what), "$");
  const results = check.array(check.required(root, "$", "results"), "$.results").map((item, index) => {
    const path2 = `$.results[${index}]`;
    const rule = check.object(item, path2);
    const text2 = (key) => check.string(check.required(rule, path2, key), `${path2}.${key}`);
    const optionalNumber = (key) => rule[key] === void 0 ? {} : { [key]: check.metricNumber(rule[key], `${path2}.${key}`) };
    const optionalText = (key) => rule[key] === void 0 ? {} : { [key]: check.string(rule[key], `${path2}.${key}`) };
    return {
      rule: text2("rule"),
      ...optionalText("experiment"),
      line: check.integer(check.required(rule, path2, "line"), `${path2}.line`, 0),
      metric: text2("metric"),
      ...optionalText("aggregate"),
      verdict: check.oneOf(check.required(rule, path2, "verdict"), `${path2}.verdict`, VERDICTS),
      ...optionalNumber("actual"),
      ...optionalNumber("threshold"),
      ...optionalNumber("baseline"),
      ...rule["noise"] === void 0 ? {} : { noise: check.oneOf(rule["noise"], `${path2}.noise`, NOISE_VERDICTS) },
      ...optionalNumber("pValue"),
      ...optionalNumber("difference"),
      ...optionalNumber("ciLow"),
      ...optionalNumber("ciHigh"),
      message: text2("message")
    };
  });
  return { passed: check.boolean(check.required(root, "$", "passed"), "$.passed"), results };
}

// packages/core/src/history/history-entry.ts
var HISTORY_ENTRY_SCHEMA = "ml-actions/history-entry";
var HISTORY_ENTRY_VERSION = 1;

// packages/core/src/history/trend-page.ts
import { createHash as createHash2 } from "node:crypto";

// packages/core/src/history/trend-page-script.ts
var TREND_PAGE_STYLE = `
body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5rem; color: #1f2328; background: #fff; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; border-bottom: 1px solid #d0d7de; }
.note { color: #59636e; }
.charts { display: flex; flex-wrap: wrap; gap: 1rem; }
figure.chart { margin: 0; border: 1px solid #d0d7de; border-radius: 6px; padding: .5rem; }
figcaption { font-weight: 600; margin-bottom: .25rem; overflow-wrap: anywhere; max-width: 640px; }
svg text { font-size: 11px; fill: #59636e; }
.axis { stroke: #d0d7de; }
.band { fill: #0969da; fill-opacity: .15; }
.line { fill: none; stroke: #0969da; stroke-width: 1.5; }
.whisker { stroke: #0969da; stroke-opacity: .4; }
.threshold { stroke: #cf222e; stroke-dasharray: 4 3; }
a.point circle { fill: #0969da; }
a.point.failed circle { fill: #cf222e; }
a.point:hover circle { r: 5; }
a.point.highlight circle { fill: #bf8700; stroke: #1f2328; stroke-width: 2; }
a.point:focus { outline: none; }
a.point:focus circle { stroke: #1f2328; stroke-width: 3; }
tr.run.highlight td { background: #fff8c5; }
#trend-link { font-weight: 600; color: #9a6700; }
table { border-collapse: collapse; margin-top: 1rem; }
th, td { border: 1px solid #d0d7de; padding: .2rem .5rem; text-align: left; }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
`;
var TREND_PAGE_SCRIPT = `
(function () {
  'use strict';
  var SVG = 'http://www.w3.org/2000/svg';
  var W = 640, H = 200, L = 56, R = 12, T = 10, B = 24;
  var main = document.getElementById('trends');
  var data = window.mlActionsTrendData;
  function el(name, attributes, text, ns) {
    var node = ns ? document.createElementNS(SVG, name) : document.createElement(name);
    for (var key in attributes) node.setAttribute(key, String(attributes[key]));
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function link(url, text) {
    if (typeof url !== 'string' || !/^https?:\\/\\//i.test(url)) return document.createTextNode(text);
    return el('a', { href: url }, text);
  }
  // A link inside the repository is written as its path (data.js stays short); null is no link.
  function address(link) {
    if (typeof link !== 'string') return null;
    var url = link.charAt(0) === '/' && data.repositoryUrl !== null ? data.repositoryUrl + link : link;
    return /^https?:\\/\\//i.test(url) ? url : null;
  }
  function num(value) {
    if (value === null || value === undefined) return '';
    var abs = Math.abs(value);
    return abs !== 0 && (abs < 1e-3 || abs >= 1e6) ? value.toExponential(3) : String(Number(value.toPrecision(4)));
  }
  function verdict(passed) { return passed === 1 ? 'pass' : passed === 0 ? 'fail' : '-'; }
  if (!data || data.version !== 1) {
    main.appendChild(el('p', { 'class': 'note' }, 'The data of this page (data.js, next to index.html) is missing or of another version.'));
    return;
  }
  data.experiments.forEach(function (experiment) {
    var section = el('section', { 'class': 'experiment', 'data-experiment': experiment.name });
    section.appendChild(el('h2', {}, experiment.label));
    section.appendChild(el('p', { 'class': 'note' }, experiment.total + ' runs; charts show up to ' + data.maxPoints + ' of them (first, last and each stretch\\u2019s lowest and highest).'));
    var charts = el('div', { 'class': 'charts' });
    experiment.charts.forEach(function (chart) { charts.appendChild(drawChart(experiment, chart)); });
    section.appendChild(charts);
    if (experiment.omittedMetrics > 0) {
      section.appendChild(el('p', { 'class': 'note' }, experiment.omittedMetrics + ' more metrics are in the history but not charted.'));
    }
    section.appendChild(drawTable(experiment));
    main.appendChild(section);
  });
  var status = el('p', { id: 'trend-link', 'class': 'note', role: 'status' });
  status.hidden = true;
  main.parentNode.insertBefore(status, main);
  followFragment();
  window.addEventListener('hashchange', followFragment);

  // experiment, commit and version of a fragment such as #experiment=train&commit=<sha>; null without an experiment.
  function fragmentTarget() {
    var target = { experiment: null, commit: null, version: null };
    location.hash.replace(/^#/, '').split('&').forEach(function (pair) {
      var at = pair.indexOf('=');
      if (at < 1) return;
      var key = pair.slice(0, at), value;
      try { value = decodeURIComponent(pair.slice(at + 1)); } catch (error) { return; }
      if (key === 'experiment' || key === 'commit' || key === 'version') target[key] = value;
    });
    return target.experiment === null ? null : target;
  }
  function unmark() {
    Array.prototype.forEach.call(main.querySelectorAll('.highlight'), function (node) {
      node.classList.remove('highlight');
      if (node.classList.contains('point')) node.querySelector('circle').setAttribute('r', '3');
    });
    status.hidden = true;
    status.textContent = '';
  }
  function say(text) {
    status.textContent = text;
    status.hidden = false;
  }
  function followFragment() {
    unmark();
    var target = fragmentTarget();
    if (target === null) return;
    var section = null;
    Array.prototype.forEach.call(main.querySelectorAll('section.experiment'), function (candidate) {
      if (section === null && candidate.getAttribute('data-experiment') === target.experiment) section = candidate;
    });
    if (section === null) { say('no experiment ' + target.experiment + ' in the history yet'); return; }
    var chart = section.querySelector('figure.chart');
    (chart || section).scrollIntoView({ block: 'start' });
    if (target.commit === null && target.version === null) return;
    var attribute = target.commit === null ? 'data-version' : 'data-commit';
    var wanted = target.commit === null ? target.version : target.commit.toLowerCase();
    var matches = function (node) { return node.getAttribute(attribute) === wanted; };
    var points = Array.prototype.filter.call(section.querySelectorAll('a.point'), matches);
    var rows = Array.prototype.filter.call(section.querySelectorAll('tr.run'), matches);
    points.forEach(function (point) {
      point.classList.add('highlight');
      point.querySelector('circle').setAttribute('r', '6');
    });
    rows.forEach(function (row) { row.classList.add('highlight'); });
    if (points.length === 0 && rows.length === 0) {
      say('no run of ' + (target.commit === null ? 'version ' + target.version : 'commit ' + target.commit.slice(0, 7)) +
        ' in the history yet');
      return;
    }
    // Keyboard users land on the run: its first point, else its row's commit link.
    var first = points[0] || rows[0].querySelector('a');
    if (!first) return;
    // A point without a commit link is not focusable by itself.
    if (!first.hasAttribute('href')) first.setAttribute('tabindex', '-1');
    first.focus({ preventScroll: true });
  }

  function drawChart(experiment, chart) {
    var figure = el('figure', { 'class': 'chart', 'data-experiment': experiment.name, 'data-metric': chart.metric });
    figure.appendChild(el('figcaption', {}, chart.label));
    var svg = el('svg', { viewBox: '0 0 ' + W + ' ' + H, width: W, height: H, role: 'img' }, undefined, true);
    var lo = Infinity, hi = -Infinity;
    chart.points.forEach(function (p) {
      var std = p[3] === null ? 0 : p[3];
      lo = Math.min(lo, p[4], p[2] - std); hi = Math.max(hi, p[5], p[2] + std);
    });
    chart.thresholds.forEach(function (t) { lo = Math.min(lo, t[1]); hi = Math.max(hi, t[1]); });
    if (!(hi > lo)) { lo -= 1; hi += 1; }
    var last = Math.max(1, experiment.total - 1);
    function x(i) { return L + (i / last) * (W - L - R); }
    function y(v) { return T + (1 - (v - lo) / (hi - lo)) * (H - T - B); }
    svg.appendChild(el('line', { 'class': 'axis', x1: L, x2: L, y1: T, y2: H - B }, undefined, true));
    svg.appendChild(el('line', { 'class': 'axis', x1: L, x2: W - R, y1: H - B, y2: H - B }, undefined, true));
    svg.appendChild(el('text', { x: L - 4, y: T + 8, 'text-anchor': 'end' }, num(hi), true));
    svg.appendChild(el('text', { x: L - 4, y: H - B, 'text-anchor': 'end' }, num(lo), true));
    var first = chart.points[0], newest = chart.points[chart.points.length - 1];
    if (first) svg.appendChild(el('text', { x: x(first[0]), y: H - 6 }, experiment.runs[first[1]][0].slice(0, 7), true));
    if (newest && newest !== first) svg.appendChild(el('text', { x: x(newest[0]), y: H - 6, 'text-anchor': 'end' }, experiment.runs[newest[1]][0].slice(0, 7), true));
    var upper = [], lower = [], line = [];
    chart.points.forEach(function (p) {
      var std = p[3] === null ? 0 : p[3], px = x(p[0]).toFixed(1);
      upper.push(px + ',' + y(p[2] + std).toFixed(1));
      lower.unshift(px + ',' + y(p[2] - std).toFixed(1));
      line.push(px + ',' + y(p[2]).toFixed(1));
    });
    svg.appendChild(el('polygon', { 'class': 'band', points: upper.concat(lower).join(' ') }, undefined, true));
    svg.appendChild(el('polyline', { 'class': 'line', points: line.join(' ') }, undefined, true));
    chart.thresholds.forEach(function (t) {
      var ty = y(t[1]).toFixed(1);
      var rule = el('line', { 'class': 'threshold', 'data-rule': t[0], 'data-value': t[1], x1: L, x2: W - R, y1: ty, y2: ty }, undefined, true);
      rule.appendChild(el('title', {}, 'gate: ' + t[0], true));
      svg.appendChild(rule);
    });
    chart.points.forEach(function (p) {
      var run = experiment.runs[p[1]], px = x(p[0]);
      svg.appendChild(el('line', { 'class': 'whisker', x1: px, x2: px, y1: y(p[4]), y2: y(p[5]) }, undefined, true));
      var attributes = { 'class': run[6] === 0 ? 'point failed' : 'point', 'data-commit': run[0].toLowerCase() };
      if (run[3] !== null) attributes['data-version'] = run[3];
      var href = address(run[4]);
      if (href !== null) attributes.href = href;
      var a = el('a', attributes, undefined, true);
      a.appendChild(el('circle', { cx: px, cy: y(p[2]), r: 3 }, undefined, true));
      var tip = run[0].slice(0, 7) + ' ' + run[1] + '\\n' + chart.label + ' ' + num(p[2]) +
        (p[3] === null ? '' : ' \\u00b1 ' + num(p[3])) + ' (n=' + p[6] + ', ' + num(p[4]) + '..' + num(p[5]) + ')' +
        '\\ngate: ' + verdict(run[6]) + (run[2] === null ? '' : '\\npull request #' + run[2]) +
        (run[3] === null ? '' : '\\npackage ' + run[3]);
      a.appendChild(el('title', {}, tip, true));
      svg.appendChild(a);
    });
    figure.appendChild(svg);
    return figure;
  }

  function drawTable(experiment) {
    var table = el('table', { 'class': 'latest', 'data-experiment': experiment.name });
    table.appendChild(el('caption', {}, 'Latest runs'));
    var head = el('tr');
    ['commit', 'date', 'gate'].concat(experiment.metricLabels, ['package', 'links']).forEach(function (name) {
      head.appendChild(el('th', {}, name));
    });
    table.appendChild(head);
    experiment.latest.forEach(function (row) {
      var run = experiment.runs[row[0]], tr = el('tr', { 'class': 'run', 'data-commit': run[0].toLowerCase() });
      if (run[3] !== null) tr.setAttribute('data-version', run[3]);
      var commit = el('td'); commit.appendChild(link(address(run[4]), run[0].slice(0, 7))); tr.appendChild(commit);
      tr.appendChild(el('td', {}, run[1]));
      tr.appendChild(el('td', {}, verdict(run[6])));
      row[1].forEach(function (value) { tr.appendChild(el('td', { 'class': 'number' }, num(value))); });
      tr.appendChild(el('td', {}, run[3] === null ? '' : run[3]));
      var links = el('td');
      links.appendChild(link(address(run[5]), 'run'));
      if (run[2] !== null) {
        links.appendChild(document.createTextNode(' '));
        links.appendChild(link(data.repositoryUrl === null ? null : data.repositoryUrl + '/pull/' + run[2], '#' + run[2]));
      }
      tr.appendChild(links);
      table.appendChild(tr);
    });
    return table;
  }
})();
`;

// packages/core/src/history/trend-points.ts
var MAX_TREND_POINTS = 160;
function pickTrendPoints(values, maxPoints = MAX_TREND_POINTS) {
  if (!Number.isInteger(maxPoints) || maxPoints < 4) {
    throw new Error(`a trend chart needs at least 4 points to draw, not ${maxPoints}`);
  }
  const count = values.length;
  if (count <= maxPoints) return Array.from({ length: count }, (_, i) => i);
  const picked = [0];
  const inner = count - 2;
  const buckets = Math.floor((maxPoints - 2) / 2);
  for (let bucket = 0; bucket < buckets; bucket++) {
    const start = 1 + Math.floor(bucket * inner / buckets);
    const end = 1 + Math.floor((bucket + 1) * inner / buckets);
    if (end <= start) continue;
    let low = start;
    let high = start;
    for (let i = start + 1; i < end; i++) {
      if (values[i] < values[low]) low = i;
      if (values[i] > values[high]) high = i;
    }
    if (low === high) picked.push(low);
    else picked.push(Math.min(low, high), Math.max(low, high));
  }
  picked.push(count - 1);
  return picked;
}

// packages/core/src/history/trend-page.ts
var TREND_PAGE_FOLDER = "docs";
var TREND_DATA_GLOBAL = "mlActionsTrendData";
var LATEST_RUNS = 10;
var TABLE_METRICS = 6;
var MAX_TREND_CHARTS = 60;
function renderTrendPage(history, options) {
  const data = trendData(history, options);
  return [
    { path: "index.html", content: pageHtml(options) },
    { path: "data.js", content: `window.${TREND_DATA_GLOBAL} = ${scriptSafeJson(data)};
` },
    { path: ".nojekyll", content: "" }
  ];
}
function trendData(history, options) {
  const repositoryUrl = safeUrl(options.repositoryUrl.replace(/\/+$/, "")) ?? null;
  return {
    version: 1,
    maxPoints: MAX_TREND_POINTS,
    repositoryUrl,
    experiments: history.map(({ experiment, entries }) => experimentData(experiment, entries, repositoryUrl))
  };
}
function experimentData(experiment, entries, repositoryUrl) {
  const runs = [];
  const runIndex = /* @__PURE__ */ new Map();
  const runOf = (position) => {
    let index = runIndex.get(position);
    if (index === void 0) {
      index = runs.push(trendRun(entries[position], repositoryUrl)) - 1;
      runIndex.set(position, index);
    }
    return index;
  };
  const names = /* @__PURE__ */ new Set();
  for (const entry of entries) for (const name of Object.keys(entry.metrics)) names.add(name);
  const gate = latestGate(entries);
  const gateMetrics = new Set(gate?.rules.map((rule) => rule.metric));
  const byName = [...names].sort();
  const ordered = [
    ...byName.filter((name) => gateMetrics.has(name)),
    ...byName.filter((name) => !gateMetrics.has(name))
  ];
  const charted = ordered.slice(0, MAX_TREND_CHARTS);
  const charts = charted.map((metric) => {
    const positions = [];
    const means = [];
    entries.forEach((entry, position) => {
      const mean = entry.metrics[metric]?.mean;
      if (mean !== void 0 && Number.isFinite(mean)) {
        positions.push(position);
        means.push(mean);
      }
    });
    const points = pickTrendPoints(means).map((picked) => {
      const position = positions[picked];
      const summary2 = entries[position].metrics[metric];
      const mean = round(summary2.mean);
      const std = typeof summary2.std === "number" && Number.isFinite(summary2.std) && summary2.std >= 0 ? summary2.std : null;
      const min = Number.isFinite(summary2.min) ? Math.min(summary2.min, summary2.mean) : summary2.mean;
      const max = Number.isFinite(summary2.max) ? Math.max(summary2.max, summary2.mean) : summary2.mean;
      return [position, runOf(position), mean, std === null ? null : round(std), round(min), round(max), summary2.n];
    });
    const thresholds = [];
    for (const rule of gate?.rules ?? []) {
      if (rule.metric === metric && typeof rule.threshold === "number" && Number.isFinite(rule.threshold)) {
        thresholds.push([showHiddenCharacters(rule.rule), round(rule.threshold)]);
      }
    }
    return { metric, label: showHiddenCharacters(metric), thresholds, points };
  });
  const tableMetrics = ordered.slice(0, TABLE_METRICS);
  const latest = [];
  for (let position = entries.length - 1; position >= Math.max(0, entries.length - LATEST_RUNS); position--) {
    const metrics = entries[position].metrics;
    latest.push([
      runOf(position),
      tableMetrics.map((name) => {
        const mean = metrics[name]?.mean;
        return mean !== void 0 && Number.isFinite(mean) ? round(mean) : null;
      })
    ]);
  }
  return {
    name: experiment,
    label: showHiddenCharacters(experiment),
    total: entries.length,
    runs,
    charts,
    omittedMetrics: ordered.length - charted.length,
    metricLabels: tableMetrics.map(showHiddenCharacters),
    latest
  };
}
function latestGate(entries) {
  for (let position = entries.length - 1; position >= 0; position--) {
    const gate = entries[position].gate;
    if (gate !== null && gate !== void 0) return gate;
  }
  return null;
}
function trendRun(entry, repositoryUrl) {
  const link = (url) => {
    const safe = safeUrl(url);
    if (safe === void 0) return null;
    return repositoryUrl !== null && safe.startsWith(`${repositoryUrl}/`) ? safe.slice(repositoryUrl.length) : safe;
  };
  const pullRequest = Number.isSafeInteger(entry.pullRequest) && entry.pullRequest > 0 ? entry.pullRequest : null;
  return [
    showHiddenCharacters(String(entry.commit)),
    shownDate(entry.date),
    pullRequest,
    typeof entry.packageVersion === "string" ? showHiddenCharacters(entry.packageVersion) : null,
    link(entry.commitUrl),
    link(entry.runUrl),
    entry.gate === null || entry.gate === void 0 ? null : entry.gate.passed ? 1 : 0
  ];
}
function shownDate(date) {
  const text = String(date);
  return /^\d{4}-\d\d-\d\dT\d\d:\d\d(:[\d.]+)?Z$/.test(text) ? `${text.slice(0, 10)} ${text.slice(11, 16)}` : showHiddenCharacters(text);
}
function round(value) {
  return Number(value.toPrecision(7));
}
function scriptSafeJson(value) {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`
  );
}
function escapeHtml(text) {
  return showHiddenCharacters(text).replace(
    /[<>&"']/g,
    (char) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&#39;" })[char]
  );
}
function sha256(text) {
  return `'sha256-${createHash2("sha256").update(text).digest("base64")}'`;
}
function pageHtml(options) {
  const title = escapeHtml(options.title);
  const repository = safeUrl(options.repositoryUrl);
  const policy = [
    "default-src 'none'",
    `script-src 'self' ${sha256(TREND_PAGE_SCRIPT)}`,
    `style-src ${sha256(TREND_PAGE_STYLE)}`,
    "img-src 'none'"
  ].join("; ");
  const source = repository === void 0 ? "" : ` of <a href="${escapeHtml(repository)}">${escapeHtml(options.repositoryUrl.replace(/^https?:\/\//, ""))}</a>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<title>${title}</title>
<style>${TREND_PAGE_STYLE}</style>
</head>
<body>
<h1>${title}</h1>
<p class="note">Metrics of each experiment over the commits of the default branch${source}: the line is the mean over the replicates, the band mean \xB1 std, the whiskers min..max, the dashed line the gate's threshold. Each point links to its commit.</p>
<noscript><p>This page draws its charts with JavaScript.</p></noscript>
<main id="trends"></main>
<script src="data.js"></script>
<script>${TREND_PAGE_SCRIPT}</script>
</body>
</html>
`;
}

// packages/core/src/text/safe-record.ts
function setOwnEntry(record, key, value) {
  if (key === "__proto__") {
    Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    record[key] = value;
  }
}

// packages/core/src/history/history-entries.ts
function historyEntries(runs, extras) {
  const groups = /* @__PURE__ */ new Map();
  for (const run2 of runs) {
    const group = groups.get(run2.experiment);
    if (group === void 0) groups.set(run2.experiment, [run2]);
    else group.push(run2);
  }
  const { context } = extras;
  const server = context.serverUrl.replace(/\/+$/, "");
  const runUrl = `${server}/${context.repository}/actions/runs/${context.workflowRunId}/attempts/${context.runAttempt}`;
  const commitUrl = `${server}/${context.repository}/commit/${context.sha}`;
  return [...groups].map(([experiment, group]) => ({
    schema: HISTORY_ENTRY_SCHEMA,
    version: HISTORY_ENTRY_VERSION,
    experiment,
    commit: context.sha,
    date: extras.date,
    branch: context.branch,
    workflowRunId: context.workflowRunId,
    runAttempt: context.runAttempt,
    runUrl,
    commitUrl,
    pullRequest: context.pullRequest ?? null,
    metrics: summarizeMetrics(group),
    params: commonParams(group),
    gate: experimentGate(extras.gate, experiment),
    packageVersion: extras.packageVersion ?? null
  }));
}
function summarizeMetrics(group) {
  const values = /* @__PURE__ */ new Map();
  for (const run2 of group) {
    for (const [name, metric] of Object.entries(run2.metrics)) {
      const list = values.get(name);
      if (list === void 0) values.set(name, [metric.value]);
      else list.push(metric.value);
    }
  }
  const metrics = {};
  for (const name of [...values.keys()].sort()) {
    const summary2 = summarizeSample(values.get(name));
    setOwnEntry(metrics, name, {
      mean: summary2.mean,
      std: summary2.std ?? null,
      n: summary2.n,
      min: summary2.min,
      max: summary2.max
    });
  }
  return metrics;
}
function commonParams(group) {
  const params = {};
  const [first, ...rest] = group;
  if (first === void 0) return params;
  for (const name of Object.keys(first.params).sort()) {
    const value = first.params[name];
    const shared = rest.every(
      (run2) => Object.prototype.hasOwnProperty.call(run2.params, name) && Object.is(run2.params[name], value)
    );
    if (shared) setOwnEntry(params, name, value);
  }
  return params;
}
function experimentGate(gate, experiment) {
  if (gate === void 0) return null;
  const rules = gate.results.filter((result) => result.experiment === experiment).map((result) => ({
    rule: result.rule,
    metric: result.metric,
    verdict: result.verdict,
    threshold: result.threshold ?? null
  }));
  return { passed: rules.every((rule) => rule.verdict !== "fail" && rule.verdict !== "error"), rules };
}

// packages/core/src/history/history-lines.ts
var COMMIT_SHA = /^[0-9a-f]{40}$/;
var ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
var RULE_VERDICTS = ["pass", "fail", "skipped", "error"];
function serializeHistoryEntry(entry) {
  return JSON.stringify(
    entry,
    (_key, value) => typeof value === "number" && !Number.isFinite(value) ? String(value) : value
  );
}
function parseHistoryText(text, file) {
  return parseHistoryLines(text, file).map((line) => line.entry);
}
function parseHistoryLines(text, file) {
  const entries = [];
  const lines = text.split("\n");
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index].replace(/\r$/, "");
    if (line.trim() === "") continue;
    const number = index + 1;
    let document;
    try {
      document = parseUntrustedJson(line, file, "not a history entry");
    } catch (error2) {
      if (!(error2 instanceof UserError)) throw error2;
      const column = error2.column ?? 1;
      throw new UserError(error2.message.replace(`${file}:1:`, `${file}:${number}:`), { file, line: number, column });
    }
    try {
      entries.push({ entry: validateHistoryEntry(document, `${file}:${number}`), text: line });
    } catch (error2) {
      if (error2 instanceof UserError) throw new UserError(error2.message, { file, line: number });
      throw error2;
    }
  }
  return entries;
}
function validateHistoryEntry(document, source) {
  const check = new JsonChecker(source, "invalid history entry");
  const root = check.object(document, "$");
  if (root["schema"] !== HISTORY_ENTRY_SCHEMA) {
    check.fail(
      "$.schema",
      `must be "${HISTORY_ENTRY_SCHEMA}" (got ${check.show(root["schema"])}): not a history entry`
    );
  }
  const version = check.integer(check.required(root, "$", "version"), "$.version", 1);
  if (version > HISTORY_ENTRY_VERSION) {
    check.fail(
      "$.version",
      `is ${version}, newer than this version of ml-actions reads (${HISTORY_ENTRY_VERSION}); upgrade ml-actions`
    );
  }
  const text = (key, minLength = 1) => check.string(check.required(root, "$", key), `$.${key}`, minLength);
  const pullRequest = check.required(root, "$", "pullRequest");
  const packageVersion = check.required(root, "$", "packageVersion");
  return {
    schema: HISTORY_ENTRY_SCHEMA,
    version: HISTORY_ENTRY_VERSION,
    experiment: text("experiment"),
    commit: check.matching(check.required(root, "$", "commit"), "$.commit", COMMIT_SHA, "a commit sha (40 hex)"),
    date: check.matching(check.required(root, "$", "date"), "$.date", ISO_DATE_TIME, "an ISO 8601 date and time"),
    branch: text("branch"),
    workflowRunId: check.integer(check.required(root, "$", "workflowRunId"), "$.workflowRunId", 1),
    runAttempt: check.integer(check.required(root, "$", "runAttempt"), "$.runAttempt", 1),
    runUrl: text("runUrl"),
    commitUrl: text("commitUrl"),
    pullRequest: pullRequest === null ? null : check.integer(pullRequest, "$.pullRequest", 1),
    metrics: checkMetrics(check, check.object(check.required(root, "$", "metrics"), "$.metrics")),
    params: checkParams(check, check.object(check.required(root, "$", "params"), "$.params")),
    gate: checkGate(check, check.required(root, "$", "gate")),
    packageVersion: packageVersion === null ? null : check.string(packageVersion, "$.packageVersion", 1)
  };
}
function checkMetrics(check, value) {
  const metrics = {};
  for (const [name, raw] of Object.entries(value)) {
    const p = `$.metrics${check.key(name)}`;
    const metric = check.object(raw, p);
    const std = check.required(metric, p, "std");
    setOwnEntry(metrics, name, {
      mean: check.metricNumber(check.required(metric, p, "mean"), `${p}.mean`),
      std: std === null ? null : check.metricNumber(std, `${p}.std`),
      n: check.integer(check.required(metric, p, "n"), `${p}.n`, 1),
      min: check.metricNumber(check.required(metric, p, "min"), `${p}.min`),
      max: check.metricNumber(check.required(metric, p, "max"), `${p}.max`)
    });
  }
  return metrics;
}
function checkParams(check, value) {
  const params = {};
  for (const [name, raw] of Object.entries(value)) {
    if (raw !== null && typeof raw !== "string" && typeof raw !== "number" && typeof raw !== "boolean") {
      check.fail(`$.params${check.key(name)}`, `must be a string, number, boolean or null (got ${check.show(raw)})`);
    }
    setOwnEntry(params, name, raw);
  }
  return params;
}
function checkGate(check, value) {
  if (value === null) return null;
  const gate = check.object(value, "$.gate");
  const rules = check.array(check.required(gate, "$.gate", "rules"), "$.gate.rules").map((raw, i) => {
    const p = `$.gate.rules[${i}]`;
    const rule = check.object(raw, p);
    const threshold = check.required(rule, p, "threshold");
    return {
      rule: check.string(check.required(rule, p, "rule"), `${p}.rule`, 1),
      metric: check.string(check.required(rule, p, "metric"), `${p}.metric`),
      verdict: check.oneOf(check.required(rule, p, "verdict"), `${p}.verdict`, RULE_VERDICTS),
      threshold: threshold === null ? null : check.metricNumber(threshold, `${p}.threshold`)
    };
  });
  return { passed: check.boolean(check.required(gate, "$.gate", "passed"), "$.gate.passed"), rules };
}

// packages/core/src/history/history-file.ts
function historyFilePath(experiment) {
  return `experiments/${safeFileStem(experiment)}.jsonl`;
}
function historyArchivePath(experiment, year) {
  return `archive/${year}/${safeFileStem(experiment)}.jsonl`;
}
function appendToHistory(currentText, entries, options) {
  if (!(Number.isInteger(options.keep) && options.keep >= 1)) throw new Error(`keep must be a positive integer`);
  const experiment = entries[0]?.experiment;
  if (experiment === void 0) return { current: currentText ?? "", archive: [], appended: [] };
  const file = historyFilePath(experiment);
  for (const entry of entries) {
    if (entry.experiment !== experiment) throw new Error("appendToHistory takes the entries of one experiment");
  }
  const lines = currentText === void 0 ? [] : parseHistoryLines(currentText, file);
  lines.forEach(({ entry }, index) => {
    if (entry.experiment !== experiment) {
      throw new UserError(
        `${file}:${index + 1}: holds an entry of experiment ${JSON.stringify(entry.experiment)}, not ${JSON.stringify(experiment)}: the file was not written for this experiment`,
        { file }
      );
    }
  });
  const at = new Map(lines.map(({ entry }, index) => [runKey(entry), index]));
  const appended = [];
  for (const entry of entries) {
    const index = at.get(runKey(entry));
    const line = { entry, text: serializeHistoryEntry(entry) };
    if (index === void 0) {
      at.set(runKey(entry), lines.length);
      lines.push(line);
    } else if (lines[index].entry.runAttempt < entry.runAttempt) {
      lines[index] = line;
    } else {
      continue;
    }
    appended.push(entry);
  }
  const cut = lines.length > options.keep ? lines.length - (options.keep - Math.floor(options.keep / 10)) : 0;
  const archive = /* @__PURE__ */ new Map();
  for (const { entry, text } of lines.slice(0, cut)) {
    const path2 = historyArchivePath(experiment, new Date(entry.date).getUTCFullYear());
    archive.set(path2, `${archive.get(path2) ?? ""}${text}
`);
  }
  const kept = lines.slice(cut);
  return {
    current: kept.map(({ text }) => `${text}
`).join(""),
    archive: [...archive].map(([path2, text]) => ({ path: path2, lines: text })),
    appended
  };
}
function runKey(entry) {
  return JSON.stringify([entry.workflowRunId, entry.experiment]);
}

// packages/core/src/record/run-record.ts
var RUN_RECORD_SCHEMA = "ml-actions/run-record";
var RUN_RECORD_VERSION = 1;
var ISO_DATE_TIME2 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
var SHA256_HEX = /^[0-9a-f]{64}$/;
var RUN_STATUSES = ["succeeded", "failed", "timed-out", "collected"];
function parseRunRecord(text, source) {
  return validateRunRecord(parseUntrustedJson(text, source, "not a run record"), source);
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
    params: checkParams2(check, check.required(root, "$", "params")),
    metrics: checkMetrics2(check, check.required(root, "$", "metrics")),
    outcome: checkOutcome(check, outcomeObject),
    inputs: check.array(check.required(root, "$", "inputs"), "$.inputs").map((item, index) => {
      const path2 = `$.inputs[${index}]`;
      const input = check.object(item, path2);
      const sha2562 = check.string(check.required(input, path2, "sha256"), `${path2}.sha256`);
      if (!SHA256_HEX.test(sha2562))
        check.fail(`${path2}.sha256`, `must be 64 lowercase hex digits (got ${check.show(sha2562)})`);
      return {
        path: check.string(check.required(input, path2, "path"), `${path2}.path`, 1),
        size: check.integer(check.required(input, path2, "size"), `${path2}.size`, 0),
        sha256: sha2562
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
      const sha2562 = check.string(check.required(lockfile, at, "sha256"), `${at}.sha256`);
      if (!SHA256_HEX.test(sha2562))
        check.fail(`${at}.sha256`, `must be 64 lowercase hex digits (got ${check.show(sha2562)})`);
      return { path: check.string(check.required(lockfile, at, "path"), `${at}.path`, 1), sha256: sha2562 };
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
  const link = check.object(value, p);
  return {
    runId: check.string(check.required(link, p, "runId"), `${p}.runId`, 1),
    experimentId: check.string(check.required(link, p, "experimentId"), `${p}.experimentId`, 1),
    url: check.string(check.required(link, p, "url"), `${p}.url`, 1)
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
  const text = (key) => check.string(check.required(value, p, key), `${p}.${key}`);
  const count = (key, minimum) => check.integer(check.required(value, p, key), `${p}.${key}`, minimum);
  const optional = (key, read) => value[key] === void 0 ? {} : { [key]: read(value[key], `${p}.${key}`) };
  const provenance = {
    repository: text("repository"),
    serverUrl: text("serverUrl"),
    sha: text("sha"),
    ref: text("ref"),
    branch: text("branch"),
    ...optional("baseRef", (item, path2) => check.string(item, path2)),
    ...optional("pullRequest", (item, path2) => check.integer(item, path2, 1)),
    ...optional("headSha", (item, path2) => check.string(item, path2)),
    event: text("event"),
    workflow: text("workflow"),
    workflowRunId: count("workflowRunId", 0),
    runAttempt: count("runAttempt", 0),
    runNumber: count("runNumber", 0),
    job: text("job"),
    matrix: check.shallow(check.object(check.required(value, p, "matrix"), `${p}.matrix`), `${p}.matrix`),
    runnerOs: text("runnerOs")
  };
  return provenance;
}
function checkParams2(check, value) {
  const params = check.object(value, "$.params");
  const result = {};
  for (const key of Object.keys(params)) {
    const path2 = `$.params${check.key(key)}`;
    if (key === "") check.fail("$.params", "has an empty param name");
    const item = params[key];
    if (item !== null && typeof item !== "string" && typeof item !== "number" && typeof item !== "boolean") {
      check.fail(path2, `must be a string, number, boolean or null (got ${check.show(item)})`);
    }
    setOwnEntry(result, key, item);
  }
  return result;
}
function checkMetrics2(check, value) {
  const metrics = check.object(value, "$.metrics");
  const result = {};
  for (const key of Object.keys(metrics)) {
    const path2 = `$.metrics${check.key(key)}`;
    if (key === "") check.fail("$.metrics", "has an empty metric name");
    const item = check.object(metrics[key], path2);
    const metric = { value: check.metricNumber(check.required(item, path2, "value"), `${path2}.value`) };
    if (item["step"] !== void 0) metric.step = check.number(item["step"], `${path2}.step`);
    if (item["history"] !== void 0) {
      const historyPath = `${path2}.history`;
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
    const text = check.string(check.required(value, p, key), `${p}.${key}`);
    if (!ISO_DATE_TIME2.test(text))
      check.fail(`${p}.${key}`, `must be an ISO 8601 date-time such as 2024-05-01T12:00:00Z (got ${check.show(text)})`);
    return text;
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

// packages/core/src/metrics/tfevents.ts
var CHUNK_BYTES2 = 1024 * 1024;
var MAX_RECORD_BYTES = 1024 * 1024 * 1024;

// packages/core/src/metrics/metrics-format.ts
var SNIFF_BYTES = 64 * 1024;

// packages/core/src/metrics/mlflow.ts
var MAX_PARAM_FILE_BYTES = 1024 * 1024;

// packages/core/src/model-package/semver.ts
var NUMERIC = "0|[1-9]\\d*";
var PRERELEASE_ID = `(?:${NUMERIC}|\\d*[A-Za-z-][0-9A-Za-z-]*)`;
var SEMVER = new RegExp(
  `^(${NUMERIC})\\.(${NUMERIC})\\.(${NUMERIC})(?:-(${PRERELEASE_ID}(?:\\.${PRERELEASE_ID})*))?(?:\\+([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?$`
);

// packages/core/src/model-package/tar-archive.ts
var USTAR_MAX_SIZE = 8 ** 11 - 1;
var READ_CHUNK = 1024 * 1024;

// packages/core/src/model-package/release-archive.ts
var RELEASE_ASSET_LIMIT = 2 * 1024 ** 3 - 1;
var DEFAULT_RELEASE_PART_SIZE = 2 * 1024 ** 3 - 1024 ** 2;

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
function withoutUrlSecrets(text) {
  return text.replace(URL_IN_TEXT, (url) => {
    const parts = URL_PARTS.exec(url);
    if (parts === null) return url;
    const [, scheme = "", rest = "", query] = parts;
    return `${scheme}${rest}${query === void 0 ? "" : "?***"}`;
  });
}

// packages/core/src/text/one-line.ts
function oneLine(text) {
  return text.replace(/\s+/g, " ").trim();
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
  const path2 = env["GITHUB_EVENT_PATH"] ?? "";
  if (path2 === "") {
    if (env["GITHUB_ACTIONS"] === "true") {
      throw new UserError("GITHUB_EVENT_PATH is not set: the runner gives every step its event payload");
    }
    return {};
  }
  const where = `the event payload ${path2} (GITHUB_EVENT_PATH)`;
  let text;
  try {
    text = readFileSync(path2, "utf8");
  } catch (thrown) {
    const code = thrown?.code;
    throw new UserError(`${where} cannot be read${typeof code === "string" ? ` (${code})` : ""}`, { file: path2 });
  }
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new UserError(`${where} is not valid JSON`, { file: path2 });
  }
  const payload = asRecord(parsed);
  if (payload === void 0) throw new UserError(`${where} is not a JSON object`, { file: path2 });
  for (const field of REQUIRED_FIELDS[eventName] ?? []) {
    const [dotted = "", type = "string"] = field.split(":");
    let value = payload;
    for (const part of dotted.split(".")) value = asRecord(value)?.[part];
    const present = type === "number" ? typeof value === "number" : typeof value === "string" && value !== "";
    if (!present) {
      throw new UserError(`${where} is not a ${eventName} event: it has no ${type} ${dotted}`, { file: path2 });
    }
  }
  return payload;
}
function defaultBranchOf(context) {
  const name = asRecord(context.payload["repository"])?.["default_branch"];
  return typeof name === "string" && name !== "" ? name : void 0;
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
  const text = env[RETRY_WAIT_SCALE_VARIABLE]?.trim() ?? "";
  if (text === "") return 1;
  const scale = Number(text);
  if (!(Number.isFinite(scale) && scale > 0 && scale <= 1)) {
    throw new UserError(`${RETRY_WAIT_SCALE_VARIABLE} must be a number in (0, 1], got "${text}"`);
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
  const text = safeLine(typeof message === "string" ? message : "");
  if (response === void 0) return `the connection to GitHub failed during ${call} (${text})${after}`;
  const data = response.data;
  const reason = safeLine(typeof data?.message === "string" ? data.message : text);
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
function safeLine(text) {
  return withoutUrlSecrets(oneLine(text));
}
function isPermissionRefusal(thrown) {
  if (typeof thrown !== "object" || thrown === null) return false;
  const { status, message, response } = thrown;
  if (status !== 403) return false;
  const remaining = response?.headers?.["x-ratelimit-remaining"];
  if (remaining === "0" || remaining === 0) return false;
  const data = response?.data;
  const said = [message, data?.message].filter((text) => typeof text === "string").join(" ");
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
  const path2 = typeof request?.url === "string" ? pathOf(request.url) : "";
  return KNOWN_PERMISSIONS.find(([pattern]) => pattern.test(path2))?.[1];
}
var KNOWN_PERMISSIONS = [
  [/\/check-runs(\/|$)/, "checks: write"],
  // Comments on a pull request go through the issues endpoint, which takes either permission.
  [/\/issues\/(\d+\/comments|comments\/)/, "pull-requests: write (or issues: write)"],
  [/\/(git\/refs|git\/tags|releases)(\/|$)/, "contents: write"],
  [/\/actions\/artifacts(\/|$)/, "actions: write"]
];
function printableHeader(text) {
  return safeLine(text).replace(/[^\w ,:;=()-]/g, "").slice(0, 200);
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
import * as fs from "fs";
import * as os2 from "os";
function issueFileCommand(command, message) {
  const filePath = process.env[`GITHUB_${command}`];
  if (!filePath) {
    throw new Error(`Unable to find environment variable for file command ${command}`);
  }
  if (!fs.existsSync(filePath)) {
    throw new Error(`Missing file at path: ${filePath}`);
  }
  fs.appendFileSync(filePath, `${toCommandValue(message)}${os2.EOL}`, {
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
  addRaw(text, addEOL = false) {
    this._buffer += text;
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
        const { header, data, colspan, rowspan } = cell;
        const tag = header ? "th" : "td";
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
  addHeading(text, level) {
    const tag = `h${level}`;
    const allowedTag = ["h1", "h2", "h3", "h4", "h5", "h6"].includes(tag) ? tag : "h1";
    const element = this.wrap(allowedTag, text);
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
  addQuote(text, cite) {
    const attrs = Object.assign({}, cite && { cite });
    const element = this.wrap("blockquote", text, attrs);
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
  addLink(text, href) {
    const element = this.wrap("a", text, { href });
    return this.addRaw(element).addEOL();
  }
};
var _summary = new Summary();
var summary = _summary;

// node_modules/@actions/core/lib/platform.js
import os3 from "os";

// node_modules/@actions/io/lib/io-util.js
import * as fs2 from "fs";
var { chmod, copyFile, lstat, mkdir, open: open2, readdir, rename, rm, rmdir, stat, symlink, unlink } = fs2.promises;
var IS_WINDOWS = process.platform === "win32";
var READONLY = fs2.constants.O_RDONLY;

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
    print: (text) => info(text),
    debug: (text) => debug(text),
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
function printable(text) {
  return showHiddenCharacters(text).replace(CONTROL, (char) => {
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
  info(text) {
    const shown = printable(text);
    if (!COMMAND_LIKE.test(shown)) {
      this.runner.print(shown);
      return;
    }
    const token = `ml-actions-${randomUUID2()}`;
    this.runner.print(`::stop-commands::${token}`);
    this.runner.print(shown);
    this.runner.print(`::${token}::`);
  }
  debug(text) {
    this.runner.debug(printable(text));
  }
  notice(text, place = {}) {
    this.annotate("notice", text, place, false);
  }
  warning(text, place = {}) {
    this.annotate("warning", text, place, false);
  }
  error(text, place = {}) {
    this.annotate("error", text, place, false);
  }
  /** The error the step fails with: it always gets an annotation of its own. */
  failure(text, place = {}) {
    this.annotate("error", text, place, true);
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
  annotate(level, text, place, failure) {
    const room = level === "error" && !failure ? ANNOTATIONS_PER_LEVEL - 1 : ANNOTATIONS_PER_LEVEL;
    if (this.annotated[level] < room) {
      this.annotated[level] += 1;
      const shownPlace = place.title === void 0 ? place : { ...place, title: printable(place.title) };
      this.runner.annotate(level, printable(text), shownPlace);
      return;
    }
    this.unshown[level] += 1;
    const where = place.file === void 0 ? "" : `${place.file}${place.line === void 0 ? "" : `:${place.line}`}: `;
    this.info(`${level}: ${where}${text}`);
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
      fail: (text) => {
        const message = withoutUrlSecrets(text);
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
  const text = await downloadArtifactFile(github, repository, location, isRunRecordFileName, MAX_RUN_RECORD_BYTES);
  if (text === void 0) {
    throw new UserError(`${location.label} holds no run record file (run-record.json or run-record-*.json)`);
  }
  return parseRunRecord(text, location.label);
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

// packages/github/src/history-branch.ts
var APPEND_ATTEMPTS = 5;
var APPEND_RETRY_MS = 250;
async function appendHistory(options) {
  let requests = 0;
  const counted = (call) => {
    requests++;
    return call();
  };
  for (let attempt = 1; ; attempt++) {
    const outcome = await tryAppend(options, counted);
    if (outcome.kind === "written" || outcome.kind === "unchanged") {
      return { commit: outcome.commit, requests, appended: outcome.appended };
    }
    if (attempt >= APPEND_ATTEMPTS) {
      throw new Error(
        `history branch ${options.branch}: another writer moved it on each of ${APPEND_ATTEMPTS} attempts; the entries were not written`
      );
    }
    options.log.info(
      `History branch ${options.branch} moved while appending; reading it again (attempt ${attempt + 1} of ${APPEND_ATTEMPTS})`
    );
    await wait(APPEND_RETRY_MS * attempt * (0.5 + Math.random()) * retryWaitScale());
  }
}
async function tryAppend(options, counted) {
  const { github, owner, repo, branch } = options;
  const head = await readHead(options, counted);
  const byExperiment = /* @__PURE__ */ new Map();
  for (const entry of options.entries) {
    byExperiment.set(entry.experiment, [...byExperiment.get(entry.experiment) ?? [], entry]);
  }
  const experiments = await Promise.all(
    [...byExperiment].map(async ([experiment, entries]) => {
      const path2 = historyFilePath(experiment);
      const text = head === void 0 ? void 0 : await readFile(options, head.commit, path2, counted);
      try {
        return { path: path2, ...appendToHistory(text, entries, { keep: options.keep }) };
      } catch (error2) {
        if (error2 instanceof UserError) {
          throw new UserError(`history branch ${branch}: ${error2.message}; nothing was appended`, {
            file: path2,
            ...error2.line === void 0 ? {} : { line: error2.line }
          });
        }
        throw error2;
      }
    })
  );
  const appended = experiments.reduce((sum, e) => sum + e.appended.length, 0);
  if (appended === 0) return { kind: "unchanged", commit: head?.commit, appended: 0 };
  const files = /* @__PURE__ */ new Map();
  if (options.pageFiles !== void 0) {
    const history = [...byExperiment.keys()].map((experiment, index) => ({
      experiment,
      entries: parseHistoryText(experiments[index].current, experiments[index].path)
    }));
    for (const file of options.pageFiles(history)) files.set(file.path, file.content);
  }
  for (const experiment of experiments) {
    files.set(experiment.path, experiment.current);
    for (const archive of experiment.archive) {
      files.set(archive.path, `${files.get(archive.path) ?? ""}${archive.lines}`);
    }
  }
  const archives = experiments.flatMap((e) => e.archive.map((a) => a.path));
  await Promise.all(
    [...new Set(archives)].map(async (path2) => {
      const before = head === void 0 ? void 0 : await readFile(options, head.commit, path2, counted);
      if (before !== void 0 && before !== "") {
        files.set(path2, `${before.endsWith("\n") ? before : `${before}
`}${files.get(path2) ?? ""}`);
      }
    })
  );
  const repository = { owner, repo };
  const tree = await counted(
    () => github.request("POST /repos/{owner}/{repo}/git/trees", {
      ...repository,
      ...head === void 0 ? {} : { base_tree: head.tree },
      tree: [...files].map(([path2, content]) => ({ path: path2, mode: "100644", type: "blob", content }))
    })
  );
  const experimentNames = [...byExperiment.keys()];
  const commit = await counted(
    () => github.request("POST /repos/{owner}/{repo}/git/commits", {
      ...repository,
      message: `History: ${appended} ${appended === 1 ? "entry" : "entries"} of ${experimentNames.length === 1 ? experimentNames[0] : `${experimentNames.length} experiments`}`,
      tree: tree.data.sha,
      parents: head === void 0 ? [] : [head.commit]
    })
  );
  try {
    if (head === void 0) {
      await counted(
        () => github.request("POST /repos/{owner}/{repo}/git/refs", {
          ...repository,
          ref: `refs/heads/${branch}`,
          sha: commit.data.sha
        })
      );
    } else {
      await counted(
        () => github.request("PATCH /repos/{owner}/{repo}/git/refs/{ref}", {
          ...repository,
          ref: `heads/${branch}`,
          sha: commit.data.sha,
          force: false
        })
      );
    }
  } catch (thrown) {
    if (thrown.status === 422) return { kind: "moved" };
    throw thrown;
  }
  return { kind: "written", commit: commit.data.sha, appended };
}
async function readHead(branch, counted) {
  try {
    const answer = await counted(
      () => branch.github.request("GET /repos/{owner}/{repo}/commits/{ref}", {
        owner: branch.owner,
        repo: branch.repo,
        ref: `heads/${branch.branch}`,
        // The last commit's diff is not needed: one file a page keeps the answer small.
        per_page: 1
      })
    );
    return { commit: answer.data.sha, tree: answer.data.commit.tree.sha };
  } catch (thrown) {
    const status = thrown.status;
    if (status === 404 || status === 409 || status === 422) return void 0;
    throw thrown;
  }
}
async function readFile(branch, ref, path2, counted) {
  try {
    const answer = await counted(
      () => branch.github.request("GET /repos/{owner}/{repo}/contents/{path}", {
        owner: branch.owner,
        repo: branch.repo,
        path: path2,
        ref,
        headers: { accept: "application/vnd.github.raw+json" }
      })
    );
    const data = answer.data;
    if (typeof data === "string") return data;
    if (data instanceof ArrayBuffer) return new TextDecoder("utf-8", { fatal: true }).decode(data);
    throw new Error(`GitHub answered ${path2} at ${ref} with something other than the file's text`);
  } catch (thrown) {
    if (thrown.status === 404) return void 0;
    throw thrown;
  }
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
  return Promise.all(paths.map(async (path2) => parseRunRecord(await readRunRecordText(path2, path2), path2)));
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
  return Promise.all(paths.map(async (path2) => parseRunRecord(await readRunRecordText(path2, path2), path2)));
}
async function readRunRecordText(path2, displayName) {
  try {
    return await readTextFile(path2, displayName, { kind: "run records", maxBytes: MAX_RUN_RECORD_BYTES });
  } catch (thrown) {
    if (thrown instanceof UserError) throw thrown;
    throw new UserError(`cannot read the run record ${displayName}`, { file: displayName });
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
      const path2 = join2(folder, name);
      return parseGateResult(await readTextFile(path2, path2), path2);
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
      const text = await downloadArtifactFile(
        github,
        context,
        { artifactId: artifact.id, workflowRunId: runId, label },
        GATE_RESULT_FILE
      );
      return text === void 0 ? void 0 : parseGateResult(text, label);
    })
  );
  const found = results.filter((result) => result !== void 0);
  if (found.length === 0) return void 0;
  return { passed: found.every((result) => result.passed), results: found.flatMap((result) => result.results) };
}

// packages/github/src/user-command.ts
var MAX_TIMER_MS = 2 ** 31 - 1;

// actions/history/src/settings.ts
function readHistorySettings(inputs) {
  return {
    branch: inputs.required("branch"),
    run: inputs.list("run"),
    packageVersion: inputs.optional("package-version"),
    keep: inputs.integer("keep", { min: 10, max: 1e5 }),
    page: inputs.boolean("page"),
    token: inputs.secret("github-token")
  };
}

// actions/history/src/main.ts
async function run(runner) {
  await runStep(
    { name: "history", settings: readHistorySettings, token: (settings) => settings.token },
    async (step) => {
      const { settings, context, log } = step;
      const defaultBranch = defaultBranchOf(context);
      if (context.eventName !== "push" || defaultBranch === void 0 || context.branch !== defaultBranch) {
        log.notice(
          `the history records pushes to the default branch${defaultBranch === void 0 ? "" : ` (${defaultBranch})`} only: nothing was written for this ${context.eventName} on ${context.branch}`
        );
        step.setOutput("entries", 0);
        step.setOutput("commit", "");
        return;
      }
      if (settings.branch === defaultBranch) {
        throw new UserError(
          `input "branch" is the default branch (${defaultBranch}): the history needs a branch of its own`
        );
      }
      const { runs } = await gatherRuns({ run: settings.run, context, github: () => step.github(), log });
      const github = (await step.requireGitHub("the history branch is written with it")).client;
      const gate = await readJobGateResults(context) ?? await readWorkflowGateResult(github, context);
      const entries = historyEntries(runs, {
        ...gate === void 0 ? {} : { gate },
        ...settings.packageVersion === void 0 ? {} : { packageVersion: settings.packageVersion },
        date: (/* @__PURE__ */ new Date()).toISOString(),
        context: {
          serverUrl: context.serverUrl,
          repository: context.repository,
          sha: context.sha,
          branch: context.branch,
          workflowRunId: context.runId,
          runAttempt: context.runAttempt
        }
      });
      const repositoryUrl = `${context.serverUrl}/${context.repository}`;
      const result = await appendHistory({
        github,
        owner: context.owner,
        repo: context.repo,
        branch: settings.branch,
        entries,
        keep: settings.keep,
        log,
        ...settings.page ? {
          pageFiles: (history) => renderTrendPage(history, { title: `${context.repository}: experiment history`, repositoryUrl }).map(
            (file) => ({ path: `${TREND_PAGE_FOLDER}/${file.path}`, content: file.content })
          )
        } : {}
      });
      step.setOutput("entries", result.appended);
      step.setOutput("commit", result.commit ?? "");
      const where = `${repositoryUrl}/tree/${settings.branch}`;
      const lines = [
        "### ML history",
        "",
        result.appended === 0 ? `This attempt's entries were already on \`${settings.branch}\`: nothing was appended.` : `Appended ${result.appended} ${result.appended === 1 ? "entry" : "entries"} to [\`${settings.branch}\`](${where}) in ${result.requests} requests.`
      ];
      if (settings.page)
        lines.push(
          "",
          `Trend page: \`${TREND_PAGE_FOLDER}/index.html\` on \`${settings.branch}\` (GitHub Pages serves it when set to deploy from this branch's \`/${TREND_PAGE_FOLDER}\` folder).`
        );
      step.addSummary(`${lines.join("\n")}
`);
    },
    runner
  );
}

// actions/history/src/index.ts
await run();
exitWhenFlushed();
