import { withoutUrlSecrets } from '@ml-actions/core';
import { IncompleteAnswerError } from './incomplete-answer.ts';

interface RequestErrorShape {
  status?: unknown;
  message?: unknown;
  request?: { method?: unknown; url?: unknown; request?: { retryCount?: unknown } };
  response?: { data?: unknown };
}

/**
 * One line saying which GitHub API call failed and how, for an error thrown by our Octokit (a
 * RequestError, or a cut-off answer), or undefined for anything else. It names the method and
 * path, never the headers, so no credential can leak through it.
 */
export function describeGitHubFailure(thrown: unknown): string | undefined {
  if (typeof thrown !== 'object' || thrown === null) return undefined;
  const { status, message, request, response } = thrown as RequestErrorShape;
  if (typeof status !== 'number' || typeof request?.method !== 'string' || typeof request.url !== 'string') {
    return undefined;
  }
  const call = `${request.method} ${pathOf(request.url)}`;
  const retryCount = request.request?.retryCount;
  // Only server errors are retried by the retry plugin, whose count this is.
  const after =
    status >= 500 && typeof retryCount === 'number' && retryCount > 0 ? `, after ${retryCount} retries` : '';
  if (thrown instanceof IncompleteAnswerError) return `${thrown.message}${after}`;
  const text = oneLine(typeof message === 'string' ? message : '');
  if (response === undefined) return `the connection to GitHub failed during ${call} (${text})${after}`;
  const data = response.data as { message?: unknown } | undefined;
  const reason = oneLine(typeof data?.message === 'string' ? data.message : text);
  return `GitHub answered ${status}${reason === '' ? '' : ` (${reason})`} to ${call}${after}`;
}

function pathOf(url: string): string {
  try {
    return decodeURIComponent(new URL(url, 'http://github.invalid').pathname);
  } catch {
    return url.replace(/[?#].*$/, '');
  }
}

// The message of a failed fetch quotes its URL, credentials included (a GITHUB_API_URL with userinfo).
function oneLine(text: string): string {
  return withoutUrlSecrets(text.replace(/\s+/g, ' ').trim());
}

/**
 * True for GitHub's refusal of a write to a read-only token (a 403 "Resource not accessible by
 * integration", as on pull requests from forks), and not for a 403 rate limit, which is an outage
 * to report, not a permission to explain.
 */
export function isReadOnlyRefusal(thrown: unknown): boolean {
  if (typeof thrown !== 'object' || thrown === null) return false;
  const { status, message } = thrown as RequestErrorShape;
  return status === 403 && !/rate limit/i.test(typeof message === 'string' ? message : '');
}
