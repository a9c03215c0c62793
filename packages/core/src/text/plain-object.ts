/**
 * A plain object (a JSON mapping), not an array, date, or other class instance: the one test for
 * "is this a mapping" on data we did not write.
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
