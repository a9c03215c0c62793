/**
 * The checks every `/repos/{owner}/{repo}/...` handler starts with: the repository exists, the
 * numeric parameters are numbers, the body is an object.
 */
import { ApiFailure, githubError, notFound } from '../http-exchange.ts';
import type { ApiRequest } from '../http-exchange.ts';
import type { GitHubState, RepoRecord } from '../state.ts';

/** The repository named by `{owner}/{repo}`, or a 404 answer. */
export function requireRepo(state: GitHubState, request: ApiRequest): RepoRecord {
  return state.repo(`${request.params.owner ?? ''}/${request.params.repo ?? ''}`) ?? notFound();
}

/** A numeric path parameter; with validation off, a non-number is a 404 as on GitHub. */
export function intParam(request: ApiRequest, name: string): number {
  const raw = request.params[name] ?? '';
  return /^\d+$/.test(raw) ? Number(raw) : notFound();
}

/** The JSON body as an object (the OpenAPI check has already looked at its fields). */
export function bodyObject(request: ApiRequest): Record<string, unknown> {
  const body = request.body;
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    throw new ApiFailure(githubError(400, 'Problems parsing JSON'));
  return body as Record<string, unknown>;
}

/** A string field of the body, if present. */
export function optionalString(body: Record<string, unknown>, field: string): string | undefined {
  const value = body[field];
  return typeof value === 'string' ? value : undefined;
}
