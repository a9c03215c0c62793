/**
 * What `@actions/github` or `@octokit/rest` would cost instead of our client setup: a tiny entry
 * that imports only the library and makes one client, bundled by esbuild and by ncc, its bundle
 * size and its cold start under Node 24 against `node -e ''`. The libraries are installed at pinned
 * versions in a scratch folder (never into the repository), next to our own client's packages at
 * the versions the repository has, so that every entry is bundled from the same kind of tree.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir, loadavg } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { node24, repositoryRoot } from '@ml-actions/testkit';
import { expectExit, formatMs, formatRatio, median, runChild, type FigureRow } from './measure.ts';

const run = promisify(execFile);
const ROUNDS = 15;

/** The two candidates, pinned: the newest releases when this benchmark was written. */
const CANDIDATE_VERSIONS = { '@actions/github': '9.1.1', '@octokit/rest': '22.0.1' };
/** ncc, which the actions were bundled with before esbuild, for the side-by-side figures. */
const NCC_VERSION = { '@vercel/ncc': '0.45.0' };
/** Our client's packages, at the versions the repository itself installs. */
const OUR_PACKAGES = [
  '@octokit/core',
  '@octokit/plugin-paginate-rest',
  '@octokit/plugin-retry',
  '@octokit/plugin-throttling',
  '@actions/core',
];

const THROTTLE = 'throttle: { onRateLimit: () => false, onSecondaryRateLimit: () => false }';

/** Each entry imports only its library and makes one client, printing a word to prove it ran. */
const ENTRIES: { name: string; label: string; source: string }[] = [
  {
    name: 'ours',
    label: '(a) @octokit/core + paginate-rest + retry + throttling (ours)',
    source: `import { Octokit } from '@octokit/core';
import { paginateRest } from '@octokit/plugin-paginate-rest';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
const Client = Octokit.plugin(paginateRest, retry, throttling);
const octokit = new Client({ auth: 'x', ${THROTTLE} });
console.log(typeof octokit.paginate);
`,
  },
  {
    // Every action bundle already holds @actions/core, whose HTTP client brings undici: what
    // @actions/github would add to a real action is the difference between (a+) and (b+).
    name: 'ours-core',
    label: '(a+) ours + @actions/core',
    source: `import * as core from '@actions/core';
import { Octokit } from '@octokit/core';
import { paginateRest } from '@octokit/plugin-paginate-rest';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
const Client = Octokit.plugin(paginateRest, retry, throttling);
const octokit = new Client({ auth: 'x', ${THROTTLE} });
console.log(typeof octokit.paginate, typeof core.getInput);
`,
  },
  {
    name: 'actions-github',
    label: '(b) @actions/github: context + getOctokit',
    source: `import { context, getOctokit } from '@actions/github';
const octokit = getOctokit('x');
console.log(typeof octokit.rest.repos.get, context.eventName);
`,
  },
  {
    name: 'actions-github-core',
    label: '(b+) @actions/github + @actions/core + retry + throttling',
    source: `import * as core from '@actions/core';
import { context, getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
const octokit = getOctokit('x', { ${THROTTLE} }, retry, throttling);
console.log(typeof octokit.rest.repos.get, typeof core.getInput, context.eventName);
`,
  },
  {
    name: 'octokit-rest',
    label: '(c) @octokit/rest',
    source: `import { Octokit } from '@octokit/rest';
const octokit = new Octokit({ auth: 'x' });
console.log(typeof octokit.rest.repos.get);
`,
  },
  {
    // What we would actually ship with (c): it has no retry or throttling of its own.
    name: 'octokit-rest-plugins',
    label: '(c+) @octokit/rest + retry + throttling',
    source: `import { Octokit } from '@octokit/rest';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
const Client = Octokit.plugin(retry, throttling);
const octokit = new Client({ auth: 'x', ${THROTTLE} });
console.log(typeof octokit.rest.repos.get);
`,
  },
];

interface Bundle {
  label: string;
  bundler: 'esbuild' | 'ncc';
  main: string;
  bytes: number;
}

/** Runs the library-cost figures. */
export async function libraryCost(): Promise<FigureRow[]> {
  console.log(`  uptime: ${await uptime()}`);
  const scratch = await mkdtemp(join(tmpdir(), 'bench-libraries-'));
  try {
    const versions = await installScratch(scratch);
    console.log(
      `  installed in ${scratch}: ${Object.entries(versions)
        .map(([n, v]) => `${n}@${v}`)
        .join(', ')}`,
    );
    const bundles: Bundle[] = [];
    for (const entry of ENTRIES) {
      const file = join(scratch, `${entry.name}.js`);
      await writeFile(file, entry.source);
      bundles.push(await bundleWithEsbuild(scratch, entry.name, entry.label));
      bundles.push(await bundleWithNcc(scratch, entry.name, entry.label));
    }

    // A clean environment: no event payload, so @actions/github's context reads nothing.
    const env = { PATH: process.env['PATH'] ?? '', HOME: scratch };
    const start = (bundle: Bundle) => runChild(node24(), [bundle.main], { env, cwd: scratch });
    const bare = () => runChild(node24(), ['-e', ''], { env, cwd: scratch });
    // One untimed pass: each bundle must run and print its word; it also warms the page cache.
    for (const bundle of bundles) {
      const result = await start(bundle);
      expectExit(result, 0, `${bundle.label} (${bundle.bundler})`);
      if (!result.stdout.startsWith('function')) throw new Error(`${bundle.main} printed ${result.stdout}`);
    }
    expectExit(await bare(), 0, "node -e ''");

    const reference: number[] = [];
    const times = bundles.map((): number[] => []);
    for (let round = 0; round < ROUNDS; round++) {
      reference.push((await bare()).wallMs);
      for (const [index, bundle] of bundles.entries()) times[index]!.push((await start(bundle)).wallMs);
    }
    console.log(`  uptime: ${await uptime()}`);

    const referenceMs = median(reference);
    return bundles.map((bundle, index) => {
      const ms = median(times[index]!);
      return {
        figure: `6. library cost: ${bundle.label}, ${bundle.bundler} (${kb(bundle.bytes)})`,
        value: formatMs(ms),
        reference: `node -e '' ${formatMs(referenceMs)}`,
        ratio: formatRatio(ms / referenceMs),
        target: 'reported',
        verdict: 'info',
      };
    });
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** Installs the candidates and our client's packages into the scratch folder; returns what it got. */
async function installScratch(scratch: string): Promise<Record<string, string>> {
  const ours: Record<string, string> = {};
  for (const name of OUR_PACKAGES) ours[name] = await installedVersion(join(repositoryRoot(), 'node_modules'), name);
  const dependencies = { ...ours, ...CANDIDATE_VERSIONS, ...NCC_VERSION };
  await writeFile(
    join(scratch, 'package.json'),
    JSON.stringify({ name: 'library-cost', private: true, type: 'module', dependencies }, null, 2),
  );
  // No scripts: none of these packages needs one, and a benchmark runs no one else's code at install.
  await run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--save-exact'], {
    cwd: scratch,
    maxBuffer: 16 * 1024 * 1024,
  });
  const got: Record<string, string> = {};
  for (const name of Object.keys(dependencies)) got[name] = await installedVersion(join(scratch, 'node_modules'), name);
  return got;
}

async function installedVersion(modules: string, name: string): Promise<string> {
  const manifest = JSON.parse(await readFile(join(modules, name, 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

/** ESM for Node 24, not minified, with `require` for the CommonJS dependencies: as ncc builds ours. */
async function bundleWithEsbuild(scratch: string, name: string, label: string): Promise<Bundle> {
  const main = join(scratch, 'out', 'esbuild', name, 'index.js');
  await build({
    entryPoints: [join(scratch, `${name}.js`)],
    outfile: main,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    logLevel: 'error',
  });
  return { label, bundler: 'esbuild', main, bytes: await folderBytes(join(scratch, 'out', 'esbuild', name)) };
}

/** The ncc command scripts/build-actions.ts ran before it moved to esbuild. */
async function bundleWithNcc(scratch: string, name: string, label: string): Promise<Bundle> {
  const folder = join(scratch, 'out', 'ncc', name);
  await mkdir(folder, { recursive: true });
  const ncc = join(scratch, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');
  await run(process.execPath, [ncc, 'build', `${name}.js`, '-o', folder, '--no-cache', '--quiet'], {
    cwd: scratch,
    maxBuffer: 64 * 1024 * 1024,
  });
  const main = (await readdir(folder)).find((file) => /^index\.m?js$/.test(file));
  if (main === undefined) throw new Error(`ncc wrote no index.js into ${folder}`);
  return { label, bundler: 'ncc', main: join(folder, main), bytes: await folderBytes(folder) };
}

/** The bytes of every script in a bundle folder (a main file and any chunks). */
async function folderBytes(folder: string): Promise<number> {
  let bytes = 0;
  for (const file of await readdir(folder)) {
    if (/\.[cm]?js$/.test(file)) bytes += (await stat(join(folder, file))).size;
  }
  return bytes;
}

function kb(bytes: number): string {
  return `${Math.round(bytes / 1024).toLocaleString('en-US')} KB`;
}

async function uptime(): Promise<string> {
  try {
    return (await run('uptime', [])).stdout.trim();
  } catch {
    return `load average ${loadavg()
      .map((load) => load.toFixed(2))
      .join(', ')}`;
  }
}
