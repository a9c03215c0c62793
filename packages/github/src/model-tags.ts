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
