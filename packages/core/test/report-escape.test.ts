import { beforeAll, describe, expect, it } from 'vitest';
import type { GateResult } from '../src/gate/gate-result.ts';
import { compareMarker, renderComparison, type ComparisonReport } from '../src/report/index.ts';
import { escapeCell, escapeInline, markdownLink, safeUrl, truncateText } from '../src/text/markdown-escape.ts';
import { escapeMermaidLabel } from '../src/report/mermaid-escape.ts';
import { BASE_SHA, history, record } from './report-records.ts';
import { mermaidBlocks, mermaidParse, validateCharts } from './report-mermaid.ts';

beforeAll(async () => {
  await mermaidParse();
}, 60_000);

/** Each attack a user file or the event could carry. */
const ATTACKS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'cc @octocat and @github/security',
  'fixes #123 and octo/ml#7 and GH-42',
  'a|b',
  'c\\|d',
  'one\ntwo\r\n| forged | row |',
  '<!-- ml-actions:compare:default -->',
  '--> <!-- ml-actions:compare:other',
  '[click](https://evil.example) ![x](https://evil.example/x.png)',
  '```\n# heading',
  'abc\u202edcb',
  '"quoted" %%{init: {"theme": "dark"}}%% #quot; `tick`',
  '**bold** _em_ ~~strike~~ &amp; &#64;octocat',
];

describe('escaping functions', () => {
  it('neutralise HTML, mentions, references, pipes, line breaks and markup', () => {
    expect(escapeInline('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(escapeInline('<!-- x -->')).toBe('&lt;!-- x --&gt;');
    // A mention needs a non-word character (or nothing) before the @: an address or a tag stays as typed.
    expect(escapeInline('@octocat, (@hubot) me@example.com churn@v1.0.0')).toBe(
      '@\u200doctocat, (@\u200dhubot) me@example.com churn@v1.0.0',
    );
    expect(escapeInline('#123 GH-4 gh-5 #x')).toBe('#\u200d123 GH\u200d-4 gh\u200d-5 #x');
    expect(escapeCell('a|b')).toBe('a\\|b');
    expect(escapeCell('c\\|d')).toBe('c\\\\\\|d');
    expect(escapeCell('one\ntwo\r\nthree\tfour')).toBe('one two three four');
    expect(escapeInline('[x](y) *b* _e_ `c` ~s~')).toBe('\\[x\\](y) \\*b\\* \\_e\\_ \\`c\\` \\~s\\~');
    // Controls are dropped; a bidi override is written out, so the name cannot pose as another.
    expect(escapeInline('a\u202eb\u0000c')).toBe('a&lt;U+202E&gt;bc');
    expect(escapeInline('&amp;')).toBe('&amp;amp;');
  });

  it('cut long cells without splitting a surrogate pair', () => {
    expect(escapeCell('x'.repeat(300))).toBe(`${'x'.repeat(199)}…`);
    expect(truncateText('ab🏆cd', 4)).toBe('ab…');
    expect(truncateText('abc', 3)).toBe('abc');
  });

  it('link only http(s) URLs, with characters that would end the link encoded', () => {
    expect(safeUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeUrl('data:text/html,hi')).toBeUndefined();
    expect(safeUrl('not a url')).toBeUndefined();
    expect(safeUrl('https://x.test/a b(c)')).toBe('https://x.test/a%20b%28c%29');
    expect(markdownLink('run', 'javascript:alert(1)')).toBe('run');
    expect(markdownLink('run', 'https://x.test/r')).toBe('[run](https://x.test/r)');
  });

  it('keep Mermaid labels to one line without quotes, comments, directives or entities', () => {
    expect(escapeMermaidLabel('a "b" %%{init}%% #quot; `c` <d> & @e\nf')).toBe(
      "a 'b' ％％{init}％％ ＃quot; 'c' ‹d› ＆ @\u200de f",
    );
    expect(escapeMermaidLabel('  ')).toBe('(unnamed)');
    expect(escapeMermaidLabel('x'.repeat(100))).toBe(`${'x'.repeat(79)}…`);
  });

  it('make a marker that cannot close the comment or name another key', () => {
    expect(compareMarker('default')).toBe('<!-- ml-actions:compare:default -->');
    expect(compareMarker('x --> <!-- ml-actions:compare:other')).toMatch(
      /^<!-- ml-actions:compare:x-ml-actions-compare-other~[0-9a-f]{16} -->$/,
    );
    expect(compareMarker('')).toBe('<!-- ml-actions:compare:default -->');
    expect(compareMarker('-->')).toMatch(/^<!-- ml-actions:compare:~[0-9a-f]{16} -->$/);
    expect(compareMarker('gpu/A100 (fp16)')).toMatch(/^<!-- ml-actions:compare:gpu-A100-fp16~[0-9a-f]{16} -->$/);
  });
});

describe('a report built from hostile names', () => {
  let report: ComparisonReport;

  beforeAll(() => {
    const metric = (attack: string, i: number): string => `m${i} ${attack}`;
    const curve = history(150, (s) => 1 / (1 + s));
    const currentMetrics = Object.fromEntries(
      ATTACKS.map((attack, i) => [metric(attack, i), { value: i + 1, history: curve }]),
    );
    const baselineMetrics = Object.fromEntries(
      ATTACKS.map((attack, i) => [metric(attack, i), { value: i, history: curve }]),
    );
    const params = (value: string): Record<string, string> =>
      Object.fromEntries(ATTACKS.map((attack, i) => [`p${i} ${attack}`, `${value} ${attack}`]));
    const runs = ATTACKS.slice(0, 3).map((attack, i) =>
      record(currentMetrics, {
        runId: `r${i}`,
        experiment: `exp ${attack}`,
        branch: `feature/${ATTACKS.join(' ')}`,
        matrix: { [attack]: attack },
        params: params('new'),
      }),
    );
    const gate: GateResult = {
      passed: false,
      results: ATTACKS.map((attack, i) => ({
        rule: `${metric(attack, i)} >= 1`,
        line: i + 1,
        metric: metric(attack, i),
        verdict: 'fail',
        message: `failed: ${attack}`,
      })),
    };
    report = renderComparison({
      runs,
      baseline: {
        // The base branch's runs of the same experiments, as the baseline lookup finds them.
        records: ATTACKS.slice(0, 3).map((attack, i) =>
          record(baselineMetrics, {
            runId: `b${i}`,
            experiment: `exp ${attack}`,
            sha: BASE_SHA,
            branch: ATTACKS.join(' '),
            params: params('old'),
          }),
        ),
        sha: BASE_SHA,
        notice: ATTACKS.join(' '),
      },
      gate,
      key: ATTACKS.join(' '),
      precision: 4,
      charts: true,
      onlyChanged: false,
      links: {
        modelPackage: { name: ATTACKS[0]!, version: ATTACKS[2]!, url: 'https://github.com/octo/ml/actions/runs/1' },
        trendPage: { url: 'https://octo.github.io/ml/docs/', branch: ATTACKS[6]! },
      },
    });
  });

  it("links the trend page on one line, each baseline experiment's point encoded into the page's own address", () => {
    const line = report.comment.split('\n').find((text) => text.startsWith('📈 '));
    expect(line).toBeDefined();
    expect(line).toContain(
      "[Trend page](https://octo.github.io/ml/docs/) of one two \\| forged \\| row \\|'s history: ",
    );
    const targets = [...line!.matchAll(/\]\(([^)]*)\)/g)].map((match) => match[1]!);
    expect(targets).toHaveLength(4);
    for (const target of targets.slice(1)) {
      expect(target.startsWith(`https://octo.github.io/ml/docs/#experiment=exp%20`)).toBe(true);
      expect(target.endsWith(`&commit=${BASE_SHA}`)).toBe(true);
      expect(target).not.toMatch(/[\s"'()<>[\]\\`|]/);
    }
    const names = targets.slice(1).map((target) => decodeURIComponent(/experiment=([^&]*)/.exec(target)![1]!));
    expect(names).toEqual(ATTACKS.slice(0, 3).map((attack) => `exp ${attack}`));
  });

  const texts = (): [string, string][] => [
    ['comment', report.comment],
    ['summary', report.summary],
  ];

  it('renders every chart for the real Mermaid parser, hostile titles included', async () => {
    expect(await validateCharts(report.comment, report.summary)).toBe(2 * ATTACKS.length);
    const titles = mermaidBlocks(report.summary).map((chart) =>
      chart.split('\n').find((line) => line.startsWith('  title ')),
    );
    expect(titles).toContain(`  title "m12 'quoted' ％％{init: {'theme': 'dark'}}％％ ＃quot; 'tick'"`);
  });

  it('contains no raw HTML from user text', () => {
    for (const [, text] of texts()) {
      expect(text).not.toMatch(/<script|<img/i);
      expect(text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    }
  });

  it('carries exactly one marker, ours, at the top of the comment and none in the summary', () => {
    expect(report.comment.startsWith('<!-- ml-actions:compare:script-alert-1-script-img-src-x')).toBe(true);
    expect(report.comment.split('<!--')).toHaveLength(2);
    expect(report.comment.split('<!-- ml-actions:compare:')).toHaveLength(2);
    // The text of a marker may show, escaped, but never as an HTML comment.
    expect(report.comment).toContain('&lt;!-- ml-actions:compare:default --&gt;');
    expect(report.summary).not.toContain('<!--');
  });

  it('pings nobody and links no issue', () => {
    for (const [, text] of texts()) {
      expect(text).not.toMatch(/@[A-Za-z0-9]/);
      // Our own palette in a chart's frontmatter is not user text; nothing else may hold `#` and a digit.
      expect(text.replace(/^ {6}plotColorPalette: "[#0-9A-F, ]+"$/gm, '')).not.toMatch(/#\d/);
      expect(text).not.toMatch(/GH-\d/i);
      expect(text).toContain('@\u200doctocat');
    }
  });

  it('forges no link, heading, fence or bidi trick', () => {
    for (const [, text] of texts()) {
      // Inside a chart's code fence Markdown is not rendered: the link text may stay there.
      const outsideCharts = text.replace(/^```mermaid\n[\s\S]*?\n```$/gm, '');
      expect(outsideCharts).not.toMatch(/(?<!\\)\]\(https:\/\/evil/);
      expect(text).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
      expect(
        text
          .split('\n')
          .filter((line) => line.startsWith('#') && !line.startsWith('### 📊') && !line.startsWith('#### ')),
      ).toEqual([]);
      expect(
        text.split('\n').filter((line) => line.startsWith('```') && line !== '```mermaid' && line !== '```'),
      ).toEqual([]);
    }
  });

  it('keeps every table row to its columns: no unescaped | and no line break inside a cell', () => {
    for (const [, text] of texts()) {
      const tables = text.split(/\n{2,}/).filter((block) => block.startsWith('| '));
      expect(tables.length).toBeGreaterThanOrEqual(4);
      for (const table of tables) {
        const lines = table.split('\n');
        // GitHub splits cells at every | that no backslash precedes.
        const cells = lines.map((line) => line.match(/(?<!\\)\|/g)?.length ?? 0);
        expect(new Set(cells).size).toBe(1);
        expect(lines.every((line) => line.startsWith('| ') && line.endsWith(' |'))).toBe(true);
      }
    }
    expect(report.summary).toContain(
      '| exp &lt;script&gt;alert(1)&lt;/script&gt; | m4 a\\|b ↑? | 4 | 5 | 🟢 ▲ +1 | +25% | single run | ❌ |',
    );
    expect(report.summary).toContain(
      '| p6 one two \\| forged \\| row \\| | old one two \\| forged \\| row \\| | new one two \\| forged \\| row \\| |',
    );
  });

  it('shows the branch, experiment and param names as typed, only escaped', () => {
    expect(report.comment).toContain(
      'This PR: feature/&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt; cc @\u200doctocat',
    );
    expect(report.summary).toContain('| 1 | exp &lt;script&gt;alert(1)&lt;/script&gt; |');
    expect(report.summary).toContain('| exp cc @\u200doctocat and @\u200dgithub/security |');
    expect(report.summary).toContain(
      '- ❌ m3 fixes #\u200d123 and octo/ml#\u200d7 and GH\u200d-42 &gt;= 1 (line 4): failed: fixes #\u200d123',
    );
  });
});
