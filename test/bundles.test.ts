import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pullRequestEvent, runAction } from '@ml-actions/testkit';

const workspace = mkdtempSync(join(tmpdir(), 'bundles-'));
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

describe('the committed bundles, run as the runner runs them (Node 24)', () => {
  it('gate refuses to run without rules, as a user error naming the inputs', async () => {
    const run = await runAction({ action: 'gate', workspace, inputs: {}, token: 'ghs_unused' });
    expect(run.exitCode).toBe(1);
    expect(run.annotations).toContainEqual(
      expect.objectContaining({ level: 'error', message: 'gate needs rules: set input "rules" or "rules-file"' }),
    );
    expect(run.summary).toContain('gate needs rules');
  });

  it('compare refuses an unknown mode, naming the input and the choices', async () => {
    const event = pullRequestEvent(
      { owner: 'octo-org', repo: 'churn' },
      { number: 7, headSha: 'a'.repeat(40), baseSha: 'b'.repeat(40) },
    );
    const run = await runAction({
      action: 'compare',
      workspace,
      event,
      inputs: { mode: 'shout' },
      token: 'ghs_unused',
    });
    expect(run.exitCode).toBe(1);
    expect(run.annotations[0]?.message).toBe('input "mode" must be one of comment, collect, publish, got "shout"');
  });

  it('package refuses release without tag', async () => {
    const run = await runAction({
      action: 'package',
      workspace,
      inputs: { name: 'churn-model', path: 'model/', release: 'true' },
      token: 'ghs_unused',
    });
    expect(run.exitCode).toBe(1);
    expect(run.annotations[0]?.message).toBe('input "release" needs input "tag": a release is made for the tag');
  });

  it('a boolean input that is not a boolean is refused rather than read as false', async () => {
    const run = await runAction({ action: 'train', workspace, inputs: { upload: 'yes please' } });
    expect(run.exitCode).toBe(1);
    expect(run.annotations[0]?.message).toBe('input "upload" must be true or false, got "yes please"');
  });
});
