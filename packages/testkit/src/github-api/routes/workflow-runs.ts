/**
 * Workflow runs: the list (newest first, filtered by branch, event, status and head sha) that
 * baseline lookup walks, and a single run.
 */
import { ApiFailure, githubError, json, notFound } from '../http-exchange.ts';
import { paginate } from '../pagination.ts';
import { nodeId, simpleUser, WEB } from '../render-account.ts';
import { minimalRepository } from '../render-repository.ts';
import type { Router } from '../router.ts';
import type { GitHubState, PullRecord, RepoRecord, WorkflowRunRecord } from '../state.ts';
import { intParam, requireRepo } from './repo-lookup.ts';
import { pullRequestMinimal } from './pulls.ts';

/** Filters GitHub documents that this stand-in does not implement: refused rather than ignored. */
const UNSUPPORTED_FILTERS = ['actor', 'created', 'check_suite_id'];

function workflowRunJson(
  api: string,
  state: GitHubState,
  repo: RepoRecord,
  run: WorkflowRunRecord,
  withPulls: boolean,
): Record<string, unknown> {
  const url = `${api}/repos/${repo.fullName}/actions/runs/${run.id}`;
  const commit = state.commit(run.headSha);
  const headRepo = state.repo(run.headRepo) ?? repo;
  // GitHub leaves out pull requests whose head is in a fork: a fork's run cannot name its PR here.
  const pulls = withPulls
    ? run.pullRequests
        .map((number) => state.pull(repo.fullName, number))
        .filter(
          (pull): pull is PullRecord =>
            pull !== undefined && pull.head.repo.toLowerCase() === repo.fullName.toLowerCase(),
        )
        .map((pull) => pullRequestMinimal(api, state, pull))
    : [];
  const checkSuiteId = run.id + 1_000_000;
  return {
    id: run.id,
    name: run.name,
    node_id: nodeId('WorkflowRun', run.id),
    check_suite_id: checkSuiteId,
    check_suite_node_id: nodeId('CheckSuite', checkSuiteId),
    head_branch: run.headBranch,
    head_sha: run.headSha,
    path: run.path,
    display_title: run.displayTitle,
    run_number: run.runNumber,
    run_attempt: run.runAttempt,
    event: run.event,
    status: run.status,
    conclusion: run.conclusion,
    workflow_id: run.workflowId,
    url,
    html_url: `${WEB}/${repo.fullName}/actions/runs/${run.id}`,
    pull_requests: pulls,
    created_at: run.createdAt,
    updated_at: run.updatedAt,
    actor: simpleUser(api, state.user(run.actor)),
    triggering_actor: simpleUser(api, state.user(run.actor)),
    run_started_at: run.createdAt,
    referenced_workflows: [],
    jobs_url: `${url}/jobs`,
    logs_url: `${url}/logs`,
    check_suite_url: `${api}/repos/${repo.fullName}/check-suites/${checkSuiteId}`,
    artifacts_url: `${url}/artifacts`,
    cancel_url: `${url}/cancel`,
    rerun_url: `${url}/rerun`,
    previous_attempt_url: null,
    workflow_url: `${api}/repos/${repo.fullName}/actions/workflows/${run.workflowId}`,
    head_commit:
      commit === undefined
        ? null
        : {
            id: commit.sha,
            tree_id: commit.treeSha,
            message: commit.message,
            timestamp: commit.committer.date,
            author: { name: commit.author.name, email: commit.author.email },
            committer: { name: commit.committer.name, email: commit.committer.email },
          },
    repository: minimalRepository(api, state, repo),
    head_repository: minimalRepository(api, state, headRepo),
    head_repository_id: headRepo.id,
  };
}

/** Newest first, as GitHub lists runs; equal timestamps fall back to the higher id. */
function newestFirst(a: WorkflowRunRecord, b: WorkflowRunRecord): number {
  return a.createdAt === b.createdAt ? b.id - a.id : a.createdAt < b.createdAt ? 1 : -1;
}

export function registerWorkflowRunRoutes(router: Router, state: GitHubState): void {
  router.add('GET', '/repos/{owner}/{repo}/actions/runs', (request) => {
    const repo = requireRepo(state, request);
    const unsupported = UNSUPPORTED_FILTERS.find((name) => request.query.has(name));
    if (unsupported !== undefined) {
      throw new ApiFailure(
        githubError(422, `testkit: the ${unsupported} filter of workflow runs is not implemented by the stand-in`),
      );
    }
    const { query } = request;
    const branch = query.get('branch');
    const event = query.get('event');
    const status = query.get('status');
    const headSha = query.get('head_sha');
    const runs = state
      .workflowRuns(repo.fullName)
      .filter(
        (run) =>
          (branch === null || run.headBranch === branch) &&
          (event === null || run.event === event) &&
          // `status` takes a status (completed, in_progress...) or a conclusion (success, failure...).
          (status === null || run.status === status || run.conclusion === status) &&
          (headSha === null || run.headSha === headSha),
      )
      .sort(newestFirst);
    const withPulls = query.get('exclude_pull_requests') !== 'true';
    const page = paginate(runs, request);
    return json(
      200,
      {
        total_count: runs.length,
        workflow_runs: page.items.map((run) => workflowRunJson(request.baseUrl, state, repo, run, withPulls)),
      },
      page.headers,
    );
  });

  router.add('GET', '/repos/{owner}/{repo}/actions/runs/{run_id}', (request) => {
    const repo = requireRepo(state, request);
    const run = state.workflowRun(intParam(request, 'run_id'));
    if (run === undefined || run.repo.toLowerCase() !== repo.fullName.toLowerCase()) notFound();
    return json(
      200,
      workflowRunJson(request.baseUrl, state, repo, run, request.query.get('exclude_pull_requests') !== 'true'),
    );
  });
}
