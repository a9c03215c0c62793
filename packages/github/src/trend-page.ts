/**
 * Where the trend page is published, as GitHub says: the history action writes it to the history
 * branch's `docs/` folder, and GitHub Pages serves it when the repository's Pages site deploys
 * from that branch. The address comes from GitHub's answer about this repository only, never
 * from a run record or the history itself.
 */
import { TREND_PAGE_FOLDER, safeUrl } from '@ml-actions/core';
import type { ActionContext } from './action-context.ts';
import type { GitHubClient } from './github-client.ts';
import { describeGitHubFailure } from './github-failure.ts';
import type { Log } from './step-log.ts';

export interface TrendPageLookup {
  github: GitHubClient;
  context: Pick<ActionContext, 'owner' | 'repo'>;
  /** The history branch, without `refs/heads/`. */
  branch: string;
  log: Pick<Log, 'debug'>;
}

/**
 * The web address of the trend page (ending in `/`), in one request; undefined, said in a debug
 * line, when Pages is off (404), deploys another branch or from a workflow, or the token may not
 * read it (403 without `pages: read`): a link is a nicety, so nothing here fails a step.
 */
export async function findTrendPage(lookup: TrendPageLookup): Promise<string | undefined> {
  const { github, context, branch, log } = lookup;
  let pages: { html_url?: string; build_type?: string | null; source?: { branch: string; path: string } };
  try {
    pages = (await github.request('GET /repos/{owner}/{repo}/pages', { owner: context.owner, repo: context.repo }))
      .data;
  } catch (thrown: unknown) {
    const status = (thrown as { status?: unknown }).status;
    const why =
      status === 404
        ? 'the repository has no GitHub Pages site'
        : status === 403
          ? "the token may not read the repository's Pages settings (`pages: read`)"
          : (describeGitHubFailure(thrown) ?? String(thrown));
    log.debug(`no trend page link: ${why}`);
    return undefined;
  }
  const source = pages.source;
  if (pages.build_type !== 'legacy' || source === undefined || source.branch !== branch) {
    const from =
      pages.build_type === 'legacy' && source !== undefined ? `branch ${source.branch}` : 'a workflow (GitHub Actions)';
    log.debug(`no trend page link: GitHub Pages deploys from ${from}, not from the history branch ${branch}`);
    return undefined;
  }
  const site = safeUrl(pages.html_url);
  if (site === undefined) {
    log.debug('no trend page link: GitHub gave no http(s) address for the Pages site');
    return undefined;
  }
  const root = site.endsWith('/') ? site : `${site}/`;
  if (source.path === `/${TREND_PAGE_FOLDER}`) return root;
  if (source.path === '/') return `${root}${TREND_PAGE_FOLDER}/`;
  log.debug(`no trend page link: GitHub Pages serves ${source.path} of ${branch}, not /${TREND_PAGE_FOLDER} or /`);
  return undefined;
}
