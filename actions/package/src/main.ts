import { createHash, randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  PACKAGE_CARD_FILE,
  PACKAGE_MANIFEST_FILE,
  buildManifest,
  buildProvenanceStatement,
  planReleaseArchive,
  errorMessage,
  escapeInline,
  findMlmodelFile,
  markdownLink,
  parseMlmodel,
  parseSemver,
  renderModelCard,
  renderModelCardBody,
  selectModelFiles,
  serializeProvenanceStatement,
  serializeRunRecord,
  stageModelFiles,
  verifyStagedFiles,
  writeModelPackage,
  type ModelManifest,
  type ModelPackage,
  type ParsedMlmodel,
  type RunRecord,
  type SelectedFile,
  type StagedFile,
} from '@ml-actions/core';
import {
  findRelease,
  replaceEarlierAttempt,
  readJobGateResults,
  readWorkflowGateResult,
  runStep,
  type Log,
  type RepositoryTarget,
  type ActionContext,
  type Runner,
  type Step,
} from '@ml-actions/github';
import { chooseCompression } from './compression.ts';
import { RegistryClient, pushArtifact, type PushedArtifact } from '@ml-actions/oci';
import { findEmbeddedRecord } from './embedded-record.ts';
import { registerPackagedVersion } from './model-registration.ts';
import { renderPackageSummary } from './package-summary.ts';
import { PROVENANCE_ASSET, publishRelease } from './release-publication.ts';
import { versionTrendLink } from './trend-page-link.ts';
import { readPackageSettings, type PackageSettings } from './settings.ts';
import { reserveVersion } from './version-reservation.ts';

/** An MLmodel file is a few KiB of YAML; anything far bigger is not one worth parsing. */
const MAX_MLMODEL_BYTES = 1024 * 1024;

/** package: build a versioned, verifiable model package and upload it. */
export async function run(runner?: Runner): Promise<void> {
  const definition = {
    name: 'package',
    settings: readPackageSettings,
    token: (settings: PackageSettings) => settings.token,
  };
  await runStep(
    definition,
    async (step) => {
      // Every output is set once, at the end, also when a later phase fails.
      const outputs: Outputs = {
        version: '',
        'artifact-id': '',
        'artifact-name': '',
        digest: '',
        manifest: '',
        'mlflow-model-version': '',
        'mlflow-model-version-url': '',
        provenance: '',
        'provenance-predicate': '',
        'oci-digest': '',
        'oci-reference': '',
      };
      try {
        await packageModel(step, outputs);
      } catch (thrown: unknown) {
        // The failure itself is added by runStep, under this heading.
        step.addSummary('### ML package\n');
        throw thrown;
      } finally {
        for (const [name, value] of Object.entries(outputs)) step.setOutput(name, value);
      }
    },
    runner,
  );
}

type Outputs = Record<
  | 'version'
  | 'artifact-id'
  | 'artifact-name'
  | 'digest'
  | 'manifest'
  | 'mlflow-model-version'
  | 'mlflow-model-version-url'
  | 'provenance'
  | 'provenance-predicate'
  | 'oci-digest'
  | 'oci-reference',
  string
>;

async function packageModel(step: Step<PackageSettings>, outputs: Outputs): Promise<void> {
  const { settings, context, log } = step;
  const notes: string[] = [];
  const startedOn = new Date();

  // Cheap, local checks first: unsafe or missing paths fail before any request is made.
  const selected = await selectModelFiles(settings.paths, {
    workspace: context.workspace,
    includeHidden: settings.includeHiddenFiles,
  });
  const embedded = await findEmbeddedRecord(step);
  // Read before the version is registered, so that a broken MLmodel file does not use up a version.
  const mlmodel = await readMlmodel(selected, log);
  if (embedded.record === undefined) {
    notes.push(
      'No run record was found in this job, so the package has no metrics, params or provenance: run the train action earlier in the job, or set input `run` to a record.',
    );
  } else {
    const which = `run ${escapeInline(embedded.record.runId)} (experiment ${escapeInline(embedded.record.experiment)})`;
    notes.push(
      embedded.found === 1
        ? `Metrics, params and provenance come from ${which}.`
        : `${embedded.found} run records were found; the package embeds the one that finished last, ${which}.`,
    );
  }

  const target: RepositoryTarget = {
    github: (await step.requireGitHub('it is needed to read the existing versions (git tags)')).client,
    owner: context.owner,
    repo: context.repo,
  };
  const pullRequest =
    context.pullRequest === undefined ? undefined : { number: context.pullRequest, runNumber: context.runNumber };
  const { version, registration } = await reserveVersion(settings, {
    target,
    sha: context.sha,
    runAttempt: context.runAttempt,
    pullRequest,
  });
  const artifactName = `${version.name}-v${version.version}`;
  outputs.version = version.version;
  outputs['artifact-name'] = artifactName;
  log.info(`${version.name} ${version.version}: ${version.explanation}`);

  const stagingDir = join(
    step.context.temp ?? tmpdir(),
    'ml-actions',
    'packages',
    `${artifactName}-${randomUUID().slice(0, 8)}`,
  );
  // A gate of this job, else, for a record gathered from the workflow run, the gate of the report job.
  const gate =
    (await readJobGateResults(context)) ??
    (embedded.source === 'workflow' ? await readWorkflowGateResult(target.github, context) : undefined);
  const trendPage = await versionTrendLink({
    page: settings.trendPage,
    historyBranch: settings.historyBranch,
    experiment: embedded.record?.experiment,
    version: version.version,
    github: target.github,
    context,
    log,
  });
  const ociTag =
    settings.oci === undefined
      ? undefined
      : `${settings.oci.repository.host}/${settings.oci.repository.name}:v${version.version}`;
  // Known before the release is made: GitHub's address of a release is its tag's.
  const releaseAddress =
    settings.release && registration !== 'none' && version.tag !== null
      ? `${context.serverUrl}/${context.repository}/releases/tag/${encodeURIComponent(version.tag)}`
      : undefined;
  const createdAt = new Date();
  const { pkg, manifest, staged, archive } = await log.group(`Staging ${selected.length} model files`, async () => {
    const staged = await stageModelFiles({ stagingDir, files: selected });
    logStaging(staged, log);
    // The release's archive of the model files is planned from their sizes: the manifest names its parts.
    const archive =
      releaseAddress === undefined || version.tag === null
        ? undefined
        : planReleaseArchive({
            name: version.name,
            version: version.version,
            files: staged,
            partSize: settings.releasePartSize,
            downloadBase: `${context.serverUrl}/${context.repository}/releases/download/${encodeURIComponent(version.tag)}`,
            mtimeSeconds: createdAt.getTime() / 1000,
          });
    const manifest = buildManifest({
      name: version.name,
      version: version.version,
      files: staged,
      createdAt,
      ...(embedded.record === undefined ? {} : { record: embedded.record }),
      ...(mlmodel === undefined ? {} : { mlmodel }),
      ...(gate === undefined ? {} : { gate }),
      ...(trendPage === undefined ? {} : { trendPage }),
      ...(releaseAddress === undefined ? {} : { release: releaseAddress }),
      ...(ociTag === undefined ? {} : { oci: ociTag }),
      ...(archive === undefined ? {} : { releaseArchive: archive.archive }),
    });
    return {
      pkg: await writeModelPackage({ stagingDir, manifest, card: await renderModelCard(manifest) }),
      manifest,
      staged,
      archive,
    };
  });
  const manifestFile = fileOf(pkg, PACKAGE_MANIFEST_FILE);
  outputs.manifest = manifestFile.absolute;
  outputs.digest = manifestFile.sha256;
  const provenance = await writeProvenance({
    manifest,
    manifestSha256: manifestFile.sha256,
    record: embedded.record,
    context,
    startedOn,
    folder: join(stagingDir, '..'),
    artifactName,
  });
  outputs.provenance = provenance.statement;
  outputs['provenance-predicate'] = provenance.predicate;

  const modelPaths = new Set(selected.map((file) => file.path));
  const modelFiles = pkg.files.filter((file) => modelPaths.has(file.path));
  const compression = await chooseCompression(modelFiles, settings.compressionLevel);
  log.info(`zip level ${compression.level}: ${compression.reason}`);
  // Hard-linked files are the user's own: a write to one since it was hashed is refused before the
  // upload, and one during the upload after it, with the artifact (not what SHA256SUMS lists) deleted.
  await verifyStagedFiles(staged);
  const upload = await log.group(`Uploading artifact ${artifactName}`, async () => {
    const artifacts = await step.artifacts();
    await replaceEarlierAttempt(artifacts, artifactName, context.runAttempt, log);
    const uploaded = await artifacts.uploadArtifact(
      artifactName,
      pkg.files.map((file) => file.absolute),
      pkg.dir,
      {
        compressionLevel: compression.level,
        ...(settings.retentionDays === undefined ? {} : { retentionDays: settings.retentionDays }),
      },
    );
    try {
      await verifyStagedFiles(staged, { rehashRecent: true });
    } catch (thrown: unknown) {
      await artifacts.deleteArtifact(artifactName).catch((deletion: unknown) => {
        log.warning(
          `the artifact ${artifactName} does not match its SHA256SUMS and could not be deleted: ${String(deletion)}`,
        );
      });
      throw thrown;
    }
    return uploaded;
  });
  if (upload.id === undefined) throw new Error(`the artifact service gave no id for ${artifactName}`);
  outputs['artifact-id'] = String(upload.id);

  let ociPushed: PushedArtifact | undefined;
  if (settings.oci !== undefined && ociTag !== undefined) {
    // The package is uploaded whatever the registry answers: a failure here is said, not lost.
    try {
      const pushed = await log.group(`Pushing ${ociTag}`, () =>
        pushPackage(settings, {
          manifest,
          manifestFile,
          modelFiles: pkg.files.filter((file) => modelPaths.has(file.path)),
          context,
          log,
        }),
      );
      ociPushed = pushed;
      outputs['oci-digest'] = pushed.digest;
      outputs['oci-reference'] = pushed.reference;
      notes.push(
        pushed.unchanged
          ? `OCI \`${escapeInline(ociTag)}\` already named this package (\`${pushed.digest}\`).`
          : `Pushed to OCI \`${escapeInline(ociTag)}\` (\`${pushed.digest}\`, ${pushed.blobsSent} blobs sent).`,
      );
    } catch (thrown: unknown) {
      const message = errorMessage(thrown);
      notes.push(`Not pushed to OCI: ${escapeInline(message)}`);
      step.fail(`the package was built and uploaded, but pushing it to ${ociTag} failed: ${message}`);
    }
  }

  let releaseUrl: string | undefined;
  if (registration !== 'none' && version.tag !== null) {
    notes.push(
      registration === 'created'
        ? `Tag \`${version.tag}\` created on commit \`${context.sha.slice(0, 12)}\`.`
        : `Tag \`${version.tag}\` was created on commit \`${context.sha.slice(0, 12)}\` by an earlier attempt of this run.`,
    );
    if (settings.release) {
      const earlier = registration === 'earlier-attempt' ? await findRelease(target, version.tag) : undefined;
      if (earlier !== undefined) {
        releaseUrl = earlier;
        notes.push(`Release ${markdownLink(`\`${version.tag}\``, earlier)} was created by an earlier attempt.`);
      } else if (archive !== undefined) {
        releaseUrl = await releaseVersion(step, {
          target,
          tag: version.tag,
          title: `${version.name} v${version.version}`,
          notes: renderModelCardBody(manifest, ociPushed === undefined ? {} : { ociDigest: ociPushed.digest }),
          prerelease: (parseSemver(version.version)?.prerelease.length ?? 0) > 0,
          archive,
          files: {
            manifest: manifestFile.absolute,
            card: fileOf(pkg, PACKAGE_CARD_FILE).absolute,
            provenance: provenance.statement,
          },
          notesOut: notes,
        });
      }
    }
  } else if (!version.createTag) {
    notes.push(
      `No tag or release on a pull request: \`${version.version}\` is a pre-release that is never registered.`,
    );
  } else {
    notes.push(
      'No tag was created (input `tag` is false), so this version is not registered and the next run may reuse it.',
    );
  }

  if (settings.mlflow !== undefined && !version.createTag) {
    // A pull request's pre-release is never registered anywhere: an alias such as `candidate`
    // must not move to a model no one has merged.
    notes.push(
      `Not registered in MLflow: \`${escapeInline(version.version)}\` is a pull request's pre-release; versions are registered from pushes.`,
    );
  } else if (settings.mlflow !== undefined) {
    const { registeredName, alias, tracking } = settings.mlflow;
    // The package is built and uploaded whatever the registry answers: a failure here is said, not lost.
    try {
      const registered = await log.group(`MLflow: registering ${registeredName}`, () =>
        registerPackagedVersion(
          {
            name: version.name,
            version: version.version,
            manifestDigest: `sha256:${manifestFile.sha256}`,
            commit: context.sha,
            repository: context.repository,
            workflowRunId: context.runId,
            location:
              releaseUrl ??
              `${context.serverUrl}/${context.repository}/actions/runs/${context.runId}/artifacts/${upload.id}`,
            record: embedded.record,
          },
          { tracking, registeredName, alias, waitScale: settings.waitScale, log },
        ),
      );
      outputs['mlflow-model-version'] = registered.version;
      outputs['mlflow-model-version-url'] = registered.url;
      const which = markdownLink(
        `${escapeInline(registeredName)} version ${escapeInline(registered.version)}`,
        registered.url,
      );
      notes.push(
        `${registered.existed ? 'MLflow model' : 'Registered MLflow model'} ${which}${registered.existed ? ' was registered for this package by an earlier run' : ''}, source \`${escapeInline(registered.source)}\`${alias === undefined ? '' : `; alias \`${escapeInline(alias)}\` points at it`}.`,
      );
    } catch (thrown: unknown) {
      const message = errorMessage(thrown);
      notes.push(`Not registered in MLflow: ${escapeInline(message)}`);
      step.fail(`the package was built and uploaded, but registering it in MLflow failed: ${message}`);
    }
  }

  step.addSummary(
    renderPackageSummary({
      name: version.name,
      version: version.version,
      explanation: version.explanation,
      files: modelFiles,
      totalSize: modelFiles.reduce((sum, file) => sum + file.size, 0),
      digest: manifestFile.sha256,
      artifactName,
      artifactId: upload.id,
      workflowRunId: context.runId,
      compression,
      notes,
    }),
  );
}

/**
 * Publishes the release; a failure fails the step but keeps the package (already uploaded), and
 * leaves no draft behind, so a re-run makes the release again.
 */
async function releaseVersion(
  step: Step<PackageSettings>,
  options: Omit<Parameters<typeof publishRelease>[1], 'log' | 'retryWaitMs'> & {
    target: RepositoryTarget;
    notesOut: string[];
  },
): Promise<string | undefined> {
  const { target, notesOut, ...release } = options;
  const parts = release.archive.archive.parts;
  try {
    const created = await step.log.group(`Releasing ${release.tag}`, () =>
      publishRelease(target, { ...release, log: step.log, retryWaitMs: 1000 * step.settings.waitScale }),
    );
    const archiveText =
      parts.length === 1
        ? `the model archive \`${escapeInline(parts[0]!.name)}\``
        : `the model archive in ${parts.length} parts (\`${escapeInline(parts[0]!.name)}\` to \`${escapeInline(parts.at(-1)!.name)}\`)`;
    notesOut.push(
      `Release ${markdownLink(`\`${release.tag}\``, created.url)} published with ${archiveText}, ${PACKAGE_MANIFEST_FILE}, ${PACKAGE_CARD_FILE}, ${PROVENANCE_ASSET} and SHA256SUMS of them (${created.assets.length} assets).`,
    );
    return created.url;
  } catch (thrown: unknown) {
    const message = errorMessage(thrown);
    notesOut.push(`Not released: ${escapeInline(message)}`);
    step.fail(`the package was built and uploaded, but its release ${release.tag} failed: ${message}`);
    return undefined;
  }
}

/** The workflow run that pushed an artifact, so that its re-runs may replace their own tag. */
const WORKFLOW_RUN_ANNOTATION = 'dev.ml-actions.workflow-run';

/** Pushes the package to the OCI repository of input `oci`, tagged `v<version>`. */
async function pushPackage(
  settings: PackageSettings,
  parts: {
    manifest: ModelManifest;
    manifestFile: ModelPackage['files'][number];
    modelFiles: ModelPackage['files'];
    context: ActionContext;
    log: Log;
  },
): Promise<PushedArtifact> {
  const oci = settings.oci;
  if (oci === undefined) throw new Error('no OCI repository to push to');
  const { context, manifest } = parts;
  const password = oci.password ?? settings.token;
  const client = new RegistryClient(oci.repository, {
    ...(password === undefined ? {} : { credentials: { username: oci.username ?? 'ml-actions', password } }),
  });
  return pushArtifact(client, {
    tag: `v${manifest.version}`,
    config: await readFile(parts.manifestFile.absolute),
    files: parts.modelFiles,
    annotations: {
      'org.opencontainers.image.title': manifest.name,
      'org.opencontainers.image.version': manifest.version,
      'org.opencontainers.image.revision': context.sha,
      'org.opencontainers.image.source': `${context.serverUrl}/${context.repository}`,
      'org.opencontainers.image.created': manifest.createdAt,
      [WORKFLOW_RUN_ANNOTATION]: String(context.runId),
    },
    force: oci.force,
    // A re-run of the job packs the same version again, with another createdAt: its own tag to replace.
    replaceable: (annotations) => annotations[WORKFLOW_RUN_ANNOTATION] === String(context.runId),
    log: parts.log,
  });
}

/**
 * Writes the package's provenance beside its staging folder: the in-toto Statement, and its SLSA
 * predicate alone, which `actions/attest` takes as `predicate-path` to sign for the same subjects.
 */
async function writeProvenance(options: {
  manifest: ModelManifest;
  manifestSha256: string;
  record: RunRecord | undefined;
  context: ActionContext;
  startedOn: Date;
  folder: string;
  artifactName: string;
}): Promise<{ statement: string; predicate: string }> {
  const { context, record } = options;
  const statement = buildProvenanceStatement({
    manifest: options.manifest,
    manifestSha256: options.manifestSha256,
    run: {
      serverUrl: context.serverUrl,
      repository: context.repository,
      sha: context.sha,
      ref: context.ref,
      event: context.eventName,
      workflowPath: context.workflowPath,
      workflowRunId: context.runId,
      runAttempt: context.runAttempt,
      runnerEnvironment: context.runnerEnvironment,
      startedOn: options.startedOn,
      finishedOn: new Date(),
    },
    record:
      record === undefined
        ? undefined
        : { record, sha256: createHash('sha256').update(serializeRunRecord(record)).digest('hex') },
  });
  const statementPath = join(options.folder, `${options.artifactName}.intoto.json`);
  const predicatePath = join(options.folder, `${options.artifactName}.provenance.json`);
  await writeFile(statementPath, serializeProvenanceStatement(statement));
  await writeFile(predicatePath, `${JSON.stringify(statement.predicate, null, 2)}\n`);
  return { statement: statementPath, predicate: predicatePath };
}

/** Says in the log how the files were staged, and why any was copied rather than hard-linked. */
function logStaging(staged: readonly StagedFile[], log: Log): void {
  const copied = new Map<string, StagedFile[]>();
  for (const file of staged) {
    if (file.copyReason === undefined) continue;
    const same = copied.get(file.copyReason) ?? [];
    same.push(file);
    copied.set(file.copyReason, same);
  }
  const linked = staged.length - [...copied.values()].reduce((sum, files) => sum + files.length, 0);
  log.info(`${linked} of ${staged.length} model files hard-linked into the staging folder, hashed in place`);
  for (const [reason, files] of copied) {
    const which = files.length === 1 ? files[0]!.path : `${files.length} files (${files[0]!.path} first)`;
    log.info(
      `${which} copied into the staging folder instead of hard-linked (${reason}); each byte is still read once`,
    );
  }
}

function fileOf(pkg: ModelPackage, name: string): ModelPackage['files'][number] {
  const file = pkg.files.find((candidate) => candidate.path === name);
  if (file === undefined) throw new Error(`the package has no ${name}`);
  return file;
}

/** Parses the package's MLmodel file, if it has one. */
async function readMlmodel(files: readonly SelectedFile[], log: Log): Promise<ParsedMlmodel | undefined> {
  const path = findMlmodelFile(files);
  if (path === undefined) return undefined;
  const file = files.find((candidate) => candidate.path === path);
  if (file === undefined) return undefined;
  if (file.size > MAX_MLMODEL_BYTES) {
    log.warning(
      `${path} is ${file.size} bytes, too big for an MLflow MLmodel file; its flavors and signature are left out`,
    );
    return undefined;
  }
  return parseMlmodel(await readFile(file.absolute, 'utf8'), path);
}
