/**
 * The api.github.com stand-in: a loopback HTTP server that authenticates tokens, applies injected
 * faults, routes to in-memory handlers, and checks every request and response against GitHub's
 * own OpenAPI description.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { ArtifactRegistry } from '../artifact-registry.ts';
import { faultResponse, FaultInjector } from './faults.ts';
import { ApiFailure, githubError } from './http-exchange.ts';
import type { ApiRequest, ApiResponse, RouteHandler } from './http-exchange.ts';
import { sharedValidator } from './openapi-validator.ts';
import { Router } from './router.ts';
import type { RouteMatch } from './router.ts';
import { registerAllRoutes } from './routes/all-routes.ts';
import { GitHubState } from './state.ts';
import { refusedWrite, TokenRegistry } from './tokens.ts';

export interface GitHubApiOptions {
  /** Shared with the artifact (Results) service; a new one is created when omitted. */
  registry?: ArtifactRegistry;
  /** Check requests and responses against GitHub's OpenAPI description (default true). */
  validate?: boolean;
}

export interface RequestLogEntry {
  method: string;
  /** Raw path without the query. */
  path: string;
  query: Record<string, string>;
  /** The status sent; 0 when a fault reset the connection. */
  status: number;
}

export interface Violation {
  /** `request`/`response`: an OpenAPI mismatch; `unimplemented`: no route; `handler`: a bug in the stand-in. */
  kind: 'request' | 'response' | 'unimplemented' | 'handler';
  method: string;
  path: string;
  template: string | undefined;
  operationId: string | undefined;
  status: number | undefined;
  problems: string[];
  /** The message that was sent to the client. */
  message: string;
}

const REQUEST_MISMATCH = "testkit: request does not match GitHub's OpenAPI description";
const RESPONSE_MISMATCH = "testkit: response does not match GitHub's OpenAPI description";
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Routes whose body is raw bytes whatever its content-type (a `.json` release asset is still a file). */
const RAW_BODY_TEMPLATES = new Set(['/repos/{owner}/{repo}/releases/{release_id}/assets']);

export class GitHubApi {
  /** Base URL, e.g. `http://127.0.0.1:41234` (no trailing slash): pass it as Octokit's `baseUrl`. */
  readonly url: string;
  readonly state: GitHubState;
  readonly registry: ArtifactRegistry;
  /** Every request received, in order. */
  readonly requests: RequestLogEntry[] = [];
  /** OpenAPI mismatches and other stand-in problems found so far. */
  readonly violations: Violation[] = [];
  readonly faults = new FaultInjector();
  readonly tokens = new TokenRegistry();
  private readonly server: Server;
  private readonly validate: boolean;
  private readonly router = new Router();
  private readonly overrides = new Router();

  constructor(server: Server, url: string, registry: ArtifactRegistry, validate: boolean) {
    this.server = server;
    this.url = url;
    this.registry = registry;
    this.validate = validate;
    this.state = new GitHubState(registry);
    registerAllRoutes(this.router, this.state);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      this.handle(req, res).catch((error: unknown) => {
        // Only a broken socket can get here; there is nobody left to answer.
        if (!res.headersSent) res.destroy(error instanceof Error ? error : new Error(String(error)));
      });
    });
  }

  /**
   * Makes one route answer whatever `handler` returns (its answer is still checked against the
   * description). `template` is GitHub's path template. Returns a function that restores the route.
   */
  override(method: string, template: string, handler: RouteHandler): () => void {
    return this.overrides.add(method, template, handler);
  }

  /** Returns the violations found so far and forgets them. */
  takeViolations(): Violation[] {
    return this.violations.splice(0);
  }

  /** Throws, listing every violation, if any were found (and forgets them, so one test's mess stays its own). */
  assertNoViolations(): void {
    const found = this.takeViolations();
    if (found.length === 0) return;
    const lines = found.map(
      (v) =>
        `- ${v.kind}: ${v.method} ${v.path}${v.operationId === undefined ? '' : ` (${v.operationId})`}: ${v.problems.join('; ')}`,
    );
    throw new Error(`GitHub API stand-in found ${found.length} violation(s):\n${lines.join('\n')}`);
  }

  /** Stops the server, dropping kept-alive connections. */
  async close(): Promise<void> {
    this.faults.clear();
    await new Promise<void>((resolve, reject) => {
      this.server.close((error) => (error === undefined ? resolve() : reject(error)));
      this.server.closeAllConnections();
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const rawBody = await readBody(req);
    const method = (req.method ?? 'GET').toUpperCase();
    const target = new URL(req.url ?? '/', this.url);
    const path = target.pathname;
    const entry: RequestLogEntry = { method, path, query: Object.fromEntries(target.searchParams), status: 0 };
    this.requests.push(entry);
    const match = this.overrides.match(method, path) ?? this.router.match(method, path);

    const fault = this.faults.take(method, path, match?.route.template);
    if (fault?.delayMs !== undefined) await sleep(fault.delayMs);
    fault?.before?.();
    if (fault?.reset === true) {
      req.socket.destroy();
      return;
    }
    let response: ApiResponse;
    if (fault?.status !== undefined) {
      response = faultResponse({ ...fault, status: fault.status }, Math.floor(Date.now() / 1000));
    } else {
      response = await this.answer(req, method, path, target.searchParams, rawBody, match);
    }
    entry.status = response.status;
    send(res, method, response, fault?.truncate === true);
  }

  private async answer(
    req: IncomingMessage,
    method: string,
    path: string,
    query: URLSearchParams,
    rawBody: Buffer,
    match: RouteMatch | undefined,
  ): Promise<ApiResponse> {
    const identity = this.tokens.identify(req.headers.authorization);
    if (identity === undefined) {
      return githubError(401, req.headers.authorization === undefined ? 'Requires authentication' : 'Bad credentials');
    }
    if (match === undefined) {
      const message = `testkit: ${method} ${path} is not implemented by the GitHub API stand-in`;
      this.violations.push({
        kind: 'unimplemented',
        method,
        path,
        template: undefined,
        operationId: undefined,
        status: 404,
        problems: ['no route'],
        message,
      });
      return githubError(404, message);
    }
    const refused = WRITE_METHODS.has(method) ? refusedWrite(identity, method, match.route.template) : undefined;
    if (refused !== undefined) {
      // What GitHub sends an installation token that lacks the permission (a fork's is read-only).
      const error = githubError(403, 'Resource not accessible by integration');
      return refused === '' ? error : { ...error, headers: { 'x-accepted-github-permissions': refused } };
    }

    const template = match.route.template;
    const contentType = req.headers['content-type'];
    let body: unknown;
    if (
      rawBody.length > 0 &&
      !RAW_BODY_TEMPLATES.has(template) &&
      (contentType === undefined || /json/i.test(contentType))
    ) {
      try {
        body = JSON.parse(rawBody.toString('utf8'));
      } catch {
        return githubError(400, 'Problems parsing JSON');
      }
    }
    const validator = this.validate ? await sharedValidator() : undefined;
    if (validator !== undefined) {
      const checked = validator.checkRequest({
        method,
        template,
        params: match.params,
        query,
        contentType,
        body,
        hasBody: rawBody.length > 0,
      });
      if (checked.problems.length > 0) {
        const message = `${REQUEST_MISMATCH} (${checked.operationId ?? template}): ${checked.problems.join('; ')}`;
        this.violations.push({
          kind: 'request',
          method,
          path,
          template,
          operationId: checked.operationId,
          status: 422,
          problems: checked.problems,
          message,
        });
        return githubError(422, message);
      }
    }

    const request: ApiRequest = {
      method,
      path,
      template,
      params: match.params,
      query,
      headers: req.headers,
      body,
      rawBody,
      identity,
      baseUrl: this.url,
    };
    let response: ApiResponse;
    try {
      response = await match.route.handler(request);
    } catch (error) {
      if (!(error instanceof ApiFailure)) {
        const problem = error instanceof Error ? error.message : String(error);
        const message = `testkit: the ${method} ${template} handler failed: ${problem}`;
        this.violations.push({
          kind: 'handler',
          method,
          path,
          template,
          operationId: undefined,
          status: 500,
          problems: [problem],
          message,
        });
        return githubError(500, message);
      }
      response = error.response;
    }

    // Raw bytes have no JSON schema to be checked against: GitHub documents raw media types without one.
    if (validator !== undefined && response.raw === undefined) {
      const checked = validator.checkResponse(method, template, { status: response.status, body: response.body });
      if (checked.problems.length > 0) {
        const message = `${RESPONSE_MISMATCH} (${checked.operationId ?? template}, status ${response.status}): ${checked.problems.join('; ')}`;
        this.violations.push({
          kind: 'response',
          method,
          path,
          template,
          operationId: checked.operationId,
          status: response.status,
          problems: checked.problems,
          message,
        });
        return githubError(500, message);
      }
    }
    return response;
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

let requestCounter = 0;

function send(res: ServerResponse, method: string, response: ApiResponse, truncate: boolean): void {
  const payload =
    response.raw !== undefined
      ? response.raw.bytes
      : response.body === undefined
        ? undefined
        : Buffer.from(JSON.stringify(response.body));
  const headers: Record<string, string> = {
    'x-github-request-id': `TESTKIT:${(++requestCounter).toString(16).toUpperCase()}`,
    'x-github-media-type': 'github.v3; format=json',
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': '4999',
    'x-ratelimit-used': '1',
    'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
    'x-ratelimit-resource': 'core',
    ...(payload === undefined
      ? {}
      : { 'content-type': response.raw?.contentType ?? 'application/json; charset=utf-8' }),
    ...response.headers,
    'content-length': String(payload?.length ?? 0),
  };
  res.writeHead(response.status, headers);
  if (payload === undefined || method === 'HEAD') {
    res.end();
  } else if (truncate) {
    // The client was promised content-length bytes and gets half: a connection cut mid-body.
    res.write(payload.subarray(0, Math.floor(payload.length / 2)), () => res.destroy());
  } else {
    res.end(payload);
  }
}

/** Starts the stand-in on 127.0.0.1 and a free port. */
export async function startGitHubApi(options: GitHubApiOptions = {}): Promise<GitHubApi> {
  const server = createServer({ keepAliveTimeout: 5_000 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return new GitHubApi(
    server,
    `http://127.0.0.1:${port}`,
    options.registry ?? new ArtifactRegistry(),
    options.validate ?? true,
  );
}
