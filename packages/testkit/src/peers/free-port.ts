import { randomInt } from 'node:crypto';
import { createServer } from 'node:net';

// Below Linux's ephemeral range (32768-60999 by default): the kernel hands those out to every
// outgoing connection, and one of them can take a port between our check and the peer's bind.
const LOWEST = 20_000;
const HIGHEST = 32_767;

/**
 * A loopback port nothing listens on now, for a peer server to bind a moment later. Another
 * process can still take it in between, so peers that bind late retry with a new port.
 */
export async function freePort(): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    const port = randomInt(LOWEST, HIGHEST + 1);
    if (await canListen(port)) return port;
    if (attempt === 50) throw new Error(`no free loopback port between ${LOWEST} and ${HIGHEST}`);
  }
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
