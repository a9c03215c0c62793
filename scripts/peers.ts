/**
 * `npm run peers`: creates (or reuses) the Python environment of the real ML tools the tests run
 * against, from test/peers/requirements.txt into .peers/venv. `npm test` runs it first.
 */
import { ensurePeersEnvironment, PeerError } from '@ml-actions/testkit';

const started = Date.now();
try {
  const { environment, reused } = await ensurePeersEnvironment(undefined, (line) => console.log(line));
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`peers: ${reused ? 'reusing' : 'created'} ${environment.python} (${seconds} s)`);
} catch (error) {
  if (!(error instanceof PeerError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
