/**
 * `npm run demo`: the example ML pipeline end to end on embedded local services (a GitHub API
 * stand-in, the Actions artifact service and Azurite), running the committed action bundles as
 * child processes under Node 24 exactly as a workflow would:
 *   1. a push to main: three seeds train, a report job gates them together, and a package job
 *      packages the seed-1 model as churn-model v0.1.0 (tagged and released) with that verdict;
 *   2. a pull request that changes a param: three seeds train, and the report job compares them
 *      with main's (the sticky comment) and gates them (the check run);
 *   3. the merge is packaged, a deploy workflow promotes the first version and rolls a canary of
 *      the next back;
 *   4. a scheduled monitor watches production for three days: an ordinary day, a price change that
 *      shifts the monthly charges (an alarm issue opens and retraining is dispatched), and an
 *      ordinary day again (the issue is closed).
 * Everything worth reading lands in demo-output/.
 *
 * With `--mlflow` (after `npm run peers`), a real MLflow tracking server runs beside them: every
 * training run is logged to it, the package is registered as a model version with alias
 * `candidate`, and the pull request's gate takes its baseline from MLflow; the run and
 * model-version ids are printed.
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashFile } from '@ml-actions/core';
import {
  chromiumPath,
  renderPreviewPage,
  screenshotPreview,
  pullRequestEvent,
  pushEvent,
  startLocalGitHub,
  startMlflowServer,
  startWorkflow,
  type MlflowServer,
  type ActionRun,
  type Job,
  type Workflow,
} from '@ml-actions/testkit';

const root = join(import.meta.dirname, '..');
const output = join(root, 'demo-output');
const SEEDS = [1, 2, 3];
const started = Date.now();
const withMlflow = process.argv.includes('--mlflow');
let mlflow: MlflowServer | undefined;
const mlflowRuns: string[] = [];

/**
 * Downloads a release's assets through the REST API, as `gh release download` does, and checks each
 * against the release's SHA256SUMS; returns how many were checked.
 */
async function downloadRelease(tag: string, folder: string): Promise<number> {
  const repo = `${github.repository.owner}/${github.repository.repo}`;
  const headers = { authorization: `Bearer ${github.token}` };
  const answer = await fetch(`${github.api.url}/repos/${repo}/releases/tags/${encodeURIComponent(tag)}`, { headers });
  if (!answer.ok) throw new Error(`the release of ${tag} was not found (${answer.status})`);
  const release = (await answer.json()) as { assets: { url: string; name: string }[] };
  await mkdir(folder, { recursive: true });
  for (const asset of release.assets) {
    const bytes = await fetch(asset.url, { headers: { ...headers, accept: 'application/octet-stream' } });
    await writeFile(join(folder, asset.name), Buffer.from(await bytes.arrayBuffer()));
  }
  const sums = (await readFile(join(folder, 'SHA256SUMS'), 'utf8')).trim().split('\n');
  for (const line of sums) {
    const [sha256, name] = line.split('  ');
    if ((await hashFile(join(folder, name ?? ''))).sha256 !== sha256)
      throw new Error(`${name} does not match SHA256SUMS`);
  }
  return sums.length;
}

function log(message: string): void {
  console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${message}`);
}

async function step(
  job: Job,
  label: string,
  action: string,
  inputs: Record<string, string>,
  mayFail = action === 'gate',
): Promise<ActionRun> {
  const run = await job.step(action, inputs);
  await writeFile(join(output, 'summaries', `${label}.md`), run.summary);
  const errors = run.annotations.filter((a) => a.level === 'error').map((a) => a.message);
  log(
    `${label}: ${run.exitCode === 0 ? 'ok' : `failed (exit ${run.exitCode})`}${errors.length > 0 ? ` - ${errors.join('; ')}` : ''}`,
  );
  if (run.exitCode !== 0 && !mayFail) {
    console.error(run.log);
    throw new Error(`${label} failed`);
  }
  return run;
}

/** The training matrix: one leg a seed, as `strategy.matrix.seed` makes them. */
async function trainSeeds(run: Workflow, label: string, keepModel?: string): Promise<void> {
  for (const seed of SEEDS) {
    const leg = await run.job('train', { seed });
    const train = await step(leg, `${label}-train-seed-${seed}`, 'train', trainInputs(seed));
    log(`  seed ${seed}: ${train.outputs['metrics']}`);
    if (mlflow !== undefined) {
      log(`  seed ${seed}: MLflow run ${train.outputs['mlflow-run-id']}`);
      mlflowRuns.push(`${label} seed ${seed}: ${train.outputs['mlflow-run-url']}`);
    }
    // The seed-1 leg keeps its model for the package job (actions/upload-artifact in a workflow).
    if (keepModel !== undefined && seed === 1) {
      await cp(join(workspace, 'examples', 'out', 'model'), keepModel, { recursive: true });
    }
    await leg.finish();
  }
}

function trainInputs(seed: number): Record<string, string> {
  return {
    command: `python3 examples/train.py --seed ${seed} --out examples/out`,
    metrics: 'examples/out/history.csv\nexamples/out/metrics.json',
    params: `examples/params.yaml\ntrain.seed=${seed}`,
    data: 'examples/data/churn.csv',
    profile: 'examples/data/churn.csv',
    matrix: JSON.stringify({ seed }),
    ...(mlflow === undefined ? {} : { 'mlflow-tracking-uri': mlflow.url, 'mlflow-experiment': 'churn-model' }),
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
if (withMlflow) {
  log('starting a real MLflow tracking server (from the peers environment: npm run peers)');
  // The package's address (its GitHub artifact) is an https source on another host, which an MLflow 3
  // server takes as a model version's source only when told to.
  mlflow = await startMlflowServer({ env: { MLFLOW_ALLOWED_HOST_ADDRESSED_ARTIFACT_SCHEMES: 'https' } });
  log(`  MLflow at ${mlflow.url}`);
}
try {
  const repo = `${github.repository.owner}/${github.repository.repo}`;
  const initial = github.api.state.addCommit(repo, { branch: 'main', message: 'Add the churn model' }).sha;

  log(`push to main (${initial.slice(0, 7)}): train ${SEEDS.length} seeds, gate them together, package`);
  const onMain = startWorkflow(github, {
    event: pushEvent(github.repository, { sha: initial, before: '0'.repeat(40) }),
    headSha: initial,
    headBranch: 'main',
    workspace,
  });
  // The package job ships seed 1's model: kept aside as the train leg would upload it.
  const model = await mkdtemp(join(tmpdir(), 'ml-actions-demo-model-'));
  await trainSeeds(onMain, 'main', model);
  const mainReport = await onMain.job('report');
  await step(mainReport, 'main-gate', 'gate', { 'rules-file': 'examples/gate.rules' });
  await mainReport.finish();
  const packaging = await onMain.job('package');
  await rm(join(workspace, 'examples', 'out'), { recursive: true, force: true });
  await cp(model, join(workspace, 'examples', 'out', 'model'), { recursive: true });
  const packaged = await step(packaging, 'main-package', 'package', {
    name: 'churn-model',
    path: 'examples/out/model/',
    tag: 'true',
    release: 'true',
    replicate: '1',
    ...(mlflow === undefined
      ? {}
      : { 'mlflow-tracking-uri': mlflow.url, 'mlflow-register': 'churn-model', 'mlflow-alias': 'candidate' }),
  });
  log(`  packaged ${packaged.outputs['artifact-name']} (digest ${packaged.outputs['digest']?.slice(0, 12)}…)`);
  if (mlflow !== undefined) {
    log(`  registered MLflow model version churn-model ${packaged.outputs['mlflow-model-version']} (alias candidate)`);
    mlflowRuns.push(`model version: ${packaged.outputs['mlflow-model-version-url']}`);
  }

  await packaging.finish();
  // The history job: the run appended to the ml-history branch, with its trend page.
  const historyJob = await onMain.job('history');
  await step(historyJob, 'main-history', 'history', { 'package-version': packaged.outputs['version'] ?? '' });
  await historyJob.finish();
  await onMain.finish();
  for (const file of ['index.html', 'data.js']) {
    const answer = await fetch(`${github.api.url}/repos/${repo}/contents/docs/${file}?ref=ml-history`, {
      headers: { authorization: `token ${github.token}`, accept: 'application/vnd.github.raw+json' },
    });
    if (!answer.ok) throw new Error(`the history branch has no docs/${file} (${answer.status})`);
    await mkdir(join(output, 'trend-page'), { recursive: true });
    await writeFile(join(output, 'trend-page', file), await answer.text());
  }
  log('  appended to the ml-history branch; its trend page is in demo-output/trend-page/');
  await rm(model, { recursive: true, force: true });

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
  const checked = await downloadRelease(`churn-model@v${packaged.outputs['version']}`, join(output, 'release'));
  log(`  downloaded the release's assets to demo-output/release/: the ${checked} that SHA256SUMS lists match it`);

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
  const onPull = startWorkflow(github, {
    event: pullRequestEvent(github.repository, { number: 1, headSha: head, baseSha: initial, headRef: 'tune-lr' }),
    headSha: head,
    headBranch: 'tune-lr',
    workspace,
  });
  await trainSeeds(onPull, 'pr');
  const pullReport = await onPull.job('report');
  // compare first, as in the example workflow: a failing gate never skips the comment.
  const compare = await step(pullReport, 'pr-compare', 'compare', {
    'rules-file': 'examples/gate.rules',
    model: 'churn-model',
  });
  await cp(compare.outputs['report-json'] ?? '', join(output, 'comparison.json'));
  const gate = await step(pullReport, 'pr-gate', 'gate', {
    'rules-file': 'examples/gate.rules',
    ...(mlflow === undefined
      ? {}
      : { baseline: 'mlflow', 'mlflow-tracking-uri': mlflow.url, 'mlflow-experiment': 'churn-model' }),
  });
  await pullReport.finish(gate.exitCode === 0 ? 'success' : 'failure');
  await onPull.finish();

  // The pull request is merged: main packages the new model as the next version.
  const merged = github.api.state.addCommit(repo, { parents: [head], message: 'Merge pull request #1' }).sha;
  github.api.state.setRef(repo, 'heads/main', merged);
  log(`merge to main (${merged.slice(0, 7)}): package the pull request's model`);
  const afterMerge = startWorkflow(github, {
    event: pushEvent(github.repository, { sha: merged, before: initial }),
    headSha: merged,
    headBranch: 'main',
    workspace,
  });
  const next = await step(await afterMerge.job('package'), 'merge-package', 'package', {
    name: 'churn-model',
    path: 'examples/out/model/',
    tag: 'true',
    release: 'true',
  });
  await afterMerge.finish();
  log(`  packaged churn-model v${next.outputs['version']}`);

  // The deploy workflow: the first version to production at once, then the next one as a canary
  // whose serving endpoint (examples/serve.py) is told to misbehave from half the traffic on.
  const deploying = startWorkflow(github, {
    event: pushEvent(github.repository, { sha: merged, before: initial }),
    headSha: merged,
    headBranch: 'main',
    workspace,
  });
  const rollout = {
    name: 'churn-model',
    stage: 'production',
    metrics: 'examples/out/live-metrics.json',
    rules: 'error_rate <= 0.01\np95_latency_ms <= 250',
  };
  await step(await deploying.job('production'), 'deploy-first', 'promote', {
    ...rollout,
    version: packaged.outputs['version'] ?? '',
    command: 'python3 examples/serve.py',
  });
  log(`  churn-model v${packaged.outputs['version']} is in production`);
  const canary = await step(
    await deploying.job('production'),
    'deploy-canary',
    'promote',
    {
      ...rollout,
      version: next.outputs['version'] ?? '',
      strategy: 'canary',
      steps: '10,25,50,100',
      command: `BAD_VERSION=${next.outputs['version']} python3 examples/serve.py`,
    },
    true,
  );
  await deploying.finish();
  if (canary.outputs['rolled-back'] !== 'true') throw new Error('the canary was expected to roll back');
  log(
    `  the canary of v${next.outputs['version']} failed its rule and rolled back to v${canary.outputs['previous-version']}`,
  );

  // The monitor workflow, once a day: what production saw, against the profile of the version in
  // production (v0.1.0 again after the rollback), found through its stage tags and release.
  github.api.state.addWorkflow(repo, {
    path: '.github/workflows/example-ml.yml',
    dispatchInputs: ['model', 'stage', 'drift'],
  });
  const days = [
    { label: 'monitor-day-1', priceRise: 0 },
    { label: 'monitor-day-2-price-change', priceRise: 15 },
    { label: 'monitor-day-3', priceRise: 0 },
  ];
  const monitored: ActionRun[] = [];
  for (const [index, day] of days.entries()) {
    execFileSync(
      'python3',
      [
        'examples/traffic.py',
        '--seed',
        String(index + 1),
        '--price-rise',
        String(day.priceRise),
        '--out',
        'examples/out/traffic/today.csv',
        '--metrics',
        'examples/out/live-metrics.json',
      ],
      { cwd: workspace },
    );
    const watching = startWorkflow(github, {
      event: pushEvent(github.repository, { sha: merged, before: merged }),
      headSha: merged,
      headBranch: 'main',
      workspace,
    });
    const run = await step(
      await watching.job('production'),
      day.label,
      'monitor',
      {
        name: 'churn-model',
        stage: 'production',
        data: 'examples/out/traffic/today.csv',
        metrics: 'examples/out/live-metrics.json',
        rules: 'error_rate <= 0.01\np95_latency_ms <= 250\ndrifted_share <= 0.3',
        labels: 'model-monitoring',
        'retrain-workflow': 'example-ml.yml',
      },
      true,
    );
    await watching.finish();
    monitored.push(run);
    log(`  ${day.label}: alarm ${run.outputs['alarm']}, issue ${run.outputs['issue-number'] || 'none'}`);
  }
  const issue = github.api.state
    .issues(repo)
    .find((i) => i.body?.includes('<!-- ml-actions:monitor churn-model production -->'));
  if (issue === undefined || monitored[1]?.outputs['alarm'] !== 'true')
    throw new Error('the price change raised no alarm');
  if (issue.state !== 'closed' || monitored[2]?.outputs['alarm'] !== 'false')
    throw new Error('the alarm issue was not closed');
  if (github.api.state.dispatches.length !== 1) throw new Error('retraining was not dispatched once');
  await writeFile(join(output, 'monitor-issue.md'), issue.body ?? '');
  log(`  issue #${issue.number} opened on day 2 (retraining dispatched) and closed on day 3`);

  const comment = github.api.state.comments(repo, 1).find((c) => c.body.includes('<!-- ml-actions:compare:'));
  if (comment === undefined) throw new Error('the pull request has no comparison comment');
  await writeFile(join(output, 'comment.md'), comment.body);
  // The comment and the issue as GitHub shows them, offline; a screenshot when a browser is here.
  await writeFile(join(output, 'comment.html'), await renderPreviewPage(comment.body, 'the pull request comment'));
  await writeFile(join(output, 'monitor-issue.html'), await renderPreviewPage(issue.body ?? '', 'the alarm issue'));
  const browser = chromiumPath();
  let screenshot: string;
  if (browser === undefined) {
    screenshot =
      'no Chromium here, so no screenshot: `npm run peers` (or apt-get install chromium) installs it, or set CHROMIUM_PATH';
  } else {
    const shot = await screenshotPreview(join(output, 'comment.html'), join(output, 'comment.png'), browser);
    screenshot = `demo-output/comment.png: ${shot.width} x ${shot.height} px, ${shot.charts} charts drawn`;
  }
  log(`  ${screenshot}`);
  const verdict = gate.outputs['passed'] === 'true' ? 'PASSED' : 'FAILED';
  console.log(`\n===== gate verdict: ${verdict} (baseline ${gate.outputs['baseline-sha']?.slice(0, 7)}) =====`);
  console.log(`\n===== the pull request comment (${comment.body.length} characters) =====\n`);
  console.log(comment.body);
  console.log('\n===== the canary rollout and its rollback (job summary) =====\n');
  console.log(canary.summary);
  console.log('\n===== monitoring, day 2: the price change (the alarm issue) =====\n');
  console.log(issue.body);
  console.log('\n===== written =====');
  console.log('demo-output/comment.md             the pull request comment');
  console.log(
    'demo-output/comment.html           the comment as GitHub renders it (open it in a browser); comment.png its screenshot',
  );
  console.log('demo-output/comparison.json        the machine-readable comparison');
  console.log("demo-output/summaries/*.md         every step's job summary (deploy-canary.md: the rollback)");
  console.log(
    'demo-output/monitor-issue.md       the alarm issue the price change opened (closed on day 3), and its .html',
  );
  console.log(
    'demo-output/model-package/         churn-model v0.1.0: model files, manifest.json, SHA256SUMS, README.md',
  );
  console.log(
    'demo-output/release/               its release assets: churn-model-v0.1.0.tar, manifest.json, README.md, provenance.intoto.json, SHA256SUMS',
  );
  console.log("demo-output/trend-page/index.html  the history branch's trend page (open it in a browser)");
  if (mlflow !== undefined) {
    console.log('\n===== MLflow =====');
    for (const line of mlflowRuns) console.log(line);
  }
  github.api.assertNoViolations();
  log('done');
} finally {
  await mlflow?.close();
  await github.close();
  await rm(workspace, { recursive: true, force: true });
}
