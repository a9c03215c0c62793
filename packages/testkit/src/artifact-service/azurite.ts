/**
 * A real Azure Blob Storage emulator (Azurite, pinned in package.json) on loopback, holding the
 * artifact bytes the way GitHub's blob storage does: the client uploads to and downloads from
 * signed URLs, and Azurite checks those signatures for real.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { node24 } from '../harness/node24.ts';

export interface Azurite {
  /** Path-style account URL, e.g. `http://127.0.0.1:41234/devstoreaccount1`. */
  blobUrl: string;
  accountName: string;
  accountKey: string;
  /** Stops the server (SIGTERM, then SIGKILL) and removes its data folder. Safe to call twice. */
  stop(): Promise<void>;
}

/** Azurite's built-in development account; public by design. */
export const devStoreAccount = {
  name: 'devstoreaccount1',
  key: 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==',
} as const;

const listeningLine = /successfully listens on http:\/\/127\.0\.0\.1:(\d+)/;

/** Adds loopback to NO_PROXY so a configured HTTP proxy never sees traffic between local services. */
export function bypassProxyForLoopback(): void {
  for (const name of ['NO_PROXY', 'no_proxy']) {
    const entries = (process.env[name] ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '');
    for (const host of ['127.0.0.1', 'localhost']) if (!entries.includes(host)) entries.push(host);
    process.env[name] = entries.join(',');
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/** Starts Azurite's blob server on 127.0.0.1 and a free port, storing into a fresh temporary folder. */
export async function startAzurite(options: { startTimeoutMs?: number } = {}): Promise<Azurite> {
  bypassProxyForLoopback();
  const location = await mkdtemp(join(tmpdir(), 'ml-actions-azurite-'));
  // The wrapper is TypeScript and Azurite needs Node >= 22: use the running Node only when it can do both.
  const nodeBinary = process.features.typescript ? process.execPath : node24();
  const flags = [
    '--disableTelemetry',
    '--blobHost',
    '127.0.0.1',
    '--blobPort',
    '0',
    '--location',
    location,
    '--silent',
  ];
  const child = spawn(nodeBinary, [join(import.meta.dirname, 'azurite-child.ts'), ...flags], {
    cwd: location,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const exited = once(child, 'exit').catch(() => undefined);
  const killOnExit = (): void => {
    child.kill('SIGKILL');
    rmSync(location, { recursive: true, force: true });
  };
  // A test process that exits without calling stop() still takes Azurite with it.
  process.on('exit', killOnExit);

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const stopped = await Promise.race([exited.then(() => true), sleep(3000).then(() => false)]);
        if (!stopped) {
          child.kill('SIGKILL');
          await exited;
        }
      }
      process.off('exit', killOnExit);
      await rm(location, { recursive: true, force: true, maxRetries: 3 });
    })();
    return stopping;
  };

  let output = '';
  try {
    const port = await new Promise<number>((resolve, reject) => {
      const timeoutMs = options.startTimeoutMs ?? 30_000;
      const timer = setTimeout(
        () => reject(new Error(`Azurite did not start within ${timeoutMs} ms: ${output.trim()}`)),
        timeoutMs,
      );
      const collect = (chunk: Buffer): void => {
        output = (output + chunk.toString('utf8')).slice(-4000);
        const match = listeningLine.exec(output);
        if (match?.[1] !== undefined) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      };
      child.stdout.on('data', collect);
      child.stderr.on('data', collect);
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`Azurite exited (${signal ?? `code ${code}`}) before listening: ${output.trim()}`));
      });
    });
    return {
      blobUrl: `http://127.0.0.1:${port}/${devStoreAccount.name}`,
      accountName: devStoreAccount.name,
      accountKey: devStoreAccount.key,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
