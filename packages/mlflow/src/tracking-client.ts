import { UserError, errorMessage, isPlainObject, oneLine } from '@ml-actions/core';
import type { TrackingConnection } from './tracking-connection.ts';

/** A request the tracking server refused or could not answer: a one-line message naming the call. */
export class MlflowError extends UserError {
  readonly status: number | undefined;
  /** MLflow's `error_code` (`RESOURCE_DOES_NOT_EXIST`, `INVALID_PARAMETER_VALUE`, ...). */
  readonly errorCode: string | undefined;
  readonly serverMessage: string;

  constructor(message: string, parts: { status?: number; errorCode?: string; serverMessage?: string } = {}) {
    super(message);
    this.name = 'MlflowError';
    this.status = parts.status;
    this.errorCode = parts.errorCode;
    this.serverMessage = parts.serverMessage ?? '';
  }
}

export interface TrackingClientOptions {
  /** How many times a 5xx, a 429 or a dropped connection is retried. */
  retries?: number;
  /** Scales every wait (1 on a runner; tests shorten back-off with a small factor). */
  waitScale?: number;
  /** Where retry warnings go: the step's log. */
  log: { warn(message: string): void; debug(message: string): void };
  /** How long one request may take before it is given up (and retried), in milliseconds. */
  timeoutMs?: number;
  /** The fetch to use; the global one by default. */
  fetch?: typeof fetch;
}

type Query = Record<string, string | number | undefined>;

/** Statuses worth another try: the server or a proxy in front of it is busy or restarting. */
const RETRIED = new Set([429, 500, 502, 503, 504]);

/**
 * The one way requests reach an MLflow tracking server: JSON over its REST API, with the same retry
 * policy as our GitHub client (5xx and dropped connections retried with doubling back-off, 429 after
 * its Retry-After), and every failure a one-line MlflowError that names the call and what to check.
 */
export class TrackingClient {
  readonly connection: TrackingConnection;
  /** Requests sent so far, retries included. */
  requests = 0;
  private readonly retries: number;
  private readonly waitScale: number;
  private readonly log: TrackingClientOptions['log'];
  private readonly timeoutMs: number;
  private readonly fetch: typeof fetch;

  constructor(connection: TrackingConnection, options: TrackingClientOptions) {
    this.connection = connection;
    this.retries = options.retries ?? 3;
    this.waitScale = options.waitScale ?? 1;
    this.log = options.log;
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.fetch = options.fetch ?? fetch;
  }

  get(path: string, query: Query = {}): Promise<Record<string, unknown>> {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value !== undefined) search.set(key, String(value));
    const text = search.toString();
    return this.send('GET', path, text === '' ? path : `${path}?${text}`, undefined);
  }

  post(path: string, body: unknown): Promise<Record<string, unknown>> {
    return this.send('POST', path, path, JSON.stringify(body));
  }

  /** As `post`, with a body already serialised (log batches are sized as text). */
  postText(path: string, body: string): Promise<Record<string, unknown>> {
    return this.send('POST', path, path, body);
  }

  patch(path: string, body: unknown): Promise<Record<string, unknown>> {
    return this.send('PATCH', path, path, JSON.stringify(body));
  }

  delete(path: string, body: unknown): Promise<Record<string, unknown>> {
    return this.send('DELETE', path, path, JSON.stringify(body));
  }

  private async send(
    method: string,
    path: string,
    target: string,
    body: string | undefined,
  ): Promise<Record<string, unknown>> {
    const call = `${method} ${path}`;
    const headers: Record<string, string> = { accept: 'application/json', 'user-agent': 'ml-actions' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.connection.authorization !== undefined) headers['authorization'] = this.connection.authorization;
    for (let attempt = 0; ; attempt++) {
      this.requests++;
      let response: Response;
      try {
        response = await this.fetch(`${this.connection.apiBase}/${target}`, {
          method,
          headers,
          ...(body === undefined ? {} : { body }),
          signal: AbortSignal.timeout(this.timeoutMs),
        });
      } catch (thrown: unknown) {
        const reason = networkReason(thrown);
        if (attempt < this.retries) {
          const ms = this.backOff(attempt);
          this.log.warn(
            `MLflow ${call} could not reach the server (${reason}); retrying in ${seconds(ms)} (attempt ${attempt + 1} of ${this.retries})`,
          );
          await pause(ms);
          continue;
        }
        throw new MlflowError(
          `MLflow ${call}: the tracking server at ${this.connection.uiBase} could not be reached (${reason}) after ${attempt + 1} tries; check ${this.connection.origin}`,
        );
      }
      const text = await response.text();
      if (response.ok) return parseAnswer(text, call);
      if (RETRIED.has(response.status) && attempt < this.retries) {
        const ms = this.retryAfter(response) ?? this.backOff(attempt);
        this.log.warn(
          `MLflow ${call} answered ${response.status}; retrying in ${seconds(ms)} (attempt ${attempt + 1} of ${this.retries})`,
        );
        await pause(ms);
        continue;
      }
      throw this.failure(call, response.status, text, attempt + 1);
    }
  }

  private backOff(attempt: number): number {
    return 1000 * 2 ** attempt * this.waitScale;
  }

  /** Retry-After in seconds (MLflow servers and proxies send it with 429 and 503), scaled. */
  private retryAfter(response: Response): number | undefined {
    const header = response.headers.get('retry-after');
    if (header === null) return undefined;
    const value = Number(header);
    if (!Number.isFinite(value) || value < 0) return undefined;
    return Math.min(value, 600) * 1000 * this.waitScale;
  }

  private failure(call: string, status: number, text: string, tries: number): MlflowError {
    const answer = parseError(text);
    const code = answer.errorCode === undefined ? '' : ` ${answer.errorCode}`;
    const said = answer.message === '' ? '' : `: ${oneLine(answer.message).slice(0, 400)}`;
    const retried = tries > 1 ? ` after ${tries} tries` : '';
    const message = `MLflow ${call} answered ${status}${code}${said}${retried}${hint(status, answer.errorCode, this.connection)}`;
    return new MlflowError(message, {
      status,
      ...(answer.errorCode === undefined ? {} : { errorCode: answer.errorCode }),
      serverMessage: answer.message,
    });
  }
}

function hint(status: number, errorCode: string | undefined, connection: TrackingConnection): string {
  if (status === 401) {
    const variables =
      connection.flavour === 'databricks'
        ? 'DATABRICKS_TOKEN'
        : 'MLFLOW_TRACKING_TOKEN (or MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD)';
    return ` (the server did not accept the credentials: check ${variables})`;
  }
  if (status === 403) return ' (the credentials may not do this: check their permissions on the experiment)';
  if (status === 404 && errorCode === undefined) {
    return ` (is ${connection.origin} the address of an MLflow tracking server?)`;
  }
  return '';
}

function parseAnswer(text: string, call: string): Record<string, unknown> {
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new MlflowError(`MLflow ${call} answered with something that is not JSON: ${oneLine(text).slice(0, 200)}`);
  }
  if (!isPlainObject(value)) throw new MlflowError(`MLflow ${call} answered with JSON that is not an object`);
  return value;
}

function parseError(text: string): { errorCode: string | undefined; message: string } {
  try {
    const value: unknown = JSON.parse(text);
    if (isPlainObject(value)) {
      const errorCode = typeof value['error_code'] === 'string' ? value['error_code'] : undefined;
      const message = typeof value['message'] === 'string' ? value['message'] : '';
      return { errorCode, message };
    }
  } catch {
    // not JSON: an HTML error page of a proxy, say
  }
  return { errorCode: undefined, message: text.replace(/<[^>]*>/g, ' ').trim() };
}

function networkReason(thrown: unknown): string {
  if (thrown instanceof Error && thrown.name === 'TimeoutError') return 'no answer in time';
  const cause = thrown instanceof Error ? (thrown as Error & { cause?: unknown }).cause : undefined;
  if (cause instanceof Error) {
    const code = (cause as Error & { code?: unknown }).code;
    return typeof code === 'string' ? code : cause.message;
  }
  return errorMessage(thrown);
}

function seconds(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 1)} s` : `${Math.round(ms)} ms`;
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => {
    setTimeout(resolve, ms);
  });
}
