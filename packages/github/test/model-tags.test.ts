import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTag, listModelTags, modelTagsOnCommit } from '../src/model-tags.ts';
import { ACTIONS_BOT_LOGIN } from '../src/token-identity.ts';
import { FULL_NAME, OWNER, REPO, startLocalRepository, type LocalRepository } from './support/local-repository.ts';

const MESSAGE = 'Registering artifact churn version v1.2.0';

let local: LocalRepository;

beforeEach(async () => {
  local = await startLocalRepository();
});
afterEach(async () => {
  try {
    local.api.assertNoViolations();
  } finally {
    await local.close();
  }
});

const target = () => ({ github: local.github, owner: OWNER, repo: REPO });

/** An annotated tag `tag` of `sha`, as GTO (and createTag) makes them. */
function annotated(tag: string, sha: string): string {
  const object = local.api.state.addTagObject({
    tag,
    message: `Registering ${tag}`,
    object: sha,
    tagger: { name: 'someone', email: 'someone@example.test', date: '2026-01-01T00:00:00Z' },
  });
  local.api.state.setRef(FULL_NAME, `tags/${tag}`, object.sha);
  return object.sha;
}

function lightweight(tag: string, sha: string): void {
  local.api.state.setRef(FULL_NAME, `tags/${tag}`, sha);
}

describe('model version tags', () => {
  it("lists every tag of the model, annotated or lightweight, and no other model's or branch's", async () => {
    lightweight('churn@v1.0.0', local.rootSha);
    annotated('churn@v1.1.0', local.rootSha);
    annotated('churn-large@v2.0.0', local.rootSha);
    lightweight('other@v1.0.0', local.rootSha);
    local.api.state.setRef(FULL_NAME, 'heads/churn@v9.0.0', local.rootSha);
    const mark = local.api.requests.length;

    expect(await listModelTags(target(), 'churn')).toEqual(['churn@v1.0.0', 'churn@v1.1.0']);
    expect(local.requestsSince(mark)).toHaveLength(1);
  });

  it('lists none for a model never tagged', async () => {
    lightweight('other@v1.0.0', local.rootSha);
    expect(await listModelTags(target(), 'churn')).toEqual([]);
  });

  it("finds the tags on one commit through their tag objects, not other commits' tags", async () => {
    const other = local.api.state.addCommit(FULL_NAME, { branch: 'main', message: 'later' }).sha;
    annotated('churn@v1.0.0', local.rootSha);
    lightweight('churn@v1.0.1', local.rootSha);
    annotated('churn@v1.1.0', other);
    annotated('other@v1.0.0', local.rootSha);

    expect(await modelTagsOnCommit(target(), 'churn', local.rootSha)).toEqual(['churn@v1.0.0', 'churn@v1.0.1']);
    expect(await modelTagsOnCommit(target(), 'churn', other)).toEqual(['churn@v1.1.0']);
  });

  it('creates an annotated tag of the commit, with the message, tagged by the token', async () => {
    const mark = local.api.requests.length;
    expect(await createTag(target(), 'churn@v1.2.0', local.rootSha, MESSAGE)).toBe(true);

    const objectSha = local.api.state.ref(FULL_NAME, 'tags/churn@v1.2.0') ?? '';
    expect(local.api.state.tagObject(objectSha)).toMatchObject({
      tag: 'churn@v1.2.0',
      message: `${MESSAGE}\n`,
      object: local.rootSha,
      tagger: { name: ACTIONS_BOT_LOGIN },
    });
    expect(local.requestsSince(mark)).toEqual([
      `POST /repos/${FULL_NAME}/git/tags`,
      `POST /repos/${FULL_NAME}/git/refs`,
    ]);
    expect(await modelTagsOnCommit(target(), 'churn', local.rootSha)).toEqual(['churn@v1.2.0']);
  });

  it('never moves an existing tag: the answer is false and the tag still points where it did', async () => {
    const later = local.api.state.addCommit(FULL_NAME, { branch: 'main', message: 'later' }).sha;
    const existing = annotated('churn@v1.2.0', local.rootSha);

    expect(await createTag(target(), 'churn@v1.2.0', later, MESSAGE)).toBe(false);
    expect(local.api.state.ref(FULL_NAME, 'tags/churn@v1.2.0')).toBe(existing);
    expect(await modelTagsOnCommit(target(), 'churn', later)).toEqual([]);
  });

  it('loses to another run that takes the version between our tag object and our ref', async () => {
    const later = local.api.state.addCommit(FULL_NAME, { branch: 'main', message: 'later' }).sha;
    local.api.faults.add({
      method: 'POST',
      path: `/repos/${FULL_NAME}/git/refs`,
      before: () => lightweight('churn@v1.2.0', local.rootSha),
    });

    expect(await createTag(target(), 'churn@v1.2.0', later, MESSAGE)).toBe(false);
    expect(local.api.state.ref(FULL_NAME, 'tags/churn@v1.2.0')).toBe(local.rootSha);
  });

  it('fails, rather than answering "taken", when GitHub refuses the ref for another reason', async () => {
    local.api.faults.add({ method: 'POST', path: `/repos/${FULL_NAME}/git/refs`, status: 403 });
    await expect(createTag(target(), 'churn@v1.2.0', local.rootSha, MESSAGE)).rejects.toMatchObject({ status: 403 });
    expect(local.api.state.ref(FULL_NAME, 'tags/churn@v1.2.0')).toBeUndefined();
  });
});
