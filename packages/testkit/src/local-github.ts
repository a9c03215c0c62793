import { ArtifactRegistry } from './artifact-registry.ts';
import { artifactEnv, runtimeToken, startArtifactService, startAzurite } from './artifact-service/index.ts';
import type { ArtifactService, Azurite } from './artifact-service/index.ts';
import { startGitHubApi } from './github-api/index.ts';
import type { GitHubApi, WorkflowRunSeed } from './github-api/index.ts';

/** Every local stand-in an action talks to, started together and stopped together. */
export interface LocalGitHub {
  api: GitHubApi;
  artifacts: ArtifactService;
  azurite: Azurite;
  registry: ArtifactRegistry;
  /** `owner/repo` of the seeded repository. */
  repository: { owner: string; repo: string };
  /** A write token of the repository, like a workflow's GITHUB_TOKEN on a same-repo event. */
  token: string;
  /** Records a workflow run in the REST state and gives the environment of a job in it. */
  startRun(seed: Omit<WorkflowRunSeed, 'backendId'> & { job?: string }): { runId: number; env: Record<string, string> };
  /** The environment of one more job of a started run: its own artifact-service token (`job` names it). */
  jobEnv(runId: number, job: string): Record<string, string>;
  close(): Promise<void>;
}

export interface LocalGitHubOptions {
  owner?: string;
  repo?: string;
  token?: string;
  /** Check every REST exchange against GitHub's OpenAPI description (default true). */
  validate?: boolean;
}

/**
 * Starts the REST API stand-in, Azurite and the artifact service on loopback, with one repository
 * seeded (an initial commit on `main`) and one write token.
 */
export async function startLocalGitHub(options: LocalGitHubOptions = {}): Promise<LocalGitHub> {
  const registry = new ArtifactRegistry();
  const azurite = await startAzurite();
  const started: { close(): Promise<void> }[] = [{ close: () => azurite.stop() }];
  try {
    const artifacts = await startArtifactService({ registry, azurite });
    started.push(artifacts);
    const api = await startGitHubApi({ registry, validate: options.validate ?? true });
    started.push(api);
    const repository = { owner: options.owner ?? 'octo-org', repo: options.repo ?? 'churn' };
    const fullName = `${repository.owner}/${repository.repo}`;
    api.state.addRepo({ owner: repository.owner, name: repository.repo, defaultBranch: 'main' });
    const token = options.token ?? 'ghs_localWorkflowToken0000000000000000';
    api.tokens.add(token, { login: 'github-actions[bot]', installation: true });
    let nextRunId = 5000;
    const jobEnv = (runId: number, job: string): Record<string, string> => {
      const backendId = String(runId);
      return {
        GITHUB_API_URL: api.url,
        GITHUB_RUN_ID: String(runId),
        ...artifactEnv({
          serviceUrl: artifacts.url,
          token: runtimeToken({ workflowRunBackendId: backendId, workflowJobRunBackendId: `${backendId}-${job}` }),
        }),
      };
    };

    return {
      api,
      artifacts,
      azurite,
      registry,
      repository,
      token,
      startRun(seed) {
        const runId = seed.id ?? nextRunId++;
        api.state.addWorkflowRun(fullName, {
          ...seed,
          id: runId,
          backendId: String(runId),
          status: seed.status ?? 'in_progress',
        });
        return { runId, env: jobEnv(runId, seed.job ?? 'train') };
      },
      jobEnv,
      async close() {
        for (const service of started.reverse()) await service.close();
      },
    };
  } catch (thrown) {
    for (const service of started.reverse()) await service.close();
    throw thrown;
  }
}
