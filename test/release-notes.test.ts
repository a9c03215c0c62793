import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { UserError } from '@ml-actions/core';
import { node24 } from '@ml-actions/testkit';
import { newestEntry, releaseNotes, tagVersion } from '../scripts/release-notes.ts';

const run = promisify(execFile);
const script = fileURLToPath(new URL('../scripts/release-notes.ts', import.meta.url));

const CHANGELOG = `# Changelog

Some words about the file.

## [Unreleased]

- something not yet released

## [1.1.0] - 2026-12-10

### Added

- \`gate\` learned a rule.

### Fixed

- A typo.

## [1.0.0] - 2026-12-02

- The first release.

[1.1.0]: https://github.com/OWNER/ml-actions/compare/v1.0.0...v1.1.0
[1.0.0]: https://github.com/OWNER/ml-actions/releases/tag/v1.0.0
`;

/** The UserError a call throws, for its message and line. */
function thrownBy(work: () => unknown): UserError {
  try {
    work();
  } catch (thrown: unknown) {
    if (thrown instanceof UserError) return thrown;
    throw thrown;
  }
  throw new Error('expected a UserError');
}

describe('releaseNotes', () => {
  it('returns exactly the newest entry under an Unreleased section', () => {
    expect(releaseNotes(CHANGELOG, '1.1.0')).toBe('### Added\n\n- `gate` learned a rule.\n\n### Fixed\n\n- A typo.');
  });

  it('stops the last entry before the link definitions that end the file', () => {
    const only = CHANGELOG.replace(/## \[1\.1\.0\][\s\S]*?(?=## \[1\.0\.0\])/, '');
    expect(releaseNotes(only, '1.0.0')).toBe('- The first release.');
  });

  it('refuses a version that is not the newest entry, naming its line', () => {
    const error = thrownBy(() => releaseNotes(CHANGELOG, '1.0.0'));
    expect(error.message).toBe('CHANGELOG.md:9: the newest entry is 1.1.0, but the release is 1.0.0');
    expect(error.line).toBe(9);
  });

  it('names the line of a heading that is not an entry', () => {
    const error = thrownBy(() => releaseNotes(CHANGELOG.replace('## [1.1.0] - 2026-12-10', '## 1.1.0'), '1.1.0'));
    expect(error.message).toBe(
      'CHANGELOG.md:9: "## 1.1.0" is not an entry heading: write "## [X.Y.Z] - YYYY-MM-DD" or "## [Unreleased]"',
    );
  });

  it('refuses an entry without a date, one without notes, and a file without entries', () => {
    expect(thrownBy(() => releaseNotes(CHANGELOG.replace(' - 2026-12-10', ''), '1.1.0')).message).toBe(
      'CHANGELOG.md:9: the entry for 1.1.0 needs a date: "## [1.1.0] - YYYY-MM-DD"',
    );
    expect(
      thrownBy(() => releaseNotes('## [1.1.0] - 2026-12-10\n\n## [1.0.0] - 2026-12-02\n- x\n', '1.1.0')).message,
    ).toBe('CHANGELOG.md:1: the entry has no notes');
    expect(thrownBy(() => releaseNotes('# Changelog\n\n## [Unreleased]\n', '1.0.0', 'docs/CHANGES.md')).message).toBe(
      'docs/CHANGES.md: no released entry ("## [X.Y.Z] - YYYY-MM-DD") found',
    );
  });

  it('reads the version from a vX.Y.Z tag only', () => {
    expect(tagVersion('v1.2.3')).toBe('1.2.3');
    expect(thrownBy(() => tagVersion('v1.2.3-rc.1')).message).toBe(
      '"v1.2.3-rc.1" is not a release tag of the form vX.Y.Z',
    );
  });
});

describe('the repository', () => {
  it("has a CHANGELOG.md whose newest entry has notes and is of the major version README.md's @v tags name", async () => {
    const text = await readFile(new URL('../CHANGELOG.md', import.meta.url), 'utf8');
    const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
    const majors = new Set([...readme.matchAll(/ml-actions\/actions\/\w+@v(\d+)\b/g)].map((match) => match[1]));
    expect(majors.size).toBe(1);
    const { version } = newestEntry(text);
    expect(version.split('.')[0]).toBe([...majors][0]);
    expect(releaseNotes(text, version)).toContain('`package`');
  });

  it('prints the notes from the command line, and fails in one line for the wrong tag', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'release-notes-'));
    try {
      await writeFile(join(folder, 'CHANGELOG.md'), CHANGELOG);
      const good = await run(node24(), [script, 'v1.1.0'], { cwd: folder });
      expect(good.stdout).toBe('### Added\n\n- `gate` learned a rule.\n\n### Fixed\n\n- A typo.\n');
      const bad = await run(node24(), [script, 'v1.0.0'], { cwd: folder }).catch((thrown: unknown) => thrown);
      expect(bad).toMatchObject({
        code: 1,
        stdout: '',
        stderr: 'CHANGELOG.md:9: the newest entry is 1.1.0, but the release is 1.0.0\n',
      });
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});

describe('.github/workflows/release.yml', () => {
  interface Step {
    uses?: string;
    run?: string;
    env?: Record<string, string>;
  }
  const workflow = async () =>
    parse(await readFile(new URL('../.github/workflows/release.yml', import.meta.url), 'utf8')) as {
      on: { push: { tags: string[] } };
      permissions: Record<string, string>;
      jobs: { release: { permissions: Record<string, string>; steps: Step[] } };
    };

  it('runs on vX.Y.Z tags with no permissions but contents: write for the release job', async () => {
    const { on, permissions, jobs } = await workflow();
    expect(on.push.tags).toEqual(['v*.*.*']);
    expect(permissions).toEqual({});
    expect(jobs.release.permissions).toEqual({ contents: 'write' });
  });

  it('checks the bundles, then takes the notes from the script given the tag through env, before publishing', async () => {
    const steps = (await workflow()).jobs.release.steps;
    const index = (pattern: RegExp) => steps.findIndex((step) => pattern.test(step.run ?? ''));
    const notes = steps[index(/release-notes/)]!;
    expect(notes.run).toBe('npm run --silent release-notes -- "$TAG" > "$RUNNER_TEMP/release-notes.md"');
    expect(notes.env).toEqual({ TAG: '${{ github.ref_name }}' });
    expect(index(/^npm ci$/)).toBeGreaterThanOrEqual(0);
    expect(index(/^npm ci$/)).toBeLessThan(index(/npm run check-dist/));
    expect(index(/npm run check-dist/)).toBeLessThan(index(/release-notes/));
    expect(index(/release-notes/)).toBeLessThan(index(/gh release create/));
    expect(index(/gh release create/)).toBeLessThan(index(/git\/refs/));
    const scripts = await readFile(new URL('../package.json', import.meta.url), 'utf8');
    const manifest = JSON.parse(scripts) as { scripts: Record<string, string> };
    expect(manifest.scripts['release-notes']).toBe('node scripts/release-notes.ts');
  });

  it('pins every action to a full commit and puts no expression inside a run script', async () => {
    for (const step of (await workflow()).jobs.release.steps) {
      if (step.uses !== undefined) expect(step.uses).toMatch(/^[\w-]+\/[\w-]+@[0-9a-f]{40}$/);
      if (step.run !== undefined) expect(step.run).not.toContain('${{');
    }
  });
});
