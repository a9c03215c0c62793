/**
 * Event payloads shaped like the ones GitHub writes to GITHUB_EVENT_PATH, trimmed to the fields
 * a workflow step can rely on. Each builder also returns the GITHUB_* variables that go with it.
 */

export interface RepositoryRef {
  owner: string;
  repo: string;
}

export interface EventFixture {
  name: 'push' | 'pull_request' | 'merge_group' | 'workflow_run';
  payload: Record<string, unknown>;
  env: Record<string, string>;
}

function repositoryPayload({ owner, repo }: RepositoryRef, id = 1): Record<string, unknown> {
  return {
    id,
    name: repo,
    full_name: `${owner}/${repo}`,
    private: false,
    default_branch: 'main',
    fork: false,
    html_url: `https://github.com/${owner}/${repo}`,
    owner: { login: owner, id: 100, type: 'Organization' },
  };
}

/** A push of `sha` to `branch`. */
export function pushEvent(
  repository: RepositoryRef,
  options: { sha: string; before: string; branch?: string },
): EventFixture {
  const branch = options.branch ?? 'main';
  return {
    name: 'push',
    payload: {
      ref: `refs/heads/${branch}`,
      before: options.before,
      after: options.sha,
      repository: repositoryPayload(repository),
      head_commit: { id: options.sha, message: 'Update model', timestamp: new Date(0).toISOString() },
      pusher: { name: 'octo-dev' },
      sender: { login: 'octo-dev', id: 7, type: 'User' },
    },
    env: { GITHUB_REF: `refs/heads/${branch}`, GITHUB_SHA: options.sha, GITHUB_HEAD_REF: '', GITHUB_BASE_REF: '' },
  };
}

/** A pull request event; with `fork`, the head lives in another repository (and its token is read-only). */
export function pullRequestEvent(
  repository: RepositoryRef,
  options: {
    number: number;
    headSha: string;
    baseSha: string;
    headRef?: string;
    baseRef?: string;
    mergeSha?: string;
    fork?: boolean;
    title?: string;
    action?: string;
  },
): EventFixture {
  const headRef = options.headRef ?? 'feature';
  const baseRef = options.baseRef ?? 'main';
  const headRepository = options.fork ? { owner: 'outsider', repo: repository.repo } : repository;
  return {
    name: 'pull_request',
    payload: {
      action: options.action ?? 'synchronize',
      number: options.number,
      pull_request: {
        number: options.number,
        title: options.title ?? 'Tune the model',
        state: 'open',
        user: { login: headRepository.owner === repository.owner ? 'octo-dev' : 'outsider', id: 8, type: 'User' },
        head: { ref: headRef, sha: options.headSha, repo: repositoryPayload(headRepository, options.fork ? 2 : 1) },
        base: { ref: baseRef, sha: options.baseSha, repo: repositoryPayload(repository) },
      },
      repository: repositoryPayload(repository),
      sender: { login: 'octo-dev', id: 7, type: 'User' },
    },
    env: {
      GITHUB_REF: `refs/pull/${options.number}/merge`,
      GITHUB_SHA: options.mergeSha ?? options.headSha,
      GITHUB_HEAD_REF: headRef,
      GITHUB_BASE_REF: baseRef,
    },
  };
}

/**
 * A merge queue's `checks_requested` for a group holding pull request `number`: GitHub runs the
 * workflow on a temporary branch `gh-readonly-queue/<base>/pr-<number>-<base sha>` whose head is
 * the group's merge commit, built on `baseSha`.
 */
export function mergeGroupEvent(
  repository: RepositoryRef,
  options: { number: number; headSha: string; baseSha: string; baseRef?: string },
): EventFixture {
  const baseRef = options.baseRef ?? 'main';
  const headRef = `refs/heads/gh-readonly-queue/${baseRef}/pr-${options.number}-${options.baseSha}`;
  return {
    name: 'merge_group',
    payload: {
      action: 'checks_requested',
      merge_group: {
        head_sha: options.headSha,
        head_ref: headRef,
        base_sha: options.baseSha,
        base_ref: `refs/heads/${baseRef}`,
        head_commit: { id: options.headSha, message: `Merge pull request #${options.number}` },
      },
      repository: repositoryPayload(repository),
      sender: { login: 'octo-dev', id: 7, type: 'User' },
    },
    env: { GITHUB_REF: headRef, GITHUB_SHA: options.headSha, GITHUB_HEAD_REF: '', GITHUB_BASE_REF: '' },
  };
}

/** A `workflow_run` completion of a pull request's run, as the second, trusted stage sees it. */
export function workflowRunEvent(
  repository: RepositoryRef,
  options: {
    runId: number;
    headSha: string;
    headBranch: string;
    event?: string;
    conclusion?: string;
    pullRequests?: number[];
  },
): EventFixture {
  return {
    name: 'workflow_run',
    payload: {
      action: 'completed',
      workflow_run: {
        id: options.runId,
        name: 'ml',
        event: options.event ?? 'pull_request',
        status: 'completed',
        conclusion: options.conclusion ?? 'success',
        head_sha: options.headSha,
        head_branch: options.headBranch,
        run_number: 1,
        run_attempt: 1,
        // GitHub leaves this empty for pull requests from forks; the PR number travels in the artifact.
        pull_requests: (options.pullRequests ?? []).map((number) => ({ number, head: { sha: options.headSha } })),
      },
      repository: repositoryPayload(repository),
      sender: { login: 'octo-dev', id: 7, type: 'User' },
    },
    env: { GITHUB_REF: 'refs/heads/main', GITHUB_SHA: 'f'.repeat(40), GITHUB_HEAD_REF: '', GITHUB_BASE_REF: '' },
  };
}
