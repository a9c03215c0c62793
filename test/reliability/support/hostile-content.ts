import { link, writeFile, truncate } from 'node:fs/promises';

/** `{"a":{"a":…1…}}`, nested `depth` objects deep. */
export function nestedJson(depth: number): string {
  return '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

/** A YAML flow sequence nested `depth` levels deep under key `a`. */
export function nestedYaml(depth: number): string {
  return `a: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
}

/** A TOML array nested `depth` levels deep. */
export function nestedToml(depth: number): string {
  return `a = ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
}

/** A rule whose threshold sits inside `depth` parentheses. */
export function nestedRule(depth: number): string {
  return `accuracy >= ${'('.repeat(depth)}0.9${')'.repeat(depth)}\n`;
}

/** UTF-8 text with one invalid byte (0xFF) spliced in at `offset`. */
export function withInvalidUtf8(text: string, offset: number): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  return Buffer.concat([bytes.subarray(0, offset), Buffer.from([0xff]), bytes.subarray(offset)]);
}

export const MiB = 1024 * 1024;
export const GiB = 1024 * MiB;

/**
 * Creates one big file at `paths[0]` and hard-links the other names to it, so that several readers
 * can each get "their" huge file (by extension) for the disk cost of one. With `sparse`, the file is
 * a hole of `size` zero bytes that costs no disk at all.
 */
export async function bigFile(paths: string[], size: number, options: { sparse: boolean }): Promise<void> {
  const [first, ...others] = paths;
  if (first === undefined) return;
  if (options.sparse) {
    await writeFile(first, '');
    await truncate(first, size);
  } else {
    // One line of `a` characters, no newline: the worst case for a line reader.
    await writeFile(first, Buffer.alloc(size, 'a'));
  }
  for (const other of others) await link(first, other);
}
