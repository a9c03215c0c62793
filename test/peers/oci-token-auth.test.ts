/**
 * The OCI push against a real registry that wants tokens, as ghcr.io does: docker-registry with
 * token authentication, whose challenge sends clients to the testkit's token server. skopeo, an
 * independent client, reads back with the same credentials.
 */
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistryClient, parseOciRepository, pushArtifact, type ArtifactFile } from '@ml-actions/oci';
import {
  SKOPEO,
  pushEvent,
  runAction,
  startLocalGitHub,
  startOciRegistry,
  type LocalGitHub,
  type OciRegistry,
} from '@ml-actions/testkit';

const run = promisify(execFile);
const USER = 'octocat';
const TOKEN = 'ghs_testkit-packages-write';
let registry: OciRegistry;
let github: LocalGitHub;
const folders: string[] = [];

beforeAll(async () => {
  [registry, github] = await Promise.all([
    startOciRegistry({ auth: { username: USER, password: TOKEN } }),
    startLocalGitHub(),
  ]);
}, 60_000);
afterAll(async () => {
  await registry?.close();
  await github?.close();
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

const quiet = { info: () => undefined, warning: () => undefined };
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function modelFile(bytes: Buffer): Promise<ArtifactFile[]> {
  const folder = await mkdtemp(join(tmpdir(), 'oci-token-'));
  folders.push(folder);
  await writeFile(join(folder, 'weights.bin'), bytes);
  return [{ absolute: join(folder, 'weights.bin'), path: 'weights.bin', size: bytes.length, sha256: sha256(bytes) }];
}

const push = (name: string, password: string, files: ArtifactFile[]) =>
  pushArtifact(
    new RegistryClient(parseOciRepository(`${registry.host}/${name}`, 'input "oci"'), {
      credentials: { username: USER, password },
    }),
    { tag: 'v1.0.0', config: Buffer.from('{}\n'), files, annotations: {}, force: false, log: quiet },
  );

describe('OCI push to a registry with token authentication', () => {
  it('trades the credentials for a pull,push token once, and skopeo reads the artifact back with them', async () => {
    const weights = randomBytes(300_000);
    const pushed = await push('acme/private', TOKEN, await modelFile(weights));
    expect(pushed.blobsSent).toBe(2);
    expect(registry.tokens?.requests).toEqual([
      { username: USER, scope: 'repository:acme/private:pull,push', granted: true },
    ]);

    const reference = `docker://${registry.host}/acme/private:v1.0.0`;
    const { stdout } = await run(SKOPEO, [
      'inspect',
      '--raw',
      '--tls-verify=false',
      '--creds',
      `${USER}:${TOKEN}`,
      reference,
    ]);
    expect(`sha256:${sha256(Buffer.from(stdout))}`).toBe(pushed.digest);
    expect((JSON.parse(stdout) as { layers: { digest: string }[] }).layers[0]?.digest).toBe(
      `sha256:${sha256(weights)}`,
    );
    // The registry really checks: without credentials skopeo is refused.
    await expect(run(SKOPEO, ['inspect', '--raw', '--tls-verify=false', '--no-creds', reference])).rejects.toThrow(
      /unauthorized|authentication required/i,
    );
  });

  it('says which permission is missing when the token server refuses the credentials', async () => {
    await expect(push('acme/refused', 'wrong-token', await modelFile(randomBytes(1000)))).rejects.toThrow(
      `the registry ${registry.host}/acme/refused gave no token for push (401): the credentials may not write packages (on ghcr.io the workflow needs permissions: packages: write)`,
    );
  });

  it('says so when a token may pull but not push, as a workflow token without packages: write', async () => {
    const tokens = registry.tokens!;
    tokens.actions = ['pull'];
    try {
      await expect(push('acme/read-only', TOKEN, await modelFile(randomBytes(1000)))).rejects.toThrow(
        /^OCI POST blobs\/uploads\/ answered 401: UNAUTHORIZED .*\(the credentials may not write packages: on ghcr\.io the workflow needs permissions: packages: write\)$/,
      );
    } finally {
      tokens.actions = ['pull', 'push'];
    }
    // Nothing was tagged.
    await expect(
      run(SKOPEO, [
        'inspect',
        '--raw',
        '--tls-verify=false',
        '--creds',
        `${USER}:${TOKEN}`,
        `docker://${registry.host}/acme/read-only:v1.0.0`,
      ]),
    ).rejects.toThrow(/manifest unknown|not found/i);
  });

  it('package answers the challenge with oci-username and oci-password (the workflow token on ghcr.io)', async () => {
    const workspace = await mkdtemp(join(tmpdir(), 'oci-token-package-'));
    folders.push(workspace);
    await writeFile(join(workspace, 'weights.bin'), randomBytes(2048));
    const head = github.api.state.addCommit(`${github.repository.owner}/${github.repository.repo}`, {
      branch: 'main',
    }).sha;
    const started = github.startRun({ headSha: head, headBranch: 'main', event: 'push', job: 'package' });
    const before = registry.tokens?.requests.length ?? 0;
    const packaged = await runAction({
      runnerTemp: await mkdtemp(join(tmpdir(), 'runner-temp-')),
      action: 'package',
      workspace,
      inputs: {
        name: 'token-model',
        path: 'weights.bin',
        oci: `${registry.host}/acme/token-model`,
        'oci-username': USER,
        'oci-password': TOKEN,
      },
      env: started.env,
      runId: started.runId,
      job: 'package',
      event: pushEvent(github.repository, { sha: head, before: '0'.repeat(40) }),
      token: github.token,
    });
    expect(packaged.exitCode, packaged.log).toBe(0);
    expect(packaged.outputs['oci-digest']).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(registry.tokens?.requests.slice(before)).toEqual([
      { username: USER, scope: 'repository:acme/token-model:pull,push', granted: true },
    ]);
    // The password is a secret: masked first, and never written anywhere else in the log.
    const lines = packaged.log.split('\n');
    expect(lines.filter((line) => line.includes(TOKEN))).toEqual([`::add-mask::${TOKEN}`]);
  });
});
