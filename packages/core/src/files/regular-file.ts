import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { fileError } from './file-error.ts';

/**
 * Opens a file for reading, refusing anything that is not a regular file: reading a FIFO blocks
 * until someone writes to it (a step that never ends), and a device or socket never ends either.
 * O_NONBLOCK makes opening a FIFO return at once (for a regular file it changes nothing), and the
 * check is made on the opened descriptor, so a path swapped for a FIFO after a `stat` is caught too.
 */
export async function openRegularFile(
  absolutePath: string,
  displayName: string,
  options: { noFollow?: boolean } = {},
): Promise<FileHandle> {
  // noFollow, for a path already resolved: a last component swapped for a symbolic link since is
  // refused rather than followed (to a file outside the workspace, perhaps).
  const flags = constants.O_RDONLY | constants.O_NONBLOCK | (options.noFollow === true ? constants.O_NOFOLLOW : 0);
  const handle = await open(absolutePath, flags).catch((thrown: unknown) => {
    if (options.noFollow === true && (thrown as { code?: unknown } | null)?.code === 'ELOOP') {
      throw fileError(displayName, 'became a symbolic link after it was selected; refused');
    }
    throw thrown;
  });
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw fileError(displayName, `is not a regular file (${kindOf(info)}); refused`);
    return handle;
  } catch (thrown: unknown) {
    await handle.close();
    throw thrown;
  }
}

function kindOf(info: { isFIFO(): boolean; isSocket(): boolean; isDirectory(): boolean }): string {
  if (info.isFIFO()) return 'a named pipe';
  if (info.isSocket()) return 'a socket';
  if (info.isDirectory()) return 'a folder';
  return 'a device';
}
