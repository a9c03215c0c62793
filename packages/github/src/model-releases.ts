import { createHash } from 'node:crypto';
import { errorMessage, renderSha256Sums, UserError } from '@ml-actions/core';
import type { RepositoryTarget } from './model-tags.ts';
import type { Log } from './step-log.ts';
import { streamingFetch } from './streaming-fetch.ts';

/**
 * Releases of model versions: the notes are the model card, the package's files are the assets.
 * A release is made as a draft, filled, and published last, so that no one sees a release whose
 * assets are still arriving; a failure deletes the draft.
 */

/** The web page of the published release of `tag`, or undefined when the tag has none. */
export async function findRelease(target: RepositoryTarget, tag: string): Promise<string | undefined> {
  try {
    const release = await target.github.request('GET /repos/{owner}/{repo}/releases/tags/{tag}', {
      owner: target.owner,
      repo: target.repo,
      tag,
    });
    return release.data.html_url;
  } catch (thrown: unknown) {
    if (statusOf(thrown) === 404) return undefined;
    throw thrown;
  }
}

/** GitHub refuses release notes over 125,000 characters. */
const MAX_RELEASE_BODY = 125_000;
/** Tries per asset: a cut connection or a 5xx answer is sent again from its first byte. */
const UPLOAD_TRIES = 3;

/** An asset to upload: its bytes are read from `open()` once per try, never held whole. */
export interface ReleaseAsset {
  name: string;
  contentType: string;
  size: number;
  open(): AsyncIterable<Uint8Array>;
}

/** An asset held in memory (manifest.json, the card): small files. */
export function bufferAsset(name: string, data: Buffer, contentType: string): ReleaseAsset {
  return {
    name,
    contentType,
    size: data.length,
    // eslint-disable-next-line @typescript-eslint/require-await
    open: async function* () {
      yield data;
    },
  };
}

export interface UploadedAsset {
  name: string;
  size: number;
  sha256: string;
}

export interface CreatedRelease {
  id: number;
  url: string;
  /** In upload order, the SHA256SUMS asset last when one was asked for. */
  assets: UploadedAsset[];
}

export interface CreateReleaseOptions {
  tag: string;
  name: string;
  body: string;
  prerelease: boolean;
  assets: readonly ReleaseAsset[];
  /** The name of an asset, uploaded after the others, listing their sha256 (`sha256sum -c` reads it). */
  sumsAsset?: string;
  log: Pick<Log, 'info' | 'warning'>;
  /** Milliseconds before an upload is tried again (multiplied by the try's number). */
  retryWaitMs?: number;
}

/**
 * Creates the release of an existing tag as a draft, uploads the assets (streamed, each hashed as
 * it is sent), then a SHA256SUMS of them, and publishes it. A draft of the same tag left by an
 * earlier attempt is deleted first; on a failure the new draft is deleted before the error is thrown.
 */
export async function createRelease(target: RepositoryTarget, options: CreateReleaseOptions): Promise<CreatedRelease> {
  const { log } = options;
  for (const draft of await draftsOfTag(target, options.tag)) {
    log.info(`deleting draft release ${draft} of ${options.tag}, left by an earlier attempt`);
    await deleteRelease(target, draft);
  }
  const body =
    options.body.length > MAX_RELEASE_BODY
      ? `${options.body.slice(0, MAX_RELEASE_BODY - 100)}\n\n… cut to fit GitHub's limit; README.md in the package has it all.`
      : options.body;
  let created;
  try {
    created = await target.github.request('POST /repos/{owner}/{repo}/releases', {
      owner: target.owner,
      repo: target.repo,
      tag_name: options.tag,
      name: options.name,
      body,
      draft: true,
      prerelease: options.prerelease,
    });
  } catch (thrown: unknown) {
    if (statusOf(thrown) === 422 && /already_exists/.test(JSON.stringify(responseData(thrown) ?? ''))) {
      throw new UserError(
        `a release of tag ${options.tag} exists already and is not this run's; delete it or package another version`,
      );
    }
    throw thrown;
  }
  const id = created.data.id;
  // Assets go to the host in the release's upload_url (uploads.github.com on GitHub), given as the
  // base URL: a URL inside a template variable would be percent-encoded.
  const uploadOrigin = new URL(created.data.upload_url.replace(/\{[^}]*\}$/, '')).origin;
  try {
    const uploaded: UploadedAsset[] = [];
    for (const asset of options.assets) {
      uploaded.push(await uploadAsset(target, { id, uploadOrigin }, asset, options));
    }
    if (options.sumsAsset !== undefined) {
      const sums = Buffer.from(renderSha256Sums(uploaded.map((asset) => ({ path: asset.name, ...asset }))), 'utf8');
      uploaded.push(
        await uploadAsset(target, { id, uploadOrigin }, bufferAsset(options.sumsAsset, sums, 'text/plain'), options),
      );
    }
    const published = await target.github.request('PATCH /repos/{owner}/{repo}/releases/{release_id}', {
      owner: target.owner,
      repo: target.repo,
      release_id: id,
      draft: false,
    });
    return { id, url: published.data.html_url, assets: uploaded };
  } catch (thrown: unknown) {
    await deleteRelease(target, id).catch((deletion: unknown) => {
      log.warning(`the draft release ${id} of ${options.tag} could not be deleted: ${String(deletion)}`);
    });
    throw thrown;
  }
}

async function uploadAsset(
  target: RepositoryTarget,
  release: { id: number; uploadOrigin: string },
  asset: ReleaseAsset,
  options: CreateReleaseOptions,
): Promise<UploadedAsset> {
  for (let attempt = 1; ; attempt++) {
    const hash = createHash('sha256');
    let sent = 0;
    const body = async function* (): AsyncGenerator<Uint8Array> {
      for await (const chunk of asset.open()) {
        hash.update(chunk);
        sent += chunk.length;
        yield chunk;
      }
    };
    try {
      await target.github.request('POST /repos/{owner}/{repo}/releases/{release_id}/assets{?name,label}', {
        baseUrl: release.uploadOrigin,
        owner: target.owner,
        repo: target.repo,
        release_id: release.id,
        name: asset.name,
        // Octokit's types want a string; the async iterable is streamed by streamingFetch.
        data: body() as unknown as string,
        headers: { 'content-type': asset.contentType, 'content-length': String(asset.size) },
        // A stream cannot be sent twice: this function retries, from the asset's first byte.
        request: { retries: 0, fetch: streamingFetch },
      });
      if (sent !== asset.size) throw new Error(`${asset.name}: ${sent} bytes were read, ${asset.size} expected`);
      return { name: asset.name, size: asset.size, sha256: hash.digest('hex') };
    } catch (thrown: unknown) {
      const status = statusOf(thrown);
      const transient = status === undefined || status >= 500 || isAlreadyThere(thrown);
      if (!transient || attempt >= UPLOAD_TRIES || sent > asset.size) {
        throw new Error(
          `uploading release asset ${asset.name} (${asset.size} bytes) failed${attempt > 1 ? ` after ${attempt} tries` : ''}: ${errorMessage(thrown)}`,
          { cause: thrown },
        );
      }
      options.log.warning(
        `uploading release asset ${asset.name} failed (${errorMessage(thrown)}); sending it again (try ${attempt + 1} of ${UPLOAD_TRIES})`,
      );
      // GitHub may keep what a cut upload left under the name; it must go before the name is used again.
      await deleteAssetNamed(target, release.id, asset.name);
      await new Promise((resolve) => setTimeout(resolve, (options.retryWaitMs ?? 1000) * attempt));
    }
  }
}

async function draftsOfTag(target: RepositoryTarget, tag: string): Promise<number[]> {
  const releases = await target.github.paginate('GET /repos/{owner}/{repo}/releases', {
    owner: target.owner,
    repo: target.repo,
    per_page: 100,
  });
  return releases.filter((release) => release.draft && release.tag_name === tag).map((release) => release.id);
}

async function deleteRelease(target: RepositoryTarget, id: number): Promise<void> {
  await target.github.request('DELETE /repos/{owner}/{repo}/releases/{release_id}', {
    owner: target.owner,
    repo: target.repo,
    release_id: id,
  });
}

async function deleteAssetNamed(target: RepositoryTarget, releaseId: number, name: string): Promise<void> {
  const assets = await target.github.paginate('GET /repos/{owner}/{repo}/releases/{release_id}/assets', {
    owner: target.owner,
    repo: target.repo,
    release_id: releaseId,
    per_page: 100,
  });
  for (const asset of assets.filter((entry) => entry.name === name)) {
    await target.github.request('DELETE /repos/{owner}/{repo}/releases/assets/{asset_id}', {
      owner: target.owner,
      repo: target.repo,
      asset_id: asset.id,
    });
  }
}

function statusOf(thrown: unknown): number | undefined {
  const status = (thrown as { status?: unknown } | null)?.status;
  // Octokit reports a connection that failed before any answer as status 500 with no response.
  if (typeof status !== 'number') return undefined;
  if (status === 500 && (thrown as { response?: unknown }).response === undefined) return undefined;
  return status;
}

function responseData(thrown: unknown): unknown {
  return (thrown as { response?: { data?: unknown } } | null)?.response?.data;
}

function isAlreadyThere(thrown: unknown): boolean {
  return statusOf(thrown) === 422 && /already_exists/.test(JSON.stringify(responseData(thrown) ?? ''));
}

/**
 * Where a version lives and what it is: its release's address and the sha256 of the release's
 * manifest.json (the package's digest), or undefined when the tag has no published release.
 */
export async function releasedPackage(
  target: RepositoryTarget,
  tag: string,
): Promise<{ url: string; manifestSha256: string | undefined; manifest: Buffer | undefined } | undefined> {
  let release;
  try {
    release = await target.github.request('GET /repos/{owner}/{repo}/releases/tags/{tag}', {
      owner: target.owner,
      repo: target.repo,
      tag,
    });
  } catch (thrown: unknown) {
    if (statusOf(thrown) === 404) return undefined;
    throw thrown;
  }
  const manifest = release.data.assets.find((asset) => asset.name === 'manifest.json');
  if (manifest === undefined) return { url: release.data.html_url, manifestSha256: undefined, manifest: undefined };
  // GitHub answers the raw bytes (through a redirect to its storage) for this media type.
  const bytes = await target.github.request('GET /repos/{owner}/{repo}/releases/assets/{asset_id}', {
    owner: target.owner,
    repo: target.repo,
    asset_id: manifest.id,
    headers: { accept: 'application/octet-stream' },
  });
  const data = bytes.data as unknown;
  const buffer =
    data instanceof ArrayBuffer
      ? Buffer.from(data)
      : Buffer.from(typeof data === 'string' ? data : JSON.stringify(data));
  return {
    url: release.data.html_url,
    manifestSha256: createHash('sha256').update(buffer).digest('hex'),
    manifest: buffer,
  };
}
