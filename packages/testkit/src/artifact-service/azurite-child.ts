/**
 * Runs the pinned Azurite blob server in this process, and shuts it down when the parent's end of
 * our stdin closes: even a test runner killed outright then leaves no Azurite behind.
 * Started by `startAzurite` with Azurite's own command-line flags.
 */
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

function stopWhenOrphaned(): void {
  // Nobody is left to remove the data folder, so remove it on the way out.
  const location = process.argv[process.argv.indexOf('--location') + 1];
  if (process.argv.includes('--location') && location !== undefined) {
    process.once('exit', () => rmSync(location, { recursive: true, force: true }));
  }
  // SIGTERM runs Azurite's own shutdown; the timer covers a shutdown that hangs.
  process.kill(process.pid, 'SIGTERM');
  setTimeout(() => process.exit(0), 5000).unref();
}

process.stdin.on('end', stopWhenOrphaned);
process.stdin.on('error', stopWhenOrphaned);
process.stdin.resume();
// An open stdin must not keep us alive once Azurite has closed its server.
process.stdin.unref();

const packageFile = require.resolve('azurite/package.json');
const { bin } = require(packageFile) as { bin: Record<string, string> };
const entry = bin['azurite-blob'];
if (entry === undefined) throw new Error(`${packageFile} has no azurite-blob bin`);
require(join(dirname(packageFile), entry));
