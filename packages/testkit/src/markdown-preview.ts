/**
 * A local, offline preview of Markdown as GitHub shows it: a comment, a job summary or an issue
 * body turned into one self-contained HTML page. GitHub-flavoured Markdown by marked (tables, task
 * lists, strikethrough, autolinks) with marked-alert for `> [!NOTE]` alerts, GitHub's own styles
 * (github-markdown-css, light mode), the HTML sanitized in the page by DOMPurify as GitHub
 * sanitizes it, and every ```mermaid block drawn by Mermaid from our own dependencies, with
 * Mermaid's default theme, which is what GitHub's light mode uses.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Marked } from 'marked';
import markedAlert from 'marked-alert';

const require = createRequire(import.meta.url);

/** The scripts and styles a page inlines, read once. */
let assets: Promise<{ css: string; purify: string; mermaid: string }> | undefined;

function loadAssets(): Promise<{ css: string; purify: string; mermaid: string }> {
  assets ??= (async () => ({
    css: await readFile(require.resolve('github-markdown-css/github-markdown-light.css'), 'utf8'),
    purify: await readFile(require.resolve('dompurify/dist/purify.min.js'), 'utf8'),
    mermaid: await readFile(require.resolve('mermaid/dist/mermaid.min.js'), 'utf8'),
  }))();
  return assets;
}

/** The Markdown as GitHub-flavoured HTML, before sanitizing; mermaid fences become `<pre class="mermaid">`. */
export function renderGithubMarkdown(markdown: string): string {
  const marked = new Marked({ gfm: true, breaks: false });
  marked.use(markedAlert());
  marked.use({
    renderer: {
      code({ text, lang }) {
        if (lang === 'mermaid') return `<pre class="mermaid">${escapeHtml(text)}</pre>\n`;
        return false;
      },
    },
  });
  return marked.parse(markdown, { async: false });
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * One HTML page that renders `markdown` when opened (no network). When its charts are drawn the
 * page sets `document.body.dataset.rendered` to `done`, or to `error` with the message in
 * `data-error`, so a browser test knows when to look.
 */
export async function renderPreviewPage(markdown: string, title: string): Promise<string> {
  const { css, purify, mermaid } = await loadAssets();
  // As JSON inside a script, with `<` escaped so that nothing in it can close the script.
  const html = JSON.stringify(renderGithubMarkdown(markdown)).replace(/</g, '\\u003c');
  const script = (source: string) => `<script>${source.replace(/<\/script/gi, '<\\/script')}</script>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${css}</style>
<style>
body { background: #ffffff; margin: 0; }
.markdown-body { box-sizing: border-box; max-width: 980px; margin: 0 auto; padding: 32px 45px; }
.preview-note { color: #59636e; font: 12px -apple-system, BlinkMacSystemFont, "Segoe UI", sans-serif; max-width: 980px; margin: 16px auto 0; padding: 0 45px; box-sizing: border-box; }
pre.mermaid { background: transparent; text-align: center; }
</style>
</head>
<body data-rendered="pending">
<p class="preview-note">Local preview of ${escapeHtml(title)}, rendered as GitHub renders Markdown (light mode).</p>
<article class="markdown-body" id="content"></article>
${script(purify)}
${script(mermaid)}
<script>
(async () => {
  const content = document.getElementById('content');
  // GitHub keeps <details>, <summary> and task-list checkboxes and removes scripts, styles and handlers.
  content.innerHTML = DOMPurify.sanitize(${html}, { ADD_ATTR: ['open'], FORBID_TAGS: ['style', 'form'] });
  try {
    mermaid.initialize({ startOnLoad: false, theme: 'default', securityLevel: 'strict' });
    await mermaid.run({ querySelector: 'pre.mermaid' });
    document.body.dataset.rendered = 'done';
  } catch (error) {
    document.body.dataset.rendered = 'error';
    document.body.dataset.error = String(error && error.message || error);
  }
})();
</script>
</body>
</html>
`;
}

/** Where Debian's Chromium is, or CHROMIUM_PATH; undefined when neither exists. */
export function chromiumPath(): string | undefined {
  const path = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
  return existsSync(path) ? path : undefined;
}

/**
 * Opens a preview page in headless Chromium, waits for its charts and writes a full-page
 * screenshot; answers what was drawn, or throws when a chart failed.
 */
export async function screenshotPreview(
  page: string,
  screenshot: string,
  browserPath: string,
): Promise<{ charts: number; width: number; height: number }> {
  const { chromium } = await import('playwright-core');
  const asRoot = process.getuid?.() === 0;
  // Chromium's sandbox needs user namespaces, which a root shell in a container often lacks.
  const browser = await chromium.launch({
    executablePath: browserPath,
    headless: true,
    args: asRoot ? ['--no-sandbox'] : [],
  });
  try {
    const tab = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    await tab.goto(pathToFileURL(page).href);
    await tab.waitForSelector('body:not([data-rendered="pending"])', { timeout: 30_000 });
    const state = await tab.getAttribute('body', 'data-rendered');
    if (state !== 'done')
      throw new Error(`${page}: a chart failed to render: ${await tab.getAttribute('body', 'data-error')}`);
    const charts = await tab.locator('article svg').count();
    await tab.screenshot({ path: screenshot, fullPage: true });
    const size = await tab.evaluate('[document.documentElement.scrollWidth, document.documentElement.scrollHeight]');
    const [width, height] = size as [number, number];
    return { charts, width, height };
  } finally {
    await browser.close();
  }
}
