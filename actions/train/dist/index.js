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
var MAX_DISTINCT_VALUES = 1e4;
var MAX_CATEGORY_LENGTH = 200;
var MAX_PROFILE_COLUMNS = 500;
var MAX_KEPT_VALUES = 4e7;
var ColumnValues = class {
  name;
  values = new Float64Array(1024);
  size = 0;
  missingCount = 0;
  textCount = 0;
  /** Line and file of the first text cell, for messages. */
  firstText;
  texts = /* @__PURE__ */ new Map();
  distinctCapped = false;
  budget;
  file = "";
  constructor(name, budget) {
    this.name = name;
    this.budget = budget;
  }
  number(value) {
    if (this.size === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.budget.take(this.name, this.file);
    this.values[this.size++] = value;
  }
  text(value, line) {
    this.textCount++;
    if (this.firstText === void 0) this.firstText = { value, line, file: this.file };
    countText(this.texts, value, this);
  }
  missing() {
    this.missingCount++;
  }
  /** The numbers, sorted ascending. */
  sorted() {
    const kept = this.values.subarray(0, this.size);
    kept.sort();
    return kept;
  }
  get isNumeric() {
    return this.textCount === 0 && this.size > 0;
  }
};
function countText(texts, value, owner) {
  const known = texts.get(value);
  if (known !== void 0) texts.set(value, known + 1);
  else if (texts.size < MAX_DISTINCT_VALUES) texts.set(value, 1);
  else owner.distinctCapped = true;
}
var ValueBudget = class {
  left;
  constructor(limit = MAX_KEPT_VALUES) {
    this.left = limit;
  }
  take(column, file) {
    if (--this.left < 0) {
      throw new UserError(
        `${file}: more than ${MAX_KEPT_VALUES.toLocaleString("en-US")} numbers (at column "${column}") is more than can be compared value by value; profile the reference (train's input profile) and monitor against that, which streams any amount of production data`
      );
    }
  }
};
var ColumnCollector = class {
  byName = /* @__PURE__ */ new Map();
  wanted;
  budget = new ValueBudget();
  constructor(wanted) {
    this.wanted = wanted === void 0 ? void 0 : new Set(wanted);
  }
  columns(names, file) {
    return names.map((name) => {
      if (this.wanted !== void 0 && !this.wanted.has(name)) return void 0;
      let column = this.byName.get(name);
      if (column === void 0) {
        if (this.byName.size >= MAX_PROFILE_COLUMNS) {
          throw new UserError(`${file}: more than ${MAX_PROFILE_COLUMNS} columns; name the ones to profile`);
        }
        column = new ColumnValues(name, this.budget);
        this.byName.set(name, column);
      }
      column.file = file;
      return column;
    });
  }
};
function profileColumns(columns, rows, files) {
  return { version: DATA_PROFILE_VERSION, rows, files, columns: [...columns].map(profileColumn) };
}
function profileColumn(column) {
  if (column.isNumeric) return numericProfile(column.name, column.sorted(), column.missingCount);
  const texts = new Map(column.texts);
  const owner = { distinctCapped: column.distinctCapped };
  for (const value of column.sorted()) countText(texts, String(value), owner);
  const ranked = [...texts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const count = column.size + column.textCount;
  const top = ranked.filter(([value]) => value.length <= MAX_CATEGORY_LENGTH).slice(0, PROFILE_TOP_CATEGORIES).map(([value, n]) => ({ value, count: n }));
  const named = top.reduce((sum, entry) => sum + entry.count, 0);
  return {
    name: column.name,
    kind: "categorical",
    count,
    missing: column.missingCount,
    distinct: texts.size,
    ...owner.distinctCapped ? { distinctCapped: true } : {},
    top,
    other: count - named
  };
}
function numericProfile(name, sorted, missing) {
  const n = sorted.length;
  let mean = 0;
  let m2 = 0;
  for (let i = 0; i < n; i++) {
    const delta = sorted[i] - mean;
    mean += delta / (i + 1);
    m2 += delta * (sorted[i] - mean);
  }
  const edges = [];
  for (let b = 0; b <= PROFILE_BINS; b++) {
    const edge = sorted[Math.floor(b * (n - 1) / PROFILE_BINS)];
    if (edges.length === 0 || edge > edges[edges.length - 1]) edges.push(edge);
  }
  const counts = new Array(edges.length).fill(0);
  let bin = 0;
  for (let i = 0; i < n; i++) {
    while (sorted[i] > edges[bin]) bin++;
    counts[bin]++;
  }
  return {
    name,
    kind: "numeric",
    count: n,
    missing,
    mean,
    std: n > 1 ? Math.sqrt(m2 / (n - 1)) : 0,
    min: sorted[0],
    max: sorted[n - 1],
    edges,
    counts
  };
}

// packages/core/src/drift/kolmogorov-smirnov.ts
var SCALE_EXPONENT = 128;
var SCALE = 2 ** SCALE_EXPONENT;

// packages/core/src/files/delimited-record.ts
function splitQuoted(text2, delimiterCode) {
  const fields = [];
  let field2 = "";
  let inQuotes = false;
  for (let i = 0; i < text2.length; i++) {
    const c = text2.charCodeAt(i);
    if (inQuotes) {
      if (c === 34) {
        if (text2.charCodeAt(i + 1) === 34) {
          field2 += '"';
          i++;
        } else inQuotes = false;
      } else field2 += text2[i];
    } else if (c === 34) inQuotes = true;
    else if (c === delimiterCode) {
      fields.push(field2);
      field2 = "";
    } else field2 += text2[i];
  }
  if (inQuotes) return void 0;
  fields.push(field2);
  return fields;
}

// packages/core/src/files/file-error.ts
function fileError(file, message, line, column) {
  const position = line === void 0 ? "" : column === void 0 ? `:${line}` : `:${line}:${column}`;
  const where = { file };
  if (line !== void 0) where.line = line;
  if (column !== void 0) where.column = column;
  return new UserError(`${file}${position}: ${message}`, where);
}

// packages/core/src/files/line-stream.ts
import { isAscii } from "node:buffer";

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
async function forEachLine(absolutePath, displayName, onLine) {
  const handle = await openRegularFile(absolutePath, displayName);
  try {
    let buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    let filled = 0;
    let lineNumber = 0;
    let totalBytes = 0;
    let first = true;
    for (; ; ) {
      if (filled === buffer.length) {
        if (buffer.length >= MAX_LINE_BYTES) {
          throw fileError(
            displayName,
            `line is longer than ${MAX_LINE_BYTES} bytes; is this a text file?`,
            lineNumber + 1
          );
        }
        const larger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(larger, 0, 0, filled);
        buffer = larger;
      }
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, null);
      totalBytes += bytesRead;
      const end = filled + bytesRead;
      let start = 0;
      if (first && end > 0) {
        first = false;
        if (end >= 3 && buffer[0] === 239 && buffer[1] === 187 && buffer[2] === 191) start = 3;
      }
      const cut = bytesRead === 0 ? end : buffer.lastIndexOf(10, end - 1) + 1;
      if (cut > start) {
        const text2 = decodeLines(buffer, start, cut, displayName, lineNumber);
        let lineStart = 0;
        let newline = text2.indexOf("\n");
        while (newline !== -1) {
          const lineEnd = newline > lineStart && text2.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
          lineNumber++;
          onLine(text2.slice(lineStart, lineEnd), lineNumber);
          lineStart = newline + 1;
          newline = text2.indexOf("\n", lineStart);
        }
        if (lineStart < text2.length) {
          lineNumber++;
          onLine(
            text2.charCodeAt(text2.length - 1) === 13 ? text2.slice(lineStart, -1) : text2.slice(lineStart),
            lineNumber
          );
        }
      }
      if (bytesRead === 0) break;
      const keep = end - Math.max(cut, start);
      if (keep > 0) buffer.copy(buffer, 0, end - keep, end);
      filled = keep;
    }
    if (totalBytes === 0) throw fileError(displayName, "file is empty");
    return lineNumber;
  } finally {
    await handle.close();
  }
}
function decodeLines(buffer, start, end, displayName, linesBefore) {
  const bytes = buffer.subarray(start, end);
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw fileError(
      displayName,
      "contains a NUL byte, so it looks like a binary file, not text",
      linesBefore + lineOfByte(bytes, nul)
    );
  }
  if (isAscii(bytes)) return bytes.toString("latin1");
  try {
    return fatalDecoder.decode(bytes);
  } catch {
    const offset = Math.max(0, findInvalidUtf8(bytes));
    throw fileError(
      displayName,
      "not valid UTF-8 text (is this a binary file?)",
      linesBefore + lineOfByte(bytes, offset)
    );
  }
}

// packages/core/src/text/plain-object.ts
function isPlainObject(value) {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

// packages/core/src/text/number-text.ts
var EXACT_POWERS_OF_TEN = Array.from({ length: 23 }, (_, i) => 10 ** i);
function parseDecimal(text2, start, end) {
  let i = start;
  while (i < end && text2.charCodeAt(i) === 32) i++;
  while (end > i && text2.charCodeAt(end - 1) === 32) end--;
  if (i === end) return NaN;
  const first = i;
  let c = text2.charCodeAt(i);
  let negative = false;
  if (c === 45) {
    negative = true;
    i++;
  } else if (c === 43) i++;
  let mantissa = 0;
  let digits = 0;
  let scale = 0;
  let sawDigit = false;
  while (i < end) {
    c = text2.charCodeAt(i);
    if (c < 48 || c > 57) break;
    sawDigit = true;
    if (digits > 0 || c !== 48) {
      mantissa = mantissa * 10 + (c - 48);
      if (++digits > 15) return Number(text2.slice(first, end));
    }
    i++;
  }
  if (i < end && c === 46) {
    i++;
    while (i < end) {
      c = text2.charCodeAt(i);
      if (c < 48 || c > 57) break;
      sawDigit = true;
      if (digits > 0 || c !== 48) {
        mantissa = mantissa * 10 + (c - 48);
        if (++digits > 15) return Number(text2.slice(first, end));
      }
      scale++;
      i++;
    }
  }
  if (!sawDigit) return NaN;
  if (i < end && (c === 101 || c === 69)) {
    i++;
    let exponentNegative = false;
    c = text2.charCodeAt(i);
    if (c === 45) {
      exponentNegative = true;
      i++;
    } else if (c === 43) i++;
    let exponent = 0;
    let exponentDigits = 0;
    while (i < end) {
      c = text2.charCodeAt(i);
      if (c < 48 || c > 57) break;
      if (exponent < 1e5) exponent = exponent * 10 + (c - 48);
      exponentDigits++;
      i++;
    }
    if (exponentDigits === 0) return NaN;
    scale += exponentNegative ? exponent : -exponent;
  }
  if (i !== end) return NaN;
  let value;
  if (scale >= -22 && scale <= 22) {
    value = scale >= 0 ? mantissa / EXACT_POWERS_OF_TEN[scale] : mantissa * EXACT_POWERS_OF_TEN[-scale];
    return negative ? -value : value;
  }
  return Number(text2.slice(first, end));
}
function parseNumberText(text2, start = 0, end = text2.length) {
  const value = parseDecimal(text2, start, end);
  if (value === value) return value;
  return nonFiniteFromText(text2.slice(start, end).trim());
}
function nonFiniteFromText(text2) {
  if (text2.length < 3 || text2.length > 9) return void 0;
  let body = text2.toLowerCase();
  let sign = 1;
  if (body.charCodeAt(0) === 45) {
    sign = -1;
    body = body.slice(1);
  } else if (body.charCodeAt(0) === 43) body = body.slice(1);
  if (body === "nan") return NaN;
  if (body === "inf" || body === "infinity") return sign * Infinity;
  return void 0;
}

// packages/core/src/drift/data-rows.ts
var MISSING_WORDS = /* @__PURE__ */ new Set([
  "na",
  "n/a",
  "nan",
  "-nan",
  "null",
  "none",
  "inf",
  "-inf",
  "+inf",
  "infinity",
  "-infinity"
]);
function dataFormat(path7) {
  const lower = path7.toLowerCase();
  if (lower.endsWith(".csv")) return "csv";
  if (lower.endsWith(".tsv") || lower.endsWith(".tab")) return "tsv";
  if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) return "jsonl";
  return void 0;
}
async function readDataRows(absolutePath, displayName, sink) {
  const format = dataFormat(displayName);
  if (format === void 0) {
    throw fileError(displayName, "is not a data file: name it .csv, .tsv or .jsonl (JSON Lines)");
  }
  return format === "jsonl" ? readJsonLines(absolutePath, displayName, sink) : readDelimited(absolutePath, displayName, format === "tsv" ? 9 : 44, sink);
}
async function readDelimited(absolutePath, displayName, delimiter, sink) {
  let sinks;
  let rows = 0;
  let pending = "";
  let pendingLine = 0;
  const separator = String.fromCharCode(delimiter);
  const cell = (target, text2, start, end, line) => {
    if (target === void 0) return;
    const value = parseDecimal(text2, start, end);
    if (value === value) {
      if (Number.isFinite(value)) target.number(value, line);
      else target.missing();
      return;
    }
    const trimmed = text2.slice(start, end).trim();
    if (trimmed === "" || MISSING_WORDS.has(trimmed.toLowerCase())) target.missing();
    else target.text(trimmed, line);
  };
  await forEachLine(absolutePath, displayName, (lineText, lineNumber) => {
    let text2 = lineText;
    let line = lineNumber;
    if (pending !== "") {
      text2 = `${pending}
${lineText}`;
      line = pendingLine;
      pending = "";
    }
    if (sinks === void 0) {
      if (text2.trim() === "") return;
      const names = splitQuoted(text2, delimiter);
      if (names === void 0) {
        pending = text2;
        pendingLine = line;
        return;
      }
      const trimmed = names.map((name) => name.trim());
      const seen = /* @__PURE__ */ new Set();
      trimmed.forEach((name, index) => {
        if (name === "") throw fileError(displayName, `header column ${index + 1} has no name`, line);
        if (seen.has(name)) throw fileError(displayName, `header names column "${name}" twice`, line);
        seen.add(name);
      });
      sinks = sink.columns(trimmed, displayName);
      return;
    }
    if (text2.trim() === "") return;
    const width = sinks.length;
    if (text2.indexOf('"') === -1) {
      let column = 0;
      let start = 0;
      for (; ; ) {
        const at = text2.indexOf(separator, start);
        const end = at === -1 ? text2.length : at;
        if (column < width) cell(sinks[column], text2, start, end, line);
        column++;
        if (at === -1) break;
        start = at + 1;
      }
      if (column !== width) throw fieldCountError(displayName, column, width, line);
    } else {
      const fields = splitQuoted(text2, delimiter);
      if (fields === void 0) {
        pending = text2;
        pendingLine = line;
        return;
      }
      if (fields.length !== width) throw fieldCountError(displayName, fields.length, width, line);
      fields.forEach((field2, column) => cell(sinks[column], field2, 0, field2.length, line));
    }
    rows++;
  });
  if (pending !== "") throw fileError(displayName, 'a quoted field is never closed (missing ")', pendingLine);
  if (sinks === void 0) throw fileError(displayName, "has no header row: the file is empty");
  return rows;
}
function fieldCountError(file, fields, width, line) {
  return fileError(file, `row has ${fields} field${fields === 1 ? "" : "s"} but the header has ${width}`, line);
}
async function readJsonLines(absolutePath, displayName, sink) {
  const names = [];
  const index = /* @__PURE__ */ new Map();
  let sinks = [];
  let rows = 0;
  let seen = new Uint8Array(0);
  await forEachLine(absolutePath, displayName, (text2, line) => {
    if (text2.trim() === "") return;
    let row;
    try {
      row = JSON.parse(text2);
    } catch (thrown) {
      throw fileError(displayName, `is not JSON Lines: ${thrown.message}`, line);
    }
    if (!isPlainObject(row)) throw fileError(displayName, "a JSON Lines row must be an object of column values", line);
    let added = false;
    for (const key of Object.keys(row)) {
      if (!index.has(key)) {
        index.set(key, names.length);
        names.push(key);
        added = true;
      }
    }
    if (added) {
      const known = sinks.length;
      sinks = [...sinks, ...sink.columns(names, displayName).slice(known)];
      for (let column = known; column < names.length; column++) {
        for (let before = 0; before < rows; before++) sinks[column]?.missing();
      }
      const grown = new Uint8Array(names.length);
      grown.set(seen);
      seen = grown;
    }
    seen.fill(0);
    for (const [key, value] of Object.entries(row)) {
      const column = index.get(key);
      seen[column] = 1;
      const target = sinks[column];
      if (target === void 0) continue;
      if (typeof value === "number") {
        if (Number.isFinite(value)) target.number(value, line);
        else target.missing();
      } else if (typeof value === "string") {
        const trimmed = value.trim();
        if (trimmed === "" || MISSING_WORDS.has(trimmed.toLowerCase())) target.missing();
        else target.text(trimmed, line);
      } else if (typeof value === "boolean") target.text(String(value), line);
      else if (value === null) target.missing();
      else target.text(JSON.stringify(value), line);
    }
    for (let column = 0; column < names.length; column++) if (seen[column] === 0) sinks[column]?.missing();
    rows++;
  });
  return rows;
}

// packages/core/src/files/workspace-path.ts
import { lstat, readdir, realpath, stat } from "node:fs/promises";
import path from "node:path";
function isInsideFolder(parent, child) {
  const relative = path.relative(parent, child);
  return relative === "" || relative !== ".." && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}
function toWorkspaceRelative(root, absolute) {
  const relative = path.relative(root, absolute);
  return relative === "" ? "." : relative.split(path.sep).join("/");
}
async function resolveWorkspacePath(input, options, label = "path") {
  if (input.includes("\0")) throw new UserError(`${label} ${JSON.stringify(input)} contains a NUL character`);
  const workspace = path.resolve(options.workspace);
  const absolute = path.resolve(workspace, options.cwd, input);
  const lexicallyInside = isInsideFolder(workspace, absolute);
  const workspaceRoot = await realWorkspaceRoot(workspace);
  let real;
  try {
    real = await realpath(absolute);
  } catch (error2) {
    if (!lexicallyInside) throw outsideError(input, label);
    if (isMissing(error2)) {
      const link = await lstat(absolute).catch(() => void 0);
      if (link?.isSymbolicLink())
        throw new UserError(`${label} ${JSON.stringify(input)} is a symlink to something that does not exist`);
      throw new UserError(`${label} ${JSON.stringify(input)} does not exist`);
    }
    throw error2;
  }
  if (!isInsideFolder(workspaceRoot, real)) {
    if (lexicallyInside || isInsideFolder(workspaceRoot, absolute)) {
      throw new UserError(
        `${label} ${JSON.stringify(input)} is or goes through a symlink that leads outside the workspace; refusing to read it`
      );
    }
    throw outsideError(input, label);
  }
  const info2 = await stat(real);
  return {
    absolute: real,
    relative: toWorkspaceRelative(workspaceRoot, real),
    isDirectory: info2.isDirectory(),
    workspaceRoot
  };
}
async function listWorkspaceFolder(folder, options) {
  const results = [];
  const visited = /* @__PURE__ */ new Set([folder.absolute]);
  const pending = [folder];
  while (pending.length > 0) {
    const current = pending.pop();
    const entries = await readdir(current.absolute, { withFileTypes: true });
    entries.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    const subfolders2 = [];
    for (const entry of entries) {
      if (options.recursive && (entry.isDirectory() || entry.isSymbolicLink()) && options.skipFolder?.(entry.name) === true)
        continue;
      let absolute = path.join(current.absolute, entry.name);
      let isDirectory2 = entry.isDirectory();
      if (entry.isSymbolicLink()) {
        const shown = toWorkspaceRelative(folder.workspaceRoot, absolute);
        let real;
        try {
          real = await realpath(absolute);
        } catch {
          throw new UserError(`${shown} is a symlink to something that does not exist`);
        }
        if (!isInsideFolder(folder.workspaceRoot, real)) {
          throw new UserError(`${shown} is a symlink that leads outside the workspace; refusing to read it`);
        }
        absolute = real;
        isDirectory2 = (await stat(real)).isDirectory();
      } else if (!entry.isFile() && !isDirectory2) {
        continue;
      }
      const item = {
        absolute,
        relative: toWorkspaceRelative(folder.workspaceRoot, absolute),
        isDirectory: isDirectory2,
        workspaceRoot: folder.workspaceRoot
      };
      if (!options.recursive) results.push(item);
      else if (!isDirectory2) results.push(item);
      else if (!visited.has(absolute)) {
        visited.add(absolute);
        subfolders2.push(item);
      }
    }
    for (let i = subfolders2.length - 1; i >= 0; i--) pending.push(subfolders2[i]);
  }
  if (options.recursive) results.sort((a, b) => a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0);
  return results;
}
async function workspaceChild(folder, name) {
  const absolute = path.join(folder.absolute, name);
  let real;
  try {
    real = await realpath(absolute);
  } catch (error2) {
    if (isMissing(error2)) return void 0;
    throw error2;
  }
  const shown = toWorkspaceRelative(folder.workspaceRoot, absolute);
  if (!isInsideFolder(folder.workspaceRoot, real)) {
    throw new UserError(`${shown} is a symlink that leads outside the workspace; refusing to read it`);
  }
  const info2 = await stat(real);
  return {
    absolute: real,
    relative: toWorkspaceRelative(folder.workspaceRoot, real),
    isDirectory: info2.isDirectory(),
    workspaceRoot: folder.workspaceRoot
  };
}
async function realWorkspaceRoot(workspace) {
  try {
    return await realpath(workspace);
  } catch (error2) {
    if (isMissing(error2)) throw new UserError(`the workspace folder ${JSON.stringify(workspace)} does not exist`);
    throw error2;
  }
}
function outsideError(input, label) {
  return new UserError(
    `${label} ${JSON.stringify(input)} is outside the workspace; only files inside the repository can be read`
  );
}
function isMissing(error2) {
  const code = error2?.code;
  return code === "ENOENT" || code === "ENOTDIR";
}

// packages/core/src/files/workspace-pattern.ts
import { glob, lstat as lstat2 } from "node:fs/promises";
import path2 from "node:path";
var GLOB_MAGIC = /[*?[\]{}]/;
function isGlobPattern(pattern) {
  return GLOB_MAGIC.test(pattern);
}
async function expandWorkspacePattern(pattern, options, label = "path") {
  const trimmed = pattern.trim();
  if (trimmed === "") throw new UserError(`empty ${label} pattern`);
  const workspace = path2.resolve(options.workspace);
  const cwd = path2.resolve(workspace, options.cwd);
  const literal = path2.resolve(cwd, trimmed);
  const exists2 = await lstat2(literal).then(
    () => true,
    () => false
  );
  if (exists2 || !isGlobPattern(trimmed)) return [await resolveWorkspacePath(trimmed, options, label)];
  const segments = trimmed.split(/[\\/]/);
  const firstMagic = segments.findIndex((segment) => isGlobPattern(segment));
  const base = path2.resolve(cwd, segments.slice(0, firstMagic).join("/") || ".");
  if (!isInsideFolder(workspace, base)) {
    throw new UserError(
      `${label} pattern ${JSON.stringify(trimmed)} is outside the workspace; only files inside the repository can be read`
    );
  }
  const seen = /* @__PURE__ */ new Map();
  for await (const match of glob(trimmed, { cwd })) {
    const resolved = await resolveWorkspacePath(match, options, label);
    if (!seen.has(resolved.absolute)) seen.set(resolved.absolute, resolved);
  }
  if (seen.size === 0) throw new UserError(`${label} pattern ${JSON.stringify(trimmed)} matches no files`);
  return [...seen.values()].sort((a, b) => a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0);
}

// packages/core/src/drift/measure-drift.ts
async function readDataFiles(files, sink) {
  let rows = 0;
  for (const file of files) rows += await readDataRows(file.absolute, file.display, sink);
  return rows;
}
async function profileDataFiles(files, columns) {
  const collector = new ColumnCollector(columns);
  const rows = await readDataFiles(files, collector);
  const names = files.map((file) => file.display).join(", ");
  if (rows === 0) throw new UserError(`${names}: no data rows to profile`);
  for (const wanted of columns ?? []) {
    if (!collector.byName.has(wanted)) throw new UserError(`${names}: no column "${wanted}"`);
  }
  const profile = profileColumns(
    collector.byName.values(),
    rows,
    files.map((file) => file.display)
  );
  const values = /* @__PURE__ */ new Map();
  for (const column of collector.byName.values()) if (column.isNumeric) values.set(column.name, column.sorted());
  return { profile, values };
}
async function resolveDataFiles(patterns, options, label) {
  const files = /* @__PURE__ */ new Map();
  for (const pattern of patterns) {
    if (pattern.trim() === "") continue;
    for (const match of await expandWorkspacePattern(pattern, options, `${label} path`)) {
      const found = match.isDirectory ? (await listWorkspaceFolder(match, { recursive: true })).filter(
        (file) => dataFormat(file.relative) !== void 0
      ) : [match];
      for (const file of found) files.set(file.relative, { absolute: file.absolute, display: file.relative });
    }
  }
  if (files.size === 0) throw new UserError(`input "${label}": names no data files (.csv, .tsv, .jsonl)`);
  return [...files.values()].sort((a, b) => a.display < b.display ? -1 : a.display > b.display ? 1 : 0);
}

// packages/core/src/text/hidden-characters.ts
var HIDDEN = /[\p{Cf}\u115f\u1160\u2800\u3164\uffa0]|\u034f|\u180b|\u180c|\u180d/gu;
function showHiddenCharacters(text2) {
  return text2.replace(
    HIDDEN,
    (char) => `<U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}>`
  );
}
function lookAlikeNames(names) {
  const groups = /* @__PURE__ */ new Map();
  for (const name of names) {
    const seen = name.replace(HIDDEN, "").normalize("NFKC");
    const group = groups.get(seen);
    if (group === void 0) groups.set(seen, [name]);
    else if (!group.includes(name)) group.push(name);
  }
  return [...groups.values()].filter((group) => group.length > 1);
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

// packages/core/src/files/fingerprint-files.ts
async function fingerprintFiles(patterns, options) {
  const files = /* @__PURE__ */ new Map();
  for (const pattern of patterns) {
    if (pattern.trim() === "") continue;
    for (const match of await expandWorkspacePattern(pattern, options, "data path")) {
      const found = match.isDirectory ? await listWorkspaceFolder(match, { recursive: true }) : [match];
      for (const file of found) files.set(file.relative, file);
    }
  }
  const inputs = [];
  for (const file of [...files.values()].sort(
    (a, b) => a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0
  )) {
    const { size, sha256 } = await hashFile(file.absolute, file.relative);
    inputs.push({ path: file.relative, size, sha256 });
  }
  return inputs;
}

// packages/core/src/text/short-hash.ts
import { createHash as createHash2 } from "node:crypto";
var LONE_SURROGATE = new RegExp("\\p{Cs}", "u");
function shortHash(text2) {
  const hashed = LONE_SURROGATE.test(text2) ? JSON.stringify(text2) : text2;
  return createHash2("sha256").update(hashed).digest("hex").slice(0, 12);
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

// packages/core/src/gate/load-rules.ts
var MAX_RULES_FILE_BYTES = 1024 * 1024;

// packages/core/src/text/json-text.ts
function parseJsonText(text2, displayName, firstLine = 1) {
  try {
    return JSON.parse(text2);
  } catch {
    return parseJsonSlowly(text2, displayName, firstLine);
  }
}
function parseJsonTextWithNonFinite(text2, displayName, firstLine = 1) {
  try {
    return JSON.parse(quoteNonFiniteLiterals(text2));
  } catch {
    return parseJsonSlowly(text2, displayName, firstLine);
  }
}
function parseJsonSlowly(text2, displayName, firstLine) {
  const problem = findJsonSyntaxError(text2);
  if (problem !== void 0) {
    const { line, column } = lineOfChar(text2, problem.offset);
    throw fileError(displayName, `invalid JSON: ${problem.message}`, line + firstLine - 1, column);
  }
  try {
    return JSON.parse(quoteNonFiniteLiterals(text2));
  } catch (error2) {
    const message = error2 instanceof Error ? error2.message.replace(/\s+/g, " ") : String(error2);
    throw fileError(displayName, `invalid JSON: ${message}`, firstLine);
  }
}
function quoteNonFiniteLiterals(text2) {
  let out = "";
  let copied = 0;
  let inString = false;
  for (let i = 0; i < text2.length; i++) {
    const c = text2.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 78 && text2.startsWith("NaN", i)) {
      out += text2.slice(copied, i) + '"NaN"';
      i += 2;
      copied = i + 1;
    } else if (c === 73 && text2.startsWith("Infinity", i)) {
      out += text2.slice(copied, i) + '"Infinity"';
      i += 7;
      copied = i + 1;
    } else if (c === 45 && text2.startsWith("-Infinity", i)) {
      out += text2.slice(copied, i) + '"-Infinity"';
      i += 8;
      copied = i + 1;
    }
  }
  return copied === 0 ? text2 : out + text2.slice(copied);
}
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

// packages/core/src/record/run-summary.ts
function formatMetricValue(value) {
  if (Number.isNaN(value)) return "NaN";
  if (value === Infinity) return "\u221E";
  if (value === -Infinity) return "-\u221E";
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  return String(Number(value.toPrecision(6)));
}
function finalMetricValues(record) {
  const values = {};
  for (const [name, metric] of Object.entries(record.metrics)) {
    values[name] = Number.isFinite(metric.value) ? metric.value : String(metric.value);
  }
  return values;
}
function minutesText(minutes) {
  if (minutes === void 0) return "its time limit";
  return `${minutes} ${minutes === 1 ? "minute" : "minutes"}`;
}
function paramText(value) {
  return value === null ? "null" : String(value);
}
function renderRunSummary(record) {
  const { outcome } = record;
  const status = outcome.status === "failed" ? `\u274C failed (exit code ${outcome.exitCode ?? "unknown"})` : outcome.status === "timed-out" ? `\u274C timed out (the command was stopped after ${minutesText(outcome.timeoutMinutes)})` : outcome.status === "succeeded" ? "\u2705 succeeded" : "\u{1F4E5} collected (no command)";
  const { replicate } = record;
  const which2 = replicate === void 0 ? "" : ` (${escapeInline(replicate.key)} ${escapeInline(replicate.value)})`;
  const lines = [
    `### ML train: ${escapeInline(record.experiment)}${which2}`,
    "",
    `Status: ${status} \xB7 duration ${(outcome.durationMs / 1e3).toFixed(1)} s \xB7 run \`${escapeInline(record.runId)}\``,
    ""
  ];
  if (record.mlflow !== void 0) {
    lines.push(
      `MLflow run: ${markdownLink(`\`${escapeInline(record.mlflow.runId)}\``, record.mlflow.url)} (experiment ${escapeInline(record.mlflow.experimentId)})`,
      ""
    );
  }
  const stale = record.staleSources ?? [];
  if (stale.length > 0) {
    const files = stale.map((file) => `\`${escapeInline(file)}\``).join(", ");
    const count = stale.length === 1 ? "1 metrics file was" : `${stale.length} metrics files were`;
    lines.push(
      outcome.status === "failed" || outcome.status === "timed-out" ? `\u26A0\uFE0F ${count} not rewritten by the failed command; their values are not reported: ${files}` : `\u26A0\uFE0F ${count} not rewritten by the command (unchanged since before it ran); their values may be from an earlier run: ${files}`,
      ""
    );
  }
  const metrics = Object.entries(record.metrics).sort(([a], [b]) => compareNames(a, b));
  if (metrics.length === 0) {
    lines.push("No metrics were read.", "");
  } else {
    lines.push("| metric | final value | step | points |", "|---|---:|---:|---:|");
    for (const [name, metric] of metrics) {
      const points = metric.history?.steps.length ?? 1;
      lines.push(`| ${escapeCell(name)} | ${formatMetricValue(metric.value)} | ${metric.step ?? ""} | ${points} |`);
    }
    lines.push("");
  }
  const params = Object.entries(record.params).sort(([a], [b]) => compareNames(a, b));
  if (params.length > 0) {
    lines.push("| param | value |", "|---|---|");
    for (const [name, value] of params) lines.push(`| ${escapeCell(name)} | ${escapeCell(paramText(value))} |`);
    lines.push("");
  }
  if (record.inputs.length > 0) {
    lines.push("| data | size | sha256 |", "|---|---:|---|");
    for (const input of record.inputs) {
      lines.push(`| ${escapeCell(input.path)} | ${input.size} | \`${input.sha256.slice(0, 12)}\` |`);
    }
    lines.push("");
  }
  if (record.profile !== void 0) {
    const { profile } = record;
    const kinds = (kind) => profile.columns.filter((column) => column.kind === kind).length;
    lines.push(
      `Profiled as monitor's reference: ${profile.rows} rows of ${profile.files.map((file) => escapeInline(file)).join(", ")}; ${kinds("numeric")} numeric and ${kinds("categorical")} categorical columns.`,
      ""
    );
  }
  return lines.join("\n");
}
function compareNames(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
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
var MAX_ENVIRONMENT_PACKAGES = 2e3;
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

// packages/core/src/metrics/metrics-folder.ts
import path5 from "node:path";

// packages/core/src/metrics/history-columns.ts
var WALL_TIME_NAMES = ["timestamp", "wall_time", "wall time", "walltime", "time"];
var STEP_NAME = "step";
function wallTimeRank(name) {
  return WALL_TIME_NAMES.indexOf(name.trim().toLowerCase());
}
function isStepName(name) {
  return name.trim().toLowerCase() === STEP_NAME;
}
var EPOCH_NAME = "epoch";
function isEpochName(name) {
  return name.trim().toLowerCase() === EPOCH_NAME;
}
var MILLISECONDS_THRESHOLD = 1e11;
function wallTimeSeconds(value) {
  return Math.abs(value) > MILLISECONDS_THRESHOLD ? value / 1e3 : value;
}
function wallTimeFromDateText(text2) {
  const trimmed = text2.trim();
  if (!/^\d{4}-\d{2}-\d{2}/.test(trimmed)) return void 0;
  const milliseconds = Date.parse(trimmed);
  return Number.isNaN(milliseconds) ? void 0 : milliseconds / 1e3;
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
        const padded = [];
        for (let i = 1; i < this.steps.length; i++) padded.push(NaN);
        this.wallTimes = padded;
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
var MetricTable = class {
  series = /* @__PURE__ */ new Map();
  /** The series for `key`, created empty the first time. */
  get(key) {
    let found = this.series.get(key);
    if (found === void 0) {
      found = new MetricSeries();
      this.series.set(key, found);
    }
    return found;
  }
  /** Metrics with at least one point, by key. */
  toMetrics() {
    const metrics = /* @__PURE__ */ new Map();
    for (const [key, series] of this.series) if (series.size > 0) metrics.set(key, series.toMetric());
    return metrics;
  }
  toRecord() {
    return recordFromMap(this.toMetrics());
  }
};

// packages/core/src/metrics/delimited-history.ts
var UNDECIDED = 0;
var METRIC = 1;
var TEXT = 2;
var STEP = 3;
var WALL_TIME = 4;
var IGNORED = 5;
async function readDelimitedHistory(absolutePath, displayName, options = {}) {
  const keyPrefix = options.keyPrefix ?? "";
  const table = new MetricTable();
  let delimiter = options.delimiter;
  let delimiterCode = 0;
  let names;
  let kinds = new Uint8Array(0);
  let series = [];
  let textLines = [];
  let stepColumn = -1;
  let wallColumn = -1;
  let bounds = new Int32Array(0);
  let rowIndex = 0;
  let pending = "";
  let pendingLine = 0;
  const processRow = (text2, fieldCount, lineNumber) => {
    const columns = kinds.length;
    if (fieldCount !== columns) {
      throw fileError(
        displayName,
        `row has ${fieldCount} field${fieldCount === 1 ? "" : "s"} but the header has ${columns}`,
        lineNumber
      );
    }
    let step = rowIndex;
    if (stepColumn >= 0) {
      const start = bounds[2 * stepColumn];
      const end = bounds[2 * stepColumn + 1];
      step = parseDecimal(text2, start, end);
      if (!Number.isFinite(step)) {
        const cell = text2.slice(start, end).trim();
        throw fileError(
          displayName,
          cell === "" ? "empty step" : `step ${JSON.stringify(cell)} is not a finite number`,
          lineNumber
        );
      }
    }
    let wallTime;
    if (wallColumn >= 0) {
      const start = bounds[2 * wallColumn];
      const end = bounds[2 * wallColumn + 1];
      wallTime = parseDecimal(text2, start, end);
      if (wallTime === wallTime) wallTime = wallTimeSeconds(wallTime);
      else {
        const cell = text2.slice(start, end);
        if (cell.trim() !== "") {
          wallTime = wallTimeFromDateText(cell);
          if (wallTime === void 0) {
            throw fileError(
              displayName,
              `wall time ${JSON.stringify(cell.trim())} in column "${names[wallColumn]}" is neither a number nor a date`,
              lineNumber
            );
          }
        }
      }
    }
    for (let column = 0; column < columns; column++) {
      const kind = kinds[column];
      if (kind > TEXT) continue;
      const start = bounds[2 * column];
      const end = bounds[2 * column + 1];
      let value = parseDecimal(text2, start, end);
      if (value !== value) {
        const cell = text2.slice(start, end).trim();
        if (cell === "") continue;
        const special = nonFiniteFromText(cell);
        if (special === void 0) {
          if (kind === METRIC) {
            throw fileError(
              displayName,
              `${JSON.stringify(cell)} in metric column "${names[column]}" is not a number`,
              lineNumber
            );
          }
          if (kind === UNDECIDED) {
            kinds[column] = TEXT;
            textLines[column] = lineNumber;
          }
          continue;
        }
        value = special;
      }
      if (kind === TEXT) {
        throw fileError(
          displayName,
          `column "${names[column]}" holds text on line ${textLines[column]} but a number here; a metric column must hold only numbers`,
          lineNumber
        );
      }
      let target = series[column];
      if (target === void 0) {
        kinds[column] = METRIC;
        target = table.get(keyPrefix + names[column]);
        series[column] = target;
      }
      target.push(step, value, wallTime);
    }
    rowIndex++;
  };
  const readHeader = (fields, lineNumber) => {
    names = fields.map((field2) => field2.trim());
    kinds = new Uint8Array(names.length);
    series = new Array(names.length).fill(void 0);
    textLines = new Array(names.length).fill(0);
    bounds = new Int32Array(2 * names.length + 2);
    const seen = /* @__PURE__ */ new Set();
    let bestWallRank = Infinity;
    names.forEach((name, column) => {
      if (name === "") throw fileError(displayName, `header column ${column + 1} has no name`, lineNumber);
      if (seen.has(name)) throw fileError(displayName, `header names column "${name}" twice`, lineNumber);
      seen.add(name);
      const rank = wallTimeRank(name);
      if (isStepName(name) && stepColumn < 0) {
        stepColumn = column;
        kinds[column] = STEP;
      } else if (rank >= 0) {
        kinds[column] = IGNORED;
        if (rank < bestWallRank) {
          bestWallRank = rank;
          wallColumn = column;
        }
      }
    });
    if (wallColumn >= 0) kinds[wallColumn] = WALL_TIME;
    const epochColumn = names.findIndex(isEpochName);
    if (epochColumn >= 0) {
      if (stepColumn < 0) stepColumn = epochColumn;
      kinds[epochColumn] = stepColumn === epochColumn ? STEP : IGNORED;
    }
  };
  await forEachLine(absolutePath, displayName, (line, lineNumber) => {
    let text2 = line;
    let firstLine = lineNumber;
    if (pending !== "") {
      text2 = `${pending}
${line}`;
      firstLine = pendingLine;
      pending = "";
    }
    if (names === void 0) {
      if (text2.trim() === "") return;
      if (delimiter === void 0) delimiter = text2.includes("	") ? "	" : ",";
      delimiterCode = delimiter.charCodeAt(0);
      const fields2 = splitQuoted(text2, delimiterCode);
      if (fields2 === void 0) {
        pending = text2;
        pendingLine = firstLine;
        return;
      }
      readHeader(fields2, firstLine);
      return;
    }
    if (text2.length === 0) return;
    if (text2.indexOf('"') === -1) {
      const limit = kinds.length;
      let count = 0;
      let start = 0;
      for (; ; ) {
        const at = text2.indexOf(delimiter, start);
        const end = at === -1 ? text2.length : at;
        if (count < limit) {
          bounds[2 * count] = start;
          bounds[2 * count + 1] = end;
        }
        count++;
        if (at === -1) break;
        start = at + 1;
      }
      if (count === 1 && text2.trim() === "") return;
      processRow(text2, count, firstLine);
      return;
    }
    const fields = splitQuoted(text2, delimiterCode);
    if (fields === void 0) {
      pending = text2;
      pendingLine = firstLine;
      return;
    }
    let joined = "";
    for (let i = 0; i < fields.length && i < kinds.length; i++) {
      bounds[2 * i] = joined.length;
      joined += fields[i];
      bounds[2 * i + 1] = joined.length;
    }
    processRow(joined, fields.length, firstLine);
  });
  if (pending !== "") throw fileError(displayName, 'a quoted field is never closed (missing ")', pendingLine);
  if (names === void 0) throw fileError(displayName, "file is empty (only whitespace)");
  if (rowIndex === 0) throw fileError(displayName, "has a header but no data rows");
  return table.toRecord();
}

// packages/core/src/metrics/known-json-shapes.ts
import path3 from "node:path";

// packages/core/src/metrics/flatten-tree.ts
var MAX_NESTING_DEPTH = 100;
function flattenTree(root, displayName, arrays, onLeaf) {
  const stack = [{ prefix: "", node: root, depth: 0 }];
  while (stack.length > 0) {
    const { prefix, node, depth } = stack.pop();
    if (node instanceof Leaf) {
      onLeaf(prefix, node.value);
      continue;
    }
    if (depth > MAX_NESTING_DEPTH) {
      throw fileError(
        displayName,
        `nested more than ${MAX_NESTING_DEPTH} levels deep (at "${truncate(prefix)}"); refusing to read it`
      );
    }
    const children = [];
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const element = node[i];
        if (isContainer(element)) children.push([String(i), element]);
      }
    } else {
      for (const key of Object.keys(node)) {
        if (key === "")
          throw fileError(displayName, `has an empty key${prefix === "" ? "" : ` under "${truncate(prefix)}"`}`);
        children.push([key, node[key]]);
      }
    }
    for (let i = children.length - 1; i >= 0; i--) {
      const [segment, value] = children[i];
      const key = prefix === "" ? segment : `${prefix}.${segment}`;
      if (isPlainObject(value) || arrays === "descend" && Array.isArray(value)) {
        stack.push({ prefix: key, node: value, depth: depth + 1 });
      } else {
        stack.push({ prefix: key, node: new Leaf(value), depth });
      }
    }
  }
}
var Leaf = class {
  value;
  constructor(value) {
    this.value = value;
  }
};
function isContainer(value) {
  return isPlainObject(value) || Array.isArray(value);
}
function truncate(key) {
  return key.length > 80 ? `${key.slice(0, 77)}...` : key;
}

// packages/core/src/metrics/known-json-shapes.ts
function knownJsonShapeMetrics(tree, displayName) {
  if (!isPlainObject(tree)) return void 0;
  if (isTrainerState(tree)) return { kind: "metrics", metrics: trainerStateMetrics(tree) };
  if (isEvalsResult(tree)) return { kind: "metrics", metrics: evalsResultMetrics(tree) };
  if (path3.posix.basename(displayName.replace(/\\/g, "/")) === "wandb-summary.json" || isPlainObject(tree["_wandb"])) {
    return { kind: "tree", tree: withoutWandbBookkeeping(tree) };
  }
  return void 0;
}
function isTrainerState(tree) {
  const history = tree["log_history"];
  return Array.isArray(history) && history.every(
    (point2) => isPlainObject(point2) && typeof point2["step"] === "number" && Number.isFinite(point2["step"])
  );
}
function trainerStateMetrics(tree) {
  const table = new MetricTable();
  for (const point2 of tree.log_history) {
    const step = point2["step"];
    for (const key of Object.keys(point2)) {
      const value = point2[key];
      if (typeof value === "number" && !isStepName(key) && !isEpochName(key)) table.get(key).push(step, value);
    }
  }
  const metrics = table.toRecord();
  if (typeof tree.best_metric === "number") metrics["best_metric"] = { value: tree.best_metric };
  return metrics;
}
function isNumberArray(value) {
  return Array.isArray(value) && value.length > 0 && value.every((element) => typeof element === "number");
}
function isEvalsResult(tree) {
  const sets = Object.values(tree);
  return sets.length > 0 && sets.every((set) => isPlainObject(set) && Object.keys(set).length > 0 && Object.values(set).every(isNumberArray));
}
function evalsResultMetrics(tree) {
  const table = new MetricTable();
  for (const [set, byMetric] of Object.entries(tree)) {
    for (const [name, values] of Object.entries(byMetric)) {
      const series = table.get(`${set}.${name}`);
      values.forEach((value, round) => series.push(round, value));
    }
  }
  return table.toRecord();
}
function withoutWandbBookkeeping(tree) {
  const root = {};
  const stack = [
    { from: tree, to: root, depth: 0 }
  ];
  while (stack.length > 0) {
    const { from, to, depth } = stack.pop();
    for (const key of Object.keys(from)) {
      const value = from[key];
      if (depth === 0 && key.startsWith("_") || isPlainObject(value) && "_type" in value) continue;
      let copy = value;
      if (isPlainObject(value) && depth < MAX_NESTING_DEPTH) {
        copy = {};
        stack.push({ from: value, to: copy, depth: depth + 1 });
      }
      setOwnEntry(to, key, copy);
    }
  }
  return root;
}

// packages/core/src/metrics/summary-metrics.ts
function metricsFromTree(tree, displayName, kind) {
  if (!isPlainObject(tree)) {
    throw fileError(
      displayName,
      `the top level of a ${kind} metrics file must be an object of metric names, not ${describeValue(tree)}`
    );
  }
  const metrics = /* @__PURE__ */ new Map();
  flattenTree(tree, displayName, "descend", (key, value) => {
    if (typeof value === "number") metrics.set(key, { value });
    else if (typeof value === "string") {
      const number2 = nonFiniteFromText(value);
      if (number2 !== void 0) metrics.set(key, { value: number2 });
    }
  });
  return recordFromMap(metrics);
}
function describeValue(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (value instanceof Date) return "a date";
  if (typeof value === "object") return "an object";
  if (typeof value === "string") {
    return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value)}`;
  }
  if (typeof value === "number") return `the number ${value}`;
  if (typeof value === "boolean") return `the boolean ${value}`;
  return typeof value;
}

// packages/core/src/metrics/json-metrics.ts
async function readJsonMetrics(absolutePath, displayName) {
  const text2 = await readTextFile(absolutePath, displayName, { kind: "metrics files" });
  const tree = parseJsonText(text2, displayName);
  const known = knownJsonShapeMetrics(tree, displayName);
  if (known?.kind === "metrics") return known.metrics;
  return metricsFromTree(known?.tree ?? tree, displayName, "JSON");
}

// packages/core/src/metrics/dvclive.ts
var PLOTS_METRICS = "plots/metrics/";
function dvcliveKeyPrefix(relativePath) {
  const normalized = `/${relativePath.replace(/\\/g, "/")}`;
  const at = normalized.lastIndexOf(`/${PLOTS_METRICS}`);
  if (at === -1) return void 0;
  const below = normalized.slice(at + PLOTS_METRICS.length + 1);
  const folders = below.split("/").slice(0, -1);
  return folders.length === 0 ? "" : `${folders.join(".")}.`;
}
async function isDvcliveFolder(folder) {
  const plots = await workspaceChild(folder, "plots");
  if (plots === void 0 || !plots.isDirectory) return false;
  const metrics = await workspaceChild(plots, "metrics");
  return metrics !== void 0 && metrics.isDirectory;
}
async function readDvcliveFolder(folder) {
  const metrics = /* @__PURE__ */ new Map();
  const sources = [];
  const summary2 = await workspaceChild(folder, "metrics.json");
  if (summary2 !== void 0 && !summary2.isDirectory) {
    const values = await readJsonMetrics(summary2.absolute, summary2.relative);
    for (const [key, metric] of Object.entries(values)) if (key !== "step") metrics.set(key, metric);
    sources.push(summary2.relative);
  }
  const plots = await workspaceChild(folder, "plots");
  const plotMetrics = plots === void 0 ? void 0 : await workspaceChild(plots, "metrics");
  if (plotMetrics !== void 0 && plotMetrics.isDirectory) {
    for (const file of await listWorkspaceFolder(plotMetrics, { recursive: true })) {
      if (!file.relative.toLowerCase().endsWith(".tsv")) continue;
      const below = file.relative.slice(plotMetrics.relative.length + 1);
      const folders = below.split("/").slice(0, -1);
      const keyPrefix = folders.length === 0 ? "" : `${folders.join(".")}.`;
      const history = await readDelimitedHistory(file.absolute, file.relative, { delimiter: "	", keyPrefix });
      for (const [key, metric] of Object.entries(history)) metrics.set(key, metric);
      sources.push(file.relative);
    }
  }
  return { metrics, sources };
}

// packages/core/src/metrics/metrics-format.ts
import path4 from "node:path";

// packages/core/src/metrics/crc32c.ts
var POLYNOMIAL = 2197175160;
var tables;
function buildTables() {
  const tables2 = new Uint32Array(8 * 256);
  for (let i = 0; i < 256; i++) {
    let crc = i;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? crc >>> 1 ^ POLYNOMIAL : crc >>> 1;
    tables2[i] = crc >>> 0;
  }
  for (let i = 0; i < 256; i++) {
    for (let slice = 1; slice < 8; slice++) {
      const previous = tables2[(slice - 1) * 256 + i];
      tables2[slice * 256 + i] = previous >>> 8 ^ tables2[previous & 255];
    }
  }
  return tables2;
}
function crc32c(bytes, start = 0, end = bytes.length) {
  const t = tables ??= buildTables();
  let crc = 4294967295;
  let i = start;
  for (; end - i >= 8; i += 8) {
    const low = crc ^ (bytes[i] | bytes[i + 1] << 8 | bytes[i + 2] << 16 | bytes[i + 3] << 24);
    crc = t[1792 + (low & 255)] ^ t[1536 + (low >>> 8 & 255)] ^ t[1280 + (low >>> 16 & 255)] ^ t[1024 + (low >>> 24)] ^ t[768 + bytes[i + 4]] ^ t[512 + bytes[i + 5]] ^ t[256 + bytes[i + 6]] ^ t[bytes[i + 7]];
  }
  for (; i < end; i++) crc = t[(crc ^ bytes[i]) & 255] ^ crc >>> 8;
  return (crc ^ 4294967295) >>> 0;
}
function maskedCrc32c(bytes, start = 0, end = bytes.length) {
  const crc = crc32c(bytes, start, end);
  return ((crc >>> 15 | crc << 17) >>> 0) + 2726488792 >>> 0;
}

// packages/core/src/metrics/protobuf-reader.ts
var WIRE_VARINT = 0;
var WIRE_FIXED64 = 1;
var WIRE_LENGTH_DELIMITED = 2;
var WIRE_FIXED32 = 5;
var MalformedProtobufError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "MalformedProtobufError";
  }
};
var ProtobufReader = class {
  bytes;
  view;
  pos = 0;
  constructor(bytes) {
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  /** Points the reader at another buffer (the event reader grows its buffer for large records). */
  reset(bytes) {
    if (bytes !== this.bytes) {
      this.bytes = bytes;
      this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    }
    this.pos = 0;
  }
  /** An unsigned varint as a number (exact below 2^53); a 10-byte varint is read as a negative int64. */
  varint(end) {
    const bytes = this.bytes;
    let pos = this.pos;
    if (pos >= end) throw new MalformedProtobufError("truncated varint");
    let byte = bytes[pos++];
    if (byte < 128) {
      this.pos = pos;
      return byte;
    }
    let result = byte & 127;
    let factor = 128;
    for (let count = 1; ; count++) {
      if (pos >= end) throw new MalformedProtobufError("truncated varint");
      if (count >= 10) throw new MalformedProtobufError("varint longer than 10 bytes");
      byte = bytes[pos++];
      result += (byte & 127) * factor;
      if (byte < 128) break;
      factor *= 128;
    }
    this.pos = pos;
    return result >= 2 ** 63 ? result - 2 ** 64 : result;
  }
  /** The end offset of a length-delimited field whose length comes next; moves to its start. */
  lengthDelimitedEnd(end) {
    const length = this.varint(end);
    const fieldEnd = this.pos + length;
    if (length < 0 || fieldEnd > end)
      throw new MalformedProtobufError("length-delimited field runs past the end of its message");
    return fieldEnd;
  }
  double(end) {
    if (this.pos + 8 > end) throw new MalformedProtobufError("truncated 64-bit field");
    const value = this.view.getFloat64(this.pos, true);
    this.pos += 8;
    return value;
  }
  float(end) {
    if (this.pos + 4 > end) throw new MalformedProtobufError("truncated 32-bit field");
    const value = this.view.getFloat32(this.pos, true);
    this.pos += 4;
    return value;
  }
  /** Skips the value of a field of the given wire type. */
  skip(wireType, end) {
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
        throw new MalformedProtobufError(`unsupported wire type ${wireType}`);
    }
    if (this.pos > end) throw new MalformedProtobufError("field runs past the end of its message");
  }
};

// packages/core/src/metrics/tfevents.ts
function isTfeventsName(fileName) {
  return fileName.startsWith("events.out.tfevents.");
}
var CHUNK_BYTES2 = 1024 * 1024;
var HEADER_BYTES = 12;
var FOOTER_BYTES = 4;
var MAX_RECORD_BYTES = 1024 * 1024 * 1024;
var DT_FLOAT = 1;
var DT_DOUBLE = 2;
async function readTfevents(absolutePath, displayName, warnings = []) {
  const table = new MetricTable();
  await readTfeventsInto(table, absolutePath, displayName, "", warnings);
  return table.toRecord();
}
async function readTfeventsInto(table, absolutePath, displayName, tagPrefix, warnings) {
  const handle = await openRegularFile(absolutePath, displayName);
  try {
    let buffer = Buffer.allocUnsafe(CHUNK_BYTES2);
    let start = 0;
    let end = 0;
    let offset = 0;
    let eof = false;
    const reader = new ProtobufReader(buffer);
    const decoder = new EventDecoder(table, tagPrefix);
    const fill = async (needed) => {
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
    const incompleteTail = (recordOffset, bytes) => fileError(
      displayName,
      `ends inside the record at byte offset ${recordOffset} (${bytes} of its bytes are there): the writer had not finished it; the records before it were read`
    );
    const corrupt = (recordOffset, problem) => fileError(
      displayName,
      `record at byte offset ${recordOffset}: ${problem}; the event file is corrupt or not a TensorBoard event file`
    );
    for (; ; ) {
      if (!await fill(HEADER_BYTES)) {
        if (end - start === 0) break;
        if (offset === 0)
          throw fileError(displayName, `file is only ${end - start} bytes; not a TensorBoard event file`);
        warnings.push(incompleteTail(offset, end - start));
        break;
      }
      const low = buffer.readUInt32LE(start);
      const high = buffer.readUInt32LE(start + 4);
      if (maskedCrc32c(buffer, start, start + 8) !== buffer.readUInt32LE(start + 8)) {
        throw corrupt(offset, "length CRC mismatch");
      }
      const length = high * 2 ** 32 + low;
      if (length > MAX_RECORD_BYTES) throw corrupt(offset, `record length ${length} is implausibly large`);
      const total = HEADER_BYTES + length + FOOTER_BYTES;
      if (!await fill(total)) {
        if (offset === 0) throw corrupt(offset, `truncated record (needs ${length} data bytes; the file ends first)`);
        warnings.push(incompleteTail(offset, end - start));
        break;
      }
      const dataStart = start + HEADER_BYTES;
      const dataEnd = dataStart + length;
      if (maskedCrc32c(buffer, dataStart, dataEnd) !== buffer.readUInt32LE(dataEnd)) {
        throw corrupt(offset, "data CRC mismatch");
      }
      try {
        decoder.decodeEvent(reader, dataStart, dataEnd);
      } catch (error2) {
        if (error2 instanceof MalformedProtobufError)
          throw corrupt(offset, `not a valid Event message (${error2.message})`);
        throw error2;
      }
      start += total;
      offset += total;
    }
    if (offset === 0) throw fileError(displayName, "file is empty");
  } finally {
    await handle.close();
  }
}
var EventDecoder = class {
  table;
  tagPrefix;
  // The last tag's bytes and key: consecutive events usually repeat tags, so most lookups
  // compare a few bytes instead of decoding a string.
  lastTags = [];
  constructor(table, tagPrefix) {
    this.table = table;
    this.tagPrefix = tagPrefix;
  }
  decodeEvent(reader, start, end) {
    reader.pos = start;
    let wallTime = NaN;
    let step = 0;
    let summaryStart = -1;
    let summaryEnd = -1;
    while (reader.pos < end) {
      const key = reader.varint(end);
      const field2 = key >>> 3;
      const wire = key & 7;
      if (field2 === 1 && wire === WIRE_FIXED64) wallTime = reader.double(end);
      else if (field2 === 2 && wire === WIRE_VARINT) step = reader.varint(end);
      else if (field2 === 5 && wire === WIRE_LENGTH_DELIMITED) {
        summaryEnd = reader.lengthDelimitedEnd(end);
        summaryStart = reader.pos;
        reader.pos = summaryEnd;
      } else reader.skip(wire, end);
    }
    if (summaryStart < 0) return;
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
  decodeValue(reader, start, end, step, wallTime) {
    reader.pos = start;
    let tagStart = -1;
    let tagEnd = -1;
    let simpleValue = NaN;
    let hasSimpleValue = false;
    let tensorStart = -1;
    let tensorEnd = -1;
    while (reader.pos < end) {
      const key = reader.varint(end);
      const field2 = key >>> 3;
      const wire = key & 7;
      if (field2 === 1 && wire === WIRE_LENGTH_DELIMITED) {
        tagEnd = reader.lengthDelimitedEnd(end);
        tagStart = reader.pos;
        reader.pos = tagEnd;
      } else if (field2 === 2 && wire === WIRE_FIXED32) {
        simpleValue = reader.float(end);
        hasSimpleValue = true;
      } else if (field2 === 8 && wire === WIRE_LENGTH_DELIMITED) {
        tensorEnd = reader.lengthDelimitedEnd(end);
        tensorStart = reader.pos;
        reader.pos = tensorEnd;
      } else reader.skip(wire, end);
    }
    if (tagStart < 0 || tagEnd === tagStart) return;
    let value;
    if (hasSimpleValue) value = simpleValue;
    else if (tensorStart >= 0) {
      const scalar = this.scalarFromTensor(reader, tensorStart, tensorEnd);
      if (scalar === void 0) return;
      value = scalar;
    } else return;
    this.table.get(this.keyFor(reader.bytes, tagStart, tagEnd)).push(step, value, wallTime);
  }
  /**
   * The value of a TensorProto holding one float or double: dtype=1, tensor_shape=2,
   * tensor_content=4 (raw little-endian), float_val=5, double_val=6 (packed or not).
   * Undefined for anything else (strings, histograms, several elements).
   */
  scalarFromTensor(reader, start, end) {
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
      const field2 = key >>> 3;
      const wire = key & 7;
      if (field2 === 1 && wire === WIRE_VARINT) dtype = reader.varint(end);
      else if (field2 === 2 && wire === WIRE_LENGTH_DELIMITED) {
        const shapeEnd = reader.lengthDelimitedEnd(end);
        elements = shapeElements(reader, reader.pos, shapeEnd);
        reader.pos = shapeEnd;
      } else if (field2 === 4 && wire === WIRE_LENGTH_DELIMITED) {
        contentEnd = reader.lengthDelimitedEnd(end);
        contentStart = reader.pos;
        reader.pos = contentEnd;
      } else if (field2 === 5 && wire === WIRE_LENGTH_DELIMITED) {
        const packedEnd = reader.lengthDelimitedEnd(end);
        const count = Math.floor((packedEnd - reader.pos) / 4);
        if (count > 0 && floatCount === 0) floatValue = reader.view.getFloat32(reader.pos, true);
        floatCount += count;
        reader.pos = packedEnd;
      } else if (field2 === 5 && wire === WIRE_FIXED32) {
        const value = reader.float(end);
        if (floatCount === 0) floatValue = value;
        floatCount++;
      } else if (field2 === 6 && wire === WIRE_LENGTH_DELIMITED) {
        const packedEnd = reader.lengthDelimitedEnd(end);
        const count = Math.floor((packedEnd - reader.pos) / 8);
        if (count > 0 && doubleCount === 0) doubleValue = reader.view.getFloat64(reader.pos, true);
        doubleCount += count;
        reader.pos = packedEnd;
      } else if (field2 === 6 && wire === WIRE_FIXED64) {
        const value = reader.double(end);
        if (doubleCount === 0) doubleValue = value;
        doubleCount++;
      } else reader.skip(wire, end);
    }
    if (elements !== 1) return void 0;
    if (dtype === DT_FLOAT) {
      if (contentStart >= 0 && contentEnd - contentStart === 4) return reader.view.getFloat32(contentStart, true);
      return floatCount > 0 ? floatValue : void 0;
    }
    if (dtype === DT_DOUBLE) {
      if (contentStart >= 0 && contentEnd - contentStart === 8) return reader.view.getFloat64(contentStart, true);
      return doubleCount > 0 ? doubleValue : void 0;
    }
    return void 0;
  }
  keyFor(bytes, start, end) {
    const length = end - start;
    const cache = this.lastTags;
    for (let i = 0; i < cache.length; i++) {
      const entry = cache[i];
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
    const key = this.tagPrefix + Buffer.from(bytes.buffer, bytes.byteOffset + start, length).toString("utf8");
    if (cache.length >= 32) cache.shift();
    cache.push({ bytes: bytes.slice(start, end), key });
    return key;
  }
};
function shapeElements(reader, start, end) {
  reader.pos = start;
  let elements = 1;
  let unknown = false;
  while (reader.pos < end) {
    const key = reader.varint(end);
    const field2 = key >>> 3;
    const wire = key & 7;
    if (field2 === 2 && wire === WIRE_LENGTH_DELIMITED) {
      const dimEnd = reader.lengthDelimitedEnd(end);
      let size = 0;
      while (reader.pos < dimEnd) {
        const dimKey = reader.varint(dimEnd);
        if (dimKey >>> 3 === 1 && (dimKey & 7) === WIRE_VARINT) size = reader.varint(dimEnd);
        else reader.skip(dimKey & 7, dimEnd);
      }
      if (size < 0) unknown = true;
      elements *= size;
    } else if (field2 === 3 && wire === WIRE_VARINT) {
      if (reader.varint(end) !== 0) unknown = true;
    } else reader.skip(wire, end);
  }
  return unknown ? -1 : elements;
}

// packages/core/src/metrics/metrics-format.ts
var BY_EXTENSION = {
  ".json": "json",
  ".jsonl": "jsonl",
  ".ndjson": "jsonl",
  ".yaml": "yaml",
  ".yml": "yaml",
  ".toml": "toml",
  ".csv": "csv",
  ".tsv": "tsv"
};
function metricsFormatFromName(fileName) {
  const base = path4.basename(fileName);
  if (isTfeventsName(base)) return "tfevents";
  return BY_EXTENSION[path4.extname(base).toLowerCase()];
}
var SNIFF_BYTES = 64 * 1024;
async function detectMetricsFormat(absolutePath, displayName) {
  const byName = metricsFormatFromName(absolutePath);
  if (byName !== void 0 && byName !== "json") return byName;
  const head = await readHead(absolutePath, displayName);
  if (byName === "json") return looksLikeJsonLines(head) ? "jsonl" : "json";
  if (head.length === 0) throw fileError(displayName, "file is empty");
  if (head.length >= 12 && maskedCrc32c(head, 0, 8) === head.readUInt32LE(8)) return "tfevents";
  if (head.includes(0)) {
    throw fileError(
      displayName,
      "is a binary file in no format we read (metrics may be JSON, YAML, TOML, CSV, TSV, JSON Lines or TensorBoard event files)"
    );
  }
  const text2 = head.toString("utf8").replace(/^\uFEFF/, "");
  const firstLine = text2.split("\n", 1)[0] ?? "";
  const trimmed = text2.trimStart();
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) return looksLikeJsonLines(head) ? "jsonl" : "json";
  if (looksLikeMlflowMetric(text2)) return "mlflow-metric";
  if (firstLine.includes("	")) return "tsv";
  if (firstLine.includes(",") && !firstLine.includes(":")) return "csv";
  return "yaml";
}
async function readHead(absolutePath, displayName) {
  const handle = await openRegularFile(absolutePath, displayName);
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
function looksLikeJsonLines(head) {
  const text2 = head.toString("utf8").replace(/^\uFEFF/, "");
  const lines = text2.split("\n");
  const first = lines.findIndex((line) => line.trim() !== "");
  if (first === -1 || first + 1 >= lines.length) return false;
  try {
    const value = JSON.parse(lines[first]);
    if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  } catch {
    return false;
  }
  return lines.slice(first + 1).some((line) => line.trim().startsWith("{"));
}
var MLFLOW_METRIC_LINE = /^\d{9,} \S+( -?\d+)?\r?$/;
function looksLikeMlflowMetric(text2) {
  const lines = text2.split("\n");
  if (lines.length > 1) lines.pop();
  const filled = lines.filter((line) => line.trim() !== "");
  return filled.length > 0 && filled.every((line) => MLFLOW_METRIC_LINE.test(line));
}

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
function paramValueFromTree(value) {
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value);
  if (typeof value === "bigint") return Number.isSafeInteger(Number(value)) ? Number(value) : String(value);
  if (value instanceof Date) return value.toISOString();
  if (value === void 0) return null;
  return JSON.stringify(value, (_key, inner) => typeof inner === "bigint" ? String(inner) : inner) ?? null;
}

// packages/core/src/text/yaml-text.ts
async function parseYamlText(text2, displayName) {
  const { parseAllDocuments } = await import("./chunk-CNR7VUBG.js");
  const documents = parseAllDocuments(text2, { merge: true, uniqueKeys: true, logLevel: "silent" });
  if (!Array.isArray(documents)) return null;
  if (documents.length > 1) {
    const line = documents[1]?.range ? lineAt(text2, documents[1].range[0]) : void 0;
    throw fileError(
      displayName,
      'contains more than one YAML document (a second "---"); metrics and params files hold one',
      line
    );
  }
  const document = documents[0];
  if (document === void 0) return null;
  const error2 = document.errors[0];
  if (error2 !== void 0) {
    const position = error2.linePos?.[0];
    const message = error2.code === "RESOURCE_EXHAUSTION" ? "nested too deeply" : (error2.message.split("\n")[0] ?? error2.message).replace(/ at line \d+, column \d+:?$/, "");
    throw fileError(displayName, `invalid YAML: ${message}`, position?.line, position?.col);
  }
  try {
    return document.toJS({ maxAliasCount: 100 });
  } catch (thrown) {
    const message = thrown instanceof RangeError ? "nested too deeply" : thrown instanceof Error ? thrown.message : String(thrown);
    throw fileError(displayName, `invalid YAML: ${message.replace(/\s+/g, " ")}`);
  }
}
function lineAt(text2, offset) {
  let line = 1;
  for (let i = 0; i < offset && i < text2.length; i++) if (text2.charCodeAt(i) === 10) line++;
  return line;
}

// packages/core/src/metrics/mlflow.ts
var MAX_PARAM_FILE_BYTES = 1024 * 1024;
async function findMlflowRuns(folder) {
  const runs = [];
  const self = await runInfo(folder);
  if (self !== void 0) return self.deleted ? [] : [self.run];
  for (const child of await subfolders(folder)) {
    const info2 = await runInfo(child);
    if (info2 !== void 0) {
      if (!info2.deleted) runs.push(info2.run);
      continue;
    }
    const meta = await workspaceChild(child, "meta.yaml");
    if (meta === void 0 || meta.isDirectory) continue;
    for (const grandchild of await subfolders(child)) {
      const inner = await runInfo(grandchild);
      if (inner !== void 0 && !inner.deleted) runs.push(inner.run);
    }
  }
  return runs.sort((a, b) => b.startTime - a.startTime || (a.runId < b.runId ? 1 : a.runId > b.runId ? -1 : 0));
}
async function readMlflowRunMetrics(run3) {
  const table = new MetricTable();
  const sources = [];
  const metricsFolder = await workspaceChild(run3, "metrics");
  if (metricsFolder !== void 0 && metricsFolder.isDirectory) {
    for (const file of await listWorkspaceFolder(metricsFolder, { recursive: true })) {
      const key = file.relative.slice(metricsFolder.relative.length + 1);
      await readRunMetricFile(table, key, file);
      sources.push(file.relative);
    }
  }
  return { metrics: table.toMetrics(), sources };
}
async function readMlflowRunParams(run3) {
  const params = /* @__PURE__ */ new Map();
  const sources = [];
  const paramsFolder = await workspaceChild(run3, "params");
  if (paramsFolder !== void 0 && paramsFolder.isDirectory) {
    for (const file of await listWorkspaceFolder(paramsFolder, { recursive: true })) {
      const key = file.relative.slice(paramsFolder.relative.length + 1);
      const text2 = await readTextFile(file.absolute, file.relative, {
        maxBytes: MAX_PARAM_FILE_BYTES,
        kind: "MLflow param values",
        allowEmpty: true
      });
      params.set(key, parseParamValue(text2));
      sources.push(file.relative);
    }
  }
  return { params, sources };
}
async function readMlflowMetricFile(absolutePath, displayName) {
  const normalized = displayName.replace(/\\/g, "/");
  const at = normalized.lastIndexOf("/metrics/");
  const key = at === -1 ? normalized.slice(normalized.lastIndexOf("/") + 1) : normalized.slice(at + "/metrics/".length);
  const table = new MetricTable();
  await readMetricLines(table, key, absolutePath, displayName);
  return table.toRecord();
}
async function readRunMetricFile(table, key, file) {
  await readMetricLines(table, key, file.absolute, file.relative);
}
async function readMetricLines(table, key, absolutePath, displayName) {
  const series = table.get(key);
  let index = 0;
  await forEachLine(absolutePath, displayName, (line, lineNumber) => {
    if (line.trim() === "") return;
    const first = line.indexOf(" ");
    const second = first === -1 ? -1 : line.indexOf(" ", first + 1);
    const third = second === -1 ? -1 : line.indexOf(" ", second + 1);
    if (first === -1 || third !== -1) {
      throw fileError(
        displayName,
        'an MLflow metric line must be "timestamp value step" or "timestamp value"',
        lineNumber
      );
    }
    const timestamp = parseDecimal(line, 0, first);
    if (!Number.isFinite(timestamp))
      throw fileError(displayName, `timestamp ${JSON.stringify(line.slice(0, first))} is not a number`, lineNumber);
    const valueEnd = second === -1 ? line.length : second;
    const value = parseNumberText(line, first + 1, valueEnd);
    if (value === void 0) {
      throw fileError(
        displayName,
        `value ${JSON.stringify(line.slice(first + 1, valueEnd))} is not a number`,
        lineNumber
      );
    }
    let step = index;
    if (second !== -1) {
      step = parseDecimal(line, second + 1, line.length);
      if (!Number.isFinite(step))
        throw fileError(
          displayName,
          `step ${JSON.stringify(line.slice(second + 1))} is not a finite number`,
          lineNumber
        );
    }
    series.push(step, value, timestamp / 1e3);
    index++;
  });
}
async function runInfo(folder) {
  const meta = await workspaceChild(folder, "meta.yaml");
  if (meta === void 0 || meta.isDirectory) return void 0;
  const metrics = await workspaceChild(folder, "metrics");
  const params = await workspaceChild(folder, "params");
  if (!(metrics?.isDirectory || params?.isDirectory)) return void 0;
  const parsed = await parseYamlText(
    await readTextFile(meta.absolute, meta.relative, { maxBytes: MAX_PARAM_FILE_BYTES }),
    meta.relative
  );
  const fields = isPlainObject(parsed) ? parsed : {};
  const runId = fields["run_id"] ?? fields["run_uuid"];
  const startTime = fields["start_time"];
  const experimentId = fields["experiment_id"];
  return {
    run: {
      folder,
      runId: typeof runId === "string" ? runId : folder.relative.split("/").pop(),
      experimentId: typeof experimentId === "string" || typeof experimentId === "number" ? String(experimentId) : "",
      startTime: typeof startTime === "number" && Number.isFinite(startTime) ? startTime : 0
    },
    deleted: fields["lifecycle_stage"] === "deleted"
  };
}
async function subfolders(folder) {
  const entries = await listWorkspaceFolder(folder, { recursive: false });
  return entries.filter((entry) => entry.isDirectory && !entry.relative.split("/").pop().startsWith("."));
}

// packages/core/src/metrics/jsonl-history.ts
var WALL_TIME_KEYS = ["timestamp", "wall_time", "time"];
async function readJsonlHistory(absolutePath, displayName) {
  const table = new MetricTable();
  const keys = /* @__PURE__ */ new Map();
  let rowIndex = 0;
  let pythonNonFinite = false;
  const addValue = (key, value, step, wallTime, lineNumber, depth) => {
    let number2;
    if (typeof value === "number") number2 = value;
    else if (typeof value === "string") {
      const special = nonFiniteFromText(value);
      let state2 = keys.get(key);
      if (special === void 0) {
        if (state2 === void 0) {
          state2 = { series: void 0, textLine: lineNumber };
          keys.set(key, state2);
        } else if (state2.series !== void 0) {
          throw fileError(displayName, `"${key}" is ${describeValue(value)}, not a number`, lineNumber);
        }
        return;
      }
      number2 = special;
    } else if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      addNested(key, value, step, wallTime, lineNumber, depth + 1);
      return;
    } else return;
    let state = keys.get(key);
    if (state === void 0) {
      state = { series: table.get(key), textLine: 0 };
      keys.set(key, state);
    } else if (state.series === void 0) {
      throw fileError(
        displayName,
        `"${key}" holds text on line ${state.textLine} but a number here; a metric must hold only numbers`,
        lineNumber
      );
    }
    state.series.push(step, number2, wallTime);
  };
  const addNested = (prefix, object, step, wallTime, lineNumber, depth) => {
    if (depth > MAX_NESTING_DEPTH) {
      throw fileError(
        displayName,
        `nested more than ${MAX_NESTING_DEPTH} levels deep; refusing to read it`,
        lineNumber
      );
    }
    for (const key in object) addValue(`${prefix}.${key}`, object[key], step, wallTime, lineNumber, depth);
  };
  await forEachLine(absolutePath, displayName, (line, lineNumber) => {
    let parsed;
    if (!pythonNonFinite) {
      try {
        parsed = JSON.parse(line);
      } catch {
        if (line.trim() === "") return;
        parsed = parseJsonTextWithNonFinite(line, displayName, lineNumber);
        pythonNonFinite = true;
      }
    } else if (line.includes("NaN") || line.includes("Infinity")) {
      parsed = parseJsonTextWithNonFinite(line, displayName, lineNumber);
    } else {
      if (line.trim() === "") return;
      parsed = parseJsonText(line, displayName, lineNumber);
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      throw fileError(
        displayName,
        `each line of a JSON Lines file must be a JSON object, this one is ${describeValue(parsed)}`,
        lineNumber
      );
    }
    const record = parsed;
    let step = rowIndex;
    const stepKey = record["step"] !== void 0 ? "step" : record["epoch"] !== void 0 ? "epoch" : void 0;
    if (stepKey !== void 0) {
      const stepValue = record[stepKey];
      if (typeof stepValue !== "number" || !Number.isFinite(stepValue)) {
        throw fileError(
          displayName,
          `"${stepKey}" is ${describeValue(stepValue)}; it must be a finite number`,
          lineNumber
        );
      }
      step = stepValue;
    }
    let wallTime;
    for (const name of WALL_TIME_KEYS) {
      const raw = record[name];
      if (raw === void 0) continue;
      if (typeof raw === "number") wallTime = wallTimeSeconds(raw);
      else if (typeof raw === "string") wallTime = wallTimeFromDateText(raw);
      if (wallTime === void 0 && raw !== null) {
        throw fileError(
          displayName,
          `"${name}" is ${describeValue(raw)}; a wall time must be a number or a date`,
          lineNumber
        );
      }
      break;
    }
    for (const key in record) {
      if (key === "step" || key === "epoch" || key === "timestamp" || key === "wall_time" || key === "time") continue;
      addValue(key, record[key], step, wallTime, lineNumber, 0);
    }
    rowIndex++;
  });
  if (rowIndex === 0) throw fileError(displayName, "file is empty (only whitespace)");
  return table.toRecord();
}

// packages/core/src/text/toml-text.ts
async function parseTomlText(text2, displayName) {
  const { parse, TomlError } = await import("./chunk-VAT2XIJJ.js");
  try {
    return parse(text2);
  } catch (thrown) {
    if (thrown instanceof TomlError) {
      const message = (thrown.message.split("\n")[0] ?? thrown.message).replace(/^Invalid TOML document: /, "");
      throw fileError(displayName, `invalid TOML: ${message}`, thrown.line, thrown.column);
    }
    if (thrown instanceof RangeError) throw fileError(displayName, "invalid TOML: nested too deeply");
    throw thrown;
  }
}

// packages/core/src/metrics/toml-metrics.ts
async function readTomlMetrics(absolutePath, displayName) {
  const text2 = await readTextFile(absolutePath, displayName, { kind: "metrics files" });
  return metricsFromTree(await parseTomlText(text2, displayName), displayName, "TOML");
}

// packages/core/src/metrics/yaml-metrics.ts
async function readYamlMetrics(absolutePath, displayName) {
  const text2 = await readTextFile(absolutePath, displayName, { kind: "metrics files" });
  return metricsFromTree(await parseYamlText(text2, displayName), displayName, "YAML");
}

// packages/core/src/metrics/read-metrics-file.ts
async function readMetricsFile(absolutePath, displayName, format, warnings = []) {
  const resolved = format ?? await detectMetricsFormat(absolutePath, displayName);
  switch (resolved) {
    case "json":
      return readJsonMetrics(absolutePath, displayName);
    case "jsonl":
      return readJsonlHistory(absolutePath, displayName);
    case "yaml":
      return readYamlMetrics(absolutePath, displayName);
    case "toml":
      return readTomlMetrics(absolutePath, displayName);
    case "csv":
    case "tsv": {
      const keyPrefix = dvcliveKeyPrefix(displayName);
      return readDelimitedHistory(absolutePath, displayName, {
        delimiter: resolved === "csv" ? "," : "	",
        ...keyPrefix === void 0 ? {} : { keyPrefix }
      });
    }
    case "tfevents":
      return readTfevents(absolutePath, displayName, warnings);
    case "mlflow-metric":
      return readMlflowMetricFile(absolutePath, displayName);
  }
}

// packages/core/src/metrics/metrics-folder.ts
var NOT_METRICS = /* @__PURE__ */ new Set([
  "params.yaml",
  "params.yml",
  "params.json",
  "params.toml",
  "dvc.yaml",
  "dvc.lock",
  "meta.yaml"
]);
async function readMetricsFolder(folder, warnings = []) {
  if (await isDvcliveFolder(folder)) return { ...await readDvcliveFolder(folder), kind: "dvclive" };
  const runs = await findMlflowRuns(folder);
  const newest = runs[0];
  if (newest !== void 0) return { ...await readMlflowRunMetrics(newest.folder), kind: "mlflow" };
  const metrics = /* @__PURE__ */ new Map();
  const sources = [];
  for (const entry of await listWorkspaceFolder(folder, { recursive: false })) {
    if (entry.isDirectory) continue;
    const name = path5.posix.basename(entry.relative);
    const format = metricsFormatFromName(name);
    if (format === void 0 || format === "tfevents" || NOT_METRICS.has(name.toLowerCase())) continue;
    for (const [key, metric] of Object.entries(await readMetricsFile(entry.absolute, entry.relative, format, warnings)))
      metrics.set(key, metric);
    sources.push(entry.relative);
  }
  const skipFolder = (name) => name.startsWith(".") || name === "node_modules";
  const events = (await listWorkspaceFolder(folder, { recursive: true, skipFolder })).filter(
    (file) => isTfeventsName(path5.posix.basename(file.relative))
  );
  if (events.length > 0) {
    const table = new MetricTable();
    for (const file of events) {
      const below = path5.posix.dirname(file.relative.slice(folder.relative === "." ? 0 : folder.relative.length + 1));
      await readTfeventsInto(table, file.absolute, file.relative, below === "." ? "" : `${below}/`, warnings);
      sources.push(file.relative);
    }
    for (const [key, metric] of table.toMetrics()) metrics.set(key, metric);
  }
  return { metrics, sources, kind: "files" };
}

// packages/core/src/metrics/collect-metrics.ts
async function collectMetrics(patterns, options, skip = /* @__PURE__ */ new Set()) {
  const merged = /* @__PURE__ */ new Map();
  const sources = [];
  const skipped = [];
  const warnings = [];
  for (const pattern of patterns) {
    if (pattern.trim() === "") continue;
    let found = 0;
    let skippedHere = false;
    for (const match of await expandWorkspacePattern(pattern, options, "metrics path")) {
      if (skip.has(match.relative)) {
        skipped.push(match.relative);
        skippedHere = true;
      } else if (match.isDirectory) {
        const folder = await readMetricsFolder(match, warnings);
        if (folder.sources.length > 0 && folder.sources.every((source) => skip.has(source))) {
          skipped.push(...folder.sources);
          skippedHere = true;
          continue;
        }
        for (const [key, metric] of folder.metrics) merged.set(key, metric);
        found += folder.metrics.size;
        sources.push(...folder.sources);
      } else {
        const metrics2 = await readMetricsFile(match.absolute, match.relative, void 0, warnings);
        for (const key of Object.keys(metrics2)) merged.set(key, metrics2[key]);
        found += Object.keys(metrics2).length;
        sources.push(match.relative);
      }
    }
    if (found === 0 && !skippedHere) {
      throw new UserError(
        `metrics path ${JSON.stringify(pattern.trim())} has no metrics: no numeric values were found in what it names`
      );
    }
  }
  const metrics = {};
  for (const [key, metric] of merged) setOwnEntry(metrics, key, metric);
  return { metrics, sources: [...new Set(sources)], skipped: [...new Set(skipped)], warnings };
}

// packages/core/src/metrics/stale-metrics.ts
import { stat as stat2 } from "node:fs/promises";
async function snapshotMetricsFiles(patterns, options) {
  const snapshot = /* @__PURE__ */ new Map();
  const skipFolder = (name) => name.startsWith(".") || name === "node_modules";
  for (const pattern of patterns) {
    if (pattern.trim() === "") continue;
    let files;
    try {
      files = [];
      for (const match of await expandWorkspacePattern(pattern, options, "metrics path")) {
        if (!match.isDirectory) files.push(match);
        else files.push(...await listWorkspaceFolder(match, { recursive: true, skipFolder }));
      }
    } catch {
      continue;
    }
    for (const file of files) {
      if (file.isDirectory || snapshot.has(file.relative)) continue;
      const stamp = await stampOf(file.absolute);
      if (stamp !== void 0) snapshot.set(file.relative, { ...stamp, absolute: file.absolute });
    }
  }
  return snapshot;
}
async function unchangedMetricsFiles(snapshot) {
  const unchanged = /* @__PURE__ */ new Set();
  for (const [relative, before] of [...snapshot].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0)) {
    const now = await stampOf(before.absolute);
    if (now !== void 0 && now.mtimeMs === before.mtimeMs && now.size === before.size && now.ino === before.ino) {
      unchanged.add(relative);
    }
  }
  return unchanged;
}
async function stampOf(absolute) {
  try {
    const { mtimeMs, size, ino } = await stat2(absolute);
    return { mtimeMs, size, ino };
  } catch {
    return void 0;
  }
}

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
import path6 from "node:path";
var MAX_PARAMS_FILE_BYTES = 1024 * 1024;
async function readParamsFile(absolutePath, displayName) {
  const text2 = await readTextFile(absolutePath, displayName, {
    maxBytes: MAX_PARAMS_FILE_BYTES,
    kind: "params files"
  });
  const extension = path6.extname(absolutePath).toLowerCase();
  const tree = extension === ".json" ? parseJsonText(text2, displayName) : extension === ".toml" ? await parseTomlText(text2, displayName) : await parseYamlText(text2, displayName);
  if (!isPlainObject(tree)) {
    throw fileError(
      displayName,
      `the top level of a params file must be an object of param names, not ${describeValue(tree)}`
    );
  }
  const params = /* @__PURE__ */ new Map();
  flattenTree(tree, displayName, "leaf", (key, value) => {
    try {
      params.set(key, paramValueFromTree(value));
    } catch (error2) {
      if (error2 instanceof RangeError) throw fileError(displayName, `param "${key}" is nested too deeply`);
      throw error2;
    }
  });
  return params;
}

// packages/core/src/params/read-params.ts
async function readParams(entries, options) {
  const merged = /* @__PURE__ */ new Map();
  const sources = [];
  for (const entry of entries) {
    const trimmed = entry.trim();
    if (trimmed === "") continue;
    const equals = trimmed.indexOf("=");
    if (equals !== -1) {
      const key = trimmed.slice(0, equals).trim();
      if (key === "") throw new UserError(`params entry ${JSON.stringify(trimmed)} has no name before "="`);
      merged.set(key, parseParamValue(trimmed.slice(equals + 1)));
      continue;
    }
    for (const match of await expandWorkspacePattern(trimmed, options, "params path")) {
      const found = match.isDirectory ? await readParamsFolder(match) : { params: await readParamsFile(match.absolute, match.relative), sources: [match.relative] };
      for (const [key, value] of found.params) merged.set(key, value);
      sources.push(...found.sources);
    }
  }
  const params = {};
  for (const [key, value] of merged) setOwnEntry(params, key, value);
  return { params, sources: [...new Set(sources)] };
}
var PARAMS_FILE_NAMES = ["params.yaml", "params.yml", "params.json", "params.toml"];
async function readParamsFolder(folder) {
  const runs = await findMlflowRuns(folder);
  const newest = runs[0];
  if (newest !== void 0) return readMlflowRunParams(newest.folder);
  for (const name of PARAMS_FILE_NAMES) {
    const file = await workspaceChild(folder, name);
    if (file !== void 0 && !file.isDirectory)
      return { params: await readParamsFile(file.absolute, file.relative), sources: [file.relative] };
  }
  throw new UserError(
    `params folder ${JSON.stringify(folder.relative)} has no ${PARAMS_FILE_NAMES.join(", ")} and is not an MLflow run folder; name a params file instead`
  );
}

// packages/core/src/text/name-glob.ts
function nameGlob(pattern) {
  const source = pattern.trim().split("").map((char) => char === "*" ? ".*" : char === "?" ? "." : char.replace(/[.+^${}()|[\]\\]/g, "\\$&")).join("");
  return new RegExp(`^${source}$`, "is");
}

// packages/core/src/params/credential-redaction.ts
var REDACTED = "***";
var ANYWHERE = /secret|passw(?:or)?d|passwd|credential|private_?key/i;
var WORD = /^(?:key|token|auth|pwd|[a-z]*(?:apikey|accesskey|secretkey|privatekey|token)|auth(?!ors?$|ored$)[a-z]*)$/;
function isCredentialName(name, extra = []) {
  if (ANYWHERE.test(name)) return true;
  const words = name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase().split(/[^a-z0-9]+/).filter((word) => word !== "");
  if (words.some((word) => WORD.test(word))) return true;
  return extra.some((pattern) => nameGlob(pattern).test(name));
}
function redactParams(params, extra = []) {
  const out = {};
  for (const [name, value] of Object.entries(params)) {
    setOwnEntry(out, name, isCredentialName(name, extra) && value !== null ? REDACTED : value);
  }
  return out;
}
var VALUE2 = String.raw`(?:"(?:[^"\\]|\\.)*"|'[^']*'|[^\s'"]+)`;
var FLAG = new RegExp(String.raw`(^|\s)(--?)([A-Za-z0-9][\w.-]*)(=|\s+(?!-))(${VALUE2})`, "g");
var ASSIGNMENT = new RegExp(String.raw`(^|[\s;&|(])([A-Za-z_][\w.]*)=(${VALUE2})`, "g");
function redactCommand(command, extra = []) {
  return command.replace(
    FLAG,
    (whole, before, dashes, name, separator) => isCredentialName(name, extra) ? `${before}${dashes}${name}${separator}${REDACTED}` : whole
  ).replace(
    ASSIGNMENT,
    (whole, before, name) => isCredentialName(name, extra) ? `${before}${name}=${REDACTED}` : whole
  );
}

// packages/core/src/record/experiment-name.ts
function matrixValueText(value) {
  return typeof value === "string" ? value : JSON.stringify(value) ?? String(value);
}
function defaultExperimentName(job, matrix, replicateKey) {
  const values = Object.entries(matrix).filter(([key]) => key !== replicateKey).map(([, value]) => matrixValueText(value));
  return [job || "train", ...values].join("-");
}
function matrixReplicate(matrix, replicateKey) {
  if (replicateKey === void 0 || !Object.hasOwn(matrix, replicateKey)) return void 0;
  return { key: replicateKey, value: matrixValueText(matrix[replicateKey]) };
}

// packages/core/src/record/record-name.ts
function runRecordName(record) {
  const { experiment, replicate } = record;
  if (replicate === void 0) return experiment;
  const joined = `${experiment}-${replicate.key}-${replicate.value}`;
  if (occurrences(joined, `-${replicate.key}-`) === 1) return joined;
  return `${joined}-${shortHash(JSON.stringify([experiment, replicate.key, replicate.value]))}`;
}
function runRecordFileName(record) {
  return `run-record-${safeFileStem(runRecordName(record))}.json`;
}
function occurrences(text2, part) {
  let count = 0;
  for (let at = text2.indexOf(part); at !== -1; at = text2.indexOf(part, at + 1)) count++;
  return count;
}

// packages/core/src/record/run-record-size.ts
var MAX_RUN_RECORD_BYTES = 10 * 1024 * 1024;
var MIN_POINTS = 200;
function fitRunRecord(record, maxBytes = MAX_RUN_RECORD_BYTES) {
  const text2 = serializeRunRecord(record);
  if (Buffer.byteLength(text2) <= maxBytes) return { record, text: text2, downsampled: [] };
  const histories = Object.entries(record.metrics).filter(
    (entry) => entry[1].history !== void 0
  );
  const longest = Math.max(0, ...histories.map(([, metric]) => metric.history.steps.length));
  let limit = longest;
  for (let round = 0; round < 40 && limit > MIN_POINTS; round++) {
    limit = Math.max(MIN_POINTS, Math.floor(limit * 0.7));
    const downsampled = [];
    const metrics = { ...record.metrics };
    for (const [name, metric] of histories) {
      const points = metric.history.steps.length;
      if (points <= limit) continue;
      const history = thinHistory(metric.history, limit);
      setOwnEntry(metrics, name, { ...metric, history });
      downsampled.push({ metric: name, from: metric.history.sampledFrom ?? points, to: history.steps.length });
    }
    const fitted = { ...record, metrics };
    const fittedText = serializeRunRecord(fitted);
    if (Buffer.byteLength(fittedText) <= maxBytes) return { record: fitted, text: fittedText, downsampled };
  }
  throw new UserError(
    `the run record would be ${formatBytes(Buffer.byteLength(text2))}, more than the ${formatBytes(maxBytes)} a record may be, even with every history cut to ${MIN_POINTS} points; record fewer metrics or params`
  );
}
function thinHistory(history, limit) {
  const length = history.steps.length;
  if (length <= limit) return history;
  const keep = [0];
  const buckets = Math.max(1, Math.floor((limit - 2) / 2));
  const inner = length - 2;
  for (let bucket = 0; bucket < buckets; bucket++) {
    const start = 1 + Math.floor(bucket * inner / buckets);
    const end = 1 + Math.floor((bucket + 1) * inner / buckets);
    if (end <= start) continue;
    let low = start;
    let high = start;
    for (let i = start; i < end; i++) {
      const value = history.values[i] ?? NaN;
      if (value < (history.values[low] ?? NaN) || Number.isNaN(history.values[low])) low = i;
      if (value > (history.values[high] ?? NaN) || Number.isNaN(history.values[high])) high = i;
    }
    keep.push(Math.min(low, high));
    if (high !== low) keep.push(Math.max(low, high));
  }
  keep.push(length - 1);
  const pick = (column) => keep.map((index) => column[index] ?? NaN);
  return {
    steps: pick(history.steps),
    values: pick(history.values),
    ...history.wallTimes === void 0 ? {} : { wallTimes: pick(history.wallTimes) },
    sampledFrom: history.sampledFrom ?? length
  };
}

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
  const path7 = env["GITHUB_EVENT_PATH"] ?? "";
  if (path7 === "") {
    if (env["GITHUB_ACTIONS"] === "true") {
      throw new UserError("GITHUB_EVENT_PATH is not set: the runner gives every step its event payload");
    }
    return {};
  }
  const where = `the event payload ${path7} (GITHUB_EVENT_PATH)`;
  let text2;
  try {
    text2 = readFileSync(path7, "utf8");
  } catch (thrown) {
    const code = thrown?.code;
    throw new UserError(`${where} cannot be read${typeof code === "string" ? ` (${code})` : ""}`, { file: path7 });
  }
  let parsed;
  try {
    parsed = JSON.parse(text2);
  } catch {
    throw new UserError(`${where} is not valid JSON`, { file: path7 });
  }
  const payload = asRecord(parsed);
  if (payload === void 0) throw new UserError(`${where} is not a JSON object`, { file: path7 });
  for (const field2 of REQUIRED_FIELDS[eventName] ?? []) {
    const [dotted = "", type = "string"] = field2.split(":");
    let value = payload;
    for (const part of dotted.split(".")) value = asRecord(value)?.[part];
    const present = type === "number" ? typeof value === "number" : typeof value === "string" && value !== "";
    if (!present) {
      throw new UserError(`${where} is not a ${eventName} event: it has no ${type} ${dotted}`, { file: path7 });
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
  return new Promise((resolve3) => {
    setTimeout(resolve3, ms);
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
  const path7 = typeof request?.url === "string" ? pathOf(request.url) : "";
  return KNOWN_PERMISSIONS.find(([pattern]) => pattern.test(path7))?.[1];
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
    return value instanceof P ? value : new P(function(resolve3) {
      resolve3(value);
    });
  }
  return new (P || (P = Promise))(function(resolve3, reject) {
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
      result.done ? resolve3(result.value) : adopt(result.value).then(fulfilled, rejected);
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
import * as fs2 from "fs";
var { chmod, copyFile, lstat: lstat3, mkdir, open: open2, readdir: readdir2, rename, rm, rmdir, stat: stat3, symlink, unlink } = fs2.promises;
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

// packages/github/src/text-artifact.ts
import { mkdtemp, rm as rm2, writeFile as writeFile2 } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

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
function safeArtifactName(name) {
  const safe = name.replace(NOT_IN_ARTIFACT_NAME, "_");
  if (safe === name && name.length <= MAX_ARTIFACT_NAME) return name;
  const hash = shortHash(name);
  return `${cutAt(safe, MAX_ARTIFACT_NAME - hash.length - 1)}-${hash}`;
}
var KEPT_OF_CHANGED_NAME = MAX_ARTIFACT_NAME - 13;
function cutAt(text2, length) {
  if (text2.length <= length) return text2;
  const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });
  let end = 0;
  for (const { index, segment } of graphemes.segment(text2.slice(0, length + 64))) {
    if (index + segment.length > length) break;
    end = index + segment.length;
  }
  return text2.slice(0, end);
}
async function uploadTextArtifact(client, options) {
  await replaceEarlierAttempt(client, options.name, options.runAttempt, options.log);
  const folder = await mkdtemp(join(tmpdir(), "ml-actions-upload-"));
  try {
    const file = join(folder, options.fileName);
    await writeFile2(file, options.text);
    const uploaded = await client.uploadArtifact(
      options.name,
      [file],
      folder,
      options.retentionDays === void 0 ? {} : { retentionDays: options.retentionDays }
    );
    if (uploaded.id === void 0) throw new Error(`the artifact service returned no id for ${options.name}`);
    return uploaded.id;
  } finally {
    await rm2(folder, { recursive: true, force: true });
  }
}

// packages/github/src/run-record-artifact.ts
var RECORD_ARTIFACT_PREFIX = "ml-run-";
function runRecordArtifactName(experiment, replicate) {
  return safeArtifactName(
    `${RECORD_ARTIFACT_PREFIX}${runRecordName(replicate === void 0 ? { experiment } : { experiment, replicate })}`
  );
}
async function uploadRunRecord(client, record, options) {
  return uploadTextArtifact(client, {
    name: runRecordArtifactName(record.experiment, record.replicate),
    fileName: runRecordFileName(record),
    text: serializeRunRecord(record),
    runAttempt: record.attempt,
    ...options
  });
}

// packages/github/src/job-records.ts
import { lstat as lstat4, mkdir as mkdir2, readdir as readdir3, realpath as realpath2, writeFile as writeFile3 } from "node:fs/promises";
import { tmpdir as tmpdir2 } from "node:os";
import { isAbsolute, join as join2, resolve } from "node:path";
function jobRecordsFolder(job) {
  return join2(job.temp ?? tmpdir2(), "ml-actions", "run-records");
}
async function writeJobRecord(record, job) {
  const folder = jobRecordsFolder(job);
  await mkdir2(folder, { recursive: true });
  const text2 = serializeRunRecord(record);
  const path7 = join2(folder, runRecordFileName(record));
  try {
    await writeFile3(path7, text2, { flag: "wx" });
    return { path: path7 };
  } catch (thrown) {
    if (thrown?.code !== "EEXIST") throw thrown;
  }
  const duplicates = join2(folder, DUPLICATES_FOLDER);
  await mkdir2(duplicates, { recursive: true });
  const safeId = record.runId.replace(/[^A-Za-z0-9._-]/g, "_");
  const duplicate = join2(duplicates, `${runRecordFileName(record).replace(/\.json$/, "")}-${safeId}.json`);
  await writeFile3(duplicate, text2);
  return { path: duplicate, duplicateOf: path7 };
}
var DUPLICATES_FOLDER = "duplicates";

// packages/github/src/user-command.ts
var STOP_GRACE_MS = 1e4;
var GROUP_POLL_MS = 50;
var KILLED_WAIT_MS = 2e3;
var MAX_TIMER_MS = 2 ** 31 - 1;
var ACTION_ONLY = /^(INPUT_.*|ACTIONS_RUNTIME_TOKEN|ACTIONS_RUNTIME_URL|ACTIONS_RESULTS_URL|ACTIONS_CACHE_URL)$/i;
function commandEnvironment(env) {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !ACTION_ONLY.test(name)));
}
function runUserCommand(command, cwd, options = {}) {
  const { spawn } = process.getBuiltinModule("node:child_process");
  return new Promise((resolve3, reject) => {
    const child = spawn("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", command], {
      cwd,
      env: { ...commandEnvironment(process.env), ...options.env },
      stdio: "inherit",
      detached: true
    });
    let stopping;
    const timeoutMs = options.timeoutMs;
    const timer = timeoutMs === void 0 || timeoutMs > MAX_TIMER_MS ? void 0 : setTimeout(() => {
      stopping = stopProcessGroup(child.pid, Math.min(STOP_GRACE_MS, timeoutMs));
    }, timeoutMs);
    child.on("error", (error2) => {
      if (timer !== void 0) clearTimeout(timer);
      reject(error2);
    });
    child.on("close", (code, signal) => {
      if (timer !== void 0) clearTimeout(timer);
      const result = { exitCode: code ?? 128, signal: signal ?? void 0, timedOut: stopping !== void 0 };
      if (stopping === void 0) resolve3(result);
      else stopping.then(() => resolve3(result), reject);
    });
  });
}
async function stopProcessGroup(leader, graceMs) {
  if (leader === void 0) return;
  if (!signalGroup(leader, "SIGTERM")) return;
  if (await groupGoneWithin(leader, graceMs)) return;
  signalGroup(leader, "SIGKILL");
  await groupGoneWithin(leader, KILLED_WAIT_MS);
}
function signalGroup(leader, signal) {
  try {
    process.kill(-leader, signal);
    return true;
  } catch (thrown) {
    if (thrown.code === "ESRCH") return false;
    throw thrown;
  }
}
async function groupGoneWithin(leader, waitMs) {
  const deadline = Date.now() + waitMs;
  while (signalGroup(leader, 0)) {
    if (Date.now() >= deadline) return false;
    await new Promise((wake) => setTimeout(wake, GROUP_POLL_MS));
  }
  return true;
}

// actions/train/src/main.ts
import { randomUUID as randomUUID3 } from "node:crypto";
import { resolve as resolve2 } from "node:path";

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
  get(path7, query = {}) {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value !== void 0) search.set(key, String(value));
    const text2 = search.toString();
    return this.send("GET", path7, text2 === "" ? path7 : `${path7}?${text2}`, void 0);
  }
  post(path7, body) {
    return this.send("POST", path7, path7, JSON.stringify(body));
  }
  /** As `post`, with a body already serialised (log batches are sized as text). */
  postText(path7, body) {
    return this.send("POST", path7, path7, body);
  }
  patch(path7, body) {
    return this.send("PATCH", path7, path7, JSON.stringify(body));
  }
  delete(path7, body) {
    return this.send("DELETE", path7, path7, JSON.stringify(body));
  }
  async send(method, path7, target, body) {
    const call = `${method} ${path7}`;
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
    const header = response.headers.get("retry-after");
    if (header === null) return void 0;
    const value = Number(header);
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
  return new Promise((resolve3) => {
    setTimeout(resolve3, ms);
  });
}

// packages/mlflow/src/log-batches.ts
var LOG_BATCH_LIMITS = {
  metrics: 1e3,
  params: 100,
  tags: 100,
  items: 1e3,
  bytes: 1e6
};
var MAX_PARAM_VALUE_LENGTH = 6e3;
var MAX_TAG_VALUE_LENGTH = 8e3;
var MAX_KEY_LENGTH = 250;
var ENVELOPE_BYTES = 128;
function planLogBatches(content) {
  const reindexed = [];
  let points = 0;
  const integerSteps = /* @__PURE__ */ new Map();
  for (const [key, metric] of Object.entries(content.metrics)) {
    const steps = metric.history?.steps ?? [metric.step ?? 0];
    const integers = steps.every((step) => Number.isSafeInteger(step));
    integerSteps.set(key, integers);
    if (!integers) reindexed.push(key);
    points += steps.length;
  }
  const bodies = function* (runId) {
    const prefix = `{"run_id":${JSON.stringify(runId)},`;
    const params = Object.entries(content.params).map(([key, value]) => keyValue(key, value));
    const tags = Object.entries(content.tags).map(([key, value]) => keyValue(key, value));
    const metrics = metricPoints(content, integerSteps);
    let nextPoint = metrics.next();
    let p = 0;
    let t = 0;
    while (p < params.length || t < tags.length || nextPoint.done !== true) {
      const batch = { metrics: [], params: [], tags: [], bytes: ENVELOPE_BYTES };
      const room = (text2) => batch.metrics.length + batch.params.length + batch.tags.length < LOG_BATCH_LIMITS.items && batch.bytes + Buffer.byteLength(text2) + 1 <= LOG_BATCH_LIMITS.bytes;
      const take = (kind, text2) => {
        batch[kind].push(text2);
        batch.bytes += Buffer.byteLength(text2) + 1;
      };
      while (p < params.length && batch.params.length < LOG_BATCH_LIMITS.params && room(params[p]))
        take("params", params[p++]);
      while (t < tags.length && batch.tags.length < LOG_BATCH_LIMITS.tags && room(tags[t])) take("tags", tags[t++]);
      while (nextPoint.done !== true && batch.metrics.length < LOG_BATCH_LIMITS.metrics && room(nextPoint.value)) {
        take("metrics", nextPoint.value);
        nextPoint = metrics.next();
      }
      yield `${prefix}"metrics":[${batch.metrics.join(",")}],"params":[${batch.params.join(",")}],"tags":[${batch.tags.join(",")}]}`;
    }
  };
  return { bodies, points, reindexed };
}
function* metricPoints(content, integerSteps) {
  for (const [key, metric] of Object.entries(content.metrics)) {
    const quotedKey = JSON.stringify(key);
    const history = metric.history;
    const byIndex = integerSteps.get(key) === false;
    if (history === void 0) {
      yield point(quotedKey, metric.value, content.defaultTimestamp, byIndex ? 0 : metric.step ?? 0);
      continue;
    }
    const { steps, values, wallTimes } = history;
    for (let i = 0; i < steps.length; i++) {
      const wallTime = wallTimes?.[i];
      const timestamp = wallTime !== void 0 && Number.isFinite(wallTime) ? Math.round(wallTime * 1e3) : content.defaultTimestamp;
      yield point(quotedKey, values[i] ?? NaN, timestamp, byIndex ? i : steps[i] ?? i);
    }
  }
}
function keyValue(key, value) {
  return `{"key":${JSON.stringify(key)},"value":${JSON.stringify(value)}}`;
}
function point(quotedKey, value, timestamp, step) {
  return `{"key":${quotedKey},"value":${numberJson(value)},"timestamp":${timestamp},"step":${step}}`;
}
function numberJson(value) {
  if (value === Infinity) return '"Infinity"';
  if (value === -Infinity) return '"-Infinity"';
  if (value !== value) return '"NaN"';
  return String(value);
}
function isMlflowKey(key) {
  if (key === "" || key.length > MAX_KEY_LENGTH) return false;
  if (!/^[\p{L}\p{N}_\-./: ]+$/u.test(key)) return false;
  if (key.startsWith("/")) return false;
  return !key.split("/").includes("..");
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

// packages/mlflow/src/experiments.ts
async function findExperiment(client, name, origin) {
  try {
    const answer = await client.get("experiments/get-by-name", { experiment_name: name });
    const experiment = field(answer, "experiment");
    if (text(experiment, "lifecycle_stage") === "deleted") {
      throw new UserError(
        `MLflow experiment ${JSON.stringify(name)} (${origin}) is deleted: restore it in MLflow or choose another name`
      );
    }
    return text(experiment, "experiment_id");
  } catch (thrown) {
    if (thrown instanceof MlflowError && thrown.errorCode === "RESOURCE_DOES_NOT_EXIST") return void 0;
    throw thrown;
  }
}
async function ensureExperiment(client, name, origin) {
  const found = await findExperiment(client, name, origin);
  if (found !== void 0) return found;
  try {
    const created = await client.post("experiments/create", { name });
    const id = text(created, "experiment_id");
    if (id === void 0) throw new MlflowError("MLflow POST experiments/create answered without an experiment_id");
    return id;
  } catch (thrown) {
    if (!(thrown instanceof MlflowError && thrown.errorCode === "RESOURCE_ALREADY_EXISTS")) throw thrown;
    const raced = await findExperiment(client, name, origin);
    if (raced === void 0) throw thrown;
    return raced;
  }
}

// packages/mlflow/src/run-logging.ts
import { createHash as createHash3 } from "node:crypto";
var RUN_KEY_TAG = "ml-actions.key";
async function logRun(client, run3) {
  const warnings = [];
  const origin = client.connection.origin;
  const experimentId = await ensureExperiment(client, run3.experimentName, origin);
  const params = loggableParams(run3.params, warnings);
  const tags = loggableTags({
    ...run3.tags,
    [RUN_KEY_TAG]: identityDigest(run3.identity),
    "mlflow.runName": run3.runName
  });
  const metrics = loggableMetrics(run3.metrics, warnings);
  const existing = run3.mayExist ? await findRunByIdentity(client, experimentId, run3.identity) : void 0;
  let runId;
  let batchTags;
  let batchParams = params;
  if (existing !== void 0) {
    runId = existing.runId;
    batchParams = newParams(existing.params, params, runId);
    batchTags = tags;
  } else {
    const entries = Object.entries(tags);
    runId = await createRun(client, experimentId, run3, Object.fromEntries(entries.slice(0, LOG_BATCH_LIMITS.tags)));
    batchTags = Object.fromEntries(entries.slice(LOG_BATCH_LIMITS.tags));
  }
  const plan = planLogBatches({ params: batchParams, tags: batchTags, metrics, defaultTimestamp: run3.endTime });
  for (const key of plan.reindexed) {
    warnings.push(
      `metric ${JSON.stringify(key)} has steps that are not whole numbers, which MLflow cannot hold: it was logged to MLflow with each point's index as its step`
    );
  }
  for (const body of plan.bodies(runId)) await client.postText("runs/log-batch", body);
  await client.post("runs/update", { run_id: runId, status: run3.status, end_time: run3.endTime });
  return {
    runId,
    experimentId,
    url: runUrl(client.connection, experimentId, runId),
    reused: existing !== void 0,
    points: plan.points,
    warnings
  };
}
function identityDigest(identity) {
  return createHash3("sha256").update(identity).digest("hex");
}
async function createRun(client, experimentId, run3, tags) {
  const answer = await client.post("runs/create", {
    experiment_id: experimentId,
    run_name: run3.runName,
    start_time: run3.startTime,
    tags: Object.entries(tags).map(([key, value]) => ({ key, value }))
  });
  const runId = text(field(field(answer, "run"), "info"), "run_id");
  if (runId === void 0) throw new MlflowError("MLflow POST runs/create answered without a run id");
  return runId;
}
async function findRunByIdentity(client, experimentId, identity) {
  const answer = await client.post("runs/search", {
    experiment_ids: [experimentId],
    filter: `tags.\`${RUN_KEY_TAG}\` = '${identityDigest(identity)}'`,
    run_view_type: "ACTIVE_ONLY",
    max_results: 1
  });
  const found = list(answer, "runs")[0];
  const runId = text(field(found, "info"), "run_id");
  if (runId === void 0) return void 0;
  return { runId, params: keyValues(field(found, "data"), "params") };
}
function newParams(logged, params, runId) {
  const fresh = {};
  for (const [key, value] of Object.entries(params)) {
    const before = logged.get(key);
    if (before === void 0) setOwnEntry(fresh, key, value);
    else if (before !== value) {
      throw new UserError(
        `MLflow run ${runId} already has param ${JSON.stringify(key)} = ${JSON.stringify(before)} from an earlier attempt of this job, and this run's value is ${JSON.stringify(value)}: MLflow never changes a logged param, so log the new value under another experiment (input "mlflow-experiment") or delete the earlier run in MLflow`
      );
    }
  }
  return fresh;
}
function paramText2(value) {
  if (value === null) return "None";
  return String(value);
}
function loggableParams(params, warnings) {
  const loggable = {};
  const badKeys = [];
  for (const [key, value] of Object.entries(params)) {
    const textValue = paramText2(value);
    if (!isMlflowKey(key)) badKeys.push(key);
    else if (textValue.length > MAX_PARAM_VALUE_LENGTH) {
      warnings.push(
        `param ${JSON.stringify(key)} was not logged to MLflow: its value is ${textValue.length} characters and MLflow keeps at most ${MAX_PARAM_VALUE_LENGTH}`
      );
    } else setOwnEntry(loggable, key, textValue);
  }
  if (badKeys.length > 0) warnings.push(unloggableNames("param", badKeys));
  return loggable;
}
function loggableMetrics(metrics, warnings) {
  const loggable = {};
  const badKeys = [];
  let infinite = false;
  for (const [key, metric] of Object.entries(metrics)) {
    if (!isMlflowKey(key)) {
      badKeys.push(key);
      continue;
    }
    setOwnEntry(loggable, key, metric);
    if (!infinite && hasInfinity(metric)) infinite = true;
  }
  if (badKeys.length > 0) warnings.push(unloggableNames("metric", badKeys));
  if (infinite) {
    warnings.push(
      "some metric values are infinite: MLflow stores them as the largest finite number (+-1.7976931348623157e308), which reads back here as infinity"
    );
  }
  return loggable;
}
function hasInfinity(metric) {
  if (metric.value === Infinity || metric.value === -Infinity) return true;
  return metric.history?.values.some((value) => value === Infinity || value === -Infinity) ?? false;
}
function loggableTags(tags) {
  const loggable = {};
  for (const [key, value] of Object.entries(tags)) {
    loggable[key] = value.length > MAX_TAG_VALUE_LENGTH ? value.slice(0, MAX_TAG_VALUE_LENGTH) : value;
  }
  return loggable;
}
function unloggableNames(kind, keys) {
  const shown = keys.slice(0, 5).map((key) => JSON.stringify(key)).join(", ");
  const more = keys.length > 5 ? ` and ${keys.length - 5} more` : "";
  return `${keys.length} ${kind} name${keys.length === 1 ? "" : "s"} MLflow does not accept (letters, digits, _ - . / : and spaces only, at most 250 characters) ${keys.length === 1 ? "was" : "were"} not logged to MLflow: ${shown}${more}`;
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
  const run3 = runFromAnswer(client, field(answer, "run"));
  if (run3 === void 0) throw new MlflowError(`MLflow GET runs/get answered without run ${runId}`);
  if (options.histories === false) return run3;
  const metrics = /* @__PURE__ */ new Map();
  for (const key of Object.keys(run3.metrics)) metrics.set(key, await readHistory2(client, run3.runId, key));
  return { ...run3, metrics: recordFromMap(metrics) };
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
  for (const point2 of points) series.push(point2.step, point2.value, point2.timestamp / 1e3);
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
          const path7 = text(entry, "artifact_path");
          if (path7 !== void 0) sources.push(`runs:/${runId}/${path7}`);
        }
      }
    } catch {
    }
  }
  return [...new Set(sources)];
}

// packages/mlflow/src/record-tags.ts
var RECORD_TAGS = {
  commit: "mlflow.source.git.commit",
  branch: "mlflow.source.git.branch",
  repoUrl: "mlflow.source.git.repoURL",
  sourceName: "mlflow.source.name",
  sourceType: "mlflow.source.type",
  repository: "ml-actions.repository",
  experiment: "ml-actions.experiment",
  replicate: "ml-actions.replicate",
  recordRunId: "ml-actions.run-id",
  recordStatus: "ml-actions.status",
  pullRequest: "ml-actions.pull-request",
  baseRef: "ml-actions.base-ref",
  event: "ml-actions.event",
  workflowRunUrl: "ml-actions.workflow-run-url",
  attempt: "ml-actions.attempt"
};
function recordTags(record) {
  const p = record.provenance;
  const repoUrl = `${p.serverUrl.replace(/\/+$/, "")}/${p.repository}`;
  const tags = {
    [RECORD_TAGS.commit]: p.sha,
    [RECORD_TAGS.branch]: p.branch,
    [RECORD_TAGS.repoUrl]: repoUrl,
    [RECORD_TAGS.sourceName]: p.workflow === "" ? repoUrl : `${p.repository}: ${p.workflow}`,
    [RECORD_TAGS.sourceType]: "JOB",
    [RECORD_TAGS.repository]: p.repository,
    [RECORD_TAGS.experiment]: record.experiment,
    [RECORD_TAGS.recordRunId]: record.runId,
    [RECORD_TAGS.recordStatus]: record.outcome.status,
    [RECORD_TAGS.event]: p.event,
    [RECORD_TAGS.workflowRunUrl]: `${repoUrl}/actions/runs/${p.workflowRunId}/attempts/${p.runAttempt}`,
    [RECORD_TAGS.attempt]: String(record.attempt)
  };
  if (record.replicate !== void 0) tags[RECORD_TAGS.replicate] = replicateText(record.replicate);
  if (p.pullRequest !== void 0) tags[RECORD_TAGS.pullRequest] = String(p.pullRequest);
  if (p.baseRef !== void 0) tags[RECORD_TAGS.baseRef] = p.baseRef;
  return tags;
}
function replicateText(replicate) {
  return `${replicate.key}=${replicate.value}`;
}
function recordRunName(record) {
  return record.replicate === void 0 ? record.experiment : `${record.experiment} (${replicateText(record.replicate)})`;
}
function recordIdentity(record) {
  const p = record.provenance;
  const replicate = record.replicate === void 0 ? "" : replicateText(record.replicate);
  return [p.repository, String(p.workflowRunId), p.job, record.experiment, replicate].join("\n");
}
function mlflowStatus(record) {
  switch (record.outcome.status) {
    case "failed":
      return "FAILED";
    case "timed-out":
      return "KILLED";
    case "succeeded":
    case "collected":
      return "FINISHED";
  }
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

// actions/train/src/mlflow-tracking.ts
async function logRecordToMlflow(record, tracking, options) {
  const { log } = options;
  const client = createTrackingClient(tracking, options);
  const logged = await log.group(`MLflow: logging to experiment ${JSON.stringify(tracking.experiment)}`, async () => {
    const result = await logRun(client, {
      experimentName: tracking.experiment,
      runName: recordRunName(record),
      identity: recordIdentity(record),
      mayExist: record.attempt > 1,
      status: mlflowStatus(record),
      startTime: Date.parse(record.outcome.startedAt),
      endTime: Date.parse(record.outcome.finishedAt),
      tags: recordTags(record),
      params: record.params,
      metrics: record.metrics
    });
    log.info(
      `${result.reused ? "logged again into" : "created"} MLflow run ${result.runId}: ${result.points} metric points in ${client.requests} requests`
    );
    return result;
  });
  for (const warning2 of logged.warnings) log.warning(warning2);
  return { runId: logged.runId, experimentId: logged.experimentId, url: logged.url };
}
async function readTrackedRun(runId, tracking, options) {
  const { log } = options;
  const client = createTrackingClient(tracking, options);
  const run3 = await readRun(client, runId, { origin: 'input "mlflow-run"' });
  log.info(
    `read MLflow run ${run3.runId} (${run3.status}): ${Object.keys(run3.metrics).length} metrics, ${Object.keys(run3.params).length} params in ${client.requests} requests`
  );
  return {
    link: { runId: run3.runId, experimentId: run3.experimentId, url: run3.url },
    metrics: run3.metrics,
    params: run3.params,
    started: run3.startTime === void 0 ? void 0 : new Date(run3.startTime),
    finished: run3.endTime === void 0 || run3.endTime === 0 ? void 0 : new Date(run3.endTime),
    status: run3.status
  };
}

// actions/train/src/settings.ts
function readTrainSettings(inputs) {
  const redact = inputs.list("redact");
  const matrix = parseMatrix(inputs.optional("matrix"));
  return {
    command: inputs.optional("command"),
    workingDirectory: inputs.required("working-directory"),
    metrics: inputs.list("metrics"),
    params: inputs.list("params"),
    data: inputs.list("data"),
    profile: inputs.list("profile"),
    experiment: inputs.optional("experiment"),
    // Matrix values are recorded and shown (the default experiment name holds them), never run.
    matrix: Object.fromEntries(
      Object.entries(matrix).map(([key, value]) => [key, isCredentialName(key, redact) ? REDACTED : value])
    ),
    replicateKey: inputs.optional("replicate-key"),
    upload: inputs.boolean("upload"),
    redact,
    timeoutMinutes: parseTimeoutMinutes(inputs.optional("timeout-minutes")),
    ...readMlflowInputs(inputs),
    waitScale: inputs.retryWaitScale()
  };
}
function readMlflowInputs(inputs) {
  const mlflow = readTrackingSettings(inputs);
  const mlflowRun = inputs.optional("mlflow-run");
  if (mlflowRun !== void 0) {
    if (inputs.optional("command") !== void 0) {
      throw new UserError(
        'inputs "command" and "mlflow-run" cannot both be set: mlflow-run reads a run trained elsewhere'
      );
    }
    if (mlflow === void 0) {
      throw new UserError(
        'input "mlflow-run" needs a tracking server: set input "mlflow-tracking-uri" or the MLFLOW_TRACKING_URI variable'
      );
    }
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(mlflowRun)) {
      throw new UserError(
        `input "mlflow-run" must be an MLflow run id (32 hex digits), got ${JSON.stringify(mlflowRun)}`
      );
    }
  }
  return { mlflow, mlflowRun };
}
var DECIMAL = /^(\d+(\.\d*)?|\.\d+)$/;
function parseTimeoutMinutes(text2) {
  if (text2 === void 0) return void 0;
  const minutes = DECIMAL.test(text2) ? Number(text2) : NaN;
  if (!(minutes > 0)) {
    throw new UserError(
      `input "timeout-minutes" must be a positive number of minutes such as 30 or 0.5, got ${JSON.stringify(text2)}`
    );
  }
  return minutes;
}
function parseMatrix(text2) {
  if (text2 === void 0 || text2 === "null") return {};
  let value;
  try {
    value = JSON.parse(text2);
  } catch {
    throw new UserError('input "matrix" must be JSON, as `${{ toJSON(matrix) }}` gives');
  }
  if (!isPlainObject(value)) {
    throw new UserError('input "matrix" must be a JSON object, as `${{ toJSON(matrix) }}` gives');
  }
  return value;
}

// actions/train/src/training-environment.ts
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { createHash as createHash4 } from "node:crypto";
import { readFile, readdir as readdir4, stat as stat4 } from "node:fs/promises";
import { join as join3 } from "node:path";
var USES_PYTHON = /(^|[\s;&|(/])(python[\d.]*|pip[\d.]*|uv|poetry|conda|mamba|pytest|torchrun|accelerate|dvc|mlflow)(\s|$)/;
var runFile = promisify(execFile);
var LOCKFILE = /^(requirements[^/]*\.txt|uv\.lock|poetry\.lock|environment\.ya?ml)$/;
var MAX_LOCKFILE_BYTES = 16 * 1024 * 1024;
var LIST_DISTRIBUTIONS = [
  "import importlib.metadata as m, json, sys",
  `names = {f"{d.metadata['Name']}=={d.version}" for d in m.distributions() if d.metadata['Name']}`,
  "print(json.dumps({'version': sys.version.split()[0], 'packages': sorted(names, key=str.lower)}))"
].join("\n");
async function readTrainingEnvironment(options) {
  const { env } = options;
  const environment = {};
  const runner = Object.fromEntries(
    [
      ["os", env["RUNNER_OS"]],
      ["arch", env["RUNNER_ARCH"]],
      ["imageOS", env["ImageOS"]],
      ["imageVersion", env["ImageVersion"]]
    ].filter(([, value]) => value !== void 0 && value !== "")
  );
  if (Object.keys(runner).length > 0) environment.runner = runner;
  const [python, lockfiles, gpus] = await Promise.all([
    options.command !== void 0 && USES_PYTHON.test(options.command) ? readPython(options.cwd, env, options.debug) : Promise.resolve(void 0),
    readLockfiles(options.cwd, options.debug),
    readGpus(env, options.debug)
  ]);
  if (python !== void 0) environment.python = python;
  if (lockfiles.length > 0) environment.lockfiles = lockfiles;
  if (gpus.length > 0) environment.gpus = gpus;
  return environment;
}
async function readPython(cwd, env, debug2) {
  for (const interpreter of ["python3", "python"]) {
    try {
      const text2 = await run(interpreter, ["-c", LIST_DISTRIBUTIONS], cwd, env, 3e4);
      const answer = JSON.parse(text2);
      if (typeof answer.version !== "string" || !Array.isArray(answer.packages)) continue;
      const packages = answer.packages.filter((item) => typeof item === "string");
      const kept = packages.slice(0, MAX_ENVIRONMENT_PACKAGES);
      return {
        version: answer.version,
        packages: kept,
        ...packages.length > kept.length ? { omitted: packages.length - kept.length } : {}
      };
    } catch (thrown) {
      debug2(`environment: ${interpreter} gave no distributions (${thrown.message})`);
    }
  }
  return void 0;
}
async function readLockfiles(cwd, debug2) {
  let names;
  try {
    names = (await readdir4(cwd)).filter((name) => LOCKFILE.test(name)).sort();
  } catch {
    return [];
  }
  const found = [];
  for (const name of names) {
    const path7 = join3(cwd, name);
    try {
      const info2 = await stat4(path7);
      if (!info2.isFile() || info2.size > MAX_LOCKFILE_BYTES) continue;
      found.push({
        path: name,
        sha256: createHash4("sha256").update(await readFile(path7)).digest("hex")
      });
    } catch (thrown) {
      debug2(`environment: could not hash ${name} (${thrown.message})`);
    }
  }
  return found;
}
async function readGpus(env, debug2) {
  try {
    const text2 = await run(
      "nvidia-smi",
      ["--query-gpu=name,driver_version", "--format=csv,noheader"],
      void 0,
      env,
      1e4
    );
    return text2.split("\n").map((line) => line.split(",").map((part) => part.trim())).filter((parts) => parts.length >= 2 && parts[0] !== "").slice(0, 64).map(([name = "", driver = ""]) => ({ name, driver }));
  } catch (thrown) {
    const code = thrown.code;
    if (code !== "ENOENT") debug2(`environment: nvidia-smi failed (${thrown.message})`);
    return [];
  }
}
async function run(command, args, cwd, env, timeout) {
  const { stdout } = await runFile(command, args, { cwd, env, timeout, maxBuffer: 8 * 1024 * 1024, encoding: "utf8" });
  return stdout;
}

// actions/train/src/main.ts
async function run2(runner) {
  await runStep(
    { name: "train", settings: readTrainSettings },
    async (step) => {
      const { settings, context, log } = step;
      const cwd = resolve2(context.workspace, settings.workingDirectory);
      const where = { workspace: context.workspace, cwd };
      const before = settings.command === void 0 ? void 0 : await snapshotMetricsFiles(settings.metrics, where);
      let started = /* @__PURE__ */ new Date();
      let exitCode;
      let timedOut = false;
      if (settings.command !== void 0) {
        const timeoutMs = settings.timeoutMinutes === void 0 ? void 0 : settings.timeoutMinutes * 6e4;
        const result = await log.group(
          `Training: ${redactCommand(settings.command, settings.redact)}`,
          () => runUserCommand(settings.command ?? "", cwd, { timeoutMs })
        );
        if (result.timedOut) timedOut = true;
        else exitCode = result.exitCode;
      }
      let finished = /* @__PURE__ */ new Date();
      const problems = [];
      const attempt = async (read, fallback) => {
        try {
          return await read();
        } catch (thrown) {
          problems.push(thrown);
          return fallback;
        }
      };
      const unchanged = before === void 0 ? /* @__PURE__ */ new Set() : await unchangedMetricsFiles(before);
      const failed = timedOut || exitCode !== void 0 && exitCode !== 0;
      const metrics = await attempt(() => collectMetrics(settings.metrics, where, failed ? unchanged : /* @__PURE__ */ new Set()), {
        metrics: {},
        sources: [],
        skipped: [],
        warnings: []
      });
      for (const warning2 of metrics.warnings) log.warning(warning2.message, annotation(warning2));
      const staleSources = failed ? metrics.skipped : metrics.sources.filter((source) => unchanged.has(source));
      if (!failed) {
        for (const source of staleSources) {
          log.warning(
            `metrics file ${source} was not rewritten by the training command (it existed before and is unchanged); its values may be from an earlier run`,
            { file: source }
          );
        }
      }
      const params = await attempt(() => readParams(settings.params, where), {
        params: {},
        sources: []
      });
      const inputs = await attempt(() => fingerprintFiles(settings.data, where), []);
      const profile = settings.profile.length === 0 ? void 0 : await attempt(
        async () => log.group("Profiling the training data", async () => {
          const files = await resolveDataFiles(settings.profile, where, "profile");
          const { profile: profile2 } = await profileDataFiles(files);
          log.info(
            `profiled ${profile2.rows} rows, ${profile2.columns.length} columns of ${files.map((file) => file.display).join(", ")}`
          );
          return profile2;
        }),
        void 0
      );
      const environment = await readTrainingEnvironment({
        command: settings.command,
        cwd,
        env: step.env,
        debug: (message) => log.debug(message)
      });
      let tracked;
      if (settings.mlflowRun !== void 0 && settings.mlflow !== void 0) {
        const runId = settings.mlflowRun;
        const tracking = settings.mlflow;
        tracked = await attempt(
          () => readTrackedRun(runId, tracking, { waitScale: settings.waitScale, log }),
          void 0
        );
        if (tracked !== void 0) {
          metrics.metrics = { ...tracked.metrics, ...metrics.metrics };
          params.params = { ...tracked.params, ...params.params };
          metrics.sources.unshift(tracked.link.url);
          started = tracked.started ?? started;
          finished = tracked.finished ?? finished;
          if (tracked.status !== "FINISHED") {
            log.warning(
              `MLflow run ${tracked.link.runId} is ${tracked.status}, not FINISHED: its metrics may be incomplete`
            );
          }
        }
      }
      warnLookAlikes(log, "metric", Object.keys(metrics.metrics));
      warnLookAlikes(log, "param", Object.keys(params.params));
      const built = buildRecord(settings, context, {
        started,
        finished,
        exitCode,
        timedOut,
        metrics: metrics.metrics,
        params: redactParams(params.params, settings.redact),
        inputs,
        sources: [...metrics.sources, ...params.sources],
        staleSources,
        ...tracked === void 0 ? {} : { mlflow: tracked.link },
        environment,
        ...profile === void 0 ? {} : { profile }
      });
      let logged;
      if (settings.mlflow !== void 0 && settings.mlflowRun === void 0) {
        const tracking = settings.mlflow;
        logged = await attempt(
          () => logRecordToMlflow(built, tracking, { waitScale: settings.waitScale, log }),
          void 0
        );
        if (logged !== void 0) built.mlflow = logged;
      }
      const record = fitRecord(built, problems, log);
      const { path: path7, duplicateOf } = await writeJobRecord(record, context);
      step.setOutput("run-id", record.runId);
      step.setOutput("record", path7);
      step.setOutput("metrics", JSON.stringify(finalMetricValues(record)));
      step.setOutput("mlflow-run-id", record.mlflow?.runId ?? "");
      step.setOutput("mlflow-run-url", record.mlflow?.url ?? "");
      step.addSummary(renderRunSummary(record));
      if (duplicateOf !== void 0) {
        problems.unshift(
          new UserError(
            `an earlier train step of this job already recorded ${describeRun(record)}, so the two runs could not be told apart: set input "experiment" of one of the steps to a name of its own. This run's record was written to ${path7}`
          )
        );
        step.setOutput("artifact-id", "");
      } else if (settings.upload) {
        try {
          const artifactId = await uploadRunRecord(await step.artifacts(), record, { log });
          step.setOutput("artifact-id", artifactId);
        } catch (thrown) {
          step.setOutput("artifact-id", "");
          step.fail(
            `could not upload the run record as an artifact: ${withoutUrlSecrets(oneLine(errorMessage(thrown)))}; the record is at ${path7}`
          );
        }
      } else {
        step.setOutput("artifact-id", "");
      }
      if (timedOut) {
        step.fail(
          `the training command timed out after ${minutesText(settings.timeoutMinutes)} and was stopped; the run record was written with status "timed-out"`
        );
      } else if (exitCode !== void 0 && exitCode !== 0) {
        step.fail(`the training command exited with code ${exitCode}; the run record was written with status "failed"`);
      }
      for (const problem of problems.slice(1)) {
        if (problem instanceof UserError) log.error(problem.message, annotation(problem));
      }
      if (problems.length > 0) throw problems[0];
    },
    runner
  );
}
function fitRecord(record, problems, log) {
  try {
    const fitted = fitRunRecord(record);
    for (const { metric, from, to } of fitted.downsampled) {
      log.warning(
        `the history of ${metric} was thinned from ${from} to ${to} points (first, last and extremes kept) to keep the run record within ${formatBytes(MAX_RUN_RECORD_BYTES)}`
      );
    }
    return fitted.record;
  } catch (thrown) {
    problems.push(thrown);
    return record;
  }
}
function warnLookAlikes(log, kind, names) {
  for (const group of lookAlikeNames(names)) {
    log.warning(
      `${group.length} ${kind} names read the same but differ in hidden characters: ${group.map((name) => JSON.stringify(name)).join(", ")}; they are shown with those characters written out`
    );
  }
}
function annotation(error2) {
  const place = {};
  if (error2.file !== void 0) place.file = error2.file;
  if (error2.line !== void 0) place.line = error2.line;
  return place;
}
function describeRun(record) {
  const experiment = `experiment ${JSON.stringify(record.experiment)}`;
  const { replicate } = record;
  return replicate === void 0 ? experiment : `${experiment} with ${replicate.key} ${JSON.stringify(replicate.value)}`;
}
function runStatus(settings, parts) {
  if (settings.command === void 0) return "collected";
  if (parts.timedOut) return "timed-out";
  return parts.exitCode === 0 ? "succeeded" : "failed";
}
function buildRecord(settings, context, parts) {
  const experiment = settings.experiment ?? defaultExperimentName(context.job, settings.matrix, settings.replicateKey);
  const replicate = matrixReplicate(settings.matrix, settings.replicateKey);
  return {
    schema: RUN_RECORD_SCHEMA,
    version: RUN_RECORD_VERSION,
    runId: `${context.runId}-${context.runAttempt}-${randomUUID3().slice(0, 8)}`,
    experiment,
    ...replicate === void 0 ? {} : { replicate },
    attempt: context.runAttempt,
    provenance: {
      repository: context.repository,
      serverUrl: context.serverUrl,
      sha: context.headSha ?? context.sha,
      ref: context.ref,
      branch: context.branch,
      ...context.baseRef === void 0 ? {} : { baseRef: context.baseRef },
      ...context.pullRequest === void 0 ? {} : { pullRequest: context.pullRequest },
      ...context.headSha === void 0 ? {} : { headSha: context.headSha },
      event: context.eventName,
      workflow: context.workflow,
      workflowRunId: context.runId,
      runAttempt: context.runAttempt,
      runNumber: context.runNumber,
      job: context.job,
      matrix: settings.matrix,
      runnerOs: context.runnerOs
    },
    params: parts.params,
    metrics: parts.metrics,
    outcome: {
      ...settings.command === void 0 ? {} : { command: redactCommand(settings.command, settings.redact) },
      ...parts.exitCode === void 0 ? {} : { exitCode: parts.exitCode },
      status: runStatus(settings, parts),
      ...settings.command === void 0 || settings.timeoutMinutes === void 0 ? {} : { timeoutMinutes: settings.timeoutMinutes },
      startedAt: parts.started.toISOString(),
      finishedAt: parts.finished.toISOString(),
      durationMs: parts.finished.getTime() - parts.started.getTime()
    },
    inputs: parts.inputs,
    sources: parts.sources,
    ...parts.staleSources.length === 0 ? {} : { staleSources: parts.staleSources },
    ...parts.mlflow === void 0 ? {} : { mlflow: parts.mlflow },
    ...Object.keys(parts.environment).length === 0 ? {} : { environment: parts.environment },
    ...parts.profile === void 0 ? {} : { profile: parts.profile }
  };
}

// actions/train/src/index.ts
await run2();
exitWhenFlushed();
