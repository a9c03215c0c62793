/**
 * Sets `record[key]` as an own enumerable property even when the key is "__proto__", which plain
 * assignment would turn into a prototype change. Keys here come from users' files.
 */
export function setOwnEntry<T>(record: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__') {
    Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    record[key] = value;
  }
}

/** A plain record from a Map, safe for any key. */
export function recordFromMap<T>(map: ReadonlyMap<string, T>): Record<string, T> {
  const record: Record<string, T> = {};
  for (const [key, value] of map) setOwnEntry(record, key, value);
  return record;
}
