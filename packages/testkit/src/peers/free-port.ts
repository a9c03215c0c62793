import { randomInt } from 'node:crypto';
import { createServer } from 'node:net';
import { PeerError } from './peers-environment.ts';

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

/** What a peer's start answers when another process bound its port first. */
export const PORT_TAKEN = Symbol('port taken');

/**
 * Starts a peer that binds its port late (a child process, seconds after `freePort` checked it):
 * on `first` when given, else on a free port, and again on another free port, twice at most,
 * each time `start` answers PORT_TAKEN. `what` names the peer in the error after the third.
 */
export async function startOnFreePort<T>(
  what: string,
  start: (port: number) => Promise<T | typeof PORT_TAKEN>,
  first?: number,
): Promise<T> {
  for (let attempt = 1; attempt <= 3; attempt++) {
    const port = attempt === 1 && first !== undefined ? first : await freePort();
    const started = await start(port);
    if (started !== PORT_TAKEN) return started;
  }
  throw new PeerError(`${what}: another process took its port before it bound it, three times`);
}
