/**
 * The colours every chart of ours draws its series in, set inside each Mermaid block (its
 * frontmatter) so that GitHub's renderer uses them: Mermaid's default xychart palette starts with
 * #ECECFF, a contrast of 1.17:1 on white. The first colour is for the candidate (this pull
 * request, production data), the second, muted one for the baseline (or the reference); each has
 * at least 3:1 contrast on GitHub's light background (#FFFFFF) and its dark one (#0D1117).
 * Beyond six series the colours repeat, and the table under a chart names each line's.
 */
export interface SeriesColour {
  /** The colour as a legend names it. */
  name: string;
  hex: string;
}

export const SERIES_COLOURS: readonly SeriesColour[] = [
  { name: 'blue', hex: '#1F6FEB' },
  { name: 'grey', hex: '#8C959F' },
  { name: 'orange', hex: '#E16F24' },
  { name: 'purple', hex: '#A371F7' },
  { name: 'green', hex: '#2DA44E' },
  { name: 'red', hex: '#D1242F' },
];

/** The colour of the series at `index` (0-based) in drawing order. */
export function seriesColour(index: number): SeriesColour {
  return SERIES_COLOURS[index % SERIES_COLOURS.length]!;
}

/**
 * The frontmatter that opens a Mermaid block and sets its series colours, in drawing order (for
 * an xychart, the order of its `bar` and `line` statements).
 */
export function chartFrontmatter(colours: readonly SeriesColour[]): string[] {
  return [
    '---',
    'config:',
    '  themeVariables:',
    '    xyChart:',
    `      plotColorPalette: "${colours.map((colour) => colour.hex).join(', ')}"`,
    '---',
  ];
}

/** WCAG contrast ratio of two #RRGGBB colours, for the tests that hold the palette to its promise. */
export function contrastRatio(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (high! + 0.05) / (low! + 0.05);
}
