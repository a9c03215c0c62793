import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
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
let registry: OciRegistry;
let github: LocalGitHub;
const folders: string[] = [];

beforeAll(async () => {
  [registry, github] = await Promise.all([startOciRegistry(), startLocalGitHub()]);
}, 60_000);
afterAll(async () => {
  await registry?.close();
  await github?.close();
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const quiet = { info: () => undefined, warning: () => undefined };

async function files(contents: Record<string, Uint8Array>): Promise<ArtifactFile[]> {
  const folder = await mkdtemp(join(tmpdir(), 'oci-files-'));
  folders.push(folder);
  const listed: ArtifactFile[] = [];
  for (const [path, bytes] of Object.entries(contents)) {
    const absolute = join(folder, path.replaceAll('/', '_'));
    await writeFile(absolute, bytes);
    listed.push({ absolute, path, size: bytes.byteLength, sha256: sha256(bytes) });
  }
  return listed;
}

/** skopeo's own view of what the registry holds. */
async function inspect(reference: string): Promise<{
  artifactType: string;
  config: { mediaType: string; digest: string };
  layers: { mediaType: string; digest: string; size: number; annotations: Record<string, string> }[];
  annotations: Record<string, string>;
}> {
  const { stdout } = await run(SKOPEO, ['inspect', '--raw', '--tls-verify=false', `docker://${reference}`]);
  return JSON.parse(stdout) as never;
}

describe('OCI push to a real registry, read back by skopeo', () => {
  it('pushes the package as an artifact whose layers are the files, in chunks, tagged last', async () => {
    const weights = randomBytes(5 * 1024 * 1024 + 123);
    const artifactFiles = await files({ 'model/weights.bin': weights, 'model/MLmodel': Buffer.from('flavors: {}\n') });
    const config = Buffer.from('{"name":"churn-model","version":"1.2.0"}\n');
    const client = new RegistryClient(parseOciRepository(`${registry.host}/acme/churn-model`, 'input "oci"'));
    const pushed = await pushArtifact(client, {
      tag: 'v1.2.0',
      config,
      files: artifactFiles,
      annotations: { 'org.opencontainers.image.version': '1.2.0', 'org.opencontainers.image.revision': 'a'.repeat(40) },
      force: false,
      chunkBytes: 1024 * 1024,
      log: quiet,
    });
    expect(pushed.blobsSent).toBe(3);
    const manifest = await inspect(`${registry.host}/acme/churn-model:v1.2.0`);
    expect(manifest.artifactType).toBe('application/vnd.ml-actions.model-package.v1+json');
    expect(manifest.config).toMatchObject({
      mediaType: 'application/vnd.ml-actions.model-package.manifest.v1+json',
      digest: `sha256:${sha256(config)}`,
    });
    expect(
      manifest.layers.map((l) => [l.annotations['org.opencontainers.image.title'], l.mediaType, l.digest, l.size]),
    ).toEqual([
      ['model/weights.bin', 'application/octet-stream', `sha256:${sha256(weights)}`, weights.byteLength],
      ['model/MLmodel', 'application/yaml', `sha256:${artifactFiles[1]?.sha256}`, 12],
    ]);
    expect(manifest.annotations['org.opencontainers.image.version']).toBe('1.2.0');
    // The manifest's digest is the sha256 of its bytes as the registry serves them.
    const { stdout: raw } = await run(SKOPEO, [
      'inspect',
      '--raw',
      '--tls-verify=false',
      `docker://${registry.host}/acme/churn-model:v1.2.0`,
    ]);
    expect(`sha256:${sha256(Buffer.from(raw))}`).toBe(pushed.digest);

    // skopeo copies it to a folder; every blob is there and its name is its digest (sha256sum -c).
    const copy = await mkdtemp(join(tmpdir(), 'oci-copy-'));
    folders.push(copy);
    await run(SKOPEO, [
      'copy',
      '--src-tls-verify=false',
      `docker://${registry.host}/acme/churn-model:v1.2.0`,
      `dir:${copy}`,
    ]);
    const sums = manifest.layers.map((layer) => `${layer.digest.slice(7)}  ${layer.digest.slice(7)}`).join('\n');
    await writeFile(join(copy, 'LAYERS.sha256'), `${sums}\n`);
    const { stdout: checked } = await run('sha256sum', ['-c', 'LAYERS.sha256'], { cwd: copy });
    expect(checked.trim().split('\n')).toHaveLength(2);
    expect(await readFile(join(copy, sha256(weights)))).toEqual(weights);
    expect((await readdir(copy)).length).toBeGreaterThanOrEqual(4);

    // The same push again: the tag already names this manifest, one request.
    const before = client.requests;
    const again = await pushArtifact(client, {
      tag: 'v1.2.0',
      config,
      files: artifactFiles,
      annotations: manifestAnnotations(manifest),
      force: false,
      log: quiet,
    });
    expect(again).toMatchObject({ unchanged: true, digest: pushed.digest, blobsSent: 0 });
    expect(client.requests - before).toBe(1);

    // Another artifact under the same tag is refused unless forced; forced, only the new blob goes.
    const changed = Buffer.from('{"name":"churn-model","version":"1.2.0","other":true}\n');
    await expect(
      pushArtifact(client, {
        tag: 'v1.2.0',
        config: changed,
        files: artifactFiles,
        annotations: {},
        force: false,
        log: quiet,
      }),
    ).rejects.toThrow(
      `${registry.host}/acme/churn-model:v1.2.0 already names another artifact (${pushed.digest}); set input "oci-force" to replace it`,
    );
    const forced = await pushArtifact(client, {
      tag: 'v1.2.0',
      config: changed,
      files: artifactFiles,
      annotations: {},
      force: true,
      log: quiet,
    });
    expect(forced.blobsSent).toBe(1);
    expect(forced.digest).not.toBe(pushed.digest);
  });

  it('package pushes the version as v<version>; a re-run of the job replaces its own tag; the manifest names it', async () => {
    const workspace = await mkdtemp(join(tmpdir(), 'oci-package-'));
    folders.push(workspace);
    await writeFile(join(workspace, 'weights.bin'), randomBytes(2048));
    const head = github.api.state.addCommit(`${github.repository.owner}/${github.repository.repo}`, {
      branch: 'main',
    }).sha;
    const started = github.startRun({ headSha: head, headBranch: 'main', event: 'push', job: 'package' });
    const pack = async (attempt: number, inputs: Record<string, string> = {}) =>
      runAction({
        runnerTemp: await mkdtemp(join(tmpdir(), 'runner-temp-')),
        action: 'package',
        workspace,
        inputs: { name: 'churn-model', path: 'weights.bin', oci: `${registry.host}/acme/packaged`, ...inputs },
        env: started.env,
        runId: started.runId,
        runAttempt: attempt,
        job: 'package',
        event: pushEvent(github.repository, { sha: head, before: '0'.repeat(40) }),
        token: github.token,
      });
    const first = await pack(1);
    expect(first.exitCode, first.log).toBe(0);
    const reference = `${registry.host}/acme/packaged:v${first.outputs['version']}`;
    const { stdout: raw } = await run(SKOPEO, ['inspect', '--raw', '--tls-verify=false', `docker://${reference}`]);
    expect(`sha256:${sha256(Buffer.from(raw))}`).toBe(first.outputs['oci-digest']);
    expect(first.outputs['oci-reference']).toBe(`${registry.host}/acme/packaged@${first.outputs['oci-digest']}`);
    const pushed = JSON.parse(raw) as { config: { digest: string }; annotations: Record<string, string> };
    const manifestBytes = await readFile(first.outputs['manifest'] ?? '');
    expect(pushed.config.digest).toBe(`sha256:${sha256(manifestBytes)}`);
    expect(pushed.annotations).toMatchObject({
      'org.opencontainers.image.revision': head,
      'org.opencontainers.image.version': first.outputs['version'],
    });
    expect((JSON.parse(manifestBytes.toString('utf8')) as { oci?: string }).oci).toBe(reference);
    expect(first.summary).toContain('Pushed to OCI');

    const rerun = await pack(2);
    expect(rerun.exitCode, rerun.log).toBe(0);
    expect(rerun.outputs['oci-digest']).not.toBe(first.outputs['oci-digest']);

    // Another workflow run's package under the same tag is refused, and the package is kept.
    const other = github.startRun({ headSha: head, headBranch: 'main', event: 'push', job: 'package' });
    const refused = await runAction({
      runnerTemp: await mkdtemp(join(tmpdir(), 'runner-temp-')),
      action: 'package',
      workspace,
      inputs: {
        name: 'churn-model',
        path: 'weights.bin',
        oci: `${registry.host}/acme/packaged`,
        version: first.outputs['version'] ?? '',
      },
      env: other.env,
      runId: other.runId,
      job: 'package',
      event: pushEvent(github.repository, { sha: head, before: '0'.repeat(40) }),
      token: github.token,
    });
    expect(refused.exitCode).toBe(1);
    expect(refused.log).toContain('already names another artifact');
    expect(refused.log).toContain('set input "oci-force" to replace it');
    expect(refused.outputs['artifact-id']).toMatch(/^\d+$/);
  });

  it('the release notes of a pushed version name the OCI push by digest', async () => {
    const workspace = await mkdtemp(join(tmpdir(), 'oci-release-'));
    folders.push(workspace);
    await writeFile(join(workspace, 'weights.bin'), randomBytes(4096));
    const head = github.api.state.addCommit(`${github.repository.owner}/${github.repository.repo}`, {
      branch: 'main',
    }).sha;
    const started = github.startRun({ headSha: head, headBranch: 'main', event: 'push', job: 'package' });
    const released = await runAction({
      runnerTemp: await mkdtemp(join(tmpdir(), 'runner-temp-')),
      action: 'package',
      workspace,
      inputs: {
        name: 'oci-released',
        path: 'weights.bin',
        oci: `${registry.host}/acme/released`,
        tag: 'true',
        release: 'true',
      },
      env: started.env,
      runId: started.runId,
      job: 'package',
      event: pushEvent(github.repository, { sha: head, before: '0'.repeat(40) }),
      token: github.token,
    });
    expect(released.exitCode, released.log).toBe(0);
    const digest = released.outputs['oci-digest'] ?? '';
    expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    const release = github.api.state
      .releases(`${github.repository.owner}/${github.repository.repo}`)
      .find((r) => r.tagName === 'oci-released@v0.1.0');
    expect(release?.body).toContain(`OCI: \`${registry.host}/acme/released@${digest}\` (tag \`v0.1.0\`)`);
    // The card in the package was written before the push: it names the tag.
    const card = await readFile(join(released.outputs['manifest'] ?? '', '..', 'README.md'), 'utf8');
    expect(card).toContain(`OCI: \`${registry.host}/acme/released:v0.1.0\``);
  });

  it('refuses references that are not an OCI repository, naming the input', () => {
    for (const text of [
      'churn-model',
      'ghcr.io/',
      'ghcr.io/Acme/Model',
      'https://ghcr.io/acme/m',
      'ghcr.io/acme/m:v1',
    ]) {
      expect(() => parseOciRepository(text, 'input "oci"'), text).toThrow(/input "oci"/);
    }
    expect(parseOciRepository('ghcr.io/acme/churn-model', 'x')).toEqual({
      host: 'ghcr.io',
      name: 'acme/churn-model',
      scheme: 'https',
    });
    expect(parseOciRepository('127.0.0.1:5000/m', 'x').scheme).toBe('http');
  });
});

function manifestAnnotations(manifest: { annotations: Record<string, string> }): Record<string, string> {
  return manifest.annotations;
}
