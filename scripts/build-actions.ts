/**
 * Bundles every action with ncc into its committed dist/. With --check, bundles into a temporary
 * folder instead and fails, showing what differs, when a committed bundle is not what a fresh build
 * gives (a stale bundle would run code that is not in src/).
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..');
const check = process.argv.includes('--check');
const only = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));

async function listFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)))
    .sort();
}

// No shared build cache: two builds running side by side could otherwise see each other's state.
async function bundle(action: string, outDir: string): Promise<void> {
  const ncc = join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');
  await run(
    process.execPath,
    [ncc, 'build', 'src/index.ts', '-o', outDir, '--license', 'licenses.txt', '--no-cache', '--quiet'],
    {
      cwd: join(root, 'actions', action),
      maxBuffer: 64 * 1024 * 1024,
    },
  );
}

/** Where two text files first differ, so a CI log shows what changed. */
function firstDifference(fresh: Buffer, committed: Buffer): string {
  const a = fresh.toString('utf8').split('\n');
  const b = committed.toString('utf8').split('\n');
  const line = a.findIndex((text, index) => text !== b[index]);
  const at = line === -1 ? a.length : line;
  return ` (line ${at + 1}: fresh ${JSON.stringify((a[at] ?? '').slice(0, 80))}, committed ${JSON.stringify((b[at] ?? '').slice(0, 80))})`;
}

async function differences(expectedDir: string, actualDir: string): Promise<string[]> {
  const [expected, actual] = await Promise.all([listFiles(expectedDir), listFiles(actualDir)]);
  const problems: string[] = [];
  for (const file of expected) {
    if (!actual.includes(file)) problems.push(`missing from the committed dist: ${file}`);
  }
  for (const file of actual) {
    if (!expected.includes(file)) problems.push(`stray file in the committed dist: ${file}`);
  }
  for (const file of expected.filter((name) => actual.includes(name))) {
    const [fresh, committed] = await Promise.all([readFile(join(expectedDir, file)), readFile(join(actualDir, file))]);
    if (!fresh.equals(committed))
      problems.push(`differs from a fresh build: ${file}${firstDifference(fresh, committed)}`);
  }
  return problems;
}

const actions = (await readdir(join(root, 'actions'), { withFileTypes: true }))
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .filter((name) => only.length === 0 || only.includes(name))
  .sort();

const scratch = await mkdtemp(join(tmpdir(), 'ml-actions-build-'));
let failed = false;
try {
  // Two at a time: ncc is single-threaded and these machines have two cores.
  for (let index = 0; index < actions.length; index += 2) {
    await Promise.all(
      actions.slice(index, index + 2).map(async (action) => {
        const fresh = join(scratch, action);
        await bundle(action, fresh);
        const dist = join(root, 'actions', action, 'dist');
        if (check) {
          const problems = await differences(fresh, dist);
          for (const problem of problems) console.error(`actions/${action}/dist: ${problem}`);
          if (problems.length > 0) failed = true;
          else console.log(`actions/${action}/dist is up to date`);
        } else {
          await rm(dist, { recursive: true, force: true });
          await cp(fresh, dist, { recursive: true });
          console.log(`built actions/${action}/dist`);
        }
      }),
    );
  }
} finally {
  await rm(scratch, { recursive: true, force: true });
}
if (failed) {
  console.error('Committed bundles are stale: run `npm run build` and commit actions/*/dist.');
  process.exitCode = 1;
}
