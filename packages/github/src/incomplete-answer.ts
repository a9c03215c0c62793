import type { Octokit } from '@octokit/core';

/** Thrown for an answer whose JSON body was cut off; shaped like Octokit's RequestError so that it is retried. */
export class IncompleteAnswerError extends Error {
  readonly status = 502;
  readonly request: unknown;
  readonly response: unknown;

  constructor(method: string, url: string, request: unknown, response: unknown) {
    super(`GitHub's answer to ${method} ${new URL(url, 'http://github.invalid').pathname} was cut off or is not JSON`);
    this.name = 'HttpError';
    this.request = request;
    this.response = response;
  }
}

/**
 * An Octokit plugin, listed before the retry plugin: Octokit reads a JSON body that the connection cut
 * off as a successful answer whose data is the raw text (often ""), which callers would take for an
 * empty list or a missing field. It becomes a 502-like error instead, which the retry plugin retries.
 */
export function refuseIncompleteAnswers(octokit: Octokit): void {
  octokit.hook.wrap('request', async (request, options) => {
    const response = await request(options);
    const type = String(response.headers['content-type'] ?? '');
    if (/\bjson\b/i.test(type) && typeof response.data === 'string') {
      // A copy, as Octokit's own errors carry: the retry plugin counts attempts on the original.
      const request = { ...options, request: { ...options.request } };
      throw new IncompleteAnswerError(String(options.method), response.url, request, response);
    }
    return response;
  });
}
