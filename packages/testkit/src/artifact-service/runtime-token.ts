/**
 * The runtime token a job gets as ACTIONS_RUNTIME_TOKEN. The artifact client only decodes it (it
 * never checks a signature), so an unsigned JWT carrying the right scope is all a test needs.
 */

export interface BackendIds {
  workflowRunBackendId: string;
  workflowJobRunBackendId: string;
}

const scopePrefix = 'Actions.Results';

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** An unsigned (`alg: none`) JWT whose `scp` claim names the job's backend ids, as the Results service issues them. */
export function runtimeToken(ids: BackendIds): string {
  for (const [field, value] of [
    ['workflowRunBackendId', ids.workflowRunBackendId],
    ['workflowJobRunBackendId', ids.workflowJobRunBackendId],
  ] as const) {
    // The client splits the scope on ':' and ' ', so either character would shift the ids.
    if (value === '' || /[:\s]/.test(value))
      throw new Error(`${field} must be non-empty without ':' or spaces, got ${JSON.stringify(value)}`);
  }
  const claims = {
    iss: 'ml-actions-testkit',
    scp: `Actions.GenericRead:00000000-0000-0000-0000-000000000000 ${scopePrefix}:${ids.workflowRunBackendId}:${ids.workflowJobRunBackendId}`,
  };
  return `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims)}.`;
}

/** The backend ids in a runtime token's `Actions.Results` scope, or undefined when the token has none or is not a JWT. */
export function backendIdsFromToken(token: string): BackendIds | undefined {
  const payload = token.split('.')[1];
  if (payload === undefined) return undefined;
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof claims !== 'object' || claims === null) return undefined;
  const scope = (claims as { scp?: unknown }).scp;
  if (typeof scope !== 'string') return undefined;
  for (const part of scope.split(' ')) {
    const [prefix, run, job, ...rest] = part.split(':');
    if (prefix === scopePrefix && run && job && rest.length === 0)
      return { workflowRunBackendId: run, workflowJobRunBackendId: job };
  }
  return undefined;
}
