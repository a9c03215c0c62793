import { describe, expect, it } from 'vitest';
import { SERIES_COLOURS, contrastRatio } from '../src/index.ts';

// GitHub's page backgrounds in light and dark mode.
const LIGHT = '#FFFFFF';
const DARK = '#0D1117';

describe('the series palette', () => {
  it('gives every line at least 3:1 contrast on both of GitHub’s backgrounds, each colour distinct', () => {
    for (const colour of SERIES_COLOURS) {
      expect(contrastRatio(colour.hex, LIGHT), `${colour.name} on white`).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(colour.hex, DARK), `${colour.name} on dark`).toBeGreaterThanOrEqual(3);
    }
    expect(new Set(SERIES_COLOURS.map((colour) => colour.hex)).size).toBe(SERIES_COLOURS.length);
    expect(new Set(SERIES_COLOURS.map((colour) => colour.name)).size).toBe(SERIES_COLOURS.length);
    // Mermaid's default first colour, which the palette replaces, and black on white as a check of the formula.
    expect(contrastRatio('#ECECFF', LIGHT)).toBeCloseTo(1.17, 2);
    expect(contrastRatio('#000000', LIGHT)).toBeCloseTo(21, 9);
  });
});
