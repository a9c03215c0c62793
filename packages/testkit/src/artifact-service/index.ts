/**
 * The Actions artifact backend for tests: Azurite for the bytes, a Twirp stand-in for GitHub's
 * Results service, runtime tokens, and the environment the artifact client reads.
 */
export { startAzurite, devStoreAccount } from './azurite.ts';
export type { Azurite } from './azurite.ts';
export { runtimeToken, backendIdsFromToken } from './runtime-token.ts';
export type { BackendIds } from './runtime-token.ts';
export { startArtifactService } from './artifact-service.ts';
export type { ArtifactService, ArtifactServiceCall, ArtifactServiceOptions } from './artifact-service.ts';
export { Fault, FaultInjector, twirpMethods } from './fault-injection.ts';
export type { FaultSpec, TwirpMethod } from './fault-injection.ts';
export { artifactEnv } from './artifact-env.ts';
export type { ArtifactEnvOptions } from './artifact-env.ts';
export { derivedWorkflowRunId } from './workflow-run-link.ts';
