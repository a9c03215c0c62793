/** `GET /repos/{owner}/{repo}`. */
import { json } from '../http-exchange.ts';
import { fullRepository } from '../render-repository.ts';
import type { Router } from '../router.ts';
import type { GitHubState } from '../state.ts';
import { requireRepo } from './repo-lookup.ts';

export function registerRepositoryRoutes(router: Router, state: GitHubState): void {
  router.add('GET', '/repos/{owner}/{repo}', (request) =>
    json(200, fullRepository(request.baseUrl, state, requireRepo(state, request))),
  );
}
