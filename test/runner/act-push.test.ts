/**
 * Our own workflow file, run by a runner no one here wrote: nektos/act (see ACT_VERSION), in host
 * mode, with Node 24 first on PATH, against the testkit's local GitHub. Scenarios, on
 * .github/workflows/example-ml.yml: a push to main (three seeds train, the report job gates them
 * together, the package job packages and tags the seed-1 model, the history job appends the run);
 * then a pull request from the same repository that changes a param (one comment comparing it with
 * main's records, one check on its head commit, nothing packaged).
 *
 * Where act differs from GitHub in what we rely on, and what this test does about it:
 * - In host mode act copies nothing into the workspace, so the remote actions the workflow uses are
 *   replaced with --local-repository by small local stand-ins (test/runner/stand-ins): checkout
 *   copies the repository under test, setup-python puts python3 on PATH as python,
 *   upload-artifact and download-artifact keep a folder between jobs, attest checks that the
 *   predicate is JSON (signing needs Sigstore).
 * - act's own artifact server rejects current @actions/artifact requests: the steps get the
 *   testkit's artifact service through ACTIONS_RESULTS_URL and ACTIONS_RUNTIME_TOKEN (--env), and
 *   GITHUB_API_URL points at the REST stand-in; GITHUB_SERVER_URL stays github.com.
 * - act takes GITHUB_SHA from the local git commit, not from --env or the event: the stand-in is
 *   seeded with that commit. GITHUB_REPOSITORY would come from the git remote: set with --env.
 * - act evaluates `${{ }}` in an action.yml input's description and fails the step ("expressions
 *   are not allowed here"); our descriptions hold none.
 * - Without Docker act warns "Couldn't get a valid docker connection"; host mode needs none.
 * Without act the test fails in CI and is skipped with a notice elsewhere (npm run peers builds it).
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actPath, node24, repositoryRoot, startLocalGitHub, type LocalGitHub } from '@ml-actions/testkit';

const ACT = process.env['ACT_PATH'] ?? actPath();
const inCi = (process.env['CI'] ?? '') !== '' && process.env['CI'] !== 'false';
const skipped = !existsSync(ACT) && !inCi;
if (skipped) console.warn(`NOTICE: the runner tests are skipped: act is not built at ${ACT} (npm run peers builds it)`);

const REPO = 'octo-org/churn';
const STAND_INS = join(repositoryRoot(), 'test', 'runner', 'stand-ins');
const REMOTE_ACTIONS = ['checkout@v4', 'setup-python@v5', 'upload-artifact@v4', 'download-artifact@v4', 'attest@v2'];

let github: LocalGitHub;
const folders: string[] = [];
/** The repository under test and its main commit, once scenario 1 has run on it. */
let onMain: { folder: string; sha: string } | undefined;

beforeAll(async () => {
  if (skipped) return;
  if (!existsSync(ACT))
    throw new Error(`act is not built at ${ACT}: run npm run peers (it builds act with go install)`);
  github = await startLocalGitHub();
});
afterAll(async () => {
  await github?.close();
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

/** The repository under test: the workflow, our actions' metadata and bundles, the example project; one git commit. */
async function repository(): Promise<{ folder: string; sha: string }> {
  const folder = await mkdtemp(join(tmpdir(), 'act-repository-'));
  folders.push(folder);
  const root = repositoryRoot();
  for (const path of ['actions', 'examples', '.github/workflows']) {
    await cp(join(root, path), join(folder, path), {
      recursive: true,
      filter: (source) => !/\/(src|node_modules|out)(\/|$)/.test(source.slice(root.length)),
    });
  }
  const git = (...args: string[]) => execFileSync('git', args, { cwd: folder, encoding: 'utf8' }).trim();
  git('init', '-q', '-b', 'main');
  git('remote', 'add', 'origin', `https://github.com/${REPO}.git`);
  git('add', '-A');
  git('-c', 'user.email=dev@example.test', '-c', 'user.name=dev', 'commit', '-qm', 'Add the churn model');
  return { folder, sha: git('rev-parse', 'HEAD') };
}

/** Runs act on a workflow and event; answers its exit code and log. */
function act(
  folder: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; log: string }> {
  const argv = [
    ...args,
    '-P',
    'ubuntu-latest=-self-hosted',
    '--concurrent-jobs',
    '1',
    ...REMOTE_ACTIONS.flatMap((action) => [
      '--local-repository',
      `actions/${action}=${join(STAND_INS, action.split('@')[0]!)}`,
    ]),
    '-s',
    `GITHUB_TOKEN=${github.token}`,
    ...Object.entries(env).flatMap(([name, value]) => ['--env', `${name}=${value}`]),
  ];
  return new Promise((resolve) => {
    // act runs JavaScript actions with the node it finds first on PATH.
    const child = spawn(ACT, argv, {
      cwd: folder,
      env: { ...process.env, PATH: `${dirname(node24())}:${process.env['PATH'] ?? ''}` },
    });
    let log = '';
    child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 400_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, log });
    });
  });
}

describe.skipIf(skipped)('our workflows under nektos/act', () => {
  it('a push to main of example-ml.yml: the matrix trains, the report gates, package tags, history appends', async () => {
    const { folder, sha } = await repository();
    onMain = { folder, sha };
    github.api.state.addCommit(REPO, { branch: 'main', message: 'Add the churn model', sha });
    const { runId, env } = github.startRun({ headSha: sha, headBranch: 'main', event: 'push', job: 'train' });
    const artifacts = await mkdtemp(join(tmpdir(), 'act-artifacts-'));
    folders.push(artifacts);
    const event = join(artifacts, 'push.json');
    await writeFile(
      event,
      JSON.stringify({
        ref: 'refs/heads/main',
        before: '0'.repeat(40),
        after: sha,
        head_commit: { id: sha, message: 'Add the churn model' },
        repository: { full_name: REPO, name: 'churn', owner: { login: 'octo-org' }, default_branch: 'main' },
      }),
    );
    const run = await act(folder, ['push', '-W', '.github/workflows/example-ml.yml', '-e', event], {
      ...env,
      GITHUB_REPOSITORY: REPO,
      ACT_SOURCE: folder,
      ACT_ARTIFACTS: artifacts,
      NO_PROXY: '127.0.0.1,localhost',
    });
    expect(run.code, run.log.slice(-4000)).toBe(0);
    // Every job ran and succeeded; no step failed.
    for (const job of ['train-1', 'train-2', 'train-3', 'report', 'package', 'history']) {
      expect(run.log, job).toContain(`[example-ml/${job}`);
    }
    expect(run.log.match(/🏁 {2}Job succeeded/g)).toHaveLength(6);
    expect(run.log).not.toMatch(/❌ {2}Failure/);

    // What the local GitHub holds afterwards.
    const checks = github.api.state.checkRuns(REPO).filter((check) => check.headSha === sha);
    expect(checks.map((check) => [check.name, check.conclusion])).toEqual([['ML quality gate', 'success']]);
    const tag = github.api.state.ref(REPO, 'tags/churn-model@v0.1.0');
    expect(tag).toBeDefined();
    expect(github.api.state.tagObject(tag!)?.object).toBe(sha);
    const names = github.registry.list({ workflowRunId: runId }).map((artifact) => artifact.name);
    expect(names.filter((name) => name.startsWith('ml-run-'))).toHaveLength(3);
    expect(names).toContain('ml-gate-report');
    expect(names.some((name) => name.startsWith('churn-model'))).toBe(true);
    expect(github.api.state.ref(REPO, 'heads/ml-history')).toBeDefined();
  }, 420_000);

  it('a pull request from the same repository: one comment, one check on the head commit, nothing packaged', async () => {
    expect(onMain, 'the push scenario runs first: its records are the baseline').toBeDefined();
    const { folder, sha: base } = onMain!;
    const git = (...args: string[]) => execFileSync('git', args, { cwd: folder, encoding: 'utf8' }).trim();
    git('checkout', '-q', '-b', 'tune-lr');
    await writeFile(
      join(folder, 'examples', 'params.yaml'),
      (await readFile(join(folder, 'examples', 'params.yaml'), 'utf8')).replace(
        /learning_rate: [0-9.]+/,
        'learning_rate: 0.05',
      ),
    );
    git('-c', 'user.email=dev@example.test', '-c', 'user.name=dev', 'commit', '-qam', 'Raise the learning rate');
    const head = git('rev-parse', 'HEAD');
    github.api.state.addCommit(REPO, { parents: [base], message: 'Raise the learning rate', sha: head });
    github.api.state.setRef(REPO, 'heads/tune-lr', head);
    const pull = github.api.state.addPull(REPO, {
      head: { ref: 'tune-lr', sha: head },
      base: { ref: 'main' },
      title: 'Raise the learning rate',
    });
    const { env } = github.startRun({
      headSha: head,
      headBranch: 'tune-lr',
      event: 'pull_request',
      job: 'train',
      pullRequests: [pull.number],
    });
    const artifacts = await mkdtemp(join(tmpdir(), 'act-artifacts-'));
    folders.push(artifacts);
    const event = join(artifacts, 'pull_request.json');
    const repository = { full_name: REPO, name: 'churn', owner: { login: 'octo-org' }, default_branch: 'main' };
    await writeFile(
      event,
      JSON.stringify({
        action: 'synchronize',
        number: pull.number,
        pull_request: {
          number: pull.number,
          head: { ref: 'tune-lr', sha: head, repo: repository },
          base: { ref: 'main', sha: base, repo: repository },
        },
        repository,
      }),
    );
    const tagsBefore = github.api.state.refs(REPO).filter(([ref]) => ref.startsWith('refs/tags/')).length;
    const run = await act(folder, ['pull_request', '-W', '.github/workflows/example-ml.yml', '-e', event], {
      ...env,
      GITHUB_REPOSITORY: REPO,
      ACT_SOURCE: folder,
      ACT_ARTIFACTS: artifacts,
      NO_PROXY: '127.0.0.1,localhost',
    });
    expect(run.code, run.log.slice(-4000)).toBe(0);
    expect(run.log).not.toMatch(/❌ {2}Failure/);
    const comments = github.api.state
      .comments(REPO, pull.number)
      .filter((c) => c.body.includes('<!-- ml-actions:compare:'));
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain('### 📊 Metric comparison');
    expect(comments[0]!.body).toContain(`baseline: main @ [${base.slice(0, 7)}]`);
    const checks = github.api.state.checkRuns(REPO).filter((check) => check.headSha === head);
    expect(checks.map((check) => check.name)).toEqual(['ML quality gate']);
    // The package and history jobs are for main only.
    expect(github.api.state.refs(REPO).filter(([ref]) => ref.startsWith('refs/tags/'))).toHaveLength(tagsBefore);
  }, 420_000);
});
