/**
 * Releases: create (refusing a duplicate tag), get by tag, and upload assets to the `upload_url`,
 * which points back at this server instead of uploads.github.com.
 */
import { json, notFound, validationFailed } from '../http-exchange.ts';
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

  router.add('POST', '/repos/{owner}/{repo}/releases/{release_id}/assets', (request) => {
    const repo = requireRepo(state, request);
    const release = state.release(intParam(request, 'release_id'));
    if (release === undefined || release.repo.toLowerCase() !== repo.fullName.toLowerCase()) notFound();
    const name = request.query.get('name') ?? '';
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
