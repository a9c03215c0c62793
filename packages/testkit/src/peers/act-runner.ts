/**
 * nektos/act, an independent implementation of the Actions runner, built from the Go module proxy
 * at a pinned version into .peers/act/<version>/ and reused while it is there. `npm run peers`
 * installs it; the runner tests (test/runner) run our workflow files with it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repositoryRoot } from '../harness/repository-root.ts';
import { PeerError } from './peers-environment.ts';

/** The version the Go module proxy serves here (v0.2.84 and older are refused there); node24 actions need v0.2.81 or newer. */
export const ACT_VERSION = 'v0.2.89';
const MODULE = 'github.com/nektos/act';

/** Where act is built to. */
export function actPath(): string {
  return join(repositoryRoot(), '.peers', 'act', ACT_VERSION, 'act');
}

/** Builds act when it is missing; answers its path and whether it was already there. */
export function ensureAct(log: (line: string) => void = () => undefined): { path: string; reused: boolean } {
  const path = actPath();
  if (existsSync(path)) return { path, reused: true };
  const command = `go install ${MODULE}@${ACT_VERSION}`;
  log(`peers: building act ${ACT_VERSION} (${command}, about 2 minutes the first time)`);
  const result = spawnSync('go', ['install', `${MODULE}@${ACT_VERSION}`], {
    env: { ...process.env, GOBIN: join(path, '..') },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.error !== undefined || result.status !== 0 || !existsSync(path)) {
    const why = result.error?.message ?? result.stderr.trim().split('\n').slice(-3).join(' / ');
    throw new PeerError(
      `peers: could not build act ${ACT_VERSION} with \`${command}\` (GOBIN=${join(path, '..')}): ${why}`,
    );
  }
  return { path, reused: false };
}
