/**
 * Which token is whom. The real GITHUB_TOKEN is an installation token: it acts as
 * `github-actions[bot]`, cannot read `/user`, and on fork pull requests it is read-only. Its
 * permissions are what the job's `permissions:` block grants.
 */

/** A repository permission as a workflow's `permissions:` block names it. */
export type RepositoryPermission =
  'actions' | 'checks' | 'contents' | 'deployments' | 'issues' | 'pages' | 'pull-requests';

export type PermissionAccess = 'none' | 'read' | 'write';

export interface TokenIdentity {
  login: string;
  /** An installation (GitHub App) token such as GITHUB_TOKEN, rather than a user's token. */
  installation: boolean;
  /** Every write answers 403, as with the GITHUB_TOKEN of a pull request from a fork. */
  readOnly: boolean;
  /**
   * What a job's `permissions:` block granted: a permission it does not list is `none`, as on
   * GitHub. Undefined: every permission is `write`. Writes are checked against it, and so is the
   * one read the stand-in serves that needs a permission of its own (Pages, `pages: read`).
   */
  permissions: Partial<Record<RepositoryPermission, PermissionAccess>> | undefined;
}

export interface TokenOptions {
  login: string;
  installation?: boolean;
  readOnly?: boolean;
  permissions?: Partial<Record<RepositoryPermission, PermissionAccess>>;
}

export class TokenRegistry {
  private readonly tokens = new Map<string, TokenIdentity>();

  /** Registers a token; requests carrying it act as `login`. */
  add(token: string, options: TokenOptions): void {
    if (token === '') throw new Error('a token must not be empty');
    this.tokens.set(token, {
      login: options.login,
      installation: options.installation ?? false,
      readOnly: options.readOnly ?? false,
      permissions: options.permissions,
    });
  }

  remove(token: string): boolean {
    return this.tokens.delete(token);
  }

  /** The identity behind an `Authorization` header (`token X` or `Bearer X`), if the token is known. */
  identify(authorization: string | undefined): TokenIdentity | undefined {
    const match = /^(?:token|bearer)\s+(\S+)\s*$/i.exec(authorization ?? '');
    return match?.[1] === undefined ? undefined : this.tokens.get(match[1]);
  }
}

/**
 * The permissions that allow a write to a route, any one of them enough (GitHub's "Permissions
 * required for GitHub Apps" tables), for every write route the stand-in serves.
 */
const WRITE_PERMISSIONS: Record<string, RepositoryPermission[]> = {
  'POST /repos/{owner}/{repo}/check-runs': ['checks'],
  'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}': ['checks'],
  'POST /repos/{owner}/{repo}/issues/{issue_number}/comments': ['pull-requests', 'issues'],
  'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}': ['pull-requests', 'issues'],
  'DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}': ['pull-requests', 'issues'],
  'POST /repos/{owner}/{repo}/issues': ['issues'],
  'PATCH /repos/{owner}/{repo}/issues/{issue_number}': ['issues', 'pull-requests'],
  'POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches': ['actions'],
  'POST /repos/{owner}/{repo}/git/refs': ['contents'],
  'POST /repos/{owner}/{repo}/git/tags': ['contents'],
  'POST /repos/{owner}/{repo}/releases': ['contents'],
  'POST /repos/{owner}/{repo}/releases/{release_id}/assets': ['contents'],
  'PATCH /repos/{owner}/{repo}/releases/{release_id}': ['contents'],
  'DELETE /repos/{owner}/{repo}/releases/{release_id}': ['contents'],
  'DELETE /repos/{owner}/{repo}/releases/assets/{asset_id}': ['contents'],
  'POST /repos/{owner}/{repo}/deployments': ['deployments'],
  'POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses': ['deployments'],
  'DELETE /repos/{owner}/{repo}/actions/artifacts/{artifact_id}': ['actions'],
};

/**
 * Whether a write is refused, and with which `x-accepted-github-permissions` value
 * (`checks=write`; alternatives separated by `; `): empty for a route not in the table (a test's
 * override), which only a read-only token is refused. Undefined when the write is allowed.
 */
export function refusedWrite(identity: TokenIdentity, method: string, template: string): string | undefined {
  const accepted = WRITE_PERMISSIONS[`${method} ${template}`];
  if (accepted === undefined) return identity.readOnly ? '' : undefined;
  const granted = (permission: RepositoryPermission) =>
    identity.permissions === undefined || identity.permissions[permission] === 'write';
  if (!identity.readOnly && accepted.some(granted)) return undefined;
  return accepted.map((permission) => `${permission.replace(/-/g, '_')}=write`).join('; ');
}

/** Whether a token may read a route that needs `permission: read` (a token without a permissions block may). */
export function canRead(identity: TokenIdentity, permission: RepositoryPermission): boolean {
  const access = identity.permissions === undefined ? 'write' : (identity.permissions[permission] ?? 'none');
  return access !== 'none';
}
