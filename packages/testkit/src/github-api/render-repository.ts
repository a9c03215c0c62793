/**
 * Repositories as GitHub shows them: `full-repository` for `GET /repos/{owner}/{repo}` and
 * inside pull requests, `minimal-repository` inside workflow runs.
 */
import { nodeId, simpleUser, WEB } from './render-account.ts';
import type { GitHubState, RepoRecord } from './state.ts';

/** GitHub's `minimal-repository`: identity and the URL templates. */
export function minimalRepository(api: string, state: GitHubState, repo: RepoRecord): Record<string, unknown> {
  const url = `${api}/repos/${repo.fullName}`;
  return {
    id: repo.id,
    node_id: nodeId('Repository', repo.id),
    name: repo.name,
    full_name: repo.fullName,
    private: repo.private,
    owner: simpleUser(api, state.user(repo.owner)),
    html_url: `${WEB}/${repo.fullName}`,
    description: repo.description,
    fork: repo.parent !== undefined,
    url,
    archive_url: `${url}/{archive_format}{/ref}`,
    assignees_url: `${url}/assignees{/user}`,
    blobs_url: `${url}/git/blobs{/sha}`,
    branches_url: `${url}/branches{/branch}`,
    collaborators_url: `${url}/collaborators{/collaborator}`,
    comments_url: `${url}/comments{/number}`,
    commits_url: `${url}/commits{/sha}`,
    compare_url: `${url}/compare/{base}...{head}`,
    contents_url: `${url}/contents/{+path}`,
    contributors_url: `${url}/contributors`,
    deployments_url: `${url}/deployments`,
    downloads_url: `${url}/downloads`,
    events_url: `${url}/events`,
    forks_url: `${url}/forks`,
    git_commits_url: `${url}/git/commits{/sha}`,
    git_refs_url: `${url}/git/refs{/sha}`,
    git_tags_url: `${url}/git/tags{/sha}`,
    hooks_url: `${url}/hooks`,
    issue_comment_url: `${url}/issues/comments{/number}`,
    issue_events_url: `${url}/issues/events{/number}`,
    issues_url: `${url}/issues{/number}`,
    keys_url: `${url}/keys{/key_id}`,
    labels_url: `${url}/labels{/name}`,
    languages_url: `${url}/languages`,
    merges_url: `${url}/merges`,
    milestones_url: `${url}/milestones{/number}`,
    notifications_url: `${url}/notifications{?since,all,participating}`,
    pulls_url: `${url}/pulls{/number}`,
    releases_url: `${url}/releases{/id}`,
    stargazers_url: `${url}/stargazers`,
    statuses_url: `${url}/statuses/{sha}`,
    subscribers_url: `${url}/subscribers`,
    subscription_url: `${url}/subscription`,
    tags_url: `${url}/tags`,
    teams_url: `${url}/teams`,
    trees_url: `${url}/git/trees{/sha}`,
  };
}

/** GitHub's `full-repository` (which also satisfies `repository`, used inside pull requests). */
export function fullRepository(api: string, state: GitHubState, repo: RepoRecord): Record<string, unknown> {
  const parent = repo.parent === undefined ? undefined : state.repo(repo.parent);
  return {
    ...minimalRepository(api, state, repo),
    git_url: `git://github.com/${repo.fullName}.git`,
    ssh_url: `git@github.com:${repo.fullName}.git`,
    clone_url: `${WEB}/${repo.fullName}.git`,
    svn_url: `${WEB}/${repo.fullName}`,
    mirror_url: null,
    homepage: null,
    language: 'Python',
    forks_count: 0,
    forks: 0,
    stargazers_count: 0,
    watchers_count: 0,
    watchers: 0,
    subscribers_count: 1,
    network_count: 0,
    size: 1,
    default_branch: repo.defaultBranch,
    open_issues_count: 0,
    open_issues: 0,
    is_template: false,
    topics: [],
    has_issues: true,
    has_projects: true,
    has_wiki: true,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    archived: false,
    disabled: false,
    visibility: repo.private ? 'private' : 'public',
    pushed_at: repo.pushedAt,
    created_at: repo.createdAt,
    updated_at: repo.pushedAt,
    permissions: { admin: false, maintain: false, push: true, triage: true, pull: true },
    allow_forking: true,
    web_commit_signoff_required: false,
    license: null,
    ...(parent === undefined
      ? {}
      : { parent: fullRepository(api, state, parent), source: fullRepository(api, state, parent) }),
  };
}
