import { UserError, isPlainObject } from '@ml-actions/core';

/** A reference such as `ghcr.io/acme/churn-model`: the registry host and the repository in it. */
export interface OciRepository {
  /** `ghcr.io`, `127.0.0.1:5000` */
  host: string;
  /** `acme/churn-model` */
  name: string;
  /** http for loopback registries, https everywhere else. */
  scheme: 'http' | 'https';
}

/** Credentials for the registry's token challenge (ghcr.io takes any user name with a GitHub token). */
export interface OciCredentials {
  username: string;
  password: string;
}

const NAME_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;

/**
 * Reads an OCI repository reference as input `oci` gives it (`ghcr.io/acme/churn-model`, no tag:
 * the version is the tag). Loopback hosts are spoken to over http, as local registries serve.
 */
export function parseOciRepository(text: string, origin: string): OciRepository {
  const value = text.trim().replace(/^oci:\/\//, '');
  const slash = value.indexOf('/');
  const host = slash === -1 ? '' : value.slice(0, slash);
  const name = slash === -1 ? '' : value.slice(slash + 1);
  if (host === '' || name === '' || !/^[A-Za-z0-9.-]+(:\d+)?$/.test(host)) {
    throw new UserError(
      `${origin} must be a registry and repository such as ghcr.io/OWNER/MODEL, got ${JSON.stringify(text)}`,
    );
  }
  if (!name.split('/').every((part) => NAME_COMPONENT.test(part)) || name.length > 255) {
    throw new UserError(
      `${origin}: the repository ${JSON.stringify(name)} must be lowercase letters, digits and separators (. _ -) between slashes, as OCI names are`,
    );
  }
  const loopback = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/.test(host);
  return { host, name, scheme: loopback ? 'http' : 'https' };
}

/** A failed registry call: one line naming the call and what the registry said. */
export class OciError extends UserError {
  readonly status: number | undefined;
  constructor(message: string, status?: number) {
    super(message);
    this.name = 'OciError';
    this.status = status;
  }
}

/**
 * Requests to one repository of an OCI registry (the distribution spec's /v2 API), answering its
 * authentication challenge once: a Bearer challenge is met with a token from the realm it names
 * (asked with the credentials, for pull and push), a Basic challenge with the credentials.
 */
export class RegistryClient {
  readonly repository: OciRepository;
  /** Requests sent, the authentication's included. */
  requests = 0;
  private readonly credentials: OciCredentials | undefined;
  private authorization: string | undefined;
  private readonly fetch: typeof fetch;

  constructor(repository: OciRepository, options: { credentials?: OciCredentials; fetch?: typeof fetch } = {}) {
    this.repository = repository;
    this.credentials = options.credentials;
    this.fetch = options.fetch ?? fetch;
  }

  /** `https://ghcr.io/v2/acme/churn-model/` + path */
  url(path: string): string {
    const { scheme, host, name } = this.repository;
    return `${scheme}://${host}/v2/${name}/${path}`;
  }

  /** Sends a request (an absolute URL or a path under the repository); a 401 is answered once. */
  async send(
    method: string,
    target: string,
    init: { headers?: Record<string, string>; body?: Uint8Array | string } = {},
  ): Promise<Response> {
    const url = /^https?:\/\//.test(target) ? target : this.url(target);
    let response = await this.once(method, url, init);
    if (response.status === 401) {
      await response.body?.cancel();
      await this.authenticate(response.headers.get('www-authenticate') ?? '', method);
      response = await this.once(method, url, init);
    }
    return response;
  }

  private once(
    method: string,
    url: string,
    init: { headers?: Record<string, string>; body?: Uint8Array | string },
  ): Promise<Response> {
    this.requests++;
    const headers: Record<string, string> = { 'user-agent': 'ml-actions', ...init.headers };
    if (this.authorization !== undefined) headers['authorization'] = this.authorization;
    return this.fetch(url, {
      method,
      headers,
      ...(init.body === undefined ? {} : { body: init.body }),
      redirect: 'follow',
    });
  }

  private async authenticate(challenge: string, method: string): Promise<void> {
    const where = `${this.repository.host}/${this.repository.name}`;
    const basic =
      this.credentials === undefined
        ? undefined
        : `Basic ${Buffer.from(`${this.credentials.username}:${this.credentials.password}`).toString('base64')}`;
    if (/^basic\b/i.test(challenge)) {
      if (basic === undefined) throw new OciError(`the registry ${where} wants credentials and none were given`, 401);
      this.authorization = basic;
      return;
    }
    const fields = new Map<string, string>();
    for (const match of challenge.replace(/^bearer\s+/i, '').matchAll(/(\w+)="([^"]*)"/g)) {
      fields.set((match[1] ?? '').toLowerCase(), match[2] ?? '');
    }
    const realm = fields.get('realm');
    if (!/^bearer\b/i.test(challenge) || realm === undefined) {
      throw new OciError(`the registry ${where} refused ${method} without saying how to authenticate`, 401);
    }
    const query = new URLSearchParams();
    const service = fields.get('service');
    if (service !== undefined) query.set('service', service);
    query.set('scope', `repository:${this.repository.name}:pull,push`);
    this.requests++;
    const answer = await this.fetch(`${realm}?${query.toString()}`, {
      headers: { 'user-agent': 'ml-actions', ...(basic === undefined ? {} : { authorization: basic }) },
    });
    const body: unknown = answer.ok ? await answer.json() : undefined;
    const token = isPlainObject(body) ? (body['token'] ?? body['access_token']) : undefined;
    if (typeof token !== 'string' || token === '') {
      throw new OciError(
        `the registry ${where} gave no token for push (${answer.status}): the credentials may not write packages (on ghcr.io the workflow needs permissions: packages: write)`,
        answer.status,
      );
    }
    this.authorization = `Bearer ${token}`;
  }
}

/** A failed answer as one line: the call, the status, and the registry's first error. */
export async function registryFailure(response: Response, call: string): Promise<OciError> {
  let said = '';
  try {
    const body: unknown = await response.json();
    const errors: unknown = isPlainObject(body) ? body['errors'] : undefined;
    const first: unknown = Array.isArray(errors) ? errors[0] : undefined;
    if (isPlainObject(first)) {
      const code = typeof first['code'] === 'string' ? first['code'] : '';
      const message = typeof first['message'] === 'string' ? first['message'] : '';
      said = `: ${code} ${message}`.trimEnd();
    }
  } catch {
    // not JSON
  }
  const hint =
    response.status === 401 || response.status === 403
      ? ' (the credentials may not write packages: on ghcr.io the workflow needs permissions: packages: write)'
      : '';
  return new OciError(`OCI ${call} answered ${response.status}${said}${hint}`, response.status);
}
