import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PORT_TAKEN, startOnFreePort } from './free-port.ts';
import { PeerError } from './peers-environment.ts';
import { startTokenServer, type TokenServer, type TokenServerOptions } from './registry-token-server.ts';

/** The CNCF distribution registry (Debian's docker-registry) on loopback, storing in a temporary folder. */
export interface OciRegistry {
  /** `127.0.0.1:<port>`, as image references name it. */
  host: string;
  folder: string;
  /** With `auth`: the token server the registry sends clients to. */
  tokens?: TokenServer;
  close(): Promise<void>;
}

export interface OciRegistryOptions {
  /**
   * Token authentication, as ghcr.io does it: the registry answers 401 with a Bearer challenge
   * naming a token server, which trades these credentials for a token signed with a key the
   * registry trusts (and grants `actions`, default pull and push).
   */
  auth?: TokenServerOptions;
}

/** Where Debian installs the registry and skopeo (`npm run peers` installs both). */
export const DOCKER_REGISTRY = '/usr/bin/docker-registry';
export const SKOPEO = '/usr/bin/skopeo';

/**
 * Starts `docker-registry serve` with filesystem storage, and resolves once `/v2/` answers. A
 * registry that exits at once (its port taken between our check and its bind) is started again
 * on another port.
 */
export async function startOciRegistry(options: OciRegistryOptions = {}): Promise<OciRegistry> {
  if (!existsSync(DOCKER_REGISTRY)) {
    throw new PeerError(
      `${DOCKER_REGISTRY} is missing: install it with npm run peers (apt-get install docker-registry)`,
    );
  }
  const folder = await mkdtemp(join(tmpdir(), 'ml-actions-registry-'));
  let tokens: TokenServer | undefined;
  try {
    if (options.auth !== undefined) tokens = await startTokenServer(await signingCertificate(folder), options.auth);
    const started = await startOnFreePort('docker-registry', (port) => startOnce(folder, port, tokens));
    if (tokens === undefined) return started;
    const server = tokens;
    return {
      ...started,
      tokens: server,
      close: async () => {
        await started.close();
        await server.close();
      },
    };
  } catch (thrown: unknown) {
    await tokens?.close();
    await rm(folder, { recursive: true, force: true });
    throw thrown;
  }
}

/** A throwaway RSA key and its self-signed certificate: the registry trusts tokens it signs. */
async function signingCertificate(folder: string): Promise<{ key: string; certificate: string; path: string }> {
  const key = join(folder, 'token.key');
  const path = join(folder, 'token.crt');
  // prettier-ignore
  const args = ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', path, '-days', '2', '-subj', '/CN=ml-actions testkit registry tokens'];
  try {
    await promisify(execFile)('openssl', args);
  } catch (thrown: unknown) {
    throw new PeerError(`openssl could not make the registry's token certificate: ${String(thrown)}`);
  }
  return { key: await readFile(key, 'utf8'), certificate: await readFile(path, 'utf8'), path };
}

async function startOnce(
  folder: string,
  port: number,
  tokens: TokenServer | undefined,
): Promise<OciRegistry | typeof PORT_TAKEN> {
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
      ...(tokens === undefined
        ? []
        : [
            'auth:',
            '  token:',
            `    realm: ${tokens.realm}`,
            `    service: ${tokens.service}`,
            `    issuer: ${tokens.issuer}`,
            `    rootcertbundle: ${tokens.certificatePath}`,
          ]),
      '',
    ].join('\n'),
  );
  const child = spawn(DOCKER_REGISTRY, ['serve', config], { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4096);
  });
  let exited = false;
  // 'close' comes after the last of its stderr, which tells a taken port from other failures.
  child.on('close', () => {
    exited = true;
  });
  const stop = async () => {
    if (!exited && child.pid !== undefined) {
      const gone = new Promise<void>((resolve) => child.once('close', () => resolve()));
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
      // With token authentication the base answers 401 with its challenge once it is up.
      const up = answer.ok || (tokens !== undefined && answer.status === 401);
      if (up && !exited) return { host, folder, close };
    } catch {
      // not listening yet
    }
    if (exited) {
      if (stderr.includes('address already in use')) return PORT_TAKEN;
      throw new PeerError(`docker-registry exited before answering: ${stderr.trim().split('\n').at(-1) ?? ''}`);
    }
    if (Date.now() > deadline) {
      await stop();
      throw new PeerError(`docker-registry did not answer http://${host}/v2/`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
