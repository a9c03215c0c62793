/**
 * A baseline decides a verdict, so only a record of a push run of the base branch of this
 * repository, of the same experiment, is ever one: an artifact anyone can upload under a chosen
 * name, or a record that a lossy artifact name shares with another experiment, is not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { safeArtifactName } from '@ml-actions/github';
import { Lab } from './support/lab.ts';

let lab: Lab;

beforeAll(async () => {
  lab = await Lab.start();
});

afterAll(async () => {
  await lab.close();
});

describe('baselines given by artifact name', () => {
  it("a pull request's own record, uploaded under the name asked for, is not the baseline", async () => {
    const workspace = await lab.workspace({ 'metrics.json': '{"loss": 0.9}' });
    await lab.trainOnMain(workspace, { loss: 0.5 });
    // Another pull request uploads a record under the name the gate will ask for, with a loss
    // that would make a worse candidate pass.
    const planted = await lab.pullJob(workspace);
    await planted.job.step('train', { metrics: 'metrics.json', experiment: 'planted' });
    await planted.job.finish();

    const { job } = await lab.pullJob(workspace);
    expect((await job.step('train', { metrics: 'metrics.json' })).exitCode).toBe(0);
    const gate = await job.step('gate', { rules: 'loss <= baseline * 1.05', baseline: 'ml-run-planted' });
    await job.finish();
    expect(gate.outputs['verdict']).toBe('neutral');
    expect(gate.stdout).toContain('no unexpired artifact named "ml-run-planted" was made by a run on main');
  });

  it('a fork whose branch is named main is refused by what its record says', async () => {
    const workspace = await lab.workspace({ 'metrics.json': '{"loss": 0.9}' });
    const fork = await lab.pullJob(workspace, { fork: true, headRef: 'main' });
    await fork.job.step('train', { metrics: 'metrics.json', experiment: 'forked' });
    await fork.job.finish();

    const { job } = await lab.pullJob(workspace);
    expect((await job.step('train', { metrics: 'metrics.json' })).exitCode).toBe(0);
    const gate = await job.step('gate', { rules: 'loss <= baseline * 1.05', baseline: 'ml-run-forked' });
    await job.finish();
    expect(gate.outputs['verdict']).toBe('neutral');
    expect(gate.stdout).toContain(
      'the run record in artifact "ml-run-forked" was made by a pull_request run, not a push; it is not used as the baseline',
    );
  });
});

describe('experiments and artifact names', () => {
  it('names that normalise or truncate alike give distinct artifact names', () => {
    expect(safeArtifactName('ml-run-a/b')).not.toBe(safeArtifactName('ml-run-a_b'));
    expect(safeArtifactName('ml-run-a_b')).toBe('ml-run-a_b');
    const long = 'x'.repeat(250);
    expect(safeArtifactName(`${long}1`)).not.toBe(safeArtifactName(`${long}2`));
    expect(safeArtifactName(`${long}1`)).toHaveLength(200);
  });

  it('two experiments whose names normalise alike never take each other as baseline', async () => {
    const workspace = await lab.workspace({ 'metrics.json': '{"loss": 0.5}' });
    const main = await lab.pushJob(workspace);
    expect((await main.step('train', { metrics: 'metrics.json', experiment: 'team/a' })).exitCode).toBe(0);
    await main.finish();

    const { job } = await lab.pullJob(workspace);
    expect((await job.step('train', { metrics: 'metrics.json', experiment: 'team_a' })).exitCode).toBe(0);
    const gate = await job.step('gate', { rules: 'loss <= baseline * 1.05' });
    await job.finish();
    expect(gate.outputs['verdict']).toBe('neutral');
    expect(gate.outputs['baseline-sha']).toBe('');
  });
});
