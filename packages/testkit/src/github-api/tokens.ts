/**
 * Which token is whom. The real GITHUB_TOKEN is an installation token: it acts as
 * `github-actions[bot]`, cannot read `/user`, and on fork pull requests it is read-only.
 */

export interface TokenIdentity {
  login: string;
  /** An installation (GitHub App) token such as GITHUB_TOKEN, rather than a user's token. */
  installation: boolean;
  /** Every write answers 403, as with the GITHUB_TOKEN of a pull request from a fork. */
  readOnly: boolean;
}

export interface TokenOptions {
  login: string;
  installation?: boolean;
  readOnly?: boolean;
}

export class TokenRegistry {
  private readonly tokens = new Map<string, TokenIdentity>();

  /** Registers a token; requests carrying it act as `login`. */
  add(token: string, options: TokenOptions): void {
    if (token === '') throw new Error('a token must not be empty');
    this.tokens.set(token, {
      login: options.login,
      installation: options.installation ?? false,
      readOnly: options.readOnly ?? false,
    });
  }

  remove(token: string): boolean {
    return this.tokens.delete(token);
  }

  /** The identity behind an `Authorization` header (`token X` or `Bearer X`), if the token is known. */
  identify(authorization: string | undefined): TokenIdentity | undefined {
    const match = /^(?:token|bearer)\s+(\S+)\s*$/i.exec(authorization ?? '');
    return match?.[1] === undefined ? undefined : this.tokens.get(match[1]);
  }
}
