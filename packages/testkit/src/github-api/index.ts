/**
 * A local stand-in for api.github.com, for tests, the demo and benchmarks: in-memory state,
 * real pagination, injected faults, and every exchange checked against GitHub's OpenAPI description.
 */
export { GitHubApi, startGitHubApi } from './server.ts';
export type { GitHubApiOptions, RequestLogEntry, Violation } from './server.ts';
export { preloadOpenApiDescription } from './openapi-validator.ts';
export { FaultInjector } from './faults.ts';
export type { FaultSpec } from './faults.ts';
export { TokenRegistry } from './tokens.ts';
export type { TokenIdentity, TokenOptions } from './tokens.ts';
export { GitHubState, isoSeconds } from './state.ts';
export type {
  ArtifactSeed,
  CheckRunRecord,
  CommentRecord,
  CommentSeed,
  CommitRecord,
  CommitSeed,
  IssueRecord,
  PagesRecord,
  PullRecord,
  PullSeed,
  ReleaseAssetRecord,
  ReleaseRecord,
  RepoRecord,
  RepoSeed,
  StartedWorkflowRun,
  UserRecord,
  WorkflowDispatchRecord,
  WorkflowJobRecord,
  WorkflowJobSeed,
  WorkflowRunRecord,
  WorkflowRunSeed,
  WorkflowRunStart,
} from './state.ts';
export { ApiFailure, githubError, json } from './http-exchange.ts';
export type { ApiRequest, ApiResponse, RouteHandler } from './http-exchange.ts';
export { MAX_COMMENT_LENGTH } from './routes/issue-comments.ts';
