export * from './artifact-registry.ts';
export {
  artifactEnv,
  backendIdsFromToken,
  derivedWorkflowRunId,
  devStoreAccount,
  runtimeToken,
  startArtifactService,
  startAzurite,
  FaultInjector as ArtifactFaultInjector,
} from './artifact-service/index.ts';
export type { ArtifactService, Azurite, BackendIds, FaultSpec as ArtifactFaultSpec } from './artifact-service/index.ts';
export * from './github-api/index.ts';
export * from './harness/index.ts';
export * from './local-github.ts';
export * from './job.ts';
export * from './peers/peers-environment.ts';
export * from './zip-writer.ts';
export * from './history-entries.ts';
export * from './peers/mlflow-server.ts';
export * from './peers/mlflow-fault-proxy.ts';
export * from './peers/oci-registry.ts';
export * from './peers/free-port.ts';
export * from './markdown-preview.ts';
export * from './admin-api.ts';
export * from './peers/act-runner.ts';
