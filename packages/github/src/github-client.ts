import { Octokit } from '@octokit/core';
import { paginateRest } from '@octokit/plugin-paginate-rest';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';

const ClientClass = Octokit.plugin(paginateRest, retry, throttling);

/** The one Octokit every request goes through: retries on 5xx, waits out rate limits. */
export type GitHubClient = InstanceType<typeof ClientClass>;

export interface GitHubClientOptions {
  token: string;
  apiUrl: string;
  /** How many times a failed or rate-limited request is retried. */
  retries?: number;
  /** Scales every wait; tests pass a small value so that retries take milliseconds. */
  waitScale?: number;
  log?: { warn(message: string): void; debug(message: string): void };
}

/** Creates the client. Rate limits are retried up to `retries` times, after GitHub's Retry-After. */
export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const retries = options.retries ?? 3;
  const scale = options.waitScale ?? 1;
  const log = options.log ?? { warn: () => undefined, debug: () => undefined };
  return new ClientClass({
    auth: options.token,
    baseUrl: options.apiUrl,
    userAgent: 'ml-actions',
    log: {
      debug: (message: string) => log.debug(message),
      info: (message: string) => log.debug(message),
      warn: (message: string) => log.warn(message),
      error: (message: string) => log.warn(message),
    },
    retry: { retries, retryAfterBaseValue: Math.max(1, Math.round(1000 * scale)) },
    throttle: {
      // Bottleneck clustering is not needed for one short-lived step; it only adds start-up cost.
      onRateLimit: (retryAfter: number, _options: unknown, _octokit: unknown, retryCount: number) => {
        log.warn(`GitHub rate limit hit; retrying after ${retryAfter} s (attempt ${retryCount + 1})`);
        return retryCount < retries;
      },
      onSecondaryRateLimit: (retryAfter: number, _options: unknown, _octokit: unknown, retryCount: number) => {
        log.warn(`GitHub secondary rate limit hit; retrying after ${retryAfter} s (attempt ${retryCount + 1})`);
        return retryCount < retries;
      },
      fallbackSecondaryRateRetryAfter: Math.max(1, Math.round(60 * scale)),
    },
  });
}
