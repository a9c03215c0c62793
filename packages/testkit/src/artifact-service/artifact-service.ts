/**
 * A stand-in for GitHub's Actions Results artifact service: the Twirp JSON API the real
 * `@actions/artifact` client calls, keeping artifacts in the shared registry (so the REST API
 * stand-in sees them) and their bytes in Azurite behind signed URLs.
 *
 * Rules it follows, as GitHub does: names are unique within a workflow run (a second finalized
 * artifact of the same name is refused with 409); only finalized, unexpired artifacts are listed
 * or downloadable; a new upload under a name whose earlier upload never finalized replaces it.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ArtifactRegistry, StoredArtifact } from '../artifact-registry.ts';
import { BlobStore } from './blob-store.ts';
import type { BlobAccount } from './blob-store.ts';
import { FaultInjector, twirpMethods } from './fault-injection.ts';
import type { TwirpMethod } from './fault-injection.ts';
import { backendIdsFromToken } from './runtime-token.ts';
import type { BackendIds } from './runtime-token.ts';
import { TwirpError } from './twirp-error.ts';
import { optionalInt64, optionalString, optionalTimestamp, parseBody, requireString } from './twirp-request.ts';
import type { JsonObject } from './twirp-request.ts';
import { startUploadProxy } from './upload-proxy.ts';
import { workflowRunIdOf } from './workflow-run-link.ts';

export interface ArtifactServiceOptions {
  registry: ArtifactRegistry;
  azurite: BlobAccount;
  /** Retention when an upload names none; GitHub's default is 90 days. */
  retentionDays?: number;
}

export interface ArtifactServiceCall {
  method: string;
  status: number;
}

export interface ArtifactService {
  /** Origin to give the client as ACTIONS_RESULTS_URL. */
  url: string;
  /** Faults to inject into the Twirp calls and the signed upload. */
  faults: FaultInjector;
  /** Every Twirp call answered so far, in order, with its HTTP status. */
  calls: ArtifactServiceCall[];
  close(): Promise<void>;
}

const routePrefix = '/twirp/github.actions.results.api.v1.ArtifactService/';
const maxBodyBytes = 1024 * 1024;
// The characters the client itself refuses in names (NTFS limits); the server refuses them too.
const invalidNameCharacters = /[":<>|*?\r\n\\/]/;
const zipMimeType = 'application/zip';

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    req.on('data', (chunk: Buffer) => {
      length += chunk.length;
      if (length > maxBodyBytes) {
        reject(new TwirpError('malformed', `the request body exceeds ${maxBodyBytes} bytes`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function bearerIds(req: IncomingMessage): BackendIds {
  const header = req.headers.authorization ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) throw new TwirpError('unauthenticated', 'missing bearer runtime token');
  const ids = backendIdsFromToken(match[1]);
  if (ids === undefined) throw new TwirpError('unauthenticated', 'the runtime token has no Actions.Results scope');
  return ids;
}

/** The body's backend ids, which must be those of the token (for writes, the job too). */
function authorizedIds(body: JsonObject, token: BackendIds, sameJob: boolean): BackendIds {
  const ids = {
    workflowRunBackendId: requireString(body, 'workflow_run_backend_id'),
    workflowJobRunBackendId: requireString(body, 'workflow_job_run_backend_id'),
  };
  if (ids.workflowRunBackendId !== token.workflowRunBackendId) {
    throw new TwirpError(
      'permission_denied',
      `the runtime token is for workflow run ${token.workflowRunBackendId}, not ${ids.workflowRunBackendId}`,
    );
  }
  // Reads and deletes name the job that uploaded the artifact, which may be another job of the run.
  if (sameJob && ids.workflowJobRunBackendId !== token.workflowJobRunBackendId) {
    throw new TwirpError(
      'permission_denied',
      `the runtime token is for job ${token.workflowJobRunBackendId}, not ${ids.workflowJobRunBackendId}`,
    );
  }
  return ids;
}

function artifactName(body: JsonObject): string {
  const name = requireString(body, 'name');
  if (invalidNameCharacters.test(name))
    throw new TwirpError(
      'invalid_argument',
      `the artifact name ${JSON.stringify(name)} contains a character that is not allowed`,
    );
  return name;
}

function isLive(artifact: StoredArtifact): boolean {
  return artifact.finalized && Date.parse(artifact.expiresAt) > Date.now();
}

/** Starts the service on 127.0.0.1 and a free port, and makes the registry hand out download URLs. */
export async function startArtifactService(options: ArtifactServiceOptions): Promise<ArtifactService> {
  const { registry } = options;
  const retentionDays = options.retentionDays ?? 90;
  const store = new BlobStore(options.azurite);
  await store.ensureContainer();
  const faults = new FaultInjector();
  const proxy = await startUploadProxy(new URL(options.azurite.blobUrl).origin, faults);
  const calls: ArtifactServiceCall[] = [];

  const liveArtifact = (workflowRunBackendId: string, name: string): StoredArtifact => {
    const found = registry.list({ workflowRunBackendId, name }).filter(isLive).at(-1);
    if (found === undefined)
      throw new TwirpError('not_found', `artifact ${JSON.stringify(name)} not found in this workflow run`);
    return found;
  };

  const handlers: Record<TwirpMethod, (body: JsonObject, token: BackendIds) => JsonObject | Promise<JsonObject>> = {
    async CreateArtifact(body, token) {
      const ids = authorizedIds(body, token, true);
      const name = artifactName(body);
      if (registry.list({ workflowRunBackendId: ids.workflowRunBackendId, name, finalized: true }).length > 0) {
        throw new TwirpError(
          'already_exists',
          `an artifact with this name already exists on the workflow run: ${name}`,
        );
      }
      for (const abandoned of registry.list({
        workflowRunBackendId: ids.workflowRunBackendId,
        name,
        finalized: false,
      })) {
        registry.delete(abandoned.id);
        await store.delete(abandoned.blobName);
      }
      const mimeType = optionalString(body, 'mime_type') ?? zipMimeType;
      const zipped = mimeType === zipMimeType && !name.toLowerCase().endsWith('.zip');
      const expiresAt = optionalTimestamp(body, 'expires_at') ?? new Date(Date.now() + retentionDays * 86_400_000);
      const artifact = registry.create({
        name,
        workflowRunId: workflowRunIdOf(registry, ids.workflowRunBackendId),
        workflowRunBackendId: ids.workflowRunBackendId,
        workflowJobRunBackendId: ids.workflowJobRunBackendId,
        expiresAt: expiresAt.toISOString(),
        // The file name at the end gives downloads their Content-Disposition and `.zip` suffix.
        blobName: `${ids.workflowRunBackendId}/${randomUUID()}/${zipped ? `${name}.zip` : name}`,
      });
      const signed = new URL(store.uploadUrl(artifact.blobName));
      return { ok: true, signed_upload_url: `${proxy.origin}${signed.pathname}${signed.search}` };
    },

    async FinalizeArtifact(body, token) {
      const ids = authorizedIds(body, token, true);
      const name = artifactName(body);
      const size = optionalInt64(body, 'size') ?? 0;
      const hash = optionalString(body, 'hash');
      if (hash !== undefined && !/^sha256:[0-9a-f]{64}$/.test(hash))
        throw new TwirpError('invalid_argument', `hash must be sha256:<64 hex digits>, got ${JSON.stringify(hash)}`);
      const pending = registry.list({ ...ids, name, finalized: false }).at(-1);
      if (pending === undefined) {
        if (registry.list({ workflowRunBackendId: ids.workflowRunBackendId, name, finalized: true }).length > 0) {
          throw new TwirpError('already_exists', `artifact ${JSON.stringify(name)} is already finalized`);
        }
        throw new TwirpError('not_found', `no upload of artifact ${JSON.stringify(name)} was started by this job`);
      }
      const uploaded = await store.size(pending.blobName);
      if (uploaded === undefined)
        throw new TwirpError('failed_precondition', `nothing was uploaded for artifact ${JSON.stringify(name)}`);
      if (uploaded !== size)
        throw new TwirpError(
          'invalid_argument',
          `size ${size} does not match the ${uploaded} bytes uploaded for artifact ${JSON.stringify(name)}`,
        );
      pending.size = size;
      if (hash !== undefined) pending.digest = hash;
      pending.finalized = true;
      return { ok: true, artifact_id: String(pending.id) };
    },

    ListArtifacts(body, token) {
      const ids = authorizedIds(body, token, false);
      const nameFilter = optionalString(body, 'name_filter');
      const idFilter = optionalInt64(body, 'id_filter');
      const artifacts = registry
        .list({ workflowRunBackendId: ids.workflowRunBackendId })
        .filter(isLive)
        .filter(
          (a) => (nameFilter === undefined || a.name === nameFilter) && (idFilter === undefined || a.id === idFilter),
        );
      return {
        artifacts: artifacts.map((a) => ({
          workflow_run_backend_id: a.workflowRunBackendId,
          workflow_job_run_backend_id: a.workflowJobRunBackendId,
          database_id: String(a.id),
          name: a.name,
          size: String(a.size),
          created_at: a.createdAt,
          ...(a.digest === undefined ? {} : { digest: a.digest }),
        })),
      };
    },

    GetSignedArtifactURL(body, token) {
      const ids = authorizedIds(body, token, false);
      const artifact = liveArtifact(ids.workflowRunBackendId, artifactName(body));
      return { signed_url: store.downloadUrl(artifact.blobName) };
    },

    async DeleteArtifact(body, token) {
      const ids = authorizedIds(body, token, false);
      const artifact = liveArtifact(ids.workflowRunBackendId, artifactName(body));
      registry.delete(artifact.id);
      await store.delete(artifact.blobName);
      return { ok: true, artifact_id: String(artifact.id) };
    },
  };

  const answer = (res: ServerResponse, status: number, body: unknown): void => {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const method = path.startsWith(routePrefix) ? path.slice(routePrefix.length) : path;
    try {
      if (
        req.method !== 'POST' ||
        !path.startsWith(routePrefix) ||
        !(twirpMethods as readonly string[]).includes(method)
      ) {
        throw new TwirpError('bad_route', `no such method: ${req.method} ${path}`);
      }
      const fault = faults.strikeTwirp(method);
      if (fault !== undefined) {
        req.resume();
        throw TwirpError.forStatus(fault.status ?? 500, `injected fault: ${method} answered ${fault.status}`);
      }
      const contentType = req.headers['content-type'] ?? '';
      if (!contentType.startsWith('application/json'))
        throw new TwirpError(
          'bad_route',
          `unsupported Content-Type ${JSON.stringify(contentType)}: only JSON is served`,
        );
      const token = bearerIds(req);
      const body = parseBody(await readBody(req));
      const result = await handlers[method as TwirpMethod](body, token);
      calls.push({ method, status: 200 });
      answer(res, 200, result);
    } catch (error) {
      const twirp =
        error instanceof TwirpError
          ? error
          : new TwirpError('internal', error instanceof Error ? error.message : String(error));
      calls.push({ method, status: twirp.status });
      if (!res.headersSent && !res.destroyed) answer(res, twirp.status, twirp.toJSON());
    }
  };

  const server = createServer((req, res) => void handle(req, res));
  server.listen(0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;

  const downloadUrl = (artifact: StoredArtifact): Promise<string> =>
    Promise.resolve(store.downloadUrl(artifact.blobName));
  registry.downloadUrl = downloadUrl;

  return {
    url: `http://127.0.0.1:${port}`,
    faults,
    calls,
    close: async () => {
      if (registry.downloadUrl === downloadUrl) registry.downloadUrl = undefined;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await Promise.all([closed, proxy.close()]);
    },
  };
}
