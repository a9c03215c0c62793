import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGitHubClient } from '../src/github-client.ts';
import { findTrendPage } from '../src/trend-page.ts';
import { FULL_NAME, OWNER, REPO, startLocalRepository, type LocalRepository } from './support/local-repository.ts';

const BRANCH = 'ml-history';

let local: LocalRepository;
let debug: string[];

beforeEach(async () => {
  debug = [];
  local = await startLocalRepository();
});
afterEach(async () => {
  try {
    local.api.assertNoViolations();
  } finally {
    await local.close();
  }
});

async function lookUp(github = local.github): Promise<string | undefined> {
  const mark = local.api.requests.length;
  const page = await findTrendPage({
    github,
    context: { owner: OWNER, repo: REPO },
    branch: BRANCH,
    log: { debug: (text) => debug.push(text) },
  });
  expect(local.requestsSince(mark)).toEqual([`GET /repos/${FULL_NAME}/pages`]);
  return page;
}

describe('findTrendPage', () => {
  it("is the Pages site itself when Pages deploys the history branch's /docs", async () => {
    local.api.state.setPages(FULL_NAME, { buildType: 'legacy', source: { branch: BRANCH, path: '/docs' } });
    expect(await lookUp()).toBe('https://octo-org.github.io/churn/');
    expect(debug).toEqual([]);
  });

  it("is the site's docs/ when Pages deploys the history branch's root, also under a custom domain", async () => {
    local.api.state.setPages(FULL_NAME, {
      buildType: 'legacy',
      source: { branch: BRANCH, path: '/' },
      htmlUrl: 'https://models.example.com',
    });
    expect(await lookUp()).toBe('https://models.example.com/docs/');
  });

  it('is undefined when Pages deploys another branch or from a workflow, saying so in a debug line', async () => {
    local.api.state.setPages(FULL_NAME, { buildType: 'legacy', source: { branch: 'gh-pages', path: '/' } });
    expect(await lookUp()).toBeUndefined();
    expect(debug).toEqual([
      'no trend page link: GitHub Pages deploys from branch gh-pages, not from the history branch ml-history',
    ]);
    local.api.state.setPages(FULL_NAME, { buildType: 'workflow', source: { branch: BRANCH, path: '/docs' } });
    expect(await lookUp()).toBeUndefined();
    expect(debug[1]).toBe(
      'no trend page link: GitHub Pages deploys from a workflow (GitHub Actions), not from the history branch ml-history',
    );
  });

  it('is undefined without a Pages site (404)', async () => {
    expect(await lookUp()).toBeUndefined();
    expect(debug).toEqual(['no trend page link: the repository has no GitHub Pages site']);
  });

  it('is undefined, not an error, for a token without pages: read (403)', async () => {
    local.api.state.setPages(FULL_NAME, { buildType: 'legacy', source: { branch: BRANCH, path: '/docs' } });
    const token = 'ghs_noPagesPermission0000000000000000000';
    local.api.tokens.add(token, {
      login: 'github-actions[bot]',
      installation: true,
      permissions: { contents: 'read', 'pull-requests': 'write' },
    });
    const github = await createGitHubClient({
      token,
      apiUrl: local.api.url,
      waitScale: 0.001,
      log: { warn: () => undefined, debug: () => undefined },
    });
    expect(await lookUp(github)).toBeUndefined();
    expect(debug).toEqual([
      "no trend page link: the token may not read the repository's Pages settings (`pages: read`)",
    ]);
    local.api.tokens.add(token, { login: 'github-actions[bot]', installation: true, permissions: { pages: 'read' } });
    expect(await lookUp(github)).toBe('https://octo-org.github.io/churn/');
  });
});
