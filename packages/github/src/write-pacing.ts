import { wait as sleep } from './wait.ts';
import type { Octokit, OctokitOptions } from '@octokit/core';

/**
 * GitHub's guidance against secondary rate limits: wait at least a second between requests that
 * create or change content (POST, PATCH, PUT, DELETE), which also keeps us well under its 80
 * content-creating requests a minute.
 */
export const WRITE_SPACING_MS = 1000;

const WRITE_METHODS = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

export interface WritePacingOptions {
  /** The least time between the starts of two writes. */
  spacingMs: number;
  /** Milliseconds now; a test passes a fake clock. */
  now?: () => number;
  wait?: (ms: number) => Promise<unknown>;
}

/**
 * The Octokit plugin that spaces every write request of a client (`writePacing` option) at least
 * `spacingMs` apart, one at a time and in order; reads are not held. A retry of a write happens
 * inside it (the retry and throttling plugins are registered first) and keeps its own back-off.
 */
export function writePacing(octokit: Octokit, options: OctokitOptions): void {
  const pacing = (options as { writePacing?: WritePacingOptions }).writePacing;
  if (pacing === undefined || pacing.spacingMs <= 0) return;
  const now = pacing.now ?? Date.now;
  const wait = pacing.wait ?? sleep;
  let lastStart = Number.NEGATIVE_INFINITY;
  // Writes take their turn in order: each waits for the one before it to have started.
  let queue: Promise<void> = Promise.resolve();
  octokit.hook.wrap('request', async (request, endpoint) => {
    if (!WRITE_METHODS.has(endpoint.method.toUpperCase())) return request(endpoint);
    const turn = queue.then(async () => {
      const due = lastStart + pacing.spacingMs - now();
      if (due > 0) await wait(due);
      lastStart = now();
    });
    queue = turn;
    await turn;
    return request(endpoint);
  });
}
