import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { peersEnvironment, type PeersEnvironment } from '@ml-actions/testkit';

const run = promisify(execFile);

// Checking the environment hashes the requirements and starts Python once; once a test file is enough.
let checked: PeersEnvironment | undefined;
const environment = (): PeersEnvironment => (checked ??= peersEnvironment());

/**
 * Runs one of the writer scripts in test/peers with the peers' Python and returns what it
 * printed, parsed. A missing peers environment is an error, never a skip.
 */
export async function runPeerScript<T>(script: string, args: string[], env: Record<string, string> = {}): Promise<T> {
  const { python, bin } = environment();
  const { stdout } = await run(python, [join(import.meta.dirname, '..', 'peers', script), ...args], {
    env: { ...process.env, PATH: `${bin}:${process.env['PATH'] ?? ''}`, PYTHONDONTWRITEBYTECODE: '1', ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(stdout) as T;
}

/**
 * Runs one of the scripts in test/peers with `input` as JSON on its standard input (for batches
 * too large for arguments) and returns what it printed, parsed.
 */
export async function runPeerScriptOnInput<T>(
  script: string,
  input: unknown,
  parse: (text: string) => unknown = JSON.parse,
): Promise<T> {
  const { python, bin } = environment();
  const running = run(python, [join(import.meta.dirname, '..', 'peers', script)], {
    env: { ...process.env, PATH: `${bin}:${process.env['PATH'] ?? ''}`, PYTHONDONTWRITEBYTECODE: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  running.child.stdin?.end(JSON.stringify(input));
  const { stdout } = await running;
  return parse(stdout) as T;
}

/** Runs one of the peers' commands (`gto`, `mlflow`) and returns its standard output. */
export async function runPeerCommand(command: string, args: string[], cwd: string): Promise<string> {
  const { bin } = environment();
  const { stdout } = await run(join(bin, command), args, {
    cwd,
    env: { ...process.env, PATH: `${bin}:${process.env['PATH'] ?? ''}` },
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}
