import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { startMlflowServer } from '@ml-actions/testkit';

it('starts the MLflow server again on another port when its port is taken before it binds', async () => {
  const squatter = createServer();
  await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve));
  const address = squatter.address();
  const taken = typeof address === 'object' && address !== null ? address.port : 0;
  try {
    const server = await startMlflowServer({ port: taken });
    try {
      expect(server.url).not.toBe(`http://127.0.0.1:${taken}`);
      expect((await fetch(`${server.url}/health`)).status).toBe(200);
      const log = await readFile(join(server.folder, 'server.log'), 'utf8');
      expect(log).toContain(`('127.0.0.1', ${taken}): address already in use`);
    } finally {
      await server.close();
    }
  } finally {
    squatter.close();
  }
}, 120_000);
