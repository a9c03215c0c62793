// Action mains run in this process with a recording runner: what a step logs, annotates, outputs
// and summarises is seen directly, with no bundle and no child process.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { prepareAction, type PreparedAction } from '@ml-actions/testkit';
import { run as gate } from '../actions/gate/src/main.ts';
import { run as train } from '../actions/train/src/main.ts';
import { recordingRunner } from './support/recording-runner.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function prepare(action: string, workspace: string, inputs: Record<string, string>, runnerTemp: string) {
  const prepared: PreparedAction = await prepareAction({ action, workspace, inputs, runnerTemp });
  cleanups.push(() => prepared.dispose());
  return recordingRunner(prepared.env);
}

async function workspaceWith(metrics: Record<string, unknown>): Promise<{ workspace: string; temp: string }> {
  const workspace = await mkdtemp(join(tmpdir(), 'in-process-'));
  const temp = await mkdtemp(join(tmpdir(), 'in-process-temp-'));
  cleanups.push(() => rm(workspace, { recursive: true, force: true }));
  cleanups.push(() => rm(temp, { recursive: true, force: true }));
  await writeFile(join(workspace, 'metrics.json'), JSON.stringify(metrics));
  return { workspace, temp };
}

describe('action mains in-process', () => {
  it('train records the run and gate judges it in the same job, through the runner they are given', async () => {
    const { workspace, temp } = await workspaceWith({ accuracy: 0.95, loss: 0.2 });
    const trainRunner = await prepare('train', workspace, { metrics: 'metrics.json', upload: 'false' }, temp);
    await train(trainRunner);
    expect(trainRunner.recorded.failed).toBe(false);
    expect(JSON.parse(trainRunner.recorded.outputs['metrics'] ?? '{}')).toEqual({ accuracy: 0.95, loss: 0.2 });
    expect(trainRunner.recorded.summary).toContain('accuracy');

    const gateRunner = await prepare(
      'gate',
      workspace,
      { rules: 'accuracy >= 0.99\nloss <= 0.3', 'check-name': '' },
      temp,
    );
    await gate(gateRunner);
    expect(gateRunner.recorded.failed).toBe(true);
    expect(gateRunner.recorded.outputs['verdict']).toBe('fail');
    expect(gateRunner.recorded.annotations.filter((annotation) => annotation.level === 'error')).toHaveLength(2);
    expect(gateRunner.recorded.annotations[0]?.title).toBe('gate: accuracy >= 0.99');
  });

  it('fails at input time, naming the input, when an input that has a default is given blank', async () => {
    const { workspace, temp } = await workspaceWith({ accuracy: 0.95 });
    const runner = await prepare('gate', workspace, { rules: 'accuracy >= 0.9', fail: '' }, temp);
    await gate(runner);
    expect(runner.recorded.failed).toBe(true);
    expect(runner.recorded.annotations).toEqual([
      { level: 'error', message: 'input "fail" must be true or false, got an empty value', title: 'gate' },
    ]);
    // Nothing was read or judged: the settings come first.
    expect(runner.recorded.outputs['verdict']).toBeUndefined();
  });

  it('writes hidden characters out in a warning the body passed as plain text', async () => {
    const { workspace, temp } = await workspaceWith({ accuracy: 0.95, 'acc\u200buracy': 0.5 });
    const runner = await prepare('train', workspace, { metrics: 'metrics.json', upload: 'false' }, temp);
    await train(runner);
    const warnings = runner.recorded.annotations.filter((annotation) => annotation.level === 'warning');
    expect(warnings.map((warning) => warning.message)).toContainEqual(expect.stringContaining('"acc<U+200B>uracy"'));
    expect(warnings.some((warning) => warning.message.includes('\u200b'))).toBe(false);
  });
});
