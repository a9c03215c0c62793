/**
 * A small HTTP API that drives the local GitHub as a person (or a script) would use GitHub: push
 * commits, open pull requests (from a branch or a fork), start jobs of workflow runs, run our
 * actions as steps of them, and read back what they left (comments, check runs, issues, tags).
 * Every answer is JSON; `GET /` lists the routes. It listens on loopback only.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pullRequestEvent, pushEvent } from './harness/events.ts';
import { prepareAction } from './harness/run-action.ts';
import { startJob, type Job } from './job.ts';
import type { LocalGitHub } from './local-github.ts';

export interface AdminApi {
  url: string;
  close(): Promise<void>;
}

export const ADMIN_ROUTES = [
  'GET  /                          this list',
  'POST /commits                   {branch?, message?} -> {sha}: a commit on the branch (default main)',
  'POST /pulls                     {branch, fork?, title?} -> {number, headSha, baseSha}: a pull request into main',
  'POST /jobs                      {workspace, event: "push" | "pull_request", pull?, job?} -> {id, runId}',
  'POST /jobs/{id}/steps           {action, inputs?} -> {exitCode, outputs, summary, annotations, log}',
  'GET  /jobs/{id}/env?action=A    the environment a step of action A gets (INPUT_* with defaults, file commands)',
  'POST /jobs/{id}/finish          {conclusion?} -> {}: the job ends, its RUNNER_TEMP is removed',
  'GET  /comments/{number}         the comments of a pull request or issue',
  'GET  /check-runs                every check run: name, head sha, conclusion, title',
  'GET  /issues                    every issue: number, title, state',
  'GET  /tags                      every tag',
] as const;

interface JobEntry {
  job: Job;
  workspace: string;
  event: ReturnType<typeof pushEvent>;
  headSha: string;
}

/** Starts the admin API beside running local services. */
export async function startAdminApi(github: LocalGitHub, port = 0): Promise<AdminApi> {
  const repo = `${github.repository.owner}/${github.repository.repo}`;
  const state = github.api.state;
  const jobs = new Map<number, JobEntry>();
  let nextJob = 1;

  const routes: Array<
    [string, RegExp, (match: RegExpMatchArray, body: Record<string, unknown>, url: URL) => Promise<unknown>]
  > = [
    ['GET', /^\/$/, () => Promise.resolve({ routes: ADMIN_ROUTES })],
    [
      'POST',
      /^\/commits$/,
      (_, body) => {
        const branch = text(body, 'branch') ?? 'main';
        const parent = state.ref(repo, `heads/${branch}`) ?? state.ref(repo, 'heads/main');
        const commit = state.addCommit(repo, {
          ...(parent === undefined ? {} : { parents: [parent] }),
          message: text(body, 'message') ?? `commit on ${branch}`,
        });
        state.setRef(repo, `heads/${branch}`, commit.sha);
        return Promise.resolve({ sha: commit.sha, branch });
      },
    ],
    [
      'POST',
      /^\/pulls$/,
      (_, body) => {
        const branch = text(body, 'branch') ?? 'feature';
        const fork = body['fork'] === true;
        const baseSha = state.ref(repo, 'heads/main');
        if (baseSha === undefined) throw new BadRequest('main has no commit');
        const headSha = state.addCommit(repo, { parents: [baseSha], message: text(body, 'title') ?? branch }).sha;
        // The same owner the pull_request event of a fork names.
        const headRepo = fork ? `outsider/${github.repository.repo}` : repo;
        if (!fork) state.setRef(repo, `heads/${branch}`, headSha);
        const pull = state.addPull(repo, {
          head: { ref: branch, sha: headSha, repo: headRepo },
          base: { ref: 'main' },
          title: text(body, 'title') ?? branch,
        });
        return Promise.resolve({ number: pull.number, headSha, baseSha, fork });
      },
    ],
    [
      'POST',
      /^\/jobs$/,
      async (_, body) => {
        const workspace = text(body, 'workspace');
        if (workspace === undefined) throw new BadRequest('"workspace" names the folder the steps run in');
        const kind = text(body, 'event') ?? 'push';
        let entry: Omit<JobEntry, 'job'> & { branch: string; pulls?: number[]; fork?: boolean };
        if (kind === 'push') {
          const sha = state.ref(repo, 'heads/main')!;
          entry = {
            workspace,
            event: pushEvent(github.repository, { sha, before: '0'.repeat(40) }),
            headSha: sha,
            branch: 'main',
          };
        } else if (kind === 'pull_request') {
          const number = Number(body['pull']);
          const pull = state.pull(repo, number);
          if (pull === undefined) throw new BadRequest(`no pull request #${String(body['pull'])}`);
          entry = {
            workspace,
            event: pullRequestEvent(github.repository, {
              number,
              headSha: pull.head.sha,
              baseSha: pull.base.sha,
              headRef: pull.head.ref,
              fork: pull.head.repo !== repo,
            }),
            headSha: pull.head.sha,
            branch: pull.head.ref,
            pulls: [number],
            fork: pull.head.repo !== repo,
          };
        } else throw new BadRequest('"event" is push or pull_request');
        const job = await startJob(github, {
          event: entry.event,
          headSha: entry.headSha,
          headBranch: entry.branch,
          workspace,
          job: text(body, 'job') ?? 'ml',
          ...(entry.pulls === undefined ? {} : { pullRequests: entry.pulls }),
          // A fork's pull request gets a read-only token, as on GitHub.
          ...(entry.fork === true ? { token: forkToken(github) } : {}),
        });
        const id = nextJob++;
        jobs.set(id, { job, workspace, event: entry.event, headSha: entry.headSha });
        return { id, runId: job.runId };
      },
    ],
    [
      'POST',
      /^\/jobs\/(\d+)\/steps$/,
      async (match, body) => {
        const entry = jobEntry(jobs, match[1]!);
        const action = text(body, 'action');
        if (action === undefined)
          throw new BadRequest('"action" names one of ours: train, gate, compare, package, history, promote, monitor');
        const run = await entry.job.step(action, stringRecord(body['inputs']));
        return {
          exitCode: run.exitCode,
          outputs: run.outputs,
          summary: run.summary,
          annotations: run.annotations,
          log: run.log,
        };
      },
    ],
    [
      'GET',
      /^\/jobs\/(\d+)\/env$/,
      async (match, _, url) => {
        const entry = jobEntry(jobs, match[1]!);
        const action = url.searchParams.get('action') ?? 'train';
        const prepared = await prepareAction({
          action,
          workspace: entry.workspace,
          event: entry.event,
          token: github.token,
          runId: entry.job.runId,
          env: github.jobEnv(entry.job.runId, 'step-env'),
          repository: github.repository,
        });
        // Only the variables the runner sets for a step, not this process's own environment.
        const env = Object.fromEntries(
          Object.entries(prepared.env).filter(([name]) => /^(GITHUB_|RUNNER_|INPUT_|ACTIONS_|CI$)/.test(name)),
        );
        return { command: [prepared.command, ...prepared.args], env };
      },
    ],
    [
      'POST',
      /^\/jobs\/(\d+)\/finish$/,
      async (match, body) => {
        const entry = jobEntry(jobs, match[1]!);
        await entry.job.finish(text(body, 'conclusion') === 'failure' ? 'failure' : 'success');
        jobs.delete(Number(match[1]));
        return {};
      },
    ],
    [
      'GET',
      /^\/comments\/(\d+)$/,
      (match) =>
        Promise.resolve(state.comments(repo, Number(match[1])).map((c) => ({ id: c.id, user: c.user, body: c.body }))),
    ],
    [
      'GET',
      /^\/check-runs$/,
      () =>
        Promise.resolve(
          state.checkRuns(repo).map((c) => ({
            name: c.name,
            headSha: c.headSha,
            status: c.status,
            conclusion: c.conclusion,
            title: c.output?.title ?? null,
          })),
        ),
    ],
    [
      'GET',
      /^\/issues$/,
      () => Promise.resolve(state.issues(repo).map((i) => ({ number: i.number, title: i.title, state: i.state }))),
    ],
    [
      'GET',
      /^\/tags$/,
      () =>
        Promise.resolve(
          state
            .refs(repo)
            .filter(([ref]) => ref.startsWith('refs/tags/'))
            .map(([ref]) => ref.slice('refs/tags/'.length)),
        ),
    ],
  ];

  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      try {
        const route = routes.find(([method, pattern]) => method === request.method && pattern.test(url.pathname));
        if (route === undefined)
          throw new NotFound(`${request.method} ${url.pathname}: no such route; GET / lists them`);
        const body = request.method === 'POST' ? await readBody(request) : {};
        reply(response, 200, await route[2](url.pathname.match(route[1])!, body, url));
      } catch (thrown: unknown) {
        const status = thrown instanceof BadRequest ? 400 : thrown instanceof NotFound ? 404 : 500;
        reply(response, status, { error: thrown instanceof Error ? thrown.message : String(thrown) });
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    async close() {
      for (const entry of jobs.values()) await entry.job.finish();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

class BadRequest extends Error {}
class NotFound extends Error {}

/** A read-only token for a fork's pull request, registered once. */
function forkToken(github: LocalGitHub): string {
  const token = 'ghs_localForkReadOnly00000000000000000';
  github.api.tokens.add(token, { login: 'github-actions[bot]', installation: true, readOnly: true });
  return token;
}

function jobEntry(jobs: Map<number, JobEntry>, id: string): JobEntry {
  const entry = jobs.get(Number(id));
  if (entry === undefined) throw new NotFound(`no running job ${id}`);
  return entry;
}

function text(body: Record<string, unknown>, key: string): string | undefined {
  const value = body[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function stringRecord(value: unknown): Record<string, string> {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new BadRequest('"inputs" is an object of strings');
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, String(item)]));
}

async function readBody(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new BadRequest('the body is not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new BadRequest('the body is a JSON object');
  return parsed as Record<string, unknown>;
}

function reply(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(`${JSON.stringify(body, null, 2)}\n`);
}
