import { Octokit } from '@octokit/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGitHubApi, type GitHubApi } from '@ml-actions/testkit';
import { createGitHubClient } from '../src/github-client.ts';
import { writePacing } from '../src/write-pacing.ts';

describe('write pacing', () => {
  /** A client whose requests never leave the process, on a fake clock that only sleeping moves. */
  function pacedClient() {
    let clock = 0;
    const waits: number[] = [];
    const sent: [method: string, at: number][] = [];
    const Client = Octokit.plugin(writePacing);
    const octokit = new Client({
      writePacing: {
        spacingMs: 1000,
        now: () => clock,
        wait: (ms: number) => {
          waits.push(ms);
          clock += ms;
          return Promise.resolve();
        },
      },
      request: {
        fetch: (_url: string, init: { method: string }) => {
          sent.push([init.method, clock]);
          clock += 30; // each answer takes 30 ms
          return Promise.resolve(new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } }));
        },
      },
    });
    return { octokit, waits, sent };
  }

  it('starts writes at least the spacing apart, in order, and does not hold reads', async () => {
    const { octokit, waits, sent } = pacedClient();
    await octokit.request('POST /repos/o/r/check-runs');
    await octokit.request('GET /repos/o/r');
    await octokit.request('PATCH /repos/o/r/check-runs/1');
    // Sent together: they still go one at a time, a second apart.
    await Promise.all([octokit.request('DELETE /repos/o/r/issues/comments/1'), octokit.request('PUT /repos/o/r/x')]);
    expect(sent).toEqual([
      ['POST', 0],
      ['GET', 30],
      ['PATCH', 1000],
      ['DELETE', 2000],
      ['PUT', 3000],
    ]);
    expect(waits).toEqual([940, 970, 970]);
  });
});

describe('the client paces its writes by the wait scale', () => {
  let api: GitHubApi;
  beforeEach(async () => {
    api = await startGitHubApi();
    api.tokens.add('token', { login: 'github-actions[bot]', installation: true });
    api.state.addRepo({ owner: 'acme', name: 'churn' });
  });
  afterEach(async () => {
    api.assertNoViolations();
    await api.close();
  });

  it('four check runs in a row take at least three spacings of 1 s × 0.05, not whole seconds', async () => {
    const headSha = api.state.addCommit('acme/churn', { branch: 'main' }).sha;
    const github = await createGitHubClient({
      token: 'token',
      apiUrl: api.url,
      waitScale: 0.05,
      log: { warn: () => {}, debug: () => {} },
    });
    const started = performance.now();
    for (let i = 0; i < 4; i++) {
      await github.request('POST /repos/{owner}/{repo}/check-runs', {
        owner: 'acme',
        repo: 'churn',
        name: `check ${i}`,
        head_sha: headSha,
      });
    }
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(3 * 50);
    // The throttling plugin's own unscaled 1 s spacing would make this at least 3 s; the margin
    // below that is for a busy machine, where four local requests alone can take a second.
    expect(elapsed).toBeLessThan(2500);
    expect(api.state.checkRuns('acme/churn')).toHaveLength(4);
  });
});
