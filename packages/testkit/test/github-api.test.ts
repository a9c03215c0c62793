import { createHash } from 'node:crypto';
import { Octokit } from '@octokit/core';
import { paginateRest } from '@octokit/plugin-paginate-rest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGitHubApi } from '../src/github-api/index.ts';
import type { GitHubApi } from '../src/github-api/index.ts';

const Client = Octokit.plugin(paginateRest);
type ClientInstance = InstanceType<typeof Client>;

const REPO = { owner: 'acme', repo: 'churn' };

let api: GitHubApi;
let user: ClientInstance;
let bot: ClientInstance;

function client(token: string): ClientInstance {
  return new Client({ auth: token, baseUrl: api.url });
}

/** The HTTP status and message of a failed Octokit call. */
async function failure(
  promise: Promise<unknown>,
): Promise<{ status: number; message: string; headers: Record<string, string> }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { status: number; response?: { data?: { message?: string }; headers: Record<string, string> } };
    return { status: e.status, message: e.response?.data?.message ?? '', headers: e.response?.headers ?? {} };
  }
  throw new Error('expected the request to fail');
}

beforeEach(async () => {
  api = await startGitHubApi();
  api.tokens.add('user-token', { login: 'alice' });
  api.tokens.add('actions-token', { login: 'github-actions[bot]', installation: true });
  api.state.addRepo({ owner: 'acme', name: 'churn' });
  user = client('user-token');
  bot = client('actions-token');
});

afterEach(async () => {
  try {
    api.assertNoViolations();
  } finally {
    await api.close();
  }
});

describe('repositories, users and tokens', () => {
  it('answers a repository in full and the URL has no trailing slash', async () => {
    const { data } = await user.request('GET /repos/{owner}/{repo}', REPO);
    expect(api.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(data.full_name).toBe('acme/churn');
    expect(data.default_branch).toBe('main');
    expect(data.owner.login).toBe('acme');
    expect(data.url).toBe(`${api.url}/repos/acme/churn`);
  });

  it('answers 404 for a repository that was not seeded', async () => {
    expect(await failure(user.request('GET /repos/{owner}/{repo}', { owner: 'acme', repo: 'nope' }))).toMatchObject({
      status: 404,
      message: 'Not Found',
    });
  });

  it('tells a user token who it is and refuses /user to an installation token', async () => {
    const { data } = await user.request('GET /user');
    expect(data.login).toBe('alice');
    expect(data.type).toBe('User');
    expect(await failure(bot.request('GET /user'))).toMatchObject({
      status: 403,
      message: 'Resource not accessible by integration',
    });
  });

  it('answers 401 to an unknown token and to none', async () => {
    expect(await failure(client('stolen').request('GET /repos/{owner}/{repo}', REPO))).toMatchObject({
      status: 401,
      message: 'Bad credentials',
    });
    const anonymous = new Client({ baseUrl: api.url });
    expect(await failure(anonymous.request('GET /repos/{owner}/{repo}', REPO))).toMatchObject({
      status: 401,
      message: 'Requires authentication',
    });
  });

  it('lets a read-only token read but answers 403 to its writes', async () => {
    api.state.addCommit('acme/churn', { branch: 'main' });
    api.state.addCommit('acme/churn', { branch: 'feature' });
    api.state.addPull('acme/churn', { number: 7, head: { ref: 'feature' }, base: { ref: 'main' } });
    api.tokens.add('fork-token', { login: 'github-actions[bot]', installation: true, readOnly: true });
    const fork = client('fork-token');
    const { data } = await fork.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', { ...REPO, pull_number: 7 });
    expect(data.number).toBe(7);
    expect(
      await failure(
        fork.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
          ...REPO,
          issue_number: 7,
          body: 'hi',
        }),
      ),
    ).toMatchObject({
      status: 403,
      message: 'Resource not accessible by integration',
      headers: { 'x-accepted-github-permissions': 'pull_requests=write; issues=write' },
    });
    expect(api.state.comments('acme/churn', 7)).toEqual([]);
  });

  it("answers 403 as GitHub does to a write the job's permissions do not grant, and allows the granted ones", async () => {
    api.state.addCommit('acme/churn', { branch: 'main' });
    api.state.addCommit('acme/churn', { branch: 'feature' });
    api.state.addPull('acme/churn', { number: 7, head: { ref: 'feature' }, base: { ref: 'main' } });
    api.tokens.add('no-checks', {
      login: 'github-actions[bot]',
      installation: true,
      permissions: { checks: 'read', 'pull-requests': 'write' },
    });
    const limited = client('no-checks');
    const refusal = await failure(
      limited.request('POST /repos/{owner}/{repo}/check-runs', { ...REPO, name: 'gate', head_sha: 'a'.repeat(40) }),
    );
    expect(refusal).toMatchObject({
      status: 403,
      message: 'Resource not accessible by integration',
      headers: { 'x-accepted-github-permissions': 'checks=write' },
    });
    const body = await limited
      .request('POST /repos/{owner}/{repo}/check-runs', { ...REPO, name: 'gate', head_sha: 'a'.repeat(40) })
      .catch((error: { response: { data: unknown } }) => error.response.data);
    expect(body).toEqual({
      message: 'Resource not accessible by integration',
      documentation_url: 'https://docs.github.com/rest',
      status: '403',
    });
    expect(api.state.checkRuns('acme/churn')).toEqual([]);
    // pull-requests: write is enough for a comment on a pull request.
    await limited.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      ...REPO,
      issue_number: 7,
      body: 'hi',
    });
    expect(api.state.comments('acme/churn', 7)).toHaveLength(1);
  });
});

describe('issue comments', () => {
  beforeEach(() => {
    api.state.addCommit('acme/churn', { branch: 'main' });
    api.state.addCommit('acme/churn', { branch: 'feature' });
    api.state.addPull('acme/churn', { number: 12, head: { ref: 'feature' }, base: { ref: 'main' } });
  });

  it('pages 250 comments in exactly 3 pages of 100 with Link headers built from the server URL', async () => {
    for (let i = 0; i < 250; i++)
      api.state.addComment('acme/churn', 12, { body: `comment ${i}`, user: i % 2 === 0 ? 'bob' : 'carol' });
    const all = await user.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      ...REPO,
      issue_number: 12,
      per_page: 100,
    });
    expect(all).toHaveLength(250);
    expect(all[0]?.body).toBe('comment 0');
    expect(all[249]?.body).toBe('comment 249');
    expect(new Set(all.map((c) => c.id)).size).toBe(250);
    const pages = api.requests.filter((r) => r.path === '/repos/acme/churn/issues/12/comments');
    expect(pages.map((r) => [r.query.page ?? '1', r.status])).toEqual([
      ['1', 200],
      ['2', 200],
      ['3', 200],
    ]);

    const base = `${api.url}/repos/acme/churn/issues/12/comments`;
    const first = await user.request('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      ...REPO,
      issue_number: 12,
      per_page: 100,
    });
    expect(first.headers.link).toBe(
      `<${base}?per_page=100&page=2>; rel="next", <${base}?per_page=100&page=3>; rel="last"`,
    );
    const middle = await user.request('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      ...REPO,
      issue_number: 12,
      per_page: 100,
      page: 2,
    });
    expect(middle.headers.link).toBe(
      `<${base}?per_page=100&page=1>; rel="prev", <${base}?per_page=100&page=3>; rel="next", <${base}?per_page=100&page=3>; rel="last", <${base}?per_page=100&page=1>; rel="first"`,
    );
    const last = await user.request('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      ...REPO,
      issue_number: 12,
      per_page: 100,
      page: 3,
    });
    expect(last.data).toHaveLength(50);
    expect(last.headers.link).toBe(
      `<${base}?per_page=100&page=2>; rel="prev", <${base}?per_page=100&page=1>; rel="first"`,
    );
  });

  it('uses 30 per page by default and caps per_page at 100', async () => {
    for (let i = 0; i < 120; i++) api.state.addComment('acme/churn', 12, { body: `c${i}`, user: 'bob' });
    const byDefault = await user.request('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      ...REPO,
      issue_number: 12,
    });
    expect(byDefault.data).toHaveLength(30);
    expect(byDefault.headers.link).toContain('page=4>; rel="last"');
    const capped = await user.request('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      ...REPO,
      issue_number: 12,
      per_page: 250,
    });
    expect(capped.data).toHaveLength(100);
  });

  it('writes comments as the token identity and updates and deletes them', async () => {
    const created = await bot.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      ...REPO,
      issue_number: 12,
      body: '<!-- ml -->\nreport v1',
    });
    expect(created.status).toBe(201);
    expect(created.data.user?.login).toBe('github-actions[bot]');
    expect(created.data.user?.type).toBe('Bot');
    expect(created.data.user?.id).toBe(41898282);
    expect(created.headers.location).toBe(`${api.url}/repos/acme/churn/issues/comments/${created.data.id}`);

    const updated = await bot.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', {
      ...REPO,
      comment_id: created.data.id,
      body: '<!-- ml -->\nreport v2',
    });
    expect(updated.data.body).toBe('<!-- ml -->\nreport v2');
    expect(api.state.comments('acme/churn', 12).map((c) => c.body)).toEqual(['<!-- ml -->\nreport v2']);

    const removed = await bot.request('DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}', {
      ...REPO,
      comment_id: created.data.id,
    });
    expect(removed.status).toBe(204);
    expect(api.state.comments('acme/churn', 12)).toEqual([]);
    expect(
      await failure(
        bot.request('GET /repos/{owner}/{repo}/issues/comments/{comment_id}', { ...REPO, comment_id: created.data.id }),
      ),
    ).toMatchObject({ status: 404 });
  });

  it('refuses a comment body over 65536 characters as GitHub does', async () => {
    const result = await failure(
      bot.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        ...REPO,
        issue_number: 12,
        body: 'x'.repeat(65537),
      }),
    );
    expect(result.status).toBe(422);
    expect(result.message).toBe('Validation Failed');
    const ok = await bot.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      ...REPO,
      issue_number: 12,
      body: 'x'.repeat(65536),
    });
    expect(ok.status).toBe(201);
  });

  it('answers 404 for comments on a pull request that is gone', async () => {
    expect(api.state.deletePull('acme/churn', 12)).toBe(true);
    expect(
      await failure(user.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', { ...REPO, pull_number: 12 })),
    ).toMatchObject({ status: 404 });
    expect(
      await failure(
        user.request('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...REPO, issue_number: 12 }),
      ),
    ).toMatchObject({ status: 404 });
  });
});

describe('commits, compare and pull requests', () => {
  it('finds the merge base of a branch that diverged from main', async () => {
    const c1 = api.state.addCommit('acme/churn', { branch: 'main', message: 'init' });
    const c2 = api.state.addCommit('acme/churn', { branch: 'main', message: 'train v1' });
    const f1 = api.state.addCommit('acme/churn', { parents: [c2.sha], message: 'tune lr', branch: 'feature/lr' });
    const c3 = api.state.addCommit('acme/churn', { branch: 'main', message: 'data fix' });
    const f2 = api.state.addCommit('acme/churn', { branch: 'feature/lr', message: 'tune more' });

    const { data } = await user.request('GET /repos/{owner}/{repo}/compare/{basehead}', {
      ...REPO,
      basehead: 'main...feature/lr',
    });
    expect(data.merge_base_commit.sha).toBe(c2.sha);
    expect(data.base_commit.sha).toBe(c3.sha);
    expect(data.status).toBe('diverged');
    expect([data.ahead_by, data.behind_by, data.total_commits]).toEqual([2, 1, 2]);
    expect(data.commits.map((c) => c.sha)).toEqual([f1.sha, f2.sha]);
    expect(data.commits[0]?.parents.map((p) => p.sha)).toEqual([c2.sha]);

    const behind = await user.request('GET /repos/{owner}/{repo}/compare/{basehead}', {
      ...REPO,
      basehead: `${f2.sha}...${c1.sha}`,
    });
    expect(behind.data.status).toBe('behind');
    expect(behind.data.merge_base_commit.sha).toBe(c1.sha);
  });

  it('compares against a fork branch named owner:ref', async () => {
    const base = api.state.addCommit('acme/churn', { branch: 'main' });
    api.state.addRepo({ owner: 'mallory', name: 'churn', parent: 'acme/churn' });
    api.state.setRef('mallory/churn', 'heads/main', base.sha);
    const head = api.state.addCommit('mallory/churn', { parents: [base.sha], branch: 'patch', message: 'from a fork' });
    const { data } = await user.request('GET /repos/{owner}/{repo}/compare/{basehead}', {
      ...REPO,
      basehead: 'main...mallory:patch',
    });
    expect(data.merge_base_commit.sha).toBe(base.sha);
    expect(data.commits.map((c) => c.sha)).toEqual([head.sha]);
    expect(data.status).toBe('ahead');
  });

  it('gets a commit by branch, sha and abbreviated sha, and 422 for an unknown one', async () => {
    const commit = api.state.addCommit('acme/churn', {
      branch: 'main',
      message: 'train\n\nbody',
      author: { login: 'alice' },
    });
    for (const ref of ['main', commit.sha, commit.sha.slice(0, 7)]) {
      const { data } = await user.request('GET /repos/{owner}/{repo}/commits/{ref}', { ...REPO, ref });
      expect(data.sha).toBe(commit.sha);
      expect(data.commit.message).toBe('train\n\nbody');
      expect(data.author && 'login' in data.author ? data.author.login : undefined).toBe('alice');
    }
    expect(
      await failure(user.request('GET /repos/{owner}/{repo}/commits/{ref}', { ...REPO, ref: 'nope' })),
    ).toMatchObject({ status: 422, message: 'No commit found for SHA: nope' });
  });

  it('describes a fork pull request with the fork as head repository', async () => {
    const base = api.state.addCommit('acme/churn', { branch: 'main' });
    const head = api.state.addCommit('acme/churn', { parents: [base.sha] });
    api.state.addPull('acme/churn', {
      number: 3,
      user: 'mallory',
      head: { ref: 'patch', sha: head.sha, repo: 'mallory/churn' },
      base: { ref: 'main' },
    });
    const { data } = await user.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', { ...REPO, pull_number: 3 });
    expect(data.head.repo.full_name).toBe('mallory/churn');
    expect(data.head.repo.fork).toBe(true);
    expect(data.head.label).toBe('mallory:patch');
    expect(data.base.sha).toBe(base.sha);
    expect(data.head.sha).toBe(head.sha);
    expect(data.commits).toBe(1);
  });
});

describe('workflow runs and artifacts', () => {
  const sha = (n: number) => String(n).padStart(40, 'a');

  beforeEach(() => {
    api.state.addWorkflowRun('acme/churn', {
      id: 1,
      headSha: sha(1),
      headBranch: 'main',
      event: 'push',
      conclusion: 'success',
      createdAt: '2024-05-01T10:00:00Z',
    });
    api.state.addWorkflowRun('acme/churn', {
      id: 2,
      headSha: sha(2),
      headBranch: 'feature',
      event: 'pull_request',
      conclusion: 'failure',
      createdAt: '2024-05-02T10:00:00Z',
    });
    api.state.addWorkflowRun('acme/churn', {
      id: 3,
      headSha: sha(3),
      headBranch: 'main',
      event: 'push',
      conclusion: 'failure',
      createdAt: '2024-05-03T10:00:00Z',
    });
    api.state.addWorkflowRun('acme/churn', {
      id: 4,
      headSha: sha(4),
      headBranch: 'main',
      event: 'push',
      status: 'in_progress',
      createdAt: '2024-05-04T10:00:00Z',
    });
    api.state.addWorkflowRun('acme/churn', {
      id: 5,
      headSha: sha(5),
      headBranch: 'main',
      event: 'workflow_dispatch',
      conclusion: 'success',
      createdAt: '2024-05-05T10:00:00Z',
    });
  });

  it('lists runs newest first with total_count and filters by branch, event, status and head sha', async () => {
    const list = (query: Record<string, string | number>) =>
      user.request('GET /repos/{owner}/{repo}/actions/runs', { ...REPO, ...query });
    const all = await list({});
    expect(all.data.total_count).toBe(5);
    expect(all.data.workflow_runs.map((r) => r.id)).toEqual([5, 4, 3, 2, 1]);
    expect((await list({ branch: 'main', event: 'push' })).data.workflow_runs.map((r) => r.id)).toEqual([4, 3, 1]);
    expect((await list({ branch: 'main', status: 'success' })).data.workflow_runs.map((r) => r.id)).toEqual([5, 1]);
    expect((await list({ status: 'completed' })).data.total_count).toBe(4);
    expect((await list({ head_sha: sha(2) })).data.workflow_runs.map((r) => r.head_branch)).toEqual(['feature']);
    const paged = await list({ per_page: 2, page: 2 });
    expect(paged.data.total_count).toBe(5);
    expect(paged.data.workflow_runs.map((r) => r.id)).toEqual([3, 2]);
    expect(paged.headers.link).toContain('page=3>; rel="last"');
    const one = await user.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}', { ...REPO, run_id: 3 });
    expect([one.data.conclusion, one.data.run_number, one.data.event]).toEqual(['failure', 3, 'push']);
  });

  it('refuses a documented filter it does not implement instead of ignoring it', async () => {
    const result = await failure(user.request('GET /repos/{owner}/{repo}/actions/runs', { ...REPO, actor: 'alice' }));
    expect(result).toMatchObject({ status: 422 });
    expect(result.message).toContain('the actor filter of workflow runs is not implemented');
  });

  it('serves artifacts from the shared registry, redirects downloads and deletes', async () => {
    api.registry.downloadUrl = (artifact) => Promise.resolve(`http://127.0.0.1:1/blobs/${artifact.blobName}?sig=abc`);
    const record = api.state.addArtifact({ runId: 3, name: 'run-record', size: 1234, digest: 'sha256:00ff' });
    api.state.addArtifact({ runId: 3, name: 'model', size: 99 });
    api.state.addArtifact({ runId: 1, name: 'run-record', size: 10 });
    api.registry.create({
      name: 'half-uploaded',
      workflowRunId: 3,
      workflowRunBackendId: 'b',
      workflowJobRunBackendId: 'j',
      expiresAt: '2099-01-01T00:00:00Z',
      blobName: 'x',
    });

    const forRun = await user.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts', {
      ...REPO,
      run_id: 3,
      name: 'run-record',
    });
    expect(forRun.data.total_count).toBe(1);
    expect(forRun.data.artifacts[0]).toMatchObject({
      id: record.id,
      name: 'run-record',
      size_in_bytes: 1234,
      digest: 'sha256:00ff',
      expired: false,
    });
    expect(forRun.data.artifacts[0]?.workflow_run).toMatchObject({ id: 3, head_sha: sha(3), head_branch: 'main' });
    const allOfRun = await user.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts', {
      ...REPO,
      run_id: 3,
    });
    expect(allOfRun.data.artifacts.map((a) => a.name).sort()).toEqual(['model', 'run-record']);

    const byName = await user.request('GET /repos/{owner}/{repo}/actions/artifacts', { ...REPO, name: 'run-record' });
    // Newest first; both were created in the same second, so the later id comes first.
    expect(byName.data.artifacts.map((a) => a.workflow_run?.id)).toEqual([1, 3]);
    expect(byName.data.total_count).toBe(2);

    const download = await user.request('GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}', {
      ...REPO,
      artifact_id: record.id,
      archive_format: 'zip',
      request: { redirect: 'manual' },
    });
    expect(download.status).toBe(302);
    expect(download.headers.location).toBe(`http://127.0.0.1:1/blobs/3/run-record.zip?sig=abc`);

    expect(
      (
        await user.request('DELETE /repos/{owner}/{repo}/actions/artifacts/{artifact_id}', {
          ...REPO,
          artifact_id: record.id,
        })
      ).status,
    ).toBe(204);
    expect(api.registry.get(record.id)).toBeUndefined();
    expect(
      await failure(
        user.request('GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}', { ...REPO, artifact_id: record.id }),
      ),
    ).toMatchObject({ status: 404 });
  });

  it('marks an expired artifact and answers 410 to its download', async () => {
    const old = api.state.addArtifact({
      runId: 1,
      name: 'run-record',
      createdAt: '2024-01-01T00:00:00Z',
      expiresAt: '2024-04-01T00:00:00Z',
    });
    const { data } = await user.request('GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}', {
      ...REPO,
      artifact_id: old.id,
    });
    expect(data.expired).toBe(true);
    const result = await failure(
      user.request('GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}', {
        ...REPO,
        artifact_id: old.id,
        archive_format: 'zip',
        request: { redirect: 'manual' },
      }),
    );
    expect(result).toMatchObject({ status: 410, message: 'Artifact has expired' });
  });

  it("lists a run's jobs, the latest execution of each by default, every attempt's with filter=all, in pages", async () => {
    const { run, jobs, artifacts } = api.state.startWorkflowRun('acme/churn', {
      headSha: sha(9),
      runAttempt: 2,
      jobs: [
        { name: 'train (a, 1)', conclusion: 'failure', runAttempt: 1 },
        { name: 'train (a, 1)', runAttempt: 2 },
        { name: 'train (b, 1)', conclusion: 'cancelled', runAttempt: 1 },
        { name: 'report', status: 'in_progress' },
      ],
      artifacts: [{ name: 'ml-run-a-seed-1' }],
    });
    const list = (query: Record<string, string | number>) =>
      user.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs', { ...REPO, run_id: run.id, ...query });

    const latest = await list({});
    expect(latest.data.total_count).toBe(3);
    expect(latest.data.jobs.map((job) => [job.name, job.run_attempt, job.status, job.conclusion])).toEqual([
      ['train (a, 1)', 2, 'completed', 'success'],
      ['train (b, 1)', 1, 'completed', 'cancelled'],
      ['report', 2, 'in_progress', null],
    ]);
    expect(latest.data.jobs[0]?.id).toBe(jobs[1]?.id);
    expect((await list({ filter: 'all' })).data.jobs.map((job) => job.id)).toEqual(jobs.map((job) => job.id));
    const paged = await list({ filter: 'all', per_page: 3, page: 2 });
    expect(paged.data.jobs.map((job) => job.name)).toEqual(['report']);
    expect(paged.headers.link).toContain('rel="prev"');
    const every = await user.paginate('GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs', {
      ...REPO,
      run_id: run.id,
      filter: 'all',
      per_page: 1,
    });
    expect(every).toHaveLength(4);
    expect(api.registry.list({ workflowRunId: run.id }).map((a) => a.id)).toEqual(artifacts.map((a) => a.id));
    expect(await failure(list({ filter: 'newest' }))).toMatchObject({ status: 422 });
    // Refused by the request check: the description allows only `latest` and `all`.
    expect(api.takeViolations().map((violation) => violation.kind)).toEqual(['request']);
  });
});

describe('check runs', () => {
  it('creates a check run as the GitHub Actions app, completes it and lists it for the branch', async () => {
    const head = api.state.addCommit('acme/churn', { branch: 'main' });
    const created = await bot.request('POST /repos/{owner}/{repo}/check-runs', {
      ...REPO,
      name: 'ml-gate',
      head_sha: head.sha,
      status: 'in_progress',
    });
    expect(created.status).toBe(201);
    expect(created.data.app?.slug).toBe('github-actions');
    expect([created.data.status, created.data.conclusion]).toEqual(['in_progress', null]);
    const done = await bot.request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', {
      ...REPO,
      check_run_id: created.data.id,
      conclusion: 'failure',
      output: { title: 'Gate failed', summary: 'accuracy 0.81 < 0.90' },
    });
    expect([done.data.status, done.data.conclusion, done.data.output.title]).toEqual([
      'completed',
      'failure',
      'Gate failed',
    ]);
    expect(done.data.completed_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    const listed = await user.request('GET /repos/{owner}/{repo}/commits/{ref}/check-runs', { ...REPO, ref: 'main' });
    expect(listed.data.total_count).toBe(1);
    expect(listed.data.check_runs[0]?.output.summary).toBe('accuracy 0.81 < 0.90');
  });

  it('refuses a check run on a commit GitHub does not have', async () => {
    const result = await failure(
      bot.request('POST /repos/{owner}/{repo}/check-runs', { ...REPO, name: 'ml-gate', head_sha: 'f'.repeat(40) }),
    );
    expect(result).toMatchObject({ status: 422, message: `No commit found for SHA: ${'f'.repeat(40)}` });
  });
});

describe('git refs, tags and releases', () => {
  it('creates version tags, refuses a duplicate with 422 and finds them by prefix', async () => {
    const head = api.state.addCommit('acme/churn', { branch: 'main' });
    for (const version of ['1.0.0', '1.1.0']) {
      const { status, data } = await user.request('POST /repos/{owner}/{repo}/git/refs', {
        ...REPO,
        ref: `refs/tags/churn-model@v${version}`,
        sha: head.sha,
      });
      expect(status).toBe(201);
      expect(data.ref).toBe(`refs/tags/churn-model@v${version}`);
    }
    api.state.setRef('acme/churn', 'tags/other-model@v9.0.0', head.sha);
    expect(
      await failure(
        user.request('POST /repos/{owner}/{repo}/git/refs', {
          ...REPO,
          ref: 'refs/tags/churn-model@v1.1.0',
          sha: head.sha,
        }),
      ),
    ).toMatchObject({
      status: 422,
      message: 'Reference already exists',
    });
    const { data } = await user.request('GET /repos/{owner}/{repo}/git/matching-refs/{ref}', {
      ...REPO,
      ref: 'tags/churn-model@v',
    });
    expect(data.map((r) => r.ref)).toEqual(['refs/tags/churn-model@v1.0.0', 'refs/tags/churn-model@v1.1.0']);
    expect(data[0]?.object.sha).toBe(head.sha);
    const none = await user.request('GET /repos/{owner}/{repo}/git/matching-refs/{ref}', {
      ...REPO,
      ref: 'tags/nothing@v',
    });
    expect(none.data).toEqual([]);
    const one = await user.request('GET /repos/{owner}/{repo}/git/ref/{ref}', {
      ...REPO,
      ref: 'tags/churn-model@v1.0.0',
    });
    expect(one.data.object.sha).toBe(head.sha);
    expect(
      await failure(
        user.request('GET /repos/{owner}/{repo}/git/ref/{ref}', { ...REPO, ref: 'tags/churn-model@v2.0.0' }),
      ),
    ).toMatchObject({ status: 404 });
  });

  it('creates a release with its tag, refuses the same tag again and takes asset uploads on this server', async () => {
    const head = api.state.addCommit('acme/churn', { branch: 'main' });
    const created = await bot.request('POST /repos/{owner}/{repo}/releases', {
      ...REPO,
      tag_name: 'churn-model@v1.0.0',
      name: 'churn-model 1.0.0',
      body: 'card',
    });
    expect(created.status).toBe(201);
    expect(created.data.upload_url).toBe(`${api.url}/repos/acme/churn/releases/${created.data.id}/assets{?name,label}`);
    expect(api.state.ref('acme/churn', 'tags/churn-model@v1.0.0')).toBe(head.sha);

    const again = await failure(
      bot.request('POST /repos/{owner}/{repo}/releases', { ...REPO, tag_name: 'churn-model@v1.0.0' }),
    );
    expect(again).toMatchObject({ status: 422, message: 'Validation Failed' });

    const uploaded = await bot.request({
      method: 'POST',
      url: created.data.upload_url,
      name: 'SHA256SUMS',
      headers: { 'content-type': 'text/plain' },
      data: 'abc  model.bin\n',
    });
    expect(uploaded.status).toBe(201);
    expect(uploaded.data).toMatchObject({
      name: 'SHA256SUMS',
      size: 15,
      content_type: 'text/plain',
      state: 'uploaded',
    });
    expect((uploaded.data as { digest: string }).digest).toBe(
      `sha256:${createHash('sha256').update('abc  model.bin\n').digest('hex')}`,
    );

    const byTag = await user.request('GET /repos/{owner}/{repo}/releases/tags/{tag}', {
      ...REPO,
      tag: 'churn-model@v1.0.0',
    });
    expect(byTag.data.assets.map((a) => a.name)).toEqual(['SHA256SUMS']);
    expect(
      await failure(
        user.request('GET /repos/{owner}/{repo}/releases/tags/{tag}', { ...REPO, tag: 'churn-model@v9.9.9' }),
      ),
    ).toMatchObject({ status: 404 });
  });
});

describe('normal traffic', () => {
  it('records every request and finds no OpenAPI violations', async () => {
    const head = api.state.addCommit('acme/churn', { branch: 'main' });
    await user.request('GET /repos/{owner}/{repo}', REPO);
    await user.request('GET /repos/{owner}/{repo}/commits/{ref}', { ...REPO, ref: head.sha });
    await user.request('GET /repos/{owner}/{repo}/actions/runs', { ...REPO, branch: 'main', per_page: 10 });
    expect(api.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      'GET /repos/acme/churn 200',
      `GET /repos/acme/churn/commits/${head.sha} 200`,
      'GET /repos/acme/churn/actions/runs 200',
    ]);
    expect(api.requests[2]?.query).toEqual({ branch: 'main', per_page: '10' });
    expect(api.violations).toEqual([]);
  });
});

describe('git data and contents', () => {
  it('stores trees and commits, reads files back as JSON and raw, and moves a ref only forward', async () => {
    const root = api.state.addCommit('acme/churn', { branch: 'main' });
    const tree = await bot.request('POST /repos/{owner}/{repo}/git/trees', {
      ...REPO,
      base_tree: root.treeSha,
      tree: [
        { path: 'experiments/a.jsonl', mode: '100644', type: 'blob', content: 'one\n' },
        { path: 'README.md', mode: '100644', type: 'blob', content: 'hello é\n' },
      ],
    });
    // Git's own object names: `git hash-object` of the same bytes.
    const blobSha = createHash('sha1').update('blob 4\0one\n').digest('hex');
    const listed = await bot.request('GET /repos/{owner}/{repo}/git/trees/{tree_sha}', {
      ...REPO,
      tree_sha: tree.data.sha,
      recursive: '1',
    });
    expect(listed.data.tree.map((e) => [e.path, e.type])).toEqual([
      ['README.md', 'blob'],
      ['experiments', 'tree'],
      ['experiments/a.jsonl', 'blob'],
    ]);
    expect(listed.data.tree[2]?.sha).toBe(blobSha);
    const commit = await bot.request('POST /repos/{owner}/{repo}/git/commits', {
      ...REPO,
      message: 'add files',
      tree: tree.data.sha,
      parents: [root.sha],
    });
    expect(
      (
        await bot.request('GET /repos/{owner}/{repo}/git/commits/{commit_sha}', {
          ...REPO,
          commit_sha: commit.data.sha,
        })
      ).data.tree.sha,
    ).toBe(tree.data.sha);
    await bot.request('PATCH /repos/{owner}/{repo}/git/refs/{ref}', {
      ...REPO,
      ref: 'heads/main',
      sha: commit.data.sha,
    });

    const asJson = await bot.request('GET /repos/{owner}/{repo}/contents/{path}', {
      ...REPO,
      path: 'README.md',
      ref: 'main',
    });
    const file = asJson.data as { content: string; encoding: string };
    expect(Buffer.from(file.content, 'base64').toString('utf8')).toBe('hello é\n');
    const raw = await bot.request('GET /repos/{owner}/{repo}/contents/{path}', {
      ...REPO,
      path: 'experiments/a.jsonl',
      ref: commit.data.sha,
      headers: { accept: 'application/vnd.github.raw+json' },
    });
    expect(raw.data).toBe('one\n');
    expect(
      (await failure(bot.request('GET /repos/{owner}/{repo}/contents/{path}', { ...REPO, path: 'missing.txt' })))
        .status,
    ).toBe(404);
    // At the root commit the file did not exist yet.
    expect(
      (
        await failure(
          bot.request('GET /repos/{owner}/{repo}/contents/{path}', { ...REPO, path: 'README.md', ref: root.sha }),
        )
      ).status,
    ).toBe(404);

    // Back to the root is not a fast forward; with force it is done.
    const backwards = await failure(
      bot.request('PATCH /repos/{owner}/{repo}/git/refs/{ref}', { ...REPO, ref: 'heads/main', sha: root.sha }),
    );
    expect(backwards).toMatchObject({ status: 422, message: 'Update is not a fast forward' });
    expect(api.state.ref('acme/churn', 'heads/main')).toBe(commit.data.sha);
    await bot.request('PATCH /repos/{owner}/{repo}/git/refs/{ref}', {
      ...REPO,
      ref: 'heads/main',
      sha: root.sha,
      force: true,
    });
    expect(api.state.ref('acme/churn', 'heads/main')).toBe(root.sha);
    expect(
      await failure(
        bot.request('PATCH /repos/{owner}/{repo}/git/refs/{ref}', { ...REPO, ref: 'heads/none', sha: root.sha }),
      ),
    ).toMatchObject({ status: 422, message: 'Reference does not exist' });
  });
});

describe('GitHub Pages', () => {
  it('answers the Pages site as configured, 404 without one, and 403 to a token without pages: read', async () => {
    expect(await failure(user.request('GET /repos/{owner}/{repo}/pages', REPO))).toMatchObject({ status: 404 });
    api.state.setPages('acme/churn', { buildType: 'legacy', source: { branch: 'ml-history', path: '/docs' } });
    const { data } = await user.request('GET /repos/{owner}/{repo}/pages', REPO);
    expect(data).toMatchObject({
      url: `${api.url}/repos/acme/churn/pages`,
      html_url: 'https://acme.github.io/churn/',
      build_type: 'legacy',
      source: { branch: 'ml-history', path: '/docs' },
      public: true,
    });
    api.state.setPages('acme/churn', { buildType: 'workflow', htmlUrl: 'https://models.example.com/' });
    const workflow = await user.request('GET /repos/{owner}/{repo}/pages', REPO);
    expect(workflow.data).toMatchObject({ build_type: 'workflow', html_url: 'https://models.example.com/' });
    expect(workflow.data.source).toBeUndefined();

    api.tokens.add('no-pages', {
      login: 'github-actions[bot]',
      installation: true,
      permissions: { contents: 'write' },
    });
    const refused = await failure(client('no-pages').request('GET /repos/{owner}/{repo}/pages', REPO));
    expect(refused).toMatchObject({ status: 403, message: 'Resource not accessible by integration' });
    expect(refused.headers['x-accepted-github-permissions']).toBe('pages=read');
    api.tokens.add('pages', { login: 'github-actions[bot]', installation: true, permissions: { pages: 'read' } });
    expect((await client('pages').request('GET /repos/{owner}/{repo}/pages', REPO)).status).toBe(200);

    api.state.setPages('acme/churn', undefined);
    expect(await failure(user.request('GET /repos/{owner}/{repo}/pages', REPO))).toMatchObject({ status: 404 });
  });
});
