import { Octokit } from '@octokit/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGitHubApi } from '../src/github-api/index.ts';
import type { ApiRequest, GitHubApi } from '../src/github-api/index.ts';

const REPO = { owner: 'acme', repo: 'churn' };
const COMMENTS = '/repos/{owner}/{repo}/issues/{issue_number}/comments';

let api: GitHubApi;
let octokit: Octokit;

async function failure(promise: Promise<unknown>): Promise<{ status: number; message: string }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { status: number; response?: { data?: { message?: string } } };
    return { status: e.status, message: e.response?.data?.message ?? '' };
  }
  throw new Error('expected the request to fail');
}

/** A comment exactly as the stand-in renders it, so a test can spoil one field. */
async function realComment(): Promise<Record<string, unknown>> {
  const { data } = await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
    ...REPO,
    issue_number: 1,
    body: 'hello',
  });
  return data;
}

beforeEach(async () => {
  api = await startGitHubApi();
  api.tokens.add('t', { login: 'alice' });
  api.state.addRepo({ owner: 'acme', name: 'churn' });
  api.state.addCommit('acme/churn', { branch: 'main' });
  api.state.addIssue('acme/churn', { number: 1 });
  octokit = new Octokit({ auth: 't', baseUrl: api.url });
});

afterEach(async () => {
  try {
    api.assertNoViolations();
  } finally {
    await api.close();
  }
});

describe("responses are checked against GitHub's OpenAPI description", () => {
  it('rejects a comment whose id is a string', async () => {
    const comment = await realComment();
    api.override('GET', COMMENTS, () => ({ status: 200, body: [{ ...comment, id: 'abc' }] }));
    const result = await failure(
      octokit.request('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...REPO, issue_number: 1 }),
    );
    expect(result.status).toBe(500);
    expect(result.message).toMatch(
      /^testkit: response does not match GitHub's OpenAPI description \(issues\/list-comments, status 200\)/,
    );
    expect(result.message).toContain('body/0/id must be integer');
    const [violation, ...rest] = api.takeViolations();
    expect(rest).toEqual([]);
    expect(violation).toMatchObject({
      kind: 'response',
      method: 'GET',
      path: '/repos/acme/churn/issues/1/comments',
      operationId: 'issues/list-comments',
      status: 200,
    });
  });

  it('rejects a comment without its user', async () => {
    const comment = await realComment();
    delete comment.user;
    api.override('GET', COMMENTS, () => ({ status: 200, body: [comment] }));
    const result = await failure(
      octokit.request('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...REPO, issue_number: 1 }),
    );
    expect(result.status).toBe(500);
    expect(result.message).toContain("body/0 must have required property 'user'");
    expect(api.takeViolations().map((v) => v.kind)).toEqual(['response']);
  });

  it('rejects a status the operation does not document', async () => {
    api.override('GET', COMMENTS, () => ({ status: 409, body: { message: 'Conflict' } }));
    const result = await failure(
      octokit.request('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...REPO, issue_number: 1 }),
    );
    expect(result.status).toBe(500);
    expect(result.message).toContain('status 409 is not documented (documented: 200, 404, 410)');
    expect(api.takeViolations()).toHaveLength(1);
  });

  it('accepts null where the description says nullable and lets the override be removed', async () => {
    const head = api.state.addCommit('acme/churn', { branch: 'main' });
    const restore = api.override('GET', '/repos/{owner}/{repo}/commits/{ref}', (request: ApiRequest) => ({
      status: 200,
      body: { ...fakeCommit(request.baseUrl, head.sha), author: null, committer: null },
    }));
    const overridden = await octokit.request('GET /repos/{owner}/{repo}/commits/{ref}', { ...REPO, ref: head.sha });
    expect(overridden.data.author).toBeNull();
    restore();
    const real = await octokit.request('GET /repos/{owner}/{repo}/commits/{ref}', { ...REPO, ref: head.sha });
    expect(real.data.commit.message).toBe(head.message);
  });

  it('reports an endpoint the stand-in does not implement', async () => {
    const result = await failure(octokit.request('GET /repos/{owner}/{repo}/branches', REPO));
    expect(result).toMatchObject({
      status: 404,
      message: 'testkit: GET /repos/acme/churn/branches is not implemented by the GitHub API stand-in',
    });
    expect(api.takeViolations().map((v) => v.kind)).toEqual(['unimplemented']);
  });
});

describe("requests are checked against GitHub's OpenAPI description", () => {
  it('rejects a query parameter of the wrong type', async () => {
    const result = await failure(
      octokit.request('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        ...REPO,
        issue_number: 1,
        per_page: 'lots' as unknown as number,
      }),
    );
    expect(result.status).toBe(422);
    expect(result.message).toMatch(
      /^testkit: request does not match GitHub's OpenAPI description \(issues\/list-comments\)/,
    );
    expect(result.message).toContain('query parameter per_page must be integer, got "lots"');
    expect(api.takeViolations()).toMatchObject([{ kind: 'request', operationId: 'issues/list-comments', status: 422 }]);
  });

  it('rejects a body without a required field and one with a wrong type', async () => {
    const missing = await failure(
      octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        ...REPO,
        issue_number: 1,
        text: 'hi',
      } as never),
    );
    expect(missing.status).toBe(422);
    expect(missing.message).toContain("body must have required property 'body'");
    const wrongType = await failure(
      octokit.request('POST /repos/{owner}/{repo}/check-runs', {
        ...REPO,
        name: 'gate',
        head_sha: 'a'.repeat(40),
        status: 'done',
      } as never),
    );
    expect(wrongType.message).toContain('body/status must be equal to one of the allowed values');
    expect(api.takeViolations().map((v) => v.operationId)).toEqual(['issues/create-comment', 'checks/create']);
    expect(api.state.comments('acme/churn', 1)).toEqual([]);
  });

  it('rejects a path parameter that is not a number and an undocumented query parameter', async () => {
    const badPath = await failure(octokit.request('GET /repos/acme/churn/pulls/first'));
    expect(badPath.message).toContain('path parameter pull_number must be integer, got "first"');
    const typo = await failure(
      octokit.request('GET /repos/{owner}/{repo}/actions/runs', { ...REPO, branches: 'main' }),
    );
    expect(typo.message).toContain('query parameter branches is not documented for this operation');
    expect(api.takeViolations()).toHaveLength(2);
  });

  it('does not check anything when validation is off', async () => {
    const lax = await startGitHubApi({ validate: false });
    try {
      lax.tokens.add('t', { login: 'alice' });
      lax.state.addRepo({ owner: 'acme', name: 'churn' });
      lax.override('GET', '/repos/{owner}/{repo}', () => ({ status: 200, body: { id: 'abc' } }));
      const client = new Octokit({ auth: 't', baseUrl: lax.url });
      const { data } = await client.request('GET /repos/{owner}/{repo}', REPO);
      expect(data.id).toBe('abc');
      expect(lax.violations).toEqual([]);
    } finally {
      await lax.close();
    }
  });
});

function fakeCommit(api: string, sha: string): Record<string, unknown> {
  const url = `${api}/repos/acme/churn/commits/${sha}`;
  return {
    url,
    sha,
    node_id: 'C_1',
    html_url: `https://github.com/acme/churn/commit/${sha}`,
    comments_url: `${url}/comments`,
    commit: {
      url,
      author: null,
      committer: null,
      message: 'overridden',
      comment_count: 0,
      tree: { sha, url },
    },
    parents: [],
  };
}
