/**
 * Releases: create (refusing a duplicate tag), list, get by tag, publish a draft, delete; assets
 * are uploaded to the `upload_url` (this server instead of uploads.github.com), listed, downloaded
 * (`Accept: application/octet-stream`; GitHub answers with a redirect to storage, this server with
 * the bytes) and deleted. Assets of `state.releaseAssetLimit` bytes or more are refused, as GitHub
 * refuses those of 2 GiB.
 */
import { json, notFound, validationFailed, type ApiRequest } from '../http-exchange.ts';
import { paginate } from '../pagination.ts';
import { nodeId, simpleUser, WEB } from '../render-account.ts';
import type { Router } from '../router.ts';
import { isoSeconds } from '../state.ts';
import type { GitHubState, ReleaseAssetRecord, ReleaseRecord, RepoRecord } from '../state.ts';
import { bodyObject, intParam, optionalString, requireRepo } from './repo-lookup.ts';

function assetJson(
  api: string,
  state: GitHubState,
  repo: RepoRecord,
  release: ReleaseRecord,
  asset: ReleaseAssetRecord,
): Record<string, unknown> {
  return {
    url: `${api}/repos/${repo.fullName}/releases/assets/${asset.id}`,
    browser_download_url: `${WEB}/${repo.fullName}/releases/download/${encodeURIComponent(release.tagName)}/${encodeURIComponent(asset.name)}`,
    id: asset.id,
    node_id: nodeId('ReleaseAsset', asset.id),
    name: asset.name,
    label: asset.label,
    state: 'uploaded',
    content_type: asset.contentType,
    size: asset.bytes.length,
    digest: asset.digest,
    download_count: 0,
    created_at: asset.createdAt,
    updated_at: asset.createdAt,
    uploader: simpleUser(api, state.user(asset.uploader)),
  };
}

function releaseJson(
  api: string,
  state: GitHubState,
  repo: RepoRecord,
  release: ReleaseRecord,
): Record<string, unknown> {
  const url = `${api}/repos/${repo.fullName}/releases/${release.id}`;
  const tag = encodeURIComponent(release.tagName);
  return {
    url,
    html_url: `${WEB}/${repo.fullName}/releases/tag/${tag}`,
    assets_url: `${url}/assets`,
    upload_url: `${url}/assets{?name,label}`,
    tarball_url: `${api}/repos/${repo.fullName}/tarball/${tag}`,
    zipball_url: `${api}/repos/${repo.fullName}/zipball/${tag}`,
    id: release.id,
    node_id: nodeId('Release', release.id),
    tag_name: release.tagName,
    target_commitish: release.targetCommitish,
    name: release.name,
    body: release.body,
    draft: release.draft,
    prerelease: release.prerelease,
    immutable: false,
    created_at: release.createdAt,
    published_at: release.publishedAt,
    updated_at: release.publishedAt ?? release.createdAt,
    author: simpleUser(api, state.user(release.author)),
    assets: release.assets.map((asset) => assetJson(api, state, repo, release, asset)),
  };
}

export function registerReleaseRoutes(router: Router, state: GitHubState): void {
  router.add('POST', '/repos/{owner}/{repo}/releases', (request) => {
    const repo = requireRepo(state, request);
    const body = bodyObject(request);
    const tagName = optionalString(body, 'tag_name') ?? '';
    if (state.releases(repo.fullName).some((r) => r.tagName === tagName)) {
      return validationFailed([{ resource: 'Release', code: 'already_exists', field: 'tag_name' }]);
    }
    const target = optionalString(body, 'target_commitish') ?? repo.defaultBranch;
    const draft = body.draft === true;
    // Publishing a release creates its tag at the target when the tag does not exist yet.
    if (!draft && state.ref(repo.fullName, `tags/${tagName}`) === undefined) {
      const sha = state.resolveCommitish(repo.fullName, target);
      if (sha === undefined)
        return validationFailed([{ resource: 'Release', code: 'invalid', field: 'target_commitish' }]);
      state.setRef(repo.fullName, `tags/${tagName}`, sha);
    }
    const now = isoSeconds();
    const release = state.addRelease({
      repo: repo.fullName,
      tagName,
      targetCommitish: target,
      name: optionalString(body, 'name') ?? null,
      body: optionalString(body, 'body') ?? null,
      draft,
      prerelease: body.prerelease === true,
      author: request.identity.login,
      createdAt: now,
      publishedAt: draft ? null : now,
    });
    const answer = releaseJson(request.baseUrl, state, repo, release);
    return json(201, answer, { location: String(answer.url) });
  });

  router.add('GET', '/repos/{owner}/{repo}/releases/tags/{tag}', (request) => {
    const repo = requireRepo(state, request);
    // Drafts have no tag yet as far as this lookup is concerned.
    const release =
      state.releases(repo.fullName).find((r) => r.tagName === request.params.tag && !r.draft) ?? notFound();
    return json(200, releaseJson(request.baseUrl, state, repo, release));
  });

  router.add('GET', '/repos/{owner}/{repo}/releases', (request) => {
    const repo = requireRepo(state, request);
    const newestFirst = [...state.releases(repo.fullName)].reverse();
    const page = paginate(newestFirst, request);
    return json(
      200,
      page.items.map((release) => releaseJson(request.baseUrl, state, repo, release)),
      page.headers,
    );
  });

  router.add('PATCH', '/repos/{owner}/{repo}/releases/{release_id}', (request) => {
    const { repo, release } = requireRelease(state, request);
    const body = bodyObject(request);
    if (release.draft && body.draft === false) {
      // Publishing creates the tag at the target when it does not exist yet.
      if (state.ref(repo.fullName, `tags/${release.tagName}`) === undefined) {
        const sha = state.resolveCommitish(repo.fullName, release.targetCommitish);
        if (sha === undefined)
          return validationFailed([{ resource: 'Release', code: 'invalid', field: 'target_commitish' }]);
        state.setRef(repo.fullName, `tags/${release.tagName}`, sha);
      }
      release.draft = false;
      release.publishedAt = isoSeconds();
    }
    release.name = optionalString(body, 'name') ?? release.name;
    release.body = optionalString(body, 'body') ?? release.body;
    if (typeof body.prerelease === 'boolean') release.prerelease = body.prerelease;
    return json(200, releaseJson(request.baseUrl, state, repo, release));
  });

  router.add('DELETE', '/repos/{owner}/{repo}/releases/{release_id}', (request) => {
    const { release } = requireRelease(state, request);
    state.deleteRelease(release.id);
    return { status: 204 };
  });

  router.add('GET', '/repos/{owner}/{repo}/releases/{release_id}/assets', (request) => {
    const { repo, release } = requireRelease(state, request);
    const page = paginate(release.assets, request);
    return json(
      200,
      page.items.map((asset) => assetJson(request.baseUrl, state, repo, release, asset)),
      page.headers,
    );
  });

  router.add('GET', '/repos/{owner}/{repo}/releases/assets/{asset_id}', (request) => {
    const { repo, release, asset } = requireAsset(state, request);
    if (/application\/octet-stream/.test(request.headers.accept ?? '')) {
      return { status: 200, raw: { bytes: asset.bytes, contentType: 'application/octet-stream' } };
    }
    return json(200, assetJson(request.baseUrl, state, repo, release, asset));
  });

  router.add('DELETE', '/repos/{owner}/{repo}/releases/assets/{asset_id}', (request) => {
    const { release, asset } = requireAsset(state, request);
    release.assets = release.assets.filter((entry) => entry.id !== asset.id);
    return { status: 204 };
  });

  router.add('POST', '/repos/{owner}/{repo}/releases/{release_id}/assets', (request) => {
    const { repo, release } = requireRelease(state, request);
    const name = request.query.get('name') ?? '';
    if (request.rawBody.length >= state.releaseAssetLimit) {
      return validationFailed([
        {
          resource: 'ReleaseAsset',
          code: 'custom',
          field: 'size',
          message: `size must be less than ${state.releaseAssetLimit} bytes`,
        },
      ]);
    }
    if (release.assets.some((a) => a.name === name)) {
      return validationFailed([{ resource: 'ReleaseAsset', code: 'already_exists', field: 'name' }]);
    }
    const asset = state.addReleaseAsset(release, {
      name,
      label: request.query.get('label'),
      contentType: request.headers['content-type'] ?? 'application/octet-stream',
      bytes: request.rawBody,
      uploader: request.identity.login,
    });
    return json(201, assetJson(request.baseUrl, state, repo, release, asset));
  });
}

function requireRelease(state: GitHubState, request: ApiRequest): { repo: RepoRecord; release: ReleaseRecord } {
  const repo = requireRepo(state, request);
  const release = state.release(intParam(request, 'release_id'));
  if (release === undefined || release.repo.toLowerCase() !== repo.fullName.toLowerCase()) notFound();
  return { repo, release };
}

function requireAsset(
  state: GitHubState,
  request: ApiRequest,
): { repo: RepoRecord; release: ReleaseRecord; asset: ReleaseAssetRecord } {
  const repo = requireRepo(state, request);
  const id = intParam(request, 'asset_id');
  for (const release of state.releases(repo.fullName)) {
    const asset = release.assets.find((entry) => entry.id === id);
    if (asset !== undefined) return { repo, release, asset };
  }
  notFound();
}
