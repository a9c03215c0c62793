/**
 * Test helper: the real Mermaid parser, run in Node under jsdom, to check every chart the
 * report renders. Mermaid needs `window` and `document` before it is imported, so they are
 * set first and Mermaid is imported dynamically, once per test file.
 */

type Parse = (text: string) => Promise<unknown>;

interface JsdomModule {
  JSDOM: new (html: string) => { window: { document: unknown } };
}

let parser: Promise<Parse> | undefined;

/** Mermaid's own `parse`, loaded once. */
export function mermaidParse(): Promise<Parse> {
  parser ??= (async () => {
    // jsdom ships no types and none are installed: a non-literal specifier keeps tsc out of it.
    const jsdomName: string = 'jsdom';
    const { JSDOM } = (await import(jsdomName)) as JsdomModule;
    const dom = new JSDOM('<!doctype html><html><body></body></html>');
    Object.assign(globalThis, { window: dom.window, document: dom.window.document });
    const { default: mermaid } = await import('mermaid');
    return (text: string) => mermaid.parse(text);
  })();
  return parser;
}

/** The bodies of the ```mermaid fences in a Markdown text. */
export function mermaidBlocks(markdown: string): string[] {
  const blocks: string[] = [];
  const fence = /^```mermaid\n([\s\S]*?)\n```$/gm;
  for (const match of markdown.matchAll(fence)) blocks.push(match[1]!);
  return blocks;
}

const valid = new Set<string>();

/** Parses every chart in the texts with the real parser (rejecting on the first bad one); returns how many. */
export async function validateCharts(...markdowns: string[]): Promise<number> {
  const parse = await mermaidParse();
  let count = 0;
  for (const markdown of markdowns) {
    for (const chart of mermaidBlocks(markdown)) {
      count++;
      if (valid.has(chart)) continue;
      try {
        await parse(chart);
      } catch (error) {
        throw new Error(`Mermaid rejected a chart: ${String(error)}\n${chart}`, { cause: error });
      }
      valid.add(chart);
    }
  }
  return count;
}
