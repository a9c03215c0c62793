/**
 * `npm run preview -- <file.md> [...] [--out <file.html>]`: writes, beside each Markdown file (or to
 * `--out` for a single one), an HTML page that renders it as GitHub does, offline: a comment, a job
 * summary or an issue body, with its Mermaid charts drawn. Open the page in any browser.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { renderPreviewPage } from '@ml-actions/testkit';

const HELP = `usage: npm run preview -- <file.md> [more.md ...] [--out <file.html>]
Writes <file>.html beside each Markdown file (or --out for one file): the Markdown as GitHub renders
it (tables, task lists, alerts, <details>), with its Mermaid charts, readable offline.`;

const args = process.argv.slice(2);
if (args.length === 0 || args.includes('--help') || args.includes('-h')) {
  console.log(HELP);
  process.exit(args.length === 0 ? 2 : 0);
}
const outIndex = args.indexOf('--out');
const out = outIndex >= 0 ? args[outIndex + 1] : undefined;
const files = args.filter((_, i) => outIndex < 0 || (i !== outIndex && i !== outIndex + 1));
if (outIndex >= 0 && (out === undefined || files.length !== 1)) {
  console.error('--out takes one file name, and only one Markdown file can go to it');
  process.exit(2);
}
for (const file of files) {
  let markdown: string;
  try {
    markdown = await readFile(file, 'utf8');
  } catch (thrown: unknown) {
    console.error(`${file}: cannot be read (${(thrown as Error).message})`);
    process.exit(1);
  }
  const target = out ?? file.replace(/\.(md|markdown)$/i, '') + '.html';
  await writeFile(target, await renderPreviewPage(markdown, basename(file)));
  console.log(`${file} -> ${target}`);
}
