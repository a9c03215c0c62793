/**
 * GitHub Deployments of model versions: one per rollout, for the version's tag, in the
 * environment named after the stage (so the environment's protection rules guard it), with a
 * status per step. The payload names the model; `task` tells our deployments from others.
 */
import type { RepositoryTarget } from './model-tags.ts';

export const MODEL_DEPLOYMENT_TASK = 'deploy:model';

export interface ModelDeploymentPayload {
  model: string;
  version: string;
  digest: string;
  uri: string;
  /** The workflow run that rolled it out: its own re-run may take over a deployment it left running. */
  workflowRun: number;
  /** Set on the deployment that brings the previous version back after a failed rollout. */
  rollbackOf?: string;
}

export type DeploymentStatusState = 'error' | 'failure' | 'inactive' | 'in_progress' | 'queued' | 'pending' | 'success';

export async function createModelDeployment(
  target: RepositoryTarget,
  options: { ref: string; environment: string; description: string; payload: ModelDeploymentPayload },
): Promise<number> {
  const created = await target.github.request('POST /repos/{owner}/{repo}/deployments', {
    owner: target.owner,
    repo: target.repo,
    ref: options.ref,
    task: MODEL_DEPLOYMENT_TASK,
    environment: options.environment,
    description: options.description,
    payload: { ...options.payload },
    auto_merge: false,
    // The version was judged before it was packaged; the commit's checks are not this deployment's.
    required_contexts: [],
    production_environment: options.environment === 'production',
  });
  // 202 is GitHub's answer when it merged the default branch instead: never asked for here.
  const id = (created.data as { id?: unknown }).id;
  if (typeof id !== 'number') throw new Error(`GitHub made no deployment of ${options.ref} (status ${created.status})`);
  return id;
}

export async function setDeploymentStatus(
  target: RepositoryTarget,
  id: number,
  status: { state: DeploymentStatusState; description: string; environmentUrl?: string; logUrl?: string },
): Promise<void> {
  await target.github.request('POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', {
    owner: target.owner,
    repo: target.repo,
    deployment_id: id,
    state: status.state,
    // GitHub keeps at most 140 characters of a status description.
    description: status.description.slice(0, 140),
    ...(status.environmentUrl === undefined ? {} : { environment_url: status.environmentUrl }),
    ...(status.logUrl === undefined ? {} : { log_url: status.logUrl }),
  });
}

export interface RunningDeployment {
  id: number;
  description: string;
  /** Its latest status; `pending` when it has none yet. */
  state: string;
  creator: string;
  workflowRun: number | undefined;
}

/**
 * The deployments of `model` to `environment` still rolling out (their latest status queued,
 * pending or in progress, or none yet), among the newest 30 of the environment.
 */
export async function runningModelDeployments(
  target: RepositoryTarget,
  model: string,
  environment: string,
): Promise<RunningDeployment[]> {
  const listed = await target.github.request('GET /repos/{owner}/{repo}/deployments', {
    owner: target.owner,
    repo: target.repo,
    environment,
    task: MODEL_DEPLOYMENT_TASK,
    per_page: 30,
  });
  const running: RunningDeployment[] = [];
  for (const deployment of listed.data) {
    const payload = deployment.payload as { model?: unknown; workflowRun?: unknown } | string;
    if (typeof payload !== 'object' || payload.model !== model) continue;
    const id = Number(deployment.id);
    const statuses = await target.github.request('GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', {
      owner: target.owner,
      repo: target.repo,
      deployment_id: id,
      per_page: 1,
    });
    const state = statuses.data[0]?.state ?? 'pending';
    if (state === 'queued' || state === 'pending' || state === 'in_progress') {
      running.push({
        id,
        description: deployment.description ?? '',
        state,
        creator: deployment.creator?.login ?? 'someone',
        workflowRun: typeof payload.workflowRun === 'number' ? payload.workflowRun : undefined,
      });
    }
  }
  return running;
}
