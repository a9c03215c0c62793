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

/** Creates a lightweight tag; an existing tag is refused, never moved. */
export async function createTag(target: RepositoryTarget, tag: string, sha: string): Promise<void> {
  try {
    await target.github.request('POST /repos/{owner}/{repo}/git/refs', {
      owner: target.owner,
      repo: target.repo,
      ref: `refs/tags/${tag}`,
      sha,
    });
  } catch (thrown: unknown) {
    if ((thrown as { status?: unknown }).status === 422) {
      throw new UserError(`tag ${tag} exists already; model versions are never overwritten`);
    }
    throw thrown;
  }
}

/** Creates a release for a tag with the model card as its notes, and attaches files. */
export async function createRelease(
  target: RepositoryTarget,
  options: {
    tag: string;
    name: string;
    body: string;
    prerelease: boolean;
    assets: { name: string; data: Buffer; contentType: string }[];
  },
): Promise<{ id: number; url: string }> {
  const release = await target.github.request('POST /repos/{owner}/{repo}/releases', {
    owner: target.owner,
    repo: target.repo,
    tag_name: options.tag,
    name: options.name,
    body:
      options.body.length > 125_000
        ? `${options.body.slice(0, 124_900)}\n\n… cut to fit GitHub's limit.`
        : options.body,
    prerelease: options.prerelease,
  });
  for (const asset of options.assets) {
    await target.github.request('POST {origin}/repos/{owner}/{repo}/releases/{release_id}/assets{?name,label}', {
      origin: new URL(release.data.upload_url).origin,
      owner: target.owner,
      repo: target.repo,
      release_id: release.data.id,
      name: asset.name,
      data: asset.data as unknown as string,
      headers: { 'content-type': asset.contentType },
    });
  }
  return { id: release.data.id, url: release.data.html_url };
}
