import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bufferAsset, createRelease, findRelease, type ReleaseAsset } from '../src/model-releases.ts';
import { FULL_NAME, OWNER, REPO, startLocalRepository, type LocalRepository } from './support/local-repository.ts';

let local: LocalRepository;
let warnings: string[];

beforeEach(async () => {
  local = await startLocalRepository();
  warnings = [];
  local.api.state.setRef(FULL_NAME, 'tags/churn@v1.2.0', local.rootSha);
});
afterEach(async () => {
  try {
    local.api.assertNoViolations();
  } finally {
    await local.close();
  }
});

const target = () => ({ github: local.github, owner: OWNER, repo: REPO });
const log = { info: () => undefined, warning: (text: string) => warnings.push(text) };
const options = (assets: ReleaseAsset[]) => ({
  tag: 'churn@v1.2.0',
  name: 'churn 1.2.0',
  body: 'notes',
  prerelease: true,
  assets,
  sumsAsset: 'SHA256SUMS',
  log,
  retryWaitMs: 1,
});
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** An asset streamed in `pieces` chunks, counting how often it was opened. */
function streamed(name: string, data: Buffer, pieces: number): ReleaseAsset & { opened: number } {
  const asset = {
    name,
    contentType: 'application/x-tar',
    size: data.length,
    opened: 0,
    async *open() {
      asset.opened += 1;
      const step = Math.ceil(data.length / pieces);
      for (let at = 0; at < data.length; at += step) {
        await new Promise((resolve) => setImmediate(resolve));
        yield data.subarray(at, at + step);
      }
    },
  };
  return asset;
}

describe('model releases', () => {
  it('are filled as drafts and published last, the assets byte for byte with SHA256SUMS of them', async () => {
    const card = Buffer.from('# churn 1.2.0\n\u00e9\u0000binary tail');
    const part = Buffer.alloc(300_000, 7);
    const draftsSeen: boolean[] = [];
    // Just before the last upload (the sums), the release is still a draft no one sees by its tag.
    local.api.faults.add({
      method: 'POST',
      path: /\/assets$/,
      times: 3,
      before: () => draftsSeen.push(local.api.state.releases(FULL_NAME)[0]?.draft ?? false),
    });
    const created = await createRelease(
      target(),
      options([streamed('model.tar', part, 5), bufferAsset('README.md', card, 'text/markdown')]),
    );
    const [release] = local.api.state.releases(FULL_NAME);

    expect(draftsSeen).toEqual([true, true, true]);
    expect(created.url).toBe(`https://github.com/${FULL_NAME}/releases/tag/churn%40v1.2.0`);
    expect(release).toMatchObject({ tagName: 'churn@v1.2.0', body: 'notes', prerelease: true, draft: false });
    expect(release?.assets.map((asset) => [asset.name, asset.contentType])).toEqual([
      ['model.tar', 'application/x-tar'],
      ['README.md', 'text/markdown'],
      ['SHA256SUMS', 'text/plain'],
    ]);
    expect(release?.assets[0]?.bytes).toEqual(part);
    expect(release?.assets[1]?.bytes).toEqual(card);
    expect(release?.assets[2]?.bytes.toString()).toBe(`${sha256(card)}  README.md\n${sha256(part)}  model.tar\n`);
    expect(created.assets.map((asset) => [asset.name, asset.sha256])).toEqual(
      (release?.assets ?? []).map((asset) => [asset.name, asset.digest.slice('sha256:'.length)]),
    );
    expect(await findRelease(target(), 'churn@v1.2.0')).toBe(created.url);
    expect(await findRelease(target(), 'churn@v9.9.9')).toBeUndefined();
  });

  it('send a cut upload again from its first byte, after deleting what it left', async () => {
    const part = Buffer.from(Array.from({ length: 200_000 }, (_, i) => i % 251));
    const asset = streamed('model.tar.001', part, 4);
    local.api.faults.add({ method: 'POST', path: /\/assets$/, reset: true });
    const created = await createRelease(target(), options([asset]));

    expect(asset.opened).toBe(2);
    expect(warnings).toEqual([expect.stringContaining('uploading release asset model.tar.001 failed')]);
    const [release] = local.api.state.releases(FULL_NAME);
    expect(release?.assets.map((entry) => entry.name)).toEqual(['model.tar.001', 'SHA256SUMS']);
    expect(release?.assets[0]?.bytes).toEqual(part);
    expect(created.assets[0]?.sha256).toBe(sha256(part));
  });

  it('delete their draft when an upload is refused, and say which asset failed', async () => {
    local.api.faults.add({
      method: 'POST',
      path: /\/assets$/,
      status: 403,
      message: 'Resource not accessible by integration',
    });
    await expect(
      createRelease(target(), options([bufferAsset('manifest.json', Buffer.from('{}'), 'application/json')])),
    ).rejects.toThrow(
      /^uploading release asset manifest\.json \(2 bytes\) failed: Resource not accessible by integration/,
    );
    expect(local.api.state.releases(FULL_NAME)).toEqual([]);
  });

  it('refuse an asset over the size limit with the asset named, leaving nothing published', async () => {
    local.api.state.releaseAssetLimit = 1000;
    await expect(
      createRelease(target(), options([bufferAsset('model.tar', Buffer.alloc(1000), 'application/x-tar')])),
    ).rejects.toThrow(/uploading release asset model\.tar \(1000 bytes\) failed: .*size must be less than 1000 bytes/);
    expect(local.api.state.releases(FULL_NAME)).toEqual([]);
  });

  it('replace a draft an earlier attempt left, and refuse a published release of the tag', async () => {
    local.api.state.addRelease({
      repo: FULL_NAME,
      tagName: 'churn@v1.2.0',
      targetCommitish: 'main',
      name: 'half done',
      body: null,
      draft: true,
      prerelease: false,
      author: 'someone',
      createdAt: '2026-01-01T00:00:00Z',
      publishedAt: null,
    });
    await createRelease(target(), options([]));
    expect(local.api.state.releases(FULL_NAME).map((release) => [release.name, release.draft])).toEqual([
      ['churn 1.2.0', false],
    ]);

    await expect(createRelease(target(), options([]))).rejects.toThrow(
      "a release of tag churn@v1.2.0 exists already and is not this run's; delete it or package another version",
    );
    expect(local.api.state.releases(FULL_NAME)).toHaveLength(1);
  });

  it("have notes over GitHub's 125,000 characters cut, saying where the rest is", async () => {
    await createRelease(target(), { ...options([]), body: 'n'.repeat(200_000) });
    const body = local.api.state.releases(FULL_NAME)[0]?.body ?? '';

    expect(body).toBe(`${'n'.repeat(124_900)}\n\n… cut to fit GitHub's limit; README.md in the package has it all.`);
    expect(body.length).toBeLessThanOrEqual(125_000);
  });
});
