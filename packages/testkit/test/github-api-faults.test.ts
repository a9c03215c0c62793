import { Octokit } from '@octokit/core';
import { retry } from '@octokit/plugin-retry';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGitHubApi } from '../src/github-api/index.ts';
import type { GitHubApi } from '../src/github-api/index.ts';

const REPO = { owner: 'acme', repo: 'churn' };
const RetryingClient = Octokit.plugin(retry);

let api: GitHubApi;
let octokit: Octokit;

async function failure(
  promise: Promise<unknown>,
): Promise<{ status: number; message: string; headers: Record<string, string | undefined> }> {
  try {
    await promise;
  } catch (error) {
    const e = error as {
      status: number;
      message: string;
      response?: { data?: { message?: string }; headers: Record<string, string> };
    };
    return { status: e.status, message: e.response?.data?.message ?? e.message, headers: e.response?.headers ?? {} };
  }
  throw new Error('expected the request to fail');
}

beforeEach(async () => {
  api = await startGitHubApi();
  api.tokens.add('t', { login: 'alice' });
  api.state.addRepo({ owner: 'acme', name: 'churn' });
  octokit = new Octokit({ auth: 't', baseUrl: api.url });
});

afterEach(async () => {
  try {
    api.assertNoViolations();
  } finally {
    await api.close();
  }
});

describe('injected faults', () => {
  it('answers 503 once and then succeeds, which a retrying client rides out', async () => {
    api.faults.add({ path: '/repos/{owner}/{repo}', status: 503 });
    const client = new RetryingClient({ auth: 't', baseUrl: api.url, retry: { retryAfterBaseValue: 1 } });
    const { data } = await client.request('GET /repos/{owner}/{repo}', REPO);
    expect(data.full_name).toBe('acme/churn');
    expect(api.requests.map((r) => r.status)).toEqual([503, 200]);
    expect(api.faults.pending).toBe(0);
  });

  it('sends Retry-After and the secondary-rate-limit message with a 429', async () => {
    api.faults.add({ method: 'GET', path: /\/actions\/runs$/, status: 429, retryAfter: 7 });
    const result = await failure(octokit.request('GET /repos/{owner}/{repo}/actions/runs', REPO));
    expect(result.status).toBe(429);
    expect(result.headers['retry-after']).toBe('7');
    expect(result.message).toMatch(/^You have exceeded a secondary rate limit/);
    const after = await octokit.request('GET /repos/{owner}/{repo}/actions/runs', REPO);
    expect(after.data.total_count).toBe(0);
  });

  it('sends x-ratelimit-remaining 0 and a reset time with a primary-rate-limit 403', async () => {
    api.faults.add({ status: 403, retryAfter: 30, rateLimit: 'primary' });
    const before = Math.floor(Date.now() / 1000);
    const result = await failure(octokit.request('GET /repos/{owner}/{repo}', REPO));
    expect(result.status).toBe(403);
    expect(result.message).toBe('API rate limit exceeded for installation ID 1.');
    expect(result.headers['x-ratelimit-remaining']).toBe('0');
    expect(Number(result.headers['x-ratelimit-reset']) - before).toBeGreaterThanOrEqual(30);
  });

  it('consumes faults in order and only on matching requests', async () => {
    api.faults.add({ method: 'POST', status: 500 });
    api.faults.add({ path: '/repos/acme/churn', status: 502, times: 2 });
    api.faults.add({ path: '/repos/acme/churn', status: 404 });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await failure(octokit.request('GET /repos/{owner}/{repo}', REPO))).status);
    expect(statuses).toEqual([502, 502, 404]);
    expect((await octokit.request('GET /repos/{owner}/{repo}', REPO)).status).toBe(200);
    expect(api.faults.pending).toBe(1);
    api.faults.clear();
    expect(api.faults.pending).toBe(0);
  });

  it('drops the connection, or cuts the body in half, without an answer the client can use', async () => {
    api.faults.add({ reset: true });
    const reset = await failure(octokit.request('GET /repos/{owner}/{repo}', REPO));
    expect(reset.status).toBe(500);
    api.faults.add({ truncate: true });
    // Octokit swallows the failed body read: a cut-off JSON answer arrives as a 200 whose data is a string.
    const truncated = await octokit.request('GET /repos/{owner}/{repo}', REPO);
    expect(truncated.status).toBe(200);
    expect(truncated.data as unknown).toBe('');
    expect(api.requests.map((r) => r.status)).toEqual([0, 200]);
    const { data } = await octokit.request('GET /repos/{owner}/{repo}', REPO);
    expect(data.name).toBe('churn');
  });

  it('delays an answer without changing it', async () => {
    api.faults.add({ delayMs: 20 });
    const { status } = await octokit.request('GET /repos/{owner}/{repo}', REPO);
    expect(status).toBe(200);
    expect(api.faults.pending).toBe(0);
  });
});
