/**
 * `npm run peers`: creates (or reuses) the Python environment of the real ML tools the tests run
 * against, from test/peers/requirements.txt into .peers/venv, and makes sure Debian's tools are
 * there: Chromium for the browser tests of the trend page and of our comments (playwright-core
 * drives it; it never downloads a browser of its own) with Noto's colour emoji, which our comments
 * use, the CNCF distribution registry (`docker-registry`) and `skopeo` for the OCI push tests;
 * and builds nektos/act (the runner tests run our workflows with it) from the Go module proxy.
 * `npm test` runs it first.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ensureAct, ensurePeersEnvironment, PeerError } from '@ml-actions/testkit';

/** Debian packages the tests use, by the command (or file) each provides. */
const DEBIAN_TOOLS = [
  { command: 'chromium', pkg: 'chromium', why: 'the browser tests drive it', override: 'CHROMIUM_PATH' },
  { command: 'docker-registry', pkg: 'docker-registry', why: 'the OCI push tests push to it' },
  { command: 'skopeo', pkg: 'skopeo', why: 'the OCI push tests read back with it' },
  {
    file: '/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf',
    pkg: 'fonts-noto-color-emoji',
    why: "the screenshots of our comments show their emoji with it, as people's browsers do",
  },
] as const;

const started = Date.now();
try {
  const { environment, reused } = await ensurePeersEnvironment(undefined, (line) => console.log(line));
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`peers: ${reused ? 'reusing' : 'created'} ${environment.python} (${seconds} s)`);
  ensureDebianTools();
  const act = ensureAct((line) => console.log(line));
  console.log(`peers: ${act.reused ? 'reusing' : 'built'} ${act.path}`);
} catch (error) {
  if (!(error instanceof PeerError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}

/** Installs the Debian packages that are missing with apt-get when this is root; else says how. */
function ensureDebianTools(): void {
  const found = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
  const missing = DEBIAN_TOOLS.filter((tool) =>
    'file' in tool
      ? !existsSync(tool.file)
      : !found(tool.command) && !('override' in tool && process.env[tool.override] !== undefined),
  );
  if (missing.length === 0) return;
  const names = missing.map((tool) => tool.pkg).join(' ');
  if (process.getuid?.() !== 0 || !found('apt-get')) {
    for (const tool of missing) {
      console.error(`peers: ${'file' in tool ? tool.file : tool.command} is missing, which ${tool.why}`);
    }
    console.error(`peers: install them with \`sudo apt-get install -y ${names}\` (Debian)`);
    process.exitCode = 1;
    return;
  }
  console.log(`peers: installing Debian's ${names} (apt-get)`);
  for (const args of [['update'], ['install', '-y', ...missing.map((tool) => tool.pkg)]]) {
    const result = spawnSync('apt-get', args, {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit ${result.status})`);
  }
}
