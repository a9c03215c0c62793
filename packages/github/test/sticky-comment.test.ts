import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { upsertStickyComment, type StickyCommentRequest } from '../src/sticky-comment.ts';
import { ACTIONS_BOT_LOGIN, tokenIdentity } from '../src/token-identity.ts';
import { createGitHubClient } from '../src/github-client.ts';
import { FULL_NAME, OWNER, REPO, startLocalRepository, type LocalRepository } from './support/local-repository.ts';

const MARKER = '<!-- ml-actions:compare:train -->';
const PULL = 7;
const COMMENTS = `/repos/${FULL_NAME}/issues/${PULL}/comments`;
const comment = (id: number): string => `/repos/${FULL_NAME}/issues/comments/${id}`;

let local: LocalRepository;

beforeEach(async () => {
  local = await startLocalRepository();
  const headSha = local.api.state.addCommit(FULL_NAME, { parents: [local.rootSha], message: 'feature' }).sha;
  local.api.state.addPull(FULL_NAME, { number: PULL, head: { ref: 'feature', sha: headSha }, base: { ref: 'main' } });
});
afterEach(async () => {
  try {
    local.api.assertNoViolations();
  } finally {
    await local.close();
  }
});

/** Upserts our comment on the pull request, as the Actions bot unless told otherwise. */
function upsert(body: string, changes: Partial<StickyCommentRequest> = {}) {
  return upsertStickyComment({
    github: local.github,
    owner: OWNER,
    repo: REPO,
    issueNumber: PULL,
    marker: MARKER,
    body: `${MARKER}\n${body}`,
    identity: ACTIONS_BOT_LOGIN,
    ...changes,
  });
}

/** A comment already on the pull request. */
function seed(user: string, body: string): number {
  return local.api.state.addComment(FULL_NAME, PULL, { user, body }).id;
}

const bodies = () => local.api.state.comments(FULL_NAME, PULL).map((c) => [c.user, c.body]);

describe('the sticky comment', () => {
  it('is created once, then the second call edits that same comment', async () => {
    const first = await upsert('accuracy 0.90');
    const [created] = local.api.state.comments(FULL_NAME, PULL);
    expect(first).toEqual({
      id: created?.id,
      url: `https://github.com/${FULL_NAME}/pull/${PULL}#issuecomment-${created?.id}`,
      created: true,
    });
    expect(created?.user).toBe(ACTIONS_BOT_LOGIN);

    const mark = local.api.requests.length;
    const second = await upsert('accuracy 0.92');
    expect(second).toEqual({ ...first, created: false });
    expect(bodies()).toEqual([[ACTIONS_BOT_LOGIN, `${MARKER}\naccuracy 0.92`]]);
    expect(local.requestsSince(mark)).toEqual([`GET ${COMMENTS}`, `PATCH ${comment(first.id)}`]);
  });

  it("never takes over another user's comment that carries the marker: ours is added beside it", async () => {
    const theirs = seed('mallory', `${MARKER}\nforged verdict: all good`);
    const first = await upsert('accuracy 0.90');
    const second = await upsert('accuracy 0.92');

    expect(first.created).toBe(true);
    expect(first.id).not.toBe(theirs);
    expect(second).toEqual({ ...first, created: false });
    expect(bodies()).toEqual([
      ['mallory', `${MARKER}\nforged verdict: all good`],
      [ACTIONS_BOT_LOGIN, `${MARKER}\naccuracy 0.92`],
    ]);
    const touched = local.api.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`);
    expect(touched).toEqual([`POST ${COMMENTS}`, `PATCH ${comment(first.id)}`]);
  });

  it("with a user token, is that user's comment: the Actions bot's marked comment is not edited", async () => {
    local.api.tokens.add('ghp_releaseBotUserToken', { login: 'release-bot' });
    const github = await createGitHubClient({
      token: 'ghp_releaseBotUserToken',
      apiUrl: local.api.url,
      waitScale: 0.001,
      log: { warn: () => undefined, debug: () => undefined },
    });
    const identity = await tokenIdentity(github);
    expect(identity).toBe('release-bot');
    // The workflow's own token cannot read /user, and comments as the Actions bot.
    expect(await tokenIdentity(local.github)).toBe(ACTIONS_BOT_LOGIN);

    const bots = seed(ACTIONS_BOT_LOGIN, `${MARKER}\nfrom the workflow token`);
    const result = await upsert('accuracy 0.90', { github, identity });
    expect(result.created).toBe(true);
    expect(bodies()).toEqual([
      [ACTIONS_BOT_LOGIN, `${MARKER}\nfrom the workflow token`],
      ['release-bot', `${MARKER}\naccuracy 0.90`],
    ]);
    expect(result.id).not.toBe(bots);
  });

  it('is found past the first page of a busy pull request, not posted again', async () => {
    for (let i = 0; i < 120; i++) seed('reviewer', `comment ${i}`);
    const ours = seed(ACTIONS_BOT_LOGIN, `${MARKER}\nold`);
    const mark = local.api.requests.length;
    const result = await upsert('new');

    expect(result).toMatchObject({ id: ours, created: false });
    expect(local.api.state.comment(ours)?.body).toBe(`${MARKER}\nnew`);
    expect(local.api.state.comments(FULL_NAME, PULL)).toHaveLength(121);
    expect(local.requestsSince(mark)).toEqual([`GET ${COMMENTS}`, `GET ${COMMENTS}`, `PATCH ${comment(ours)}`]);
  });

  it('keeps the oldest of our marked comments and deletes the others', async () => {
    const oldest = seed(ACTIONS_BOT_LOGIN, `${MARKER}\none`);
    const other = seed(ACTIONS_BOT_LOGIN, 'no marker: not the sticky comment');
    const duplicate = seed(ACTIONS_BOT_LOGIN, `${MARKER}\ntwo`);
    const result = await upsert('three');

    expect(result).toMatchObject({ id: oldest, created: false });
    expect(local.api.state.comment(duplicate)).toBeUndefined();
    expect(local.api.state.comment(other)?.body).toBe('no marker: not the sticky comment');
    expect(local.api.state.comment(oldest)?.body).toBe(`${MARKER}\nthree`);
  });

  it('is created anew when ours is deleted between the listing and the edit', async () => {
    const ours = seed(ACTIONS_BOT_LOGIN, `${MARKER}\nold`);
    local.api.faults.add({
      method: 'PATCH',
      path: comment(ours),
      before: () => local.api.state.deleteComment(ours),
    });
    const result = await upsert('new');

    expect(result.created).toBe(true);
    expect(result.id).not.toBe(ours);
    expect(bodies()).toEqual([[ACTIONS_BOT_LOGIN, `${MARKER}\nnew`]]);
  });

  it('ends as one comment when another job posts its own while we post ours: the older one stays, with our text', async () => {
    let racing = 0;
    local.api.faults.add({
      method: 'POST',
      path: COMMENTS,
      before: () => (racing = seed(ACTIONS_BOT_LOGIN, `${MARKER}\nthe other job's text`)),
    });
    const result = await upsert('our text');

    expect(result).toMatchObject({ id: racing, created: false });
    expect(bodies()).toEqual([[ACTIONS_BOT_LOGIN, `${MARKER}\nour text`]]);
  });

  it('ends as one comment when another job posts its own just after ours: ours, the older, stays', async () => {
    let listings = 0;
    let racing = 0;
    local.api.faults.add({
      method: 'GET',
      path: COMMENTS,
      times: 2,
      // The second listing is the look after our create; the other job's comment lands just before it.
      before: () => {
        if (++listings === 2) racing = seed(ACTIONS_BOT_LOGIN, `${MARKER}\nthe other job's text`);
      },
    });
    const result = await upsert('our text');

    expect(result.created).toBe(true);
    expect(racing).toBeGreaterThan(result.id);
    expect(local.api.state.comment(racing)).toBeUndefined();
    expect(bodies()).toEqual([[ACTIONS_BOT_LOGIN, `${MARKER}\nour text`]]);
  });
});
