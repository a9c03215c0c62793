import { UserError } from '@ml-actions/core';
import type { GitHubClient } from './github-client.ts';

export interface RepositoryTarget {
  github: GitHubClient;
  owner: string;
  repo: string;
}

/** Every tag whose name starts with `<name>@v` (matching-refs answers them all at once, unpaged). */
export async function listModelTags(target: RepositoryTarget, name: string): Promise<string[]> {
  const response = await target.github.request('GET /repos/{owner}/{repo}/git/matching-refs/{ref}', {
    owner: target.owner,
    repo: target.repo,
    ref: `tags/${name}@v`,
  });
  return response.data.map((ref) => ref.ref.replace(/^refs\/tags\//, ''));
}

/**
 * Registers a model version as GTO does: an annotated tag (GTO ignores lightweight tags) with
 * `message` (see `registrationMessage`), tagged by the token's identity. An existing tag is
 * refused, never moved.
 */
export async function createTag(target: RepositoryTarget, tag: string, sha: string, message: string): Promise<void> {
  const repository = { owner: target.owner, repo: target.repo };
  const object = await target.github.request('POST /repos/{owner}/{repo}/git/tags', {
    ...repository,
    tag,
    message,
    object: sha,
    type: 'commit',
  });
  try {
    await target.github.request('POST /repos/{owner}/{repo}/git/refs', {
      ...repository,
      ref: `refs/tags/${tag}`,
      sha: object.data.sha,
    });
  } catch (thrown: unknown) {
    // The tag object left behind is unreferenced, and git collects it.
    if ((thrown as { status?: unknown }).status === 422) {
      throw new UserError(`tag ${tag} exists already; model versions are never overwritten`);
    }
    throw thrown;
  }
}

/** GitHub refuses release notes over 125,000 characters. */
const MAX_RELEASE_BODY = 125_000;

export interface ReleaseAsset {
  name: string;
  data: Buffer;
  contentType: string;
}

/** Creates the release of an existing tag, with the model card as its notes, and attaches the assets. */
export async function createRelease(
  target: RepositoryTarget,
  options: { tag: string; name: string; body: string; prerelease: boolean; assets: readonly ReleaseAsset[] },
): Promise<{ id: number; url: string }> {
  const body =
    options.body.length > MAX_RELEASE_BODY
      ? `${options.body.slice(0, MAX_RELEASE_BODY - 100)}\n\n… cut to fit GitHub's limit; README.md in the package has it all.`
      : options.body;
  const release = await target.github.request('POST /repos/{owner}/{repo}/releases', {
    owner: target.owner,
    repo: target.repo,
    tag_name: options.tag,
    name: options.name,
    body,
    prerelease: options.prerelease,
  });
  // Assets go to the host in the release's upload_url (uploads.github.com on GitHub), given as the
  // base URL: a URL inside a template variable would be percent-encoded.
  const uploadUrl = new URL(release.data.upload_url.replace(/\{[^}]*\}$/, ''));
  for (const asset of options.assets) {
    await target.github.request('POST /repos/{owner}/{repo}/releases/{release_id}/assets{?name,label}', {
      baseUrl: uploadUrl.origin,
      owner: target.owner,
      repo: target.repo,
      release_id: release.data.id,
      name: asset.name,
      // Octokit's types want a string; a Buffer is sent as is, byte for byte.
      data: asset.data as unknown as string,
      headers: { 'content-type': asset.contentType },
    });
  }
  return { id: release.data.id, url: release.data.html_url };
}
