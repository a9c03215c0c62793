/**
 * Failures injected on purpose, consumed in the order they were added, so tests can show that
 * callers retry 5xx, wait out rate limits and survive dropped or cut-off connections.
 */

export interface FaultSpec {
  method?: string;
  /** A raw path (`/repos/o/r/pulls/1`), a path template (`/repos/{owner}/{repo}/pulls/{pull_number}`) or a RegExp on the raw path. */
  path?: string | RegExp;
  /** How many matching requests this fault applies to; default 1. */
  times?: number;
  status?: 500 | 502 | 503 | 429 | 403 | 404;
  /** Seconds; sets `Retry-After` (and, for a primary rate limit, `x-ratelimit-reset`). */
  retryAfter?: number;
  /**
   * For 403 and 429: `secondary` (the default when `retryAfter` is set) sends GitHub's
   * secondary-rate-limit message; `primary` sends `x-ratelimit-remaining: 0`.
   */
  rateLimit?: 'primary' | 'secondary';
  message?: string;
  /** Waits this long before answering (or before applying the rest of the fault). */
  delayMs?: number;
  /** Destroys the socket without an answer. */
  reset?: boolean;
  /** Sends the real answer's headers and half its body, then destroys the socket. */
  truncate?: boolean;
  /**
   * Runs just before the request is answered (as usual, when no status is set): another client's
   * write that lands first, such as a tag another run creates between a listing and a create.
   */
  before?: () => void;
}

export interface FaultResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export class FaultInjector {
  private readonly queue: { spec: FaultSpec; left: number }[] = [];

  /** Queues a fault; the first one that matches a request is applied. */
  add(spec: FaultSpec): void {
    const times = spec.times ?? 1;
    if (!Number.isInteger(times) || times < 1) throw new Error(`fault times must be a positive integer, got ${times}`);
    this.queue.push({ spec, left: times });
  }

  clear(): void {
    this.queue.length = 0;
  }

  /** Faults still waiting for a request. */
  get pending(): number {
    return this.queue.reduce((sum, entry) => sum + entry.left, 0);
  }

  /** Takes one use of the first fault matching this request, if any. */
  take(method: string, path: string, template: string | undefined): FaultSpec | undefined {
    const index = this.queue.findIndex(({ spec }) => matches(spec, method, path, template));
    const entry = this.queue[index];
    if (entry === undefined) return undefined;
    entry.left -= 1;
    if (entry.left === 0) this.queue.splice(index, 1);
    return entry.spec;
  }
}

function matches(spec: FaultSpec, method: string, path: string, template: string | undefined): boolean {
  if (spec.method !== undefined && spec.method.toUpperCase() !== method) return false;
  if (spec.path === undefined) return true;
  if (spec.path instanceof RegExp) return spec.path.test(path);
  return spec.path === path || spec.path === template;
}

const STATUS_MESSAGES: Record<number, string> = {
  403: 'Resource not accessible by integration',
  404: 'Not Found',
  429: 'Too Many Requests',
  500: 'Server Error',
  502: 'Server Error',
  503: 'Service Unavailable',
};

/** The answer GitHub would send for this fault's status, with its rate-limit headers. */
export function faultResponse(spec: FaultSpec & { status: number }, nowSeconds: number): FaultResponse {
  const headers: Record<string, string> = {};
  let message = spec.message ?? STATUS_MESSAGES[spec.status] ?? 'Error';
  const limited = spec.status === 403 || spec.status === 429;
  const kind = spec.rateLimit ?? (spec.retryAfter !== undefined || spec.status === 429 ? 'secondary' : undefined);
  if (limited && kind === 'primary') {
    const wait = spec.retryAfter ?? 60;
    headers['x-ratelimit-limit'] = '5000';
    headers['x-ratelimit-remaining'] = '0';
    headers['x-ratelimit-used'] = '5000';
    headers['x-ratelimit-reset'] = String(nowSeconds + wait);
    headers['x-ratelimit-resource'] = 'core';
    message = spec.message ?? 'API rate limit exceeded for installation ID 1.';
  } else if (limited && kind === 'secondary') {
    message =
      spec.message ??
      'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.';
  }
  if (spec.retryAfter !== undefined) headers['retry-after'] = String(spec.retryAfter);
  return {
    status: spec.status,
    headers,
    body: { message, documentation_url: 'https://docs.github.com/rest', status: String(spec.status) },
  };
}
