/**
 * Check runs: create and update (what makes a gate a required check), get, and list for a ref.
 * Runs created with an installation token belong to the GitHub Actions app, as on GitHub.
 */
import { ApiFailure, githubError, json, notFound } from '../http-exchange.ts';
import type { ApiRequest } from '../http-exchange.ts';
import { paginate } from '../pagination.ts';
import { githubActionsApp, nodeId, WEB } from '../render-account.ts';
import type { Router } from '../router.ts';
import { isoSeconds } from '../state.ts';
import type { CheckRunAnnotation, CheckRunRecord, GitHubState, RepoRecord } from '../state.ts';
import { bodyObject, intParam, optionalString, requireRepo } from './repo-lookup.ts';
import { pullRequestMinimal } from './pulls.ts';

type Status = CheckRunRecord['status'];

function checkRunJson(api: string, state: GitHubState, repo: RepoRecord, run: CheckRunRecord): Record<string, unknown> {
  const url = `${api}/repos/${repo.fullName}/check-runs/${run.id}`;
  // GitHub lists the open pull requests of the same repository whose head is this commit.
  const pulls = state
    .pulls(repo.fullName)
    .filter(
      (p) =>
        p.state === 'open' && p.head.sha === run.headSha && p.head.repo.toLowerCase() === repo.fullName.toLowerCase(),
    )
    .map((p) => pullRequestMinimal(api, state, p));
  return {
    id: run.id,
    head_sha: run.headSha,
    node_id: nodeId('CheckRun', run.id),
    external_id: run.externalId,
    url,
    html_url: `${WEB}/${repo.fullName}/runs/${run.id}`,
    details_url: run.detailsUrl ?? `${WEB}/${repo.fullName}/runs/${run.id}`,
    status: run.status,
    conclusion: run.conclusion,
    started_at: run.startedAt,
    completed_at: run.completedAt,
    output: {
      title: run.output.title,
      summary: run.output.summary,
      text: run.output.text,
      annotations_count: run.output.annotationsCount,
      annotations_url: `${url}/annotations`,
    },
    name: run.name,
    check_suite: { id: run.checkSuiteId },
    app: run.byInstallation ? githubActionsApp(api) : null,
    pull_requests: pulls,
  };
}

/** Applies the writable fields of a create or update body, with GitHub's status/conclusion rules. */
function applyFields(run: CheckRunRecord, body: Record<string, unknown>): void {
  const name = optionalString(body, 'name');
  if (name !== undefined) run.name = name;
  const detailsUrl = optionalString(body, 'details_url');
  if (detailsUrl !== undefined) run.detailsUrl = detailsUrl;
  const externalId = optionalString(body, 'external_id');
  if (externalId !== undefined) run.externalId = externalId;
  const startedAt = optionalString(body, 'started_at');
  if (startedAt !== undefined) run.startedAt = startedAt;
  const status = optionalString(body, 'status') as Status | undefined;
  if (status !== undefined) run.status = status;
  const conclusion = optionalString(body, 'conclusion');
  if (conclusion !== undefined) {
    run.conclusion = conclusion;
    run.status = 'completed'; // providing a conclusion completes the run
  }
  const completedAt = optionalString(body, 'completed_at');
  if (completedAt !== undefined) run.completedAt = completedAt;
  if (run.status === 'completed') {
    if (run.conclusion === null) {
      throw new ApiFailure(
        githubError(422, 'Invalid request.\n\nNo conclusion was provided for a completed check run.'),
      );
    }
    run.completedAt ??= isoSeconds();
  }
  const output = body.output as Record<string, unknown> | undefined;
  if (output !== undefined) {
    const added = Array.isArray(output.annotations)
      ? (output.annotations as Record<string, unknown>[]).map(annotation)
      : [];
    run.output = {
      title: optionalString(output, 'title') ?? run.output.title,
      summary: optionalString(output, 'summary') ?? run.output.summary,
      text: optionalString(output, 'text') ?? run.output.text,
      // Annotations accumulate across updates, as GitHub documents.
      annotationsCount: run.output.annotationsCount + added.length,
      annotations: [...run.output.annotations, ...added],
    };
  }
}

function annotation(body: Record<string, unknown>): CheckRunAnnotation {
  return {
    path: optionalString(body, 'path') ?? '',
    start_line: Number(body.start_line),
    end_line: Number(body.end_line),
    annotation_level: optionalString(body, 'annotation_level') ?? '',
    message: optionalString(body, 'message') ?? '',
    title: optionalString(body, 'title') ?? null,
  };
}

function annotationJson(run: CheckRunRecord, item: CheckRunAnnotation): Record<string, unknown> {
  return {
    path: item.path,
    start_line: item.start_line,
    end_line: item.end_line,
    start_column: null,
    end_column: null,
    annotation_level: item.annotation_level,
    title: item.title,
    message: item.message,
    raw_details: null,
    blob_href: `${WEB}/${run.repo}/blob/${run.headSha}/${item.path}`,
  };
}

function requireCheckRun(state: GitHubState, repo: RepoRecord, request: ApiRequest): CheckRunRecord {
  const run = state.checkRun(intParam(request, 'check_run_id'));
  return run !== undefined && run.repo.toLowerCase() === repo.fullName.toLowerCase() ? run : notFound();
}

export function registerCheckRunRoutes(router: Router, state: GitHubState): void {
  router.add('POST', '/repos/{owner}/{repo}/check-runs', (request) => {
    const repo = requireRepo(state, request);
    const body = bodyObject(request);
    const headSha = optionalString(body, 'head_sha') ?? '';
    if (state.commit(headSha) === undefined) return githubError(422, `No commit found for SHA: ${headSha}`);
    const run = state.addCheckRun({
      repo: repo.fullName,
      name: optionalString(body, 'name') ?? '',
      headSha,
      status: 'queued',
      conclusion: null,
      startedAt: isoSeconds(),
      completedAt: null,
      externalId: null,
      detailsUrl: null,
      output: { title: null, summary: null, text: null, annotationsCount: 0, annotations: [] },
      byInstallation: request.identity.installation,
    });
    applyFields(run, body);
    return json(201, checkRunJson(request.baseUrl, state, repo, run));
  });

  router.add('PATCH', '/repos/{owner}/{repo}/check-runs/{check_run_id}', (request) => {
    const repo = requireRepo(state, request);
    const run = requireCheckRun(state, repo, request);
    const before = structuredClone(run);
    try {
      applyFields(run, bodyObject(request));
    } catch (error) {
      Object.assign(run, before); // a refused update changes nothing
      throw error;
    }
    return json(200, checkRunJson(request.baseUrl, state, repo, run));
  });

  router.add('GET', '/repos/{owner}/{repo}/check-runs/{check_run_id}', (request) => {
    const repo = requireRepo(state, request);
    return json(200, checkRunJson(request.baseUrl, state, repo, requireCheckRun(state, repo, request)));
  });

  router.add('GET', '/repos/{owner}/{repo}/check-runs/{check_run_id}/annotations', (request) => {
    const repo = requireRepo(state, request);
    const run = requireCheckRun(state, repo, request);
    const page = paginate(run.output.annotations, request);
    return json(
      200,
      page.items.map((item) => annotationJson(run, item)),
      page.headers,
    );
  });

  router.add('GET', '/repos/{owner}/{repo}/commits/{ref}/check-runs', (request) => {
    const repo = requireRepo(state, request);
    const sha = state.resolveCommitish(repo.fullName, request.params.ref ?? '') ?? notFound();
    const name = request.query.get('check_name');
    const status = request.query.get('status');
    const newestFirst = state
      .checkRuns(repo.fullName)
      .filter(
        (r) => r.headSha === sha && (name === null || r.name === name) && (status === null || r.status === status),
      )
      .reverse();
    // `filter=latest` (the default) keeps only the most recent run of each name.
    const latestOnly = (request.query.get('filter') ?? 'latest') === 'latest';
    const seen = new Set<string>();
    const runs = latestOnly ? newestFirst.filter((r) => !seen.has(r.name) && seen.add(r.name)) : newestFirst;
    const page = paginate(runs, request);
    return json(
      200,
      { total_count: runs.length, check_runs: page.items.map((r) => checkRunJson(request.baseUrl, state, repo, r)) },
      page.headers,
    );
  });
}
