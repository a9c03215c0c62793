/**
 * Credentials that users put in their own data (params, the training command, the matrix, files
 * next to the model, the API URL) are never published: the run record artifact, summaries,
 * comments, model cards, release notes and packages hold `***` or nothing in their place.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadArtifactFiles } from '../support/record-download.ts';
import { Lab, FAST_RETRIES } from './support/lab.ts';
import { artifactPlaces, githubPlaces, leaks, stepPlaces, type Place } from './support/secret-search.ts';

const TOKEN = `ghs_User${randomBytes(12).toString('hex')}`;
const value = (label: string) => `${label}-${randomBytes(8).toString('hex')}`;

let lab: Lab;

beforeAll(async () => {
  lab = await Lab.start();
  lab.github.api.tokens.add(TOKEN, { login: 'github-actions[bot]', installation: true });
});

afterAll(async () => {
  await lab.close();
});

describe('credentials in user data', () => {
  it('params, command flags, assignments and matrix values that look like credentials are *** everywhere', async () => {
    const secrets = {
      param: value('sk-live'),
      nested: value('hf'),
      custom: value('custom'),
      flag: value('flag'),
      equals: value('equals'),
      env: value('env'),
      matrix: value('matrix'),
    };
    const workspace = await lab.workspace({
      'metrics.json': '{"accuracy": 0.9}',
      'params.yaml': `api_key: ${secrets.param}\nlr: 0.1\ntokenizer: bpe\nhub:\n  HF_TOKEN: ${secrets.nested}\nregistry_url: ${secrets.custom}\n`,
    });
    const places: Place[] = [];
    const all = Object.values(secrets);
    const main = await lab.pushJob(workspace, { token: TOKEN });
    const command = `true --api-key=${secrets.equals} && DB_PASSWORD=${secrets.env} true --token ${secrets.flag}`;
    const inputs = {
      command,
      metrics: 'metrics.json',
      params: 'params.yaml',
      redact: 'registry_*',
      matrix: JSON.stringify({ seed: 1, wandb_key: secrets.matrix }),
    };
    const train = await main.step('train', inputs);
    expect(train.exitCode).toBe(0);
    places.push(...(await stepPlaces('main train', train, [])));
    // What is shown instead: the names, with *** for their values, and everything else as it was.
    const record = JSON.parse(await readFile(train.outputs['record']!, 'utf8')) as {
      params: Record<string, unknown>;
      outcome: { command: string };
      provenance: { matrix: Record<string, unknown> };
    };
    await main.finish();

    const { job } = await lab.pullJob(workspace, { token: TOKEN });
    for (const action of ['train', 'gate', 'compare'] as const) {
      const run = await job.step(action, action === 'train' ? inputs : { rules: 'accuracy >= 0.5' });
      expect(run.exitCode).toBe(0);
      places.push(...(await stepPlaces(`pr ${action}`, run, [])));
    }
    await job.finish();
    places.push(...githubPlaces(lab.github), ...(await artifactPlaces(lab.github, main.runId)));
    places.push(...(await artifactPlaces(lab.github, job.runId)));

    expect(leaks(places, all)).toEqual([]);
    expect(record.params).toMatchObject({
      api_key: '***',
      lr: 0.1,
      tokenizer: 'bpe',
      'hub.HF_TOKEN': '***',
      registry_url: '***',
    });
    expect(record.outcome.command).toBe('true --api-key=*** && DB_PASSWORD=*** true --token ***');
    expect(record.provenance.matrix).toEqual({ seed: 1, wandb_key: '***' });
    expect(train.summary).toContain('HF\\_TOKEN | \\*\\*\\*');
  });

  it('package never takes .git (where checkout keeps the token) and takes hidden files only when asked', async () => {
    const gitSecret = value('gitcfg');
    const envSecret = value('dotenv');
    const workspace = await lab.workspace({
      'model/model.pkl': 'weights',
      'model/.git/config': `[http]\n\textraheader = AUTHORIZATION: basic ${gitSecret}\n`,
      'model/.env': `TOKEN=${envSecret}\n`,
    });
    const job = await lab.pushJob(workspace, { token: TOKEN });
    const plain = await job.step('package', { name: 'churn', path: 'model' });
    expect(plain.exitCode).toBe(0);
    const withHidden = await job.step('package', {
      name: 'churn',
      path: 'model',
      version: '2.0.0',
      'include-hidden-files': 'true',
    });
    expect(withHidden.exitCode).toBe(0);
    const gitOnly = await job.step('package', { name: 'churn', path: 'model/.git/config', version: '3.0.0' });
    expect(gitOnly.exitCode).toBe(1);
    expect(gitOnly.stdout).toContain('matches only model/.git/config, which is never packaged');
    await job.finish();

    const files = async (artifactName: string) => {
      const artifact = lab.github.registry
        .list({ workflowRunId: job.runId, finalized: true })
        .find((a) => a.name === artifactName);
      expect(artifact).toBeDefined();
      return Object.keys(await downloadArtifactFiles(lab.github, artifact!.id, job.runId)).sort();
    };
    expect(await files(plain.outputs['artifact-name']!)).toEqual([
      'README.md',
      'SHA256SUMS',
      'manifest.json',
      'model/model.pkl',
    ]);
    expect(await files(withHidden.outputs['artifact-name']!)).toEqual([
      'README.md',
      'SHA256SUMS',
      'manifest.json',
      'model/.env',
      'model/model.pkl',
    ]);
    expect(leaks(await artifactPlaces(lab.github, job.runId), [gitSecret])).toEqual([]);
  });

  it('a URL in a failure message is shown without its userinfo and query', async () => {
    const password = value('pw');
    const query = value('q');
    const workspace = await lab.workspace({ 'metrics.json': '{"loss": 0.5}' });
    const job = await lab.pushJob(workspace, { token: TOKEN });
    expect((await job.step('train', { metrics: 'metrics.json' })).exitCode).toBe(0);
    const gate = await job.step(
      'gate',
      { rules: 'loss <= baseline * 1.05' },
      { ...FAST_RETRIES, GITHUB_API_URL: `http://bot:${password}@127.0.0.1:9/api?token=${query}` },
    );
    await job.finish();
    const shown = [gate.stdout, gate.summary].join('\n');
    expect(shown).toContain('http://127.0.0.1:9/api?***');
    expect(leaks([{ where: 'gate', text: shown }], [password, query])).toEqual([]);
  });
});
