import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  pullRequestEvent,
  pushEvent,
  startJob,
  startLocalGitHub,
  workflowRunEvent,
  type LocalGitHub,
} from '@ml-actions/testkit';

let github: LocalGitHub;
let workspace: string;
let mainSha: string;
const repo = 'octo-org/churn';
const history = (losses: number[]) => `step,loss,accuracy\n${losses.map((l, i) => `${i},${l},${1 - l}`).join('\n')}\n`;

beforeAll(async () => {
  github = await startLocalGitHub();
  workspace = await mkdtemp(join(tmpdir(), 'compare-'));
  mainSha = github.api.state.addCommit(repo, { branch: 'main', message: 'initial' }).sha;
  await writeFile(join(workspace, 'history.csv'), history([0.9, 0.6, 0.4, 0.3]));
  await writeFile(join(workspace, 'params.yaml'), 'lr: 0.01\n');
  const job = await startJob(github, {
    event: pushEvent(github.repository, { sha: mainSha, before: '0'.repeat(40) }),
    headSha: mainSha,
    headBranch: 'main',
    workspace,
  });
  expect((await job.step('train', { metrics: 'history.csv', params: 'params.yaml' })).exitCode).toBe(0);
  await job.finish();
});
afterEach(() => github.api.assertNoViolations());
afterAll(async () => {
  await github?.close();
  await rm(workspace, { recursive: true, force: true });
});

let nextPull = 1;
async function pullRequest(options: { losses: number[]; fork?: boolean; token?: string; metricsFile?: string }) {
  const number = nextPull++;
  const headSha = github.api.state.addCommit(repo, { parents: [mainSha], message: `pr ${number}` }).sha;
  github.api.state.setRef(repo, `heads/feature-${number}`, headSha);
  github.api.state.addPull(repo, { number, head: { ref: `feature-${number}`, sha: headSha }, base: { ref: 'main' } });
  await writeFile(join(workspace, 'history.csv'), history(options.losses));
  await writeFile(join(workspace, 'params.yaml'), 'lr: 0.02\n');
  const job = await startJob(github, {
    event: pullRequestEvent(github.repository, {
      number,
      headSha,
      baseSha: mainSha,
      headRef: `feature-${number}`,
      fork: options.fork ?? false,
    }),
    headSha,
    headBranch: `feature-${number}`,
    workspace,
    ...(options.token === undefined ? {} : { token: options.token }),
  });
  const train = await job.step('train', { metrics: options.metricsFile ?? 'history.csv', params: 'params.yaml' });
  expect(train.exitCode).toBe(0);
  return { number, headSha, job };
}

const ours = (number: number) =>
  github.api.state.comments(repo, number).filter((c) => c.body.includes('<!-- ml-actions:compare:'));

describe('compare in comment mode', () => {
  it('posts one sticky comment with the table, a chart and the changed params, and updates it in place', async () => {
    const { number, job } = await pullRequest({ losses: [0.8, 0.5, 0.3, 0.2] });
    const first = await job.step('compare', { rules: 'loss <= baseline * 1.05' });
    expect(first.exitCode).toBe(0);
    const report = await readFile(first.outputs['report'] ?? '', 'utf8');
    expect(ours(number)).toHaveLength(1);
    const comment = ours(number)[0];
    expect(comment?.body).toBe(report);
    expect(comment?.body).toContain('<!-- ml-actions:compare:ml -->');
    expect(comment?.body).toContain('```mermaid');
    expect(comment?.body).toContain('xychart-beta');
    // The rule declares that lower is better for loss: its arrow carries no `?`.
    expect(comment?.body).toMatch(/\| *loss ↓ *\|/);
    expect(comment?.body).toContain('lr');
    expect(first.outputs['comment-id']).toBe(String(comment?.id));
    expect(first.summary).toContain('xychart-beta');

    const second = await job.step('compare', { rules: 'loss <= baseline * 1.05' });
    expect(second.exitCode).toBe(0);
    expect(ours(number)).toHaveLength(1);
    expect(second.outputs['comment-id']).toBe(String(comment?.id));
    await job.finish();
  });

  it('compares with an explicit baseline file without a token, and refuses one that matches nothing', async () => {
    const base = await startJob(github, {
      event: pushEvent(github.repository, { sha: mainSha, before: '0'.repeat(40) }),
      headSha: mainSha,
      headBranch: 'main',
      workspace,
    });
    await writeFile(join(workspace, 'history.csv'), history([0.9, 0.55]));
    const trained = await base.step('train', { metrics: 'history.csv', upload: 'false' });
    await mkdir(join(workspace, 'records'), { recursive: true });
    await writeFile(join(workspace, 'records', 'base.json'), await readFile(trained.outputs['record'] ?? '', 'utf8'));
    await base.finish();

    const { job } = await pullRequest({ losses: [0.9, 0.35] });
    const compare = await job.step('compare', { baseline: 'records/base.json', 'github-token': '' });
    const report = await readFile(compare.outputs['report-json'] ?? '', 'utf8');
    const missing = await job.step('compare', { baseline: 'records/none-*.json', 'github-token': '' });
    await job.finish();
    // The comparison is made and kept in the report; only the comment needs the token.
    expect(compare.annotations.map((a) => a.message)).toEqual([
      'input "github-token" is empty: the comment cannot be posted',
    ]);
    expect(report).toContain('"baseline"');
    expect(JSON.parse(report)).toMatchObject({ schema: 'ml-actions/comparison', version: 2 });
    expect(report).toContain('0.55');
    expect(missing.exitCode).toBe(1);
    expect(missing.annotations.find((a) => a.level === 'error')?.message).toBe(
      'input "baseline": no run record matches records/none-*.json',
    );
  });

  it('finds its comment among 250 others and never edits another author’s comment carrying the marker', async () => {
    const { number, job } = await pullRequest({ losses: [0.7, 0.4] });
    for (let i = 0; i < 120; i++) github.api.state.addComment(repo, number, { body: `chatter ${i}`, user: 'octo-dev' });
    const first = await job.step('compare');
    expect(first.exitCode).toBe(0);
    const forged = github.api.state.addComment(repo, number, {
      body: '<!-- ml-actions:compare:ml --> forged',
      user: 'mallory',
    });
    for (let i = 0; i < 130; i++) github.api.state.addComment(repo, number, { body: `more ${i}`, user: 'octo-dev' });
    const second = await job.step('compare');
    expect(second.exitCode).toBe(0);
    expect(second.outputs['comment-id']).toBe(first.outputs['comment-id']);
    const byBot = ours(number).filter((c) => c.user === 'github-actions[bot]');
    expect(byBot).toHaveLength(1);
    expect(github.api.state.comment(forged.id)?.body).toBe('<!-- ml-actions:compare:ml --> forged');
    await job.finish();
  });

  it('two jobs posting at once end with exactly one comment', async () => {
    const { number, job } = await pullRequest({ losses: [0.7, 0.35] });
    const [a, b] = await Promise.all([job.step('compare'), job.step('compare')]);
    expect([a.exitCode, b.exitCode]).toEqual([0, 0]);
    expect(ours(number)).toHaveLength(1);
    await job.finish();
  });

  it("links the trend page GitHub Pages serves from the history branch, with the experiment's point of the baseline commit", async () => {
    github.api.state.setPages(repo, { buildType: 'legacy', source: { branch: 'ml-history', path: '/docs' } });
    try {
      const { number, job } = await pullRequest({ losses: [0.8, 0.45] });
      const mark = github.api.requests.length;
      const found = await job.step('compare', { 'comment-key': 'trend' });
      expect(found.exitCode, found.log).toBe(0);
      expect(github.api.requests.slice(mark).filter((r) => r.path.endsWith('/pages'))).toHaveLength(1);
      const body = ours(number).find((c) => c.body.includes('compare:trend'))?.body ?? '';
      const line = body.split('\n').find((text) => text.startsWith('📈 '));
      expect(line).toMatch(
        new RegExp(
          `^📈 \\[Trend page\\]\\(https://octo-org\\.github\\.io/churn/\\) of main's history: ` +
            `\\[[^\\]]+\\]\\(https://octo-org\\.github\\.io/churn/#experiment=[^&)]+&commit=${mainSha}\\)$`,
        ),
      );
      // Input trend-page is used as given, without asking GitHub.
      const before = github.api.requests.length;
      const given = await job.step('compare', {
        'comment-key': 'given',
        'trend-page': 'https://models.example.com/ml/',
      });
      expect(github.api.requests.slice(before).filter((r) => r.path.endsWith('/pages'))).toEqual([]);
      expect(ours(number).find((c) => c.body.includes('compare:given'))?.body).toContain(
        "📈 [Trend page](https://models.example.com/ml/) of main's history: [",
      );
      expect(given.exitCode).toBe(0);
      const bad = await job.step('compare', { 'trend-page': 'javascript:alert(1)' });
      expect(bad.exitCode).toBe(1);
      expect(bad.annotations.find((a) => a.level === 'error')?.message).toBe(
        'input "trend-page" must be an http(s) address, got "javascript:alert(1)"',
      );
      await job.finish();
    } finally {
      github.api.state.setPages(repo, undefined);
    }
  });

  it('links the model version package registered for the baseline commit, its release, with input model', async () => {
    const tagger = { name: 'github-actions[bot]', email: 'bot@example.test', date: '2026-12-01T00:00:00Z' };
    for (const version of ['0.9.0', '1.0.0']) {
      const tag = github.api.state.addTagObject({
        tag: `churn@v${version}`,
        message: `Registering artifact churn version v${version}`,
        object: mainSha,
        tagger,
      });
      github.api.state.setRef(repo, `tags/churn@v${version}`, tag.sha);
    }
    github.api.state.addRelease({
      repo,
      tagName: 'churn@v1.0.0',
      targetCommitish: mainSha,
      name: 'churn v1.0.0',
      body: null,
      draft: false,
      prerelease: false,
      author: 'github-actions[bot]',
      createdAt: '2026-12-01T00:00:00Z',
      publishedAt: '2026-12-01T00:00:00Z',
    });
    try {
      const { number, job } = await pullRequest({ losses: [0.8, 0.45] });
      const linked = await job.step('compare', { 'comment-key': 'model', model: 'churn' });
      expect(linked.exitCode, linked.log).toBe(0);
      const body = ours(number).find((c) => c.body.includes('compare:model'))?.body ?? '';
      expect(body).toContain(
        `📦 The baseline's model version: [churn@v1.0.0](https://github.com/${repo}/releases/tag/churn%40v1.0.0)`,
      );
      // Without the input nothing is looked up.
      const plain = await job.step('compare', { 'comment-key': 'plain' });
      expect(ours(number).find((c) => c.body.includes('compare:plain'))?.body).not.toContain('📦');
      expect(plain.exitCode).toBe(0);
      await job.finish();
    } finally {
      for (const version of ['0.9.0', '1.0.0']) github.api.state.deleteRef(repo, `tags/churn@v${version}`);
    }
  });

  it('links no trend page when Pages deploys another branch, and asks nothing without a history branch', async () => {
    github.api.state.setPages(repo, { buildType: 'legacy', source: { branch: 'gh-pages', path: '/' } });
    try {
      const { number, job } = await pullRequest({ losses: [0.8, 0.45] });
      const elsewhere = await job.step('compare', { 'comment-key': 'elsewhere' });
      expect(elsewhere.exitCode).toBe(0);
      expect(ours(number).find((c) => c.body.includes('compare:elsewhere'))?.body).not.toContain('Trend page');
      const mark = github.api.requests.length;
      const none = await job.step('compare', { 'comment-key': 'none', 'history-branch': '' });
      expect(none.exitCode).toBe(0);
      expect(github.api.requests.slice(mark).filter((r) => r.path.endsWith('/pages'))).toEqual([]);
      await job.finish();
    } finally {
      github.api.state.setPages(repo, undefined);
    }
  });

  it('neutralises HTML, mentions and table breakers in metric names', async () => {
    await writeFile(
      join(workspace, 'evil.json'),
      JSON.stringify({ '<script>alert(1)</script>': 1, '@octocat|x': 2, 'fixes #1': 3 }),
    );
    const { number, job } = await pullRequest({ losses: [0.5], metricsFile: 'evil.json' });
    const run = await job.step('compare', { 'comment-key': 'evil' });
    expect(run.exitCode).toBe(0);
    const body = ours(number)[0]?.body ?? '';
    expect(body).not.toContain('<script>');
    expect(body).not.toMatch(/(^|[^`\w])@octocat/);
    expect(body).not.toContain('#1 ');
    await job.finish();
  });
});

describe('compare with a huge report', () => {
  it('cuts the comment under 65,536 characters while the job summary keeps every metric', async () => {
    const metrics: Record<string, number> = {};
    for (let i = 0; i < 3000; i++) metrics[`layer_${String(i).padStart(4, '0')}.weight_norm`] = i / 7;
    await writeFile(join(workspace, 'huge.json'), JSON.stringify(metrics));
    const { number, job } = await pullRequest({ losses: [0.5], metricsFile: 'huge.json' });
    const run = await job.step('compare', { 'comment-key': 'huge' });
    expect(run.exitCode).toBe(0);
    const body = ours(number)[0]?.body ?? '';
    expect(body.length).toBeGreaterThan(1000);
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(body).toContain('job summary');
    for (const name of ['layer\\_0000.weight\\_norm', 'layer\\_2999.weight\\_norm'])
      expect(run.summary).toContain(name);
    await job.finish();
  });
});

describe('compare on pull requests from forks', () => {
  const readOnly = 'ghs_forkReadOnly000000000000000000000000';

  it('degrades to the job summary with guidance when the token is read-only', async () => {
    github.api.tokens.add(readOnly, { login: 'github-actions[bot]', installation: true, readOnly: true });
    const { number, job } = await pullRequest({ losses: [0.6, 0.3], fork: true, token: readOnly });
    const run = await job.step('compare');
    expect(run.exitCode).toBe(0);
    expect(run.annotations.find((annotation) => annotation.level === 'warning')?.message).toContain(
      'token is read-only',
    );
    expect(run.summary).toContain('was not posted as a comment');
    expect(ours(number)).toHaveLength(0);
    await job.finish();
  });

  it('collect then publish: the trusted stage comments and creates the check run on the head commit', async () => {
    const { number, headSha, job } = await pullRequest({ losses: [0.6, 0.25], fork: true, token: readOnly });
    const collect = await job.step('compare', { mode: 'collect', rules: 'loss <= baseline * 1.05' });
    expect(collect.exitCode).toBe(0);
    expect(ours(number)).toHaveLength(0);
    await job.finish();

    const publisher = await startJob(github, {
      event: workflowRunEvent(github.repository, { runId: job.runId, headSha, headBranch: `feature-${number}` }),
      headSha: mainSha,
      headBranch: 'main',
      workspace,
      job: 'publish',
    });
    // The check is decided by publish's own rules, and named after the triggering workflow (ml).
    const publish = await publisher.step('compare', { mode: 'publish', rules: 'loss <= baseline * 1.05' });
    expect(publish.exitCode).toBe(0);
    expect(ours(number)).toHaveLength(1);
    expect(ours(number)[0]?.body).toContain('xychart-beta');
    const checks = github.api.state.checkRuns(repo).filter((check) => check.headSha === headSha);
    expect(checks).toEqual([expect.objectContaining({ name: 'ML quality gate', conclusion: 'success' })]);
    await publisher.finish();
  });

  it('publish refuses a collected comparison whose pull request has moved to another commit', async () => {
    const { number, headSha, job } = await pullRequest({ losses: [0.6, 0.25], fork: true, token: readOnly });
    expect((await job.step('compare', { mode: 'collect' })).exitCode).toBe(0);
    await job.finish();
    // The pull request is pushed again: its head is no longer the commit the artifact was made for.
    const moved = github.api.state.addCommit(repo, { parents: [headSha], message: 'later' }).sha;
    github.api.state.pull(repo, number)!.head.sha = moved;
    const publisher = await startJob(github, {
      event: workflowRunEvent(github.repository, { runId: job.runId, headSha, headBranch: `feature-${number}` }),
      headSha: mainSha,
      headBranch: 'main',
      workspace,
      job: 'publish',
    });
    const publish = await publisher.step('compare', { mode: 'publish' });
    expect(publish.exitCode).toBe(1);
    expect(publish.annotations[0]?.message).toBe(
      `refusing the comparison: pull request #${number} is at ${moved.slice(0, 7)}, not ${headSha.slice(0, 7)}`,
    );
    expect(ours(number)).toHaveLength(0);
    await publisher.finish();
  });

  it('publish refuses a comparison made for another head commit than the triggering run', async () => {
    const { number, job } = await pullRequest({ losses: [0.6, 0.25], fork: true, token: readOnly });
    expect((await job.step('compare', { mode: 'collect' })).exitCode).toBe(0);
    await job.finish();
    const other = 'e'.repeat(40);
    const publisher = await startJob(github, {
      event: workflowRunEvent(github.repository, { runId: job.runId, headSha: other, headBranch: `feature-${number}` }),
      headSha: mainSha,
      headBranch: 'main',
      workspace,
      job: 'publish',
    });
    const publish = await publisher.step('compare', { mode: 'publish' });
    expect(publish.exitCode).toBe(1);
    expect(publish.annotations[0]?.message).toMatch(
      /^refusing the comparison: its head commit \w{7} is not the triggering run's eeeeeee$/,
    );
    await publisher.finish();
  });
});
