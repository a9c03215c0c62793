/**
 * Model versions under concurrency and re-runs: package registers its version (creates the
 * `<name>@v<version>` tag) before it uploads, takes the next version when another run registered
 * this one first, and a re-run of the same commit ships the version its earlier attempt registered,
 * replacing the artifact that attempt uploaded. And what a version publishes, its model card and
 * release notes, pings no one.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pushEvent, runAction, startLocalGitHub, type LocalGitHub } from '@ml-actions/testkit';
import { FAST_RETRIES } from './support/lab.ts';

let github: LocalGitHub;
let repoName: string;
let workspace: string;
const folders: string[] = [];

beforeAll(async () => {
  github = await startLocalGitHub();
  repoName = `${github.repository.owner}/${github.repository.repo}`;
  workspace = await folder('package-versions-');
  await mkdir(join(workspace, 'model'));
  await writeFile(join(workspace, 'model', 'weights.bin'), 'weights');
});
afterEach(() => {
  github.api.faults.clear();
  github.artifacts.faults.clear();
  github.api.assertNoViolations();
});
afterAll(async () => {
  await github?.close();
  for (const path of folders) await rm(path, { recursive: true, force: true });
});

async function folder(prefix: string): Promise<string> {
  const path = await mkdtemp(join(tmpdir(), prefix));
  folders.push(path);
  return path;
}

/**
 * A workflow run of a push of a new commit to main; `attempt` runs package in it (1, then
 * re-runs), `step` any action in a job of the run (its RUNNER_TEMP kept between steps).
 */
function pushRun() {
  const sha = github.api.state.addCommit(repoName, { branch: 'main', message: 'train' }).sha;
  const { runId, env } = github.startRun({ headSha: sha, headBranch: 'main', event: 'push' });
  const step = async (action: string, runAttempt: number, inputs: Record<string, string>, runnerTemp?: string) =>
    runAction({
      action,
      workspace,
      inputs,
      env: { ...env, ...FAST_RETRIES },
      runId,
      runAttempt,
      runnerTemp: runnerTemp ?? (await folder('runner-temp-')),
      event: pushEvent(github.repository, { sha, before: '0'.repeat(40) }),
      token: github.token,
    });
  const attempt = (runAttempt: number, inputs: Record<string, string>) =>
    step('package', runAttempt, { path: 'model/', ...inputs });
  return { sha, runId, attempt, step };
}

const tags = (name: string) =>
  github.api.state
    .refs(repoName)
    .map(([ref]) => ref)
    .filter((ref) => ref.startsWith(`refs/tags/${name}@v`));
const artifacts = (runId: number, name: string) =>
  github.registry.list({ workflowRunId: runId, finalized: true }).filter((a) => a.name === name);
const errorOf = (run: { annotations: { level: string; message: string }[] }) =>
  run.annotations.find((a) => a.level === 'error')?.message;

describe('versions under races and re-runs, and what a release shows', () => {
  it('registers the version before uploading: a failed upload leaves the tag, and the re-run ships that version', async () => {
    const run = pushRun();
    github.artifacts.faults.add({ method: 'CreateArtifact', status: 403 });
    const first = await run.attempt(1, { name: 'early', tag: 'true' });
    expect(first.exitCode).toBe(1);
    expect(tags('early')).toEqual(['refs/tags/early@v0.1.0']);
    expect(github.api.state.resolveCommitish(repoName, 'tags/early@v0.1.0')).toBe(run.sha);
    const second = await run.attempt(2, { name: 'early', tag: 'true' });
    expect(errorOf(second)).toBeUndefined();
    expect(second.exitCode).toBe(0);
    expect(second.outputs['version']).toBe('0.1.0');
    expect(tags('early')).toEqual(['refs/tags/early@v0.1.0']);
    expect(artifacts(run.runId, 'early-v0.1.0')).toHaveLength(1);
    expect(second.summary).toContain('by an earlier attempt of this run');
  });

  it('a re-run of a run that tagged and released returns its version and replaces its artifact', async () => {
    const run = pushRun();
    const first = await run.attempt(1, { name: 'rerun', tag: 'true', release: 'true' });
    expect(first.exitCode).toBe(0);
    expect(first.outputs['version']).toBe('0.1.0');
    const second = await run.attempt(2, { name: 'rerun', tag: 'true', release: 'true' });
    expect(errorOf(second)).toBeUndefined();
    expect(second.exitCode).toBe(0);
    expect(second.outputs['version']).toBe('0.1.0');
    expect(tags('rerun')).toEqual(['refs/tags/rerun@v0.1.0']);
    expect(github.api.state.releases(repoName).filter((r) => r.tagName === 'rerun@v0.1.0')).toHaveLength(1);
    const live = artifacts(run.runId, 'rerun-v0.1.0');
    expect(live.map((a) => String(a.id))).toEqual([second.outputs['artifact-id']]);
    expect(second.outputs['artifact-id']).not.toBe(first.outputs['artifact-id']);
    // A new commit still gets a new version.
    const next = await pushRun().attempt(1, { name: 'rerun', tag: 'true' });
    expect(next.outputs['version']).toBe('0.1.1');
  });

  it('a release whose upload is refused leaves no release, not even a draft, and the re-run publishes it whole', async () => {
    const run = pushRun();
    github.api.faults.add({ method: 'POST', path: /\/releases\/\d+\/assets$/, status: 404 });
    const first = await run.attempt(1, { name: 'unreleased', tag: 'true', release: 'true' });
    expect(first.exitCode).toBe(1);
    expect(errorOf(first)).toBe(
      'the package was built and uploaded, but its release unreleased@v0.1.0 failed: uploading release asset unreleased-v0.1.0.tar (3072 bytes) failed: Not Found - https://docs.github.com/rest',
    );
    expect(first.summary).toContain('Not released: uploading release asset unreleased-v0.1.0.tar');
    expect(github.api.state.releases(repoName).filter((r) => r.tagName === 'unreleased@v0.1.0')).toEqual([]);
    expect(artifacts(run.runId, 'unreleased-v0.1.0')).toHaveLength(1);

    const second = await run.attempt(2, { name: 'unreleased', tag: 'true', release: 'true' });
    expect(errorOf(second)).toBeUndefined();
    expect(second.exitCode).toBe(0);
    const [release, ...more] = github.api.state.releases(repoName).filter((r) => r.tagName === 'unreleased@v0.1.0');
    expect(more).toEqual([]);
    expect(release?.draft).toBe(false);
    expect(release?.assets.map((asset) => asset.name)).toEqual([
      'unreleased-v0.1.0.tar',
      'manifest.json',
      'README.md',
      'provenance.intoto.json',
      'SHA256SUMS',
    ]);
  });

  it('a re-run without tags replaces the artifact its earlier attempt uploaded', async () => {
    const run = pushRun();
    expect((await run.attempt(1, { name: 'untagged' })).exitCode).toBe(0);
    const second = await run.attempt(2, { name: 'untagged' });
    expect(errorOf(second)).toBeUndefined();
    expect(second.exitCode).toBe(0);
    expect(second.outputs['version']).toBe('0.1.0');
    expect(artifacts(run.runId, 'untagged-v0.1.0').map((a) => String(a.id))).toEqual([second.outputs['artifact-id']]);
  });

  it('when another run registers the version first (tag creation answers 422), takes the next one', async () => {
    const run = pushRun();
    const other = github.api.state.addCommit(repoName, { branch: 'other', message: 'other run' }).sha;
    github.api.faults.add({
      method: 'POST',
      path: '/repos/{owner}/{repo}/git/refs',
      before: () => github.api.state.setRef(repoName, 'tags/raced@v0.1.0', other),
    });
    const raced = await run.attempt(1, { name: 'raced', tag: 'true' });
    expect(errorOf(raced)).toBeUndefined();
    expect(raced.exitCode).toBe(0);
    expect(raced.outputs['version']).toBe('0.1.1');
    expect(raced.outputs['artifact-name']).toBe('raced-v0.1.1');
    expect(github.api.state.resolveCommitish(repoName, 'tags/raced@v0.1.0')).toBe(other);
    expect(github.api.state.resolveCommitish(repoName, 'tags/raced@v0.1.1')).toBe(run.sha);
  });

  it('gives up after 5 versions in a row taken by other runs, uploading nothing', async () => {
    const run = pushRun();
    const other = github.api.state.addCommit(repoName, { branch: 'busy', message: 'other runs' }).sha;
    let taken = 0;
    github.api.faults.add({
      method: 'POST',
      path: '/repos/{owner}/{repo}/git/refs',
      times: 5,
      before: () => github.api.state.setRef(repoName, `tags/busy@v0.1.${taken++}`, other),
    });
    const busy = await run.attempt(1, { name: 'busy', tag: 'true' });
    expect(busy.exitCode).toBe(1);
    expect(errorOf(busy)).toBe(
      'package failed unexpectedly: no version of busy could be registered: 5 tags in a row were taken by other runs meanwhile',
    );
    expect(github.registry.list({ workflowRunId: run.runId })).toEqual([]);
  });

  it('a broken MLmodel file fails the step before a version is registered', async () => {
    const broken = await folder('package-broken-');
    await mkdir(join(broken, 'model'));
    await writeFile(join(broken, 'model', 'MLmodel'), 'artifact_path: model\n');
    const sha = github.api.state.addCommit(repoName, { branch: 'main', message: 'broken' }).sha;
    const { runId, env } = github.startRun({ headSha: sha, headBranch: 'main', event: 'push' });
    const run = await runAction({
      action: 'package',
      workspace: broken,
      inputs: { name: 'broken', path: 'model/', tag: 'true' },
      env: { ...env, ...FAST_RETRIES },
      runId,
      runnerTemp: await folder('runner-temp-'),
      event: pushEvent(github.repository, { sha, before: '0'.repeat(40) }),
      token: github.token,
    });
    expect(run.exitCode).toBe(1);
    expect(errorOf(run)).toBe('model/MLmodel: has no "flavors" mapping, so it is not an MLflow MLmodel file');
    expect(tags('broken')).toEqual([]);
  });

  it('the model card and release notes escape names as the comment does: no mention, no issue link', async () => {
    await writeFile(join(workspace, 'metrics.json'), '{"fixes #123": 0.9, "@octocat": 1}');
    await writeFile(join(workspace, 'params.yaml'), '"@admin": "see #42"\nlr: 0.1\n');
    const run = pushRun();
    const runnerTemp = await folder('runner-temp-');
    const train = await run.step('train', 1, { metrics: 'metrics.json', params: 'params.yaml' }, runnerTemp);
    expect(train.exitCode).toBe(0);
    const pack = await run.step(
      'package',
      1,
      { name: 'pings', path: 'model/', tag: 'true', release: 'true' },
      runnerTemp,
    );
    expect(errorOf(pack)).toBeUndefined();
    const body = github.api.state.releases(repoName).find((r) => r.tagName === 'pings@v0.1.0')?.body ?? '';
    expect(body).toContain('| lr | 0.1 |');
    // A zero-width joiner after `@` and `#`, as escapeInline puts it; the card's YAML front matter,
    // which GitHub would render as text, is not in the notes.
    expect(body).toMatch(/^# pings\n/);
    const markdown = body;
    expect(markdown).toContain('| @\u200dadmin | see #\u200d42 |');
    expect(markdown).toContain('| fixes #\u200d123 | 0.9 |');
    expect(markdown).not.toMatch(/@(?:admin|octocat)|#(?:42|123)/);
  });
});
