/**
 * `npm run demo`: the example ML pipeline end to end on embedded local services (a GitHub API
 * stand-in, the Actions artifact service and Azurite), running the committed action bundles as
 * child processes under Node 24 exactly as a workflow would:
 *   1. a push to main: train, gate, package churn-model v0.1.0 (tagged);
 *   2. a pull request that changes a param: train, gate, compare (the sticky comment).
 * Everything worth reading lands in demo-output/.
 */
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pullRequestEvent, pushEvent, startJob, startLocalGitHub, type ActionRun, type Job } from '@ml-actions/testkit';

const root = join(import.meta.dirname, '..');
const output = join(root, 'demo-output');
const rules = 'accuracy >= 0.8\nauc >= 0.85\nloss <= baseline * 1.05\nf1 >= baseline - 0.02';
const started = Date.now();

function log(message: string): void {
  console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${message}`);
}

async function step(job: Job, label: string, action: string, inputs: Record<string, string>): Promise<ActionRun> {
  const run = await job.step(action, inputs);
  await writeFile(join(output, 'summaries', `${label}.md`), run.summary);
  const errors = run.annotations.filter((a) => a.level === 'error').map((a) => a.message);
  log(
    `${label}: ${run.exitCode === 0 ? 'ok' : `failed (exit ${run.exitCode})`}${errors.length > 0 ? ` - ${errors.join('; ')}` : ''}`,
  );
  if (run.exitCode !== 0 && action !== 'gate') {
    console.error(run.log);
    throw new Error(`${label} failed`);
  }
  return run;
}

function trainInputs(seed: number): Record<string, string> {
  return {
    command: `python3 examples/train.py --seed ${seed} --out examples/out`,
    metrics: 'examples/out/history.csv\nexamples/out/metrics.json',
    params: `examples/params.yaml\ntrain.seed=${seed}`,
    data: 'examples/data/churn.csv',
    matrix: JSON.stringify({ seed }),
  };
}

await rm(output, { recursive: true, force: true });
await mkdir(join(output, 'summaries'), { recursive: true });
const workspace = await mkdtemp(join(tmpdir(), 'ml-actions-demo-'));
await cp(join(root, 'examples'), join(workspace, 'examples'), {
  recursive: true,
  filter: (source) => !source.includes(`${join('examples', 'out')}`),
});

log('starting the local GitHub services (REST API stand-in, artifact service, Azurite)');
const github = await startLocalGitHub();
try {
  const repo = `${github.repository.owner}/${github.repository.repo}`;
  const initial = github.api.state.addCommit(repo, { branch: 'main', message: 'Add the churn model' }).sha;

  log(`push to main (${initial.slice(0, 7)}): train, gate, package`);
  const onMain = await startJob(github, {
    event: pushEvent(github.repository, { sha: initial, before: '0'.repeat(40) }),
    headSha: initial,
    headBranch: 'main',
    workspace,
  });
  const mainTrain = await step(onMain, 'main-train', 'train', trainInputs(1));
  log(`  metrics: ${mainTrain.outputs['metrics']}`);
  await step(onMain, 'main-gate', 'gate', { rules });
  const packaged = await step(onMain, 'main-package', 'package', {
    name: 'churn-model',
    path: 'examples/out/model/',
    tag: 'true',
  });
  log(`  packaged ${packaged.outputs['artifact-name']} (digest ${packaged.outputs['digest']?.slice(0, 12)}…)`);
  await onMain.finish();

  // Download the package as a user would, with the real artifact client through the REST API.
  // @actions/github reads GITHUB_API_URL when first imported, so the client is imported after setting it.
  process.env['GITHUB_API_URL'] = github.api.url;
  const { DefaultArtifactClient } = await import('@actions/artifact');
  await new DefaultArtifactClient().downloadArtifact(Number(packaged.outputs['artifact-id']), {
    path: join(output, 'model-package'),
    findBy: {
      token: github.token,
      workflowRunId: onMain.runId,
      repositoryOwner: github.repository.owner,
      repositoryName: github.repository.repo,
    },
  });
  log('  downloaded the model package to demo-output/model-package/');

  log('pull request #1: raise train.learning_rate from 0.02 to 0.05');
  const params = join(workspace, 'examples', 'params.yaml');
  await writeFile(params, (await readFile(params, 'utf8')).replace('learning_rate: 0.02', 'learning_rate: 0.05'));
  const head = github.api.state.addCommit(repo, { parents: [initial], message: 'Raise the learning rate' }).sha;
  github.api.state.setRef(repo, 'heads/tune-lr', head);
  github.api.state.addPull(repo, {
    number: 1,
    title: 'Raise the learning rate',
    head: { ref: 'tune-lr', sha: head },
    base: { ref: 'main' },
  });
  const onPull = await startJob(github, {
    event: pullRequestEvent(github.repository, { number: 1, headSha: head, baseSha: initial, headRef: 'tune-lr' }),
    headSha: head,
    headBranch: 'tune-lr',
    workspace,
  });
  await step(onPull, 'pr-train', 'train', trainInputs(1));
  const gate = await step(onPull, 'pr-gate', 'gate', { rules });
  const compare = await step(onPull, 'pr-compare', 'compare', { rules });
  await cp(compare.outputs['report-json'] ?? '', join(output, 'comparison.json'));
  await onPull.finish();

  const comment = github.api.state.comments(repo, 1).find((c) => c.body.includes('<!-- ml-actions:compare:'));
  if (comment === undefined) throw new Error('the pull request has no comparison comment');
  await writeFile(join(output, 'comment.md'), comment.body);
  const verdict = gate.outputs['passed'] === 'true' ? 'PASSED' : 'FAILED';
  console.log(`\n===== gate verdict: ${verdict} (baseline ${gate.outputs['baseline-sha']?.slice(0, 7)}) =====`);
  console.log(`\n===== the pull request comment (${comment.body.length} characters) =====\n`);
  console.log(comment.body);
  console.log('\n===== written =====');
  console.log('demo-output/comment.md             the pull request comment');
  console.log('demo-output/comparison.json        the machine-readable comparison');
  console.log("demo-output/summaries/*.md         every step's job summary");
  console.log(
    'demo-output/model-package/         churn-model v0.1.0: model files, manifest.json, SHA256SUMS, README.md',
  );
  github.api.assertNoViolations();
  log('done');
} finally {
  await github.close();
  await rm(workspace, { recursive: true, force: true });
}
