import { UserError, safeUrl } from '@ml-actions/core';
import { retryWaitScale } from './github-client.ts';
import type { Runner } from './runner.ts';

/**
 * Typed readers over a step's inputs; every mistake is a UserError naming the input. Defaults live
 * in action.yml, which the runner applies: a blank value here was given blank on purpose.
 */
export class ActionInputs {
  private readonly runner: Pick<Runner, 'input' | 'setSecret'> & Partial<Pick<Runner, 'env'>>;

  constructor(runner: Pick<Runner, 'input' | 'setSecret'> & Partial<Pick<Runner, 'env'>>) {
    this.runner = runner;
  }

  /**
   * A variable of the step's environment, trimmed; blank reads as undefined. For settings whose
   * tools take them from the environment (MLFLOW_TRACKING_URI), which an input default cannot name.
   */
  environment(name: string): string | undefined {
    const value = this.runner.env?.[name]?.trim() ?? '';
    return value === '' ? undefined : value;
  }

  /**
   * The factor the step's retry waits are scaled by (ML_ACTIONS_RETRY_WAIT_SCALE, as `retryWaitScale`
   * reads it), for clients other than the GitHub one that wait the same way.
   */
  retryWaitScale(): number {
    return retryWaitScale(this.runner.env ?? {});
  }

  /** Masks a value (a token from the environment) in every later log line. */
  mask(value: string): void {
    this.runner.setSecret(value);
  }

  /** The input trimmed; blank reads as undefined. */
  optional(name: string): string | undefined {
    const value = this.runner.input(name).trim();
    return value === '' ? undefined : value;
  }

  /** The input trimmed; missing or blank is a user error. */
  required(name: string): string {
    const value = this.optional(name);
    if (value === undefined) throw new UserError(`input "${name}" is required`);
    return value;
  }

  /** A boolean as YAML 1.2's core schema writes it (true/True/TRUE/false/False/FALSE); anything else is refused. */
  boolean(name: string): boolean {
    const value = this.optional(name) ?? '';
    if (['true', 'True', 'TRUE'].includes(value)) return true;
    if (['false', 'False', 'FALSE'].includes(value)) return false;
    throw new UserError(
      `input "${name}" must be true or false, got ${value === '' ? 'an empty value' : JSON.stringify(value)}`,
    );
  }

  /** Non-empty, trimmed lines of a multi-line input; `#` comment lines are dropped. */
  list(name: string): string[] {
    return this.runner
      .input(name)
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'));
  }

  /** One of a fixed set of words. */
  choice<T extends string>(name: string, choices: readonly T[]): T {
    const value = this.optional(name) ?? '';
    if ((choices as readonly string[]).includes(value)) return value as T;
    throw new UserError(`input "${name}" must be one of ${choices.join(', ')}, got ${JSON.stringify(value)}`);
  }

  /** An integer within bounds. */
  integer(name: string, bounds: { min: number; max: number }): number {
    const value = this.optional(name) ?? '';
    if (!/^-?\d+$/.test(value)) {
      throw new UserError(`input "${name}" must be an integer, got ${value === '' ? 'an empty value' : `"${value}"`}`);
    }
    const parsed = Number(value);
    if (parsed < bounds.min || parsed > bounds.max) {
      throw new UserError(`input "${name}" must be between ${bounds.min} and ${bounds.max}, got ${parsed}`);
    }
    return parsed;
  }

  /** A decimal number strictly between 0 and 1, such as a significance level (0.05, 5e-2). */
  fraction(name: string): number {
    const value = this.optional(name) ?? '';
    const parsed = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/.test(value) ? Number(value) : Number.NaN;
    if (!(parsed > 0 && parsed < 1)) {
      const got = value === '' ? 'an empty value' : `"${value}"`;
      throw new UserError(`input "${name}" must be a number between 0 and 1, both excluded (such as 0.05), got ${got}`);
    }
    return parsed;
  }

  /** An integer within bounds, or undefined when blank. */
  optionalInteger(name: string, bounds: { min: number; max: number }): number | undefined {
    return this.optional(name) === undefined ? undefined : this.integer(name, bounds);
  }

  /** An http(s) address, or undefined when blank. */
  optionalUrl(name: string): string | undefined {
    const value = this.optional(name);
    if (value === undefined) return undefined;
    if (safeUrl(value) === undefined) {
      throw new UserError(`input "${name}" must be an http(s) address, got ${JSON.stringify(value)}`);
    }
    return value;
  }

  /** A token, masked in the log before anything else can print it; undefined when blank. */
  secret(name: string): string | undefined {
    const value = this.optional(name);
    if (value !== undefined) this.runner.setSecret(value);
    return value;
  }
}
