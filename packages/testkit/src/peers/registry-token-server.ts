/**
 * A token server for the distribution registry's token authentication: a client that the registry
 * answered 401 (`Bearer realm=…,service=…,scope=…`) asks here with its Basic credentials and gets
 * a JWT signed with a key whose certificate the registry trusts (`rootcertbundle`), granting the
 * scope's repository the actions this server allows. ghcr.io works the same way, with a GitHub
 * token as the password.
 */
import { X509Certificate, createSign, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TokenServerOptions {
  username: string;
  password: string;
  /** What a token grants on the repository asked for; default pull and push. `['pull']` is a read-only token. */
  actions?: readonly string[];
}

export interface TokenServer {
  /** The address the registry's challenge names. */
  realm: string;
  service: string;
  issuer: string;
  certificatePath: string;
  /** What tokens grant from now on (a test can make them read-only). */
  actions: string[];
  /** Every token request: who asked (undefined without credentials), for what scope, and whether it was granted. */
  requests: { username: string | undefined; scope: string; granted: boolean }[];
  close(): Promise<void>;
}

const SERVICE = 'ml-actions-testkit-registry';
const ISSUER = 'ml-actions-testkit-tokens';

export async function startTokenServer(
  signing: { key: string; certificate: string; path: string },
  options: TokenServerOptions,
): Promise<TokenServer> {
  const der = new X509Certificate(signing.certificate).raw.toString('base64');
  const requests: TokenServer['requests'] = [];
  const tokens = { actions: [...(options.actions ?? ['pull', 'push'])] };
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const scope = url.searchParams.get('scope') ?? '';
    const credentials = basicCredentials(request.headers.authorization);
    const granted = credentials?.username === options.username && credentials.password === options.password;
    requests.push({ username: credentials?.username, scope, granted });
    if (!granted) {
      response.writeHead(401, { 'content-type': 'application/json', 'www-authenticate': 'Basic realm="tokens"' });
      response.end(JSON.stringify({ errors: [{ code: 'UNAUTHORIZED', message: 'authentication required' }] }));
      return;
    }
    const access = scopeAccess(scope, tokens.actions);
    const now = Math.floor(Date.now() / 1000);
    const token = signJwt(
      { typ: 'JWT', alg: 'RS256', x5c: [der] },
      {
        iss: ISSUER,
        sub: options.username,
        aud: url.searchParams.get('service') ?? SERVICE,
        exp: now + 300,
        nbf: now - 10,
        iat: now,
        jti: randomUUID(),
        access,
      },
      signing.key,
    );
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify({ token, access_token: token, expires_in: 300, issued_at: new Date(now * 1000).toISOString() }),
    );
  });
  // In-process and bound before anyone is told the address: the kernel's free port is safe here.
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return Object.assign(tokens, {
    realm: `http://127.0.0.1:${port}/token`,
    service: SERVICE,
    issuer: ISSUER,
    certificatePath: signing.path,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  });
}

function basicCredentials(header: string | undefined): { username: string; password: string } | undefined {
  const match = /^basic\s+(\S+)$/i.exec(header ?? '');
  if (match === null) return undefined;
  const text = Buffer.from(match[1] ?? '', 'base64').toString('utf8');
  const colon = text.indexOf(':');
  return colon < 0 ? undefined : { username: text.slice(0, colon), password: text.slice(colon + 1) };
}

/** `repository:<name>:<actions>` scopes (space-separated), each granted what is both asked and allowed. */
function scopeAccess(scope: string, allowed: readonly string[]): { type: string; name: string; actions: string[] }[] {
  const access = [];
  for (const item of scope.split(' ').filter((entry) => entry !== '')) {
    const [type = '', ...rest] = item.split(':');
    const actions = (rest.pop() ?? '').split(',');
    access.push({ type, name: rest.join(':'), actions: actions.filter((action) => allowed.includes(action)) });
  }
  return access;
}

function signJwt(header: object, claims: object, key: string): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const signed = `${encode(header)}.${encode(claims)}`;
  const signature = createSign('RSA-SHA256').update(signed).sign(key).toString('base64url');
  return `${signed}.${signature}`;
}
