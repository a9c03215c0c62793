/**
 * `npm run peers`: creates (or reuses) the Python environment of the real ML tools the tests run
 * against, from test/peers/requirements.txt into .peers/venv, and makes sure Debian's Chromium is
 * there for the trend page's browser test (playwright-core drives it; it never downloads a browser
 * of its own). `npm test` runs it first.
 */
import { spawnSync } from 'node:child_process';
import { ensurePeersEnvironment, PeerError } from '@ml-actions/testkit';

const started = Date.now();
try {
  const { environment, reused } = await ensurePeersEnvironment(undefined, (line) => console.log(line));
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`peers: ${reused ? 'reusing' : 'created'} ${environment.python} (${seconds} s)`);
  ensureChromium();
} catch (error) {
  if (!(error instanceof PeerError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}

/** Installs Debian's chromium with apt-get when it is missing and this is root; else says how. */
function ensureChromium(): void {
  const found = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
  if (process.env['CHROMIUM_PATH'] !== undefined || found('chromium')) return;
  if (process.getuid?.() !== 0 || !found('apt-get')) {
    console.error(
      'peers: chromium is missing, which the trend page browser test drives: install it with `sudo apt-get install -y chromium` (Debian), or set CHROMIUM_PATH',
    );
    process.exitCode = 1;
    return;
  }
  console.log("peers: installing Debian's chromium for the trend page browser test (apt-get)");
  for (const args of [['update'], ['install', '-y', 'chromium']]) {
    const result = spawnSync('apt-get', args, {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit ${result.status})`);
  }
}
