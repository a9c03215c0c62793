import { oneLine, withoutUrlSecrets } from '@ml-actions/core';
import { IncompleteAnswerError } from './incomplete-answer.ts';

interface RequestErrorShape {
  status?: unknown;
  message?: unknown;
  request?: { method?: unknown; url?: unknown; request?: { retryCount?: unknown } };
  response?: { data?: unknown; headers?: Record<string, unknown> };
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
  const text = safeLine(typeof message === 'string' ? message : '');
  if (response === undefined) return `the connection to GitHub failed during ${call} (${text})${after}`;
  const data = response.data as { message?: unknown } | undefined;
  const reason = safeLine(typeof data?.message === 'string' ? data.message : text);
  const answered = `GitHub answered ${status}${reason === '' ? '' : ` (${reason})`} to ${call}${after}`;
  const permission = missingPermission(thrown);
  if (permission === undefined) return answered;
  return `${answered}: the job's token lacks ${permission}; add it to the job's \`permissions\``;
}

function pathOf(url: string): string {
  try {
    return decodeURIComponent(new URL(url, 'http://github.invalid').pathname);
  } catch {
    return url.replace(/[?#].*$/, '');
  }
}

// The message of a failed fetch quotes its URL, credentials included (a GITHUB_API_URL with userinfo).
function safeLine(text: string): string {
  return withoutUrlSecrets(oneLine(text));
}

/**
 * True for GitHub's refusal of a write the token may not make: a 403 (GitHub's "Resource not
 * accessible by integration"), whether the job lacks a permission or the token is a fork pull
 * request's read-only one. Not for a 403 rate limit (`x-ratelimit-remaining: 0`, or "rate limit" in
 * the message), which the throttling plugin waits out and which is an outage when it persists.
 */
export function isPermissionRefusal(thrown: unknown): boolean {
  if (typeof thrown !== 'object' || thrown === null) return false;
  const { status, message, response } = thrown as RequestErrorShape;
  if (status !== 403) return false;
  const remaining = response?.headers?.['x-ratelimit-remaining'];
  if (remaining === '0' || remaining === 0) return false;
  const data = response?.data as { message?: unknown } | undefined;
  const said = [message, data?.message].filter((text) => typeof text === 'string').join(' ');
  return !/rate limit/i.test(said);
}

/**
 * The permission a refused request needed, as a workflow's `permissions:` block spells it
 * (`checks: write`): from GitHub's `x-accepted-github-permissions` header when it sent one
 * (`checks=write`; alternatives separated by `;`), else the one our endpoint is known to need.
 * Undefined when the failure is no permission refusal, or the endpoint is not one we know.
 */
export function missingPermission(thrown: unknown): string | undefined {
  if (!isPermissionRefusal(thrown)) return undefined;
  const { request, response } = thrown as RequestErrorShape;
  const accepted = response?.headers?.['x-accepted-github-permissions'];
  if (typeof accepted === 'string' && accepted.trim() !== '') {
    const sets = accepted
      .split(';')
      .map((set) =>
        set
          .split(',')
          .map((pair) => pair.trim().split('='))
          .filter((pair): pair is [string, string] => pair.length === 2 && pair[0] !== '' && pair[1] !== '')
          // Workflows write `pull-requests`, the header `pull_requests`.
          .map(([name, access]) => `${name.replace(/_/g, '-')}: ${access}`)
          .join(' and '),
      )
      .filter((set) => set !== '');
    if (sets.length > 0) return printableHeader(sets.join(' or '));
  }
  const path = typeof request?.url === 'string' ? pathOf(request.url) : '';
  return KNOWN_PERMISSIONS.find(([pattern]) => pattern.test(path))?.[1];
}

/** The write permission each endpoint we write to needs (GitHub's "Permissions required" tables). */
const KNOWN_PERMISSIONS: [RegExp, string][] = [
  [/\/check-runs(\/|$)/, 'checks: write'],
  // Comments on a pull request go through the issues endpoint, which takes either permission.
  [/\/issues\/(\d+\/comments|comments\/)/, 'pull-requests: write (or issues: write)'],
  [/\/(git\/refs|git\/tags|releases)(\/|$)/, 'contents: write'],
  [/\/actions\/artifacts(\/|$)/, 'actions: write'],
];

// A header is GitHub's text, but a proxy could send anything: keep it to one short, plain line.
function printableHeader(text: string): string {
  return safeLine(text)
    .replace(/[^\w ,:;=()-]/g, '')
    .slice(0, 200);
}
