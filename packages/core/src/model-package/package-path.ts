/** Path checks for what goes into a model package. */

/**
 * True for a relative posix path that stays where it is put: no empty, `.` or `..` segments,
 * no leading `/`. Guards every write into the staging folder.
 */
export function isSafeRelativePath(relative: string): boolean {
  if (relative === '' || relative.startsWith('/') || relative.includes('\\')) return false;
  return relative.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}
