import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PORT_TAKEN, startOnFreePort } from './free-port.ts';
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
  /** The port to try first; a free one by default, and after a first port that was taken. */
  port?: number;
}

/**
 * Starts `mlflow server` with a SQLite store and a local artifact root on a free loopback port,
 * and resolves once `/health` answers. It takes some 6 s on a 2-core machine. A port taken by
 * another process before the server binds it is retried with another; a server that exits early
 * for any other reason or never answers is a PeerError quoting its log's last error line, and
 * the folder with the log is kept.
 */
export async function startMlflowServer(options: MlflowServerOptions = {}): Promise<MlflowServer> {
  const owned = options.folder === undefined;
  const folder = options.folder ?? (await mkdtemp(join(tmpdir(), 'ml-actions-mlflow-')));
  return startOnFreePort(
    `mlflow server (log ${join(folder, 'server.log')})`,
    (port) => startOnce(folder, owned, port, options),
    options.port,
  );
}

async function startOnce(
  folder: string,
  owned: boolean,
  port: number,
  options: MlflowServerOptions,
): Promise<MlflowServer | typeof PORT_TAKEN> {
  const { bin } = peersEnvironment();
  const logFile = join(folder, 'server.log');
  let logFd: number;
  try {
    logFd = openSync(logFile, 'a');
  } catch (thrown: unknown) {
    throw new PeerError(`mlflow server: cannot write its log ${logFile} (${(thrown as Error).message})`);
  }
  const logStart = statSync(logFile).size;
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
        // The job executor starts a consumer process per job kind and none of our calls uses it.
        MLFLOW_SERVER_ENABLE_JOB_EXECUTION: 'false',
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
  const close = async (removeFolder: boolean) => {
    if (closed) return;
    closed = true;
    process.removeListener('exit', stopOnExit);
    await stop(child);
    if (removeFolder) await rm(folder, { recursive: true, force: true });
  };
  const failed = async (message: string): Promise<typeof PORT_TAKEN> => {
    await close(false);
    const log = readFileSync(logFile, 'utf8').slice(logStart);
    // uvicorn reports a taken port and exits with code 0.
    if (log.includes('address already in use')) return PORT_TAKEN;
    throw new PeerError(`${message}; see ${logFile}: ${lastErrorLine(log)}`);
  };

  const timeout = options.startTimeoutMs ?? 60_000;
  const deadline = Date.now() + timeout;
  for (;;) {
    if (exited !== undefined) return failed(`mlflow server exited with code ${exited} before answering`);
    // An answer counts only while our process lives: one that lost its port exits soon after.
    if ((await healthy(url)) && exited === undefined) {
      return { url, folder, close: () => close(owned) };
    }
    if (Date.now() > deadline) return failed(`mlflow server did not answer ${url}/health within ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The log's last line that reports an error, else its last line. */
function lastErrorLine(log: string): string {
  const lines = log
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const errors = lines.filter((line) => /error|exception|traceback/i.test(line));
  return errors.at(-1) ?? lines.at(-1) ?? '(empty log)';
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
