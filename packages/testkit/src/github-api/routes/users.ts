/** `GET /user`: the token's own account. Installation tokens (GITHUB_TOKEN) may not ask. */
import { githubError, json } from '../http-exchange.ts';
import { privateUser } from '../render-account.ts';
import type { Router } from '../router.ts';
import type { GitHubState } from '../state.ts';

export function registerUserRoutes(router: Router, state: GitHubState): void {
  router.add('GET', '/user', (request) => {
    if (request.identity.installation) return githubError(403, 'Resource not accessible by integration');
    return json(200, privateUser(request.baseUrl, state.user(request.identity.login)));
  });
}
