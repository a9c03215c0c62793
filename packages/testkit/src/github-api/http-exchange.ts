/**
 * What a route handler sees and answers: a parsed request and a response not yet on the wire,
 * so that the server can check both against GitHub's description before sending.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { TokenIdentity } from './tokens.ts';

export interface ApiRequest {
  method: string;
  /** The path as sent, still percent-encoded, without the query. */
  path: string;
  /** The OpenAPI path template that matched, e.g. `/repos/{owner}/{repo}/pulls/{pull_number}`. */
  template: string;
  /** Path parameters, percent-decoded. */
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body, or undefined. */
  body: unknown;
  rawBody: Buffer;
  identity: TokenIdentity;
  /** This server's origin, e.g. `http://127.0.0.1:41234`; links in answers are built from it. */
  baseUrl: string;
}

export interface ApiResponse {
  status: number;
  /** A JSON body; omit for 204 and redirects. */
  body?: unknown;
  /** Bytes sent as they are instead of a JSON body (a file read with a raw media type), with their content type. */
  raw?: { bytes: Buffer; contentType: string };
  headers?: Record<string, string>;
}

export type RouteHandler = (request: ApiRequest) => ApiResponse | Promise<ApiResponse>;

/** Thrown by handlers to answer early (404, 422 ...); the server sends `response`. */
export class ApiFailure extends Error {
  readonly response: ApiResponse;

  constructor(response: ApiResponse) {
    super(`HTTP ${response.status}`);
    this.name = 'ApiFailure';
    this.response = response;
  }
}

const DOCS = 'https://docs.github.com/rest';

/** A JSON answer. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): ApiResponse {
  return { status, body, headers };
}

/** GitHub's error body: `{ message, documentation_url, status }`. */
export function githubError(status: number, message: string, extra: Record<string, unknown> = {}): ApiResponse {
  return { status, body: { message, documentation_url: DOCS, status: String(status), ...extra } };
}

/** GitHub's 422 with an `errors` list, as sent for duplicate names and similar. */
export function validationFailed(
  errors: { resource: string; code: string; field: string; message?: string }[],
): ApiResponse {
  return githubError(422, 'Validation Failed', { errors });
}

/** Throws a 404 "Not Found" answer. */
export function notFound(): never {
  throw new ApiFailure(githubError(404, 'Not Found'));
}
