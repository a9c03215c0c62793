import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { node24, parseAnnotations, parseFileCommand, repositoryRoot } from '@ml-actions/testkit';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function runProbe(kind: string) {
  const folder = mkdtempSync(join(tmpdir(), 'probe-'));
  folders.push(folder);
  const output = join(folder, 'output');
  const summary = join(folder, 'summary');
  writeFileSync(output, '');
  writeFileSync(summary, '');
  const result = spawnSync(node24(), [join(repositoryRoot(), 'test', 'support', 'throwing-step.ts'), kind], {
    encoding: 'utf8',
    env: { PATH: process.env['PATH'] ?? '', GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary },
  });
  return {
    status: result.status,
    stdout: result.stdout,
    outputs: parseFileCommand(readFileSync(output, 'utf8')),
    summary: readFileSync(summary, 'utf8'),
  };
}

describe('the outer guard of a step', () => {
  it.each([
    ['string', 'probe failed unexpectedly: a bare string'],
    ['object', 'probe failed unexpectedly: {"code":42}'],
    ['error', 'probe failed unexpectedly: boom'],
  ])('fails the step when the body throws %s', (kind, message) => {
    const probe = runProbe(kind);
    expect(probe.status).toBe(1);
    expect(parseAnnotations(probe.stdout)).toContainEqual({ level: 'error', message });
    // Outputs set before the failure and the summary survive it.
    expect(probe.outputs['reached']).toBe('yes');
    expect(probe.summary).toContain('### probe');
    expect(probe.summary).toContain(message);
  });

  it('shows a user error with its file and line, without a stack trace', () => {
    const probe = runProbe('user');
    expect(probe.status).toBe(1);
    expect(parseAnnotations(probe.stdout)).toContainEqual({
      level: 'error',
      message: 'metrics.json: unexpected end of JSON',
      file: 'metrics.json',
      line: 3,
      title: 'probe',
    });
    expect(probe.stdout).not.toContain('    at ');
  });

  it('leaves the step green when nothing is thrown', () => {
    const probe = runProbe('none');
    expect(probe.status).toBe(0);
    expect(parseAnnotations(probe.stdout)).toEqual([]);
  });
});
