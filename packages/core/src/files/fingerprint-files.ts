import type { DataInput } from '../record/run-record.ts';
import { hashFile } from './hash-file.ts';
import { listWorkspaceFolder, type WorkspaceOptions, type WorkspacePath } from './workspace-path.ts';
import { expandWorkspacePattern } from './workspace-pattern.ts';

/**
 * Size and sha256 of every data file the patterns name (files, folders taken recursively, or
 * globs), relative to the workspace, sorted by path, each file once. A pattern that matches
 * nothing, or anything outside the workspace, is a UserError.
 */
export async function fingerprintFiles(patterns: string[], options: WorkspaceOptions): Promise<DataInput[]> {
  const files = new Map<string, WorkspacePath>();
  for (const pattern of patterns) {
    if (pattern.trim() === '') continue;
    for (const match of await expandWorkspacePattern(pattern, options, 'data path')) {
      const found = match.isDirectory ? await listWorkspaceFolder(match, { recursive: true }) : [match];
      for (const file of found) files.set(file.relative, file);
    }
  }
  const inputs: DataInput[] = [];
  for (const file of [...files.values()].sort((a, b) =>
    a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0,
  )) {
    const { size, sha256 } = await hashFile(file.absolute, file.relative);
    inputs.push({ path: file.relative, size, sha256 });
  }
  return inputs;
}
