/**
 * User data that tries to be more than data: metric names, params, branch names and pull-request
 * titles carrying HTML, table breakers, mentions, issue references, our own marker, workflow
 * commands and terminal escapes. In the comment, the job summary and the check run it must show as
 * text; in the log the runner must never take it for a command (it reads any line that starts with
 * `::`, after leading whitespace).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseRunRecord } from '@ml-actions/core';
import { type ActionRun } from '@ml-actions/testkit';
import { readFile } from 'node:fs/promises';
import { Lab, REPO } from './support/lab.ts';
import {
  PAYLOADS,
  expectInertLog,
  expectNeutralisedMarkdown,
  injectedCommandLines,
} from './support/injection-checks.ts';

const MARKER = '<!-- ml-actions:compare:ml -->';
const names = Object.values(PAYLOADS);
const hostileBranch = `feat/<b>x</b>@octocat#123|${PAYLOADS.error}${PAYLOADS.ansi}`;
const hostileTitle = `Tune ${PAYLOADS.html} ${PAYLOADS.mention} ${PAYLOADS.reference} ${PAYLOADS.stop} ${PAYLOADS.ansi}`;

let lab: Lab;
let workspace: string;

/** metrics.json and params.json whose every key (and param value) is a payload. */
async function writeHostileFiles(offset: number): Promise<void> {
  const metrics = Object.fromEntries(names.map((name, i) => [name, offset + i / 100]));
  const params = Object.fromEntries(names.map((name) => [name, `${name} v${offset}`]));
  await writeFile(join(workspace, 'metrics.json'), JSON.stringify({ accuracy: 0.9, ...metrics }));
  await writeFile(join(workspace, 'params.json'), JSON.stringify(params));
}

function expectInert(run: ActionRun): void {
  expect(injectedCommandLines(run.stdout)).toEqual([]);
  expectInertLog(run.stdout);
  expectNeutralisedMarkdown(run.summary);
  for (const annotation of run.annotations) expect(annotation.message).not.toContain('\u001b');
}

beforeAll(async () => {
  lab = await Lab.start();
  workspace = await lab.workspace();
  await writeHostileFiles(0);
  const job = await lab.pushJob(workspace);
  expect((await job.step('train', { metrics: 'metrics.json', params: 'params.json' })).exitCode).toBe(0);
  await job.finish();
});
afterEach(() => lab.github.api.assertNoViolations());
afterAll(async () => {
  await lab?.close();
});

describe('hostile metric names, params, branch and title, on a pull request', () => {
  it('train records them as they are, and logs and summarises them inertly', async () => {
    await writeHostileFiles(1);
    const { job } = await lab.pullJob(workspace, { headRef: hostileBranch, title: hostileTitle });
    const train = await job.step('train', { metrics: 'metrics.json', params: 'params.json' });
    expect(train.exitCode).toBe(0);
    expectInert(train);
    const record = parseRunRecord(await readFile(train.outputs['record'] ?? '', 'utf8'), 'record');
    // Data stays data: nothing is dropped or rewritten in the record itself.
    for (const name of names) expect(record.metrics[name]?.value).toBeTypeOf('number');
    expect(record.params[PAYLOADS.error]).toBe(`${PAYLOADS.error} v1`);
    expect(record.provenance.branch).toBe(hostileBranch);
    await job.finish();
  });

  it('gate names them in errors and the check run without letting them act', async () => {
    await writeHostileFiles(2);
    const { headSha, job } = await lab.pullJob(workspace, { headRef: hostileBranch, title: hostileTitle });
    expect((await job.step('train', { metrics: 'metrics.json', params: 'params.json' })).exitCode).toBe(0);
    // A missing metric: the error lists the closest names, which are payloads.
    const gate = await job.step('gate', { rules: 'INJECTED-mask >= 1\naccuracy >= 0.95' });
    expect(gate.exitCode).toBe(1);
    expectInert(gate);
    const missing = gate.annotations.find((a) => a.level === 'error' && a.message.startsWith('metric "INJECTED-mask"'));
    expect(missing?.message).toMatch(/^metric "INJECTED-mask" not found; closest: .*::add-mask::INJECTED-mask/);
    const check = lab.checkRuns(headSha)[0];
    expect(check?.conclusion).toBe('failure');
    expectNeutralisedMarkdown(check?.output.summary ?? '');
    await job.finish();
  });

  it('compare posts one comment where every payload is text, and finds it again despite the forged marker', async () => {
    await writeHostileFiles(3);
    const { number, job } = await lab.pullJob(workspace, { headRef: hostileBranch, title: hostileTitle });
    expect((await job.step('train', { metrics: 'metrics.json', params: 'params.json' })).exitCode).toBe(0);
    const first = await job.step('compare', { rules: `\`${PAYLOADS.mention}\` >= 0` });
    expect(first.exitCode).toBe(0);
    expectInert(first);
    const comments = lab.compareComments(number);
    expect(comments).toHaveLength(1);
    const body = comments[0]?.body ?? '';
    expectNeutralisedMarkdown(body, { marker: MARKER });
    expect(body.startsWith(MARKER)).toBe(true);
    // Each payload is still there to read, escaped: the metric table names all ten, the params changed.
    expect(body).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(body).toContain('loss\\|INJECTED\\|x');
    expect(body).toContain('@\u200doctocat INJECTED');
    expect(body).toContain('#\u200d123 INJECTED');
    expect(body).toContain('feat/&lt;b&gt;x&lt;/b&gt;@\u200doctocat#\u200d123\\|m ::error::INJECTED-error');
    // The title is not ours to show.
    expect(body).not.toContain('Tune ');

    const second = await job.step('compare', { rules: `\`${PAYLOADS.mention}\` >= 0` });
    expect(second.exitCode).toBe(0);
    expect(lab.compareComments(number)).toHaveLength(1);
    expect(second.outputs['comment-id']).toBe(String(comments[0]?.id));
    await job.finish();
  });

  it('a rules file line that is a workflow command is quoted in the syntax error, not run', async () => {
    await writeHostileFiles(4);
    await writeFile(join(workspace, 'gate.rules'), `accuracy >= 0.5\n  ${PAYLOADS.mask}\n`);
    const { job } = await lab.pullJob(workspace);
    expect((await job.step('train', { metrics: 'metrics.json' })).exitCode).toBe(0);
    const gate = await job.step('gate', { 'rules-file': 'gate.rules', 'check-name': '' });
    expect(gate.exitCode).toBe(1);
    expectInert(gate);
    expect(gate.annotations[0]).toMatchObject({ level: 'error', file: 'gate.rules', line: 2 });
    // The quoted line is in the log for the user to read, inside a stop-commands block.
    expect(gate.stdout).toMatch(
      /^::stop-commands::(ml-actions-[\w-]+)\n[^]*^ *::add-mask::INJECTED-mask\n[^]*^::\1::$/m,
    );
    await job.finish();
  });
});

describe('hostile data through the fork-safe stages', () => {
  it('publish renders a collected bundle full of payloads inertly', async () => {
    const readOnly = 'ghs_injectionForkToken00000000000000000';
    lab.github.api.tokens.add(readOnly, { login: 'github-actions[bot]', installation: true, readOnly: true });
    await writeHostileFiles(5);
    const { number, headSha, job } = await lab.pullJob(workspace, {
      fork: true,
      token: readOnly,
      headRef: hostileBranch,
      title: hostileTitle,
    });
    expect((await job.step('train', { metrics: 'metrics.json', params: 'params.json' })).exitCode).toBe(0);
    const collect = await job.step('compare', { mode: 'collect', rules: 'accuracy >= 0.5' });
    expect(collect.exitCode).toBe(0);
    expectInert(collect);
    await job.finish();

    const publisher = await lab.publishJob({ runId: job.runId, headSha, headRef: hostileBranch }, workspace);
    const publish = await publisher.step('compare', {
      mode: 'publish',
      rules: 'accuracy >= 0.5',
      'comment-key': 'ml',
    });
    expect(publish.exitCode).toBe(0);
    expectInert(publish);
    const comments = lab.compareComments(number);
    expect(comments).toHaveLength(1);
    expectNeutralisedMarkdown(comments[0]?.body ?? '', { marker: MARKER });
    const check = lab.checkRuns(headSha)[0];
    expectNeutralisedMarkdown(check?.output.summary ?? '');
    expect(lab.github.api.state.comments(REPO, number)).toHaveLength(1);
    await publisher.finish();
  });
});
