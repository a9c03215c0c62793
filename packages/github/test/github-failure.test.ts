import { describe, expect, it } from 'vitest';
import { describeGitHubFailure, isPermissionRefusal, missingPermission } from '../src/github-failure.ts';

const NOT_ACCESSIBLE = 'Resource not accessible by integration';

/** What Octokit throws for an answer of `status` (a RequestError's fields). */
function answered(
  status: number,
  method: string,
  path: string,
  message: string,
  headers: Record<string, string> = {},
): unknown {
  const url = `https://api.github.com${path}`;
  return {
    name: 'HttpError',
    status,
    message: `${message} - https://docs.github.com/rest`,
    request: { method, url, headers: { authorization: 'token [REDACTED]' } },
    response: { status, url, headers, data: { message, documentation_url: 'https://docs.github.com/rest', status } },
  };
}

describe('a 403 refusal names the permission the job lacks', () => {
  it("takes the permission from GitHub's x-accepted-github-permissions header", () => {
    const refused = answered(403, 'POST', '/repos/o/r/check-runs', NOT_ACCESSIBLE, {
      'x-accepted-github-permissions': 'checks=write',
    });
    expect(isPermissionRefusal(refused)).toBe(true);
    expect(describeGitHubFailure(refused)).toBe(
      `GitHub answered 403 (${NOT_ACCESSIBLE}) to POST /repos/o/r/check-runs: ` +
        "the job's token lacks checks: write; add it to the job's `permissions`",
    );
  });

  it('spells alternatives (`;`) and sets (`,`) of the header as a workflow writes them', () => {
    const refused = answered(403, 'POST', '/repos/o/r/issues/3/comments', NOT_ACCESSIBLE, {
      'x-accepted-github-permissions': 'pull_requests=write; issues=write, contents=read',
    });
    expect(missingPermission(refused)).toBe('pull-requests: write or issues: write and contents: read');
  });

  it.each([
    ['POST', '/repos/o/r/check-runs', 'checks: write'],
    ['PATCH', '/repos/o/r/check-runs/12', 'checks: write'],
    ['POST', '/repos/o/r/issues/3/comments', 'pull-requests: write (or issues: write)'],
    ['DELETE', '/repos/o/r/issues/comments/9', 'pull-requests: write (or issues: write)'],
    ['POST', '/repos/o/r/git/refs', 'contents: write'],
    ['POST', '/repos/o/r/git/tags', 'contents: write'],
    ['POST', '/repos/o/r/releases', 'contents: write'],
    ['DELETE', '/repos/o/r/actions/artifacts/4', 'actions: write'],
  ])('without the header, %s %s needs %s', (method, path, permission) => {
    expect(missingPermission(answered(403, method, path, NOT_ACCESSIBLE))).toBe(permission);
  });

  it('a 403 rate limit is no permission refusal: neither remaining 0 nor a secondary limit', () => {
    const primary = answered(403, 'POST', '/repos/o/r/check-runs', 'API rate limit exceeded for installation.', {
      'x-ratelimit-remaining': '0',
    });
    const secondary = answered(403, 'POST', '/repos/o/r/check-runs', 'You have exceeded a secondary rate limit.');
    for (const limited of [primary, secondary]) {
      expect(isPermissionRefusal(limited)).toBe(false);
      expect(describeGitHubFailure(limited)).not.toContain('lacks');
    }
    // Remaining 0 decides even when the message says nothing of a limit.
    expect(isPermissionRefusal(answered(403, 'GET', '/repos/o/r', 'Forbidden', { 'x-ratelimit-remaining': '0' }))).toBe(
      false,
    );
  });

  it('other statuses are not refusals', () => {
    expect(missingPermission(answered(404, 'POST', '/repos/o/r/check-runs', 'Not Found'))).toBeUndefined();
  });
});
