import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  ensurePeersEnvironment,
  installFailure,
  peersEnvironment,
  PeerError,
  type PeersLocation,
} from '../src/peers/peers-environment.ts';

const folders: string[] = [];
afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

async function location(requirements: string): Promise<PeersLocation> {
  const folder = await mkdtemp(join(tmpdir(), 'peers-env-'));
  folders.push(folder);
  await writeFile(join(folder, 'requirements.txt'), requirements);
  return { requirements: join(folder, 'requirements.txt'), folder: join(folder, 'env'), basePython: 'python3' };
}

async function peerError(promise: Promise<unknown>): Promise<PeerError> {
  const error: unknown = await promise.then(
    () => new Error('expected a PeerError'),
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(PeerError);
  return error as PeerError;
}

describe('the peers environment', () => {
  it('is built once, reused while the requirements are unchanged, and rebuilt when they change', async () => {
    const where = await location('# nothing pinned yet\n');
    expect(() => peersEnvironment(where)).toThrow(PeerError);
    const first = await ensurePeersEnvironment(where);
    expect(first.reused).toBe(false);
    expect(peersEnvironment(where).python).toBe(first.environment.python);
    expect((await ensurePeersEnvironment(where)).reused).toBe(true);

    await writeFile(where.requirements, '# nothing pinned, but a different file\n');
    expect(() => peersEnvironment(where)).toThrow(
      `peers: the Python environment in ${where.folder} is missing or out of date; retry with: npm run peers`,
    );
    expect((await ensurePeersEnvironment(where)).reused).toBe(false);
    // Three virtual environments are created: on a busy runner each can take most of a minute.
  }, 240_000);

  it('a package pip cannot install fails in one line naming it and how to retry', async () => {
    const where = await location('ml-actions-no-such-package==0.0.1\n');
    const error = await peerError(ensurePeersEnvironment(where));
    expect(error.message).toBe(
      `peers: pip could not install ml-actions-no-such-package==0.0.1 (see ${join(where.folder, 'install.log')}); retry with: npm run peers`,
    );
    expect(error.message).not.toContain('\n');
    // Nothing half-built is taken for a ready environment.
    expect(() => peersEnvironment(where)).toThrow(PeerError);
  });

  it('a Python that does not run is named', async () => {
    const where = { ...(await location('\n')), basePython: 'python-that-is-not-installed' };
    const error = await peerError(ensurePeersEnvironment(where));
    expect(error.message).toMatch(
      /^peers: python-that-is-not-installed does not run \(.*\); install Python 3\.11 and retry with: npm run peers$/,
    );
  });

  it("reads the failing package from pip's messages", () => {
    expect(
      installFailure(
        'Collecting x\n  error: subprocess-exited-with-error\n  Failed to build lightgbm\nERROR: ...',
        'L',
      ),
    ).toBe('peers: pip could not install lightgbm (see L); retry with: npm run peers');
    expect(
      installFailure(
        'ERROR: Could not find a version that satisfies the requirement scipy==9.9 (from versions: 1.0)',
        'L',
      ),
    ).toBe('peers: pip could not install scipy==9.9 (see L); retry with: npm run peers');
    expect(installFailure('ERROR: disk full\n', 'L')).toBe(
      'peers: pip install failed: ERROR: disk full (see L); retry with: npm run peers',
    );
  });
});
