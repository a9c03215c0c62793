/**
 * Child process of the release benchmark: publishes one model file as a release (the archive's
 * parts streamed from the file, manifest, SHA256SUMS) to the GitHub API stand-in, then prints
 * `{"ms": ...}` (the release alone). A process of its own, so that its peak RSS is the release's.
 *
 *   node bench/release-upload-child.ts <api url> <token> <owner/repo> <tag> <file> <part bytes>
 */
import { performance } from 'node:perf_hooks';
import { hashFile, planReleaseArchive, readTarRange } from '@ml-actions/core';
import { bufferAsset, createGitHubClient, createRelease } from '@ml-actions/github';

const [apiUrl, token, repository, tag, file, partBytes] = process.argv.slice(2);
if ([apiUrl, token, repository, tag, file, partBytes].some((arg) => arg === undefined)) {
  console.error('usage: node bench/release-upload-child.ts <api url> <token> <owner/repo> <tag> <file> <part bytes>');
  process.exit(2);
}
const [owner = '', repo = ''] = (repository ?? '').split('/');
const { sha256, size } = await hashFile(file ?? '');
const log = {
  info: () => undefined,
  warning: (message: string) => console.error(message),
  debug: () => undefined,
  warn: (message: string) => console.error(message),
};
// Writes are paced a second apart on GitHub; here the transfer is what is measured.
const github = await createGitHubClient({ token: token ?? '', apiUrl: apiUrl ?? '', log, waitScale: 0.001 });
const { archive, plan } = planReleaseArchive({
  name: 'bench',
  version: '1.0.0',
  files: [{ path: 'weights.bin', size, sha256, absolute: file ?? '' }],
  partSize: Number(partBytes),
  downloadBase: `https://github.com/${repository}/releases/download/${encodeURIComponent(tag ?? '')}`,
  mtimeSeconds: 0,
});
const began = performance.now();
await createRelease(
  { github, owner, repo },
  {
    tag: tag ?? '',
    name: tag ?? '',
    body: 'bench',
    prerelease: false,
    assets: [
      ...archive.parts.map((part) => ({
        name: part.name,
        contentType: 'application/x-tar',
        size: part.size,
        open: () => readTarRange(plan, part.offset, part.offset + part.size),
      })),
      bufferAsset('manifest.json', Buffer.from(JSON.stringify(archive)), 'application/json'),
    ],
    sumsAsset: 'SHA256SUMS',
    log,
    retryWaitMs: 1,
  },
);
console.log(JSON.stringify({ ms: performance.now() - began, parts: archive.parts.length }));
