import { expect } from 'vitest';
import type { ActionRun } from '@ml-actions/testkit';

/** A line of a V8 stack trace: `    at fn (file.js:1:2)` or `    at file.js:1:2`. */
const STACK_LINE = /^\s+at (?:.+ \()?(?:file:\/\/|node:|\/).+:\d+(?::\d+)?\)?$/m;

/** True when the text holds a line of a stack trace. */
export function hasStackTrace(text: string): boolean {
  return STACK_LINE.test(text);
}

/**
 * A step that failed the way a user mistake or an outage should: exit code 1, one error annotation
 * of one line, nothing called a bug ("failed unexpectedly"), no stack trace anywhere in the log,
 * and the job summary still written.
 */
export function expectCleanFailure(run: ActionRun): void {
  expect(run.signal, run.log).toBeNull();
  expect(run.exitCode, run.log).toBe(1);
  const errors = run.annotations.filter((annotation) => annotation.level === 'error');
  expect(errors.length, run.log).toBeGreaterThanOrEqual(1);
  for (const error of errors) expect(error.message).not.toContain('\n');
  expect(run.log).not.toContain('failed unexpectedly');
  expect(hasStackTrace(run.log), run.log).toBe(false);
  expect(unexpectedStderr(run.stderr)).toBe('');
  expect(run.summary).toContain('> [!CAUTION]');
}

/**
 * stderr without Node's deprecation warning about `Buffer()`, which a dependency of @actions/artifact
 * (unzip-stream) triggers on every download: it is not ours to fix and carries no stack.
 */
export function unexpectedStderr(stderr: string): string {
  return stderr
    .split('\n')
    .filter(
      (line) =>
        line !== '' &&
        !/^\(node:\d+\) \[DEP0005\] DeprecationWarning: Buffer\(\) is deprecated/.test(line) &&
        line !== '(Use `node --trace-deprecation ...` to show where the warning was created)',
    )
    .join('\n');
}
