import { UserError } from '../errors.ts';
import { lineOfChar } from '../files/utf8-validation.ts';
import { findJsonSyntaxError } from './json-text.ts';
import { isPlainObject } from './plain-object.ts';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const MAX_FREE_FORM_DEPTH = 32;

/**
 * Parses JSON that someone else wrote (a run record, a comparison bundle, a gate result handed
 * between steps, possibly from a fork's artifact). A BOM is dropped; invalid JSON is a UserError
 * naming the source, line and column.
 */
export function parseUntrustedJson(text: string, source: string, what: string): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    const problem = findJsonSyntaxError(text);
    const where = problem === undefined ? { line: 1, column: 1 } : lineOfChar(text, problem.offset);
    throw new UserError(
      `${source}:${where.line}:${where.column}: ${what}: invalid JSON: ${problem?.message ?? 'not strict JSON'}`,
      { file: source, line: where.line, column: where.column },
    );
  }
}

/**
 * Checks of a parsed untrusted document, each narrowing its value's type or throwing a UserError
 * that names the source, what it should be, and the JSON path (`$.metrics["loss"].value`).
 */
export class JsonChecker {
  readonly source: string;
  /** What the document is meant to be, in the message: `invalid run record`. */
  readonly what: string;

  constructor(source: string, what: string) {
    this.source = source;
    this.what = what;
  }

  fail(path: string, message: string): never {
    throw new UserError(`${this.source}: ${this.what}: ${path} ${message}`, { file: this.source });
  }

  show(value: unknown): string {
    if (value === undefined) return 'nothing';
    if (Array.isArray(value)) return 'an array';
    if (value !== null && typeof value === 'object') return 'an object';
    const text = JSON.stringify(value) ?? typeof value;
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
  }

  /**
   * A free-form object, refused when nested deeper than MAX_FREE_FORM_DEPTH: writing it back out
   * must not overflow the stack.
   */
  shallow(value: Record<string, unknown>, path: string): Record<string, unknown> {
    const pending: Array<[unknown, number]> = [[value, 0]];
    while (pending.length > 0) {
      const [node, depth] = pending.pop()!;
      if (typeof node !== 'object' || node === null) continue;
      if (depth >= MAX_FREE_FORM_DEPTH) this.fail(path, `is nested more than ${MAX_FREE_FORM_DEPTH} levels deep`);
      for (const child of Object.values(node)) pending.push([child, depth + 1]);
    }
    return value;
  }

  /** `.name` or `["odd name"]`, for paths. */
  key(name: string): string {
    return IDENTIFIER.test(name) ? `.${name}` : `[${JSON.stringify(name)}]`;
  }

  required(object: Record<string, unknown>, path: string, key: string): unknown {
    const value = Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
    if (value === undefined) this.fail(`${path}${this.key(key)}`, 'is missing');
    return value;
  }

  object(value: unknown, path: string): Record<string, unknown> {
    if (!isPlainObject(value)) this.fail(path, `must be an object (got ${this.show(value)})`);
    return value;
  }

  array(value: unknown, path: string, maxLength = Infinity): unknown[] {
    if (!Array.isArray(value)) this.fail(path, `must be an array (got ${this.show(value)})`);
    if (value.length > maxLength) this.fail(path, `must hold at most ${maxLength} items (got ${value.length})`);
    return value;
  }

  string(value: unknown, path: string, minLength = 0): string {
    if (typeof value !== 'string') this.fail(path, `must be a string (got ${this.show(value)})`);
    if (value.length < minLength) this.fail(path, 'must not be empty');
    return value;
  }

  /** A string matching `pattern`, described for the message (`a commit sha`). */
  matching(value: unknown, path: string, pattern: RegExp, description: string): string {
    const text = this.string(value, path);
    if (!pattern.test(text)) this.fail(path, `must be ${description} (got ${this.show(text)})`);
    return text;
  }

  boolean(value: unknown, path: string): boolean {
    if (typeof value !== 'boolean') this.fail(path, `must be true or false (got ${this.show(value)})`);
    return value;
  }

  /** One of a fixed set of strings. */
  oneOf<T extends string>(value: unknown, path: string, choices: readonly T[]): T {
    if (typeof value !== 'string' || !(choices as readonly string[]).includes(value)) {
      this.fail(path, `must be one of ${choices.join(', ')} (got ${this.show(value)})`);
    }
    return value as T;
  }

  number(value: unknown, path: string, minimum = -Infinity): number {
    if (typeof value !== 'number') this.fail(path, `must be a number (got ${this.show(value)})`);
    if (value < minimum) this.fail(path, `must be at least ${minimum} (got ${value})`);
    return value;
  }

  /** A number greater than zero (JSON Schema's `exclusiveMinimum: 0`). */
  positive(value: unknown, path: string): number {
    if (typeof value !== 'number') this.fail(path, `must be a number (got ${this.show(value)})`);
    if (!(value > 0)) this.fail(path, `must be greater than 0 (got ${value})`);
    return value;
  }

  integer(value: unknown, path: string, minimum: number): number {
    if (typeof value !== 'number' || !Number.isInteger(value))
      this.fail(path, `must be an integer (got ${this.show(value)})`);
    if (value < minimum) this.fail(path, `must be at least ${minimum} (got ${value})`);
    return value;
  }

  metricNumber(value: unknown, path: string): number {
    if (typeof value === 'number') return value;
    if (value === 'NaN') return NaN;
    if (value === 'Infinity') return Infinity;
    if (value === '-Infinity') return -Infinity;
    return this.fail(path, `must be a number or "NaN", "Infinity", "-Infinity" (got ${this.show(value)})`);
  }

  /** An array of metric numbers, converted in place (the array is our own parse result). */
  metricNumbers(value: unknown, path: string): number[] {
    const items = this.array(value, path);
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (typeof item !== 'number') items[i] = this.metricNumber(item, `${path}[${i}]`);
    }
    return items as number[];
  }
}
