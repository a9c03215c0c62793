/**
 * `npm run bench`: runs every benchmark (or those named: `node bench/run.ts cold-start ingest`)
 * and prints one table. Exits 0 when a target is missed (the table says MISSED); only a
 * benchmark that cannot run at all fails the command.
 */
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { node24 } from '@ml-actions/testkit';
import { execFileSync } from 'node:child_process';
import { formatMs, type FigureRow } from './measure.ts';

/** Each benchmark by the name it is run by, loaded only when asked for. */
const BENCHMARKS: Record<string, () => Promise<FigureRow[]>> = {
  'cold-start': async () => (await import('./cold-start.ts')).coldStart(),
  'metric-ingest': async () => (await import('./metric-ingest.ts')).metricIngest(),
  'report-render': async () => (await import('./report-render.ts')).reportRender(),
  'baseline-lookup': async () => (await import('./baseline-lookup.ts')).baselineLookup(),
  'package-model': async () => (await import('./package-model.ts')).packageModel(),
  'library-cost': async () => (await import('./library-cost.ts')).libraryCost(),
  'fan-in': async () => (await import('./fan-in.ts')).fanIn(),
  'trend-page': async () => (await import('./trend-page.ts')).trendPage(),
  history: async () => (await import('./history.ts')).historyBranch(),
  'mlflow-log': async () => (await import('./mlflow-log.ts')).mlflowLog(),
  'oci-push': async () => (await import('./oci-push.ts')).ociPush(),
  'release-upload': async () => (await import('./release-upload.ts')).releaseUpload(),
  drift: async () => (await import('./drift.ts')).drift(),
};

const COLUMNS: (keyof FigureRow)[] = ['figure', 'value', 'reference', 'ratio', 'target', 'verdict'];

async function main(): Promise<void> {
  const asked = process.argv.slice(2);
  const unknown = asked.filter((name) => !(name in BENCHMARKS));
  if (unknown.length > 0) {
    console.error(`unknown benchmark ${unknown.join(', ')}; choose from: ${Object.keys(BENCHMARKS).join(', ')}`);
    process.exit(2);
  }
  const names = asked.length === 0 ? Object.keys(BENCHMARKS) : asked;
  const nodeVersion = execFileSync(node24(), ['--version'], { encoding: 'utf8' }).trim();
  console.log(
    `ml-actions benchmarks on ${availableParallelism()} cores, Node ${nodeVersion} (bundles and readers), ${new Date().toISOString()}`,
  );
  const started = performance.now();
  const rows: FigureRow[] = [];
  let broken = 0;
  for (const name of names) {
    const begun = performance.now();
    console.log(`running ${name} ...`);
    try {
      const found = await BENCHMARKS[name]!();
      rows.push(...found);
      for (const row of found) console.log(`  ${row.figure}: ${row.value} (${row.ratio}, ${row.verdict})`);
    } catch (thrown: unknown) {
      broken++;
      console.error(
        `${name} could not run: ${thrown instanceof Error ? (thrown.stack ?? thrown.message) : String(thrown)}`,
      );
      rows.push({ figure: name, value: 'error', reference: '', ratio: '', target: '', verdict: 'MISSED' });
    }
    console.log(`  (${name} took ${formatMs(performance.now() - begun)})`);
  }
  console.log('');
  console.log(markdownTable(rows));
  const missed = rows.filter((row) => row.verdict === 'MISSED').length;
  console.log('');
  console.log(
    `${rows.length} figures, ${missed} missed, in ${formatMs(performance.now() - started)}${broken > 0 ? `; ${broken} benchmark(s) failed to run` : ''}`,
  );
  // A missed target is a result, not a failure; a benchmark that could not run is.
  process.exitCode = broken > 0 ? 1 : 0;
}

/** The rows as a Markdown table, cells padded so that it also reads well in a terminal. */
function markdownTable(rows: FigureRow[]): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  const widths = COLUMNS.map((column) => Math.max(column.length, ...rows.map((row) => cell(row[column]).length)));
  const line = (cells: string[]) => `| ${cells.map((text, i) => text.padEnd(widths[i]!)).join(' | ')} |`;
  return [
    line(COLUMNS),
    line(widths.map((width) => '-'.repeat(width))),
    ...rows.map((row) => line(COLUMNS.map((column) => cell(row[column])))),
  ].join('\n');
}

await main();
