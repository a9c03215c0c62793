/**
 * The model manifest (`manifest.json`): what a package holds and where it came from.
 * Its JSON Schema is packages/core/schema/model-manifest.schema.json.
 *
 * The manifest lists the model files only; SHA256SUMS covers every file of the package
 * (model files, manifest.json, README.md) except itself.
 */
import type { DataProfile } from '../drift/data-profile.ts';
import { UserError } from '../errors.ts';
import type { GateResult, Verdict } from '../gate/gate-result.ts';
import type { ParamValue, RunRecord, TrainingEnvironment } from '../record/run-record.ts';
import { findMlmodelFile, type MlmodelSignature, type ParsedMlmodel } from './mlmodel.ts';
import { validateModelName } from './model-version.ts';
import { parseSemver } from './semver.ts';
import { isSafeRelativePath } from './package-path.ts';
import { safeUrl } from '../text/markdown-escape.ts';
import type { ReleaseArchive } from './release-archive.ts';

export const MODEL_MANIFEST_SCHEMA = 'ml-actions/model-manifest';
export const MODEL_MANIFEST_VERSION = 1;

/** File names the package writes at its root; a model file may not take them. */
export const PACKAGE_MANIFEST_FILE = 'manifest.json';
export const PACKAGE_CARD_FILE = 'README.md';
export const PACKAGE_SUMS_FILE = 'SHA256SUMS';

/** A number as JSON carries it: NaN and infinities as the strings run records use. */
export type ManifestNumber = number | 'NaN' | 'Infinity' | '-Infinity';

export interface ManifestFile {
  /** Relative to the package root, `/` separators. */
  path: string;
  size: number;
  /** Lowercase hex. */
  sha256: string;
}

export interface ManifestRule {
  rule: string;
  /** The experiment the rule was judged for; null when there were no runs. */
  experiment: string | null;
  line: number;
  metric: string;
  aggregate: string | null;
  verdict: Verdict;
  actual: ManifestNumber | null;
  threshold: ManifestNumber | null;
  baseline: ManifestNumber | null;
  /** Welch's p-value of a `significant` rule that was tested, else null. */
  pValue: ManifestNumber | null;
  message: string;
}

export interface ManifestGate {
  passed: boolean;
  rules: ManifestRule[];
}

export interface ManifestProvenance {
  runId: string;
  experiment: string;
  repository: string;
  serverUrl: string;
  sha: string;
  ref: string;
  branch: string;
  event: string;
  pullRequest: number | null;
  workflow: string;
  workflowRunId: number;
  runAttempt: number;
  runNumber: number;
  job: string;
  /** Link to the workflow run attempt that trained the model. */
  runUrl: string;
  commitUrl: string;
}

export interface ManifestMlmodel {
  /** The `MLmodel` file described, relative to the package root. */
  path: string;
  flavors: string[];
  signature: MlmodelSignature | null;
  runId: string | null;
  modelUuid: string | null;
  mlflowVersion: string | null;
  createdAt: string | null;
}

export interface ModelManifest {
  schema: typeof MODEL_MANIFEST_SCHEMA;
  /** Version of this document's shape; `version` is the model's. */
  schemaVersion: typeof MODEL_MANIFEST_VERSION;
  name: string;
  /** Semver of the model. */
  version: string;
  /** ISO 8601, UTC. */
  createdAt: string;
  /** Sorted by path. */
  files: ManifestFile[];
  totalSize: number;
  /** Final value of each metric, keys sorted. */
  metrics: Record<string, ManifestNumber>;
  params: Record<string, ParamValue>;
  gate: ManifestGate | null;
  provenance: ManifestProvenance | null;
  /** Data files the training read (the run record's inputs), with sizes and hashes. */
  data: ManifestFile[];
  mlmodel: ManifestMlmodel | null;
  /** This version's point on the history's trend page (`trendPointUrl`); absent when the page is not known. */
  trendPage?: string;
  /** What the model was trained with (the run record's `environment`); absent when not recorded. */
  environment?: TrainingEnvironment;
  /** The training data's profile (the run record's `profile`): monitor's reference for this version. */
  profile?: DataProfile;
  /** The GitHub release of this version, a durable home of the package; absent without one. */
  release?: string;
  /** The OCI reference the package is pushed to (`ghcr.io/acme/churn-model:v1.2.0`); absent without one. */
  oci?: string;
  /** The model files as the release's assets: one tar archive, in parts; absent without a release. */
  releaseArchive?: ReleaseArchive;
}

export interface BuildManifestOptions {
  name: string;
  version: string;
  files: readonly ManifestFile[];
  record?: RunRecord;
  gate?: GateResult;
  /** When the package was made; a Date or an ISO 8601 string. */
  createdAt: Date | string;
  /** The parsed `MLmodel` file among `files`, if there is one (see `findMlmodelFile`). */
  mlmodel?: ParsedMlmodel;
  /** An http(s) link to this version on the trend page. */
  trendPage?: string;
  /** The address of the version's GitHub release, when one is made. */
  release?: string;
  /** The OCI reference (registry, repository, tag) the package is pushed to. */
  oci?: string;
  /** The release's archive of the model files (see planReleaseArchive). */
  releaseArchive?: ReleaseArchive;
}

const RESERVED = new Set([PACKAGE_MANIFEST_FILE, PACKAGE_CARD_FILE, PACKAGE_SUMS_FILE]);

/** Builds the manifest of a model package; pure, so the same inputs give the same document. */
export function buildManifest(options: BuildManifestOptions): ModelManifest {
  const name = validateModelName(options.name);
  if (!parseSemver(options.version)) {
    throw new UserError(`input version: ${JSON.stringify(options.version)} is not a semantic version`);
  }
  const createdAt = new Date(options.createdAt);
  if (Number.isNaN(createdAt.getTime())) {
    throw new Error(`createdAt is not a date: ${String(options.createdAt)}`);
  }

  const files = sortByPath(options.files.map(({ path, size, sha256 }) => ({ path, size, sha256 })));
  for (const [index, file] of files.entries()) {
    if (!isSafeRelativePath(file.path)) throw new Error(`model file path is not a safe relative path: ${file.path}`);
    if (!/^[0-9a-f]{64}$/.test(file.sha256)) throw new Error(`not a sha256: ${file.sha256} (${file.path})`);
    if (files[index - 1]?.path === file.path) throw new Error(`model file listed twice: ${file.path}`);
    const top = file.path.split('/')[0] ?? '';
    if (RESERVED.has(top)) {
      throw new UserError(
        `model file ${file.path} would collide with the package's own ${top}; move it into a folder or leave it out`,
      );
    }
  }
  if (files.length === 0) throw new UserError('a model package needs at least one model file');

  const record = options.record;
  const trendPage = options.trendPage === undefined ? undefined : safeUrl(options.trendPage);
  if (options.trendPage !== undefined && trendPage === undefined) {
    throw new Error(`the trend page link is not an http(s) address: ${options.trendPage}`);
  }
  const release = options.release === undefined ? undefined : safeUrl(options.release);
  if (options.release !== undefined && release === undefined) {
    throw new Error(`the release address is not an http(s) address: ${options.release}`);
  }
  const mlmodelPath = findMlmodelFile(files);
  if (options.mlmodel && mlmodelPath === undefined) {
    throw new Error('an MLmodel was given but no file named MLmodel is among the model files');
  }
  return {
    schema: MODEL_MANIFEST_SCHEMA,
    schemaVersion: MODEL_MANIFEST_VERSION,
    name,
    version: options.version,
    createdAt: createdAt.toISOString(),
    files,
    totalSize: files.reduce((sum, file) => sum + file.size, 0),
    metrics: sortedRecord(
      Object.entries(record?.metrics ?? {}).map(([key, metric]) => [key, toJsonNumber(metric.value)]),
    ),
    params: sortedRecord(Object.entries(record?.params ?? {})),
    gate: options.gate ? manifestGate(options.gate) : null,
    provenance: record ? manifestProvenance(record) : null,
    data: sortByPath((record?.inputs ?? []).map(({ path, size, sha256 }) => ({ path, size, sha256 }))),
    mlmodel: options.mlmodel && mlmodelPath !== undefined ? { path: mlmodelPath, ...options.mlmodel } : null,
    ...(trendPage === undefined ? {} : { trendPage }),
    ...(record?.environment === undefined ? {} : { environment: record.environment }),
    ...(record?.profile === undefined ? {} : { profile: record.profile }),
    ...(release === undefined ? {} : { release }),
    ...(options.oci === undefined ? {} : { oci: options.oci }),
    ...(options.releaseArchive === undefined ? {} : { releaseArchive: options.releaseArchive }),
  };
}

/** The manifest as written to manifest.json: two-space JSON with a final newline. */
export function serializeManifest(manifest: ModelManifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** NaN and the infinities as strings (JSON has no such numbers); finite numbers unchanged. */
function toJsonNumber(value: number): ManifestNumber {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '-Infinity';
  return value;
}

function manifestGate(gate: GateResult): ManifestGate {
  return {
    passed: gate.passed,
    rules: gate.results.map((result) => ({
      rule: result.rule,
      experiment: result.experiment ?? null,
      line: result.line,
      metric: result.metric,
      aggregate: result.aggregate ?? null,
      verdict: result.verdict,
      actual: optionalNumber(result.actual),
      threshold: optionalNumber(result.threshold),
      baseline: optionalNumber(result.baseline),
      pValue: optionalNumber(result.pValue),
      message: result.message,
    })),
  };
}

function manifestProvenance(record: RunRecord): ManifestProvenance {
  const p = record.provenance;
  const repoUrl = `${p.serverUrl.replace(/\/+$/, '')}/${p.repository}`;
  return {
    runId: record.runId,
    experiment: record.experiment,
    repository: p.repository,
    serverUrl: p.serverUrl,
    sha: p.sha,
    ref: p.ref,
    branch: p.branch,
    event: p.event,
    pullRequest: p.pullRequest ?? null,
    workflow: p.workflow,
    workflowRunId: p.workflowRunId,
    runAttempt: p.runAttempt,
    runNumber: p.runNumber,
    job: p.job,
    runUrl: `${repoUrl}/actions/runs/${p.workflowRunId}/attempts/${p.runAttempt}`,
    commitUrl: `${repoUrl}/commit/${p.sha}`,
  };
}

function optionalNumber(value: number | undefined): ManifestNumber | null {
  return value === undefined ? null : toJsonNumber(value);
}

function sortByPath<T extends { path: string }>(items: T[]): T[] {
  return items.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Object.fromEntries defines own properties, so a key such as `__proto__` stays plain data. */
function sortedRecord<V>(entries: [string, V][]): Record<string, V> {
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
