import type { RepositoryTarget } from './model-tags.ts';

/** Releases of model versions: the notes are the model card, the manifest is attached. */

/** The web page of the release of `tag`, or undefined when the tag has none. */
export async function findRelease(target: RepositoryTarget, tag: string): Promise<string | undefined> {
  try {
    const release = await target.github.request('GET /repos/{owner}/{repo}/releases/tags/{tag}', {
      owner: target.owner,
      repo: target.repo,
      tag,
    });
    return release.data.html_url;
  } catch (thrown: unknown) {
    if ((thrown as { status?: unknown }).status === 404) return undefined;
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
