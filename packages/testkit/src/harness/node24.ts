import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repositoryRoot } from './repository-root.ts';

let cached: string | undefined;

/**
 * The Node 24 binary the runner uses for `runs.using: node24`, installed by the `node` npm package.
 * Bundles are always run with it, whatever Node runs the tests.
 */
export function node24(): string {
  if (cached !== undefined) return cached;
  const binary = join(repositoryRoot(), 'node_modules', 'node', 'bin', 'node');
  if (!existsSync(binary)) throw new Error(`Node 24 is not installed at ${binary}: run npm ci`);
  const version = execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim();
  if (!version.startsWith('v24.')) throw new Error(`${binary} is ${version}, not Node 24`);
  cached = binary;
  return binary;
}
