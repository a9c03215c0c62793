import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { isPlainObject } from '@ml-actions/core';
import { OciError, registryFailure, type RegistryClient } from './registry-client.ts';

export const OCI_MANIFEST_TYPE = 'application/vnd.oci.image.manifest.v1+json';
/** What the artifact is: a model package made by ml-actions. */
export const MODEL_PACKAGE_ARTIFACT_TYPE = 'application/vnd.ml-actions.model-package.v1+json';
/** The config blob: the package's manifest.json. */
export const PACKAGE_MANIFEST_MEDIA_TYPE = 'application/vnd.ml-actions.model-package.manifest.v1+json';

/** One file of the artifact, already hashed (the package hashed every byte once). */
export interface ArtifactFile {
  /** Where it is on disk. */
  absolute: string;
  /** Its path in the package, the layer's title. */
  path: string;
  size: number;
  sha256: string;
}

export interface ArtifactToPush {
  tag: string;
  /** manifest.json's bytes, the config blob. */
  config: Uint8Array;
  files: readonly ArtifactFile[];
  /** `org.opencontainers.image.*` annotations of the manifest. */
  annotations: Record<string, string>;
  /** Replace a tag that points at another manifest. */
  force: boolean;
  /**
   * Whether a tag naming another manifest may be replaced all the same, from that manifest's
   * annotations (an earlier attempt of the same workflow run made it).
   */
  replaceable?: (annotations: Record<string, string>) => boolean;
  /** Bytes sent by one PATCH; memory holds two chunks at most (the one sent, the one read ahead). */
  chunkBytes?: number;
  log: { info(message: string): void; warning(message: string): void };
}

export interface PushedArtifact {
  /** `sha256:<hex>` of the image manifest. */
  digest: string;
  /** `ghcr.io/acme/churn-model@sha256:...` */
  reference: string;
  /** The tag already pointed at this very manifest: nothing was sent. */
  unchanged: boolean;
  blobsSent: number;
}

const DEFAULT_CHUNK = 32 * 1024 * 1024;
/** Tries of one chunk: a cut connection resumes from what the registry says it has. */
const CHUNK_TRIES = 3;

/**
 * Pushes a model package as an OCI artifact: an image manifest whose config is manifest.json and
 * whose layers are the files (each with its media type and title), tagged `tag`. The manifest is
 * known before anything is sent, so a tag that already names it costs one request, and a tag that
 * names another is refused unless `force`. Blobs the registry has are not sent again; the others go
 * in chunks (one in memory at a time), each resumed from the registry's offset when cut; the tag
 * is written last, so nothing half-pushed is ever tagged.
 */
export async function pushArtifact(client: RegistryClient, artifact: ArtifactToPush): Promise<PushedArtifact> {
  const configDigest = `sha256:${createHash('sha256').update(artifact.config).digest('hex')}`;
  const manifest = {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST_TYPE,
    artifactType: MODEL_PACKAGE_ARTIFACT_TYPE,
    config: { mediaType: PACKAGE_MANIFEST_MEDIA_TYPE, digest: configDigest, size: artifact.config.byteLength },
    layers: artifact.files.map((file) => ({
      mediaType: mediaTypeOf(file.path),
      digest: `sha256:${file.sha256}`,
      size: file.size,
      annotations: { 'org.opencontainers.image.title': file.path },
    })),
    annotations: artifact.annotations,
  };
  const manifestBytes = Buffer.from(JSON.stringify(manifest));
  const digest = `sha256:${createHash('sha256').update(manifestBytes).digest('hex')}`;
  const reference = `${client.repository.host}/${client.repository.name}@${digest}`;

  const existing = await client.send('HEAD', `manifests/${encodeURIComponent(artifact.tag)}`, {
    headers: { accept: OCI_MANIFEST_TYPE },
  });
  if (existing.ok) {
    const found = existing.headers.get('docker-content-digest');
    if (found === digest) return { digest, reference, unchanged: true, blobsSent: 0 };
    if (!artifact.force && !(await earlierAttempt(client, artifact))) {
      throw new OciError(
        `${client.repository.host}/${client.repository.name}:${artifact.tag} already names another artifact (${found ?? 'unknown digest'}); set input "oci-force" to replace it`,
      );
    }
  } else if (existing.status !== 404) {
    throw await registryFailure(existing, `HEAD manifests/${artifact.tag}`);
  }

  let blobsSent = 0;
  const blobs = [
    {
      digest: configDigest,
      size: artifact.config.byteLength,
      read: (start: number, end: number) => Promise.resolve(artifact.config.subarray(start, end)),
    },
    ...artifact.files.map((file) => ({
      digest: `sha256:${file.sha256}`,
      size: file.size,
      read: fileReader(file.absolute),
    })),
  ];
  for (const blob of blobs) {
    const has = await client.send('HEAD', `blobs/${blob.digest}`);
    if (has.ok) continue;
    await uploadBlob(client, blob, artifact.chunkBytes ?? DEFAULT_CHUNK, artifact.log);
    blobsSent++;
  }
  const put = await client.send('PUT', `manifests/${encodeURIComponent(artifact.tag)}`, {
    headers: { 'content-type': OCI_MANIFEST_TYPE },
    body: manifestBytes,
  });
  if (put.status !== 201) throw await registryFailure(put, `PUT manifests/${artifact.tag}`);
  return { digest, reference, unchanged: false, blobsSent };
}

/** True when the tag's manifest was made by what `replaceable` accepts (one request). */
async function earlierAttempt(client: RegistryClient, artifact: ArtifactToPush): Promise<boolean> {
  if (artifact.replaceable === undefined) return false;
  const answer = await client.send('GET', `manifests/${encodeURIComponent(artifact.tag)}`, {
    headers: { accept: OCI_MANIFEST_TYPE },
  });
  if (!answer.ok) {
    await answer.body?.cancel();
    return false;
  }
  const body: unknown = await answer.json().catch(() => undefined);
  const annotations = isPlainObject(body) && isPlainObject(body['annotations']) ? body['annotations'] : {};
  const texts = Object.fromEntries(
    Object.entries(annotations).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
  return artifact.replaceable(texts);
}

function fileReader(path: string): (start: number, end: number, into?: Buffer) => Promise<Uint8Array> {
  return async (start, end, into) => {
    const handle = await open(path, 'r');
    try {
      const buffer = into === undefined ? Buffer.alloc(end - start) : into.subarray(0, end - start);
      let read = 0;
      while (read < buffer.length) {
        const { bytesRead } = await handle.read(buffer, read, buffer.length - read, start + read);
        if (bytesRead === 0) throw new OciError(`${path} is shorter than when it was hashed`);
        read += bytesRead;
      }
      return buffer;
    } finally {
      await handle.close();
    }
  };
}

/** One blob by the chunked upload of the distribution spec: POST, PATCH each chunk, PUT with the digest. */
async function uploadBlob(
  client: RegistryClient,
  blob: { digest: string; size: number; read: (start: number, end: number, into?: Buffer) => Promise<Uint8Array> },
  chunkBytes: number,
  log: ArtifactToPush['log'],
): Promise<void> {
  const started = await client.send('POST', 'blobs/uploads/');
  if (started.status !== 202) throw await registryFailure(started, 'POST blobs/uploads/');
  let location = nextLocation(client, started);
  let offset = 0;
  // The next chunk is read while this one is sent, into the other of two buffers: memory holds two
  // chunks whatever the blob's size, and none waits for the garbage collector.
  const buffers = blob.size > chunkBytes ? [Buffer.allocUnsafe(chunkBytes), Buffer.allocUnsafe(chunkBytes)] : [];
  let turn = 0;
  let ahead: { start: number; end: number; bytes: Promise<Uint8Array> } | undefined;
  const readAt = (start: number) => {
    const end = Math.min(blob.size, start + chunkBytes);
    const into = buffers[turn++ % 2];
    return { start, end, bytes: blob.read(start, end, into) };
  };
  while (offset < blob.size) {
    const current = ahead?.start === offset ? ahead : readAt(offset);
    const end = current.end;
    const chunk = await current.bytes;
    ahead = end < blob.size ? readAt(end) : undefined;
    let sent = false;
    for (let attempt = 1; attempt <= CHUNK_TRIES && !sent; attempt++) {
      try {
        const patched = await client.send('PATCH', location, {
          headers: {
            'content-type': 'application/octet-stream',
            'content-range': `${offset}-${end - 1}`,
            'content-length': String(chunk.byteLength),
          },
          body: chunk,
        });
        if (patched.status === 202) {
          location = nextLocation(client, patched);
          sent = true;
          continue;
        }
        if (patched.status < 500 || attempt === CHUNK_TRIES) throw await registryFailure(patched, 'PATCH blob chunk');
        await patched.body?.cancel();
      } catch (thrown: unknown) {
        if (thrown instanceof OciError || attempt === CHUNK_TRIES) throw thrown;
      }
      // The registry says how much of the upload it holds; the chunk is resent from there.
      const status = await client.send('GET', location);
      const range = /^0-(\d+)$/.exec(status.headers.get('range') ?? '');
      await status.body?.cancel();
      const held = range === null ? offset : Number(range[1]) + 1;
      log.warning(
        `OCI upload of ${blob.digest.slice(0, 19)} was cut at byte ${held}; resuming (try ${attempt + 1} of ${CHUNK_TRIES})`,
      );
      if (status.status === 204) location = nextLocation(client, status);
      if (held !== offset) {
        // The chunk read ahead fills a buffer the resent chunk is about to take: let it finish first.
        await ahead?.bytes.catch(() => undefined);
        ahead = undefined;
        offset = held;
        break;
      }
    }
    if (sent) offset = end;
  }
  const separator = location.includes('?') ? '&' : '?';
  const done = await client.send('PUT', `${location}${separator}digest=${encodeURIComponent(blob.digest)}`, {
    headers: { 'content-length': '0' },
  });
  if (done.status !== 201) throw await registryFailure(done, `PUT blob ${blob.digest.slice(0, 19)}`);
}

/** The upload's next address, which the registry may give relative to itself. */
function nextLocation(client: RegistryClient, response: Response): string {
  const location = response.headers.get('location');
  if (location === null) throw new OciError('the registry answered an upload without a Location');
  const { scheme, host } = client.repository;
  return new URL(location, `${scheme}://${host}/`).href;
}

const MEDIA_TYPES: [RegExp, string][] = [
  [/\.json$/i, 'application/json'],
  [/(^|\/)MLmodel$|\.ya?ml$/i, 'application/yaml'],
  [/\.md$/i, 'text/markdown'],
  [/\.(txt|csv)$/i, 'text/plain'],
  [/\.onnx$/i, 'application/vnd.onnx'],
  [/\.safetensors$/i, 'application/vnd.safetensors'],
  [/\.(pkl|pickle|joblib)$/i, 'application/vnd.python.pickle'],
];

/** A layer's media type from its file name; anything unknown is a plain byte stream. */
export function mediaTypeOf(path: string): string {
  return MEDIA_TYPES.find(([pattern]) => pattern.test(path))?.[1] ?? 'application/octet-stream';
}
