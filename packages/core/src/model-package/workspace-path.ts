/**
 * Private path checks for model file selection. A stand-in until `src/files/` (workspace path
 * safety) lands; the model package only needs "is this path inside that folder" and posix paths.
 */
import path from 'node:path';

/** True when `candidate` is `root` itself or below it (both absolute, compared lexically). */
export function isInside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

/** A relative path with `/` separators, as manifests and SHA256SUMS list them. */
export function toPosix(relative: string): string {
  return path.sep === '/' ? relative : relative.split(path.sep).join('/');
}

/**
 * True for a relative posix path that stays where it is put: no empty, `.` or `..` segments,
 * no leading `/`. Guards every write into the staging folder.
 */
export function isSafeRelativePath(relative: string): boolean {
  if (relative === '' || relative.startsWith('/') || relative.includes('\\')) return false;
  return relative.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}
