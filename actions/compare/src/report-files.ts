import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commentKeyName, type ComparisonReport } from '@ml-actions/core';

/** Writes the Markdown and JSON reports before anything is sent, so they exist whatever happens next. */
export async function writeReportFiles(
  report: ComparisonReport,
  key: string,
  temp: string | undefined,
): Promise<{ markdown: string; json: string }> {
  const folder = join(temp ?? tmpdir(), 'ml-actions', 'compare', commentKeyName(key));
  await mkdir(folder, { recursive: true });
  const markdown = join(folder, 'report.md');
  const json = join(folder, 'report.json');
  await writeFile(markdown, report.comment);
  await writeFile(json, `${JSON.stringify(report.json, null, 2)}\n`);
  return { markdown, json };
}
