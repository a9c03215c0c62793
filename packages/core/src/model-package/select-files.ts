/**
 * Which files go into a model package: the user names files, folders (taken whole) and globs;
 * everything must stay inside the workspace, symbolic links included.
 */
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.ts';
import { isInsideFolder } from '../files/workspace-path.ts';

/** A relative path with `/` separators, as manifests and SHA256SUMS list them. */
function posixPath(relative: string): string {
  return relative.split(path.sep).join('/');
}

export interface SelectedFile {
  /** Relative to the workspace, with `/` separators: the file's path inside the package. */
  path: string;
  /** The real path (symbolic links resolved) that is read. */
  absolute: string;
  size: number;
}

export interface SelectOptions {
  /** The workspace root; nothing outside it is ever selected. */
  workspace: string;
  /** Where relative patterns start; the workspace when absent. Must be inside the workspace. */
  cwd?: string;
  /** Whether files and folders whose names start with `.` are packaged; `.git` never is. */
  includeHidden?: boolean;
}

const GLOB_MAGIC = /[*?[\]{}]/;

/**
 * Expands files, folders (recursively) and globs into a sorted list without duplicates. Refuses
 * paths outside the workspace, symbolic links that lead out of it, and any pattern that matches
 * no file. A package is published, so `.git` (where actions/checkout keeps the token) is never
 * taken, and other hidden files and folders only with `includeHidden`.
 */
export async function selectModelFiles(patterns: readonly string[], options: SelectOptions): Promise<SelectedFile[]> {
  const lexicalRoot = path.resolve(options.workspace);
  const realRoot = await fs.promises.realpath(lexicalRoot);
  const cwd = await fs.promises.realpath(path.resolve(lexicalRoot, options.cwd ?? '.')).catch((error: unknown) => {
    if (!isNotFound(error)) throw error;
    throw new UserError(`the working directory ${options.cwd ?? '.'} does not exist`);
  });
  if (!isInsideFolder(realRoot, cwd)) {
    throw new UserError(`the working directory ${cwd} is outside the workspace ${realRoot}`);
  }
  const selected = new Map<string, SelectedFile>();

  // Paths are reported relative to the workspace as the user sees it: a workspace reached
  // through a symbolic link (macOS /tmp) still yields short relative paths.
  const relativeTo = (absolute: string): string | undefined => {
    for (const root of [realRoot, lexicalRoot]) {
      if (isInsideFolder(root, absolute)) return posixPath(path.relative(root, absolute));
    }
    return undefined;
  };

  for (const raw of patterns) {
    const pattern = raw.trim();
    if (pattern === '') continue;
    const walker = new Walker(pattern, realRoot, selected, options.includeHidden ?? false);
    const absolute = path.resolve(cwd, pattern);
    const relative = relativeTo(absolute);
    if (relative === undefined) {
      throw new UserError(
        `path ${JSON.stringify(pattern)} is outside the workspace ${realRoot}; model files must be inside it`,
      );
    }
    if (await exists(absolute)) {
      await walker.add(absolute, relative);
    } else if (GLOB_MAGIC.test(pattern)) {
      const matches: string[] = [];
      for await (const match of fs.promises.glob(pattern, { cwd })) matches.push(match);
      matches.sort();
      for (const match of matches) {
        const matchAbsolute = path.resolve(cwd, match);
        const matchRelative = relativeTo(matchAbsolute);
        if (matchRelative === undefined) {
          throw new UserError(
            `path ${JSON.stringify(pattern)} matches ${matchAbsolute}, which is outside the workspace ${realRoot}`,
          );
        }
        await walker.add(matchAbsolute, matchRelative);
      }
    }
    if (walker.matched === 0 && walker.leftOut.length > 0) {
      throw new UserError(
        `path ${JSON.stringify(pattern)} matches only ${walker.leftOut[0]}${walker.leftOut.length > 1 ? ` and ${walker.leftOut.length - 1} more` : ''}, which ${hiddenReason(walker.leftOut[0]!)}`,
      );
    }
    if (walker.matched === 0) {
      throw new UserError(
        `path ${JSON.stringify(pattern)} matches no file (relative to ${posixPath(path.relative(realRoot, cwd)) || 'the workspace root'})`,
      );
    }
  }
  return [...selected.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Adds the files one pattern names, following folders and checking every real path. */
class Walker {
  matched = 0;
  /** Paths left out because they are `.git` or hidden. */
  readonly leftOut: string[] = [];
  private readonly pattern: string;
  private readonly realRoot: string;
  private readonly selected: Map<string, SelectedFile>;
  private readonly includeHidden: boolean;
  /** Real paths of folders already walked: a link back to a parent must not loop forever. */
  private readonly seenFolders = new Set<string>();

  constructor(pattern: string, realRoot: string, selected: Map<string, SelectedFile>, includeHidden: boolean) {
    this.pattern = pattern;
    this.realRoot = realRoot;
    this.selected = selected;
    this.includeHidden = includeHidden;
  }

  async add(absolute: string, relative: string): Promise<void> {
    const segments = relative.split('/');
    if (segments.includes('.git') || (!this.includeHidden && segments.some((s) => s.startsWith('.')))) {
      this.leftOut.push(relative);
      return;
    }
    let real: string;
    try {
      real = await fs.promises.realpath(absolute);
    } catch (error) {
      if (isNotFound(error)) {
        throw new UserError(
          `${displayPath(relative)} is a symbolic link to nothing (named by path ${JSON.stringify(this.pattern)})`,
        );
      }
      throw error;
    }
    // The real path decides: a link (of the file or of any folder above it) that leaves the
    // workspace would let a workflow package, and publish, files such as ~/.ssh keys.
    if (!isInsideFolder(this.realRoot, real)) {
      throw new UserError(
        `${displayPath(relative)} leads to ${real}, outside the workspace ${this.realRoot}; refusing to package it (named by path ${JSON.stringify(this.pattern)})`,
      );
    }
    const stats = await fs.promises.stat(real);
    if (stats.isFile()) {
      if (/[\n\r\\]/.test(relative)) {
        throw new UserError(
          `${JSON.stringify(relative)} has a newline or backslash in its name, which SHA256SUMS cannot list; rename it`,
        );
      }
      this.matched++;
      if (!this.selected.has(relative)) {
        this.selected.set(relative, { path: relative, absolute: real, size: stats.size });
      }
      return;
    }
    if (stats.isDirectory()) {
      if (this.seenFolders.has(real)) return;
      this.seenFolders.add(real);
      const names = (await fs.promises.readdir(absolute)).sort();
      for (const name of names) {
        await this.add(path.join(absolute, name), relative === '' ? name : `${relative}/${name}`);
      }
      return;
    }
    throw new UserError(
      `${displayPath(relative)} is neither a file nor a folder (named by path ${JSON.stringify(this.pattern)})`,
    );
  }
}

function hiddenReason(relative: string): string {
  return relative.split('/').includes('.git')
    ? 'is never packaged: .git holds the repository and the token actions/checkout stored'
    : 'is hidden and left out; set include-hidden-files: true to package hidden files';
}

function displayPath(relative: string): string {
  return relative === '' ? 'the workspace root' : relative;
}

async function exists(absolute: string): Promise<boolean> {
  try {
    await fs.promises.lstat(absolute);
    return true;
  } catch (error) {
    if (isNotFound(error)) return false;
    throw error;
  }
}

function isNotFound(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
