/** Every resource group the stand-in serves, registered on one router. */
import type { Router } from '../router.ts';
import type { GitHubState } from '../state.ts';
import { registerArtifactRoutes } from './artifacts.ts';
import { registerCheckRunRoutes } from './check-runs.ts';
import { registerCommitRoutes } from './commits.ts';
import { registerDeploymentRoutes } from './deployments.ts';
import { registerGitDataRoutes } from './git-data.ts';
import { registerGitRefRoutes } from './git-refs.ts';
import { registerIssueCommentRoutes } from './issue-comments.ts';
import { registerIssueRoutes } from './issues.ts';
import { registerPagesRoutes } from './pages.ts';
import { registerPullRoutes } from './pulls.ts';
import { registerReleaseRoutes } from './releases.ts';
import { registerRepositoryRoutes } from './repositories.ts';
import { registerUserRoutes } from './users.ts';
import { registerWorkflowJobRoutes } from './workflow-jobs.ts';
import { registerWorkflowRunRoutes } from './workflow-runs.ts';

/** Registers all routes; handlers read and change `state`. */
export function registerAllRoutes(router: Router, state: GitHubState): void {
  registerRepositoryRoutes(router, state);
  registerUserRoutes(router, state);
  registerCommitRoutes(router, state);
  registerPullRoutes(router, state);
  registerIssueCommentRoutes(router, state);
  registerIssueRoutes(router, state);
  registerCheckRunRoutes(router, state);
  registerWorkflowRunRoutes(router, state);
  registerWorkflowJobRoutes(router, state);
  registerArtifactRoutes(router, state);
  registerGitRefRoutes(router, state);
  registerGitDataRoutes(router, state);
  registerReleaseRoutes(router, state);
  registerDeploymentRoutes(router, state);
  registerPagesRoutes(router, state);
}
