export { fileError } from './file-error.ts';
export { formatBytes } from './format-bytes.ts';
export { fingerprintFiles } from './fingerprint-files.ts';
export { forEachLine } from './line-stream.ts';
export { copyAndHashFile, copyAndHashOpenFile, hashFile, hashOpenFile, type FileDigest } from './hash-file.ts';
export { openRegularFile } from './regular-file.ts';
export { safeFileStem } from './safe-file-stem.ts';
export { decodeTextBytes, MAX_TEXT_FILE_BYTES, readTextFile } from './text-file.ts';
export {
  isInsideFolder,
  listWorkspaceFolder,
  resolveWorkspacePath,
  toWorkspaceRelative,
  workspaceChild,
  type WorkspaceOptions,
  type WorkspacePath,
} from './workspace-path.ts';
export { expandWorkspacePattern, isGlobPattern } from './workspace-pattern.ts';
export { readZipEntry, type ZipEntry, type ZipEntryName, type ZipLimits } from './zip-archive.ts';
