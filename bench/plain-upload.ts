/**
 * Child process of the packaging benchmark: the reference upload. One file through the real
 * `@actions/artifact` client with all its defaults (zip level 6), as a workflow that skips our
 * action would do it. Prints `{"id": ..., "size": ...}` on its last line.
 *
 *   node bench/plain-upload.ts <artifact name> <file> [zip level]
 */
import { basename, dirname } from 'node:path';
import { DefaultArtifactClient } from '@actions/artifact';

const [name, file, level] = process.argv.slice(2);
if (name === undefined || file === undefined) {
  console.error('usage: node bench/plain-upload.ts <artifact name> <file>');
  process.exit(2);
}
const { id, size } = await new DefaultArtifactClient().uploadArtifact(
  name,
  [file],
  dirname(file),
  level === undefined ? {} : { compressionLevel: Number(level) },
);
console.log(JSON.stringify({ id, size, file: basename(file) }));
