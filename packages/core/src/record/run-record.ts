/**
 * The run record: the one document a training run produces and every other action reads.
 * Its JSON Schema is packages/core/schema/run-record.schema.json; `parseRunRecord` enforces it.
 */

import { checkDataProfile } from '../drift/data-profile-check.ts';
import type { DataProfile } from '../drift/data-profile.ts';
import { JsonChecker, parseUntrustedJson } from '../text/json-checker.ts';
import { setOwnEntry } from '../text/safe-record.ts';

export const RUN_RECORD_SCHEMA = 'ml-actions/run-record';
export const RUN_RECORD_VERSION = 1;

/** A param value after flattening: scalars only. */
export type ParamValue = string | number | boolean | null;

/**
 * One metric: its final value (the value at the largest step) and, where the source has steps,
 * every point of its history. Values may be NaN or +-Infinity; JSON carries those as the
 * strings "NaN", "Infinity" and "-Infinity".
 */
export interface Metric {
  value: number;
  /** Step of the final value, when the source has steps. */
  step?: number;
  history?: MetricHistory;
}

/** Parallel columns, so a million-step history is three flat arrays rather than a million objects. */
export interface MetricHistory {
  steps: number[];
  values: number[];
  /** Seconds since the epoch, where the source has them. */
  wallTimes?: number[];
  /**
   * How many points the history had before it was thinned to fit the record's size cap (first,
   * last, and the extremes of evenly spaced buckets kept); absent when every point is here.
   */
  sampledFrom?: number;
}

export interface Provenance {
  repository: string;
  serverUrl: string;
  sha: string;
  ref: string;
  branch: string;
  baseRef?: string;
  pullRequest?: number;
  headSha?: string;
  event: string;
  workflow: string;
  workflowRunId: number;
  runAttempt: number;
  runNumber: number;
  job: string;
  matrix: Record<string, unknown>;
  runnerOs: string;
}

/** `timed-out`: the command ran past `timeout-minutes` and its processes were stopped. */
/**
 * The provenance of a run that no job of ours recorded (an MLflow run read as a baseline, a
 * deployment's live metrics): where it is from, with the workflow fields empty.
 */
export function outsideProvenance(
  fields: Pick<Provenance, 'repository' | 'serverUrl' | 'sha' | 'ref' | 'branch' | 'event'>,
): Provenance {
  return { ...fields, workflow: '', workflowRunId: 0, runAttempt: 1, runNumber: 0, job: '', matrix: {}, runnerOs: '' };
}

export type RunStatus = 'succeeded' | 'failed' | 'timed-out' | 'collected';

export interface Outcome {
  command?: string;
  exitCode?: number;
  status: RunStatus;
  /** The command's time limit, when it had one. */
  timeoutMinutes?: number;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
}

export interface DataInput {
  path: string;
  size: number;
  sha256: string;
}

/**
 * Which replicate of its experiment a run is: the matrix key that tells replicates apart (input
 * `replicate-key`, such as `seed`) and the run's value of it, as text (`"3"`).
 */
export interface Replicate {
  key: string;
  value: string;
}

export interface RunRecord {
  schema: typeof RUN_RECORD_SCHEMA;
  version: typeof RUN_RECORD_VERSION;
  runId: string;
  experiment: string;
  /** Absent when the run's matrix has no replicate key: the run is its experiment's only one. */
  replicate?: Replicate;
  attempt: number;
  provenance: Provenance;
  params: Record<string, ParamValue>;
  metrics: Record<string, Metric>;
  outcome: Outcome;
  inputs: DataInput[];
  /** The metric and params files this record was read from, relative to the workspace. */
  sources: string[];
  /**
   * Metrics files that existed before the command ran and that it did not rewrite, so their values
   * may be from an earlier run. When the command failed or timed out, their metrics are not in
   * `metrics` (nor these files in `sources`). Absent when there were none.
   */
  staleSources?: string[];
  /** The MLflow run this run was logged to, or read from (`train`'s input `mlflow-run`). */
  mlflow?: MlflowRunLink;
  /** What the model was trained with: the runner image, Python and its packages, lockfiles, GPUs. */
  environment?: TrainingEnvironment;
  /** The training data, column by column (train's input `profile`): monitor's reference. */
  profile?: DataProfile;
}

/** The environment of a training run, as far as the runner shows it; each part absent when unknown. */
export interface TrainingEnvironment {
  /** The runner: RUNNER_OS and RUNNER_ARCH, and on GitHub's images ImageOS and ImageVersion. */
  runner?: { os?: string; arch?: string; imageOS?: string; imageVersion?: string };
  /** The Python the command ran (when it used Python): its version and installed distributions. */
  python?: {
    version: string;
    /** `name==version`, sorted; at most MAX_ENVIRONMENT_PACKAGES. */
    packages: string[];
    /** How many distributions were left out to keep the record small. */
    omitted?: number;
  };
  /** Lockfiles in the working directory (requirements*.txt, uv.lock, poetry.lock, environment.yml). */
  lockfiles?: { path: string; sha256: string }[];
  /** GPUs as nvidia-smi lists them. */
  gpus?: { name: string; driver: string }[];
}

/** Distributions kept in a record's environment: enough for any real project, bounded for the record. */
export const MAX_ENVIRONMENT_PACKAGES = 2000;

/** Where a run is in MLflow. `url` is the tracking server's page of the run. */
export interface MlflowRunLink {
  runId: string;
  experimentId: string;
  url: string;
}

// ---------------------------------------------------------------------------------------------
// Serialisation. JSON has no NaN or infinities, so metric numbers may be the strings "NaN",
// "Infinity" and "-Infinity"; everything else is plain JSON. Histories are written on one line
// each, so a million-step record stays a few times the size of its numbers.

/** The record as JSON text: NaN/Infinity as strings, -0 kept, every number at full precision. */
export function serializeRunRecord(record: RunRecord): string {
  return `${writeJson(record, '')}\n`;
}

function writeNumber(value: number): string {
  if (value === Infinity) return '"Infinity"';
  if (value === -Infinity) return '"-Infinity"';
  if (value !== value) return '"NaN"';
  // JSON.stringify(-0) is "0"; "-0" is valid JSON and parses back to -0.
  if (value === 0 && 1 / value < 0) return '-0';
  return String(value); // the shortest text that parses back to the same double
}

function writeJson(value: unknown, indent: string): string {
  if (typeof value === 'number') return writeNumber(value);
  if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? 'null';
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every((item) => typeof item === 'number')) {
      let text = '[';
      for (let i = 0; i < value.length; i++) text += (i === 0 ? '' : ',') + writeNumber(value[i] as number);
      return `${text}]`;
    }
    return `[\n${value.map((item) => inner + writeJson(item, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.keys(value).filter((key) => (value as Record<string, unknown>)[key] !== undefined);
  if (entries.length === 0) return '{}';
  const lines = entries.map(
    (key) => `${inner}${JSON.stringify(key)}: ${writeJson((value as Record<string, unknown>)[key], inner)}`,
  );
  return `{\n${lines.join(',\n')}\n${indent}}`;
}

// ---------------------------------------------------------------------------------------------
// Parsing and validation: hand-written checks that accept and refuse the same documents as
// schema/run-record.schema.json (plus what a schema cannot say: history columns of equal
// length). Unknown properties are ignored and dropped, so additive changes need no new version.

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;
const RUN_STATUSES: readonly RunStatus[] = ['succeeded', 'failed', 'timed-out', 'collected'];

/**
 * Parses and validates a run record's JSON text. Every field is checked; a problem is a
 * UserError naming `source` (a file or artifact) and the JSON path (`$.metrics["loss"].value`).
 * A record of another schema, or of a newer major version, is refused with a message saying so.
 */
export function parseRunRecord(text: string, source: string): RunRecord {
  return validateRunRecord(parseUntrustedJson(text, source, 'not a run record'), source);
}

/** Validates an already parsed document as `parseRunRecord` does. */
export function validateRunRecord(document: unknown, source: string): RunRecord {
  // Annotated: a call of a method returning never narrows only through a declared type.
  const check: JsonChecker = new JsonChecker(source, 'invalid run record');
  const root = check.object(document, '$');
  const schema = root['schema'];
  if (schema !== RUN_RECORD_SCHEMA) {
    check.fail(
      '$.schema',
      `must be ${JSON.stringify(RUN_RECORD_SCHEMA)} (got ${check.show(schema)}); this is not an ml-actions run record`,
    );
  }
  const version = root['version'];
  if (typeof version !== 'number' || !Number.isInteger(version))
    check.fail('$.version', `must be an integer (got ${check.show(version)})`);
  if (version > RUN_RECORD_VERSION) {
    check.fail(
      '$.version',
      `is ${version}: the record was written by a newer ml-actions (record version ${version}); this one reads version ${RUN_RECORD_VERSION}, so update the ml-actions version used to read it`,
    );
  }
  if (version !== RUN_RECORD_VERSION)
    check.fail('$.version', `is ${version}, an unsupported record version (expected ${RUN_RECORD_VERSION})`);

  const provenance = check.object(check.required(root, '$', 'provenance'), '$.provenance');
  const outcomeObject = check.object(check.required(root, '$', 'outcome'), '$.outcome');
  const record: RunRecord = {
    schema: RUN_RECORD_SCHEMA,
    version: RUN_RECORD_VERSION,
    runId: check.string(check.required(root, '$', 'runId'), '$.runId', 1),
    experiment: check.string(check.required(root, '$', 'experiment'), '$.experiment', 1),
    ...(root['replicate'] === undefined ? {} : { replicate: checkReplicate(check, root['replicate']) }),
    attempt: check.integer(check.required(root, '$', 'attempt'), '$.attempt', 1),
    provenance: checkProvenance(check, provenance),
    params: checkParams(check, check.required(root, '$', 'params')),
    metrics: checkMetrics(check, check.required(root, '$', 'metrics')),
    outcome: checkOutcome(check, outcomeObject),
    inputs: check.array(check.required(root, '$', 'inputs'), '$.inputs').map((item, index) => {
      const path = `$.inputs[${index}]`;
      const input = check.object(item, path);
      const sha256 = check.string(check.required(input, path, 'sha256'), `${path}.sha256`);
      if (!SHA256_HEX.test(sha256))
        check.fail(`${path}.sha256`, `must be 64 lowercase hex digits (got ${check.show(sha256)})`);
      return {
        path: check.string(check.required(input, path, 'path'), `${path}.path`, 1),
        size: check.integer(check.required(input, path, 'size'), `${path}.size`, 0),
        sha256,
      };
    }),
    sources: check
      .array(check.required(root, '$', 'sources'), '$.sources')
      .map((item, index) => check.string(item, `$.sources[${index}]`)),
    ...(root['staleSources'] === undefined
      ? {}
      : {
          staleSources: check
            .array(root['staleSources'], '$.staleSources')
            .map((item, index) => check.string(item, `$.staleSources[${index}]`)),
        }),
    ...(root['mlflow'] === undefined ? {} : { mlflow: checkMlflowLink(check, root['mlflow']) }),
    ...(root['environment'] === undefined ? {} : { environment: checkEnvironment(check, root['environment']) }),
    ...(root['profile'] === undefined ? {} : { profile: checkDataProfile(check, root['profile'], '$.profile') }),
  };
  return record;
}

function checkEnvironment(check: JsonChecker, value: unknown): TrainingEnvironment {
  const p = '$.environment';
  const environment = check.object(value, p);
  const result: TrainingEnvironment = {};
  if (environment['runner'] !== undefined) {
    const runner = check.object(environment['runner'], `${p}.runner`);
    result.runner = {};
    for (const key of ['os', 'arch', 'imageOS', 'imageVersion'] as const) {
      if (runner[key] !== undefined) result.runner[key] = check.string(runner[key], `${p}.runner.${key}`);
    }
  }
  if (environment['python'] !== undefined) {
    const python = check.object(environment['python'], `${p}.python`);
    result.python = {
      version: check.string(check.required(python, `${p}.python`, 'version'), `${p}.python.version`),
      packages: check
        .array(check.required(python, `${p}.python`, 'packages'), `${p}.python.packages`)
        .map((item, index) => check.string(item, `${p}.python.packages[${index}]`)),
      ...(python['omitted'] === undefined
        ? {}
        : { omitted: check.integer(python['omitted'], `${p}.python.omitted`, 0) }),
    };
  }
  if (environment['lockfiles'] !== undefined) {
    result.lockfiles = check.array(environment['lockfiles'], `${p}.lockfiles`).map((item, index) => {
      const at = `${p}.lockfiles[${index}]`;
      const lockfile = check.object(item, at);
      const sha256 = check.string(check.required(lockfile, at, 'sha256'), `${at}.sha256`);
      if (!SHA256_HEX.test(sha256))
        check.fail(`${at}.sha256`, `must be 64 lowercase hex digits (got ${check.show(sha256)})`);
      return { path: check.string(check.required(lockfile, at, 'path'), `${at}.path`, 1), sha256 };
    });
  }
  if (environment['gpus'] !== undefined) {
    result.gpus = check.array(environment['gpus'], `${p}.gpus`).map((item, index) => {
      const at = `${p}.gpus[${index}]`;
      const gpu = check.object(item, at);
      return {
        name: check.string(check.required(gpu, at, 'name'), `${at}.name`),
        driver: check.string(check.required(gpu, at, 'driver'), `${at}.driver`),
      };
    });
  }
  return result;
}

function checkMlflowLink(check: JsonChecker, value: unknown): MlflowRunLink {
  const p = '$.mlflow';
  const link = check.object(value, p);
  return {
    runId: check.string(check.required(link, p, 'runId'), `${p}.runId`, 1),
    experimentId: check.string(check.required(link, p, 'experimentId'), `${p}.experimentId`, 1),
    url: check.string(check.required(link, p, 'url'), `${p}.url`, 1),
  };
}

function checkReplicate(check: JsonChecker, value: unknown): Replicate {
  const p = '$.replicate';
  const replicate = check.object(value, p);
  return {
    key: check.string(check.required(replicate, p, 'key'), `${p}.key`, 1),
    value: check.string(check.required(replicate, p, 'value'), `${p}.value`),
  };
}

function checkProvenance(check: JsonChecker, value: Record<string, unknown>): Provenance {
  const p = '$.provenance';
  const text = (key: string) => check.string(check.required(value, p, key), `${p}.${key}`);
  const count = (key: string, minimum: number) => check.integer(check.required(value, p, key), `${p}.${key}`, minimum);
  const optional = (key: string, read: (item: unknown, path: string) => unknown) =>
    value[key] === undefined ? {} : { [key]: read(value[key], `${p}.${key}`) };
  // Built in the type's field order so that serialising a parsed record gives the same text.
  const provenance: Provenance = {
    repository: text('repository'),
    serverUrl: text('serverUrl'),
    sha: text('sha'),
    ref: text('ref'),
    branch: text('branch'),
    ...(optional('baseRef', (item, path) => check.string(item, path)) as { baseRef?: string }),
    ...(optional('pullRequest', (item, path) => check.integer(item, path, 1)) as { pullRequest?: number }),
    ...(optional('headSha', (item, path) => check.string(item, path)) as { headSha?: string }),
    event: text('event'),
    workflow: text('workflow'),
    workflowRunId: count('workflowRunId', 0),
    runAttempt: count('runAttempt', 0),
    runNumber: count('runNumber', 0),
    job: text('job'),
    matrix: check.shallow(check.object(check.required(value, p, 'matrix'), `${p}.matrix`), `${p}.matrix`),
    runnerOs: text('runnerOs'),
  };
  return provenance;
}

function checkParams(check: JsonChecker, value: unknown): Record<string, ParamValue> {
  const params = check.object(value, '$.params');
  const result: Record<string, ParamValue> = {};
  for (const key of Object.keys(params)) {
    const path = `$.params${check.key(key)}`;
    if (key === '') check.fail('$.params', 'has an empty param name');
    const item = params[key];
    if (item !== null && typeof item !== 'string' && typeof item !== 'number' && typeof item !== 'boolean') {
      check.fail(path, `must be a string, number, boolean or null (got ${check.show(item)})`);
    }
    setOwnEntry(result, key, item);
  }
  return result;
}

function checkMetrics(check: JsonChecker, value: unknown): Record<string, Metric> {
  const metrics = check.object(value, '$.metrics');
  const result: Record<string, Metric> = {};
  for (const key of Object.keys(metrics)) {
    const path = `$.metrics${check.key(key)}`;
    if (key === '') check.fail('$.metrics', 'has an empty metric name');
    const item = check.object(metrics[key], path);
    const metric: Metric = { value: check.metricNumber(check.required(item, path, 'value'), `${path}.value`) };
    if (item['step'] !== undefined) metric.step = check.number(item['step'], `${path}.step`);
    if (item['history'] !== undefined) {
      const historyPath = `${path}.history`;
      const history = check.object(item['history'], historyPath);
      const steps = check.array(check.required(history, historyPath, 'steps'), `${historyPath}.steps`);
      for (let i = 0; i < steps.length; i++) {
        if (typeof steps[i] !== 'number')
          check.fail(`${historyPath}.steps[${i}]`, `must be a number (got ${check.show(steps[i])})`);
      }
      const values = check.metricNumbers(check.required(history, historyPath, 'values'), `${historyPath}.values`);
      if (values.length !== steps.length) {
        check.fail(
          `${historyPath}.values`,
          `has ${values.length} entries but steps has ${steps.length}; the columns must be parallel`,
        );
      }
      const columns: MetricHistory = { steps: steps as number[], values };
      if (history['wallTimes'] !== undefined) {
        const wallTimes = check.metricNumbers(history['wallTimes'], `${historyPath}.wallTimes`);
        if (wallTimes.length !== steps.length) {
          check.fail(
            `${historyPath}.wallTimes`,
            `has ${wallTimes.length} entries but steps has ${steps.length}; the columns must be parallel`,
          );
        }
        columns.wallTimes = wallTimes;
      }
      if (history['sampledFrom'] !== undefined) {
        columns.sampledFrom = check.integer(history['sampledFrom'], `${historyPath}.sampledFrom`, steps.length);
      }
      metric.history = columns;
    }
    setOwnEntry(result, key, metric);
  }
  return result;
}

function checkOutcome(check: JsonChecker, value: Record<string, unknown>): Outcome {
  const p = '$.outcome';
  const status = check.required(value, p, 'status');
  if (!RUN_STATUSES.includes(status as RunStatus)) {
    check.fail(
      `${p}.status`,
      `must be one of ${RUN_STATUSES.map((s) => JSON.stringify(s)).join(', ')} (got ${check.show(status)})`,
    );
  }
  const time = (key: string) => {
    const text = check.string(check.required(value, p, key), `${p}.${key}`);
    if (!ISO_DATE_TIME.test(text))
      check.fail(`${p}.${key}`, `must be an ISO 8601 date-time such as 2024-05-01T12:00:00Z (got ${check.show(text)})`);
    return text;
  };
  const outcome: Outcome = {
    ...(value['command'] === undefined ? {} : { command: check.string(value['command'], `${p}.command`) }),
    ...(value['exitCode'] === undefined
      ? {}
      : { exitCode: check.integer(value['exitCode'], `${p}.exitCode`, -Infinity) }),
    status: status as RunStatus,
    ...(value['timeoutMinutes'] === undefined
      ? {}
      : { timeoutMinutes: check.positive(value['timeoutMinutes'], `${p}.timeoutMinutes`) }),
    startedAt: time('startedAt'),
    finishedAt: time('finishedAt'),
    durationMs: check.number(check.required(value, p, 'durationMs'), `${p}.durationMs`, 0),
  };
  return outcome;
}
