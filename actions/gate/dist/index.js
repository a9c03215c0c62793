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

// packages/core/src/statistics/student-t.ts
function twoSidedTailProbability(t, df) {
  return tailProbability(t, df, logBeta(df / 2, 0.5));
}
function tailProbability(t, df, logB) {
  if (Number.isNaN(t) || !(df > 0)) return Number.NaN;
  if (!Number.isFinite(t)) return 0;
  if (t === 0) return 1;
  const ratio = t * t / df;
  const logX = -Math.log1p(ratio);
  return incompleteBeta(1 / (1 + ratio), ratio / (1 + ratio), df / 2, 0.5, logX, Math.log(ratio) + logX, logB);
}
function density(t, df, logB) {
  return Math.exp(-(df + 1) / 2 * Math.log1p(t * t / df) - 0.5 * Math.log(df) - logB);
}
function twoSidedCriticalValue(probability, df) {
  if (!(probability > 0 && probability < 1) || !(df > 0)) return Number.NaN;
  const logB = logBeta(df / 2, 0.5);
  let low = 0;
  let high = 1;
  while (tailProbability(high, df, logB) > probability) {
    low = high;
    high *= 2;
    if (!Number.isFinite(high)) return Number.POSITIVE_INFINITY;
  }
  let t = low + (high - low) / 2;
  for (let i = 0; i < 200; i++) {
    const tail = tailProbability(t, df, logB);
    if (tail === probability) return t;
    if (tail > probability) low = t;
    else high = t;
    const step = (Math.log(tail) - Math.log(probability)) * tail / (2 * density(t, df, logB));
    if (Math.abs(step) <= 2 * Number.EPSILON * t) return t + step;
    let next = t + step;
    if (!(next > low && next < high)) {
      next = low + (high - low) / 2;
      if (next === low || next === high) return next;
    }
    t = next;
  }
  return t;
}
function incompleteBeta(x, y, a, b, logX = Math.log(x), logY = Math.log(y), logB = logBeta(a, b)) {
  if (x <= 0) return 0;
  if (y <= 0) return 1;
  const logFront = a * logX + b * logY - logB;
  if (x < (a + 1) / (a + b + 2)) return Math.exp(logFront) * betaContinuedFraction(x, a, b) / a;
  return 1 - Math.exp(logFront) * betaContinuedFraction(y, b, a) / b;
}
function betaContinuedFraction(x, a, b) {
  const tiny = 1e-300;
  const epsilon = 1e-16;
  let c = 1;
  let d = 1 - (a + b) * x / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let result = d;
  for (let m = 1; m <= 1e5; m++) {
    const m2 = 2 * m;
    let term = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
    d = 1 + term * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + term / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    result *= d * c;
    term = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
    d = 1 + term * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + term / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const step = d * c;
    result *= step;
    if (Math.abs(step - 1) < epsilon) return result;
  }
  return result;
}
function logBeta(a, b) {
  const large = Math.max(a, b);
  const small = Math.min(a, b);
  if (large < 100) return logGamma(a) + logGamma(b) - logGamma(a + b);
  const difference = (large - 0.5) * Math.log1p(small / large) + small * Math.log(large + small) - small + stirlingCorrection(large + small) - stirlingCorrection(large);
  return logGamma(small) - difference;
}
function stirlingCorrection(x) {
  const inverse = 1 / x;
  const square = inverse * inverse;
  return inverse * (1 / 12 - square * (1 / 360 - square * (1 / 1260 - square / 1680)));
}
var LANCZOS_G = 7;
var LANCZOS = [
  0.9999999999998099,
  676.5203681218851,
  -1259.1392167224028,
  771.3234287776531,
  -176.6150291621406,
  12.507343278686905,
  -0.13857109526572012,
  9984369578019572e-21,
  15056327351493116e-23
];
function logGamma(x) {
  if (x < 0.5) {
    return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  }
  const z = x - 1;
  let series = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) series += LANCZOS[i] / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(series);
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
  const field2 = (key) => check.required(column, path2, key);
  const name = check.string(field2("name"), `${path2}.name`, 1);
  const kind = check.oneOf(field2("kind"), `${path2}.kind`, ["numeric", "categorical"]);
  const count = check.integer(field2("count"), `${path2}.count`, 0);
  const missing = check.integer(field2("missing"), `${path2}.missing`, 0);
  if (kind === "categorical") {
    const top = check.array(field2("top"), `${path2}.top`, PROFILE_TOP_CATEGORIES).map((item, i) => {
      const entry = check.object(item, `${path2}.top[${i}]`);
      return {
        value: check.string(check.required(entry, `${path2}.top[${i}]`, "value"), `${path2}.top[${i}].value`),
        count: check.integer(check.required(entry, `${path2}.top[${i}]`, "count"), `${path2}.top[${i}].count`, 0)
      };
    });
    const other = check.integer(field2("other"), `${path2}.other`, 0);
    if (top.reduce((sum, entry) => sum + entry.count, other) !== count) {
      check.fail(path2, "has top and other counts that do not add up to its count");
    }
    const capped = column["distinctCapped"];
    return {
      name,
      kind,
      count,
      missing,
      distinct: check.integer(field2("distinct"), `${path2}.distinct`, 0),
      ...capped === void 0 ? {} : { distinctCapped: check.boolean(capped, `${path2}.distinctCapped`) },
      top,
      other
    };
  }
  const number2 = (key) => check.number(field2(key), `${path2}.${key}`);
  const edges = check.array(field2("edges"), `${path2}.edges`, PROFILE_BINS + 1).map((edge, i) => check.number(edge, `${path2}.edges[${i}]`));
  const counts = check.array(field2("counts"), `${path2}.counts`, PROFILE_BINS + 1).map((n, i) => check.integer(n, `${path2}.counts[${i}]`, 0));
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
    mean: number2("mean"),
    std: check.number(field2("std"), `${path2}.std`, 0),
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
function shortHash(text2) {
  const hashed = LONE_SURROGATE.test(text2) ? JSON.stringify(text2) : text2;
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
  const mean2 = first + residuals / n;
  let squares = 0;
  for (const value of values) squares += (value - mean2) ** 2;
  return { n, mean: mean2, std: Math.sqrt(squares / (n - 1)), min, max };
}

// packages/core/src/gate/aggregate.ts
var SpreadUnknown = class extends Error {
  constructor() {
    super("the standard deviation of a single value is unknown");
    this.name = "SpreadUnknown";
  }
};
function aggregateValues(aggregate, values) {
  if (values.length === 0) throw new Error(`${aggregate} of no values`);
  if (values.some(Number.isNaN)) return Number.NaN;
  if (aggregate === "median") {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }
  const summary2 = summarizeSample(values);
  if (aggregate === "std") {
    if (summary2.std === void 0) throw new SpreadUnknown();
    return summary2.std;
  }
  return summary2[aggregate];
}

// packages/core/src/gate/closest-names.ts
function closestNames(name, candidates, limit = 3) {
  if (name.length > 200) return [];
  const wanted = name.toLowerCase();
  const wantedParts = splitParts(wanted);
  const allowed = Math.max(1, Math.ceil(wanted.length / 3));
  const scored = [];
  for (const candidate of new Set(candidates)) {
    if (candidate === name) continue;
    const lower = candidate.toLowerCase();
    let score = editDistance(wanted, lower, allowed);
    for (const part of splitParts(lower)) {
      for (const wantedPart of wantedParts) {
        score = Math.min(score, editDistance(wantedPart, part, allowed) + 0.5);
      }
    }
    if (score <= allowed) scored.push({ candidate, score });
  }
  scored.sort((a, b) => a.score - b.score || (a.candidate < b.candidate ? -1 : a.candidate > b.candidate ? 1 : 0));
  return scored.slice(0, limit).map((s) => s.candidate);
}
function splitParts(name) {
  return name.split(/[./_-]+/).filter((p) => p.length > 0);
}
function editDistance(a, b, cap) {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > cap) return cap + 1;
    previous = current;
  }
  return previous[b.length];
}

// packages/core/src/gate/syntax-error.ts
var EXCERPT_WIDTH = 100;
function ruleSyntaxError(at, index, message) {
  const chars = Array.from(at.text.trimEnd());
  const caret = Array.from(at.text.slice(0, index)).length;
  const column = caret + 1;
  let start = 0;
  let end = chars.length;
  if (chars.length > EXCERPT_WIDTH) {
    start = Math.max(0, Math.min(caret - EXCERPT_WIDTH / 2, chars.length - EXCERPT_WIDTH));
    end = Math.min(chars.length, start + EXCERPT_WIDTH);
  }
  const shown = chars.slice(start, end).map(printable);
  const lead = start > 0 ? "..." : "";
  const tail = end < chars.length ? "..." : "";
  const pad = shown.slice(0, caret - start).map((c) => c === "	" ? "	" : " ").join("");
  const excerpt = `${lead}${shown.join("")}${tail}`;
  return new UserError(
    `${at.source}:${at.line}:${column}: ${message}
  ${excerpt}
  ${" ".repeat(lead.length)}${pad}^`,
    { file: at.source, line: at.line, column }
  );
}
var MAX_REPORTED = 20;
function ruleSyntaxErrors(errors) {
  if (errors.length === 1) return errors[0];
  const shown = errors.slice(0, MAX_REPORTED);
  const rest = errors.length - shown.length;
  const more = rest === 0 ? "" : `${errors[MAX_REPORTED].file ?? "rules"}: ${rest} more syntax ${rest === 1 ? "error" : "errors"} not shown`;
  return new UserErrors(shown, more);
}
function printable(c) {
  const code = c.codePointAt(0) ?? 0;
  if (c === "	") return c;
  if (code < 32 || code >= 127 && code <= 159 || code === 8232 || code === 8233) return "?";
  return c;
}

// packages/core/src/gate/tokenizer.ts
var NUMBER = /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
var NUMBER_TAIL = /[A-Za-z0-9_.]*/y;
var NAME = /[A-Za-z0-9_./-]*/y;
function tokenize(at) {
  const text2 = at.text;
  const tokens = [];
  let i = 0;
  while (i < text2.length) {
    const c = text2[i];
    if (c === " " || c === "	") {
      i += 1;
      continue;
    }
    if (c === "#") break;
    const start = i;
    if (isLetter(c) || c === "_") {
      NAME.lastIndex = i + 1;
      NAME.exec(text2);
      i = NAME.lastIndex;
      tokens.push({ kind: "name", text: text2.slice(start, i), quoted: false, start, end: i });
      continue;
    }
    if (isDigit(c) || c === "." && isDigit(text2[i + 1] ?? "")) {
      NUMBER.lastIndex = i;
      NUMBER.exec(text2);
      i = NUMBER.lastIndex;
      NUMBER_TAIL.lastIndex = i;
      NUMBER_TAIL.exec(text2);
      if (NUMBER_TAIL.lastIndex > i) {
        throw ruleSyntaxError(at, start, `invalid number '${clip(text2.slice(start, NUMBER_TAIL.lastIndex))}'`);
      }
      const numeral = text2.slice(start, i);
      const value = Number(numeral);
      if (!Number.isFinite(value)) throw ruleSyntaxError(at, start, `number '${clip(numeral)}' is too large`);
      tokens.push({ kind: "number", text: numeral, value, start, end: i });
      continue;
    }
    if (c === "`") {
      const close = text2.indexOf("`", i + 1);
      if (close < 0) throw ruleSyntaxError(at, start, "unterminated name: missing the closing '`'");
      if (close === i + 1) throw ruleSyntaxError(at, start, "empty name ``");
      i = close + 1;
      tokens.push({ kind: "name", text: text2.slice(start + 1, close), quoted: true, start, end: i });
      continue;
    }
    const two = text2.slice(i, i + 2);
    if (two === "<=" || two === ">=" || two === "==" || two === "!=") {
      i += 2;
      tokens.push({ kind: "compare", text: two, start, end: i });
      continue;
    }
    if (c === "<" || c === ">") {
      i += 1;
      tokens.push({ kind: "compare", text: c, start, end: i });
      continue;
    }
    if (c === "+" || c === "-" || c === "*" || c === "/" || c === "(" || c === ")" || c === ":" || c === "%") {
      i += 1;
      tokens.push({ kind: "punct", text: c, start, end: i });
      continue;
    }
    throw ruleSyntaxError(at, start, unexpectedCharacter(text2, i));
  }
  const contentEnd = i;
  const last = tokens[tokens.length - 1];
  const endAt = last === void 0 ? contentEnd : last.end;
  tokens.push({ kind: "end", text: "", start: endAt, end: endAt });
  return { tokens, contentEnd };
}
function unexpectedCharacter(text2, i) {
  const c = text2[i];
  if (c === "=") {
    if (text2[i + 1] === ">") return "'=>' is not a comparison; did you mean '>='?";
    if (text2[i + 1] === "<") return "'=<' is not a comparison; did you mean '<='?";
    return "unexpected '='; compare with '==', '<=' or '>='";
  }
  if (c === "!") return "unexpected '!'; did you mean '!='?";
  const code = text2.codePointAt(i) ?? 0;
  const shown = String.fromCodePoint(code);
  if (code < 32 || code === 127 || /\s/u.test(shown)) {
    return `unexpected character U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  }
  if (code > 127) {
    return `unexpected character '${shown}'; write names with such characters in backticks, e.g. \`val loss\``;
  }
  return `unexpected character '${shown}'`;
}
function isLetter(c) {
  return c >= "a" && c <= "z" || c >= "A" && c <= "Z";
}
function isDigit(c) {
  return c >= "0" && c <= "9";
}
function clip(text2) {
  return text2.length > 40 ? `${text2.slice(0, 37)}...` : text2;
}
function describeName(name) {
  return /^[A-Za-z_][A-Za-z0-9_./-]*$/.test(name) ? name : `\`${name}\``;
}

// packages/core/src/gate/expression.ts
var DivisionByZero = class extends Error {
  divisor;
  constructor(divisor) {
    super("division by zero");
    this.name = "DivisionByZero";
    this.divisor = divisor;
  }
};
var NotFinite = class extends Error {
  part;
  value;
  constructor(part, value) {
    super(`${formatExpr(part)} is ${value}`);
    this.name = "NotFinite";
    this.part = part;
    this.value = value;
  }
};
function evaluateExpr(expr, metric, values) {
  const value = evaluatePart(expr, metric, values);
  if (!Number.isFinite(value)) throw new NotFinite(expr, value);
  return value;
}
function evaluatePart(expr, metric, values) {
  switch (expr.kind) {
    case "number":
      return expr.value;
    case "baseline":
      return values.baseline(expr.metric ?? metric);
    case "aggregate":
      return values.aggregate(expr.aggregate, expr.of, expr.metric ?? metric);
    case "negate":
      return -evaluateExpr(expr.operand, metric, values);
    case "binary":
      return arithmetic(expr, evaluateExpr(expr.left, metric, values), evaluateExpr(expr.right, metric, values));
    case "margin": {
      const base = evaluateExpr(expr.base, metric, values);
      const up = expr.direction === "above" ? base >= 0 : base < 0;
      return base * (up ? 1 + expr.percent / 100 : 1 - expr.percent / 100);
    }
  }
}
function arithmetic(expr, left, right) {
  switch (expr.op) {
    case "+":
      return left + right;
    case "-":
      return left - right;
    case "*":
      return left * right;
    case "/":
      if (right === 0) throw new DivisionByZero(expr.right);
      return left / right;
  }
}
function exprMetrics(expr, metric) {
  const found = { baseline: /* @__PURE__ */ new Set(), candidate: /* @__PURE__ */ new Set() };
  const visit = (e) => {
    if (e.kind === "baseline") found.baseline.add(e.metric ?? metric);
    else if (e.kind === "aggregate") found[e.of].add(e.metric ?? metric);
    else if (e.kind === "negate") visit(e.operand);
    else if (e.kind === "binary") {
      visit(e.left);
      visit(e.right);
    } else if (e.kind === "margin") visit(e.base);
  };
  visit(expr);
  return found;
}
var PRECEDENCE = { "+": 1, "-": 1, "*": 2, "/": 2 };
function formatExpr(expr) {
  switch (expr.kind) {
    case "number":
      return String(expr.value);
    case "baseline":
      return expr.metric === void 0 ? "baseline" : `baseline.${describeName(expr.metric)}`;
    case "aggregate":
      return `${expr.aggregate}(${aggregateArgument(expr)})`;
    case "negate": {
      const inner = formatExpr(expr.operand);
      return expr.operand.kind === "binary" || expr.operand.kind === "margin" ? `-(${inner})` : `-${inner}`;
    }
    case "binary": {
      const own = PRECEDENCE[expr.op];
      const side = (e, strict) => {
        const text2 = formatExpr(e);
        const inner = e.kind === "binary" ? PRECEDENCE[e.op] : e.kind === "margin" ? 1 : 3;
        return inner < own || strict && inner === own ? `(${text2})` : text2;
      };
      return `${side(expr.left, false)} ${expr.op} ${side(expr.right, true)}`;
    }
    case "margin":
      return `${formatExpr(expr.base)} ${expr.direction === "above" ? "+" : "-"} ${expr.percent}%`;
  }
}
function aggregateArgument(expr) {
  if (expr.of === "baseline")
    return formatExpr({ kind: "baseline", ...expr.metric === void 0 ? {} : { metric: expr.metric } });
  const metric = expr.metric;
  return metric === "baseline" || metric.startsWith("baseline.") ? `\`${metric}\`` : describeName(metric);
}

// packages/core/src/gate/message-number.ts
function formatNumber2(n) {
  if (!Number.isFinite(n) || Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  return String(Number(n.toPrecision(6)));
}
function formatPair(a, b) {
  const short = [formatNumber2(a), formatNumber2(b)];
  return short[0] === short[1] && !Object.is(a, b) ? [String(a), String(b)] : short;
}

// packages/core/src/statistics/noise-verdict.ts
function noiseVerdict(test, direction, alpha) {
  if (test === void 0) return "single-run";
  if (!(test.pValue < alpha) || test.difference === 0) return "within-noise";
  return direction === "higher" === test.difference > 0 ? "better" : "worse";
}

// packages/core/src/statistics/welch-test.ts
function welchTest(candidate, baseline, confidence = 0.95) {
  if (candidate.n < 2 || baseline.n < 2) return void 0;
  const { std: s1 } = candidate;
  const { std: s2 } = baseline;
  if (s1 === void 0 || s2 === void 0) return void 0;
  if (![candidate.mean, baseline.mean, s1, s2].every(Number.isFinite)) return void 0;
  const difference = candidate.mean - baseline.mean;
  const v1 = s1 * s1 / candidate.n;
  const v2 = s2 * s2 / baseline.n;
  const variance = v1 + v2;
  if (variance === 0) return differenceTest(difference, 0, candidate.n + baseline.n - 2, confidence);
  const standardError = Math.sqrt(variance);
  const share1 = v1 / variance;
  const share2 = v2 / variance;
  const df = 1 / (share1 * share1 / (candidate.n - 1) + share2 * share2 / (baseline.n - 1));
  return differenceTest(difference, standardError, df, confidence);
}
function differenceTest(difference, standardError, df, confidence) {
  if (standardError === 0) {
    const t2 = difference === 0 ? 0 : difference > 0 ? Infinity : -Infinity;
    return {
      difference,
      standardError,
      df,
      t: t2,
      pValue: difference === 0 ? 1 : 0,
      ciLow: difference,
      ciHigh: difference
    };
  }
  const t = difference / standardError;
  const halfWidth = twoSidedCriticalValue(1 - confidence, df) * standardError;
  return {
    difference,
    standardError,
    df,
    t,
    pValue: twoSidedTailProbability(t, df),
    ciLow: difference - halfWidth,
    ciHigh: difference + halfWidth
  };
}

// packages/core/src/statistics/outside-noise-test.ts
function outsideNoiseTest(candidate, baseline, noise, confidence = 0.95) {
  const { std, df } = noise;
  if (![candidate.mean, baseline.mean, std, df].every(Number.isFinite) || std < 0 || df < 1) return void 0;
  const difference = candidate.mean - baseline.mean;
  return differenceTest(difference, std * Math.sqrt(1 / candidate.n + 1 / baseline.n), df, confidence);
}

// packages/core/src/gate/significance.ts
function judgeSignificance(rule, significance, sides, alpha, historyNoise) {
  const candidate = sides.runs.map((run2) => run2.metrics[rule.metric].value);
  const baseline = sides.baseline.flatMap(
    (run2) => Object.hasOwn(run2.metrics, rule.metric) ? [run2.metrics[rule.metric].value] : []
  );
  if (baseline.length === 0) return { kind: "plain", note: "" };
  const single = candidate.length < 2 || baseline.length < 2;
  if (single && historyNoise === void 0) {
    const note = `; single-run: ${runs(candidate.length)} here and ${baseline.length} in the baseline, so judged as measured, without a significance test`;
    return { kind: "plain", noise: "single-run", note };
  }
  const c = summarizeSample(candidate);
  const b = summarizeSample(baseline);
  const untestable = { kind: "plain", note: "; not tested for significance: a value is not finite" };
  const spreads = single ? [] : [c.std, b.std];
  if (![c.mean, b.mean, ...spreads].every((v) => v !== void 0 && Number.isFinite(v))) return untestable;
  let threshold;
  try {
    threshold = evaluateExpr(rule.threshold, rule.metric, {
      baseline: () => b.mean,
      aggregate: () => {
        throw new Error("a significant rule has no aggregates in its threshold");
      }
    });
  } catch (thrown) {
    if (thrown instanceof NotFinite) return untestable;
    throw thrown;
  }
  const shift = threshold - b.mean;
  const moved = shift === 0 ? b : summarizeSample(baseline.map((v) => v + shift));
  const test = historyNoise !== void 0 && single ? outsideNoiseTest(c, moved, historyNoise, 1 - alpha) : welchTest(c, moved, 1 - alpha);
  if (test === void 0) return untestable;
  const noise = noiseVerdict(test, significance.direction, alpha);
  const difference = c.mean - b.mean;
  const ciLow = test.ciLow + shift;
  const ciHigh = test.ciHigh + shift;
  const message = `${describeName(rule.metric)}: mean ${formatNumber2(c.mean)} over ${runs(c.n)} vs ${formatNumber2(b.mean)} over ${b.n} baseline ${b.n === 1 ? "run" : "runs"}; change ${formatNumber2(difference)} (${formatNumber2((1 - alpha) * 100)}% CI ${formatNumber2(ciLow)} to ${formatNumber2(ciHigh)}), p = ${formatNumber2(test.pValue)}: ${verdictWords(noise, Math.abs(shift), alpha)}` + (single && historyNoise !== void 0 ? `; ${historyNoiseWords(historyNoise)}` : "");
  return {
    kind: "tested",
    result: {
      verdict: noise === "worse" ? "fail" : "pass",
      actual: c.mean,
      threshold,
      baseline: b.mean,
      noise,
      pValue: test.pValue,
      difference,
      ciLow,
      ciHigh,
      message
    }
  };
}
function verdictWords(noise, margin, alpha) {
  const p = formatNumber2(alpha);
  if (margin === 0) {
    if (noise === "worse") return `worse beyond the noise (p < ${p})`;
    if (noise === "better") return `better beyond the noise (p < ${p})`;
    return `within noise (p >= ${p})`;
  }
  const by = `the margin ${formatNumber2(margin)}`;
  if (noise === "worse") return `worse by more than ${by}, beyond the noise (p < ${p})`;
  if (noise === "better") return `within ${by} (p < ${p})`;
  return `within noise of ${by} (p >= ${p})`;
}
function historyNoiseWords(noise) {
  const over = noise.method === "replicates" ? `pooled over the replicates of the base branch's last ${noise.entries} history entries` : `over the base branch's last ${noise.entries} single-run history entries`;
  return `noise from history: a side has a single run, so the spread of one run is ${formatNumber2(noise.std)} (${over})`;
}
function runs(count) {
  return `${count} ${count === 1 ? "run" : "runs"}`;
}

// packages/core/src/gate/evaluate.ts
function evaluateRules(rules, context) {
  const groups = experimentRuns(context.runs, context.baseline);
  const results = groups.length === 0 ? rules.map((rule) => ({ ...resultHead(rule), verdict: "error", message: "no runs to judge" })) : groups.flatMap(
    (group) => rules.map((rule) => ({ experiment: group.experiment, ...evaluateRule(rule, group, context) }))
  );
  return { passed: results.every((r) => r.verdict !== "fail" && r.verdict !== "error"), results };
}
function experimentRuns(runs2, baseline) {
  const byName = /* @__PURE__ */ new Map();
  for (const run2 of runs2) byName.set(run2.experiment, [...byName.get(run2.experiment) ?? [], run2]);
  const baselineRuns = baseline ?? [];
  const single = byName.size === 1 && new Set(baselineRuns.map((r) => r.experiment)).size === 1;
  return [...byName.keys()].sort((a, b) => a < b ? -1 : a > b ? 1 : 0).map((experiment) => {
    const same = baselineRuns.filter((b) => b.experiment === experiment);
    return { experiment, runs: byName.get(experiment), baseline: same.length > 0 || !single ? same : baselineRuns };
  });
}
var OneRun = class extends Error {
};
function resultHead(rule) {
  return {
    rule: rule.text,
    line: rule.line,
    metric: rule.metric,
    ...rule.aggregate === void 0 ? {} : { aggregate: rule.aggregate }
  };
}
function evaluateRule(rule, group, context) {
  const head = resultHead(rule);
  const { runs: runs2 } = group;
  const needed = [rule.metric, ...exprMetrics(rule.threshold, rule.metric).candidate];
  for (const metric of needed) {
    const missing = runs2.filter((run2) => !Object.hasOwn(run2.metrics, metric));
    if (missing.length > 0) return { ...head, verdict: "fail", message: missingMetric(metric, runs2, missing) };
  }
  if (rule.significance !== void 0) {
    const tested = judgeSignificance(
      rule,
      rule.significance,
      group,
      context.alpha,
      context.historyNoise?.(group.experiment, rule.metric)
    );
    if (tested.kind === "tested") return { ...head, ...tested.result };
    const plain = evaluatePlain(rule, head, group, context);
    return {
      ...plain,
      ...tested.noise === void 0 ? {} : { noise: tested.noise },
      message: plain.message + tested.note
    };
  }
  return evaluatePlain(rule, head, group, context);
}
function evaluatePlain(rule, head, group, context) {
  const { runs: runs2 } = group;
  const valueIn = (run2) => run2.metrics[rule.metric].value;
  if (rule.aggregate !== void 0) {
    const aggregate = rule.aggregate;
    const label2 = `${aggregate}(${describeName(rule.metric)}) over ${runs2.length} ${runs2.length === 1 ? "run" : "runs"}`;
    let actual;
    try {
      actual = aggregateValues(aggregate, runs2.map(valueIn));
    } catch (thrown) {
      if (!(thrown instanceof SpreadUnknown)) throw thrown;
      return {
        ...head,
        verdict: "skipped",
        message: oneRunReason(`${aggregate}(${describeName(rule.metric)})`, "this experiment", 1)
      };
    }
    const check = judge(rule, actual, group, (values) => aggregateValues(aggregate, values), context);
    return { ...head, ...checkFields(check), message: describeCheck(check, label2, rule.op) };
  }
  const checks = runs2.map((run2) => ({ run: run2, check: judge(rule, valueIn(run2), group, mean, context) }));
  const label = describeName(rule.metric);
  const several = runs2.length > 1;
  const of = (count) => `${count} of ${runs2.length} runs`;
  const errored = checks.find((c) => c.check.verdict === "error");
  if (errored !== void 0) {
    const where = several ? ` in ${runName(errored.run)}` : "";
    return {
      ...head,
      ...checkFields(errored.check),
      message: `${describeCheck(errored.check, label, rule.op)}${where}`
    };
  }
  const failing = checks.filter((c) => c.check.verdict === "fail");
  if (failing.length > 0) {
    const compared = failing.filter((c) => c.check.reason === void 0);
    const worst2 = compared.length > 0 ? worstOf(compared, rule.op) : failing[0];
    const where = several ? ` in ${runName(worst2.run)} (${of(failing.length)} fail)` : "";
    return { ...head, ...checkFields(worst2.check), message: `${describeCheck(worst2.check, label, rule.op)}${where}` };
  }
  const passing = checks.filter((c) => c.check.verdict === "pass");
  if (passing.length === 0) {
    const first = checks[0];
    return { ...head, ...checkFields(first.check), message: describeCheck(first.check, label, rule.op) };
  }
  const worst = worstOf(passing, rule.op);
  let message = describeCheck(worst.check, label, rule.op);
  if (several)
    message += `; worst of ${passing.length} ${passing.length === 1 ? "run" : "runs"}: ${runName(worst.run)}`;
  const skipped = checks.length - passing.length;
  if (skipped > 0) message += `; skipped for ${of(skipped)} (no baseline)`;
  return { ...head, ...checkFields(worst.check), message };
}
function judge(rule, actual, group, combine, context) {
  const baselineValues = /* @__PURE__ */ new Map();
  const reads = exprMetrics(rule.threshold, rule.metric);
  for (const metric of reads.baseline) {
    if (group.baseline.length === 0) return noBaseline(actual, void 0, context.requireBaseline);
    const values2 = group.baseline.flatMap((run2) => {
      const found = run2.metrics[metric];
      return found !== void 0 && Object.hasOwn(run2.metrics, metric) ? [found.value] : [];
    });
    if (values2.length === 0) {
      if (!group.runs.some((run2) => Object.hasOwn(run2.metrics, metric))) {
        return { verdict: "error", actual, reason: unknownBaselineMetric(metric, group) };
      }
      return noBaseline(actual, metric, context.requireBaseline);
    }
    baselineValues.set(metric, values2);
  }
  const ownBaseline = baselineValues.get(rule.metric);
  const baseline = ownBaseline === void 0 ? void 0 : combine(ownBaseline);
  const withBaseline = baseline === void 0 ? {} : { baseline };
  const values = {
    baseline: (metric) => combine(baselineValues.get(metric)),
    aggregate: (aggregate, of, metric) => {
      const sample = of === "baseline" ? baselineValues.get(metric) : group.runs.map((run2) => run2.metrics[metric].value);
      try {
        return aggregateValues(aggregate, sample);
      } catch (thrown) {
        if (!(thrown instanceof SpreadUnknown)) throw thrown;
        const written = formatExpr({
          kind: "aggregate",
          aggregate,
          of,
          ...metric === rule.metric && of === "baseline" ? {} : { metric }
        });
        throw new OneRun(oneRunReason(written, of === "baseline" ? "the baseline" : "this experiment", sample.length));
      }
    }
  };
  let threshold;
  try {
    threshold = evaluateExpr(rule.threshold, rule.metric, values);
  } catch (thrown) {
    if (thrown instanceof OneRun) return { verdict: "skipped", actual, ...withBaseline, reason: thrown.message };
    if (thrown instanceof NotFinite) {
      return {
        verdict: "error",
        actual,
        ...withBaseline,
        reason: `the threshold cannot be computed: ${thrown.message}`
      };
    }
    if (!(thrown instanceof DivisionByZero)) throw thrown;
    const divisor = thrown.divisor.kind === "number" ? "" : `: ${formatExpr(thrown.divisor)} is 0`;
    return { verdict: "error", actual, ...withBaseline, reason: `division by zero${divisor}` };
  }
  return { verdict: compare(actual, rule.op, threshold) ? "pass" : "fail", actual, threshold, ...withBaseline };
}
function oneRunReason(written, side, count) {
  return `skipped (one run): ${written} needs at least two runs, and ${side} has ${count}; the spread of one run is unknown`;
}
function noBaseline(actual, metric, required) {
  const what = metric === void 0 ? "no baseline" : `the baseline has no metric "${metric}"`;
  if (required) return { verdict: "fail", actual, reason: `${what}, and a baseline is required` };
  return {
    verdict: "skipped",
    actual,
    reason: metric === void 0 ? "skipped (no baseline)" : `skipped (no baseline): ${what}`
  };
}
function compare(actual, op, threshold) {
  if (Number.isNaN(actual) || Number.isNaN(threshold)) return false;
  switch (op) {
    case "<":
      return actual < threshold;
    case "<=":
      return actual <= threshold;
    case ">":
      return actual > threshold;
    case ">=":
      return actual >= threshold;
    case "==":
      return actual === threshold;
    case "!=":
      return actual !== threshold;
  }
}
function worstOf(items, op) {
  let worst = items[0];
  for (const item of items) if (safety(item.check, op) < safety(worst.check, op)) worst = item;
  return worst;
}
function safety(check, op) {
  const { actual, threshold } = check;
  if (threshold === void 0) return Number.NEGATIVE_INFINITY;
  let distance;
  if (op === "<" || op === "<=") distance = threshold - actual;
  else if (op === ">" || op === ">=") distance = actual - threshold;
  else if (op === "==") distance = -Math.abs(actual - threshold);
  else distance = Math.abs(actual - threshold);
  return Number.isNaN(distance) ? Number.NEGATIVE_INFINITY : distance;
}
function missingMetric(metric, runs2, missing) {
  if (missing.length < runs2.length) {
    const where = `metric "${metric}" not found in ${runName(missing[0])} (missing from ${missing.length} of ${runs2.length} runs)`;
    return withClosest(where, metric, Object.keys(missing[0].metrics));
  }
  const names = runs2.flatMap((run2) => Object.keys(run2.metrics));
  if (names.length === 0) return `metric "${metric}" not found (the runs have no metrics)`;
  return withClosest(`metric "${metric}" not found`, metric, names);
}
function unknownBaselineMetric(metric, group) {
  const names = [...group.runs, ...group.baseline].flatMap((run2) => Object.keys(run2.metrics));
  return withClosest(`metric "${metric}" not found in the runs or the baseline`, metric, names);
}
function withClosest(message, metric, names) {
  const closest = closestNames(metric, names);
  return closest.length > 0 ? `${message}; closest: ${closest.join(", ")}` : message;
}
function checkFields(check) {
  return {
    verdict: check.verdict,
    actual: check.actual,
    ...check.threshold === void 0 ? {} : { threshold: check.threshold },
    ...check.baseline === void 0 ? {} : { baseline: check.baseline }
  };
}
function describeCheck(check, label, op) {
  if (check.reason !== void 0) return check.reason;
  const threshold = check.threshold;
  const [actual, limit] = formatPair(check.actual, threshold);
  const baseline = check.baseline === void 0 ? "" : ` (baseline ${formatNumber2(check.baseline)})`;
  if (check.verdict === "pass") return `${label} = ${actual} ${op} ${limit}${baseline}`;
  const nan = Number.isNaN(check.actual) || Number.isNaN(threshold) ? "; a comparison with NaN fails" : "";
  return `${label} = ${actual}, not ${op} ${limit}${baseline}${nan}`;
}
function mean(values) {
  return aggregateValues("mean", values);
}
function runName(run2) {
  return `${run2.experiment}/${run2.runId}`;
}

// packages/core/src/gate/rule.ts
var AGGREGATES = ["mean", "min", "max", "median", "std"];
var DRIFT_STATISTICS = ["ks", "ks_p", "psi", "wasserstein", "chi2_p", "js"];

// packages/core/src/gate/parser.ts
var MAX_DEPTH = 100;
var COMPARISON_LIST = "<, <=, >, >=, ==, !=";
var SIGNIFICANT = "significant";
function collectRules(text2, source, errors) {
  const rules = [];
  const lines = text2.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  lines.forEach((lineText, index) => {
    const at = { source, line: index + 1, text: lineText };
    try {
      const { tokens, contentEnd } = tokenize(at);
      if (tokens.length === 1) return;
      const parser = new LineParser(at, tokens);
      rules.push({ text: lineText.slice(0, contentEnd).trim(), line: at.line, ...parser.parseRule() });
    } catch (thrown) {
      if (!(thrown instanceof UserError)) throw thrown;
      errors.push(thrown);
    }
  });
  return rules;
}
var LineParser = class {
  at;
  tokens;
  position = 0;
  nesting = 0;
  /** The rule's metric, once the left side is read: messages suggest fixes with it. */
  metric = "";
  constructor(at, tokens) {
    this.at = at;
    this.tokens = tokens;
  }
  parseRule() {
    const left = this.parseLeft();
    this.metric = left.metric;
    const leftText = left.aggregate === void 0 ? describeName(left.metric) : `${left.aggregate}(${describeName(left.metric)})`;
    const next = this.peek();
    if (next.kind === "compare") {
      this.advance();
      const threshold = this.parseSum(next).expr;
      this.expectEnd();
      return { ...left, op: next.text, threshold };
    }
    if (next.kind === "punct" && next.text === ":") {
      this.advance();
      const { written, ...shorthand } = this.parseShorthand();
      if (shorthand.significance !== void 0 && left.aggregate !== void 0) {
        throw this.error(
          this.tokens[0],
          `'significant' compares the replicates themselves, not an aggregate of them: write ${clip(`${describeName(left.metric)}: ${written}`)}`
        );
      }
      return { ...left, ...shorthand };
    }
    let message = `expected a comparison (${COMPARISON_LIST}) or ':' after '${clip(leftText)}'`;
    if (next.kind === "name" && !next.quoted) {
      message += `; names with spaces are written in backticks, e.g. \`${clip(`${left.metric} ${next.text}`)}\``;
    }
    throw this.error(next, message);
  }
  /** `metric`, `` `odd metric` `` or `mean(metric)`. */
  parseLeft() {
    const first = this.peek();
    if (first.kind !== "name") {
      let message = "expected a metric name at the start of the rule";
      if (first.kind === "number") message += ", e.g. accuracy >= 0.9";
      throw this.error(first, message);
    }
    this.advance();
    const open3 = this.peek();
    if (first.quoted || !(open3.kind === "punct" && open3.text === "(")) return { metric: first.text };
    if (DRIFT_STATISTICS.includes(first.text)) {
      this.advance();
      const column = this.peek();
      if (column.kind !== "name") throw this.error(column, `expected a column name after '${first.text}('`);
      this.advance();
      const close2 = this.peek();
      if (!(close2.kind === "punct" && close2.text === ")")) {
        throw this.error(close2, `expected ')' to close '${first.text}('`);
      }
      this.advance();
      return { metric: `${first.text}(${column.text})` };
    }
    const aggregate = asAggregate(first.text);
    if (aggregate === void 0) {
      throw this.error(
        first,
        `unknown aggregate '${clip(first.text)}'; use ${AGGREGATES.join(", ")} (or a drift statistic: ${DRIFT_STATISTICS.join(", ")})`
      );
    }
    this.advance();
    const inner = this.peek();
    if (inner.kind !== "name") throw this.error(inner, `expected a metric name after '${aggregate}('`);
    this.advance();
    const close = this.peek();
    if (!inner.quoted && close.kind === "punct" && close.text === "(" && asAggregate(inner.text) !== void 0) {
      throw this.error(inner, "aggregates cannot be nested");
    }
    if (!(close.kind === "punct" && close.text === ")")) {
      throw this.error(close, `expected ')' to close '${aggregate}('`);
    }
    this.advance();
    return { metric: inner.text, aggregate };
  }
  /**
   * After `metric:`, `no-drop` or `no-rise` with an optional amount, absolute or `N%`, and an
   * optional `significant`; `written` is the shorthand as a message would quote it.
   */
  parseShorthand() {
    const word = this.peek();
    if (word.kind !== "name" || word.quoted || word.text !== "no-drop" && word.text !== "no-rise") {
      throw this.error(word, "expected 'no-drop' or 'no-rise' after ':'");
    }
    this.advance();
    const drop = word.text === "no-drop";
    const op = drop ? ">=" : "<=";
    const base = { kind: "baseline" };
    let threshold = base;
    let written = word.text;
    const amount = this.peek();
    if (amount.kind === "number") {
      this.advance();
      const percent = this.peek();
      if (percent.kind === "punct" && percent.text === "%") {
        this.advance();
        threshold = { kind: "margin", base, percent: amount.value, direction: drop ? "below" : "above" };
        written += ` ${amount.text}%`;
      } else {
        threshold = {
          kind: "binary",
          op: drop ? "-" : "+",
          left: base,
          right: { kind: "number", value: amount.value }
        };
        written += ` ${amount.text}`;
      }
    }
    const rest = this.peek();
    if (rest.kind === "end") return { op, threshold, written };
    if (rest.kind === "name" && !rest.quoted && rest.text === SIGNIFICANT) {
      this.advance();
      const after = this.peek();
      if (after.kind === "number") {
        throw this.error(
          after,
          `the amount goes before '${SIGNIFICANT}': ${word.text} ${clip(after.text)} ${SIGNIFICANT}`
        );
      }
      if (after.kind !== "end") throw this.error(after, `expected the end of the rule after '${SIGNIFICANT}'`);
      const significance = { direction: drop ? "higher" : "lower" };
      return { op, threshold, significance, written: `${written} ${SIGNIFICANT}` };
    }
    if (written === word.text) {
      let message2 = `expected an amount such as 0.01 or 5%, or '${SIGNIFICANT}', after '${word.text}'`;
      if (rest.kind === "name" && closestNames(rest.text, [SIGNIFICANT]).length > 0) {
        message2 += `; did you mean '${SIGNIFICANT}'?`;
      }
      throw this.error(rest, message2);
    }
    let message = `expected '${SIGNIFICANT}' or the end of the rule after '${clip(written.slice(word.text.length + 1))}'`;
    if (rest.kind === "name" && closestNames(rest.text, [SIGNIFICANT]).length > 0) {
      message += `; did you mean '${SIGNIFICANT}'?`;
    }
    throw this.error(rest, message);
  }
  parseSum(before) {
    let left = this.parseProduct(before);
    for (; ; ) {
      const op = this.peek();
      if (!(op.kind === "punct" && (op.text === "+" || op.text === "-"))) return left;
      this.advance();
      const right = this.parseProduct(op);
      left = this.combine(op, op.text, left, right);
    }
  }
  parseProduct(before) {
    let left = this.parseUnary(before);
    for (; ; ) {
      const op = this.peek();
      if (!(op.kind === "punct" && (op.text === "*" || op.text === "/"))) return left;
      this.advance();
      const right = this.parseUnary(op);
      left = this.combine(op, op.text, left, right);
    }
  }
  combine(at, op, left, right) {
    const depth = Math.max(left.depth, right.depth) + 1;
    if (depth > MAX_DEPTH) throw this.tooDeep(at);
    return { expr: { kind: "binary", op, left: left.expr, right: right.expr }, depth };
  }
  parseUnary(before) {
    const token = this.peek();
    if (token.kind === "punct" && token.text === "-") {
      this.advance();
      this.enter(token);
      const operand = this.parseUnary(token);
      this.nesting -= 1;
      return { expr: { kind: "negate", operand: operand.expr }, depth: operand.depth + 1 };
    }
    return this.parsePrimary(before);
  }
  parsePrimary(before) {
    const token = this.peek();
    if (token.kind === "number") {
      this.advance();
      return { expr: { kind: "number", value: token.value }, depth: 1 };
    }
    if (token.kind === "punct" && token.text === "(") {
      this.advance();
      this.enter(token);
      const inner = this.parseSum(token);
      this.nesting -= 1;
      const close = this.peek();
      if (!(close.kind === "punct" && close.text === ")")) {
        throw this.error(close, `expected ')' to close the '(' at column ${this.column(token)}`);
      }
      this.advance();
      return inner;
    }
    if (token.kind === "name") {
      this.advance();
      const open3 = this.peek();
      if (!token.quoted && open3.kind === "punct" && open3.text === "(") {
        return { expr: this.parseAggregateCall(token), depth: 1 };
      }
      return { expr: this.parseBaseline(token), depth: 1 };
    }
    throw this.error(token, `expected a number or metric after '${clip(before.text)}'`);
  }
  /**
   * `mean(baseline)`, `std(baseline.loss)` over the baseline's replicates, or `std(accuracy)` over
   * the candidate's; `name` is the aggregate's name, and the `(` comes next.
   */
  parseAggregateCall(name) {
    const aggregate = asAggregate(name.text);
    if (aggregate === void 0) {
      throw this.error(name, `unknown aggregate '${clip(name.text)}'; use ${AGGREGATES.join(", ")}`);
    }
    this.advance();
    const inner = this.peek();
    if (inner.kind !== "name") {
      throw this.error(inner, `expected baseline, baseline.<metric> or a metric name after '${aggregate}('`);
    }
    this.advance();
    const next = this.peek();
    if (!inner.quoted && next.kind === "punct" && next.text === "(" && asAggregate(inner.text) !== void 0) {
      throw this.error(inner, "aggregates cannot be nested");
    }
    let expr;
    if (!inner.quoted && (inner.text === "baseline" || inner.text.startsWith("baseline."))) {
      const baseline = this.parseBaseline(inner);
      expr = baseline.kind === "baseline" && baseline.metric !== void 0 ? { kind: "aggregate", aggregate, of: "baseline", metric: baseline.metric } : { kind: "aggregate", aggregate, of: "baseline" };
    } else {
      expr = { kind: "aggregate", aggregate, of: "candidate", metric: inner.text };
    }
    const close = this.peek();
    if (!(close.kind === "punct" && close.text === ")")) {
      throw this.error(close, `expected ')' to close '${aggregate}('`);
    }
    this.advance();
    return expr;
  }
  /** `baseline`, `baseline.metric` or ``baseline.`odd metric` ``: the only bare names the right side knows. */
  parseBaseline(name) {
    if (!name.quoted) {
      if (name.text === "baseline") return { kind: "baseline" };
      if (name.text === "baseline.") {
        const quoted = this.peek();
        if (quoted.kind === "name" && quoted.quoted && quoted.start === name.end) {
          this.advance();
          return { kind: "baseline", metric: quoted.text };
        }
        throw this.error(quoted, "expected a metric name after 'baseline.'");
      }
      if (name.text.startsWith("baseline.")) return { kind: "baseline", metric: name.text.slice("baseline.".length) };
      const glued = /^baseline([-/])(.+)$/.exec(name.text);
      if (glued !== null) {
        const spaced = clip(`baseline ${glued[1]} ${glued[2]}`);
        throw this.error(
          name,
          `unknown name '${clip(name.text)}': '-' and '/' belong to names, so put spaces around them: ${spaced}`
        );
      }
    }
    const metric = clip(describeName(name.text));
    throw this.error(
      name,
      `unknown name '${metric}'; the right side may use numbers, baseline, baseline.<metric> and aggregates such as mean(baseline) or mean(${metric})`
    );
  }
  expectEnd() {
    const token = this.peek();
    if (token.kind === "end") return;
    const previous = this.tokens[this.position - 1];
    if (token.kind === "punct" && token.text === "%") {
      const plain = previous.kind === "number" ? `${previous.value / 100} instead of ${previous.text}%` : "a plain number";
      throw this.error(token, `'%' is only allowed in no-drop and no-rise amounts (loss: no-rise 5%); write ${plain}`);
    }
    if (token.kind === "compare") throw this.error(token, "a rule holds one comparison; write two rules");
    if (token.kind === "name" && !token.quoted && token.text === SIGNIFICANT) {
      throw this.error(
        token,
        `'${SIGNIFICANT}' belongs to the no-drop and no-rise shorthands, e.g. ${clip(describeName(this.metric))}: no-drop ${SIGNIFICANT}`
      );
    }
    if (token.kind === "punct" && token.text === ")") throw this.error(token, "unmatched ')'");
    throw this.error(token, `expected an operator (+, -, *, /) or the end of the rule after '${clip(previous.text)}'`);
  }
  enter(token) {
    this.nesting += 1;
    if (this.nesting > MAX_DEPTH) throw this.tooDeep(token);
  }
  tooDeep(token) {
    return this.error(
      token,
      `the expression is too complex (more than ${MAX_DEPTH} levels of operators or parentheses)`
    );
  }
  peek() {
    return this.tokens[this.position];
  }
  advance() {
    if (this.position < this.tokens.length - 1) this.position += 1;
  }
  column(token) {
    return Array.from(this.at.text.slice(0, token.start)).length + 1;
  }
  error(token, message) {
    return ruleSyntaxError(this.at, token.start, message);
  }
};
function asAggregate(name) {
  return AGGREGATES.find((a) => a === name);
}

// packages/core/src/gate/needs-baseline.ts
function usesBaseline(expr) {
  switch (expr.kind) {
    case "number":
      return false;
    case "baseline":
      return true;
    case "aggregate":
      return expr.of === "baseline";
    case "negate":
      return usesBaseline(expr.operand);
    case "binary":
      return usesBaseline(expr.left) || usesBaseline(expr.right);
    case "margin":
      return usesBaseline(expr.base);
  }
}
function rulesNeedBaseline(rules) {
  return rules.some((rule) => usesBaseline(rule.threshold));
}

// packages/core/src/gate/load-rules.ts
var MAX_RULES_FILE_BYTES = 1024 * 1024;
async function readRulesFile(file, workspace) {
  const found = await resolveWorkspacePath(file, { workspace, cwd: "." }, 'input "rules-file":');
  if (found.isDirectory) throw new UserError(`input "rules-file": ${file} is a folder, not a file`, { file });
  return readTextFile(found.absolute, file, { maxBytes: MAX_RULES_FILE_BYTES, kind: "rules files" });
}
async function loadRules(options) {
  const rules = [];
  const errors = [];
  if (options.inline !== void 0) rules.push(...collectRules(options.inline, "rules", errors));
  if (options.file !== void 0)
    rules.push(...collectRules(await readRulesFile(options.file, options.workspace), options.file, errors));
  if (errors.length > 0) throw ruleSyntaxErrors(errors);
  return rules;
}

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
  fail(path2, message) {
    throw new UserError(`${this.source}: ${this.what}: ${path2} ${message}`, { file: this.source });
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
    const text2 = this.string(value, path2);
    if (!pattern.test(text2)) this.fail(path2, `must be ${description} (got ${this.show(text2)})`);
    return text2;
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
function gateVerdict(result) {
  if (!result.passed) return "fail";
  return result.results.some((r) => r.verdict === "pass") ? "pass" : "neutral";
}
function checkConclusion(result) {
  const verdict = gateVerdict(result);
  return verdict === "pass" ? "success" : verdict === "fail" ? "failure" : "neutral";
}
function serializeGateResult(result) {
  return JSON.stringify(
    result,
    (_key, value) => typeof value === "number" && !Number.isFinite(value) ? String(value) : value
  );
}

// packages/core/src/record/run-summary.ts
function formatMetricValue(value) {
  if (Number.isNaN(value)) return "NaN";
  if (value === Infinity) return "\u221E";
  if (value === -Infinity) return "-\u221E";
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  return String(Number(value.toPrecision(6)));
}

// packages/core/src/gate/gate-summary.ts
var MARKS = { pass: "\u2705 pass", fail: "\u274C fail", skipped: "\u23ED\uFE0F skipped", error: "\u26A0\uFE0F error" };
function gateHeadline(result) {
  if (gateVerdict(result) === "neutral") return `Gate not judged: ${whyNotJudged(result)}`;
  const count = (verdict) => result.results.filter((r) => r.verdict === verdict).length;
  const parts = [`${count("pass")} passed`, `${count("fail")} failed`];
  if (count("error") > 0) parts.push(`${count("error")} could not be judged`);
  if (count("skipped") > 0) parts.push(`${count("skipped")} skipped`);
  return `${result.passed ? "Gate passed" : "Gate failed"}: ${parts.join(", ")}`;
}
function whyNotJudged(result) {
  const total = result.results.length;
  if (total === 0) return "no rules";
  const reasons = new Set(result.results.map((r) => /^skipped \(([^)]+)\)/.exec(r.message)?.[1] ?? "skipped"));
  const why = reasons.has("skipped") ? "" : ` (${[...reasons].join("; ")})`;
  return `${total === 1 ? "the only rule was" : `all ${total} rules`} skipped${why}`;
}
function renderGateSummary(result, context) {
  const lines = [`### ML gate: ${escapeInline(context.experiments.join(", "))}`, "", `**${gateHeadline(result)}**`, ""];
  if (gateVerdict(result) === "neutral") {
    lines.push("No rule could be judged, so this is neither a pass nor a failure: the check run is neutral.", "");
  }
  if (context.baselineSha !== void 0) lines.push(`Baseline: commit \`${context.baselineSha.slice(0, 7)}\``, "");
  for (const notice2 of context.notices) lines.push(`> ${escapeInline(notice2)}`, "");
  const groups = byExperiment(result.results);
  for (const [experiment, rules] of groups) {
    if (groups.size > 1)
      lines.push(`#### ${experiment === void 0 ? "Training legs" : escapeInline(experiment)}`, "");
    lines.push(...ruleTable(rules), "");
  }
  if (groups.size === 0) lines.push(...ruleTable([]), "");
  return lines.join("\n");
}
function byExperiment(results) {
  const groups = /* @__PURE__ */ new Map();
  for (const result of results) groups.set(result.experiment, [...groups.get(result.experiment) ?? [], result]);
  return groups;
}
function ruleTable(rules) {
  const tested = rules.some((rule) => rule.pValue !== void 0);
  const optional = (value) => value === void 0 ? "" : formatMetricValue(value);
  const lines = tested ? [
    "| rule | verdict | value | threshold | baseline | change (CI) | p | detail |",
    "|---|---|---:|---:|---:|---:|---:|---|"
  ] : ["| rule | verdict | value | threshold | baseline | detail |", "|---|---|---:|---:|---:|---|"];
  for (const rule of rules) {
    const cells = [
      escapeCell(rule.rule),
      MARKS[rule.verdict],
      optional(rule.actual),
      optional(rule.threshold),
      optional(rule.baseline)
    ];
    if (tested) cells.push(changeCell(rule), optional(rule.pValue));
    cells.push(escapeCell(rule.message));
    lines.push(`| ${cells.join(" | ")} |`);
  }
  return lines;
}
function changeCell(rule) {
  if (rule.difference === void 0) return rule.noise === "single-run" ? "single-run" : "";
  const interval = rule.ciLow === void 0 || rule.ciHigh === void 0 ? "" : ` (${formatMetricValue(rule.ciLow)} to ${formatMetricValue(rule.ciHigh)})`;
  return `${formatMetricValue(rule.difference)}${interval}`;
}

// packages/core/src/gate/unjudged-legs.ts
function withUnjudgedLegs(result, legs) {
  if (legs.length === 0) return result;
  const errors = legs.map((leg) => ({
    rule: "every leg leaves a run record",
    line: 0,
    metric: "",
    verdict: "error",
    message: `${leg.name} ${leg.reason}: its runs are not judged, so the gate cannot pass`
  }));
  return { passed: false, results: [...result.results, ...errors] };
}

// packages/core/src/history/history-entry.ts
var HISTORY_ENTRY_SCHEMA = "ml-actions/history-entry";
var HISTORY_ENTRY_VERSION = 1;

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

// packages/core/src/history/history-lines.ts
var COMMIT_SHA = /^[0-9a-f]{40}$/;
var ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
var RULE_VERDICTS = ["pass", "fail", "skipped", "error"];
function parseHistoryText(text2, file) {
  return parseHistoryLines(text2, file).map((line) => line.entry);
}
function parseHistoryLines(text2, file) {
  const entries = [];
  const lines = text2.split("\n");
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index].replace(/\r$/, "");
    if (line.trim() === "") continue;
    const number2 = index + 1;
    let document;
    try {
      document = parseUntrustedJson(line, file, "not a history entry");
    } catch (error2) {
      if (!(error2 instanceof UserError)) throw error2;
      const column = error2.column ?? 1;
      throw new UserError(error2.message.replace(`${file}:1:`, `${file}:${number2}:`), { file, line: number2, column });
    }
    try {
      entries.push({ entry: validateHistoryEntry(document, `${file}:${number2}`), text: line });
    } catch (error2) {
      if (error2 instanceof UserError) throw new UserError(error2.message, { file, line: number2 });
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
  const text2 = (key, minLength = 1) => check.string(check.required(root, "$", key), `$.${key}`, minLength);
  const pullRequest = check.required(root, "$", "pullRequest");
  const packageVersion = check.required(root, "$", "packageVersion");
  return {
    schema: HISTORY_ENTRY_SCHEMA,
    version: HISTORY_ENTRY_VERSION,
    experiment: text2("experiment"),
    commit: check.matching(check.required(root, "$", "commit"), "$.commit", COMMIT_SHA, "a commit sha (40 hex)"),
    date: check.matching(check.required(root, "$", "date"), "$.date", ISO_DATE_TIME, "an ISO 8601 date and time"),
    branch: text2("branch"),
    workflowRunId: check.integer(check.required(root, "$", "workflowRunId"), "$.workflowRunId", 1),
    runAttempt: check.integer(check.required(root, "$", "runAttempt"), "$.runAttempt", 1),
    runUrl: text2("runUrl"),
    commitUrl: text2("commitUrl"),
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

// packages/core/src/record/run-record.ts
var RUN_RECORD_SCHEMA = "ml-actions/run-record";
var RUN_RECORD_VERSION = 1;
function outsideProvenance(fields) {
  return { ...fields, workflow: "", workflowRunId: 0, runAttempt: 1, runNumber: 0, job: "", matrix: {}, runnerOs: "" };
}
var ISO_DATE_TIME2 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
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
    params: checkParams2(check, check.required(root, "$", "params")),
    metrics: checkMetrics2(check, check.required(root, "$", "metrics")),
    outcome: checkOutcome(check, outcomeObject),
    inputs: check.array(check.required(root, "$", "inputs"), "$.inputs").map((item, index) => {
      const path2 = `$.inputs[${index}]`;
      const input = check.object(item, path2);
      const sha256 = check.string(check.required(input, path2, "sha256"), `${path2}.sha256`);
      if (!SHA256_HEX.test(sha256))
        check.fail(`${path2}.sha256`, `must be 64 lowercase hex digits (got ${check.show(sha256)})`);
      return {
        path: check.string(check.required(input, path2, "path"), `${path2}.path`, 1),
        size: check.integer(check.required(input, path2, "size"), `${path2}.size`, 0),
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
  const text2 = (key) => check.string(check.required(value, p, key), `${p}.${key}`);
  const count = (key, minimum) => check.integer(check.required(value, p, key), `${p}.${key}`, minimum);
  const optional = (key, read) => value[key] === void 0 ? {} : { [key]: read(value[key], `${p}.${key}`) };
  const provenance = {
    repository: text2("repository"),
    serverUrl: text2("serverUrl"),
    sha: text2("sha"),
    ref: text2("ref"),
    branch: text2("branch"),
    ...optional("baseRef", (item, path2) => check.string(item, path2)),
    ...optional("pullRequest", (item, path2) => check.integer(item, path2, 1)),
    ...optional("headSha", (item, path2) => check.string(item, path2)),
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
    const text2 = check.string(check.required(value, p, key), `${p}.${key}`);
    if (!ISO_DATE_TIME2.test(text2))
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

// packages/core/src/history/history-baseline.ts
function recordFromHistory(entry, repository) {
  return {
    schema: RUN_RECORD_SCHEMA,
    version: RUN_RECORD_VERSION,
    runId: `history-${entry.workflowRunId}-${entry.runAttempt}-${entry.experiment}`,
    experiment: entry.experiment,
    attempt: entry.runAttempt,
    provenance: {
      repository: repository.repository,
      serverUrl: repository.serverUrl,
      sha: entry.commit,
      ref: `refs/heads/${entry.branch}`,
      branch: entry.branch,
      event: "push",
      workflow: "",
      workflowRunId: entry.workflowRunId,
      runAttempt: entry.runAttempt,
      runNumber: 0,
      job: "",
      matrix: {},
      runnerOs: ""
    },
    params: { ...entry.params },
    metrics: Object.fromEntries(Object.entries(entry.metrics).map(([name, metric]) => [name, { value: metric.mean }])),
    outcome: { status: "succeeded", startedAt: entry.date, finishedAt: entry.date, durationMs: 0 },
    inputs: [],
    sources: ["history"]
  };
}

// packages/core/src/history/history-noise.ts
var MIN_DF = 2;
function noiseFromHistory(entries, metric) {
  let squares = 0;
  let pooledDf = 0;
  let pooledEntries = 0;
  const singles = [];
  for (const entry of entries) {
    const value = Object.hasOwn(entry.metrics, metric) ? entry.metrics[metric] : void 0;
    if (value === void 0 || !Number.isFinite(value.mean)) continue;
    if (value.n >= 2 && value.std !== null && Number.isFinite(value.std)) {
      squares += (value.n - 1) * value.std * value.std;
      pooledDf += value.n - 1;
      pooledEntries++;
    } else if (value.n === 1) {
      singles.push(value.mean);
    }
  }
  if (pooledDf >= MIN_DF) {
    return { std: Math.sqrt(squares / pooledDf), df: pooledDf, method: "replicates", entries: pooledEntries };
  }
  if (singles.length >= MIN_DF + 1) {
    const { std } = summarizeSample(singles);
    if (std !== void 0 && Number.isFinite(std)) {
      return { std, df: singles.length - 1, method: "commits", entries: singles.length };
    }
  }
  return void 0;
}
function historyNoiseLookup(histories) {
  return (experiment, metric) => {
    const entries = histories.get(experiment);
    return entries === void 0 ? void 0 : noiseFromHistory(entries, metric);
  };
}

// packages/core/src/metrics/tfevents.ts
var CHUNK_BYTES2 = 1024 * 1024;
var MAX_RECORD_BYTES = 1024 * 1024 * 1024;

// packages/core/src/metrics/metrics-format.ts
var SNIFF_BYTES = 64 * 1024;

// packages/core/src/params/param-value.ts
var NUMBER2 = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
var TRUE = /* @__PURE__ */ new Set(["true", "True", "TRUE"]);
var FALSE = /* @__PURE__ */ new Set(["false", "False", "FALSE"]);
var NULL = /* @__PURE__ */ new Set(["null", "Null", "NULL", "~", "None"]);
function parseParamValue(text2) {
  const trimmed = text2.trim();
  if (NUMBER2.test(trimmed)) {
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
function runRecordName(record) {
  const { experiment, replicate } = record;
  if (replicate === void 0) return experiment;
  const joined = `${experiment}-${replicate.key}-${replicate.value}`;
  if (occurrences(joined, `-${replicate.key}-`) === 1) return joined;
  return `${joined}-${shortHash(JSON.stringify([experiment, replicate.key, replicate.value]))}`;
}
function isRunRecordFileName(name) {
  return RUN_RECORD_FILE_NAME.test(name);
}
function occurrences(text2, part) {
  let count = 0;
  for (let at = text2.indexOf(part); at !== -1; at = text2.indexOf(part, at + 1)) count++;
  return count;
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
  const path2 = env["GITHUB_EVENT_PATH"] ?? "";
  if (path2 === "") {
    if (env["GITHUB_ACTIONS"] === "true") {
      throw new UserError("GITHUB_EVENT_PATH is not set: the runner gives every step its event payload");
    }
    return {};
  }
  const where = `the event payload ${path2} (GITHUB_EVENT_PATH)`;
  let text2;
  try {
    text2 = readFileSync(path2, "utf8");
  } catch (thrown) {
    const code = thrown?.code;
    throw new UserError(`${where} cannot be read${typeof code === "string" ? ` (${code})` : ""}`, { file: path2 });
  }
  let parsed;
  try {
    parsed = JSON.parse(text2);
  } catch {
    throw new UserError(`${where} is not valid JSON`, { file: path2 });
  }
  const payload = asRecord(parsed);
  if (payload === void 0) throw new UserError(`${where} is not a JSON object`, { file: path2 });
  for (const field2 of REQUIRED_FIELDS[eventName] ?? []) {
    const [dotted = "", type = "string"] = field2.split(":");
    let value = payload;
    for (const part of dotted.split(".")) value = asRecord(value)?.[part];
    const present = type === "number" ? typeof value === "number" : typeof value === "string" && value !== "";
    if (!present) {
      throw new UserError(`${where} is not a ${eventName} event: it has no ${type} ${dotted}`, { file: path2 });
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
var { chmod, copyFile, lstat: lstat2, mkdir, open: open2, readdir: readdir2, rename, rm, rmdir, stat: stat2, symlink, unlink } = fs2.promises;
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
function printable2(text2) {
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
    const shown = printable2(text2);
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
    this.runner.debug(printable2(text2));
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
    this.runner.startGroup(printable2(title).replace(/\n/g, " "));
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
      const shownPlace = place.title === void 0 ? place : { ...place, title: printable2(place.title) };
      this.runner.annotate(level, printable2(text2), shownPlace);
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
var CUT_SLACK = 64;
function safeArtifactNamePrefix(prefix) {
  const safe = prefix.replace(NOT_IN_ARTIFACT_NAME, "_");
  return safe.length > KEPT_OF_CHANGED_NAME - CUT_SLACK ? { prefix: safe.slice(0, KEPT_OF_CHANGED_NAME - CUT_SLACK), cut: true } : { prefix: safe, cut: false };
}
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
function runRecordArtifactName(experiment, replicate) {
  return safeArtifactName(
    `${RECORD_ARTIFACT_PREFIX}${runRecordName(replicate === void 0 ? { experiment } : { experiment, replicate })}`
  );
}
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
function mayHoldExperiment(name, experiment) {
  const { prefix, cut } = safeArtifactNamePrefix(`${RECORD_ARTIFACT_PREFIX}${experiment}`);
  if (!name.startsWith(prefix)) return false;
  return cut || name.length === prefix.length || name[prefix.length] === "-";
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

// packages/github/src/baseline-search.ts
var MAX_RUN_ARTIFACT_PAGES = 10;
var BaselineSearch = class {
  github;
  repository;
  listings = /* @__PURE__ */ new Map();
  reads = /* @__PURE__ */ new Map();
  /** Artifacts that may have held a baseline record but could not be read, said once each. */
  problems = /* @__PURE__ */ new Set();
  constructor(github, repository) {
    this.github = github;
    this.repository = repository;
  }
  /** The unexpired artifacts of a run, listed once per lookup. */
  artifactsOf(runId) {
    let listing = this.listings.get(runId);
    if (listing === void 0) {
      const { owner, repo } = this.repository;
      listing = readCountedPages(async (page) => {
        const answer = await this.github.request("GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts", {
          owner,
          repo,
          run_id: runId,
          per_page: PER_PAGE,
          page
        });
        return { total: answer.data.total_count, items: answer.data.artifacts };
      }, MAX_RUN_ARTIFACT_PAGES).then(({ items }) => items.filter((artifact) => !artifact.expired));
      this.listings.set(runId, listing);
    }
    return listing;
  }
  /** What run `runId` holds for each of `experiments`; downloads only the artifacts their names allow. */
  async findIn(runId, experiments) {
    const listed2 = (await this.artifactsOf(runId)).filter((artifact) => isRunRecordArtifact(artifact.name));
    const candidatesOf = new Map(
      experiments.map((experiment) => [
        experiment,
        newestAttempts(listed2.filter((artifact) => mayHoldExperiment(artifact.name, experiment)))
      ])
    );
    const wanted = /* @__PURE__ */ new Map();
    for (const candidates of candidatesOf.values()) {
      for (const artifact of candidates) if (!this.reads.has(artifact.id)) wanted.set(artifact.id, artifact);
    }
    for (const read of await readRecordArtifacts(this.github, this.repository, [...wanted.values()], runId)) {
      this.reads.set(read.artifact.id, read);
    }
    const readHere = newestAttempts(listed2.filter((artifact) => this.reads.has(artifact.id))).map(
      (artifact) => this.reads.get(artifact.id)
    );
    const findings = /* @__PURE__ */ new Map();
    for (const [experiment, candidates] of candidatesOf) {
      const reads = candidates.map((artifact) => this.reads.get(artifact.id));
      const records = readHere.flatMap((read) => read.record?.experiment === experiment ? [read.record] : []);
      const failed = reads.flatMap((read) => read.reason === void 0 ? [] : [read.reason]);
      const other = reads.find((read) => read.record !== void 0)?.record?.experiment;
      if (records.length > 0) {
        for (const reason of failed) this.problems.add(`${reason}; it is left out of the baseline`);
        findings.set(experiment, { kind: "found", records });
      } else if (failed[0] !== void 0) {
        findings.set(experiment, { kind: "failed", reason: failed[0] });
      } else if (other !== void 0) {
        findings.set(experiment, { kind: "other", experiment: other });
      } else {
        findings.set(experiment, { kind: "none" });
      }
    }
    return findings;
  }
};

// packages/github/src/history-branch.ts
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
async function readHistory(options) {
  const path2 = historyFilePath(options.experiment);
  const text2 = await readFile(options, options.branch, path2, (call) => call());
  if (text2 === void 0) return [];
  let entries;
  try {
    entries = parseHistoryText(text2, path2);
  } catch (error2) {
    if (error2 instanceof UserError) {
      throw new UserError(`history branch ${options.branch}: ${error2.message}`, {
        file: path2,
        ...error2.line === void 0 ? {} : { line: error2.line }
      });
    }
    throw error2;
  }
  return options.last <= 0 ? [] : entries.slice(-options.last);
}

// packages/github/src/history-baseline.ts
var ENTRIES_READ = 100;
async function baselinesFromHistory(request) {
  const { github, context, branch } = request;
  const { owner, repo } = context;
  try {
    await github.request("GET /repos/{owner}/{repo}/git/ref/{ref}", { owner, repo, ref: `heads/${branch}` });
  } catch (thrown) {
    if (thrown.status === 404) return { records: [], notices: [] };
    throw thrown;
  }
  const target = context.baseSha ?? context.before;
  const found = await Promise.all(
    request.experiments.map(async (experiment) => {
      const entries = await readHistory({ github, owner, repo, branch, experiment, last: ENTRIES_READ });
      const exact = entries.find((entry) => entry.commit === target);
      return { experiment, entry: exact ?? entries.at(-1), exact: exact !== void 0 };
    })
  );
  const records = [];
  const notices = [];
  for (const { experiment, entry, exact } of found) {
    if (entry === void 0) continue;
    records.push(recordFromHistory(entry, context));
    notices.push(
      `the baseline of ${experiment} comes from the history branch ${branch}: commit ${entry.commit.slice(0, 7)}` + (exact ? "" : " (its newest entry; the base commit has none)") + `, final values only (the mean of ${Math.max(...Object.values(entry.metrics).map((metric) => metric.n), 1)} run(s)), as no run record of the base commit was found`
    );
  }
  return { records, notices };
}

// packages/github/src/job-records.ts
import { lstat as lstat3, mkdir as mkdir2, readdir as readdir3, realpath as realpath2, writeFile as writeFile3 } from "node:fs/promises";
import { tmpdir as tmpdir2 } from "node:os";
import { isAbsolute, join as join2, resolve } from "node:path";
function jobRecordsFolder(job) {
  return join2(job.temp ?? tmpdir2(), "ml-actions", "run-records");
}
async function readJobRecords(job) {
  const folder = jobRecordsFolder(job);
  const names = await readdir3(folder).catch(() => []);
  const paths = names.filter((name) => name.endsWith(".json")).sort().map((name) => join2(folder, name));
  return Promise.all(paths.map(async (path2) => parseRunRecord(await readRunRecordText(path2, path2), path2)));
}
async function readRunRecordFiles(patterns, job, input) {
  const { glob } = await import("node:fs/promises");
  const { workspace } = job;
  const roots = await Promise.all(
    [workspace, jobRecordsFolder(job)].map((folder) => realpath2(folder).catch(() => folder))
  );
  const paths = [];
  for (const pattern of patterns) {
    const absolute = isAbsolute(pattern) ? pattern : resolve(workspace, pattern);
    const matches = [];
    if (isGlobPattern(pattern)) {
      for await (const match of glob(absolute)) matches.push(match);
    } else if (await lstat3(absolute).then(
      () => true,
      () => false
    )) {
      matches.push(absolute);
    }
    if (matches.length === 0) throw new UserError(`input "${input}": no run record matches ${pattern}`);
    for (const match of matches.sort()) {
      const real = await realpath2(match);
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

// packages/github/src/baseline-file.ts
var NOT_IN_ARTIFACT_NAMES = /["':<>|\r\n]/;
function parseBaselineSpec(text2) {
  const value = text2.trim();
  if (value === "auto" || value === "none" || value === "mlflow") return { kind: value };
  if (/^\d+$/.test(value)) {
    const runId = Number(value);
    if (!Number.isSafeInteger(runId) || runId === 0) {
      throw new UserError(`input "baseline" is not a workflow run id: ${value}`);
    }
    return { kind: "workflow-run", runId };
  }
  if (value.endsWith(".json") || /[/\\*?]/.test(value)) return { kind: "files", pattern: value };
  if (value === "" || NOT_IN_ARTIFACT_NAMES.test(value)) {
    throw new UserError(
      `input "baseline" must be auto, none, mlflow, a workflow run id, a run record path or glob (ending in .json, or with a /), or an artifact name; got ${JSON.stringify(value)}`
    );
  }
  return { kind: "artifact", name: value };
}
async function readBaselineFile(pattern, job) {
  const records = await readRunRecordFiles([pattern], job, "baseline");
  return { records, sha: records[0]?.provenance.sha };
}

// packages/github/src/baseline.ts
var MAX_ARTIFACT_PAGES = 3;
var MAX_RUNS_CHECKED = 3;
var NOTICES_OF_MISSING = 3;
async function lookUp(lookup) {
  const { spec } = lookup;
  if (spec.kind === "auto") return findAutomatically(lookup);
  if (spec.kind === "workflow-run") return fromWorkflowRun(lookup, spec.runId);
  return fromArtifactName(lookup, spec.name);
}
async function fromWorkflowRun(lookup, runId) {
  const listed2 = await lookup.search.artifactsOf(runId);
  const walk = new RunWalk(lookup);
  await walk.through([{ id: runId, head_sha: listed2[0]?.workflow_run?.head_sha ?? "", head_branch: null }]);
  return walk.result(
    (experiment) => `workflow run ${runId} has no unexpired run record "${runRecordArtifactName(experiment)}"`,
    (experiments) => `workflow run ${runId} has no unexpired run records of ${experiments}`
  );
}
async function fromArtifactName(lookup, name) {
  const { context } = lookup;
  const base = context.baseRef ?? context.branch;
  const found = await searchArtifacts(
    lookup,
    name,
    (artifact) => artifact.workflow_run?.head_branch === base && artifact.workflow_run.id !== context.runId && (artifact.workflow_run.head_repository_id ?? null) === (artifact.workflow_run.repository_id ?? null)
  );
  const workflowRunId = found?.workflow_run?.id;
  if (found === void 0 || workflowRunId === void 0) {
    return { baselines: [], notices: [`no unexpired artifact named "${name}" was made by a run on ${base}`] };
  }
  const [read] = await readRecordArtifacts(lookup.github, context, [found], workflowRunId);
  if (read?.record === void 0) {
    return {
      baselines: [],
      notices: [`the baseline of ${listed(lookup.experiments)} could not be looked up: ${read?.reason}`]
    };
  }
  const record = read.record;
  const why = record.provenance.repository !== context.repository ? `was made in ${record.provenance.repository}, not ${context.repository}` : record.provenance.event !== "push" ? `was made by a ${record.provenance.event} run, not a push` : record.provenance.branch !== base ? `was made on ${record.provenance.branch}, not ${base}` : void 0;
  if (why !== void 0) {
    return { baselines: [], notices: [`the run record in artifact "${name}" ${why}; it is not used as the baseline`] };
  }
  const sha = found.workflow_run?.head_sha ?? record.provenance.sha;
  return { baselines: [{ records: [record], sha, workflowRunId, notice: void 0 }], notices: [] };
}
async function findAutomatically(lookup) {
  const { context } = lookup;
  const base = context.baseRef;
  const group = context.eventName === "merge_group";
  const walk = new RunWalk(lookup);
  if ((context.pullRequest !== void 0 || group) && base !== void 0) {
    const mergeBase = group && context.baseSha !== void 0 ? context.baseSha : await findMergeBase(lookup);
    await walk.through(await pushRuns(lookup, { branch: base, head_sha: mergeBase }, () => true));
    if (walk.pending.length > 0) {
      const ancestors = await earlierCommits(lookup.github, context, mergeBase);
      const older = await pushRuns(lookup, { branch: base }, (run2) => ancestors.has(run2.head_sha));
      await walk.through(
        older,
        (sha) => `no run record for the merge base ${mergeBase.slice(0, 7)}; using the newest earlier record on ${base}, from ${sha.slice(0, 7)}`
      );
    }
    const where = `on ${base} for the merge base ${mergeBase.slice(0, 7)} or before it`;
    return walk.result(
      (experiment) => `no run record "${runRecordArtifactName(experiment)}" was found ${where}`,
      (experiments) => `no run records of ${experiments} were found ${where}`
    );
  }
  const branch = context.branch;
  await walk.through(
    await pushRuns(lookup, { branch }, (run2) => run2.head_sha !== context.sha && run2.id !== context.runId)
  );
  return walk.result(
    (experiment) => `no earlier run record "${runRecordArtifactName(experiment)}" was found on ${branch}`,
    (experiments) => `no earlier run records of ${experiments} were found on ${branch}`
  );
}
async function baselineCommit(github, context) {
  const head = context.headSha ?? context.sha;
  const base = context.baseRef;
  const at = (sha, branch) => ({
    sha,
    branch,
    head,
    earlier: github === void 0 || sha === "" ? void 0 : () => earlierCommits(github, context, sha)
  });
  if (base !== void 0 && (context.pullRequest !== void 0 || context.eventName === "merge_group")) {
    if (context.eventName === "merge_group" && context.baseSha !== void 0) return at(context.baseSha, base);
    if (github === void 0) return at(context.baseSha ?? "", base);
    const comparison = await github.request("GET /repos/{owner}/{repo}/compare/{basehead}", {
      owner: context.owner,
      repo: context.repo,
      basehead: `${base}...${head}`,
      per_page: 1
    });
    return at(comparison.data.merge_base_commit.sha, base);
  }
  return at(context.before ?? "", context.branch);
}
async function earlierCommits(github, context, sha) {
  const history = await github.request("GET /repos/{owner}/{repo}/commits", {
    owner: context.owner,
    repo: context.repo,
    sha,
    per_page: 100
  });
  return new Set(history.data.map((commit) => commit.sha));
}
async function findMergeBase(lookup) {
  return (await baselineCommit(lookup.github, lookup.context)).sha;
}
async function pushRuns(lookup, filter, accept) {
  const { owner, repo } = lookup.context;
  const runs2 = await lookup.github.request("GET /repos/{owner}/{repo}/actions/runs", {
    owner,
    repo,
    ...filter,
    event: "push",
    per_page: 100
  });
  return runs2.data.workflow_runs.filter((run2) => accept(run2)).slice(0, MAX_RUNS_CHECKED);
}
var RunWalk = class {
  pending;
  lookup;
  found = /* @__PURE__ */ new Map();
  failed = /* @__PURE__ */ new Map();
  /** Experiments whose artifacts by name held another experiment's records: said when nothing else is found. */
  others = /* @__PURE__ */ new Map();
  constructor(lookup) {
    this.lookup = lookup;
    this.pending = [...new Set(lookup.experiments)];
  }
  async through(runs2, notice2) {
    for (const run2 of runs2) {
      if (this.pending.length === 0) return;
      const findings = await this.lookup.search.findIn(run2.id, this.pending);
      for (const [experiment, finding] of findings) {
        if (finding.kind === "found") {
          const sha = run2.head_sha !== "" ? run2.head_sha : finding.records[0]?.provenance.sha ?? "";
          this.found.set(experiment, { records: finding.records, sha, workflowRunId: run2.id, notice: notice2?.(sha) });
        } else if (finding.kind === "failed") {
          this.failed.set(experiment, `the baseline of ${experiment} could not be looked up: ${finding.reason}`);
        } else if (finding.kind === "other" && !this.others.has(experiment)) {
          this.others.set(experiment, finding.experiment);
        }
      }
      this.pending = this.pending.filter((experiment) => !this.found.has(experiment) && !this.failed.has(experiment));
    }
  }
  /** The baselines and notices, experiment by experiment; many missing ones share one notice. */
  result(missing, missingMany) {
    const baselines = [];
    const notices = [];
    const absent = [];
    for (const experiment of new Set(this.lookup.experiments)) {
      const found = this.found.get(experiment);
      const other = this.others.get(experiment);
      if (found !== void 0) {
        baselines.push(found);
        if (found.notice !== void 0) notices.push(found.notice);
      } else if (this.failed.has(experiment)) {
        notices.push(this.failed.get(experiment) ?? "");
      } else if (other !== void 0) {
        notices.push(
          `the run record found for ${experiment} is of experiment ${other}; it is not used as the baseline`
        );
      } else {
        absent.push(experiment);
      }
    }
    if (absent.length > NOTICES_OF_MISSING) notices.push(missingMany(listed(absent)));
    else notices.push(...absent.map(missing));
    return { baselines, notices };
  }
};
async function searchArtifacts(lookup, name, accept) {
  for (let page = 1; page <= MAX_ARTIFACT_PAGES; page++) {
    const response = await lookup.github.request("GET /repos/{owner}/{repo}/actions/artifacts", {
      owner: lookup.context.owner,
      repo: lookup.context.repo,
      name,
      per_page: 100,
      page
    });
    const artifacts = response.data.artifacts;
    const found = artifacts.find((artifact) => !artifact.expired && accept(artifact));
    if (found !== void 0) return found;
    if (artifacts.length < 100) return void 0;
  }
  return void 0;
}
function listed(experiments) {
  if (experiments.length <= 2) return experiments.join(" and ");
  const shown = experiments.slice(0, NOTICES_OF_MISSING);
  const more = experiments.length - shown.length;
  return `${experiments.length} experiments (${shown.join(", ")}${more > 0 ? ` and ${more} more` : ""})`;
}
async function findBaselines(request) {
  const combined = await combineBaselines(request);
  for (const notice2 of combined.notices) request.log.notice(notice2);
  return combined;
}
async function combineBaselines(request) {
  const combined = { records: void 0, sha: void 0, url: void 0, notices: [] };
  const { spec, context } = request;
  if (spec.kind === "none") return combined;
  if (spec.kind === "mlflow") {
    if (request.mlflow === void 0) return { ...combined, notices: ["no MLflow tracking server is set"] };
    if (request.experiments.length === 0) return combined;
    const found = await request.mlflow(await baselineCommit(request.github, context));
    return {
      records: found.records.length === 0 ? void 0 : found.records,
      sha: found.sha,
      url: found.url,
      notices: found.notices
    };
  }
  if (spec.kind === "files") {
    const { records, sha } = await readBaselineFile(spec.pattern, context);
    return { ...combined, records, sha };
  }
  const github = request.github;
  if (github === void 0) return { ...combined, notices: ["no github-token: the baseline cannot be looked up"] };
  if (request.experiments.length === 0) return combined;
  const search = new BaselineSearch(github, context);
  try {
    const found = await lookUp({ spec, experiments: request.experiments, context, github, search });
    combined.notices.push(...found.notices, ...search.problems);
    for (const baseline of found.baselines) {
      combined.records = [...combined.records ?? [], ...baseline.records];
      combined.sha ??= baseline.sha;
      if (baseline.workflowRunId !== void 0) {
        combined.url ??= `${context.serverUrl}/${context.repository}/actions/runs/${baseline.workflowRunId}`;
      }
    }
    const unfound = request.experiments.filter(
      (experiment) => !(combined.records ?? []).some((record) => record.experiment === experiment)
    );
    if (spec.kind === "auto" && request.historyBranch !== void 0 && unfound.length > 0) {
      const history = await baselinesFromHistory({
        github,
        context,
        branch: request.historyBranch,
        experiments: unfound
      });
      if (history.records.length > 0) {
        combined.records = [...combined.records ?? [], ...history.records];
        combined.sha ??= history.records[0].provenance.sha;
        combined.notices.push(...history.notices);
      }
    }
  } catch (thrown) {
    const reason = describeGitHubFailure(thrown) ?? errorMessage(thrown);
    combined.notices.push(`the baseline of ${listed(request.experiments)} could not be looked up: ${reason}`);
  }
  combined.notices = [...new Set(combined.notices)];
  return combined;
}

// packages/github/src/check-run.ts
import { randomUUID as randomUUID3 } from "node:crypto";
var CHECK_OUTPUT_LIMIT = 65535;
var MAX_CHECK_ANNOTATIONS = 50;
async function createCheckRun(request) {
  const annotations = request.annotations ?? [];
  const shown = annotations.slice(0, MAX_CHECK_ANNOTATIONS);
  const hidden = annotations.length - shown.length;
  const note = hidden === 0 ? "" : `

${hidden} more annotation${hidden === 1 ? "" : "s"} not shown.`;
  const output = {
    title: request.title,
    summary: fit(request.summary, note),
    ...request.text === void 0 ? {} : { text: fit(request.text) },
    ...shown.length === 0 ? {} : { annotations: shown }
  };
  const earlier = await earlierCheckRun(request);
  if (earlier === void 0) return createExactlyOnce(request, output);
  if (earlier.annotations === 0) return complete(request, earlier.id, output);
  const existing = await annotationsOf(request, earlier.id);
  const wanted = new Set(output.annotations?.map(annotationKey));
  if (existing.some((annotation) => !wanted.has(annotationKey(annotation)))) {
    return createExactlyOnce(request, output);
  }
  const present = new Set(existing.map(annotationKey));
  const added = output.annotations?.filter((annotation) => !present.has(annotationKey(annotation))) ?? [];
  const rest = { title: output.title, summary: output.summary };
  if (output.text !== void 0) rest.text = output.text;
  if (added.length > 0) rest.annotations = added;
  return complete(request, earlier.id, rest);
}
async function annotationsOf(request, checkRunId) {
  const response = await request.github.request("GET /repos/{owner}/{repo}/check-runs/{check_run_id}/annotations", {
    owner: request.owner,
    repo: request.repo,
    check_run_id: checkRunId,
    per_page: 100
  });
  return response.data.map((annotation) => ({
    path: annotation.path,
    start_line: annotation.start_line,
    end_line: annotation.end_line,
    annotation_level: annotation.annotation_level ?? "",
    message: annotation.message ?? "",
    title: annotation.title ?? ""
  }));
}
function annotationKey(annotation) {
  const { path: path2, start_line, end_line, annotation_level, message, title } = annotation;
  return JSON.stringify([path2, start_line, end_line, annotation_level, title ?? "", message]);
}
var EXTERNAL_ID = /^ml-actions-(gate|compare)-/;
async function earlierCheckRun(request) {
  const ours = (await checkRunsNamed(request)).filter((check) => check.name === request.name).map((check) => ({
    id: Number(check.id),
    annotations: check.output.annotations_count,
    maker: EXTERNAL_ID.exec(check.external_id ?? "")?.[1]
  })).filter((check) => check.maker !== void 0).sort((a, b) => b.id - a.id);
  const other = ours.find((check) => check.maker !== request.madeBy);
  if (other !== void 0) {
    const fix = request.madeBy === "compare" ? "run publish only for pull requests from forks, or give it another check-name" : "give gate another check-name, or run compare in publish mode only for pull requests from forks";
    throw new UserError(
      `check run "${request.name}" on ${request.headSha.slice(0, 7)} was created by ${other.maker}: ${request.madeBy} will not add a contradicting one; ${fix}`
    );
  }
  const newest = ours[0];
  return newest === void 0 ? void 0 : { id: newest.id, annotations: newest.annotations };
}
async function complete(request, checkRunId, output) {
  const updated = await request.github.request("PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}", {
    owner: request.owner,
    repo: request.repo,
    check_run_id: checkRunId,
    status: "completed",
    conclusion: request.conclusion,
    completed_at: (/* @__PURE__ */ new Date()).toISOString(),
    ...request.detailsUrl === void 0 ? {} : { details_url: request.detailsUrl },
    output
  });
  return { id: Number(updated.data.id), url: updated.data.html_url ?? "" };
}
var CREATE_ATTEMPTS = 4;
async function createExactlyOnce(request, output) {
  const externalId = `ml-actions-${request.madeBy}-${randomUUID3()}`;
  for (let attempt = 1; ; attempt++) {
    try {
      const created = await request.github.request("POST /repos/{owner}/{repo}/check-runs", {
        owner: request.owner,
        repo: request.repo,
        name: request.name,
        head_sha: request.headSha,
        external_id: externalId,
        status: "completed",
        conclusion: request.conclusion,
        ...request.detailsUrl === void 0 ? {} : { details_url: request.detailsUrl },
        output,
        request: { retries: 0 }
      });
      return { id: Number(created.data.id), url: created.data.html_url ?? "" };
    } catch (thrown) {
      const status = thrown.status;
      if (attempt >= CREATE_ATTEMPTS || typeof status !== "number" || status < 500) throw thrown;
      let found;
      try {
        found = await findByExternalId(request, externalId);
      } catch {
        throw thrown;
      }
      if (found !== void 0) return found;
      await wait(attempt * attempt * 1e3 * retryWaitScale());
    }
  }
}
async function checkRunsNamed(request) {
  const response = await request.github.request("GET /repos/{owner}/{repo}/commits/{ref}/check-runs", {
    owner: request.owner,
    repo: request.repo,
    ref: request.headSha,
    check_name: request.name,
    filter: "all",
    per_page: 100
  });
  return response.data.check_runs;
}
async function findByExternalId(request, externalId) {
  const found = (await checkRunsNamed(request)).find((check) => check.external_id === externalId);
  return found === void 0 ? void 0 : { id: Number(found.id), url: found.html_url ?? "" };
}
function fit(text2, ending = "") {
  if (text2.length + ending.length <= CHECK_OUTPUT_LIMIT) return text2 + ending;
  const note = "\n\n\u2026 cut to fit GitHub\u2019s check run limit; the job summary has everything.";
  return text2.slice(0, CHECK_OUTPUT_LIMIT - note.length - ending.length) + note + ending;
}

// packages/github/src/job-gate-results.ts
import { mkdir as mkdir3, readdir as readdir4, writeFile as writeFile4 } from "node:fs/promises";
import { tmpdir as tmpdir3 } from "node:os";
import { join as join3 } from "node:path";
function gateResultsFolder(job) {
  return join3(job.temp ?? tmpdir3(), "ml-actions", "gate-results");
}
async function writeJobGateResult(result, job) {
  const folder = gateResultsFolder(job);
  await mkdir3(folder, { recursive: true });
  const name = `${String(Date.now()).padStart(15, "0")}-${Math.random().toString(36).slice(2, 8)}.json`;
  await writeFile4(join3(folder, name), serializeGateResult(result));
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
    const runs2 = await readJobRecords(context);
    if (runs2.length > 0) return { runs: runs2, source: "job", missing: [], invalid: [] };
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
function unjudgedLegs(gathered) {
  return [
    ...gathered.missing.map((leg) => ({
      name: `job "${leg.jobDisplayName}"`,
      reason: `ended ${leg.conclusion} before writing a run record`
    })),
    ...gathered.invalid.map((artifact) => ({
      name: `artifact "${artifact.artifact}"`,
      reason: `is unusable (${artifact.reason})`
    }))
  ];
}

// packages/github/src/workflow-gate-result.ts
var GATE_ARTIFACT_PREFIX = "ml-gate-";
var GATE_RESULT_FILE = "gate-result.json";
async function uploadWorkflowGateResult(client, result, options) {
  return uploadTextArtifact(client, {
    name: safeArtifactName(`${GATE_ARTIFACT_PREFIX}${options.job}`),
    fileName: GATE_RESULT_FILE,
    text: serializeGateResult(result),
    runAttempt: options.runAttempt,
    log: options.log
  });
}

// packages/github/src/history-noise.ts
async function readHistoryNoise(request) {
  const { github, context, branch, last, log } = request;
  if (github === void 0 || branch === void 0 || last <= 0) return void 0;
  const baseline = request.baseline ?? [];
  const needing = [...new Set(request.runs.map((run2) => run2.experiment))].filter((experiment) => {
    const here = request.runs.filter((run2) => run2.experiment === experiment).length;
    const before = baseline.filter((run2) => run2.experiment === experiment).length;
    return before > 0 && (here < 2 || before < 2);
  });
  if (needing.length === 0) return void 0;
  const { owner, repo } = context;
  const histories = /* @__PURE__ */ new Map();
  await Promise.all(
    needing.map(async (experiment) => {
      try {
        histories.set(experiment, await readHistory({ github, owner, repo, branch, experiment, last }));
      } catch (thrown) {
        if (!(thrown instanceof UserError)) throw thrown;
        log.warning(`the noise of ${experiment} is not taken from the history: ${thrown.message}`);
      }
    })
  );
  return historyNoiseLookup(histories);
}

// packages/github/src/user-command.ts
var MAX_TIMER_MS = 2 ** 31 - 1;

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
  get(path2, query = {}) {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value !== void 0) search.set(key, String(value));
    const text2 = search.toString();
    return this.send("GET", path2, text2 === "" ? path2 : `${path2}?${text2}`, void 0);
  }
  post(path2, body) {
    return this.send("POST", path2, path2, JSON.stringify(body));
  }
  /** As `post`, with a body already serialised (log batches are sized as text). */
  postText(path2, body) {
    return this.send("POST", path2, path2, body);
  }
  patch(path2, body) {
    return this.send("PATCH", path2, path2, JSON.stringify(body));
  }
  delete(path2, body) {
    return this.send("DELETE", path2, path2, JSON.stringify(body));
  }
  async send(method, path2, target, body) {
    const call = `${method} ${path2}`;
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

// packages/mlflow/src/run-reading.ts
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
          const path2 = text(entry, "artifact_path");
          if (path2 !== void 0) sources.push(`runs:/${runId}/${path2}`);
        }
      }
    } catch {
    }
  }
  return [...new Set(sources)];
}

// packages/mlflow/src/run-search.ts
async function searchRuns(client, query) {
  const answer = await client.post("runs/search", {
    experiment_ids: query.experimentIds,
    filter: query.filter,
    run_view_type: "ACTIVE_ONLY",
    max_results: query.maxResults,
    ...query.orderBy === void 0 ? {} : { order_by: query.orderBy }
  });
  const runs2 = [];
  for (const entry of list(answer, "runs")) {
    const run2 = runFromAnswer(client, entry);
    if (run2 !== void 0) runs2.push(run2);
  }
  return runs2;
}
function filterValue(value, origin) {
  if (value.includes("'")) {
    throw new UserError(
      `${origin} ${JSON.stringify(value)} holds a single quote, which MLflow's search filters cannot match`
    );
  }
  return `'${value}'`;
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
function readBaselineTracking(inputs, baselineFromMlflow) {
  if (!baselineFromMlflow) return void 0;
  const tracking = readTrackingSettings(inputs);
  if (tracking === void 0) {
    throw new UserError(
      'input "baseline" is mlflow, which needs a tracking server: set input "mlflow-tracking-uri" or the MLFLOW_TRACKING_URI variable'
    );
  }
  return tracking;
}

// packages/mlflow/src/baseline-runs.ts
var BASELINE_SEARCH_LIMIT = 500;
var USABLE = /* @__PURE__ */ new Set(["succeeded", "collected"]);
async function findMlflowBaselines(client, request) {
  const before = client.requests;
  const { target } = request;
  const result = { records: [], sha: void 0, url: void 0, notices: [], requests: 0 };
  const experimentId = await findExperiment(client, request.experimentName, client.connection.origin);
  if (experimentId === void 0) {
    result.notices.push(
      `MLflow has no experiment ${JSON.stringify(request.experimentName)}, so no baseline was found there`
    );
    result.requests = client.requests - before;
    return result;
  }
  const onBranch = [
    `tags.\`${RECORD_TAGS.repository}\` = ${filterValue(target.repository, "the repository")}`,
    `tags.\`${RECORD_TAGS.branch}\` = ${filterValue(target.branch, "the base branch")}`
  ];
  const exact = usable(
    await searchRuns(client, {
      experimentIds: [experimentId],
      filter: [...onBranch, `tags.\`${RECORD_TAGS.commit}\` = ${filterValue(target.sha, "the commit")}`].join(" and "),
      maxResults: BASELINE_SEARCH_LIMIT
    }),
    request.experiments,
    target.head
  );
  const missing = request.experiments.filter((experiment) => !exact.has(experiment));
  const chosen = new Map(exact);
  if (missing.length > 0) {
    const earlier = await target.earlier?.();
    const newest = usable(
      (await searchRuns(client, {
        experimentIds: [experimentId],
        filter: onBranch.join(" and "),
        orderBy: ["attributes.start_time DESC"],
        maxResults: BASELINE_SEARCH_LIMIT
      })).filter((run2) => earlier === void 0 || earlier.has(run2.tags[RECORD_TAGS.commit] ?? "")),
      missing,
      target.head
    );
    const short = target.sha.slice(0, 7);
    const which2 = earlier === void 0 ? `of ${target.branch}` : `before ${short} on ${target.branch}`;
    for (const experiment of missing) {
      const runs2 = newest.get(experiment);
      const commit = runs2?.[0]?.tags[RECORD_TAGS.commit];
      if (runs2 === void 0 || commit === void 0) {
        const where = earlier === void 0 ? `on ${target.branch}` : `on ${target.branch} for ${short} or before it`;
        result.notices.push(
          `MLflow has no run of ${experiment} ${where} (experiment ${JSON.stringify(request.experimentName)}), so it has no baseline`
        );
        continue;
      }
      chosen.set(
        experiment,
        runs2.filter((run2) => run2.tags[RECORD_TAGS.commit] === commit)
      );
      result.notices.push(
        `the baseline of ${experiment} comes from MLflow: commit ${commit.slice(0, 7)}, the newest ${which2} with a run (commit ${short} has none)`
      );
    }
  }
  for (const experiment of request.experiments) {
    for (const run2 of chosen.get(experiment) ?? []) result.records.push(recordFromMlflowRun(run2, target));
  }
  result.sha = result.records[0]?.provenance.sha;
  result.url = result.records[0]?.mlflow?.url;
  result.requests = client.requests - before;
  return result;
}
function usable(runs2, experiments, head) {
  const wanted = new Set(experiments);
  const found = /* @__PURE__ */ new Map();
  for (const run2 of runs2) {
    const experiment = run2.tags[RECORD_TAGS.experiment];
    if (experiment === void 0 || !wanted.has(experiment)) continue;
    if (run2.tags[RECORD_TAGS.commit] === head) continue;
    if (!USABLE.has(run2.tags[RECORD_TAGS.recordStatus] ?? "")) continue;
    if (run2.tags[RECORD_TAGS.event] === "pull_request" || run2.tags[RECORD_TAGS.event] === "pull_request_target")
      continue;
    const list2 = found.get(experiment) ?? [];
    list2.push(run2);
    found.set(experiment, list2);
  }
  return found;
}
function recordFromMlflowRun(run2, target) {
  const tags = run2.tags;
  const replicate = parseReplicate(tags[RECORD_TAGS.replicate]);
  const status = tags[RECORD_TAGS.recordStatus];
  const branch = tags[RECORD_TAGS.branch] ?? "";
  const started = run2.startTime ?? 0;
  const finished = run2.endTime !== void 0 && run2.endTime > 0 ? run2.endTime : started;
  const metrics = {};
  for (const [key, metric] of Object.entries(run2.metrics)) setOwnEntry(metrics, key, { value: metric.value });
  return {
    schema: RUN_RECORD_SCHEMA,
    version: RUN_RECORD_VERSION,
    runId: `mlflow-${run2.runId}`,
    experiment: tags[RECORD_TAGS.experiment] ?? run2.runName ?? run2.runId,
    ...replicate === void 0 ? {} : { replicate },
    attempt: Number(tags[RECORD_TAGS.attempt] ?? 1) || 1,
    provenance: outsideProvenance({
      repository: tags[RECORD_TAGS.repository] ?? "",
      serverUrl: target.serverUrl,
      sha: tags[RECORD_TAGS.commit] ?? "",
      ref: `refs/heads/${branch}`,
      branch,
      event: tags[RECORD_TAGS.event] ?? "push"
    }),
    params: run2.params,
    metrics,
    outcome: {
      status: status !== void 0 && USABLE.has(status) ? status : "collected",
      startedAt: new Date(started).toISOString(),
      finishedAt: new Date(finished).toISOString(),
      durationMs: Math.max(0, finished - started)
    },
    inputs: [],
    sources: [run2.url],
    mlflow: { runId: run2.runId, experimentId: run2.experimentId, url: run2.url }
  };
}
function parseReplicate(text2) {
  if (text2 === void 0) return void 0;
  const at = text2.indexOf("=");
  if (at <= 0) return void 0;
  return { key: text2.slice(0, at), value: text2.slice(at + 1) };
}
function mlflowBaselineLookup(tracking, options) {
  return async (commit) => {
    const client = createTrackingClient(tracking, options);
    const found = await findMlflowBaselines(client, {
      experimentName: tracking.experiment,
      experiments: options.experiments,
      target: { ...commit, repository: options.repository, serverUrl: options.serverUrl }
    });
    options.log.info(
      `MLflow baseline: ${found.records.length} run(s) of commit ${commit.sha.slice(0, 7) || "(none)"} or older in experiment ${JSON.stringify(tracking.experiment)}, in ${found.requests} requests`
    );
    return found;
  };
}

// actions/gate/src/settings.ts
function readGateSettings(inputs) {
  const baseline = parseBaselineSpec(inputs.required("baseline"));
  const settings = {
    rules: inputs.optional("rules"),
    rulesFile: inputs.optional("rules-file"),
    run: inputs.list("run"),
    baseline,
    mlflow: readBaselineTracking(inputs, baseline.kind === "mlflow"),
    waitScale: inputs.retryWaitScale(),
    historyBranch: inputs.optional("history-branch"),
    history: inputs.integer("history", { min: 0, max: 1e3 }),
    requireBaseline: inputs.boolean("require-baseline"),
    alpha: inputs.fraction("alpha"),
    token: inputs.secret("github-token"),
    checkName: inputs.optional("check-name"),
    fail: inputs.boolean("fail")
  };
  if (settings.rules === void 0 && settings.rulesFile === void 0) {
    throw new UserError('gate needs rules: set input "rules" or "rules-file"');
  }
  return settings;
}

// actions/gate/src/main.ts
async function run(runner) {
  await runStep(
    { name: "gate", settings: readGateSettings, token: (settings) => settings.token },
    async (step) => {
      const { settings, context, log } = step;
      const rules = await loadRules({ inline: settings.rules, file: settings.rulesFile, workspace: context.workspace });
      const gathered = await gatherRuns({ run: settings.run, context, github: () => step.github(), log });
      const { runs: runs2 } = gathered;
      const experiments = [...new Set(runs2.map((record) => record.experiment))];
      const github = (await step.github())?.client;
      const found = rulesNeedBaseline(rules) ? await findBaselines({
        spec: settings.baseline,
        experiments,
        context,
        github,
        log,
        historyBranch: settings.historyBranch,
        mlflow: settings.mlflow === void 0 ? void 0 : mlflowBaselineLookup(settings.mlflow, {
          experiments,
          repository: context.repository,
          serverUrl: context.serverUrl,
          waitScale: settings.waitScale,
          log
        })
      }) : void 0;
      const notices = found?.notices ?? [];
      const baseline = found?.records;
      const baselineSha = found?.sha;
      const tested = rules.some((rule) => rule.significance !== void 0);
      const historyNoise = await readHistoryNoise({
        github: tested ? github : void 0,
        context,
        branch: settings.historyBranch,
        last: settings.history,
        runs: runs2,
        baseline,
        log
      });
      const judged = evaluateRules(rules, {
        runs: runs2,
        baseline,
        requireBaseline: settings.requireBaseline,
        alpha: settings.alpha,
        historyNoise
      });
      const result = withUnjudgedLegs(judged, unjudgedLegs(gathered));
      const verdict = gateVerdict(result);
      await writeJobGateResult(result, context);
      if (gathered.source === "workflow") {
        await uploadWorkflowGateResult(await step.artifacts(), result, {
          job: context.job,
          runAttempt: context.runAttempt,
          log
        });
      }
      step.setOutput("verdict", verdict);
      step.setOutput("passed", result.passed);
      step.setOutput("results", JSON.stringify(result.results));
      step.setOutput("baseline-sha", baselineSha ?? "");
      const summary2 = renderGateSummary(result, { experiments, baselineSha, notices });
      const ruleTitle = (rule) => experiments.length > 1 && rule.experiment !== void 0 ? `gate: ${rule.rule} (${rule.experiment})` : `gate: ${rule.rule}`;
      step.addSummary(summary2);
      for (const rule of result.results) {
        if (rule.verdict !== "fail" && rule.verdict !== "error") continue;
        const place = { title: ruleTitle(rule) };
        if (settings.rulesFile !== void 0 && settings.rules === void 0) {
          place.file = settings.rulesFile;
          place.line = rule.line;
        }
        log.error(rule.message, place);
      }
      const rulesFromFile = settings.rulesFile !== void 0 && settings.rules === void 0;
      const annotationPath = rulesFromFile ? settings.rulesFile : context.workflowPath;
      const annotations = annotationPath === void 0 ? [] : result.results.filter((rule) => rule.verdict === "fail" || rule.verdict === "error").map((rule) => ({
        path: annotationPath,
        start_line: rulesFromFile ? rule.line : 1,
        end_line: rulesFromFile ? rule.line : 1,
        annotation_level: "failure",
        title: printable2(ruleTitle(rule)).slice(0, 255),
        message: printable2(rule.message)
      }));
      if (github !== void 0 && settings.checkName !== void 0) {
        try {
          const check = await createCheckRun({
            github,
            owner: context.owner,
            repo: context.repo,
            madeBy: "gate",
            // Used as given: branch protection requires a check by name, so nothing run-dependent is appended.
            name: settings.checkName,
            headSha: context.headSha ?? context.sha,
            conclusion: checkConclusion(result),
            title: gateHeadline(result),
            summary: summary2,
            annotations,
            detailsUrl: `${context.serverUrl}/${context.repository}/actions/runs/${context.runId}`
          });
          log.info(`check run created: ${check.url}`);
        } catch (thrown) {
          if (!(context.fromFork && isPermissionRefusal(thrown))) throw thrown;
          log.warning(
            'the check run could not be created: on a pull request from a fork the token is read-only (GitHub answered 403). The gate verdict is in this step and its summary. For a check on fork pull requests, run compare with mode: publish in a workflow_run workflow (see "Pull requests from forks" in the README).'
          );
        }
      }
      if (verdict === "fail" && settings.fail) step.fail(gateHeadline(result));
    },
    runner
  );
}

// actions/gate/src/index.ts
await run();
exitWhenFlushed();
