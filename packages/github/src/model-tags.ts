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

/** Every tag whose name starts with `prefix` (matching-refs answers them all at once, unpaged). */
async function matchingTagRefs(target: RepositoryTarget, prefix: string): Promise<TagRef[]> {
  const response = await target.github.request('GET /repos/{owner}/{repo}/git/matching-refs/{ref}', {
    owner: target.owner,
    repo: target.repo,
    ref: `tags/${prefix}`,
  });
  return response.data.map((ref) => ({ tag: ref.ref.replace(/^refs\/tags\//, ''), object: ref.object }));
}

/** Every tag whose name starts with `<name>@v`. */
export async function listModelTags(target: RepositoryTarget, name: string): Promise<string[]> {
  return (await matchingTagRefs(target, `${name}@v`)).map((ref) => ref.tag);
}

/** Every tag whose name starts with `prefix`, with the commit it names, through its tag object. */
export async function tagsWithCommits(
  target: RepositoryTarget,
  prefix: string,
): Promise<{ tag: string; commit: string }[]> {
  const found = [];
  for (const ref of await matchingTagRefs(target, prefix)) {
    let commit = ref.object.sha;
    if (ref.object.type === 'tag') {
      const object = await target.github.request('GET /repos/{owner}/{repo}/git/tags/{tag_sha}', {
        owner: target.owner,
        repo: target.repo,
        tag_sha: ref.object.sha,
      });
      commit = object.data.object.sha;
    }
    found.push({ tag: ref.tag, commit });
  }
  return found;
}

/**
 * The tags of `name` (`<name>@v…`) that point at commit `sha`: what an earlier attempt of the
 * same run registered.
 */
export async function modelTagsOnCommit(target: RepositoryTarget, name: string, sha: string): Promise<string[]> {
  return (await tagsWithCommits(target, `${name}@v`)).filter((entry) => entry.commit === sha).map((entry) => entry.tag);
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
