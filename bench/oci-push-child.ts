/**
 * Child process of the OCI benchmark: hashes one model file and pushes it as a model package to a
 * registry, then prints `{"ms": ...}` (the push alone). A process of its own, so that its peak RSS
 * is the push's.
 *
 *   node bench/oci-push-child.ts <registry host/repository> <tag> <file>
 */
import { performance } from 'node:perf_hooks';
import { hashFile } from '@ml-actions/core';
import { RegistryClient, parseOciRepository, pushArtifact } from '@ml-actions/oci';

const [repository, tag, file] = process.argv.slice(2);
if (repository === undefined || tag === undefined || file === undefined) {
  console.error('usage: node bench/oci-push-child.ts <host/repository> <tag> <file>');
  process.exit(2);
}
const { sha256, size } = await hashFile(file);
const client = new RegistryClient(parseOciRepository(repository, 'bench'));
const began = performance.now();
await pushArtifact(client, {
  tag,
  config: Buffer.from(JSON.stringify({ name: 'bench', version: '1.0.0', sha256 })),
  files: [{ absolute: file, path: 'model/weights.bin', size, sha256 }],
  annotations: {},
  force: true,
  log: { info: () => undefined, warning: (message) => console.error(message) },
});
console.log(JSON.stringify({ ms: performance.now() - began }));
