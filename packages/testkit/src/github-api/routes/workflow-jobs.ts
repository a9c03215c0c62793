/**
 * The jobs of a workflow run: each matrix leg is a job of its own. `filter=latest` (GitHub's
 * default) gives the most recent execution of each job, `filter=all` every attempt's.
 */
import { json, notFound } from '../http-exchange.ts';
import { paginate } from '../pagination.ts';
import { nodeId, WEB } from '../render-account.ts';
import type { Router } from '../router.ts';
import type { GitHubState, RepoRecord, WorkflowJobRecord, WorkflowRunRecord } from '../state.ts';
import { intParam, requireRepo } from './repo-lookup.ts';

function jobJson(api: string, repo: RepoRecord, run: WorkflowRunRecord, job: WorkflowJobRecord) {
  const completed = job.status === 'completed';
  return {
    id: job.id,
    run_id: run.id,
    run_url: `${api}/repos/${repo.fullName}/actions/runs/${run.id}`,
    run_attempt: job.runAttempt,
    node_id: nodeId('CheckRun', job.id),
    head_sha: run.headSha,
    url: `${api}/repos/${repo.fullName}/actions/jobs/${job.id}`,
    html_url: `${WEB}/${repo.fullName}/actions/runs/${run.id}/job/${job.id}`,
    status: job.status,
    conclusion: completed ? job.conclusion : null,
    created_at: job.createdAt,
    started_at: job.startedAt,
    completed_at: completed ? job.completedAt : null,
    name: job.name,
    steps: [],
    check_run_url: `${api}/repos/${repo.fullName}/check-runs/${job.id}`,
    labels: ['ubuntu-latest'],
    runner_id: 1,
    runner_name: 'GitHub Actions 1',
    runner_group_id: 0,
    runner_group_name: 'GitHub Actions',
    workflow_name: run.name,
    head_branch: run.headBranch,
  };
}

/** For each job name, its execution of the highest attempt: what the run's page shows. */
function latestExecutions(jobs: WorkflowJobRecord[]): WorkflowJobRecord[] {
  const latest = new Map<string, WorkflowJobRecord>();
  for (const job of jobs) {
    const kept = latest.get(job.name);
    if (kept === undefined || job.runAttempt >= kept.runAttempt) latest.set(job.name, job);
  }
  return jobs.filter((job) => latest.get(job.name) === job);
}

export function registerWorkflowJobRoutes(router: Router, state: GitHubState): void {
  router.add('GET', '/repos/{owner}/{repo}/actions/runs/{run_id}/jobs', (request) => {
    const repo = requireRepo(state, request);
    const run = state.workflowRun(intParam(request, 'run_id'));
    if (run === undefined || run.repo.toLowerCase() !== repo.fullName.toLowerCase()) notFound();
    const every = state.workflowJobs(run.id);
    // The description allows only `latest` and `all`; the request check refuses anything else.
    const jobs = request.query.get('filter') === 'all' ? every : latestExecutions(every);
    const page = paginate(jobs, request);
    return json(
      200,
      { total_count: jobs.length, jobs: page.items.map((job) => jobJson(request.baseUrl, repo, run, job)) },
      page.headers,
    );
  });
}
