import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { repositoryRoot } from '../harness/repository-root.ts';

/** Where the peers' virtual environment is and what it was built from. */
export interface PeersLocation {
  /** The pinned requirements file. */
  requirements: string;
  /** The folder holding `venv/` and `install.log`. */
  folder: string;
  /** The Python that creates the environment. */
  basePython: string;
}

/** A ready peers environment. */
export interface PeersEnvironment {
  /** The environment's python. */
  python: string;
  /** Its bin folder, where the peers' commands (`mlflow`, `gto`) are. */
  bin: string;
}

/** A peer that could not be installed or started: one line naming it and how to retry. */
export class PeerError extends Error {
  override name = 'PeerError';
}

const RETRY = 'retry with: npm run peers';
const STAMP = 'ml-actions-requirements.sha256';

/** The project's own location: `test/peers/requirements.txt` into `.peers/`. */
export function defaultPeersLocation(): PeersLocation {
  const root = repositoryRoot();
  return {
    requirements: join(root, 'test', 'peers', 'requirements.txt'),
    folder: join(root, '.peers'),
    basePython: process.env['ML_ACTIONS_PYTHON'] ?? 'python3',
  };
}

function environmentOf(location: PeersLocation): PeersEnvironment {
  const bin = join(location.folder, 'venv', 'bin');
  return { python: join(bin, 'python'), bin };
}

/**
 * The digest an environment is built for: the requirements file's bytes and the exact version
 * of the Python creating it. A change to either rebuilds the environment.
 */
function buildDigest(location: PeersLocation, requirements: string): string {
  const version = spawnSync(location.basePython, ['-c', 'import sys; print(sys.version)'], { encoding: 'utf8' });
  if (version.status !== 0) {
    throw new PeerError(
      `peers: ${location.basePython} does not run (${version.error?.message ?? version.stderr.trim()}); install Python 3.11 and ${RETRY}`,
    );
  }
  return createHash('sha256').update(requirements).update('\0').update(version.stdout).digest('hex');
}

function stampOf(location: PeersLocation): string | undefined {
  const path = join(location.folder, 'venv', STAMP);
  return existsSync(path) ? readFileSync(path, 'utf8').trim() : undefined;
}

/**
 * The peers environment, for tests: it must have been built from the current requirements file.
 * Never skips: a missing or stale environment is a PeerError saying how to build it.
 */
export function peersEnvironment(location: PeersLocation = defaultPeersLocation()): PeersEnvironment {
  const environment = environmentOf(location);
  const requirements = readFileSync(location.requirements, 'utf8');
  if (!existsSync(environment.python) || stampOf(location) !== buildDigest(location, requirements)) {
    throw new PeerError(`peers: the Python environment in ${location.folder} is missing or out of date; ${RETRY}`);
  }
  return environment;
}

/**
 * Creates the peers' virtual environment from the pinned requirements, or reuses it when it was
 * built from the same requirements and Python. The stamp is written last, so an interrupted
 * install is rebuilt from scratch next time. pip's output goes to `install.log`; a failure is one
 * line naming the package pip could not install.
 */
export async function ensurePeersEnvironment(
  location: PeersLocation = defaultPeersLocation(),
  log: (line: string) => void = () => {},
): Promise<{ environment: PeersEnvironment; reused: boolean }> {
  const requirements = await readFile(location.requirements, 'utf8');
  const digest = buildDigest(location, requirements);
  const environment = environmentOf(location);
  if (existsSync(environment.python) && stampOf(location) === digest) return { environment, reused: true };

  const venv = join(location.folder, 'venv');
  await rm(venv, { recursive: true, force: true });
  await mkdir(location.folder, { recursive: true });
  const logFile = join(location.folder, 'install.log');
  const pins = requirements.split('\n').filter((line) => /^[A-Za-z0-9]/.test(line)).length;
  log(`peers: creating ${venv} with ${pins} pinned packages from ${location.requirements} (pip output: ${logFile})`);
  await runLogged(
    location.basePython,
    ['-m', 'venv', venv],
    logFile,
    (output) => `peers: ${location.basePython} -m venv failed: ${lastLine(output)}; ${RETRY}`,
  );
  const pipArgs = ['-m', 'pip', 'install', '--no-input', '--disable-pip-version-check', '-r', location.requirements];
  await runLogged(environment.python, pipArgs, logFile, (output) => installFailure(output, logFile));
  await writeFile(join(venv, STAMP), `${digest}\n`);
  return { environment, reused: false };
}

function runLogged(
  command: string,
  args: string[],
  logFile: string,
  failure: (output: string) => string,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(logFile, { flags: 'a' });
    out.write(`$ ${command} ${args.join(' ')}\n`);
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    // pip's messages that name a failing package come last; the tail is enough to find them.
    let tail = '';
    const keep = (chunk: Buffer) => {
      out.write(chunk);
      tail = (tail + chunk.toString('utf8')).slice(-64 * 1024);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (error) => {
      out.end();
      reject(new PeerError(failure(error.message)));
    });
    child.on('close', (code) => {
      out.end(() => (code === 0 ? resolve() : reject(new PeerError(failure(tail)))));
    });
  });
}

const FAILED_PACKAGE = [
  /No matching distribution found for (\S+)/,
  /Could not find a version that satisfies the requirement (\S+)/,
  /Failed (?:to build|building wheel for) (\S+)/,
  /Cannot install (\S+)/,
];

/** One line from pip's output: the package it could not install, else its last error line. */
export function installFailure(output: string, logFile: string): string {
  for (const pattern of FAILED_PACKAGE) {
    const match = pattern.exec(output);
    if (match?.[1] !== undefined) return `peers: pip could not install ${match[1]} (see ${logFile}); ${RETRY}`;
  }
  return `peers: pip install failed: ${lastLine(output)} (see ${logFile}); ${RETRY}`;
}

function lastLine(output: string): string {
  const lines = output.split('\n').map((line) => line.trim());
  const errors = lines.filter((line) => line.startsWith('ERROR:'));
  return (errors.at(-1) ?? lines.filter((line) => line !== '').at(-1) ?? 'no output').slice(0, 300);
}
