/**
 * Bundles every action with esbuild into its committed dist/: ES modules, with the code that only
 * some paths need (the artifact client, Octokit, the YAML and TOML parsers) split into chunks that
 * are imported on first use, so that a step starts in little more than Node's own start-up. With
 * --check, bundles into a temporary folder instead and fails, showing what differs, when a committed
 * bundle is not what a fresh build gives (a stale bundle would run code that is not in src/).
 */
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { build, type Metafile, type Plugin } from 'esbuild';

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

/**
 * The HTTP stack that `@actions/core` imports for its OIDC helper, which no action calls. Their
 * modules have no side effects we rely on, but do not say so, and evaluating them costs more than
 * the rest of a start. Declared free of side effects, they are left out wherever nothing uses them;
 * the artifact client, which does use them, still gets them in its own chunk.
 */
const SIDE_EFFECT_FREE = new Set(['@actions/http-client', 'undici', 'tunnel']);

const sideEffectFree: Plugin = {
  name: 'side-effect-free',
  setup(plugin) {
    plugin.onResolve({ filter: /^[^./]/ }, async (args) => {
      const name = packageName(args.path);
      if (!SIDE_EFFECT_FREE.has(name) || args.pluginData === 'side-effect-free') return undefined;
      const resolved = await plugin.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        importer: args.importer,
        pluginData: 'side-effect-free',
      });
      if (resolved.errors.length > 0) return { errors: resolved.errors };
      return { ...resolved, sideEffects: false };
    });
  },
};

/**
 * CommonJS packages that the sources import with `import()` on first use. esbuild gives such a
 * chunk a default export only, where Node gives the named exports too; a module that re-exports
 * each name (read from the package itself) keeps `const { parse } = await import('yaml')` working.
 */
const LAZY_COMMONJS = new Set(['yaml']);

const lazyCommonjs: Plugin = {
  name: 'lazy-commonjs',
  setup(plugin) {
    plugin.onResolve({ filter: /^[^./]/ }, (args) =>
      args.kind === 'dynamic-import' && LAZY_COMMONJS.has(args.path)
        ? { path: args.path, namespace: 'lazy-commonjs' }
        : undefined,
    );
    plugin.onLoad({ filter: /.*/, namespace: 'lazy-commonjs' }, (args) => {
      const names = Object.keys(createRequire(join(root, 'package.json'))(args.path) as object)
        .filter((name) => /^[A-Za-z_$][\w$]*$/.test(name) && name !== 'default' && name !== '__esModule')
        .sort();
      return { contents: `export { ${names.join(', ')} } from '${args.path}';`, resolveDir: root, loader: 'js' };
    });
  },
};

/** `@scope/name` or `name` of an import specifier or of the part of a path after node_modules/. */
function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

// CommonJS dependencies call require() for Node's built-ins, which an ES module does not have.
const BANNER =
  "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);";

/** The one file the artifact client is built into, next to the action's entry. */
const ARTIFACT_CHUNK = 'artifact.js';

/**
 * `@actions/artifact` is bundled on its own. In one build with the action, its use of
 * `@actions/core` would keep the OIDC helper, and with it the HTTP stack, in the chunk every start
 * loads; built apart, the action imports it on first use only.
 */
const artifactApart = (used: { artifact: boolean }): Plugin => ({
  name: 'artifact-apart',
  setup(plugin) {
    plugin.onResolve({ filter: /^@actions\/artifact$/ }, () => {
      used.artifact = true;
      return { path: `./${ARTIFACT_CHUNK}`, external: true };
    });
  },
});

const COMMON = {
  absWorkingDir: root,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node24',
  banner: { js: BANNER },
  metafile: true,
  logLevel: 'silent',
} as const;

async function bundle(action: string, outDir: string): Promise<void> {
  const used = { artifact: false };
  const main = await build({
    ...COMMON,
    entryPoints: { index: join('actions', action, 'src', 'index.ts') },
    outdir: outDir,
    splitting: true,
    chunkNames: 'chunk-[hash]',
    plugins: [lazyCommonjs, sideEffectFree, artifactApart(used)],
  });
  const metafiles = [main.metafile];
  if (used.artifact) {
    const artifact = await build({
      ...COMMON,
      stdin: { contents: "export * from '@actions/artifact';", resolveDir: root, sourcefile: 'artifact-entry.js' },
      outfile: join(outDir, ARTIFACT_CHUNK),
      plugins: [sideEffectFree],
    });
    metafiles.push(artifact.metafile);
  }
  await writeFile(join(outDir, 'package.json'), '{\n  "type": "module"\n}\n');
  await writeFile(join(outDir, 'licenses.txt'), await licenses(metafiles));
}

/** The folder, relative to the root, of the installed package an input of the bundle belongs to. */
function packageFolder(input: string): string | undefined {
  const parts = input.split('/');
  const at = parts.lastIndexOf('node_modules');
  if (at === -1) return undefined;
  const length = parts[at + 1]?.startsWith('@') ? 2 : 1;
  return parts.slice(0, at + 1 + length).join('/');
}

const LICENSE_FILE = /^licen[cs]e(\.(md|txt))?$/i;

/** Name, version, licence and licence text of every third-party package in the bundle, as ncc wrote them. */
async function licenses(metafiles: Metafile[]): Promise<string> {
  const folders = new Set<string>();
  for (const output of metafiles.flatMap((metafile) => Object.values(metafile.outputs))) {
    for (const input of Object.keys(output.inputs)) {
      const folder = packageFolder(input);
      if (folder !== undefined) folders.add(folder);
    }
  }
  const entries: { name: string; text: string }[] = [];
  for (const folder of folders) {
    const absolute = join(root, ...folder.split('/'));
    const manifest = JSON.parse(await readFile(join(absolute, 'package.json'), 'utf8')) as {
      name: string;
      version: string;
      license?: string;
    };
    const file = (await readdir(absolute)).sort().find((name) => LICENSE_FILE.test(name));
    const text = file === undefined ? '' : (await readFile(join(absolute, file), 'utf8')).trim();
    entries.push({
      name: manifest.name,
      text: [`${manifest.name}@${manifest.version}`, manifest.license ?? 'UNKNOWN', text].join('\n').trim(),
    });
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return entries.map((entry) => `${entry.text}\n`).join('\n');
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
  // Two at a time: these machines have two cores.
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
