import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createHash } from 'node:crypto';
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { MAX_ENVIRONMENT_PACKAGES, type TrainingEnvironment } from '@ml-actions/core';

/** Commands that run Python (or a tool that is Python), whose interpreter is then recorded. */
const USES_PYTHON =
  /(^|[\s;&|(/])(python[\d.]*|pip[\d.]*|uv|poetry|conda|mamba|pytest|torchrun|accelerate|dvc|mlflow)(\s|$)/;

const runFile = promisify(execFile);

const LOCKFILE = /^(requirements[^/]*\.txt|uv\.lock|poetry\.lock|environment\.ya?ml)$/;

/** Lockfiles bigger than this are not hashed: no real one comes close. */
const MAX_LOCKFILE_BYTES = 16 * 1024 * 1024;

// Prints the interpreter's version and every installed distribution, without needing pip.
const LIST_DISTRIBUTIONS = [
  'import importlib.metadata as m, json, sys',
  "names = {f\"{d.metadata['Name']}=={d.version}\" for d in m.distributions() if d.metadata['Name']}",
  "print(json.dumps({'version': sys.version.split()[0], 'packages': sorted(names, key=str.lower)}))",
].join('\n');

/**
 * What the model was trained with, as far as the runner shows it: the runner image (RUNNER_OS,
 * RUNNER_ARCH, ImageOS, ImageVersion), the Python the command used with its distributions, the
 * lockfiles of the working directory by digest, and the GPUs nvidia-smi lists. Each part that
 * cannot be read is left out and said in the debug log; none fails the step.
 */
export async function readTrainingEnvironment(options: {
  command: string | undefined;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  debug: (message: string) => void;
}): Promise<TrainingEnvironment> {
  const { env } = options;
  const environment: TrainingEnvironment = {};
  const runner = Object.fromEntries(
    (
      [
        ['os', env['RUNNER_OS']],
        ['arch', env['RUNNER_ARCH']],
        ['imageOS', env['ImageOS']],
        ['imageVersion', env['ImageVersion']],
      ] as const
    ).filter(([, value]) => value !== undefined && value !== ''),
  );
  if (Object.keys(runner).length > 0) environment.runner = runner;
  const [python, lockfiles, gpus] = await Promise.all([
    options.command !== undefined && USES_PYTHON.test(options.command)
      ? readPython(options.cwd, env, options.debug)
      : Promise.resolve(undefined),
    readLockfiles(options.cwd, options.debug),
    readGpus(env, options.debug),
  ]);
  if (python !== undefined) environment.python = python;
  if (lockfiles.length > 0) environment.lockfiles = lockfiles;
  if (gpus.length > 0) environment.gpus = gpus;
  return environment;
}

async function readPython(
  cwd: string,
  env: Readonly<Record<string, string | undefined>>,
  debug: (message: string) => void,
): Promise<TrainingEnvironment['python']> {
  for (const interpreter of ['python3', 'python']) {
    try {
      const text = await run(interpreter, ['-c', LIST_DISTRIBUTIONS], cwd, env, 30_000);
      const answer = JSON.parse(text) as { version?: unknown; packages?: unknown };
      if (typeof answer.version !== 'string' || !Array.isArray(answer.packages)) continue;
      const packages = answer.packages.filter((item): item is string => typeof item === 'string');
      const kept = packages.slice(0, MAX_ENVIRONMENT_PACKAGES);
      return {
        version: answer.version,
        packages: kept,
        ...(packages.length > kept.length ? { omitted: packages.length - kept.length } : {}),
      };
    } catch (thrown: unknown) {
      debug(`environment: ${interpreter} gave no distributions (${(thrown as Error).message})`);
    }
  }
  return undefined;
}

async function readLockfiles(
  cwd: string,
  debug: (message: string) => void,
): Promise<{ path: string; sha256: string }[]> {
  let names: string[];
  try {
    names = (await readdir(cwd)).filter((name) => LOCKFILE.test(name)).sort();
  } catch {
    return [];
  }
  const found: { path: string; sha256: string }[] = [];
  for (const name of names) {
    const path = join(cwd, name);
    try {
      const info = await stat(path);
      if (!info.isFile() || info.size > MAX_LOCKFILE_BYTES) continue;
      found.push({
        path: name,
        sha256: createHash('sha256')
          .update(await readFile(path))
          .digest('hex'),
      });
    } catch (thrown: unknown) {
      debug(`environment: could not hash ${name} (${(thrown as Error).message})`);
    }
  }
  return found;
}

async function readGpus(
  env: Readonly<Record<string, string | undefined>>,
  debug: (message: string) => void,
): Promise<{ name: string; driver: string }[]> {
  try {
    const text = await run(
      'nvidia-smi',
      ['--query-gpu=name,driver_version', '--format=csv,noheader'],
      undefined,
      env,
      10_000,
    );
    return text
      .split('\n')
      .map((line) => line.split(',').map((part) => part.trim()))
      .filter((parts) => parts.length >= 2 && parts[0] !== '')
      .slice(0, 64)
      .map(([name = '', driver = '']) => ({ name, driver }));
  } catch (thrown: unknown) {
    const code = (thrown as { code?: unknown }).code;
    if (code !== 'ENOENT') debug(`environment: nvidia-smi failed (${(thrown as Error).message})`);
    return [];
  }
}

async function run(
  command: string,
  args: string[],
  cwd: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  timeout: number,
): Promise<string> {
  const { stdout } = await runFile(command, args, { cwd, env, timeout, maxBuffer: 8 * 1024 * 1024, encoding: 'utf8' });
  return stdout;
}
