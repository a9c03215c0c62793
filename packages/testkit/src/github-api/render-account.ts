/**
 * Accounts as GitHub shows them: `simple-user` inside other objects, `private-user` for `/user`,
 * and the GitHub Actions app that owns what GITHUB_TOKEN creates.
 */
import type { UserRecord } from './state.ts';

export const WEB = 'https://github.com';

/** A GraphQL-style node id; clients only ever pass these back, so any stable text will do. */
export function nodeId(kind: string, id: number | string): string {
  return Buffer.from(`${kind}:${id}`).toString('base64').replace(/=+$/, '');
}

/** GitHub's `simple-user` for an account. */
export function simpleUser(api: string, user: UserRecord): Record<string, unknown> {
  const login = encodeURIComponent(user.login);
  const url = `${api}/users/${login}`;
  return {
    login: user.login,
    id: user.id,
    node_id: nodeId(user.type === 'Bot' ? 'Bot' : 'User', user.id),
    avatar_url: `https://avatars.githubusercontent.com/${user.type === 'Bot' ? 'in' : 'u'}/${user.id}?v=4`,
    gravatar_id: '',
    url,
    html_url:
      user.type === 'Bot' ? `${WEB}/apps/${encodeURIComponent(user.login.replace(/\[bot\]$/, ''))}` : `${WEB}/${login}`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: user.type,
    user_view_type: 'public',
    site_admin: false,
  };
}

/** GitHub's `private-user`: what `/user` answers for a user's own token. */
export function privateUser(api: string, user: UserRecord): Record<string, unknown> {
  return {
    ...simpleUser(api, user),
    name: user.login,
    company: null,
    blog: '',
    location: null,
    email: null,
    hireable: null,
    bio: null,
    twitter_username: null,
    public_repos: 1,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: '2020-01-01T00:00:00Z',
    updated_at: '2020-01-01T00:00:00Z',
    private_gists: 0,
    total_private_repos: 0,
    owned_private_repos: 0,
    disk_usage: 0,
    collaborators: 0,
    two_factor_authentication: true,
    plan: { name: 'free', space: 976562499, collaborators: 0, private_repos: 10000 },
  };
}

/** The GitHub Actions app (id 15368), owner of check runs created with GITHUB_TOKEN. */
export function githubActionsApp(api: string): Record<string, unknown> {
  return {
    id: 15368,
    slug: 'github-actions',
    client_id: 'Iv1.05c79e9ad1f6bdfa',
    node_id: 'MDM6QXBwMTUzNjg=',
    owner: simpleUser(api, { id: 9919, login: 'github', type: 'Organization' }),
    name: 'GitHub Actions',
    description: 'Automate your workflow from idea to production',
    external_url: 'https://help.github.com/en/actions',
    html_url: `${WEB}/apps/github-actions`,
    created_at: '2018-07-30T09:30:17Z',
    updated_at: '2019-12-10T19:04:12Z',
    permissions: {
      actions: 'write',
      checks: 'write',
      contents: 'write',
      issues: 'write',
      metadata: 'read',
      pull_requests: 'write',
    },
    events: ['check_run', 'check_suite', 'pull_request', 'push', 'workflow_dispatch'],
  };
}
