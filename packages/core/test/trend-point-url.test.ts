import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeUrl, trendPointUrl } from '@ml-actions/core';

const PAGE = 'https://octo-org.github.io/churn/';
const SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9001122334';

/** The fragment's values as the trend page's script reads them: split at `&`, then decoded. */
function fragmentValues(url: string): Record<string, string> {
  const hash = new URL(url).hash.replace(/^#/, '');
  const values: Record<string, string> = {};
  for (const pair of hash.split('&')) {
    const at = pair.indexOf('=');
    values[pair.slice(0, at)] = decodeURIComponent(pair.slice(at + 1));
  }
  return values;
}

describe('trendPointUrl', () => {
  it('points at an experiment and a commit, or a package version, or the experiment alone', () => {
    expect(trendPointUrl(PAGE, { experiment: 'train', commit: SHA })).toBe(`${PAGE}#experiment=train&commit=${SHA}`);
    expect(trendPointUrl(PAGE, { experiment: 'train', version: '1.2.3-rc.1+b5' })).toBe(
      `${PAGE}#experiment=train&version=1.2.3-rc.1%2Bb5`,
    );
    expect(trendPointUrl(PAGE, { experiment: 'train' })).toBe(`${PAGE}#experiment=train`);
  });

  it('replaces a fragment the page address had, and writes the sha in lowercase', () => {
    expect(trendPointUrl(`${PAGE}#old=1`, { experiment: 'a', commit: SHA.toUpperCase() })).toBe(
      `${PAGE}#experiment=a&commit=${SHA}`,
    );
  });

  it('encodes names that hold the fragment syntax or markup', () => {
    const experiment = 'a&commit=0#x y"]<img src=x onerror=alert(1)>';
    const url = trendPointUrl(PAGE, { experiment, commit: SHA });
    expect(url).not.toMatch(/[ "<>\]]/);
    expect(fragmentValues(url)).toEqual({ experiment, commit: SHA });
  });

  it('keeps any experiment name and version whole, also after the link escaping of Markdown', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1 }), fc.string({ minLength: 1 }), (experiment, version) => {
        const url = trendPointUrl(PAGE, { experiment, version });
        const linked = safeUrl(url);
        expect(linked).toBeDefined();
        expect(fragmentValues(linked!)).toEqual({ experiment, version });
      }),
    );
  });

  it('writes a lone surrogate, which has no URL encoding, as U+FFFD instead of failing', () => {
    expect(fragmentValues(trendPointUrl(PAGE, { experiment: 'a\ud800b' }))).toEqual({ experiment: 'a\ufffdb' });
  });

  it('refuses a short or non-hex commit, and a commit together with a version', () => {
    expect(() => trendPointUrl(PAGE, { experiment: 'a', commit: SHA.slice(0, 7) })).toThrow(/40 hex digits/);
    expect(() => trendPointUrl(PAGE, { experiment: 'a', commit: `${SHA.slice(0, 39)}g` })).toThrow(/40 hex digits/);
    expect(() => trendPointUrl(PAGE, { experiment: 'a', commit: SHA, version: '1.0.0' })).toThrow(/not both/);
  });
});
