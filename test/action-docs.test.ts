import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { node24 } from '@ml-actions/testkit';
import {
  codeSpan,
  escapeTableCell,
  markedVerbs,
  renderActionDocs,
  replaceBetweenMarkers,
  updateActionDocs,
} from '../scripts/action-docs.ts';

const script = fileURLToPath(new URL('../scripts/action-docs.ts', import.meta.url));

const smallAction = `
name: Shout
description: Says things | loudly.
inputs:
  text:
    description: What to say; a | b works.
    required: true
  volume:
    description: |
      How loud.
      In decibels.
    default: 11
  quiet:
    required: false
    default: 'a|b'
outputs:
  echo:
    description: What came back.
runs:
  using: node24
  main: dist/index.js
`;

describe('renderActionDocs', () => {
  it('renders the description and exact Inputs and Outputs rows, escaping | and line breaks', () => {
    expect(renderActionDocs(parse(smallAction), 'actions/shout/action.yml').split('\n')).toEqual([
      'Says things | loudly.',
      '',
      '#### Inputs',
      '',
      '| name | description | required | default |',
      '| --- | --- | --- | --- |',
      '| `text` | What to say; a \\| b works. | yes |  |',
      '| `volume` | How loud.<br>In decibels. | no | `11` |',
      '| `quiet` |  | no | `a\\|b` |',
      '',
      '#### Outputs',
      '',
      '| name | description |',
      '| --- | --- |',
      '| `echo` | What came back. |',
      '',
    ]);
  });

  it('says None. for an action without inputs or outputs', () => {
    const block = renderActionDocs({ description: 'Does nothing.' }, 'a.yml');
    expect(block).toBe('Does nothing.\n\n#### Inputs\n\nNone.\n\n#### Outputs\n\nNone.\n');
  });

  it('refuses an action.yml without a description or with a malformed section, naming the file', () => {
    expect(() => renderActionDocs({ inputs: {} }, 'actions/x/action.yml')).toThrow(
      'actions/x/action.yml: the action has no description',
    );
    expect(() => renderActionDocs({ description: 'd', inputs: ['a'] }, 'actions/x/action.yml')).toThrow(
      'actions/x/action.yml: "inputs" must be a mapping',
    );
    expect(() => renderActionDocs({ description: 'd', outputs: { a: 'text' } }, 'actions/x/action.yml')).toThrow(
      'actions/x/action.yml: outputs.a must be a mapping',
    );
  });
});

describe('cells', () => {
  it('escapes pipes and turns CRLF and LF line breaks into <br>', () => {
    expect(escapeTableCell(' a|b\r\nc\nd ')).toBe('a\\|b<br>c<br>d');
  });

  it('fences a code span longer than the backtick runs inside it', () => {
    expect(codeSpan('plain')).toBe('`plain`');
    expect(codeSpan('a `b` c')).toBe('``a `b` c``');
    expect(codeSpan('`x')).toBe('`` `x ``');
  });
});

describe('replaceBetweenMarkers', () => {
  const readme = [
    '# Title',
    '',
    'Intro | with a pipe.',
    '<!-- action-docs:start train -->',
    'old text',
    '<!-- action-docs:end train -->',
    'Tail.',
    '',
  ].join('\n');

  it('replaces only the text between the markers and keeps everything else byte for byte', () => {
    expect(replaceBetweenMarkers(readme, 'train', 'NEW\n', 'README.md')).toBe(
      [
        '# Title',
        '',
        'Intro | with a pipe.',
        '<!-- action-docs:start train -->',
        '',
        'NEW',
        '',
        '<!-- action-docs:end train -->',
        'Tail.',
        '',
      ].join('\n'),
    );
  });

  it('gives undefined when the markers of that verb are absent', () => {
    expect(replaceBetweenMarkers(readme, 'gate', 'NEW', 'README.md')).toBeUndefined();
  });

  it('refuses a lone, repeated or reversed marker with the line', () => {
    expect(() => replaceBetweenMarkers('a\n<!-- action-docs:start gate -->\n', 'gate', 'x', 'README.md')).toThrow(
      'README.md:2: "<!-- action-docs:start gate -->" has no matching "<!-- action-docs:end gate -->"',
    );
    expect(() => replaceBetweenMarkers(`${readme}<!-- action-docs:end train -->\n`, 'train', 'x', 'README.md')).toThrow(
      'README.md:8: "<!-- action-docs:end train -->" appears twice',
    );
    expect(() =>
      replaceBetweenMarkers('<!-- action-docs:end x -->\n<!-- action-docs:start x -->', 'x', 'b', 'README.md'),
    ).toThrow('README.md:1: "<!-- action-docs:end x -->" comes before "<!-- action-docs:start x -->"');
  });

  it('lists the verbs that have start markers', () => {
    expect(markedVerbs(`${readme}<!-- action-docs:start gate -->`)).toEqual(['train', 'gate']);
  });
});

describe('the script on a repository folder', () => {
  let root: string;
  const readmeText = [
    '# Project',
    '',
    'Hand-written text stays.',
    '',
    '<!-- action-docs:start shout -->',
    '<!-- action-docs:end shout -->',
    '',
    '<!-- action-docs:start gone -->',
    '<!-- action-docs:end gone -->',
    '',
  ].join('\n');

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'action-docs-'));
    for (const verb of ['shout', 'whisper']) await mkdir(join(root, 'actions', verb), { recursive: true });
    await writeFile(join(root, 'actions', 'shout', 'action.yml'), smallAction);
    await writeFile(join(root, 'actions', 'whisper', 'action.yml'), 'description: Says things quietly.\n');
    await writeFile(join(root, 'README.md'), readmeText);
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('writes the block between the markers, then finds it in sync; lists missing and unknown markers', async () => {
    expect(await updateActionDocs(root, false)).toEqual({
      changed: ['shout'],
      missing: ['whisper'],
      unknown: ['gone'],
    });
    const written = await readFile(join(root, 'README.md'), 'utf8');
    // Prettier-aligned (as `prettier --check` wants it), and the text outside the markers unchanged.
    expect(written).toBe(
      [
        '# Project',
        '',
        'Hand-written text stays.',
        '',
        '<!-- action-docs:start shout -->',
        '',
        'Says things | loudly.',
        '',
        '#### Inputs',
        '',
        '| name     | description                | required | default |',
        '| -------- | -------------------------- | -------- | ------- |',
        '| `text`   | What to say; a \\| b works. | yes      |         |',
        '| `volume` | How loud.<br>In decibels.  | no       | `11`    |',
        '| `quiet`  |                            | no       | `a\\|b`  |',
        '',
        '#### Outputs',
        '',
        '| name   | description     |',
        '| ------ | --------------- |',
        '| `echo` | What came back. |',
        '',
        '<!-- action-docs:end shout -->',
        '',
        '<!-- action-docs:start gone -->',
        '<!-- action-docs:end gone -->',
        '',
      ].join('\n'),
    );
    expect(await updateActionDocs(root, true)).toEqual({ changed: [], missing: ['whisper'], unknown: ['gone'] });
  });

  it('--check writes nothing and exits 1 naming the drifted and the unmarked actions', async () => {
    await updateActionDocs(root, false);
    const inSync = await readFile(join(root, 'README.md'), 'utf8');
    await writeFile(
      join(root, 'actions', 'shout', 'action.yml'),
      smallAction.replace('What came back.', 'What came back, changed.'),
    );
    const run = await promisify(execFile)(node24(), [script, '--check', '--root', root]).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('shout: the block differs from actions/shout/action.yml');
    expect(run.stderr).toContain(
      'whisper: no markers; add <!-- action-docs:start whisper --> and <!-- action-docs:end whisper -->',
    );
    expect(run.stderr).toContain('gone: markers for an action that does not exist');
    expect(await readFile(join(root, 'README.md'), 'utf8')).toBe(inSync);
  });
});
