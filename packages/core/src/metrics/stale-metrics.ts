import { stat } from 'node:fs/promises';
import type { WorkspaceOptions, WorkspacePath } from '../files/workspace-path.ts';
import { listWorkspaceFolder } from '../files/workspace-path.ts';
import { expandWorkspacePattern } from '../files/workspace-pattern.ts';

/** What tells a rewritten file from an untouched one: a rewrite changes the mtime, a replacement the inode. */
interface FileStamp {
  mtimeMs: number;
  size: number;
  ino: number;
}

/** The files that metrics patterns named before the command ran, by workspace-relative path. */
export type MetricsSnapshot = ReadonlyMap<string, FileStamp & { absolute: string }>;

/**
 * Stamps every file the metrics patterns match now, folders searched all the way down (dot-folders
 * and node_modules skipped, as when reading). A pattern that matches nothing or cannot be read is
 * skipped: before the command, its files may not exist yet, and reading reports the problem later.
 */
export async function snapshotMetricsFiles(patterns: string[], options: WorkspaceOptions): Promise<MetricsSnapshot> {
  const snapshot = new Map<string, FileStamp & { absolute: string }>();
  const skipFolder = (name: string) => name.startsWith('.') || name === 'node_modules';
  for (const pattern of patterns) {
    if (pattern.trim() === '') continue;
    let files: WorkspacePath[];
    try {
      files = [];
      for (const match of await expandWorkspacePattern(pattern, options, 'metrics path')) {
        if (!match.isDirectory) files.push(match);
        else files.push(...(await listWorkspaceFolder(match, { recursive: true, skipFolder })));
      }
    } catch {
      continue;
    }
    for (const file of files) {
      if (file.isDirectory || snapshot.has(file.relative)) continue;
      const stamp = await stampOf(file.absolute);
      if (stamp !== undefined) snapshot.set(file.relative, { ...stamp, absolute: file.absolute });
    }
  }
  return snapshot;
}

/**
 * The files of a snapshot that are still there and unchanged (same mtime, size and inode), so the
 * command did not write them: their values are from before it ran. Workspace-relative, sorted.
 */
export async function unchangedMetricsFiles(snapshot: MetricsSnapshot): Promise<Set<string>> {
  const unchanged = new Set<string>();
  for (const [relative, before] of [...snapshot].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const now = await stampOf(before.absolute);
    if (now !== undefined && now.mtimeMs === before.mtimeMs && now.size === before.size && now.ino === before.ino) {
      unchanged.add(relative);
    }
  }
  return unchanged;
}

async function stampOf(absolute: string): Promise<FileStamp | undefined> {
  try {
    const { mtimeMs, size, ino } = await stat(absolute);
    return { mtimeMs, size, ino };
  } catch {
    return undefined;
  }
}
