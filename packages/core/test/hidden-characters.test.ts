import { describe, expect, it } from 'vitest';
import { escapeInline, escapeMermaidLabel, lookAlikeNames, showHiddenCharacters } from '../src/index.ts';

describe('hidden characters', () => {
  it('writes out zero-width characters, directional controls, the BOM, soft hyphens and fillers', () => {
    const hidden = [
      '\u200b',
      '\u200c',
      '\u200d',
      '\u2060',
      '\ufeff',
      '\u00ad',
      '\u200e',
      '\u200f',
      '\u202a',
      '\u202e',
      '\u2066',
      '\u2069',
      '\u115f',
      '\u1160',
      '\u3164',
      '\uffa0',
      '\u2800',
    ];
    for (const char of hidden) {
      const code = char.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0');
      expect(showHiddenCharacters(`a${char}b`)).toBe(`a<U+${code}>b`);
    }
    expect(showHiddenCharacters('accuracy é 日本 🙂')).toBe('accuracy é 日本 🙂');
  });

  it('shows them in Markdown and in chart labels, escaped for each', () => {
    expect(escapeInline('acc\u200buracy')).toBe('acc&lt;U+200B&gt;uracy');
    expect(escapeMermaidLabel('acc\u200buracy')).toBe('acc‹U+200B›uracy');
  });

  it('finds names that read the same without them, or in their compatibility form', () => {
    expect(lookAlikeNames(['accuracy', 'acc\u200buracy', 'loss', '\ufeffloss', 'ａuc', 'auc', 'f1'])).toEqual([
      ['accuracy', 'acc\u200buracy'],
      ['loss', '\ufeffloss'],
      ['ａuc', 'auc'],
    ]);
    expect(lookAlikeNames(['accuracy', 'accuracy', 'loss'])).toEqual([]);
  });
});
