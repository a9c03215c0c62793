import { readFileSync } from 'node:fs';
import { UserError } from '@ml-actions/core';

/** Where and why the step runs: the runner's GITHUB_* variables and the event payload, read once. */
export interface ActionContext {
  owner: string;
  repo: string;
  /** `owner/repo` */
  repository: string;
  serverUrl: string;
  apiUrl: string;
  eventName: string;
  sha: string;
  ref: string;
  /** Branch of the push, or the head branch of a pull request. */
  branch: string;
  /** Base branch of a pull request. */
  baseRef: string | undefined;
  baseSha: string | undefined;
  pullRequest: number | undefined;
  /** Head commit of a pull request (GITHUB_SHA is then the test merge commit). */
  headSha: string | undefined;
  /** True when a pull request comes from another repository, whose token is read-only. */
  fromFork: boolean;
  /** The commit before a push. */
  before: string | undefined;
  workflow: string;
  /** The workflow file (`.github/workflows/ml.yml`), from GITHUB_WORKFLOW_REF; undefined outside a workflow. */
  workflowPath: string | undefined;
  runId: number;
  runAttempt: number;
  runNumber: number;
  job: string;
  runnerOs: string;
  workspace: string;
  /** The raw event payload, for the few actions that need more (workflow_run). */
  payload: Record<string, unknown>;
}

type Env = Record<string, string | undefined>;

/** Reads the context from an environment (process.env on the runner). */
export function readActionContext(env: Env = process.env): ActionContext {
  const repository = env['GITHUB_REPOSITORY'] ?? '';
  const [owner = '', repo = ''] = repository.split('/');
  const payload = readPayload(env['GITHUB_EVENT_PATH']);
  const pull = asRecord(payload['pull_request']);
  const ref = env['GITHUB_REF'] ?? '';
  const headRepo = asRecord(asRecord(pull?.['head'])?.['repo']);
  const baseRepo = asRecord(asRecord(pull?.['base'])?.['repo']);
  return {
    owner,
    repo,
    repository,
    serverUrl: env['GITHUB_SERVER_URL'] ?? 'https://github.com',
    apiUrl: env['GITHUB_API_URL'] ?? 'https://api.github.com',
    eventName: env['GITHUB_EVENT_NAME'] ?? '',
    sha: env['GITHUB_SHA'] ?? '',
    ref,
    branch: env['GITHUB_HEAD_REF'] || ref.replace(/^refs\/(heads|tags)\//, ''),
    baseRef: env['GITHUB_BASE_REF'] || asString(asRecord(pull?.['base'])?.['ref']),
    baseSha: asString(asRecord(pull?.['base'])?.['sha']),
    pullRequest: typeof pull?.['number'] === 'number' ? pull['number'] : undefined,
    headSha: asString(asRecord(pull?.['head'])?.['sha']),
    fromFork: headRepo !== undefined && baseRepo !== undefined && headRepo['full_name'] !== baseRepo['full_name'],
    before: asString(payload['before']),
    workflow: env['GITHUB_WORKFLOW'] ?? '',
    workflowPath: /^[^/]+\/[^/]+\/(.+?)@/.exec(env['GITHUB_WORKFLOW_REF'] ?? '')?.[1],
    runId: Number(env['GITHUB_RUN_ID'] ?? 0),
    runAttempt: Number(env['GITHUB_RUN_ATTEMPT'] ?? 1),
    runNumber: Number(env['GITHUB_RUN_NUMBER'] ?? 0),
    job: env['GITHUB_JOB'] ?? '',
    runnerOs: env['RUNNER_OS'] ?? '',
    workspace: env['GITHUB_WORKSPACE'] ?? process.cwd(),
    payload,
  };
}

function readPayload(path: string | undefined): Record<string, unknown> {
  if (path === undefined || path === '') return {};
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    // Outside a workflow (local runs) there may be no event at all.
    return {};
  }
  try {
    return asRecord(JSON.parse(text)) ?? {};
  } catch {
    throw new UserError(`the event payload ${path} is not valid JSON`, { file: path });
  }
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
