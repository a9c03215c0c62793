/**
 * Globs over names (metric and param names, not paths): `*` is any run of characters, `/` and
 * `.` included, `?` one character, everything else itself; case is ignored, as names are
 * written `Accuracy` in one tool and `accuracy` in the next.
 */

/** The expression matching the whole of a name against `pattern`. */
export function nameGlob(pattern: string): RegExp {
  const source = pattern
    .trim()
    .split('')
    .map((char) => (char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, 'is');
}

/** Whether `name` matches any of `patterns`, each compiled once by the caller. */
export function matchesAny(name: string, patterns: readonly RegExp[]): boolean {
  for (const pattern of patterns) if (pattern.test(name)) return true;
  return false;
}
