/**
 * Deployments and their statuses: create (for a branch, tag or sha), list (filtered by sha, ref,
 * task, environment; newest first), get, and statuses. As GitHub documents `auto_inactive` (the
 * default), a `success` status adds an `inactive` status to every earlier deployment of the same
 * repository and environment that is neither transient nor a production environment.
 */
import { json, notFound, validationFailed, type ApiRequest } from '../http-exchange.ts';
import { paginate } from '../pagination.ts';
import { nodeId, simpleUser } from '../render-account.ts';
import type { Router } from '../router.ts';
import { isoSeconds } from '../state.ts';
import type { DeploymentRecord, DeploymentState, DeploymentStatusRecord, GitHubState, RepoRecord } from '../state.ts';
import { bodyObject, intParam, optionalString, requireRepo } from './repo-lookup.ts';

const STATES: readonly DeploymentState[] = [
  'error',
  'failure',
  'inactive',
  'in_progress',
  'queued',
  'pending',
  'success',
];

function deploymentJson(
  api: string,
  state: GitHubState,
  repo: RepoRecord,
  d: DeploymentRecord,
): Record<string, unknown> {
  const url = `${api}/repos/${repo.fullName}/deployments/${d.id}`;
  return {
    url,
    id: d.id,
    node_id: nodeId('Deployment', d.id),
    sha: d.sha,
    ref: d.ref,
    task: d.task,
    payload: d.payload,
    original_environment: d.environment,
    environment: d.environment,
    description: d.description,
    creator: simpleUser(api, state.user(d.creator)),
    created_at: d.createdAt,
    updated_at: d.statuses.at(-1)?.createdAt ?? d.createdAt,
    statuses_url: `${url}/statuses`,
    repository_url: `${api}/repos/${repo.fullName}`,
    transient_environment: d.transientEnvironment,
    production_environment: d.productionEnvironment,
  };
}

function statusJson(
  api: string,
  state: GitHubState,
  repo: RepoRecord,
  d: DeploymentRecord,
  s: DeploymentStatusRecord,
): Record<string, unknown> {
  const deploymentUrl = `${api}/repos/${repo.fullName}/deployments/${d.id}`;
  return {
    url: `${deploymentUrl}/statuses/${s.id}`,
    id: s.id,
    node_id: nodeId('DeploymentStatus', s.id),
    state: s.state,
    creator: simpleUser(api, state.user(s.creator)),
    description: s.description,
    environment: d.environment,
    target_url: s.logUrl,
    created_at: s.createdAt,
    updated_at: s.createdAt,
    deployment_url: deploymentUrl,
    repository_url: `${api}/repos/${repo.fullName}`,
    // Absent rather than empty: the description types them as addresses.
    ...(s.environmentUrl === '' ? {} : { environment_url: s.environmentUrl }),
    ...(s.logUrl === '' ? {} : { log_url: s.logUrl }),
  };
}

function requireDeployment(
  state: GitHubState,
  request: ApiRequest,
): { repo: RepoRecord; deployment: DeploymentRecord } {
  const repo = requireRepo(state, request);
  const deployment = state.deployment(intParam(request, 'deployment_id'));
  if (deployment === undefined || deployment.repo.toLowerCase() !== repo.fullName.toLowerCase()) notFound();
  return { repo, deployment };
}

export function registerDeploymentRoutes(router: Router, state: GitHubState): void {
  router.add('POST', '/repos/{owner}/{repo}/deployments', (request) => {
    const repo = requireRepo(state, request);
    const body = bodyObject(request);
    const ref = optionalString(body, 'ref') ?? '';
    const sha = state.resolveCommitish(repo.fullName, ref);
    if (sha === undefined) return validationFailed([{ resource: 'Deployment', code: 'invalid', field: 'ref' }]);
    const environment = optionalString(body, 'environment') ?? 'production';
    const deployment = state.addDeployment({
      repo: repo.fullName,
      sha,
      ref,
      task: optionalString(body, 'task') ?? 'deploy',
      payload: body.payload ?? {},
      environment,
      description: optionalString(body, 'description') ?? null,
      transientEnvironment: body.transient_environment === true,
      productionEnvironment:
        typeof body.production_environment === 'boolean' ? body.production_environment : environment === 'production',
      creator: request.identity.login,
      createdAt: isoSeconds(),
    });
    return json(201, deploymentJson(request.baseUrl, state, repo, deployment));
  });

  router.add('GET', '/repos/{owner}/{repo}/deployments', (request) => {
    const repo = requireRepo(state, request);
    const filters = ['sha', 'ref', 'task', 'environment'] as const;
    const matching = state
      .deployments(repo.fullName)
      .filter((d) =>
        filters.every((name) => {
          const wanted = request.query.get(name);
          return wanted === null || wanted === '' || d[name] === wanted;
        }),
      )
      .reverse();
    const page = paginate(matching, request);
    return json(
      200,
      page.items.map((d) => deploymentJson(request.baseUrl, state, repo, d)),
      page.headers,
    );
  });

  router.add('GET', '/repos/{owner}/{repo}/deployments/{deployment_id}', (request) => {
    const { repo, deployment } = requireDeployment(state, request);
    return json(200, deploymentJson(request.baseUrl, state, repo, deployment));
  });

  router.add('POST', '/repos/{owner}/{repo}/deployments/{deployment_id}/statuses', (request) => {
    const { repo, deployment } = requireDeployment(state, request);
    const body = bodyObject(request);
    const wanted = optionalString(body, 'state') as DeploymentState | undefined;
    if (wanted === undefined || !STATES.includes(wanted)) {
      return validationFailed([{ resource: 'DeploymentStatus', code: 'invalid', field: 'state' }]);
    }
    const status = state.addDeploymentStatus(deployment, {
      state: wanted,
      description: optionalString(body, 'description') ?? '',
      environmentUrl: optionalString(body, 'environment_url') ?? '',
      logUrl: optionalString(body, 'log_url') ?? optionalString(body, 'target_url') ?? '',
      creator: request.identity.login,
    });
    if (wanted === 'success' && body.auto_inactive !== false) {
      for (const other of state.deployments(repo.fullName)) {
        const last = other.statuses.at(-1)?.state;
        if (other.id >= deployment.id || other.environment !== deployment.environment) continue;
        if (other.transientEnvironment || other.productionEnvironment) continue;
        if (last === 'success' || last === 'in_progress' || last === 'queued' || last === 'pending') {
          // Linked to the run whose success made it inactive: the description types the link as an address.
          state.addDeploymentStatus(other, {
            state: 'inactive',
            description: '',
            environmentUrl: '',
            logUrl: status.logUrl,
            creator: request.identity.login,
          });
        }
      }
    }
    return json(201, statusJson(request.baseUrl, state, repo, deployment, status));
  });

  router.add('GET', '/repos/{owner}/{repo}/deployments/{deployment_id}/statuses', (request) => {
    const { repo, deployment } = requireDeployment(state, request);
    const page = paginate([...deployment.statuses].reverse(), request);
    return json(
      200,
      page.items.map((s) => statusJson(request.baseUrl, state, repo, deployment, s)),
      page.headers,
    );
  });
}
