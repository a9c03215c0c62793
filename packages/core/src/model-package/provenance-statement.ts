import type { RunRecord } from '../record/run-record.ts';
import type { ManifestFile, ModelManifest } from './manifest.ts';

/** The in-toto Statement layer (v1) and the SLSA Provenance predicate (v1) it carries. */
export const IN_TOTO_STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';
export const SLSA_PROVENANCE_TYPE = 'https://slsa.dev/provenance/v1';
/** What our build is: a model package made by the package action from a training run. */
export const PACKAGE_BUILD_TYPE = 'urn:ml-actions:buildtype:model-package:v1';

export interface ResourceDescriptor {
  name?: string;
  uri?: string;
  digest?: Record<string, string>;
  downloadLocation?: string;
  mediaType?: string;
  annotations?: Record<string, unknown>;
}

export interface ProvenanceStatement {
  _type: typeof IN_TOTO_STATEMENT_TYPE;
  subject: { name: string; digest: { sha256: string } }[];
  predicateType: typeof SLSA_PROVENANCE_TYPE;
  predicate: {
    buildDefinition: {
      buildType: typeof PACKAGE_BUILD_TYPE;
      externalParameters: Record<string, unknown>;
      internalParameters: Record<string, unknown>;
      resolvedDependencies: ResourceDescriptor[];
    };
    runDetails: {
      builder: { id: string };
      metadata: { invocationId: string; startedOn: string; finishedOn: string };
      byproducts: ResourceDescriptor[];
    };
  };
}

/** Where and how the package step ran: the runner's view of the workflow. */
export interface PackagingRun {
  serverUrl: string;
  repository: string;
  /** The commit the package was made from. */
  sha: string;
  ref: string;
  event: string;
  /** `.github/workflows/ml.yml`; undefined outside a workflow. */
  workflowPath: string | undefined;
  workflowRunId: number;
  runAttempt: number;
  /** `github-hosted` or `self-hosted`, as RUNNER_ENVIRONMENT says. */
  runnerEnvironment: string | undefined;
  startedOn: Date;
  finishedOn: Date;
}

/**
 * The provenance of a model package as an in-toto Statement with a SLSA Provenance v1 predicate:
 * its subjects are the model files and manifest.json with their sha256 digests; the build
 * definition names the workflow, the commit, the event, the package and the training run (its run
 * record, by digest, and the data files it read). `actions/attest` can sign it as it is.
 */
export function buildProvenanceStatement(options: {
  manifest: ModelManifest;
  /** sha256 of manifest.json as written. */
  manifestSha256: string;
  run: PackagingRun;
  /** The embedded run record and the sha256 of its JSON text, when there is one. */
  record?: { record: RunRecord; sha256: string } | undefined;
}): ProvenanceStatement {
  const { manifest, run } = options;
  const repositoryUrl = `${run.serverUrl.replace(/\/+$/, '')}/${run.repository}`;
  const workflowPath = run.workflowPath ?? '';
  const subject = [
    ...manifest.files.map((file) => ({ name: file.path, digest: { sha256: file.sha256 } })),
    { name: 'manifest.json', digest: { sha256: options.manifestSha256 } },
  ];
  const resolvedDependencies: ResourceDescriptor[] = [
    { uri: `git+${repositoryUrl}@${run.ref}`, digest: { gitCommit: run.sha } },
  ];
  const record = options.record?.record;
  if (options.record !== undefined && record !== undefined) {
    const training = record.provenance;
    resolvedDependencies.push({
      name: 'run-record',
      digest: { sha256: options.record.sha256 },
      mediaType: 'application/json',
      annotations: {
        runId: record.runId,
        experiment: record.experiment,
        commit: training.sha,
        workflowRun: `${training.serverUrl.replace(/\/+$/, '')}/${training.repository}/actions/runs/${training.workflowRunId}/attempts/${training.runAttempt}`,
        ...(record.mlflow === undefined ? {} : { mlflowRun: record.mlflow.url }),
      },
    });
    for (const input of record.inputs) resolvedDependencies.push(dataDependency(input));
    const environment = record.environment;
    // The training environment as code: each Python distribution by its package URL, each lockfile by digest.
    for (const lockfile of environment?.lockfiles ?? []) {
      resolvedDependencies.push({
        name: lockfile.path,
        digest: { sha256: lockfile.sha256 },
        annotations: { lockfile: true },
      });
    }
    for (const line of environment?.python?.packages ?? []) {
      const at = line.indexOf('==');
      if (at > 0)
        resolvedDependencies.push({ uri: `pkg:pypi/${line.slice(0, at).toLowerCase()}@${line.slice(at + 2)}` });
    }
  }
  return {
    _type: IN_TOTO_STATEMENT_TYPE,
    subject,
    predicateType: SLSA_PROVENANCE_TYPE,
    predicate: {
      buildDefinition: {
        buildType: PACKAGE_BUILD_TYPE,
        externalParameters: {
          workflow: { ref: run.ref, repository: repositoryUrl, path: workflowPath },
          package: { name: manifest.name, version: manifest.version },
        },
        internalParameters: {
          github: {
            event_name: run.event,
            ...(run.runnerEnvironment === undefined ? {} : { runner_environment: run.runnerEnvironment }),
          },
          ...(trainingEnvironment(record) === undefined ? {} : { training_environment: trainingEnvironment(record) }),
        },
        resolvedDependencies,
      },
      runDetails: {
        builder: { id: `${repositoryUrl}/${workflowPath}@${run.ref}` },
        metadata: {
          invocationId: `${repositoryUrl}/actions/runs/${run.workflowRunId}/attempts/${run.runAttempt}`,
          startedOn: run.startedOn.toISOString(),
          finishedOn: run.finishedOn.toISOString(),
        },
        byproducts: [],
      },
    },
  };
}

/** Where the model was trained: the runner image, the Python version, the GPUs (packages are dependencies). */
function trainingEnvironment(record: RunRecord | undefined): Record<string, unknown> | undefined {
  const environment = record?.environment;
  if (environment === undefined) return undefined;
  const described: Record<string, unknown> = {
    ...(environment.runner === undefined ? {} : { runner: environment.runner }),
    ...(environment.python === undefined ? {} : { python: environment.python.version }),
    ...(environment.gpus === undefined ? {} : { gpus: environment.gpus }),
  };
  return Object.keys(described).length === 0 ? undefined : described;
}

function dataDependency(input: ManifestFile): ResourceDescriptor {
  return { name: input.path, digest: { sha256: input.sha256 }, annotations: { size: input.size } };
}

/** The statement as JSON text, as written to the package's provenance file. */
export function serializeProvenanceStatement(statement: ProvenanceStatement): string {
  return `${JSON.stringify(statement, null, 2)}\n`;
}
