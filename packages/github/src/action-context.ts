import { readFileSync } from 'node:fs';
import { UserError, isPlainObject } from '@ml-actions/core';

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
  /** Base branch of a pull request or of a merge queue's group. */
  baseRef: string | undefined;
  /** The base commit of a pull request, or the commit a merge queue's group is built on. */
  baseSha: string | undefined;
  pullRequest: number | undefined;
  /** Head commit of a pull request (GITHUB_SHA is then the test merge commit) or of a merge group. */
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
  /** `github-hosted` or `self-hosted` (RUNNER_ENVIRONMENT); undefined outside a runner. */
  runnerEnvironment?: string | undefined;
  workspace: string;
  /** RUNNER_TEMP: the job's scratch folder, emptied after the job; undefined outside a runner. */
  temp: string | undefined;
  /** The raw event payload, for the few actions that need more (workflow_run). */
  payload: Record<string, unknown>;
}

type Env = Record<string, string | undefined>;

/** Reads the context from an environment (process.env on the runner). */
export function readActionContext(env: Env = process.env): ActionContext {
  const repository = env['GITHUB_REPOSITORY'] ?? '';
  const [owner = '', repo = ''] = repository.split('/');
  const eventName = env['GITHUB_EVENT_NAME'] ?? '';
  const payload = readPayload(env, eventName);
  const pull = asRecord(payload['pull_request']);
  const group = eventName === 'merge_group' ? asRecord(payload['merge_group']) : undefined;
  const ref = env['GITHUB_REF'] ?? '';
  const headRepo = asRecord(asRecord(pull?.['head'])?.['repo']);
  const baseRepo = asRecord(asRecord(pull?.['base'])?.['repo']);
  const groupBase = asString(group?.['base_ref'])?.replace(/^refs\/heads\//, '');
  return {
    owner,
    repo,
    repository,
    serverUrl: env['GITHUB_SERVER_URL'] ?? 'https://github.com',
    apiUrl: env['GITHUB_API_URL'] ?? 'https://api.github.com',
    eventName,
    sha: env['GITHUB_SHA'] ?? '',
    ref,
    branch: env['GITHUB_HEAD_REF'] || ref.replace(/^refs\/(heads|tags)\//, ''),
    baseRef: env['GITHUB_BASE_REF'] || asString(asRecord(pull?.['base'])?.['ref']) || groupBase,
    baseSha: asString(asRecord(pull?.['base'])?.['sha']) ?? asString(group?.['base_sha']),
    pullRequest: typeof pull?.['number'] === 'number' ? pull['number'] : undefined,
    headSha: asString(asRecord(pull?.['head'])?.['sha']) ?? asString(group?.['head_sha']),
    fromFork: headRepo !== undefined && baseRepo !== undefined && headRepo['full_name'] !== baseRepo['full_name'],
    before: asString(payload['before']),
    workflow: env['GITHUB_WORKFLOW'] ?? '',
    workflowPath: /^[^/]+\/[^/]+\/(.+?)@/.exec(env['GITHUB_WORKFLOW_REF'] ?? '')?.[1],
    runId: Number(env['GITHUB_RUN_ID'] ?? 0),
    runAttempt: Number(env['GITHUB_RUN_ATTEMPT'] ?? 1),
    runNumber: Number(env['GITHUB_RUN_NUMBER'] ?? 0),
    job: env['GITHUB_JOB'] ?? '',
    runnerOs: env['RUNNER_OS'] ?? '',
    runnerEnvironment: env['RUNNER_ENVIRONMENT'] || undefined,
    workspace: env['GITHUB_WORKSPACE'] ?? process.cwd(),
    temp: env['RUNNER_TEMP'] || undefined,
    payload,
  };
}

/**
 * The fields each event must carry, by GITHUB_EVENT_NAME: the ones that decide which baseline a
 * run is judged against. A payload without them is refused rather than read as a push.
 */
const PULL_REQUEST_FIELDS = [
  'pull_request.number:number',
  'pull_request.head.sha',
  'pull_request.base.ref',
  'pull_request.base.sha',
];
const REQUIRED_FIELDS: Record<string, string[]> = {
  push: ['ref', 'after'],
  pull_request: PULL_REQUEST_FIELDS,
  pull_request_target: PULL_REQUEST_FIELDS,
  merge_group: ['merge_group.head_sha', 'merge_group.base_sha', 'merge_group.base_ref'],
  workflow_run: ['workflow_run.id:number', 'workflow_run.head_sha'],
};

/**
 * The event payload the runner wrote to GITHUB_EVENT_PATH, checked for the fields its event must
 * have. Outside a workflow (GITHUB_ACTIONS unset, no GITHUB_EVENT_PATH) there is no event at all.
 */
function readPayload(env: Env, eventName: string): Record<string, unknown> {
  const path = env['GITHUB_EVENT_PATH'] ?? '';
  if (path === '') {
    if (env['GITHUB_ACTIONS'] === 'true') {
      throw new UserError('GITHUB_EVENT_PATH is not set: the runner gives every step its event payload');
    }
    return {};
  }
  const where = `the event payload ${path} (GITHUB_EVENT_PATH)`;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (thrown: unknown) {
    const code = (thrown as { code?: unknown } | null)?.code;
    throw new UserError(`${where} cannot be read${typeof code === 'string' ? ` (${code})` : ''}`, { file: path });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new UserError(`${where} is not valid JSON`, { file: path });
  }
  const payload = asRecord(parsed);
  if (payload === undefined) throw new UserError(`${where} is not a JSON object`, { file: path });
  for (const field of REQUIRED_FIELDS[eventName] ?? []) {
    const [dotted = '', type = 'string'] = field.split(':');
    let value: unknown = payload;
    for (const part of dotted.split('.')) value = asRecord(value)?.[part];
    const present = type === 'number' ? typeof value === 'number' : typeof value === 'string' && value !== '';
    if (!present) {
      throw new UserError(`${where} is not a ${eventName} event: it has no ${type} ${dotted}`, { file: path });
    }
  }
  return payload;
}

/** The repository's default branch, as the event payload (written by GitHub) describes the repository. */
export function defaultBranchOf(context: Pick<ActionContext, 'payload'>): string | undefined {
  const name = asRecord(context.payload['repository'])?.['default_branch'];
  return typeof name === 'string' && name !== '' ? name : undefined;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return isPlainObject(value) ? value : undefined;
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
