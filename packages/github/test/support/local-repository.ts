import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  startGitHubApi,
  type GitHubApi,
  type RequestLogEntry,
  type StartedWorkflowRun,
  type StoredArtifact,
  type WorkflowRunStart,
} from '@ml-actions/testkit';
import { createGitHubClient, type GitHubClient } from '../../src/github-client.ts';

/** The seeded repository of these tests. */
export const OWNER = 'octo-org';
export const REPO = 'churn';
export const FULL_NAME = `${OWNER}/${REPO}`;
/** An installation token, as a workflow's GITHUB_TOKEN: it acts as the Actions bot. */
export const TOKEN = 'ghs_githubPackageTests000000000000000000';

/** What the storage service sends for an artifact: its bytes, or a stream of `bytes` zeros without a length. */
export type StoredBytes = Buffer | { unsizedZeros: number };

/**
 * One test's own GitHub: the OpenAPI-checked REST stand-in with one repository and a commit on
 * main, a client of it with waits scaled down, and a storage server for artifact bytes that the
 * REST download redirects to (a few lines of HTTP instead of Azurite, which takes seconds to
 * start: every test gets a fresh one).
 */
export interface LocalRepository {
  api: GitHubApi;
  github: GitHubClient;
  /** The first commit of main. */
  rootSha: string;
  /** Warnings the client logged (retries). */
  warnings: string[];
  /** A finalized artifact of a workflow run, its bytes served from the storage server. */
  plant(options: { runId: number; name: string; bytes: StoredBytes; expiresAt?: string }): StoredArtifact;
  /** A workflow run with its jobs and the artifacts they uploaded, their bytes served from the storage server. */
  startWorkflowRun(
    start: Omit<WorkflowRunStart, 'artifacts'> & {
      artifacts?: { name: string; bytes: StoredBytes; createdAt?: string }[];
    },
  ): StartedWorkflowRun;
  /** Requests sent since `mark` was taken, as `METHOD path`. */
  requestsSince(mark: number): string[];
  /** The storage downloads served so far. */
  downloads: number[];
  close(): Promise<void>;
}

export async function startLocalRepository(): Promise<LocalRepository> {
  const api = await startGitHubApi();
  api.tokens.add(TOKEN, { login: 'github-actions[bot]', installation: true });
  api.state.addRepo({ owner: OWNER, name: REPO, defaultBranch: 'main' });
  const rootSha = api.state.addCommit(FULL_NAME, { branch: 'main', message: 'initial' }).sha;

  const stored = new Map<number, StoredBytes>();
  const downloads: number[] = [];
  const storage = createServer((request, response) => {
    const id = Number(/^\/blob\/(\d+)$/.exec(request.url ?? '')?.[1]);
    const bytes = stored.get(id);
    downloads.push(id);
    if (bytes === undefined) {
      response.writeHead(404).end();
    } else if (Buffer.isBuffer(bytes)) {
      response.writeHead(200, { 'content-type': 'application/zip', 'content-length': bytes.length }).end(bytes);
    } else {
      // Chunked: the size shows only while reading.
      response.writeHead(200, { 'content-type': 'application/zip' });
      const chunk = Buffer.alloc(1024 * 1024);
      let left = bytes.unsizedZeros;
      const more = (): void => {
        while (left > 0) {
          const part = left >= chunk.length ? chunk : chunk.subarray(0, left);
          left -= part.length;
          if (!response.write(part)) return void response.once('drain', more);
        }
        response.end();
      };
      response.on('error', () => undefined); // the client may hang up once it has seen enough
      more();
    }
  });
  await new Promise<void>((resolve) => storage.listen(0, '127.0.0.1', resolve));
  const storageUrl = `http://127.0.0.1:${(storage.address() as AddressInfo).port}`;
  api.registry.downloadUrl = (artifact) => Promise.resolve(`${storageUrl}/blob/${artifact.id}`);

  const warnings: string[] = [];
  const github = await createGitHubClient({
    token: TOKEN,
    apiUrl: api.url,
    waitScale: 0.001,
    log: { warn: (message) => warnings.push(message), debug: () => undefined },
  });
  const describe = (entry: RequestLogEntry): string => `${entry.method} ${entry.path}`;
  return {
    api,
    github,
    rootSha,
    warnings,
    downloads,
    plant({ runId, name, bytes, expiresAt }) {
      const size = Buffer.isBuffer(bytes) ? bytes.length : bytes.unsizedZeros;
      const artifact = api.state.addArtifact({ runId, name, size, ...(expiresAt === undefined ? {} : { expiresAt }) });
      stored.set(artifact.id, bytes);
      return artifact;
    },
    startWorkflowRun({ artifacts = [], ...start }) {
      const started = api.state.startWorkflowRun(FULL_NAME, {
        ...start,
        artifacts: artifacts.map(({ bytes, ...artifact }) => ({
          ...artifact,
          size: Buffer.isBuffer(bytes) ? bytes.length : bytes.unsizedZeros,
        })),
      });
      started.artifacts.forEach((artifact, index) => stored.set(artifact.id, artifacts[index]?.bytes as StoredBytes));
      return started;
    },
    requestsSince: (mark) => api.requests.slice(mark).map(describe),
    async close() {
      storage.closeAllConnections();
      await new Promise<void>((resolve) => storage.close(() => resolve()));
      await api.close();
    },
  };
}
