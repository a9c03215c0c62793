import { UserError } from '../errors.ts';

/**
 * A UserError about a user's file, with the position in the message as well as in `where`,
 * since the message is what a person reads and `where` is what becomes an annotation.
 */
export function fileError(file: string, message: string, line?: number, column?: number): UserError {
  const position = line === undefined ? '' : column === undefined ? `:${line}` : `:${line}:${column}`;
  const where: { file: string; line?: number; column?: number } = { file };
  if (line !== undefined) where.line = line;
  if (column !== undefined) where.column = column;
  return new UserError(`${file}${position}: ${message}`, where);
}
