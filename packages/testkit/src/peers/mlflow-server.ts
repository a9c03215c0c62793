import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, closeSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.ts';
import { PeerError, peersEnvironment } from './peers-environment.ts';

/** A real MLflow tracking server (`mlflow server` from the peers environment) on loopback. */
export interface MlflowServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  /** Holds the SQLite store, the artifact root and `server.log`. */
  folder: string;
  close(): Promise<void>;
}

export interface MlflowServerOptions {
  /** Where the store goes; a fresh temporary folder (removed on close) by default. */
  folder?: string;
  startTimeoutMs?: number;
  /** Variables of the server's environment, such as MLFLOW_ALLOWED_HOST_ADDRESSED_ARTIFACT_SCHEMES. */
  env?: Record<string, string>;
}

/**
 * Starts `mlflow server` with a SQLite store and a local artifact root on a free loopback port,
 * and resolves once `/health` answers. It takes some 8 s on a 2-core machine. A server that exits
 * early or never answers is a PeerError naming its log.
 */
export async function startMlflowServer(options: MlflowServerOptions = {}): Promise<MlflowServer> {
  const { bin } = peersEnvironment();
  const owned = options.folder === undefined;
  const folder = options.folder ?? (await mkdtemp(join(tmpdir(), 'ml-actions-mlflow-')));
  const logFile = join(folder, 'server.log');
  let logFd: number;
  try {
    logFd = openSync(logFile, 'a');
  } catch (thrown: unknown) {
    throw new PeerError(`mlflow server: cannot write its log ${logFile} (${(thrown as Error).message})`);
  }
  const port = await freePort();
  const child = spawn(
    join(bin, 'mlflow'),
    [
      'server',
      '--backend-store-uri',
      `sqlite:///${join(folder, 'mlflow.db')}`,
      '--default-artifact-root',
      join(folder, 'artifacts'),
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--workers',
      '1',
    ],
    {
      // Its own process group, so that close() stops the workers it forks too.
      detached: true,
      stdio: ['ignore', logFd, logFd],
      env: {
        ...process.env,
        ...options.env,
        PATH: `${bin}:${process.env['PATH'] ?? ''}`,
        PYTHONDONTWRITEBYTECODE: '1',
        MLFLOW_DISABLE_TELEMETRY: 'true',
        DO_NOT_TRACK: 'true',
      },
    },
  );
  closeSync(logFd);
  const url = `http://127.0.0.1:${port}`;
  let exited: number | null | undefined;
  child.on('exit', (code) => {
    exited = code;
  });
  const stopOnExit = () => killGroup(child, 'SIGKILL');
  process.once('exit', stopOnExit);

  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    process.removeListener('exit', stopOnExit);
    await stop(child);
    if (owned) await rm(folder, { recursive: true, force: true });
  };

  const deadline = Date.now() + (options.startTimeoutMs ?? 60_000);
  for (;;) {
    if (exited !== undefined) {
      await close();
      throw new PeerError(`mlflow server exited with code ${exited} before answering; see ${logFile}`);
    }
    if (await healthy(url)) return { url, folder, close };
    if (Date.now() > deadline) {
      await close();
      throw new PeerError(
        `mlflow server did not answer ${url}/health within ${options.startTimeoutMs ?? 60_000} ms; see ${logFile}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function healthy(url: string): Promise<boolean> {
  try {
    const answer = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) });
    return answer.ok;
  } catch {
    return false;
  }
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/** SIGTERM to the whole group, SIGKILL after 5 s; resolves once the server process has exited. */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    killGroup(child, 'SIGKILL');
    return;
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  killGroup(child, 'SIGTERM');
  const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
  // Workers that outlived the server itself.
  killGroup(child, 'SIGKILL');
}
