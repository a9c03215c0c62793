import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { ModelManifest } from '@ml-actions/core';
import {
  pullRequestEvent,
  pushEvent,
  runAction,
  startLocalGitHub,
  type EventFixture,
  type LocalGitHub,
} from '@ml-actions/testkit';
import { chooseCompression } from '../actions/package/src/compression.ts';

let github: LocalGitHub;
let head: string;
let repoName: string;
const folders: string[] = [];

const schema = JSON.parse(
  await readFile(join(import.meta.dirname, '../packages/core/schema/model-manifest.schema.json'), 'utf8'),
) as object;
const validateManifest = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true }).compile(schema);

/** Random bytes: model weights as deflate sees them. */
const weights = randomBytes(300 * 1024);

const MLMODEL = `artifact_path: model
flavors:
  python_function:
    loader_module: mlflow.sklearn
    model_path: model.pkl
  sklearn:
    pickled_model: model.pkl
    sklearn_version: 1.5.1
mlflow_version: 2.16.0
signature:
  inputs: '[{"type": "double", "name": "tenure_months"}]'
  outputs: '[{"type": "long"}]'
`;

beforeAll(async () => {
  github = await startLocalGitHub();
  repoName = `${github.repository.owner}/${github.repository.repo}`;
  head = github.api.state.addCommit(repoName, { branch: 'main', message: 'Train' }).sha;
});
afterEach(() => github.api.assertNoViolations());
afterAll(async () => {
  await github?.close();
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

/** True when `folder` exists on another file system than `other`: a hard link between them fails with EXDEV. */
function onOtherFileSystem(folder: string, other: string): boolean {
  try {
    return statSync(folder).dev !== statSync(other).dev;
  } catch {
    return false;
  }
}

async function temporaryFolder(prefix: string): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), prefix));
  folders.push(folder);
  return folder;
}

async function project(files: Record<string, string | Uint8Array> = {}): Promise<string> {
  const root = await temporaryFolder('package-project-');
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(root, path, '..'), { recursive: true });
    await writeFile(join(root, path), content);
  }
  return root;
}

const modelProject = () =>
  project({ 'model/weights.bin': weights, 'model/config.json': '{"layers": 2}\n', 'notes.txt': 'not packaged\n' });

interface StepOptions {
  event?: EventFixture;
  runNumber?: number;
  runnerTemp?: string;
}

async function step(
  action: 'package' | 'train' | 'gate',
  workspace: string,
  inputs: Record<string, string>,
  options: StepOptions = {},
) {
  const pr = options.event?.name === 'pull_request';
  const { runId, env } = github.startRun({
    headSha: head,
    headBranch: pr ? 'feature' : 'main',
    event: pr ? 'pull_request' : 'push',
  });
  const run = await runAction({
    action,
    workspace,
    inputs,
    env,
    runId,
    runNumber: options.runNumber ?? 1,
    runnerTemp: options.runnerTemp ?? (await temporaryFolder('runner-temp-')),
    event: options.event ?? pushEvent(github.repository, { sha: head, before: '0'.repeat(40) }),
    token: github.token,
  });
  return { run, runId };
}

const pack = (workspace: string, inputs: Record<string, string>, options: StepOptions = {}) =>
  step('package', workspace, inputs, options);

/** Downloads an artifact with the real `@actions/artifact` client (REST path) into a folder that is kept. */
async function download(artifactId: number, workflowRunId: number): Promise<string> {
  // @actions/github reads GITHUB_API_URL on first import.
  process.env['GITHUB_API_URL'] = github.api.url;
  const { DefaultArtifactClient } = await import('@actions/artifact');
  const folder = await temporaryFolder('package-download-');
  await new DefaultArtifactClient().downloadArtifact(artifactId, {
    path: folder,
    findBy: {
      token: github.token,
      workflowRunId,
      repositoryOwner: github.repository.owner,
      repositoryName: github.repository.repo,
    },
  });
  return folder;
}

async function listFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(folder.length + 1))
    .sort();
}

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');
const tags = (name: string) =>
  github.api.state
    .refs(repoName)
    .map(([ref]) => ref)
    .filter((ref) => ref.startsWith(`refs/tags/${name}@v`));

async function readManifest(path: string | undefined): Promise<ModelManifest> {
  const manifest = JSON.parse(await readFile(path ?? '', 'utf8')) as ModelManifest;
  expect(validateManifest(manifest), JSON.stringify(validateManifest.errors)).toBe(true);
  return manifest;
}

describe('package on a push to main', () => {
  it('packages v0.1.0, tags it, and the downloaded artifact passes sha256sum -c', async () => {
    const workspace = await modelProject();
    const { run, runId } = await pack(workspace, { name: 'churn', path: 'model/', tag: 'true' });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(run.outputs['version']).toBe('0.1.0');
    expect(run.outputs['artifact-name']).toBe('churn-v0.1.0');
    expect(run.outputs['artifact-id']).toMatch(/^\d+$/);
    expect(tags('churn')).toEqual(['refs/tags/churn@v0.1.0']);
    expect(github.api.state.resolveCommitish(repoName, 'tags/churn@v0.1.0')).toBe(head);

    const folder = await download(Number(run.outputs['artifact-id']), runId);
    expect(await listFiles(folder)).toEqual([
      'README.md',
      'SHA256SUMS',
      'manifest.json',
      'model/config.json',
      'model/weights.bin',
    ]);
    const check = spawnSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: folder, encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
    expect(check.stdout).toBe('README.md: OK\nmanifest.json: OK\nmodel/config.json: OK\nmodel/weights.bin: OK\n');

    const manifestBytes = await readFile(join(folder, 'manifest.json'));
    expect(run.outputs['digest']).toBe(sha256(manifestBytes));
    expect(await readFile(run.outputs['manifest'] ?? '')).toEqual(manifestBytes);
    const manifest = await readManifest(join(folder, 'manifest.json'));
    expect(manifest).toMatchObject({ name: 'churn', version: '0.1.0', metrics: {}, provenance: null, mlmodel: null });
    expect(manifest.files).toEqual([
      { path: 'model/config.json', size: 14, sha256: sha256('{"layers": 2}\n') },
      { path: 'model/weights.bin', size: weights.length, sha256: sha256(weights) },
    ]);
    expect(manifest.totalSize).toBe(weights.length + 14);

    // Mostly random bytes: stored, not deflated.
    expect(run.summary).toContain('with zip level 0: 100% of the bytes look incompressible');
    expect(run.summary).toContain('### ML package: churn v0.1.0');
    expect(run.summary).toContain('No run record was found in this job, so the package has no metrics');
    expect(run.summary).toContain(`| model/weights.bin | 300 KiB | \`${sha256(weights)}\` |`);
    expect(run.summary).toContain(`Digest (sha256 of manifest.json): \`sha256:${sha256(manifestBytes)}\``);
    expect(run.summary).toContain('cd churn-v0.1.0 && sha256sum -c SHA256SUMS');
    expect(run.summary).toContain('Tag `churn@v0.1.0` created');
    // The token is masked before anything else, and never printed otherwise.
    expect(run.stdout.split(github.token).length - 1).toBe(1);
    expect(run.stdout).toContain(`::add-mask::${github.token}`);
  });

  it('hard-links the model files into the staging folder instead of copying them', async () => {
    const workspace = await modelProject();
    const { run } = await pack(workspace, { name: 'linked', path: 'model/' });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('2 of 2 model files hard-linked into the staging folder, hashed in place');
    const staged = join(dirname(run.outputs['manifest'] ?? ''), 'model/weights.bin');
    expect((await stat(staged)).ino).toBe((await stat(join(workspace, 'model/weights.bin'))).ino);
  });

  it('copies the model files when RUNNER_TEMP is on another file system, says so, and the package still verifies', async () => {
    // Linux runners mount /dev/shm apart from the temp folder; without that this test cannot run, and says so.
    expect(onOtherFileSystem('/dev/shm', tmpdir()), `/dev/shm is not on another file system than ${tmpdir()}`).toBe(
      true,
    );
    const workspace = await modelProject();
    const runnerTemp = await mkdtemp(join('/dev/shm', 'runner-temp-'));
    folders.push(runnerTemp);
    const { run, runId } = await pack(workspace, { name: 'copied', path: 'model/' }, { runnerTemp });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('0 of 2 model files hard-linked into the staging folder');
    expect(run.stdout).toContain(
      '2 files (model/config.json first) copied into the staging folder instead of hard-linked (EXDEV: the staging folder is on another file system)',
    );
    const folder = await download(Number(run.outputs['artifact-id']), runId);
    const check = spawnSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: folder, encoding: 'utf8' });
    expect(check.stdout).toBe('README.md: OK\nmanifest.json: OK\nmodel/config.json: OK\nmodel/weights.bin: OK\n');
  });

  it('bumps the patch of the highest tag, then the minor with bump: minor', async () => {
    const workspace = await modelProject();
    const first = await pack(workspace, { name: 'bumpy', path: 'model/weights.bin', tag: 'true' });
    expect(first.run.outputs['version']).toBe('0.1.0');
    const second = await pack(workspace, { name: 'bumpy', path: 'model/weights.bin', tag: 'true' });
    expect(second.run.exitCode).toBe(0);
    expect(second.run.outputs['version']).toBe('0.1.1');
    expect(second.run.summary).toContain('Version `0.1.1`: patch bump of 0.1.0 (tag bumpy@v0.1.0).');
    const third = await pack(workspace, { name: 'bumpy', path: 'model/weights.bin', tag: 'true', bump: 'minor' });
    expect(third.run.outputs['version']).toBe('0.2.0');
    expect(tags('bumpy')).toEqual(['refs/tags/bumpy@v0.1.0', 'refs/tags/bumpy@v0.1.1', 'refs/tags/bumpy@v0.2.0']);
  });

  it('bumps past more than 100 existing tags, ignoring other models', async () => {
    for (let patch = 0; patch < 130; patch++) github.api.state.setRef(repoName, `tags/paged@v1.4.${patch}`, head);
    github.api.state.setRef(repoName, 'tags/paged-other@v9.0.0', head);
    github.api.state.setRef(repoName, 'tags/paged@v2.0.0-rc.1', head);
    const workspace = await modelProject();
    const { run } = await pack(workspace, { name: 'paged', path: 'model/config.json', tag: 'true' });
    expect(run.exitCode).toBe(0);
    expect(run.outputs['version']).toBe('1.4.130');
    expect(github.api.state.resolveCommitish(repoName, 'tags/paged@v1.4.130')).toBe(head);
  });

  it('refuses an explicit version that exists already, and creates nothing', async () => {
    github.api.state.setRef(repoName, 'tags/fixed@v1.2.0', head);
    const workspace = await modelProject();
    const { run } = await pack(workspace, { name: 'fixed', path: 'model/', version: '1.2.0', tag: 'true' });
    expect(run.exitCode).toBe(1);
    expect(run.annotations[0]?.message).toBe(
      'version 1.2.0 of fixed exists already (tag fixed@v1.2.0); versions are never overwritten',
    );
    expect(run.outputs).toMatchObject({ version: '', 'artifact-id': '', 'artifact-name': '', digest: '' });
    expect(run.summary).toContain('### ML package');
    expect(tags('fixed')).toEqual(['refs/tags/fixed@v1.2.0']);

    const accepted = await pack(workspace, { name: 'fixed', path: 'model/', version: 'v1.3.0' });
    expect(accepted.run.outputs['version']).toBe('1.3.0');
    expect(accepted.run.summary).toContain('No tag was created (input `tag` is false)');
    expect(tags('fixed')).toEqual(['refs/tags/fixed@v1.2.0']);
  });

  it('publishes a release for the tag: the model card as notes, the model archive, manifest, card, provenance and SHA256SUMS as assets', async () => {
    const workspace = await modelProject();
    const runnerTemp = await temporaryFolder('runner-temp-');
    const { run } = await pack(
      workspace,
      { name: 'released', path: 'model/', tag: 'true', release: 'true' },
      { runnerTemp },
    );
    expect(run.exitCode).toBe(0);
    const release = github.api.state.releases(repoName).find((r) => r.tagName === 'released@v0.1.0');
    expect(release).toMatchObject({ name: 'released v0.1.0', prerelease: false, draft: false });
    const manifestPath = run.outputs['manifest'] ?? '';
    // GitHub would show the card's YAML front matter in release notes as a table, not as metadata.
    const card = await readFile(join(manifestPath, '..', 'README.md'), 'utf8');
    expect(card.startsWith('---\n')).toBe(true);
    expect(release?.body).toBe(card.slice(card.indexOf('\n---\n\n') + '\n---\n\n'.length));
    expect(release?.assets.map((asset) => [asset.name, asset.contentType])).toEqual([
      ['released-v0.1.0.tar', 'application/x-tar'],
      ['manifest.json', 'application/json'],
      ['README.md', 'text/markdown'],
      ['provenance.intoto.json', 'application/json'],
      ['SHA256SUMS', 'text/plain'],
    ]);
    expect(release?.assets[1]?.bytes).toEqual(await readFile(manifestPath));
    expect(release?.assets[3]?.bytes).toEqual(await readFile(run.outputs['provenance'] ?? ''));
    const releaseUrl = 'https://github.com/octo-org/churn/releases/tag/released%40v0.1.0';
    expect(run.summary).toContain(
      `Release [\`released@v0.1.0\`](${releaseUrl}) published with the model archive \`released-v0.1.0.tar\`, manifest.json, README.md, provenance.intoto.json and SHA256SUMS of them (5 assets).`,
    );
    // The manifest and the model card name the release, the package's durable home, and the archive's address.
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as ModelManifest;
    expect(validateManifest(manifest), JSON.stringify(validateManifest.errors)).toBe(true);
    expect(manifest.release).toBe(releaseUrl);
    expect(manifest.releaseArchive?.parts).toEqual([
      {
        name: 'released-v0.1.0.tar',
        url: 'https://github.com/octo-org/churn/releases/download/released%40v0.1.0/released-v0.1.0.tar',
        offset: 0,
        size: release?.assets[0]?.bytes.length,
      },
    ]);
    expect(card).toContain(`Release: [released v0.1.0](${releaseUrl}).`);

    const folder = await downloadRelease(release?.id ?? 0);
    expect(verifiedArchive(folder, manifest)).toEqual(['model/config.json', 'model/weights.bin']);
    expect(await readFile(join(folder, 'out', 'released-v0.1.0', 'model', 'weights.bin'))).toEqual(weights);
  });

  it('cuts a model over release-part-size into numbered assets, sends a cut upload again, and the parts join into the model', async () => {
    const big = randomBytes(2.5 * 1024 * 1024);
    const workspace = await project({ 'model/big.bin': big, 'model/small.json': '{}\n' });
    // The third part's upload is cut off once.
    let uploads = 0;
    github.api.faults.add({
      method: 'POST',
      path: /\/releases\/\d+\/assets$/,
      times: 2,
      before: () => {
        uploads += 1;
      },
    });
    github.api.faults.add({ method: 'POST', path: /\/releases\/\d+\/assets$/, reset: true });
    const { run } = await pack(workspace, {
      name: 'parts',
      path: 'model/',
      tag: 'true',
      release: 'true',
      'release-part-size': String(1024 * 1024),
    });
    expect(run.exitCode).toBe(0);
    expect(uploads).toBe(2);
    expect(run.stdout).toContain('uploading release asset parts-v0.1.0.tar.003 failed');
    const release = github.api.state.releases(repoName).find((r) => r.tagName === 'parts@v0.1.0');
    expect(release?.assets.map((asset) => asset.name)).toEqual([
      'parts-v0.1.0.tar.001',
      'parts-v0.1.0.tar.002',
      'parts-v0.1.0.tar.003',
      'manifest.json',
      'README.md',
      'provenance.intoto.json',
      'SHA256SUMS',
    ]);
    expect(release?.assets.slice(0, 3).map((asset) => asset.bytes.length)).toEqual([
      1024 * 1024,
      1024 * 1024,
      expect.any(Number),
    ]);
    expect(run.summary).toContain(
      'with the model archive in 3 parts (`parts-v0.1.0.tar.001` to `parts-v0.1.0.tar.003`)',
    );
    const manifest = JSON.parse(await readFile(run.outputs['manifest'] ?? '', 'utf8')) as ModelManifest;
    expect(manifest.releaseArchive?.parts.map((part) => [part.name, part.offset, part.size])).toEqual(
      release?.assets.slice(0, 3).map((asset, index) => [asset.name, index * 1024 * 1024, asset.bytes.length]),
    );
    const folder = await downloadRelease(release?.id ?? 0);
    expect(verifiedArchive(folder, manifest)).toEqual(['model/big.bin', 'model/small.json']);
    expect(await readFile(join(folder, 'out', 'parts-v0.1.0', 'model', 'big.bin'))).toEqual(big);
  });

  it("refuses a release-part-size over GitHub's limit of 2 GiB, before anything is made", async () => {
    const workspace = await modelProject();
    const { run } = await pack(workspace, {
      name: 'oversized',
      path: 'model/',
      tag: 'true',
      release: 'true',
      'release-part-size': String(2 * 1024 ** 3),
    });
    expect(run.exitCode).toBe(1);
    expect(run.annotations.find((a) => a.level === 'error')?.message).toMatch(/input "release-part-size"/);
    expect(github.api.state.releases(repoName).some((r) => r.tagName.startsWith('oversized@'))).toBe(false);
  });
});

/** Downloads every asset of a release as `gh release download` does (the API, Accept: octet-stream) into a folder. */
async function downloadRelease(releaseId: number): Promise<string> {
  const folder = await temporaryFolder('release-download-');
  const headers = { authorization: `Bearer ${github.token}` };
  const listing = await fetch(`${github.api.url}/repos/${repoName}/releases/${releaseId}/assets`, { headers });
  for (const asset of (await listing.json()) as { id: number; name: string }[]) {
    const answer = await fetch(`${github.api.url}/repos/${repoName}/releases/assets/${asset.id}`, {
      headers: { ...headers, accept: 'application/octet-stream' },
    });
    expect(answer.status).toBe(200);
    await writeFile(join(folder, asset.name), Buffer.from(await answer.arrayBuffer()));
  }
  return folder;
}

/**
 * What README tells a user: `sha256sum -c SHA256SUMS` over the downloaded assets, the parts joined
 * and unpacked, `sha256sum -c` in the unpacked folder. Returns the model files it checked.
 */
function verifiedArchive(folder: string, manifest: ModelManifest): string[] {
  const run = (command: string, cwd: string) => {
    const result = spawnSync('bash', ['-c', command], { cwd, encoding: 'utf8' });
    expect(result.status, `${command}: ${result.stderr}`).toBe(0);
    return result.stdout;
  };
  expect(run('sha256sum -c SHA256SUMS', folder)).not.toMatch(/FAILED/);
  const root = manifest.releaseArchive?.root ?? '';
  run(`mkdir out && cat ${root}.tar* | tar -x -C out`, folder);
  const checked = run('sha256sum -c SHA256SUMS', join(folder, 'out', root));
  return checked
    .trim()
    .split('\n')
    .map((line) => line.replace(/: OK$/, ''));
}

describe('package with a run record', () => {
  it('embeds the record train wrote earlier in the job, and the MLmodel signature', async () => {
    const workspace = await project({
      'metrics.json': '{"accuracy": 0.93, "eval": {"loss": 0.21}}',
      'params.yaml': 'lr: 0.01\n',
      'model/MLmodel': MLMODEL,
      'model/model.pkl': weights,
    });
    const runnerTemp = await temporaryFolder('runner-temp-');
    const trained = await step(
      'train',
      workspace,
      { metrics: 'metrics.json', params: 'params.yaml', upload: 'false' },
      { runnerTemp },
    );
    expect(trained.run.exitCode).toBe(0);
    const record = JSON.parse(await readFile(trained.run.outputs['record'] ?? '', 'utf8')) as { runId: string };

    const { run } = await pack(workspace, { name: 'scored', path: 'model' }, { runnerTemp });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    const manifest = await readManifest(run.outputs['manifest']);
    expect(manifest.metrics).toEqual({ accuracy: 0.93, 'eval.loss': 0.21 });
    expect(manifest.params).toEqual({ lr: 0.01 });
    expect(manifest.provenance).toMatchObject({ runId: record.runId, repository: repoName, sha: head, branch: 'main' });
    expect(manifest.mlmodel).toMatchObject({ path: 'model/MLmodel', flavors: ['python_function', 'sklearn'] });
    expect(manifest.mlmodel?.signature?.inputs).toEqual([{ type: 'double', name: 'tenure_months' }]);

    const card = await readFile(join(run.outputs['manifest'] ?? '', '..', 'README.md'), 'utf8');
    const front = parseYaml(card.split('---\n')[1] ?? '') as Record<string, unknown>;
    expect(front['library_name']).toBe('scikit-learn');
    expect(JSON.stringify(front['model-index'])).toContain('"type":"accuracy","value":0.93');
    expect(run.summary).toContain(`Metrics, params and provenance come from run ${record.runId} (experiment train)`);
  });

  it("links the version's point on the trend page GitHub Pages serves from ml-history, in the card and the manifest", async () => {
    github.api.state.setPages(repoName, { buildType: 'legacy', source: { branch: 'ml-history', path: '/' } });
    try {
      const workspace = await project({ 'metrics.json': '{"accuracy": 0.93}', 'model/model.bin': weights });
      const runnerTemp = await temporaryFolder('runner-temp-');
      const trained = await step('train', workspace, { metrics: 'metrics.json', upload: 'false' }, { runnerTemp });
      expect(trained.run.exitCode).toBe(0);
      const { run } = await pack(workspace, { name: 'trended', path: 'model', tag: 'true' }, { runnerTemp });
      expect(run.exitCode, run.stderr).toBe(0);
      const version = run.outputs['version'] ?? '';
      const link = `https://octo-org.github.io/churn/docs/#experiment=train&version=${version}`;
      expect((await readManifest(run.outputs['manifest'])).trendPage).toBe(link);
      const card = await readFile(join(run.outputs['manifest'] ?? '', '..', 'README.md'), 'utf8');
      expect(card).toContain(`Trend: [train at this version on the trend page](${link}).`);

      // An explicit page wins, without asking GitHub; without a record there is no experiment to point at.
      const mark = github.api.requests.length;
      const given = await pack(
        workspace,
        { name: 'trended', path: 'model', 'trend-page': 'https://models.example.com/' },
        { runnerTemp },
      );
      expect(github.api.requests.slice(mark).filter((r) => r.path.endsWith('/pages'))).toEqual([]);
      expect((await readManifest(given.run.outputs['manifest'])).trendPage).toBe(
        `https://models.example.com/#experiment=train&version=${given.run.outputs['version'] ?? ''}`,
      );
      const bare = await pack(await modelProject(), { name: 'trended', path: 'model/' });
      const manifest = await readManifest(bare.run.outputs['manifest']);
      expect(manifest.trendPage).toBeUndefined();
    } finally {
      github.api.state.setPages(repoName, undefined);
    }
  });

  it('embeds the verdict of a gate that ran earlier in the job', async () => {
    const workspace = await project({ 'metrics.json': '{"accuracy": 0.93}', 'model/model.bin': weights });
    const runnerTemp = await temporaryFolder('runner-temp-');
    const trained = await step('train', workspace, { metrics: 'metrics.json', upload: 'false' }, { runnerTemp });
    expect(trained.run.exitCode).toBe(0);
    const gated = await step('gate', workspace, { rules: 'accuracy >= 0.9', 'check-name': '' }, { runnerTemp });
    expect(gated.run.exitCode).toBe(0);
    const { run } = await pack(workspace, { name: 'gated', path: 'model' }, { runnerTemp });
    expect(run.exitCode).toBe(0);
    const manifest = (await readManifest(run.outputs['manifest'])) as unknown as {
      gate: { passed: boolean; rules: { rule: string; verdict: string }[] } | null;
    };
    expect(manifest.gate?.passed).toBe(true);
    expect(JSON.stringify(manifest.gate)).toContain('accuracy >= 0.9');
  });

  it('embeds the record named by input "run", and refuses one that matches nothing', async () => {
    const workspace = await project({ 'metrics.json': '{"f1": 0.5}', 'model/model.onnx': weights });
    const trained = await step('train', workspace, { metrics: 'metrics.json', upload: 'false' });
    await mkdir(join(workspace, 'records'));
    await writeFile(join(workspace, 'records/run.json'), await readFile(trained.run.outputs['record'] ?? ''));

    const { run } = await pack(workspace, { name: 'named-record', path: 'model/*.onnx', run: 'records/*.json' });
    expect(run.exitCode).toBe(0);
    expect((await readManifest(run.outputs['manifest'])).metrics).toEqual({ f1: 0.5 });

    const missing = await pack(workspace, { name: 'named-record', path: 'model/', run: 'nowhere/*.json' });
    expect(missing.run.exitCode).toBe(1);
    expect(missing.run.annotations[0]?.message).toBe('input "run": no run record matches nowhere/*.json');
  });
});

describe('package on a pull request', () => {
  it('gets a -pr.<number>.<run number> pre-release and never a tag', async () => {
    const prHead = github.api.state.addCommit(repoName, { branch: 'feature', parents: [head], message: 'Tune' }).sha;
    github.api.state.setRef(repoName, 'tags/preview@v0.3.0', head);
    const workspace = await modelProject();
    const event = pullRequestEvent(github.repository, { number: 7, headSha: prHead, baseSha: head });
    const { run } = await pack(
      workspace,
      { name: 'preview', path: 'model/', tag: 'true', release: 'true' },
      { event, runNumber: 12 },
    );
    expect(run.exitCode).toBe(0);
    expect(run.outputs['version']).toBe('0.3.1-pr.7.12');
    expect(run.outputs['artifact-name']).toBe('preview-v0.3.1-pr.7.12');
    expect(tags('preview')).toEqual(['refs/tags/preview@v0.3.0']);
    expect(github.api.state.releases(repoName).some((r) => r.tagName.startsWith('preview@'))).toBe(false);
    expect(run.summary).toContain('No tag or release on a pull request: `0.3.1-pr.7.12` is a pre-release');
  });
});

describe('package refuses unsafe or missing paths', () => {
  it('refuses a path that leaves the workspace', async () => {
    const workspace = await modelProject();
    const { run } = await pack(workspace, { name: 'escape', path: '../x' });
    expect(run.exitCode).toBe(1);
    expect(run.annotations[0]?.message).toMatch(
      /^path "\.\.\/x" is outside the workspace .*; model files must be inside it$/,
    );
    expect(tags('escape')).toEqual([]);
  });

  it('refuses a symbolic link that leads out of the workspace', async () => {
    const outside = await project({ 'secret.key': 'do not publish\n' });
    const workspace = await modelProject();
    await symlink(join(outside, 'secret.key'), join(workspace, 'model/linked.key'));
    const { run } = await pack(workspace, { name: 'escape', path: 'model/' });
    expect(run.exitCode).toBe(1);
    expect(run.annotations[0]?.message).toContain(
      `model/linked.key leads to ${join(outside, 'secret.key')}, outside the workspace`,
    );
    expect(run.annotations[0]?.message).toContain('refusing to package it (named by path "model/")');
  });

  it('refuses a pattern that matches nothing, naming it', async () => {
    const workspace = await modelProject();
    const { run } = await pack(workspace, { name: 'empty', path: 'model/\nout/*.pt' });
    expect(run.exitCode).toBe(1);
    expect(run.annotations[0]?.message).toBe('path "out/*.pt" matches no file (relative to the workspace root)');
  });
});

describe('compression choice', () => {
  it('stores weights, deflates text, and lets compression-level win', async () => {
    const folder = await project({
      'weights.dat': weights,
      'vocab.txt': 'token '.repeat(20_000),
      'model.safetensors': 'x'.repeat(1000),
    });
    const file = (path: string, size: number) => ({ path, absolute: join(folder, path), size });
    // Random bytes of an unknown extension are sampled; a known extension is never read.
    expect((await chooseCompression([file('weights.dat', weights.length)], undefined)).level).toBe(0);
    expect((await chooseCompression([file('model.safetensors', 1000)], undefined)).level).toBe(0);
    expect(await chooseCompression([file('vocab.txt', 120_000)], undefined)).toEqual({
      level: 6,
      reason: 'only 0% of the bytes look incompressible',
    });
    expect(await chooseCompression([file('vocab.txt', 120_000)], 9)).toEqual({
      level: 9,
      reason: 'as set by input `compression-level`',
    });
  });

  it('uploads text-only packages deflated', async () => {
    const workspace = await project({ 'model/vocab.txt': 'token '.repeat(20_000) });
    const { run } = await pack(workspace, { name: 'texty', path: 'model/' });
    expect(run.exitCode).toBe(0);
    expect(run.summary).toContain('with zip level 6: only 0% of the bytes look incompressible');
  });
});
