import type { GitHubClient } from './github-client.ts';

export interface RepositoryTarget {
  github: GitHubClient;
  owner: string;
  repo: string;
}

interface TagRef {
  tag: string;
  /** What the ref points at: an annotated tag object (as ours are) or, for a lightweight tag, the commit. */
  object: { sha: string; type: string };
}

async function matchingTagRefs(target: RepositoryTarget, name: string): Promise<TagRef[]> {
  const response = await target.github.request('GET /repos/{owner}/{repo}/git/matching-refs/{ref}', {
    owner: target.owner,
    repo: target.repo,
    ref: `tags/${name}@v`,
  });
  return response.data.map((ref) => ({ tag: ref.ref.replace(/^refs\/tags\//, ''), object: ref.object }));
}

/** Every tag whose name starts with `<name>@v` (matching-refs answers them all at once, unpaged). */
export async function listModelTags(target: RepositoryTarget, name: string): Promise<string[]> {
  return (await matchingTagRefs(target, name)).map((ref) => ref.tag);
}

/**
 * The tags of `name` (`<name>@v…`) that point at commit `sha`, through their tag objects: what an
 * earlier attempt of the same run registered.
 */
export async function modelTagsOnCommit(target: RepositoryTarget, name: string, sha: string): Promise<string[]> {
  const found: string[] = [];
  for (const ref of await matchingTagRefs(target, name)) {
    let commit = ref.object.sha;
    if (ref.object.type === 'tag') {
      const object = await target.github.request('GET /repos/{owner}/{repo}/git/tags/{tag_sha}', {
        owner: target.owner,
        repo: target.repo,
        tag_sha: ref.object.sha,
      });
      commit = object.data.object.sha;
    }
    if (commit === sha) found.push(ref.tag);
  }
  return found;
}

/**
 * Registers a model version as GTO does: an annotated tag (GTO ignores lightweight tags) with
 * `message` (see `registrationMessage`), tagged by the token's identity. An existing tag is never
 * moved: the answer is then false (another run took the version), true when the tag was created.
 */
export async function createTag(target: RepositoryTarget, tag: string, sha: string, message: string): Promise<boolean> {
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
    return true;
  } catch (thrown: unknown) {
    // The tag object left behind is unreferenced, and git collects it.
    if ((thrown as { status?: unknown }).status === 422) return false;
    throw thrown;
  }
}

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
