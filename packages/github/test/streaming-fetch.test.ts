import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { streamingFetch } from '../src/streaming-fetch.ts';

let server: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

/** A server that hashes what it receives and answers with the hash, or with `status` alone. */
async function listen(status = 201): Promise<string> {
  server = createServer((request, response) => {
    const hash = createHash('sha256');
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      hash.update(chunk);
      size += chunk.length;
    });
    request.on('end', () => {
      response.writeHead(status, { 'content-type': 'application/json', 'x-seen': request.headers['x-asset'] ?? '' });
      response.end(status === 204 ? undefined : JSON.stringify({ size, sha256: hash.digest('hex') }));
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server?.address() as AddressInfo).port}/upload`;
}

describe('streamingFetch', () => {
  it('sends an async iterable body chunk by chunk and answers as fetch does', async () => {
    const url = await listen();
    const chunk = Buffer.alloc(1024 * 1024, 7);
    const expected = createHash('sha256');
    let pulled = 0;
    const body = async function* () {
      for (let i = 0; i < 20; i++) {
        await new Promise((resolve) => setImmediate(resolve));
        pulled++;
        expected.update(chunk);
        yield chunk;
      }
    };
    const answer = await streamingFetch(url, {
      method: 'POST',
      headers: { 'content-length': String(20 * chunk.length), 'x-asset': 'model.tar' },
      body: body(),
    });
    expect(pulled).toBe(20);
    expect(answer.status).toBe(201);
    expect(answer.headers.get('x-seen')).toBe('model.tar');
    expect(await answer.json()).toEqual({ size: 20 * chunk.length, sha256: expected.digest('hex') });
  });

  it('answers 204 without a body, and sends strings and buffers whole', async () => {
    const url = await listen(204);
    const answer = await streamingFetch(url, { method: 'DELETE' });
    expect(answer.status).toBe(204);
    expect(await answer.text()).toBe('');
    const url2 = await (async () => {
      await new Promise((resolve) => server?.close(resolve));
      return listen();
    })();
    expect(await (await streamingFetch(url2, { method: 'POST', body: 'abc' })).json()).toMatchObject({ size: 3 });
  });

  it("fails with the body's own error when reading the body fails mid-way", async () => {
    const url = await listen();
    const body = async function* () {
      yield Buffer.alloc(1000);
      await new Promise((resolve) => setImmediate(resolve));
      throw new Error('model.pkl is 7 bytes now, 70001 when it was packaged');
    };
    await expect(
      streamingFetch(url, { method: 'POST', headers: { 'content-length': '5000' }, body: body() }),
    ).rejects.toThrow('model.pkl is 7 bytes now, 70001 when it was packaged');
  });
});
