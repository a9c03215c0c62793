/**
 * A pass-through HTTP proxy in front of Azurite that the signed upload URLs point at, so a test
 * can make the real client's upload fail part-way: a connection reset after N bytes, a stall, or
 * an error status from "blob storage". Without an armed fault it only forwards.
 */
import { Agent, createServer, request } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Fault, FaultInjector } from './fault-injection.ts';

export interface UploadProxy {
  /** Origin to put in front of the blob paths, e.g. `http://127.0.0.1:41235`. */
  origin: string;
  close(): Promise<void>;
}

const hopByHop = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'host']);

function endToEndHeaders(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !hopByHop.has(name)));
}

/** Starts the proxy on 127.0.0.1 and a free port, forwarding to `target` (Azurite's origin). */
export async function startUploadProxy(target: string, faults: FaultInjector): Promise<UploadProxy> {
  const upstreamUrl = new URL(target);
  const agent = new Agent({ keepAlive: true });
  const stalled = new Set<Socket>();

  const answerWithStatus = (req: IncomingMessage, res: ServerResponse, fault: Fault): void => {
    fault.strike();
    req.resume();
    const body = `<?xml version="1.0" encoding="utf-8"?><Error><Code>InjectedFault</Code><Message>injected upload fault: ${fault.status}</Message></Error>`;
    res.writeHead(fault.status ?? 500, {
      'content-type': 'application/xml',
      'content-length': Buffer.byteLength(body),
    });
    res.end(body);
  };

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const fault = req.method === 'PUT' ? faults.uploadFault() : undefined;
    if (fault?.status !== undefined) return answerWithStatus(req, res, fault);

    let cut = false;
    const upstream = request({
      host: upstreamUrl.hostname,
      port: upstreamUrl.port,
      method: req.method,
      path: req.url,
      headers: { ...endToEndHeaders(req.headers), host: upstreamUrl.host },
      agent,
    });
    upstream.on('response', (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.statusMessage, endToEndHeaders(answer.headers));
      answer.pipe(res);
    });
    upstream.on('error', () => {
      // After a deliberate cut the client must see the cut, not a 502.
      if (cut) return;
      if (res.headersSent) res.destroy();
      else res.writeHead(502, { 'content-type': 'text/plain' }).end('upstream blob store failed');
    });
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });

    const cutNow = (): void => {
      if (cut || fault === undefined) return;
      cut = true;
      fault.strike();
      upstream.destroy();
      if (fault.cut === 'stall') {
        // Stop reading and never answer: the client sees its upload make no progress.
        req.pause();
        stalled.add(req.socket);
        req.socket.once('close', () => stalled.delete(req.socket));
      } else {
        req.socket.resetAndDestroy();
      }
    };
    const limit = fault?.afterBytes;
    if (fault !== undefined && limit !== undefined && fault.bytesSeen >= limit) return cutNow();

    req.on('data', (chunk: Buffer) => {
      if (cut) return;
      let pass = chunk;
      let cutAfter = false;
      if (fault?.armed && limit !== undefined) {
        const room = Math.max(limit - fault.bytesSeen, 0);
        if (chunk.length > room) {
          pass = chunk.subarray(0, room);
          cutAfter = true;
        }
        fault.bytesSeen += pass.length;
      }
      if (pass.length > 0 && !upstream.write(pass)) {
        req.pause();
        upstream.once('drain', () => {
          if (!cut) req.resume();
        });
      }
      if (cutAfter) cutNow();
    });
    req.on('end', () => {
      if (!cut) upstream.end();
    });
    req.on('error', () => upstream.destroy());
  };

  const server = createServer(handle);
  server.listen(0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      for (const socket of stalled) socket.destroy();
      agent.destroy();
      await closed;
    },
  };
}
