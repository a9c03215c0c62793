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
function parseRules(text2, source = "rules") {
  const errors = [];
  const rules = collectRules(text2, source, errors);
  if (errors.length > 0) throw ruleSyntaxErrors(errors);
  return rules;
}
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
function outsideProvenance(fields) {
  return { ...fields, workflow: "", workflowRunId: 0, runAttempt: 1, runNumber: 0, job: "", matrix: {}, runnerOs: "" };
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
    (point) => isPlainObject(point) && typeof point["step"] === "number" && Number.isFinite(point["step"])
  );
}
function trainerStateMetrics(tree) {
  const table = new MetricTable();
  for (const point of tree.log_history) {
    const step = point["step"];
    for (const key of Object.keys(point)) {
      const value = point[key];
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
  const runs2 = [];
  const self = await runInfo(folder);
  if (self !== void 0) return self.deleted ? [] : [self.run];
  for (const child of await subfolders(folder)) {
    const info2 = await runInfo(child);
    if (info2 !== void 0) {
      if (!info2.deleted) runs2.push(info2.run);
      continue;
    }
    const meta = await workspaceChild(child, "meta.yaml");
    if (meta === void 0 || meta.isDirectory) continue;
    for (const grandchild of await subfolders(child)) {
      const inner = await runInfo(grandchild);
      if (inner !== void 0 && !inner.deleted) runs2.push(inner.run);
    }
  }
  return runs2.sort((a, b) => b.startTime - a.startTime || (a.runId < b.runId ? 1 : a.runId > b.runId ? -1 : 0));
}
async function readMlflowRunMetrics(run2) {
  const table = new MetricTable();
  const sources = [];
  const metricsFolder = await workspaceChild(run2, "metrics");
  if (metricsFolder !== void 0 && metricsFolder.isDirectory) {
    for (const file of await listWorkspaceFolder(metricsFolder, { recursive: true })) {
      const key = file.relative.slice(metricsFolder.relative.length + 1);
      await readRunMetricFile(table, key, file);
      sources.push(file.relative);
    }
  }
  return { metrics: table.toMetrics(), sources };
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
  const runs2 = await findMlflowRuns(folder);
  const newest = runs2[0];
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
var NAME2 = /^[A-Za-z0-9](?:[A-Za-z0-9_-]*[A-Za-z0-9])?$/;
var MAX_MODEL_NAME = 100;
function validateModelName(name) {
  if (name.length > MAX_MODEL_NAME) {
    throw new UserError(
      `input name: the model name is ${name.length} characters; at most ${MAX_MODEL_NAME} are accepted (it names a tag, an artifact and a folder)`
    );
  }
  if (!NAME2.test(name)) {
    throw new UserError(
      `input name: ${JSON.stringify(name)} is not a valid model name; use letters, digits, "-" and "_", starting and ending with a letter or digit (GTO's artifact names)`
    );
  }
  return name;
}

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

// packages/core/src/rollout/stage-tags.ts
var STAGE_NAME = /^[a-zA-Z0-9]([a-zA-Z0-9\-/_]*[a-zA-Z0-9])?$/;
function validateStageName(stage, input = "stage") {
  if (!STAGE_NAME.test(stage)) {
    throw new UserError(
      `input "${input}": ${JSON.stringify(stage)} is not a stage name GTO accepts: letters, digits, "-", "_" and "/", starting and ending with a letter or digit`
    );
  }
  return stage;
}
function parseStageTag(tag, name) {
  if (!tag.startsWith(`${name}#`)) return void 0;
  const match = /^(.+?)(!?)#([0-9]+)$/.exec(tag.slice(name.length + 1));
  if (match === null || !STAGE_NAME.test(match[1] ?? "")) return void 0;
  return { tag, stage: match[1] ?? "", unassign: match[2] === "!", counter: Number(match[3]) };
}
function nextStageCounter(tags, name) {
  let highest = 0;
  for (const tag of tags) {
    const parsed = parseStageTag(tag, name);
    if (parsed !== void 0 && parsed.counter > highest) highest = parsed.counter;
  }
  return highest + 1;
}
function assignTagName(name, stage, counter) {
  return `${name}#${stage}#${counter}`;
}
function unassignTagName(name, stage, counter) {
  return `${name}#${stage}!#${counter}`;
}
function assignMessage(name, stage, version) {
  return `Assigning stage ${stage} to artifact ${name} version v${version}`;
}
function unassignMessage(name, stage, version) {
  return `Unassigning stage '${stage}' to artifact '${name}' version 'v${version}'`;
}
function currentStageVersion(events, stage) {
  const active = /* @__PURE__ */ new Map();
  for (const event of [...events].filter((e) => e.stage === stage).sort((a, b) => a.counter - b.counter)) {
    if (event.version === void 0) continue;
    if (event.unassign) active.delete(event.version);
    else active.set(event.version, event.counter);
  }
  let latest;
  for (const entry of active) if (latest === void 0 || entry[1] > latest[1]) latest = entry;
  return latest?.[0];
}

// packages/core/src/rollout/canary-steps.ts
function parseCanarySteps(text2, input = "steps") {
  const parts = text2.split(/[,\s]+/).map((part) => part.trim().replace(/%$/, "")).filter((part) => part !== "");
  if (parts.length === 0)
    throw new UserError(`input "${input}" is empty: give traffic percentages such as 10,25,50,100`);
  const steps = parts.map((part) => {
    if (!/^[0-9]+$/.test(part) || Number(part) < 1 || Number(part) > 100) {
      throw new UserError(`input "${input}": ${JSON.stringify(part)} is not a whole percentage from 1 to 100`);
    }
    return Number(part);
  });
  for (let i = 1; i < steps.length; i++) {
    if (steps[i] <= steps[i - 1]) {
      throw new UserError(`input "${input}": the steps must increase, but ${steps[i]} follows ${steps[i - 1]}`);
    }
  }
  if (steps.at(-1) !== 100) {
    throw new UserError(`input "${input}": the last step must be 100, so that the rollout ends with all traffic`);
  }
  return steps;
}

// packages/core/src/rollout/live-metrics.ts
function checkLiveRules(rules, input = "rules", subject = "a rollout step's metrics") {
  if (rulesNeedBaseline(rules)) {
    throw new UserError(
      `input "${input}": ${subject} have no baseline, so rules may not use \`baseline\` or \`no-drop\``
    );
  }
}
function judgeLiveMetrics(rules, metrics, step) {
  const at = step.at.toISOString();
  const record = {
    schema: RUN_RECORD_SCHEMA,
    version: RUN_RECORD_VERSION,
    runId: `${step.experiment}-${step.at.getTime()}`,
    experiment: step.experiment,
    attempt: 1,
    provenance: outsideProvenance({
      repository: step.repository,
      serverUrl: step.serverUrl,
      sha: step.sha,
      ref: "",
      branch: "",
      event: "deployment"
    }),
    params: {},
    metrics,
    outcome: { status: "collected", startedAt: at, finishedAt: at, durationMs: 0 },
    inputs: [],
    sources: step.sources
  };
  return evaluateRules(rules, { runs: [record], baseline: void 0, requireBaseline: false, alpha: 0.05 });
}

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
  return new Promise((resolve) => {
    setTimeout(resolve, ms);
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
    return value instanceof P ? value : new P(function(resolve) {
      resolve(value);
    });
  }
  return new (P || (P = Promise))(function(resolve, reject) {
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
      result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected);
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
var { chmod, copyFile, lstat: lstat3, mkdir, open: open2, readdir: readdir2, rename, rm, rmdir, stat: stat2, symlink, unlink } = fs2.promises;
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

// packages/github/src/text-artifact.ts
var MAX_ARTIFACT_NAME = 200;
var NOT_IN_ARTIFACT_NAME = new RegExp(`["':<>|*?\\\\/\\p{Cc}\\p{Cs}]|(?!\\u200d)\\p{Cf}`, "gu");
var KEPT_OF_CHANGED_NAME = MAX_ARTIFACT_NAME - 13;

// packages/github/src/model-releases.ts
import { createHash } from "node:crypto";
function statusOf(thrown) {
  const status = thrown?.status;
  if (typeof status !== "number") return void 0;
  if (status === 500 && thrown.response === void 0) return void 0;
  return status;
}
async function releasedPackage(target, tag) {
  let release;
  try {
    release = await target.github.request("GET /repos/{owner}/{repo}/releases/tags/{tag}", {
      owner: target.owner,
      repo: target.repo,
      tag
    });
  } catch (thrown) {
    if (statusOf(thrown) === 404) return void 0;
    throw thrown;
  }
  const manifest = release.data.assets.find((asset) => asset.name === "manifest.json");
  if (manifest === void 0) return { url: release.data.html_url, manifestSha256: void 0, manifest: void 0 };
  const bytes = await target.github.request("GET /repos/{owner}/{repo}/releases/assets/{asset_id}", {
    owner: target.owner,
    repo: target.repo,
    asset_id: manifest.id,
    headers: { accept: "application/octet-stream" }
  });
  const data = bytes.data;
  const buffer = data instanceof ArrayBuffer ? Buffer.from(data) : Buffer.from(typeof data === "string" ? data : JSON.stringify(data));
  return {
    url: release.data.html_url,
    manifestSha256: createHash("sha256").update(buffer).digest("hex"),
    manifest: buffer
  };
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
  return new Promise((resolve, reject) => {
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
      if (stopping === void 0) resolve(result);
      else stopping.then(() => resolve(result), reject);
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

// packages/github/src/model-deployments.ts
var MODEL_DEPLOYMENT_TASK = "deploy:model";
async function createModelDeployment(target, options) {
  const created = await target.github.request("POST /repos/{owner}/{repo}/deployments", {
    owner: target.owner,
    repo: target.repo,
    ref: options.ref,
    task: MODEL_DEPLOYMENT_TASK,
    environment: options.environment,
    description: options.description,
    payload: { ...options.payload },
    auto_merge: false,
    // The version was judged before it was packaged; the commit's checks are not this deployment's.
    required_contexts: [],
    production_environment: options.environment === "production"
  });
  const id = created.data.id;
  if (typeof id !== "number") throw new Error(`GitHub made no deployment of ${options.ref} (status ${created.status})`);
  return id;
}
async function setDeploymentStatus(target, id, status) {
  await target.github.request("POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses", {
    owner: target.owner,
    repo: target.repo,
    deployment_id: id,
    state: status.state,
    // GitHub keeps at most 140 characters of a status description.
    description: status.description.slice(0, 140),
    ...status.environmentUrl === void 0 ? {} : { environment_url: status.environmentUrl },
    ...status.logUrl === void 0 ? {} : { log_url: status.logUrl }
  });
}
async function runningModelDeployments(target, model, environment) {
  const listed = await target.github.request("GET /repos/{owner}/{repo}/deployments", {
    owner: target.owner,
    repo: target.repo,
    environment,
    task: MODEL_DEPLOYMENT_TASK,
    per_page: 30
  });
  const running = [];
  for (const deployment of listed.data) {
    const payload = deployment.payload;
    if (typeof payload !== "object" || payload.model !== model) continue;
    const id = Number(deployment.id);
    const statuses = await target.github.request("GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses", {
      owner: target.owner,
      repo: target.repo,
      deployment_id: id,
      per_page: 1
    });
    const state = statuses.data[0]?.state ?? "pending";
    if (state === "queued" || state === "pending" || state === "in_progress") {
      running.push({
        id,
        description: deployment.description ?? "",
        state,
        creator: deployment.creator?.login ?? "someone",
        workflowRun: typeof payload.workflowRun === "number" ? payload.workflowRun : void 0
      });
    }
  }
  return running;
}

// packages/github/src/stage-assignments.ts
async function readModelTags(target, name) {
  const [versionTags, stageTags] = await Promise.all([
    tagsWithCommits(target, `${name}@v`),
    tagsWithCommits(target, `${name}#`)
  ]);
  const versions = versionTags.map(({ tag, commit }) => ({ version: tag.slice(name.length + 2), tag, commit })).filter((entry) => /^[0-9]/.test(entry.version));
  const stageEvents = [];
  for (const { tag, commit } of stageTags) {
    const parsed = parseStageTag(tag, name);
    if (parsed === void 0) continue;
    stageEvents.push({ ...parsed, commit, version: versions.find((v) => v.commit === commit)?.version });
  }
  stageEvents.sort((a, b) => a.counter - b.counter);
  return {
    versions,
    stageEvents,
    nextCounter: nextStageCounter(
      stageTags.map((t) => t.tag),
      name
    )
  };
}
async function writeStageTag(target, options) {
  const { name, stage, version, counter } = options;
  const tag = options.unassign ? unassignTagName(name, stage, counter) : assignTagName(name, stage, counter);
  const message = options.unassign ? unassignMessage(name, stage, version) : assignMessage(name, stage, version);
  return { tag, created: await createTag(target, tag, options.commit, message) };
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
  return new Promise((resolve) => {
    setTimeout(resolve, ms);
  });
}

// packages/mlflow/src/answer-fields.ts
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
function keyValues(value, name) {
  const map = /* @__PURE__ */ new Map();
  for (const entry of list(value, name)) {
    const key = text(entry, "key");
    const found = text(entry, "value");
    if (key !== void 0) map.set(key, found ?? "");
  }
  return map;
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
async function aliasPackagedVersion(client, request) {
  const answer = await client.get("model-versions/search", {
    filter: `name = ${filterValue(request.registeredName, "the registered model name")} and tags.\`ml-actions.version\` = ${filterValue(request.version, "the version")}`,
    max_results: 50
  });
  let found;
  for (const entry of list(answer, "model_versions")) {
    const tags = keyValues(entry, "tags");
    if (tags.get("ml-actions.version") === request.version && tags.get("ml-actions.package") === request.packageName) {
      found = text(entry, "version");
    }
  }
  if (found === void 0) return void 0;
  await client.post("registered-models/alias", { name: request.registeredName, alias: request.alias, version: found });
  return { version: found, url: modelVersionUrl(client.connection, request.registeredName, found) };
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

// actions/promote/src/rollout.ts
async function rollOut(traffic, io) {
  const steps = [];
  for (const [position, percent] of traffic.entries()) {
    const startedAt = /* @__PURE__ */ new Date();
    const step = (verdict, detail) => ({
      index: position + 1,
      traffic: percent,
      verdict,
      detail,
      startedAt,
      finishedAt: /* @__PURE__ */ new Date()
    });
    let failure;
    let passedDetail = "command succeeded";
    try {
      const outcome = await io.deploy(percent);
      if (outcome.timedOut) failure = `the command ran past timeout-minutes and was stopped`;
      else if (outcome.exitCode !== 0) failure = `the command exited with code ${outcome.exitCode}`;
      if (failure === void 0) {
        await io.bake();
        const judged = await io.judge(position + 1);
        if (judged !== void 0) {
          const failed = judged.results.filter((rule) => rule.verdict === "fail" || rule.verdict === "error");
          if (failed.length > 0) failure = failed.map((rule) => rule.message).join("; ");
          else passedDetail = `${judged.results.length} ${judged.results.length === 1 ? "rule" : "rules"} passed`;
        }
      }
    } catch (thrown) {
      failure = errorMessage(thrown);
    }
    const done = failure === void 0 ? step("passed", passedDetail) : step("failed", failure);
    steps.push(done);
    await io.progress(done, failure !== void 0 || position === traffic.length - 1);
    if (failure !== void 0) return { steps, stopped: `step ${done.index} (${percent} %): ${failure}` };
  }
  return { steps, stopped: void 0 };
}

// actions/promote/src/settings.ts
var STRATEGIES = ["direct", "canary"];
function readPromoteSettings(inputs) {
  const version = inputs.required("version").replace(/^v(?=[0-9])/, "");
  if (version !== "latest" && parseSemver(version) === void 0) {
    throw new UserError(`input "version": ${JSON.stringify(version)} is neither \`latest\` nor a semantic version`);
  }
  const strategy = inputs.choice("strategy", STRATEGIES);
  const stepsText = inputs.optional("steps");
  if (strategy === "direct" && stepsText !== void 0) {
    throw new UserError('input "steps" is for `strategy: canary`; a direct rollout goes to 100 % at once');
  }
  const rulesText = inputs.optional("rules");
  const rules = rulesText === void 0 ? [] : parseRules(rulesText, 'input "rules"');
  checkLiveRules(rules);
  const metrics = inputs.list("metrics");
  if (rules.length > 0 && metrics.length === 0) {
    throw new UserError('input "rules" needs input "metrics": the files the rules judge after each step');
  }
  const name = validateModelName(inputs.required("name"));
  const stage = validateStageName(inputs.required("stage"));
  const tracking = readTrackingSettings(inputs);
  const registeredName = inputs.optional("mlflow-register") ?? name;
  if (tracking !== void 0) {
    if (!/^[A-Za-z0-9_-]{1,255}$/.test(stage)) {
      throw new UserError(
        `input "stage": ${JSON.stringify(stage)} names the MLflow alias too, which takes only letters, digits, _ and -`
      );
    }
    checkRegistryNames(registeredName, stage, { name: "mlflow-register", alias: "stage" });
  }
  return {
    name,
    version,
    stage,
    strategy,
    steps: strategy === "direct" ? [100] : parseCanarySteps(stepsText ?? "10,25,50,100"),
    command: inputs.required("command"),
    timeoutMinutes: inputs.optionalInteger("timeout-minutes", { min: 1, max: 360 }),
    waitSeconds: inputs.integer("wait-seconds", { min: 0, max: 3600 }),
    metrics,
    rules,
    rollback: inputs.boolean("rollback"),
    environmentUrl: inputs.optionalUrl("environment-url"),
    mlflow: tracking === void 0 ? void 0 : { tracking, registeredName },
    token: inputs.secret("github-token"),
    waitScale: inputs.retryWaitScale()
  };
}

// actions/promote/src/main.ts
async function run(runner) {
  await runStep(
    { name: "promote", settings: readPromoteSettings, token: (settings) => settings.token },
    async (step) => {
      const outputs = { version: "", "previous-version": "", "deployment-id": "", "rolled-back": "false" };
      try {
        await promote(step, outputs);
      } finally {
        for (const [name, value] of Object.entries(outputs)) step.setOutput(name, value);
      }
    },
    runner
  );
}
async function promote(step, outputs) {
  const { settings, context, log } = step;
  const { name, stage } = settings;
  const github = (await step.requireGitHub("it reads the versions and stage tags and records the deployment")).client;
  const target = { github, owner: context.owner, repo: context.repo };
  const tags = await readModelTags(target, name);
  const chosen = chooseVersion(tags, name, settings.version);
  outputs.version = chosen.version;
  const running = await runningModelDeployments(target, name, stage);
  const others = running.filter((deployment) => deployment.workflowRun !== context.runId);
  if (others.length > 0) {
    const [first] = others;
    throw new UserError(
      `another promotion of ${name} to ${stage} is in progress: deployment ${first.id} (${first.description || first.state}, by ${first.creator}); run this one when it has finished, or give both jobs one concurrency group`
    );
  }
  for (const left of running) {
    await setDeploymentStatus(target, left.id, {
      state: "error",
      description: `superseded by attempt ${context.runAttempt} of the same workflow run`
    });
  }
  let previous = currentStageVersion(tags.stageEvents, stage);
  if (previous === chosen.version && running.length > 0) {
    const lastOwn = Math.max(
      ...tags.stageEvents.filter((e) => e.stage === stage && e.version === chosen.version && !e.unassign).map((e) => e.counter)
    );
    previous = currentStageVersion(
      tags.stageEvents.filter((e) => e.counter < lastOwn),
      stage
    );
  } else if (previous === chosen.version) {
    outputs["previous-version"] = previous;
    log.info(`${name} v${chosen.version} is in ${stage} already; nothing to do`);
    step.addSummary(
      `### ML promote: ${escapeInline(name)} v${chosen.version} to ${escapeInline(stage)}

\`v${chosen.version}\` is in \`${escapeInline(stage)}\` already (GTO tags); nothing was run or recorded.
`
    );
    return;
  }
  outputs["previous-version"] = previous ?? "";
  const previousLocated = previous === void 0 ? void 0 : await locate(target, tags, previous, context);
  const located = await locate(target, tags, chosen.version, context);
  const assigned = await writeStageTag(target, {
    name,
    stage,
    version: located.version,
    commit: located.commit,
    counter: tags.nextCounter
  });
  if (!assigned.created) {
    throw new UserError(
      `another promotion of ${name} wrote ${assigned.tag} first; its rollout is under way: run this one again when it has finished`
    );
  }
  log.info(`${assigned.tag}: ${stage} assigned to v${located.version}`);
  const logUrl = `${context.serverUrl}/${context.repository}/actions/runs/${context.runId}`;
  const deploymentId = await createModelDeployment(target, {
    ref: located.tag,
    environment: stage,
    description: `${name} v${located.version} (${settings.strategy})`,
    payload: {
      model: name,
      version: located.version,
      digest: located.digest,
      uri: located.uri,
      workflowRun: context.runId,
      ...previous === void 0 ? {} : { previous }
    }
  });
  outputs["deployment-id"] = String(deploymentId);
  const status = (state, description, id = deploymentId) => setDeploymentStatus(target, id, {
    state,
    description,
    logUrl,
    ...settings.environmentUrl === void 0 ? {} : { environmentUrl: settings.environmentUrl }
  });
  await status("in_progress", describeStep(settings, settings.steps[0] ?? 100, "starting"));
  const deploy = async (which2, traffic, rollback) => log.group(
    `${rollback ? "Rollback" : "Deploy"}: ${name} v${which2.version} at ${traffic} %`,
    () => runUserCommand(settings.command, context.workspace, {
      timeoutMs: settings.timeoutMinutes === void 0 ? void 0 : settings.timeoutMinutes * 6e4,
      env: {
        MODEL_NAME: name,
        MODEL_VERSION: which2.version,
        MODEL_URI: which2.uri,
        MODEL_DIGEST: which2.digest,
        STAGE: stage,
        TRAFFIC_PERCENT: String(traffic),
        PREVIOUS_VERSION: rollback ? located.version : previous ?? "",
        ROLLBACK: String(rollback)
      }
    })
  );
  const result = await rollOut(settings.steps, {
    deploy: (traffic) => deploy(located, traffic, false),
    bake: () => new Promise((wake) => setTimeout(wake, settings.waitSeconds * 1e3)),
    judge: async (index) => {
      if (settings.rules.length === 0) return void 0;
      const where = { workspace: context.workspace, cwd: context.workspace };
      const { metrics, sources } = await collectMetrics(settings.metrics, where);
      return judgeLiveMetrics(settings.rules, metrics, {
        experiment: `${name}-${stage}-step-${index}`,
        sources,
        at: /* @__PURE__ */ new Date(),
        repository: context.repository,
        serverUrl: context.serverUrl,
        sha: located.commit
      });
    },
    progress: async (done, last) => {
      log.info(`step ${done.index} at ${done.traffic} %: ${done.verdict} (${done.detail})`);
      if (done.verdict === "failed") await status("failure", `stopped at ${done.traffic} %: ${done.detail}`);
      else if (last) await status("success", `v${located.version} at 100 %`);
      else await status("in_progress", describeStep(settings, done.traffic, "passed"));
    }
  });
  const notes = [];
  if (result.stopped === void 0) {
    notes.push(
      `\`v${located.version}\` is in \`${escapeInline(stage)}\` (${assigned.tag}, deployment ${deploymentId}).`
    );
    await moveAlias(located.version);
  } else {
    let rolledBack;
    if (settings.rollback && previousLocated !== void 0) {
      rolledBack = await rollBack();
    } else if (settings.rollback) {
      const taken = await writeStageTag(target, {
        name,
        stage,
        version: located.version,
        commit: located.commit,
        counter: (await readModelTags(target, name)).nextCounter,
        unassign: true
      });
      rolledBack = `; no earlier version was in ${stage} to roll back to, so ${taken.tag} takes the stage back from v${located.version}`;
    } else {
      rolledBack = `; input rollback is false, so v${located.version} stays where the rollout stopped`;
    }
    notes.push(`Stopped at ${escapeInline(result.stopped)}${escapeInline(rolledBack)}.`);
    step.fail(`the rollout of ${name} v${located.version} to ${stage} stopped at ${result.stopped}${rolledBack}`);
  }
  step.addSummary(renderTimeline(settings, located, previous, result.steps, notes));
  async function moveAlias(version) {
    if (settings.mlflow === void 0) return;
    const { tracking, registeredName } = settings.mlflow;
    try {
      const client = createTrackingClient(tracking, { waitScale: settings.waitScale, log });
      const moved = await aliasPackagedVersion(client, { registeredName, packageName: name, version, alias: stage });
      notes.push(
        moved === void 0 ? `MLflow: ${escapeInline(registeredName)} has no version that package registered for v${version}; alias \`${escapeInline(stage)}\` not moved.` : `MLflow: alias \`${escapeInline(stage)}\` of ${escapeInline(registeredName)} points at version ${moved.version} (v${version}).`
      );
    } catch (thrown) {
      const message = errorMessage(thrown);
      notes.push(`MLflow alias not moved: ${escapeInline(message)}`);
      step.fail(`${name} v${version} is in ${stage}, but pointing the MLflow alias ${stage} at it failed: ${message}`);
    }
  }
  async function rollBack() {
    const back = previousLocated;
    const startedAt = /* @__PURE__ */ new Date();
    let outcome;
    try {
      outcome = await deploy(back, 100, true);
    } catch (thrown) {
      outcome = { exitCode: -1, timedOut: false, error: errorMessage(thrown) };
    }
    const failed = outcome.exitCode !== 0 || outcome.timedOut;
    result.steps.push({
      index: result.steps.length + 1,
      traffic: 100,
      verdict: failed ? "failed" : "passed",
      detail: failed ? `rollback to v${back.version}: the command failed` : `rollback to v${back.version}`,
      startedAt,
      finishedAt: /* @__PURE__ */ new Date()
    });
    if (failed)
      return `; the rollback to v${back.version} failed too (exit ${outcome.exitCode}): ${stage} needs a hand`;
    const counter = (await readModelTags(target, name)).nextCounter;
    const taken = await writeStageTag(target, {
      name,
      stage,
      version: located.version,
      commit: located.commit,
      counter,
      unassign: true
    });
    const given = await writeStageTag(target, {
      name,
      stage,
      version: back.version,
      commit: back.commit,
      counter: counter + 1
    });
    const restored = await createModelDeployment(target, {
      ref: back.tag,
      environment: stage,
      description: `${name} v${back.version} (rollback from v${located.version})`,
      payload: {
        model: name,
        version: back.version,
        digest: back.digest,
        uri: back.uri,
        workflowRun: context.runId,
        rollbackOf: located.version
      }
    });
    await status("success", `v${back.version} at 100 %, rolled back from v${located.version}`, restored);
    outputs["rolled-back"] = "true";
    await moveAlias(back.version);
    return `; rolled back to v${back.version} (${taken.tag}, ${given.tag}, deployment ${restored})`;
  }
}
function chooseVersion(tags, name, wanted) {
  if (wanted === "latest") {
    const releases = tags.versions.filter((entry) => (parseSemver(entry.version)?.prerelease.length ?? 1) === 0);
    const highest = releases.sort((a, b) => compareSemver(parseSemver(b.version), parseSemver(a.version)))[0];
    if (highest === void 0) {
      throw new UserError(
        `${name} has no registered version (no tag ${name}@v<version>): package it with tag: true first`
      );
    }
    return highest;
  }
  const found = tags.versions.find((entry) => entry.version === wanted);
  if (found === void 0) {
    const known = tags.versions.map((entry) => `v${entry.version}`).slice(-5);
    throw new UserError(
      `input "version": ${name} v${wanted} was never registered (no tag ${name}@v${wanted})${known.length > 0 ? `; registered: ${known.join(", ")}` : ""}`
    );
  }
  return found;
}
async function locate(target, tags, version, context) {
  const entry = tags.versions.find((candidate) => candidate.version === version);
  if (entry === void 0) throw new Error(`no tag for version ${version}`);
  const released = await releasedPackage(target, entry.tag);
  return {
    version,
    tag: entry.tag,
    commit: entry.commit,
    // Without a release, the tag's tree is the version's durable address.
    uri: released?.url ?? `${context.serverUrl}/${context.repository}/tree/${encodeURIComponent(entry.tag)}`,
    digest: released?.manifestSha256 === void 0 ? "" : `sha256:${released.manifestSha256}`
  };
}
function describeStep(settings, traffic, what) {
  return settings.strategy === "canary" ? `canary ${traffic} %: ${what}` : `direct ${traffic} %: ${what}`;
}
function renderTimeline(settings, located, previous, steps, notes) {
  const lines = [
    `### ML promote: ${escapeInline(settings.name)} v${located.version} to ${escapeInline(settings.stage)}`,
    "",
    `${settings.strategy === "canary" ? `Canary ${settings.steps.join(" \u2192 ")} %` : "Direct"}; previous version in the stage: ${previous === void 0 ? "none" : `\`v${previous}\``}. Package: ${located.uri}${located.digest === "" ? "" : ` (\`${located.digest}\`)`}.`,
    "",
    "| Step | Traffic | Verdict | Time (UTC) | Detail |",
    "| ---: | ---: | --- | --- | --- |",
    ...steps.map(
      (s) => `| ${s.index} | ${s.traffic} % | ${s.verdict === "passed" ? "\u2705 passed" : "\u274C failed"} | ${s.startedAt.toISOString().slice(11, 19)} to ${s.finishedAt.toISOString().slice(11, 19)} | ${escapeCell(s.detail)} |`
    ),
    "",
    ...notes.flatMap((note) => [note, ""])
  ];
  return lines.join("\n");
}

// actions/promote/src/index.ts
await run();
exitWhenFlushed();
