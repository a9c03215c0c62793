import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pushArtifact } from '../src/artifact-push.ts';
import { RegistryClient, parseOciRepository } from '../src/registry-client.ts';

const folders: string[] = [];
afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const quiet = { info: () => undefined, warning: () => undefined };

/**
 * A registry in memory that asks for a Bearer token and can cut a chunk: enough of the distribution
 * spec to see what the client sends, in order.
 */
function fakeRegistry(options: { cutChunk?: number; tokenFor?: string } = {}) {
  const calls: string[] = [];
  const uploads = new Map<string, Buffer>();
  const blobs = new Map<string, Buffer>();
  let patches = 0;
  let next = 0;
  const answer = (url: string, init?: RequestInit): Response => {
    const method = init?.method ?? 'GET';
    const headers = (init?.headers ?? {}) as Record<string, string>;
    const { pathname, searchParams } = new URL(url);
    calls.push(`${method} ${pathname}`);
    if (pathname === '/token') {
      const basic = `Basic ${Buffer.from(`bot:${options.tokenFor ?? 'secret'}`).toString('base64')}`;
      return headers['authorization'] === basic && searchParams.get('scope') === 'repository:acme/m:pull,push'
        ? Response.json({ token: 'T0K' })
        : new Response('{}', { status: 401 });
    }
    if (headers['authorization'] !== 'Bearer T0K') {
      return new Response('', {
        status: 401,
        headers: { 'www-authenticate': 'Bearer realm="https://registry.test/token",service="registry.test"' },
      });
    }
    if (method === 'HEAD' && pathname.includes('/manifests/')) return new Response(null, { status: 404 });
    if (method === 'HEAD' && pathname.includes('/blobs/')) {
      return new Response(null, { status: blobs.has(pathname.split('/blobs/')[1] ?? '') ? 200 : 404 });
    }
    if (method === 'POST' && pathname.endsWith('/blobs/uploads/')) {
      const id = `u${next++}`;
      uploads.set(id, Buffer.alloc(0));
      return new Response(null, { status: 202, headers: { location: `/v2/acme/m/blobs/uploads/${id}` } });
    }
    const id = pathname.split('/uploads/')[1] ?? '';
    if (method === 'PATCH') {
      patches++;
      const body = Buffer.from(init?.body as Uint8Array);
      const held = uploads.get(id) ?? Buffer.alloc(0);
      if (patches === options.cutChunk) {
        // Half the chunk arrived before the connection broke.
        uploads.set(id, Buffer.concat([held, body.subarray(0, body.length / 2)]));
        return new Response('', { status: 500 });
      }
      const [start] = (headers['content-range'] ?? '').split('-').map(Number);
      if (start !== held.length) return new Response('', { status: 416 });
      uploads.set(id, Buffer.concat([held, body]));
      return new Response(null, { status: 202, headers: { location: `/v2/acme/m/blobs/uploads/${id}` } });
    }
    if (method === 'GET' && pathname.includes('/uploads/')) {
      const held = uploads.get(id) ?? Buffer.alloc(0);
      return new Response(null, {
        status: 204,
        headers: { location: `/v2/acme/m/blobs/uploads/${id}`, range: `0-${held.length - 1}` },
      });
    }
    if (method === 'PUT' && pathname.includes('/uploads/')) {
      const held = uploads.get(id) ?? Buffer.alloc(0);
      const digest = searchParams.get('digest') ?? '';
      if (digest !== `sha256:${sha256(held)}`)
        return Response.json({ errors: [{ code: 'DIGEST_INVALID', message: 'bad' }] }, { status: 400 });
      blobs.set(digest, held);
      return new Response(null, { status: 201 });
    }
    if (method === 'PUT' && pathname.includes('/manifests/')) return new Response(null, { status: 201 });
    return new Response('', { status: 500 });
  };
  const fake = (url: string, init?: RequestInit): Promise<Response> => Promise.resolve(answer(url, init));
  return { calls, blobs, fetch: fake as unknown as typeof fetch };
}

async function oneFile(bytes: Buffer) {
  const folder = await mkdtemp(join(tmpdir(), 'oci-unit-'));
  folders.push(folder);
  const absolute = join(folder, 'weights.bin');
  await writeFile(absolute, bytes);
  return [{ absolute, path: 'weights.bin', size: bytes.length, sha256: sha256(bytes) }];
}

describe('pushArtifact', () => {
  it('answers the Bearer challenge once, and resumes a cut chunk from what the registry holds', async () => {
    const registry = fakeRegistry({ cutChunk: 2 });
    const bytes = Buffer.from(Array.from({ length: 10_000 }, (_, i) => i % 251));
    const client = new RegistryClient(parseOciRepository('registry.test/acme/m', 'input "oci"'), {
      credentials: { username: 'bot', password: 'secret' },
      fetch: registry.fetch,
    });
    const warnings: string[] = [];
    const pushed = await pushArtifact(client, {
      tag: 'v1.0.0',
      config: Buffer.from('{}'),
      files: await oneFile(bytes),
      annotations: {},
      force: false,
      chunkBytes: 4000,
      log: { info: () => undefined, warning: (message) => warnings.push(message) },
    });
    expect(pushed.blobsSent).toBe(2);
    // The weights arrived whole, though their first chunk (the second PATCH, after the config's) was cut half-way.
    expect(registry.blobs.get(`sha256:${sha256(bytes)}`)).toEqual(bytes);
    expect(warnings).toEqual([expect.stringContaining('was cut at byte 2000; resuming')]);
    expect(registry.calls.filter((call) => call === 'GET /token')).toHaveLength(1);
    expect(registry.calls.at(-1)).toBe('PUT /v2/acme/m/manifests/v1.0.0');
  });

  it('says when the credentials may not push, naming the permission', async () => {
    const registry = fakeRegistry({ tokenFor: 'other' });
    const client = new RegistryClient(parseOciRepository('registry.test/acme/m', 'input "oci"'), {
      credentials: { username: 'bot', password: 'secret' },
      fetch: registry.fetch,
    });
    await expect(
      pushArtifact(client, {
        tag: 'v1',
        config: Buffer.from('{}'),
        files: [],
        annotations: {},
        force: false,
        log: quiet,
      }),
    ).rejects.toThrow(
      'the registry registry.test/acme/m gave no token for push (401): the credentials may not write packages (on ghcr.io the workflow needs permissions: packages: write)',
    );
  });
});
