import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pullRequestEvent, pushEvent, startJob, startLocalGitHub, type LocalGitHub } from '@ml-actions/testkit';

let github: LocalGitHub;
let workspace: string;
let mainSha: string;
const repo = 'octo-org/churn';

async function writeMetrics(metrics: Record<string, number>): Promise<void> {
  await writeFile(join(workspace, 'metrics.json'), JSON.stringify(metrics));
}

/** A push to main that trains and records `metrics`: the baseline of later pull requests. */
async function trainOnMain(metrics: Record<string, number>): Promise<string> {
  const sha = github.api.state.addCommit(repo, { branch: 'main', message: 'main' }).sha;
  await writeMetrics(metrics);
  const job = await startJob(github, {
    event: pushEvent(github.repository, { sha, before: mainSha }),
    headSha: sha,
    headBranch: 'main',
    workspace,
  });
  const train = await job.step('train', { metrics: 'metrics.json' });
  expect(train.exitCode).toBe(0);
  await job.finish();
  mainSha = sha;
  return sha;
}

/** A run record of `metrics` from a job on a side branch, copied into the workspace at `path`; returns its commit. */
async function recordFile(metrics: Record<string, number>, path: string): Promise<string> {
  const sha = github.api.state.addCommit(repo, { parents: [mainSha], message: 'side' }).sha;
  await writeMetrics(metrics);
  const job = await startJob(github, {
    event: pushEvent(github.repository, { sha, before: mainSha }),
    headSha: sha,
    headBranch: 'side',
    workspace,
  });
  const train = await job.step('train', { metrics: 'metrics.json', upload: 'false' });
  expect(train.exitCode).toBe(0);
  await mkdir(dirname(join(workspace, path)), { recursive: true });
  await copyFile(train.outputs['record']!, join(workspace, path));
  await job.finish();
  return sha;
}

let nextPull = 1;
/** A pull request off main's head that trains `metrics`, then runs gate with `inputs`. */
async function gateOnPull(metrics: Record<string, number>, inputs: Record<string, string>) {
  const number = nextPull++;
  const headSha = github.api.state.addCommit(repo, { parents: [mainSha], message: `pr ${number}` }).sha;
  github.api.state.setRef(repo, `heads/feature-${number}`, headSha);
  github.api.state.addPull(repo, { number, head: { ref: `feature-${number}`, sha: headSha }, base: { ref: 'main' } });
  await writeMetrics(metrics);
  const job = await startJob(github, {
    event: pullRequestEvent(github.repository, { number, headSha, baseSha: mainSha, headRef: `feature-${number}` }),
    headSha,
    headBranch: `feature-${number}`,
    workspace,
  });
  expect((await job.step('train', { metrics: 'metrics.json' })).exitCode).toBe(0);
  const before = github.api.requests.length;
  const gate = await job.step('gate', inputs);
  const requests = github.api.requests.slice(before);
  await job.finish();
  return { gate, headSha, requests };
}

beforeAll(async () => {
  github = await startLocalGitHub();
  workspace = await mkdtemp(join(tmpdir(), 'gate-'));
  mainSha = github.api.state.addCommit(repo, { branch: 'main', message: 'initial' }).sha;
});
afterEach(() => github.api.assertNoViolations());
afterAll(async () => {
  await github?.close();
  await rm(workspace, { recursive: true, force: true });
});

describe('gate', () => {
  it('skips baseline rules when the base branch has no record yet, and passes on absolute rules', async () => {
    const { gate } = await gateOnPull(
      { accuracy: 0.95, loss: 0.2 },
      { rules: 'accuracy >= 0.9\nloss <= baseline * 1.05' },
    );
    expect(gate.exitCode).toBe(0);
    expect(gate.outputs['passed']).toBe('true');
    const results = JSON.parse(gate.outputs['results'] ?? '[]') as { verdict: string; message: string }[];
    expect(results.map((r) => r.verdict)).toEqual(['pass', 'skipped']);
    expect(results[1]?.message).toBe('skipped (no baseline)');
    expect(gate.outputs['baseline-sha']).toBe('');
    expect(gate.annotations).toContainEqual(expect.objectContaining({ level: 'notice' }));
  });

  it('says nothing was judged when every rule needs the missing baseline: neutral check, green step', async () => {
    const { gate, headSha } = await gateOnPull(
      { accuracy: 0.95, loss: 0.2 },
      { rules: 'loss <= baseline * 1.05\naccuracy: no-drop 1%' },
    );
    expect(gate.exitCode).toBe(0);
    expect(gate.outputs['verdict']).toBe('neutral');
    expect(gate.summary).not.toContain('Gate passed');
    expect(gate.summary).toContain('Gate not judged: all 2 rules skipped (no baseline)');
    expect(gate.summary).toContain('no run record "ml-run-train" was found on main');
    expect(gate.annotations.filter((a) => a.level === 'error')).toEqual([]);
    const checks = github.api.state.checkRuns(repo).filter((check) => check.headSha === headSha);
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ conclusion: 'neutral' });
    expect(checks[0]?.output.title).toBe('Gate not judged: all 2 rules skipped (no baseline)');

    const required = await gateOnPull(
      { accuracy: 0.95, loss: 0.2 },
      { rules: 'loss <= baseline * 1.05', 'require-baseline': 'true', 'check-name': '' },
    );
    expect(required.gate.exitCode).toBe(1);
    expect(required.gate.outputs['verdict']).toBe('fail');
  });

  it('reads an explicit baseline file without a token or any request, and judges absolute rules too', async () => {
    const sha = await recordFile({ accuracy: 0.9, loss: 0.5 }, 'records/base.json');
    const { gate, requests } = await gateOnPull(
      { accuracy: 0.92, loss: 0.51 },
      { rules: 'loss <= baseline * 1.05\naccuracy >= 0.9', baseline: 'records/base.json', 'github-token': '' },
    );
    expect(gate.exitCode).toBe(0);
    expect(gate.outputs['verdict']).toBe('pass');
    const results = JSON.parse(gate.outputs['results'] ?? '[]') as { verdict: string; baseline?: number }[];
    expect(results.map((r) => r.verdict)).toEqual(['pass', 'pass']);
    expect(results[0]?.baseline).toBe(0.5);
    expect(gate.outputs['baseline-sha']).toBe(sha);
    expect(requests).toEqual([]);

    const absolute = await gateOnPull({ accuracy: 0.5 }, { rules: 'accuracy >= 0.9', 'github-token': '' });
    expect(absolute.gate.exitCode).toBe(1);
    expect(absolute.gate.outputs['verdict']).toBe('fail');
    expect(absolute.requests).toEqual([]);
  });

  it.each(['records/missing.json', 'records/*.nothing.json', 'records/nowhere/'])(
    'fails, naming the input, when the explicit baseline %s does not exist',
    async (spec) => {
      const { gate } = await gateOnPull(
        { accuracy: 0.92, loss: 0.51 },
        { rules: 'loss <= baseline * 1.05', baseline: spec, 'check-name': '' },
      );
      expect(gate.exitCode).toBe(1);
      expect(gate.annotations.filter((a) => a.level === 'error').map((a) => a.message)).toEqual([
        `input "baseline": no run record matches ${spec}`,
      ]);
    },
  );

  it('annotates every syntax error of the rules with its line and column, and fails the step once', async () => {
    await writeFile(join(workspace, 'all.rules'), 'accuracy >= 0.9\nloss <= baseline *\nf1 >= 0.8\nloss <= 1e400\n');
    const { gate } = await gateOnPull({ accuracy: 0.95 }, { 'rules-file': 'all.rules', 'check-name': '' });
    expect(gate.exitCode).toBe(1);
    const errors = gate.annotations.filter((a) => a.level === 'error');
    expect(errors.map((a) => [a.file, a.line, a.column])).toEqual([
      ['all.rules', 2, 19],
      ['all.rules', 4, 9],
    ]);
    expect(errors[1]?.message).toBe("all.rules:4:9: number '1e400' is too large");
    expect(gate.summary).toContain('  loss <= 1e400\n>           ^');
    expect(gate.summary).toContain('  loss <= baseline *\n>                     ^');
  });

  it('fails a pull request whose loss rose more than 5% over the merge base, and reports a failing check run', async () => {
    const baseSha = await trainOnMain({ accuracy: 0.9, loss: 0.5 });
    const { gate, headSha, requests } = await gateOnPull(
      { accuracy: 0.92, loss: 0.6 },
      { rules: 'accuracy >= 0.9\nloss <= baseline * 1.05' },
    );
    expect(gate.exitCode).toBe(1);
    expect(gate.outputs['passed']).toBe('false');
    expect(gate.outputs['baseline-sha']).toBe(baseSha);
    const results = JSON.parse(gate.outputs['results'] ?? '[]') as { verdict: string; baseline?: number }[];
    expect(results.map((r) => r.verdict)).toEqual(['pass', 'fail']);
    expect(results[1]?.baseline).toBe(0.5);
    expect(gate.annotations).toContainEqual(
      expect.objectContaining({ level: 'error', message: 'Gate failed: 1 passed, 1 failed' }),
    );
    expect(gate.summary).toContain('Gate failed: 1 passed, 1 failed');
    const checks = github.api.state.checkRuns(repo).filter((check) => check.headSha === headSha);
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ name: 'ML quality gate', conclusion: 'failure' });
    // The failed rule is annotated on the workflow that holds the rules inline.
    expect(checks[0]?.output.annotationsCount).toBe(1);
    // The lookup is a compare, one page of artifacts by name, and the download: not the history.
    expect(requests.filter((r) => r.method === 'GET').length).toBeLessThanOrEqual(5);
  });

  it('shows 50 annotations on the check run and 10 errors in the step, counting the rest', async () => {
    // 60 failing rules, one a line of the rules file: every one is a problem to report.
    await writeFile(join(workspace, 'many.rules'), 'accuracy >= 0.99\n'.repeat(60));
    const { gate, headSha } = await gateOnPull({ accuracy: 0.92 }, { 'rules-file': 'many.rules' });
    expect(gate.exitCode).toBe(1);
    const checks = github.api.state.checkRuns(repo).filter((check) => check.headSha === headSha);
    expect(checks).toHaveLength(1);
    expect(checks[0]?.output.annotationsCount).toBe(50);
    expect(checks[0]?.output.summary).toMatch(/\n\n10 more annotations not shown\.$/);
    // Nine rules and the step's own failure are annotated; the other 51 rules are plain lines.
    const errors = gate.annotations.filter((a) => a.level === 'error');
    expect(errors).toHaveLength(10);
    expect(errors.slice(0, 9).map((a) => a.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(errors[9]?.message).toBe('Gate failed: 0 passed, 60 failed');
    expect(gate.stdout).toContain('\nerror: many.rules:10: ');
    expect(gate.stdout).toContain('\nerror: many.rules:60: ');
    expect(gate.stdout).toContain(
      '\n51 more errors in the log above, not annotated: GitHub shows 10 errors and 10 warnings of a step\n',
    );
  });

  it('passes when the loss stays within 5% of the baseline', async () => {
    const { gate } = await gateOnPull({ accuracy: 0.92, loss: 0.51 }, { rules: 'loss <= baseline * 1.05' });
    expect(gate.exitCode).toBe(0);
    expect(gate.outputs['passed']).toBe('true');
    const checks = github.api.state.checkRuns(repo);
    expect(checks.at(-1)).toMatchObject({ conclusion: 'success' });
  });

  it('with fail: false reports a failed gate without failing the step', async () => {
    const { gate } = await gateOnPull({ accuracy: 0.5 }, { rules: 'accuracy >= 0.9', fail: 'false', 'check-name': '' });
    expect(gate.exitCode).toBe(0);
    expect(gate.outputs['passed']).toBe('false');
  });

  it('names the closest metrics when a rule names a missing one', async () => {
    const { gate } = await gateOnPull({ accuracy: 0.95, loss: 0.2 }, { rules: 'acuracy >= 0.9', 'check-name': '' });
    expect(gate.exitCode).toBe(1);
    const results = JSON.parse(gate.outputs['results'] ?? '[]') as { message: string }[];
    expect(results[0]?.message).toContain('closest: accuracy');
  });

  it('points a syntax error at the line and column of a rules file', async () => {
    await writeFile(join(workspace, 'gate.rules'), '# quality bar\naccuracy >= 0.9\nloss <= baseline *\n');
    const { gate } = await gateOnPull({ accuracy: 0.95 }, { 'rules-file': 'gate.rules', 'check-name': '' });
    expect(gate.exitCode).toBe(1);
    const error = gate.annotations.find((a) => a.level === 'error');
    expect(error).toMatchObject({ file: 'gate.rules', line: 3 });
    expect(error?.message).toMatch(/^gate\.rules:3:\d+: /);
    expect(gate.summary).toContain('^');
  });

  it('falls back to the newest record of an ancestor of the merge base, and says which', async () => {
    const recorded = await trainOnMain({ accuracy: 0.9, loss: 0.4 });
    // A later commit on main without a record: it becomes the pull request's merge base.
    mainSha = github.api.state.addCommit(repo, { branch: 'main', message: 'docs only' }).sha;
    const { gate } = await gateOnPull({ accuracy: 0.91, loss: 0.41 }, { rules: 'loss <= baseline * 1.05' });
    expect(gate.exitCode).toBe(0);
    expect(gate.outputs['baseline-sha']).toBe(recorded);
    const notice = gate.annotations.find((a) => a.level === 'notice');
    expect(notice?.message).toBe(
      `no run record for the merge base ${mainSha.slice(0, 7)}; using the newest earlier record on main, from ${recorded.slice(0, 7)}`,
    );
  });

  it('judges the mean over several seeds of one experiment', async () => {
    const number = nextPull++;
    const headSha = github.api.state.addCommit(repo, { parents: [mainSha], message: `pr ${number}` }).sha;
    github.api.state.setRef(repo, `heads/seeds-${number}`, headSha);
    github.api.state.addPull(repo, { number, head: { ref: `seeds-${number}`, sha: headSha }, base: { ref: 'main' } });
    const job = await startJob(github, {
      event: pullRequestEvent(github.repository, { number, headSha, baseSha: mainSha, headRef: `seeds-${number}` }),
      headSha,
      headBranch: `seeds-${number}`,
      workspace,
    });
    // Three replicates of one experiment: each seed its own, as a matrix of seeds gives them.
    for (const [seed, accuracy] of [0.86, 0.9, 0.97].entries()) {
      await writeMetrics({ accuracy });
      const train = await job.step('train', {
        metrics: 'metrics.json',
        experiment: 'seeds',
        matrix: JSON.stringify({ seed }),
        upload: 'false',
      });
      expect(train.exitCode).toBe(0);
    }
    const gate = await job.step('gate', { rules: 'mean(accuracy) >= 0.9\nmin(accuracy) >= 0.85', 'check-name': '' });
    await job.finish();
    expect(gate.exitCode).toBe(0);
    const results = JSON.parse(gate.outputs['results'] ?? '[]') as { verdict: string; actual: number }[];
    expect(results.map((r) => r.verdict)).toEqual(['pass', 'pass']);
    expect(results[0]?.actual).toBeCloseTo(0.91, 12);
    expect(results[1]?.actual).toBe(0.86);
  });

  /** A pull request whose job trains one run per value of `accuracy`, then runs gate with `inputs`. */
  async function gateOnSeeds(accuracies: number[], inputs: Record<string, string>) {
    const number = nextPull++;
    const headSha = github.api.state.addCommit(repo, { parents: [mainSha], message: `pr ${number}` }).sha;
    github.api.state.setRef(repo, `heads/seeds-${number}`, headSha);
    github.api.state.addPull(repo, { number, head: { ref: `seeds-${number}`, sha: headSha }, base: { ref: 'main' } });
    const job = await startJob(github, {
      event: pullRequestEvent(github.repository, { number, headSha, baseSha: mainSha, headRef: `seeds-${number}` }),
      headSha,
      headBranch: `seeds-${number}`,
      workspace,
    });
    for (const [seed, accuracy] of accuracies.entries()) {
      await writeMetrics({ accuracy });
      const matrix = JSON.stringify({ seed });
      expect((await job.step('train', { metrics: 'metrics.json', upload: 'false', matrix })).exitCode).toBe(0);
    }
    const gate = await job.step('gate', inputs);
    await job.finish();
    return gate;
  }

  it('fails a significant drop over three seeds, passes one within the noise, and shows the test', async () => {
    for (const [i, accuracy] of [0.9, 0.91, 0.92].entries()) {
      await recordFile({ accuracy }, `records/seeds/base-${i}.json`);
    }
    const inputs = {
      rules: 'accuracy: no-drop significant',
      baseline: 'records/seeds/*.json',
      'github-token': '',
    };
    const dropped = await gateOnSeeds([0.86, 0.87, 0.88], inputs);
    expect(dropped.exitCode).toBe(1);
    const [worse] = JSON.parse(dropped.outputs['results'] ?? '[]') as {
      verdict: string;
      noise: string;
      pValue: number;
      experiment: string;
      difference: number;
    }[];
    expect(worse).toMatchObject({ verdict: 'fail', noise: 'worse', experiment: 'train' });
    expect(worse?.pValue).toBeLessThan(0.05);
    expect(worse?.difference).toBeCloseTo(-0.04, 12);
    expect(dropped.summary).toContain('| rule | verdict | value | threshold | baseline | change (CI) | p | detail |');

    const noisy = await gateOnSeeds([0.895, 0.905, 0.915], inputs);
    expect(noisy.exitCode).toBe(0);
    expect(JSON.parse(noisy.outputs['results'] ?? '[]')).toMatchObject([{ verdict: 'pass', noise: 'within-noise' }]);

    // At a level below its p-value, the same drop is within the noise.
    const strict = await gateOnSeeds([0.86, 0.87, 0.88], { ...inputs, alpha: '0.001' });
    expect(strict.exitCode).toBe(0);
    expect(strict.summary).toContain('99.9% CI');
  });

  it.each(['0', '1', '5%', 'often'])('refuses alpha %s, naming the input', async (alpha) => {
    const { gate } = await gateOnPull({ accuracy: 0.95 }, { rules: 'accuracy >= 0.9', alpha, 'check-name': '' });
    expect(gate.exitCode).toBe(1);
    expect(gate.annotations.filter((a) => a.level === 'error').map((a) => a.message)).toEqual([
      `input "alpha" must be a number between 0 and 1, both excluded (such as 0.05), got "${alpha}"`,
    ]);
  });

  it('finds the baseline among 1,000 workflow runs with a bounded number of requests', async () => {
    const baseSha = await trainOnMain({ accuracy: 0.9, loss: 0.5 });
    // 1,000 newer runs of pull requests, each with a record of the same name, crowd the history.
    for (let i = 0; i < 1000; i++) {
      const sha = i.toString(16).padStart(40, 'c');
      const run = github.api.state.addWorkflowRun(repo, {
        headSha: sha,
        headBranch: `busy-${i}`,
        event: 'pull_request',
        status: 'completed',
        conclusion: 'success',
      });
      github.api.state.addArtifact({ runId: run.id, name: 'ml-run-train' });
    }
    const { gate, requests } = await gateOnPull({ accuracy: 0.92, loss: 0.5 }, { rules: 'loss <= baseline * 1.05' });
    expect(gate.exitCode).toBe(0);
    expect(gate.outputs['baseline-sha']).toBe(baseSha);
    const lookup = requests.filter((r) => r.method === 'GET');
    console.log(
      `baseline lookup among 1,000 runs: ${lookup.length} GET requests (${lookup.map((r) => r.path).join(', ')})`,
    );
    expect(lookup.length).toBeLessThanOrEqual(10);
  });
});
