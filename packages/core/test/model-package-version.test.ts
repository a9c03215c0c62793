import { describe, expect, it } from 'vitest';
import { UserError } from '../src/errors.ts';
import {
  bumpVersion,
  compareSemver,
  formatSemver,
  modelVersionsFromTags,
  nextVersion,
  parseSemver,
  parseVersionBump,
  validateModelName,
  type NextVersionOptions,
} from '../src/model-package/index.ts';

/** The UserError `run` throws. */
function userError(run: () => unknown): UserError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return error as UserError;
  }
  throw new Error('expected a UserError');
}

describe('parseSemver / formatSemver', () => {
  it('parses every part and formats back to the same text', () => {
    expect(parseSemver('1.22.333-rc.1.x-y+build.7')).toEqual({
      major: 1,
      minor: 22,
      patch: 333,
      prerelease: ['rc', '1', 'x-y'],
      build: ['build', '7'],
    });
    for (const text of [
      '0.0.0',
      '1.2.3',
      '1.0.0-alpha',
      '1.0.0-0.3.7',
      '1.0.0+20130313144700',
      '1.0.0-beta+exp.sha.5114f85',
    ]) {
      expect(formatSemver(parseSemver(text)!)).toBe(text);
    }
  });

  it('refuses what semver 2.0 refuses', () => {
    for (const text of [
      '1.2',
      'v1.2.3',
      '01.2.3',
      '1.02.3',
      '1.2.3-01',
      '1.2.3-',
      '1.2.3+',
      '1.2.3-a..b',
      ' 1.2.3',
      '1.2.3.4',
      '99999999999999999.0.0',
      '',
    ]) {
      expect(parseSemver(text), text).toBeUndefined();
    }
  });
});

describe('compareSemver', () => {
  it('orders the semver 2.0 precedence example', () => {
    const ordered = [
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-alpha.beta',
      '1.0.0-beta',
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      '1.0.0-rc.1',
      '1.0.0',
      '1.0.1',
      '1.1.0',
      '1.10.0',
      '2.0.0',
    ];
    for (let i = 0; i < ordered.length - 1; i++) {
      expect(compareSemver(ordered[i]!, ordered[i + 1]!), `${ordered[i]} < ${ordered[i + 1]}`).toBe(-1);
      expect(compareSemver(ordered[i + 1]!, ordered[i]!)).toBe(1);
    }
    const shuffled = [...ordered].reverse().sort(compareSemver);
    expect(shuffled).toEqual(ordered);
  });

  it('ignores build metadata and compares long numeric identifiers exactly', () => {
    expect(compareSemver('1.0.0+a', '1.0.0+b')).toBe(0);
    expect(compareSemver('1.0.0-pr.12.99999999999999999999', '1.0.0-pr.12.100000000000000000000')).toBe(-1);
    expect(compareSemver('1.0.0-2', '1.0.0-10')).toBe(-1);
    expect(compareSemver('1.0.0-10', '1.0.0-a')).toBe(-1);
  });
});

describe('bumpVersion', () => {
  it.each([
    ['1.2.3', 'patch', '1.2.4'],
    ['1.2.3', 'minor', '1.3.0'],
    ['1.2.3', 'major', '2.0.0'],
    ['0.1.0', 'patch', '0.1.1'],
    ['1.2.3+build', 'patch', '1.2.4'],
    ['1.2.3-rc.1', 'patch', '1.2.3'],
    ['1.3.0-rc.1', 'minor', '1.3.0'],
    ['1.3.1-rc.1', 'minor', '1.4.0'],
    ['2.0.0-rc.1', 'major', '2.0.0'],
    ['2.1.0-rc.1', 'major', '3.0.0'],
  ] as const)('%s %s -> %s', (from, bump, to) => {
    expect(bumpVersion(from, bump)).toBe(to);
  });
});

describe('validateModelName / parseVersionBump', () => {
  it('accepts the names GTO reads back from a tag: letters, digits, "-" and "_"', () => {
    expect(validateModelName('churn-model_v2')).toBe('churn-model_v2');
    expect(validateModelName('m')).toBe('m');
  });

  it('refuses a name too long for the folder, artifact and tag it names', () => {
    expect(validateModelName('m'.repeat(100))).toBe('m'.repeat(100));
    expect(userError(() => validateModelName('m'.repeat(101))).message).toBe(
      'input name: the model name is 101 characters; at most 100 are accepted (it names a tag, an artifact and a folder)',
    );
  });

  it('refuses other names, naming the input', () => {
    expect(userError(() => validateModelName('churn model')).message).toBe(
      'input name: "churn model" is not a valid model name; use letters, digits, "-" and "_", starting and ending with a letter or digit (GTO\'s artifact names)',
    );
    for (const name of ['a@b', '', 'churn.v2', 'dir/model', '.hidden', '-flag', 'model_', 'a..b', 'model.lock']) {
      expect(userError(() => validateModelName(name)).message).toContain(
        `input name: ${JSON.stringify(name)} is not a valid model name; use letters`,
      );
    }
  });

  it('reads the bump input', () => {
    expect(parseVersionBump(' Minor ')).toBe('minor');
    expect(userError(() => parseVersionBump('huge')).message).toBe(
      'input bump: "huge" is not one of "patch", "minor" or "major"',
    );
  });
});

describe('nextVersion', () => {
  const base: NextVersionOptions = { existingTags: [], name: 'churn-model', requested: 'auto', bump: 'minor' };

  it('starts at 0.1.0', () => {
    expect(nextVersion(base)).toEqual({
      name: 'churn-model',
      version: '0.1.0',
      tag: 'churn-model@v0.1.0',
      createTag: true,
      previous: null,
      explanation: 'first version of churn-model',
    });
  });

  it('bumps the highest release, ignoring pre-releases, other names and stray tags', () => {
    const existingTags = [
      'churn-model@v1.2.0',
      'refs/tags/churn-model@v1.10.0',
      'churn-model@v1.9.3',
      'churn-model@v2.0.0-rc.1',
      'churn-model-v2@v5.0.0',
      'churn@v9.0.0',
      'churn-model@vnext',
      'churn-model#prod#3',
      'v3.0.0',
    ];
    const next = nextVersion({ ...base, existingTags });
    expect(next).toMatchObject({ version: '1.11.0', tag: 'churn-model@v1.11.0', previous: '1.10.0' });
    expect(next.explanation).toBe('minor bump of 1.10.0 (tag churn-model@v1.10.0)');
    expect(nextVersion({ ...base, existingTags, bump: 'patch' }).version).toBe('1.10.1');
    expect(nextVersion({ ...base, existingTags, bump: 'major' }).version).toBe('2.0.0');
    // A name that is a prefix of another only sees its own tags.
    expect(nextVersion({ ...base, name: 'churn', existingTags }).version).toBe('9.1.0');
    expect(nextVersion({ ...base, name: 'churn-model-v2', existingTags }).version).toBe('5.1.0');
  });

  it('finds the pre-release-only history empty of releases', () => {
    expect(nextVersion({ ...base, existingTags: ['churn-model@v1.0.0-rc.1'] }).version).toBe('0.1.0');
  });

  it('takes an explicit version, with or without a leading v', () => {
    const next = nextVersion({ ...base, requested: 'v2.0.0-rc.2', existingTags: ['churn-model@v1.0.0'] });
    expect(next).toMatchObject({
      version: '2.0.0-rc.2',
      tag: 'churn-model@v2.0.0-rc.2',
      createTag: true,
      previous: '1.0.0',
    });
  });

  it('refuses a version that exists already', () => {
    const existingTags = ['churn-model@v1.2.0', 'churn-model@v1.3.0'];
    expect(userError(() => nextVersion({ ...base, existingTags, requested: '1.2.0' })).message).toBe(
      'version 1.2.0 of churn-model exists already (tag churn-model@v1.2.0); versions are never overwritten',
    );
    // Build metadata does not make a new version.
    expect(userError(() => nextVersion({ ...base, existingTags, requested: '1.3.0+again' })).message).toContain(
      'exists already (tag churn-model@v1.3.0)',
    );
    // On a pull request too, so the author learns before merging.
    expect(
      userError(() =>
        nextVersion({ ...base, existingTags, requested: '1.2.0', pullRequest: { number: 7, runNumber: 3 } }),
      ).message,
    ).toContain('version 1.2.0 of churn-model exists already');
  });

  it('refuses an invalid explicit version, naming the input', () => {
    expect(userError(() => nextVersion({ ...base, requested: '1.2' })).message).toBe(
      'input version: "1.2" is not "auto" or a semantic version such as 1.2.0 or 2.0.0-rc.1',
    );
  });

  it('gives a pull request an untagged pre-release', () => {
    const next = nextVersion({
      ...base,
      existingTags: ['churn-model@v1.2.0'],
      pullRequest: { number: 12, runNumber: 45 },
    });
    expect(next).toEqual({
      name: 'churn-model',
      version: '1.3.0-pr.12.45',
      tag: null,
      createTag: false,
      previous: '1.2.0',
      explanation:
        'minor bump of 1.2.0 (tag churn-model@v1.2.0); pull request #12 (run 45) gets pre-release 1.3.0-pr.12.45, and no tag is created',
    });
    expect(compareSemver(next.version, '1.3.0')).toBe(-1);
    expect(nextVersion({ ...base, requested: '2.0.0-rc.1+b7', pullRequest: { number: 3, runNumber: 9 } }).version).toBe(
      '2.0.0-rc.1.pr.3.9+b7',
    );
  });

  it('reads the versions of one model from tags', () => {
    expect(modelVersionsFromTags(['m@v1.0.0', 'm2@v2.0.0', 'm@v1.0'], 'm').map((v) => v.tag)).toEqual(['m@v1.0.0']);
  });
});
