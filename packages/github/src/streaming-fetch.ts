/**
 * A `fetch` for request bodies too large to hold: Node's own fetch keeps what a streamed body has
 * sent (a 1 GiB release asset took 1.1 GiB of memory), while node:http sends it with backpressure,
 * reading the next chunk only once the socket has taken the last. The answer is read whole: it is
 * a short JSON document.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

type Body = AsyncIterable<Uint8Array> | Uint8Array | string | null | undefined;

/** Answers without a body: the Response constructor refuses one for them. */
const NO_BODY = new Set([101, 103, 204, 205, 304]);

export async function streamingFetch(
  input: string | URL,
  init: {
    method?: string;
    headers?: ConstructorParameters<typeof Headers>[0];
    body?: unknown;
    signal?: AbortSignal | null;
  } = {},
): Promise<Response> {
  const url = new URL(String(input));
  const headers: Record<string, string> = {};
  new Headers(init.headers).forEach((value, name) => {
    headers[name] = value;
  });
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const outgoing = send(url, {
    method: init.method ?? 'GET',
    headers,
    ...(init.signal ? { signal: init.signal } : {}),
  });
  const answered = new Promise<IncomingMessage>((resolve, reject) => {
    outgoing.once('response', resolve);
    outgoing.once('error', reject);
  });
  const body = init.body as Body;
  // Settles with the error that stopped the body, if one did.
  const sending: Promise<unknown> = (
    body === null || body === undefined
      ? new Promise<void>((resolve) => outgoing.end(resolve))
      : pipeline(
          typeof body === 'string' || body instanceof Uint8Array ? Readable.from([body]) : Readable.from(body),
          outgoing,
        )
  ).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  let response: IncomingMessage;
  try {
    // A server may answer (and close) before the whole body is sent: its answer is what counts.
    response = await answered;
  } catch (thrown: unknown) {
    // A body that failed to read is the cause; the connection's "socket hang up" only follows from it.
    throw (await sending) ?? thrown;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of response) chunks.push(chunk as Buffer);
  const status = response.statusCode ?? 0;
  const responseHeaders = new Headers();
  for (const [name, value] of Object.entries(response.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) responseHeaders.append(name, one);
  }
  return new Response(NO_BODY.has(status) ? null : Buffer.concat(chunks), {
    status,
    statusText: response.statusMessage ?? '',
    headers: responseHeaders,
  });
}
