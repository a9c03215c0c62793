import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.ts';
import { PeerError } from './peers-environment.ts';

/** The CNCF distribution registry (Debian's docker-registry) on loopback, storing in a temporary folder. */
export interface OciRegistry {
  /** `127.0.0.1:<port>`, as image references name it. */
  host: string;
  folder: string;
  close(): Promise<void>;
}

/** Where Debian installs the registry and skopeo (`npm run peers` installs both). */
export const DOCKER_REGISTRY = '/usr/bin/docker-registry';
export const SKOPEO = '/usr/bin/skopeo';

/**
 * Starts `docker-registry serve` with filesystem storage, and resolves once `/v2/` answers. A
 * registry that exits at once (its port taken between our check and its bind) is started again
 * on another port, twice at most.
 */
export async function startOciRegistry(): Promise<OciRegistry> {
  if (!existsSync(DOCKER_REGISTRY)) {
    throw new PeerError(
      `${DOCKER_REGISTRY} is missing: install it with npm run peers (apt-get install docker-registry)`,
    );
  }
  const folder = await mkdtemp(join(tmpdir(), 'ml-actions-registry-'));
  for (let attempt = 1; ; attempt++) {
    const registry = await startOnce(folder);
    if (registry.kind === 'answering') return registry.registry;
    if (registry.exited && attempt < 3) continue;
    await rm(folder, { recursive: true, force: true });
    throw new PeerError(`docker-registry did not answer http://${registry.host}/v2/`);
  }
}

type Start = { kind: 'answering'; registry: OciRegistry } | { kind: 'failed'; host: string; exited: boolean };

async function startOnce(folder: string): Promise<Start> {
  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  const config = join(folder, 'config.yml');
  await writeFile(
    config,
    [
      'version: 0.1',
      'log:',
      '  level: warn',
      'storage:',
      '  filesystem:',
      `    rootdirectory: ${join(folder, 'data')}`,
      'http:',
      `  addr: ${host}`,
      '',
    ].join('\n'),
  );
  const child = spawn(DOCKER_REGISTRY, ['serve', config], { stdio: 'ignore', detached: true });
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });
  const stop = async () => {
    if (!exited && child.pid !== undefined) {
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      process.kill(-child.pid, 'SIGKILL');
      await gone;
    }
  };
  const close = async () => {
    await stop();
    await rm(folder, { recursive: true, force: true });
  };
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      const answer = await fetch(`http://${host}/v2/`, { signal: AbortSignal.timeout(1000) });
      if (answer.ok && !exited) return { kind: 'answering', registry: { host, folder, close } };
    } catch {
      // not listening yet
    }
    if (exited || Date.now() > deadline) {
      const early = exited;
      await stop();
      return { kind: 'failed', host, exited: early };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
