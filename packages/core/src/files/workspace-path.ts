import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../errors.ts';

/** Where files are looked for: the workspace (repository root) and the directory relative paths start from. */
export interface WorkspaceOptions {
  workspace: string;
  cwd: string;
}

/** A file or folder known to be inside the workspace, symlinks resolved. */
export interface WorkspacePath {
  /** Real absolute path (symlinks resolved). */
  absolute: string;
  /** Path relative to the workspace root, with "/" separators: what messages and records show. */
  relative: string;
  isDirectory: boolean;
  /** Real absolute path of the workspace root, for checking what lies under a folder. */
  workspaceRoot: string;
}

/** True when `child` is `parent` or lies under it (both absolute, compared lexically). */
export function isInsideFolder(parent: string, child: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

/** `absolute` relative to `root`, with "/" separators whatever the platform. */
export function toWorkspaceRelative(root: string, absolute: string): string {
  const relative = path.relative(root, absolute);
  return relative === '' ? '.' : relative.split(path.sep).join('/');
}

/**
 * Resolves a path the user gave (relative to `cwd`, or absolute) to an existing file or folder
 * inside the workspace. `..` escapes, absolute paths elsewhere and symlinks that lead outside
 * are refused with a UserError, as is a path that does not exist. `label` names the input in
 * messages ("metrics file", "model path", ...).
 */
export async function resolveWorkspacePath(
  input: string,
  options: WorkspaceOptions,
  label = 'path',
): Promise<WorkspacePath> {
  if (input.includes('\0')) throw new UserError(`${label} ${JSON.stringify(input)} contains a NUL character`);
  const workspace = path.resolve(options.workspace);
  const absolute = path.resolve(workspace, options.cwd, input);
  const lexicallyInside = isInsideFolder(workspace, absolute);
  const workspaceRoot = await realWorkspaceRoot(workspace);
  let real: string;
  try {
    real = await realpath(absolute);
  } catch (error) {
    if (!lexicallyInside) throw outsideError(input, label);
    if (isMissing(error)) {
      // A dangling symlink is reported as what it is rather than as a missing file.
      const link = await lstat(absolute).catch(() => undefined);
      if (link?.isSymbolicLink())
        throw new UserError(`${label} ${JSON.stringify(input)} is a symlink to something that does not exist`);
      throw new UserError(`${label} ${JSON.stringify(input)} does not exist`);
    }
    throw error;
  }
  if (!isInsideFolder(workspaceRoot, real)) {
    if (lexicallyInside || isInsideFolder(workspaceRoot, absolute)) {
      throw new UserError(
        `${label} ${JSON.stringify(input)} is or goes through a symlink that leads outside the workspace; refusing to read it`,
      );
    }
    throw outsideError(input, label);
  }
  const info = await stat(real);
  return {
    absolute: real,
    relative: toWorkspaceRelative(workspaceRoot, real),
    isDirectory: info.isDirectory(),
    workspaceRoot,
  };
}

/**
 * The entries of a folder inside the workspace, sorted by name, as WorkspacePaths; with
 * `recursive`, every file below it (folders themselves left out; `skipFolder` names folders not
 * to descend into). Symlinks are followed only when they stay inside the workspace; one leading
 * outside is a UserError.
 */
export async function listWorkspaceFolder(
  folder: WorkspacePath,
  options: { recursive: boolean; skipFolder?: (name: string) => boolean },
): Promise<WorkspacePath[]> {
  const results: WorkspacePath[] = [];
  const visited = new Set<string>([folder.absolute]);
  // An explicit stack rather than recursion: folder depth is the user's, not ours.
  const pending: WorkspacePath[] = [folder];
  while (pending.length > 0) {
    const current = pending.pop()!;
    const entries = await readdir(current.absolute, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subfolders: WorkspacePath[] = [];
    for (const entry of entries) {
      if (
        options.recursive &&
        (entry.isDirectory() || entry.isSymbolicLink()) &&
        options.skipFolder?.(entry.name) === true
      )
        continue;
      let absolute = path.join(current.absolute, entry.name);
      let isDirectory = entry.isDirectory();
      if (entry.isSymbolicLink()) {
        const shown = toWorkspaceRelative(folder.workspaceRoot, absolute);
        let real: string;
        try {
          real = await realpath(absolute);
        } catch {
          throw new UserError(`${shown} is a symlink to something that does not exist`);
        }
        if (!isInsideFolder(folder.workspaceRoot, real)) {
          throw new UserError(`${shown} is a symlink that leads outside the workspace; refusing to read it`);
        }
        absolute = real;
        isDirectory = (await stat(real)).isDirectory();
      } else if (!entry.isFile() && !isDirectory) {
        continue; // sockets, FIFOs and devices are never metrics or data
      }
      const item: WorkspacePath = {
        absolute,
        relative: toWorkspaceRelative(folder.workspaceRoot, absolute),
        isDirectory,
        workspaceRoot: folder.workspaceRoot,
      };
      if (!options.recursive) results.push(item);
      else if (!isDirectory) results.push(item);
      else if (!visited.has(absolute)) {
        visited.add(absolute);
        subfolders.push(item);
      }
    }
    for (let i = subfolders.length - 1; i >= 0; i--) pending.push(subfolders[i]!);
  }
  if (options.recursive) results.sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0));
  return results;
}

/** A child of a workspace folder by name, or undefined when it does not exist (symlinks checked). */
export async function workspaceChild(folder: WorkspacePath, name: string): Promise<WorkspacePath | undefined> {
  const absolute = path.join(folder.absolute, name);
  let real: string;
  try {
    real = await realpath(absolute);
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
  const shown = toWorkspaceRelative(folder.workspaceRoot, absolute);
  if (!isInsideFolder(folder.workspaceRoot, real)) {
    throw new UserError(`${shown} is a symlink that leads outside the workspace; refusing to read it`);
  }
  const info = await stat(real);
  return {
    absolute: real,
    relative: toWorkspaceRelative(folder.workspaceRoot, real),
    isDirectory: info.isDirectory(),
    workspaceRoot: folder.workspaceRoot,
  };
}

async function realWorkspaceRoot(workspace: string): Promise<string> {
  try {
    return await realpath(workspace);
  } catch (error) {
    if (isMissing(error)) throw new UserError(`the workspace folder ${JSON.stringify(workspace)} does not exist`);
    throw error;
  }
}

function outsideError(input: string, label: string): UserError {
  return new UserError(
    `${label} ${JSON.stringify(input)} is outside the workspace; only files inside the repository can be read`,
  );
}

function isMissing(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
