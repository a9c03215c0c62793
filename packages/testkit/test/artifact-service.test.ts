/**
 * The artifact backend driven by the real, unmodified `@actions/artifact` client, in process:
 * the client reads its environment on each call, so each test sets the job's variables and
 * restores them afterwards.
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ArtifactRegistry } from '../src/artifact-registry.ts';
import {
  artifactEnv,
  derivedWorkflowRunId,
  runtimeToken,
  startArtifactService,
  startAzurite,
} from '../src/artifact-service/index.ts';
import type { ArtifactService, Azurite } from '../src/artifact-service/index.ts';
import type * as ArtifactLibrary from '@actions/artifact';
import { startGitHubApi } from '../src/github-api/index.ts';
import type { GitHubApi } from '../src/github-api/index.ts';

type ArtifactModule = typeof ArtifactLibrary;

let azurite: Azurite | undefined;
let service: ArtifactService;
let github: GitHubApi | undefined;
let registry: ArtifactRegistry;
let artifactModule: ArtifactModule;
let workDir: string;
const savedEnv = new Map<string, string | undefined>();
// The client logs through @actions/core to stdout; keep it, and show it only when a test fails.
let clientOutput: string[] = [];
const writeStdout = process.stdout.write.bind(process.stdout);

function setEnv(env: Record<string, string | undefined>): void {
  for (const [name, value] of Object.entries(env)) {
    if (!savedEnv.has(name)) savedEnv.set(name, process.env[name]);
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
}

/** Makes the following client calls run as job `job` of workflow run `run`. */
function asJob(
  run: string,
  job: string,
  options: { uploadTimeoutMs?: number } = {},
): InstanceType<ArtifactModule['DefaultArtifactClient']> {
  const token = runtimeToken({ workflowRunBackendId: run, workflowJobRunBackendId: job });
  setEnv({ ...artifactEnv({ serviceUrl: service.url, token, ...options }), GITHUB_SERVER_URL: undefined });
  return new artifactModule.DefaultArtifactClient();
}

/** Deterministic bytes that do not compress, so byte counts survive zipping. */
function noise(length: number, seed: string): Buffer {
  const blocks: Buffer[] = [];
  for (let i = 0; blocks.length * 32 < length; i++) blocks.push(createHash('sha256').update(`${seed}:${i}`).digest());
  return Buffer.concat(blocks).subarray(0, length);
}

async function makeFolder(
  name: string,
  files: Record<string, string | Buffer>,
): Promise<{ root: string; paths: string[] }> {
  const root = join(workDir, name);
  const paths: string[] = [];
  for (const [file, content] of Object.entries(files)) {
    const path = join(root, file);
    await mkdir(join(path, '..'), { recursive: true });
    await writeFile(path, content);
    paths.push(path);
  }
  return { root, paths };
}

async function readTree(root: string): Promise<Record<string, string>> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const tree: Record<string, string> = {};
  for (const entry of entries.filter((e) => e.isFile())) {
    const path = join(entry.parentPath, entry.name);
    tree[relative(root, path)] = createHash('sha256')
      .update(await readFile(path))
      .digest('hex');
  }
  return tree;
}

async function twirp(method: string, body: unknown, token: string): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${service.url}/twirp/github.actions.results.api.v1.ArtifactService/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  const json: unknown = await response.json();
  return { status: response.status, json };
}

beforeAll(async () => {
  process.stdout.write = (chunk: string | Uint8Array) => {
    clientOutput.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  };
  workDir = await mkdtemp(join(tmpdir(), 'artifact-service-test-'));
  azurite = await startAzurite();
  registry = new ArtifactRegistry();
  service = await startArtifactService({ registry, azurite });
  github = await startGitHubApi({ registry });
  // @actions/github reads GITHUB_API_URL once, when it is first imported: set it just for the import.
  const apiUrl = process.env['GITHUB_API_URL'];
  process.env['GITHUB_API_URL'] = github.url;
  try {
    artifactModule = await import('@actions/artifact');
  } finally {
    if (apiUrl === undefined) delete process.env['GITHUB_API_URL'];
    else process.env['GITHUB_API_URL'] = apiUrl;
  }
}, 60_000);

afterEach((context) => {
  if (context.task.result?.state === 'fail') process.stderr.write(clientOutput.join(''));
  clientOutput = [];
  for (const [name, value] of savedEnv) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  savedEnv.clear();
  service?.faults.clear();
});

afterAll(async () => {
  process.stdout.write = writeStdout;
  await github?.close();
  await service?.close();
  await azurite?.stop();
  await rm(workDir, { recursive: true, force: true });
});

describe('artifact service with the real @actions/artifact client', () => {
  const folderFiles = {
    'metrics.json': '{"accuracy": 0.93}\n',
    'model.bin': noise(200_000, 'model'),
    'plots/loss.tsv': 'step\tloss\n1\t0.9\n2\t0.5\n',
  };

  it('uploads a folder of three files and downloads it back byte-identical', async () => {
    const client = asJob('run-upload', 'job-1');
    const { root, paths } = await makeFolder('upload-src', folderFiles);
    const uploaded = await client.uploadArtifact('model-files', paths, root);

    const stored = registry.get(uploaded.id ?? -1);
    expect(stored).toMatchObject({
      name: 'model-files',
      finalized: true,
      size: uploaded.size,
      digest: `sha256:${uploaded.digest}`,
      workflowRunBackendId: 'run-upload',
      workflowJobRunBackendId: 'job-1',
      workflowRunId: derivedWorkflowRunId('run-upload'),
    });
    expect(registry.workflowRunIdFor('run-upload')).toBe(derivedWorkflowRunId('run-upload'));

    const target = join(workDir, 'upload-dst');
    // Another job of the same run downloads it, as a later job of a workflow would.
    const downloaded = await asJob('run-upload', 'job-2').downloadArtifact(uploaded.id ?? -1, { path: target });
    expect(downloaded.downloadPath).toBe(target);
    expect(await readTree(target)).toEqual(await readTree(root));
    expect(Object.keys(await readTree(target)).sort()).toEqual(['metrics.json', 'model.bin', 'plots/loss.tsv']);
  });

  it('serves the REST download redirect with a read-only URL that names the zip file', async () => {
    const [stored] = registry.list({ name: 'model-files', workflowRunBackendId: 'run-upload' });
    if (stored === undefined || registry.downloadUrl === undefined)
      throw new Error('the first test did not upload model-files');
    const url = await registry.downloadUrl(stored);
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toBe("attachment; filename*=UTF-8''model-files.zip");
    expect((await response.arrayBuffer()).byteLength).toBe(stored.size);
    const write = await fetch(url, { method: 'PUT', body: 'overwrite', headers: { 'x-ms-blob-type': 'BlockBlob' } });
    expect(write.status).toBe(403);
  });

  it('lists the run’s artifacts, filters by name, and gets one by name', async () => {
    const client = asJob('run-list', 'job-1');
    const { root, paths } = await makeFolder('list-src', { 'a.txt': 'a\n' });
    const first = await client.uploadArtifact('first', paths, root);
    const second = await client.uploadArtifact('second', paths, root);

    const listed = await client.listArtifacts();
    expect(listed.artifacts.map((a) => [a.name, a.id])).toEqual([
      ['first', first.id],
      ['second', second.id],
    ]);

    const token = runtimeToken({ workflowRunBackendId: 'run-list', workflowJobRunBackendId: 'job-1' });
    const filtered = await twirp(
      'ListArtifacts',
      { workflow_run_backend_id: 'run-list', workflow_job_run_backend_id: 'job-1', name_filter: 'second' },
      token,
    );
    expect(filtered.status).toBe(200);
    expect(filtered.json).toEqual({
      artifacts: [
        {
          workflow_run_backend_id: 'run-list',
          workflow_job_run_backend_id: 'job-1',
          database_id: String(second.id),
          name: 'second',
          size: String(second.size),
          created_at: registry.get(second.id ?? -1)?.createdAt,
          digest: `sha256:${second.digest}`,
        },
      ],
    });

    expect(registry.get(second.id ?? -1)?.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

    const found = await client.getArtifact('second');
    expect(found.artifact).toMatchObject({
      name: 'second',
      id: second.id,
      size: second.size,
      digest: `sha256:${second.digest}`,
    });
    await expect(client.getArtifact('missing')).rejects.toThrow('Artifact not found for name: missing');
  });

  it('deletes an artifact, its listing and its bytes', async () => {
    const client = asJob('run-delete', 'job-1');
    const { root, paths } = await makeFolder('delete-src', { 'a.txt': 'a\n' });
    const uploaded = await client.uploadArtifact('doomed', paths, root);
    const blobUrl = await registry.downloadUrl?.(registry.get(uploaded.id ?? -1)!);

    expect(await client.deleteArtifact('doomed')).toEqual({ id: uploaded.id });
    expect(registry.get(uploaded.id ?? -1)).toBeUndefined();
    expect((await client.listArtifacts()).artifacts).toEqual([]);
    expect((await fetch(blobUrl ?? '')).status).toBe(404);
    const token = runtimeToken({ workflowRunBackendId: 'run-delete', workflowJobRunBackendId: 'job-1' });
    const again = await twirp(
      'DeleteArtifact',
      { workflow_run_backend_id: 'run-delete', workflow_job_run_backend_id: 'job-1', name: 'doomed' },
      token,
    );
    expect(again).toEqual({
      status: 404,
      json: { code: 'not_found', msg: 'artifact "doomed" not found in this workflow run' },
    });
  });

  it('refuses a second artifact of the same name in one run, but not in another run', async () => {
    const { root, paths } = await makeFolder('dup-src', { 'a.txt': 'a\n' });
    await asJob('run-dup', 'job-1').uploadArtifact('record', paths, root);
    await expect(asJob('run-dup', 'job-2').uploadArtifact('record', paths, root)).rejects.toThrow(
      'Failed to CreateArtifact: Received non-retryable error: Failed request: (409) Conflict: an artifact with this name already exists on the workflow run: record',
    );
    const other = await asJob('run-dup-2', 'job-1').uploadArtifact('record', paths, root);
    expect(registry.list({ name: 'record', finalized: true }).map((a) => [a.workflowRunBackendId, a.id])).toEqual([
      ['run-dup', expect.any(Number)],
      ['run-dup-2', other.id],
    ]);
  });

  it('refuses calls whose ids are not the runtime token’s', async () => {
    const token = runtimeToken({ workflowRunBackendId: 'run-a', workflowJobRunBackendId: 'job-1' });
    const other = await twirp(
      'ListArtifacts',
      { workflow_run_backend_id: 'run-b', workflow_job_run_backend_id: 'job-1' },
      token,
    );
    expect(other).toEqual({
      status: 403,
      json: { code: 'permission_denied', msg: 'the runtime token is for workflow run run-a, not run-b' },
    });
    const anonymous = await twirp(
      'ListArtifacts',
      { workflow_run_backend_id: 'run-a', workflow_job_run_backend_id: 'job-1' },
      'not-a-jwt',
    );
    expect(anonymous).toEqual({
      status: 401,
      json: { code: 'unauthenticated', msg: 'the runtime token has no Actions.Results scope' },
    });
  });

  it('injects a Twirp fault a given number of times, then answers normally', async () => {
    const token = runtimeToken({ workflowRunBackendId: 'run-fault', workflowJobRunBackendId: 'job-1' });
    const ids = { workflow_run_backend_id: 'run-fault', workflow_job_run_backend_id: 'job-1' };
    const fault = service.faults.add({ method: 'ListArtifacts', status: 500, times: 2 });
    expect((await twirp('ListArtifacts', ids, token)).json).toEqual({
      code: 'internal',
      msg: 'injected fault: ListArtifacts answered 500',
    });
    expect((await twirp('ListArtifacts', ids, token)).status).toBe(500);
    expect(await twirp('ListArtifacts', ids, token)).toEqual({ status: 200, json: { artifacts: [] } });
    expect(fault.hits).toBe(2);

    // The client waits 3 s before retrying a 5xx and that wait cannot be shortened, so the
    // client-level check uses a 4xx, which it reports at once; the next upload is unaffected.
    const client = asJob('run-fault', 'job-1');
    const { root, paths } = await makeFolder('fault-src', { 'a.txt': 'a\n' });
    service.faults.add({ method: 'CreateArtifact', status: 403 });
    await expect(client.uploadArtifact('flaky', paths, root)).rejects.toThrow(
      'Failed to CreateArtifact: Received non-retryable error: Failed request: (403) Forbidden: injected fault: CreateArtifact answered 403',
    );
    const uploaded = await client.uploadArtifact('flaky', paths, root);
    expect(registry.get(uploaded.id ?? -1)?.finalized).toBe(true);
  });

  it('recovers from a connection reset mid-upload: the storage client resends the block', async () => {
    const client = asJob('run-reset-once', 'job-1');
    const { root, paths } = await makeFolder('reset-once-src', { 'weights.bin': noise(300_000, 'weights') });
    const fault = service.faults.add({ afterBytes: 100_000 });
    const uploaded = await client.uploadArtifact('weights', paths, root, { compressionLevel: 0 });
    expect(fault.hits).toBe(1);
    const target = join(workDir, 'reset-once-dst');
    await client.downloadArtifact(uploaded.id ?? -1, { path: target });
    expect(await readTree(target)).toEqual(await readTree(root));
  });

  it('fails an upload cut off for good with a clear error and no finalized artifact', async () => {
    const client = asJob('run-cut', 'job-1', { uploadTimeoutMs: 1000 });
    const { root, paths } = await makeFolder('cut-src', { 'weights.bin': noise(300_000, 'cut') });
    const fault = service.faults.add({ afterBytes: 100_000, times: Infinity });
    await expect(client.uploadArtifact('weights', paths, root, { compressionLevel: 0 })).rejects.toThrow(
      'Upload progress stalled.',
    );
    expect(fault.hits).toBeGreaterThanOrEqual(2);
    expect(registry.list({ workflowRunBackendId: 'run-cut' }).map((a) => [a.name, a.finalized])).toEqual([
      ['weights', false],
    ]);
    expect((await client.listArtifacts()).artifacts).toEqual([]);

    // Once the network is back, uploading under the same name replaces the abandoned attempt.
    service.faults.clear();
    const retried = await client.uploadArtifact('weights', paths, root, { compressionLevel: 0 });
    expect(registry.list({ workflowRunBackendId: 'run-cut' }).map((a) => [a.id, a.finalized])).toEqual([
      [retried.id, true],
    ]);
  });

  it('fails an upload whose connection stalls, or that blob storage refuses, before finalizing', async () => {
    const client = asJob('run-stall', 'job-1', { uploadTimeoutMs: 1000 });
    const { root, paths } = await makeFolder('stall-src', { 'weights.bin': noise(300_000, 'stall') });
    const stall = service.faults.add({ afterBytes: 50_000, cut: 'stall' });
    await expect(client.uploadArtifact('stalled', paths, root, { compressionLevel: 0 })).rejects.toThrow(
      'Upload progress stalled.',
    );
    expect(stall.hits).toBe(1);

    service.faults.add({ method: 'upload', status: 403 });
    await expect(client.uploadArtifact('refused', paths, root, { compressionLevel: 0 })).rejects.toThrow(
      'injected upload fault: 403',
    );
    expect(registry.list({ workflowRunBackendId: 'run-stall' }).map((a) => [a.name, a.finalized])).toEqual([
      ['stalled', false],
      ['refused', false],
    ]);
  });

  it('lists, gets, downloads and deletes another run’s artifact through findBy and the REST API', async () => {
    if (github === undefined) throw new Error('the GitHub API stand-in did not start');
    github.state.addRepo({ owner: 'octo-org', name: 'churn' });
    github.state.addWorkflowRun('octo-org/churn', { id: 7001, headSha: 'a'.repeat(40), backendId: 'run-findby-a' });
    github.tokens.add('ghs_reader_token', { login: 'github-actions[bot]', installation: true });

    const { root, paths } = await makeFolder('findby-src', folderFiles);
    const uploaded = await asJob('run-findby-a', 'job-1').uploadArtifact('baseline-record', paths, root);
    expect(registry.get(uploaded.id ?? -1)?.workflowRunId).toBe(7001);

    const reader = asJob('run-findby-b', 'job-1');
    const findBy = {
      token: 'ghs_reader_token',
      workflowRunId: 7001,
      repositoryOwner: 'octo-org',
      repositoryName: 'churn',
    };
    expect((await reader.listArtifacts({ findBy })).artifacts).toEqual([
      {
        name: 'baseline-record',
        id: uploaded.id,
        size: uploaded.size,
        createdAt: new Date(registry.get(uploaded.id ?? -1)?.createdAt ?? ''),
        digest: `sha256:${uploaded.digest}`,
      },
    ]);
    expect((await reader.getArtifact('baseline-record', { findBy })).artifact.id).toBe(uploaded.id);
    // The reader's own run has no such artifact: the Twirp path does not see it.
    await expect(reader.getArtifact('baseline-record')).rejects.toThrow('Artifact not found for name: baseline-record');

    const target = join(workDir, 'findby-dst');
    const downloaded = await reader.downloadArtifact(uploaded.id ?? -1, {
      path: target,
      findBy,
      expectedHash: `sha256:${uploaded.digest}`,
    });
    expect(downloaded.digestMismatch).toBe(false);
    expect(await readTree(target)).toEqual(await readTree(root));

    expect(await reader.deleteArtifact('baseline-record', { findBy })).toEqual({ id: uploaded.id });
    expect((await reader.listArtifacts({ findBy })).artifacts).toEqual([]);
    github.assertNoViolations();
  });
});
