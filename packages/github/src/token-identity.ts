import type { GitHubClient } from './github-client.ts';

/** The login GitHub shows on comments made with the workflow's GITHUB_TOKEN. */
export const ACTIONS_BOT_LOGIN = 'github-actions[bot]';

/**
 * Who the token acts as, so that we only ever edit our own comments. `GET /user` answers for user
 * tokens; the workflow's installation token gets a 403 there and always comments as the Actions bot.
 */
export async function tokenIdentity(github: GitHubClient): Promise<string> {
  try {
    const response = await github.request('GET /user');
    return response.data.login;
  } catch (thrown: unknown) {
    const status = (thrown as { status?: unknown }).status;
    if (status === 403 || status === 401) return ACTIONS_BOT_LOGIN;
    throw thrown;
  }
}
