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
