import { describe, expect, it } from 'vitest';
import { ANNOTATIONS_PER_LEVEL, StepLog, type AnnotationLevel, type Runner } from '../src/index.ts';

function recorder() {
  const lines: string[] = [];
  const annotations: { level: AnnotationLevel; message: string }[] = [];
  const runner = {
    print: (text: string) => lines.push(text),
    debug: (text: string) => lines.push(`debug ${text}`),
    annotate: (level: AnnotationLevel, message: string) => annotations.push({ level, message }),
    startGroup: (title: string) => lines.push(`group ${title}`),
    endGroup: () => lines.push('endgroup'),
  } as unknown as Runner;
  return { log: new StepLog(runner), lines, annotations };
}

describe('the step log', () => {
  it('shows control characters as pictures in every kind of line', () => {
    const { log, lines, annotations } = recorder();
    log.info('red \u001b[31m text');
    log.debug('bell \u0007');
    log.warning('c1 \u009b here');
    expect(lines).toEqual(['red \u241b[31m text', 'debug bell \u2407']);
    expect(annotations).toEqual([{ level: 'warning', message: 'c1 \ufffd here' }]);
  });

  it('fences text holding a workflow command with a one-time stop-commands token', () => {
    const { log, lines } = recorder();
    log.info('rule line\n::add-mask::secret');
    expect(lines).toHaveLength(3);
    const token = /^::stop-commands::(ml-actions-[0-9a-f-]{36})$/.exec(lines[0] ?? '')?.[1];
    expect(token).toBeDefined();
    expect(lines[1]).toBe('rule line\n::add-mask::secret');
    expect(lines[2]).toBe(`::${token}::`);
  });

  it('prints annotations past the limit as lines and keeps the last error annotation for the failure', () => {
    const { log, lines, annotations } = recorder();
    for (let index = 0; index < 12; index += 1) log.error(`rule ${index} failed`, { file: 'gate.rules', line: index });
    log.failure('gate failed');
    log.reportUnshown();
    const errors = annotations.filter((annotation) => annotation.level === 'error').map((a) => a.message);
    expect(errors).toHaveLength(ANNOTATIONS_PER_LEVEL);
    expect(errors.at(-1)).toBe('gate failed');
    expect(lines).toContain('error: gate.rules:9: rule 9 failed');
    expect(lines.at(-1)).toBe(
      '3 more errors in the log above, not annotated: GitHub shows 10 errors and 10 warnings of a step',
    );
  });

  it('closes a group when its body throws', async () => {
    const { log, lines } = recorder();
    await expect(log.group('Training: \u001b]8;;x', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(lines).toEqual(['group Training: \u241b]8;;x', 'endgroup']);
  });
});
