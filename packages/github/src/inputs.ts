import * as core from '@actions/core';
import { UserError } from '@ml-actions/core';

/** Typed readers over the step's inputs; every mistake is a UserError naming the input. */

/** A required input, trimmed; missing or blank is a user error. */
export function requiredInput(name: string): string {
  const value = core.getInput(name).trim();
  if (value === '') throw new UserError(`input "${name}" is required`);
  return value;
}

/** An optional input, trimmed; blank reads as undefined. */
export function optionalInput(name: string): string | undefined {
  const value = core.getInput(name).trim();
  return value === '' ? undefined : value;
}

/** A boolean input as YAML 1.2 core schema says (true/True/TRUE/false/False/FALSE); anything else is refused. */
export function booleanInput(name: string, fallback: boolean): boolean {
  if (core.getInput(name).trim() === '') return fallback;
  try {
    return core.getBooleanInput(name);
  } catch {
    throw new UserError(`input "${name}" must be true or false, got "${core.getInput(name).trim()}"`);
  }
}

/** Non-empty, trimmed lines of a multi-line input; `#` comment lines are dropped. */
export function listInput(name: string): string[] {
  return core
    .getInput(name)
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/** One of a fixed set of words. */
export function choiceInput<T extends string>(name: string, choices: readonly T[], fallback: T): T {
  const value = optionalInput(name);
  if (value === undefined) return fallback;
  if ((choices as readonly string[]).includes(value)) return value as T;
  throw new UserError(`input "${name}" must be one of ${choices.join(', ')}, got "${value}"`);
}

/** An integer within bounds. */
export function integerInput(name: string, fallback: number, bounds: { min: number; max: number }): number {
  const value = optionalInput(name);
  if (value === undefined) return fallback;
  if (!/^-?\d+$/.test(value)) throw new UserError(`input "${name}" must be an integer, got "${value}"`);
  const parsed = Number(value);
  if (parsed < bounds.min || parsed > bounds.max) {
    throw new UserError(`input "${name}" must be between ${bounds.min} and ${bounds.max}, got ${parsed}`);
  }
  return parsed;
}

/** A token input, masked in the log before anything else can print it. */
export function secretInput(name: string): string | undefined {
  const value = optionalInput(name);
  if (value !== undefined) core.setSecret(value);
  return value;
}
