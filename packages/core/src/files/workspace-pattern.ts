import { glob, lstat } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../errors.ts';
import { isInsideFolder, resolveWorkspacePath, type WorkspaceOptions, type WorkspacePath } from './workspace-path.ts';

const GLOB_MAGIC = /[*?[\]{}]/;

/** True when a pattern has glob syntax (`*`, `?`, `[...]`, `{a,b}`) rather than naming one path. */
export function isGlobPattern(pattern: string): boolean {
  return GLOB_MAGIC.test(pattern);
}

/**
 * The files and folders one user pattern names, all inside the workspace, sorted by path:
 * an existing path names itself (even if it contains glob characters); otherwise a glob is
 * expanded with `fs.promises.glob` from `cwd`. A pattern that matches nothing is a UserError
 * naming it; so is any match outside the workspace (see `resolveWorkspacePath`).
 */
export async function expandWorkspacePattern(
  pattern: string,
  options: WorkspaceOptions,
  label = 'path',
): Promise<WorkspacePath[]> {
  const trimmed = pattern.trim();
  if (trimmed === '') throw new UserError(`empty ${label} pattern`);
  const workspace = path.resolve(options.workspace);
  const cwd = path.resolve(workspace, options.cwd);
  const literal = path.resolve(cwd, trimmed);
  const exists = await lstat(literal).then(
    () => true,
    () => false,
  );
  if (exists || !isGlobPattern(trimmed)) return [await resolveWorkspacePath(trimmed, options, label)];

  // Refuse a glob whose fixed part already lies outside, before walking anything there.
  const segments = trimmed.split(/[\\/]/);
  const firstMagic = segments.findIndex((segment) => isGlobPattern(segment));
  const base = path.resolve(cwd, segments.slice(0, firstMagic).join('/') || '.');
  if (!isInsideFolder(workspace, base)) {
    throw new UserError(
      `${label} pattern ${JSON.stringify(trimmed)} is outside the workspace; only files inside the repository can be read`,
    );
  }

  const seen = new Map<string, WorkspacePath>();
  for await (const match of glob(trimmed, { cwd })) {
    const resolved = await resolveWorkspacePath(match, options, label);
    if (!seen.has(resolved.absolute)) seen.set(resolved.absolute, resolved);
  }
  if (seen.size === 0) throw new UserError(`${label} pattern ${JSON.stringify(trimmed)} matches no files`);
  return [...seen.values()].sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0));
}
