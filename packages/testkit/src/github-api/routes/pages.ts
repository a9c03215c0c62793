/**
 * `GET /repos/{owner}/{repo}/pages`: the repository's GitHub Pages site as `state.setPages`
 * configured it, 404 when it has none, and 403 for a token without `pages: read`.
 */
import { githubError, json, notFound } from '../http-exchange.ts';
import type { Router } from '../router.ts';
import type { GitHubState } from '../state.ts';
import { canRead } from '../tokens.ts';
import { requireRepo } from './repo-lookup.ts';

export function registerPagesRoutes(router: Router, state: GitHubState): void {
  router.add('GET', '/repos/{owner}/{repo}/pages', (request) => {
    const repo = requireRepo(state, request);
    if (!canRead(request.identity, 'pages')) {
      return {
        ...githubError(403, 'Resource not accessible by integration'),
        headers: { 'x-accepted-github-permissions': 'pages=read' },
      };
    }
    const pages = state.pages(repo.fullName) ?? notFound();
    return json(200, {
      url: `${request.baseUrl}/repos/${repo.fullName}/pages`,
      status: 'built',
      cname: null,
      custom_404: false,
      html_url: pages.htmlUrl ?? `https://${repo.owner.toLowerCase()}.github.io/${repo.name}/`,
      build_type: pages.buildType,
      ...(pages.source === undefined ? {} : { source: pages.source }),
      public: !repo.private,
      https_enforced: true,
    });
  });
}
