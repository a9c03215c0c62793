import type Bottleneck from 'bottleneck';
import { UserError } from '@ml-actions/core';
import { refuseIncompleteAnswers } from './incomplete-answer.ts';
import { WRITE_SPACING_MS, writePacing } from './write-pacing.ts';

/**
 * Octokit and its plugins, loaded on first use: evaluating them is a good part of a step's start,
 * and most paths (no token, a user error) never make a request.
 */
async function loadClientClass() {
  const [{ Octokit }, { paginateRest }, { retry }, { throttling }] = await Promise.all([
    import('@octokit/core'),
    import('@octokit/plugin-paginate-rest'),
    import('@octokit/plugin-retry'),
    import('@octokit/plugin-throttling'),
  ]);
  // Plugin order is hook order, the last outermost: a cut-off answer must be refused inside the retry
  // plugin to be retried, and a write is paced once, not again for each retry.
  return Octokit.plugin(refuseIncompleteAnswers, paginateRest, retry, throttling, writePacing);
}

/**
 * The throttling plugin spaces writes itself (1 s, 3 s for those that notify), unscaled: a limiter
 * that lets every job through stands in for its groups, so that `writePacing` alone paces writes,
 * with the wait scale.
 */
const UNPACED = {
  key: () => ({ schedule: (_options: unknown, job: () => unknown) => job() }),
} as unknown as Bottleneck.Group;

/** The one Octokit every request goes through: retries on 5xx, waits out rate limits, spaces writes. */
export type GitHubClient = InstanceType<Awaited<ReturnType<typeof loadClientClass>>>;

export interface GitHubClientOptions {
  token: string;
  apiUrl: string;
  /** How many times a failed or rate-limited request is retried. */
  retries?: number;
  /** Scales every wait; default from ML_ACTIONS_RETRY_WAIT_SCALE (see `retryWaitScale`), else 1. */
  waitScale?: number;
  /** Where retry warnings and request details go: the step's log. */
  log: { warn(message: string): void; debug(message: string): void };
  /** Where ML_ACTIONS_RETRY_WAIT_SCALE is read when `waitScale` is not given. */
  env?: Readonly<Record<string, string | undefined>>;
}

/** The variable that shortens retry waits in tests that run the bundles (a factor in (0, 1]). */
export const RETRY_WAIT_SCALE_VARIABLE = 'ML_ACTIONS_RETRY_WAIT_SCALE';

/**
 * The factor every retry wait is multiplied by: 1 on a real runner; tests that run the bundles set
 * ML_ACTIONS_RETRY_WAIT_SCALE (e.g. 0.01) so that 5xx back-off and Retry-After take milliseconds.
 */
export function retryWaitScale(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const text = env[RETRY_WAIT_SCALE_VARIABLE]?.trim() ?? '';
  if (text === '') return 1;
  const scale = Number(text);
  if (!(Number.isFinite(scale) && scale > 0 && scale <= 1)) {
    throw new UserError(`${RETRY_WAIT_SCALE_VARIABLE} must be a number in (0, 1], got "${text}"`);
  }
  return scale;
}

/** Creates the client. Rate limits are retried up to `retries` times, after GitHub's Retry-After. */
export async function createGitHubClient(options: GitHubClientOptions): Promise<GitHubClient> {
  const ClientClass = await loadClientClass();
  const retries = options.retries ?? 3;
  // Read once per client, and each action creates one client.
  const scale = options.waitScale ?? retryWaitScale(options.env);
  const log = options.log;
  const waitOut = (limit: string, retryAfter: number, retryCount: number): boolean => {
    if (retryCount >= retries) return false; // the request then fails with GitHub's own message
    log.warn(`GitHub ${limit} hit; retrying after ${retryAfter} s (attempt ${retryCount + 1} of ${retries})`);
    return true;
  };
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
    retry: {
      retries,
      retryAfterBaseValue: Math.max(1, Math.round(1000 * scale)),
      // The plugin's default list plus 429: rate limits are the throttling plugin's, which honours Retry-After.
      doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451],
    },
    writePacing: { spacingMs: Math.round(WRITE_SPACING_MS * scale) },
    throttle: {
      write: UNPACED,
      notifications: UNPACED,
      // Retry-After and rate-limit resets are in seconds; the scale shortens them only in tests.
      retryAfterBaseValue: Math.max(1, Math.round(1000 * scale)),
      // Bottleneck clustering is not needed for one short-lived step; it only adds start-up cost.
      onRateLimit: (retryAfter: number, _options: unknown, _octokit: unknown, retryCount: number) =>
        waitOut('rate limit', retryAfter, retryCount),
      onSecondaryRateLimit: (retryAfter: number, _options: unknown, _octokit: unknown, retryCount: number) =>
        waitOut('secondary rate limit', retryAfter, retryCount),
      fallbackSecondaryRateRetryAfter: 60,
    },
  });
}
