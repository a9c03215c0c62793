import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request that reached the proxy, answered by the server or by an injected fault. */
export interface ProxiedRequest {
  method: string;
  /** The path without its query (`/api/2.0/mlflow/runs/log-batch`). */
  path: string;
  status: number;
  /** Size of the request body. */
  bytes: number;
  authorization: string | undefined;
}

/** A fault: the next `times` requests that match answer `status` without reaching the server. */
export interface ProxyFault {
  path?: string | RegExp;
  method?: string;
  status: number;
  times: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A loopback proxy in front of a real MLflow server that counts requests and injects faults. */
export interface MlflowFaultProxy {
  url: string;
  readonly requests: ProxiedRequest[];
  fail(fault: ProxyFault): void;
  /** Forgets the recorded requests and any fault not yet used. */
  clear(): void;
  close(): Promise<void>;
}

const ERROR_CODES: Record<number, string> = {
  400: 'INVALID_PARAMETER_VALUE',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'RESOURCE_DOES_NOT_EXIST',
  429: 'REQUEST_LIMIT_EXCEEDED',
  500: 'INTERNAL_ERROR',
  503: 'TEMPORARILY_UNAVAILABLE',
};

/** Starts the proxy; requests are forwarded to `targetUrl` as they came (method, path, headers, body). */
export async function startMlflowFaultProxy(targetUrl: string): Promise<MlflowFaultProxy> {
  const target = new URL(targetUrl);
  const requests: ProxiedRequest[] = [];
  let faults: (ProxyFault & { left: number })[] = [];

  const matching = (method: string, path: string) =>
    faults.find(
      (fault) =>
        fault.left > 0 &&
        (fault.method === undefined || fault.method === method) &&
        (fault.path === undefined || (typeof fault.path === 'string' ? path === fault.path : fault.path.test(path))),
    );

  const handle = async (incoming: IncomingMessage, outgoing: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const method = incoming.method ?? 'GET';
    const path = (incoming.url ?? '/').split('?')[0] ?? '/';
    const authorization = incoming.headers['authorization'];
    const record = (status: number) => requests.push({ method, path, status, bytes: body.length, authorization });
    const fault = matching(method, path);
    if (fault !== undefined) {
      fault.left--;
      record(fault.status);
      const answer = fault.body ?? {
        error_code: ERROR_CODES[fault.status] ?? 'INTERNAL_ERROR',
        message: `injected ${fault.status}`,
      };
      outgoing.writeHead(fault.status, { 'content-type': 'application/json', ...fault.headers });
      outgoing.end(JSON.stringify(answer));
      return;
    }
    const forwarded = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method,
        path: incoming.url,
        headers: { ...incoming.headers, host: target.host },
      },
      (answer) => {
        record(answer.statusCode ?? 502);
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forwarded.on('error', (error) => {
      record(502);
      outgoing.writeHead(502, { 'content-type': 'application/json' });
      outgoing.end(JSON.stringify({ error_code: 'INTERNAL_ERROR', message: `proxy: ${error.message}` }));
    });
    forwarded.end(body);
  };

  const server = createServer((incoming, outgoing) => {
    handle(incoming, outgoing).catch(() => {
      if (!outgoing.headersSent) outgoing.writeHead(500);
      outgoing.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    fail: (fault) => faults.push({ ...fault, left: fault.times }),
    clear: () => {
      requests.length = 0;
      faults = [];
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error === undefined ? resolve() : reject(error)));
      }),
  };
}
