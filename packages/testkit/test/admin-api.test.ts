import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  node24,
  repositoryRoot,
  startAdminApi,
  startLocalGitHub,
  type AdminApi,
  type LocalGitHub,
} from '../src/index.ts';

// The local GitHub as a person drives it, through the admin API: the session packages/testkit/README.md
// walks through (train on main, a pull request trained, compared and gated, the comment read back),
// a fork's pull request, the environment of a step, and the CLI itself.

let github: LocalGitHub;
let admin: AdminApi;
let workspace: string;

beforeAll(async () => {
  github = await startLocalGitHub();
  github.api.state.addCommit('octo-org/churn', { branch: 'main', message: 'Initial commit' });
  admin = await startAdminApi(github);
  workspace = await mkdtemp(join(tmpdir(), 'admin-api-'));
});
afterAll(async () => {
  await admin?.close();
  await github?.close();
  await rm(workspace, { recursive: true, force: true });
});

async function call<T = Record<string, unknown>>(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${admin.url}${path}`, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });
  return { status: response.status, body: (await response.json()) as T };
}

const train = (accuracy: number) => ({
  action: 'train',
  inputs: { command: `printf '{"accuracy": ${accuracy}}' > metrics.json`, metrics: 'metrics.json' },
});

describe('the admin API', () => {
  it('a session: train on main, a pull request trained, compared and gated, the comment and the check read back', async () => {
    const main = await call<{ id: number }>('POST', '/jobs', { workspace, event: 'push' });
    expect(main.status).toBe(200);
    const trained = await call<{ exitCode: number; outputs: Record<string, string> }>(
      'POST',
      `/jobs/${main.body.id}/steps`,
      train(0.9),
    );
    expect(trained.body.exitCode).toBe(0);
    expect(JSON.parse(trained.body.outputs['metrics']!)).toEqual({ accuracy: 0.9 });
    await call('POST', `/jobs/${main.body.id}/finish`);

    const pull = await call<{ number: number; headSha: string }>('POST', '/pulls', {
      branch: 'tune-lr',
      title: 'Tune the learning rate',
    });
    const job = await call<{ id: number }>('POST', '/jobs', {
      workspace,
      event: 'pull_request',
      pull: pull.body.number,
    });
    expect((await call<{ exitCode: number }>('POST', `/jobs/${job.body.id}/steps`, train(0.93))).body.exitCode).toBe(0);
    const compared = await call<{ exitCode: number; log: string }>('POST', `/jobs/${job.body.id}/steps`, {
      action: 'compare',
      inputs: { rules: 'accuracy >= 0.9' },
    });
    expect(compared.body.exitCode, compared.body.log).toBe(0);
    const gated = await call<{ exitCode: number; outputs: Record<string, string> }>(
      'POST',
      `/jobs/${job.body.id}/steps`,
      { action: 'gate', inputs: { rules: 'accuracy >= 0.9' } },
    );
    expect(gated.body).toMatchObject({ exitCode: 0, outputs: { passed: 'true' } });
    await call('POST', `/jobs/${job.body.id}/finish`);

    const comments = await call<{ user: string; body: string }[]>('GET', `/comments/${pull.body.number}`);
    expect(comments.body).toHaveLength(1);
    expect(comments.body[0]!.user).toBe('github-actions[bot]');
    expect(comments.body[0]!.body).toContain('### 📊 Metric comparison');
    expect(comments.body[0]!.body).toContain('| accuracy ↑ | 0.9 | 0.93 |');
    const checks = await call<{ name: string; headSha: string; conclusion: string }[]>('GET', '/check-runs');
    expect(checks.body).toContainEqual(
      expect.objectContaining({ name: 'ML quality gate', headSha: pull.body.headSha, conclusion: 'success' }),
    );
  });

  it("a fork's pull request gets a read-only token: compare comments nothing and says why", async () => {
    const pull = await call<{ number: number; fork: boolean }>('POST', '/pulls', { branch: 'from-a-fork', fork: true });
    expect(pull.body.fork).toBe(true);
    const job = await call<{ id: number }>('POST', '/jobs', {
      workspace,
      event: 'pull_request',
      pull: pull.body.number,
    });
    await call('POST', `/jobs/${job.body.id}/steps`, train(0.91));
    const compared = await call<{ exitCode: number; log: string }>('POST', `/jobs/${job.body.id}/steps`, {
      action: 'compare',
    });
    expect(compared.body.exitCode).toBe(0);
    expect(compared.body.log).toMatch(/read-only/);
    expect((await call<unknown[]>('GET', `/comments/${pull.body.number}`)).body).toEqual([]);
    await call('POST', `/jobs/${job.body.id}/finish`);
  });

  it("gives a step's environment as the runner sets it: INPUT_ names with their hyphens, action.yml's defaults, the file commands", async () => {
    const job = await call<{ id: number }>('POST', '/jobs', { workspace, event: 'push' });
    const { body } = await call<{ command: string[]; env: Record<string, string> }>(
      'GET',
      `/jobs/${job.body.id}/env?action=compare`,
    );
    expect(body.env['INPUT_GITHUB-TOKEN']).toBe(github.token);
    expect(body.env['INPUT_COMMENT-KEY']).toBe('');
    expect(body.env['INPUT_MODE']).toBe('comment');
    expect(body.env).not.toHaveProperty('INPUT_GITHUB_TOKEN');
    for (const name of [
      'GITHUB_OUTPUT',
      'GITHUB_STEP_SUMMARY',
      'GITHUB_ENV',
      'GITHUB_EVENT_PATH',
      'RUNNER_TEMP',
      'ACTIONS_RESULTS_URL',
      'GITHUB_API_URL',
    ]) {
      expect(body.env[name], name).toBeTruthy();
    }
    expect(body.command.at(-1)).toMatch(/actions\/compare\/dist\/index\.js$/);
    await call('POST', `/jobs/${job.body.id}/finish`);
  });

  it('answers mistakes with a status and a message', async () => {
    expect(await call('GET', '/nothing')).toEqual({
      status: 404,
      body: { error: 'GET /nothing: no such route; GET / lists them' },
    });
    expect(await call('POST', '/jobs/99/steps', { action: 'train' })).toEqual({
      status: 404,
      body: { error: 'no running job 99' },
    });
    expect((await call('POST', '/jobs', { event: 'push' })).status).toBe(400);
    expect((await call<{ routes: string[] }>('GET', '/')).body.routes.length).toBeGreaterThan(5);
  });
});

describe('npm run testkit', () => {
  const cli = join(repositoryRoot(), 'packages', 'testkit', 'src', 'cli.ts');

  it('--help says what it does and lists the admin routes', async () => {
    const out = await new Promise<{ code: number | null; text: string }>((resolve) => {
      const child = spawn(node24(), [cli, '--help'], { stdio: ['ignore', 'pipe', 'pipe'] });
      let text = '';
      child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
      child.on('close', (code) => resolve({ code, text }));
    });
    expect(out.code).toBe(0);
    expect(out.text).toMatch(/^usage: npm run testkit/);
    expect(out.text).toContain('POST /jobs/{id}/steps');
  });

  it('starts the services, writes the env file of a step with the right names, and stops on SIGINT', async () => {
    const envFile = join(workspace, 'step.env');
    const child = spawn(node24(), [cli, '--action', 'compare', '--env-out', envFile], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let errors = '';
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        errors += chunk.toString();
        if (errors.includes('services are running')) resolve();
      });
      child.on('close', (code) => reject(new Error(`the testkit exited (${code}): ${errors}`)));
    });
    const lines = (await readFile(envFile, 'utf8')).trim().split('\n');
    expect(lines).toContainEqual(expect.stringMatching(/^INPUT_GITHUB-TOKEN=ghs_/));
    expect(lines).toContain('INPUT_MODE=comment');
    expect(lines).toContainEqual(expect.stringMatching(/^GITHUB_STEP_SUMMARY=\//));
    const adminUrl = /admin API\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(errors)?.[1];
    expect(adminUrl).toBeDefined();
    expect((await fetch(`${adminUrl}/`)).status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  }, 60_000);
});
