/**
 * A mistake in what the user gave us (an input, a file, a rule), as opposed to a bug.
 * Its message is shown as is, without a stack trace; `file` and `line` become an annotation.
 */
export class UserError extends Error {
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;

  constructor(message: string, where: { file?: string; line?: number; column?: number } = {}) {
    super(message);
    this.name = 'UserError';
    this.file = where.file;
    this.line = where.line;
    this.column = where.column;
  }
}

/**
 * Several mistakes found at once (every syntax error of a rules file), so that one run shows them
 * all. The message holds each in turn; `file`, `line` and `column` are those of the first.
 */
export class UserErrors extends UserError {
  readonly errors: readonly UserError[];

  constructor(errors: readonly UserError[], more = '') {
    const first = errors[0]!;
    super([...errors.map((e) => e.message), ...(more === '' ? [] : [more])].join('\n'), {
      ...(first.file === undefined ? {} : { file: first.file }),
      ...(first.line === undefined ? {} : { line: first.line }),
      ...(first.column === undefined ? {} : { column: first.column }),
    });
    this.name = 'UserErrors';
    this.errors = errors;
  }
}

/** The message of anything thrown, whether an Error, a string or something stranger. */
export function errorMessage(thrown: unknown): string {
  if (thrown instanceof Error) return thrown.message || thrown.name;
  if (typeof thrown === 'string') return thrown;
  try {
    const text = JSON.stringify(thrown);
    if (text !== undefined) return text;
  } catch {
    // fall through: circular or otherwise unserialisable
  }
  return String(thrown);
}
