import type { Metric } from '../record/run-record.ts';
import { UserError } from '../errors.ts';
import type { WorkspaceOptions } from '../files/workspace-path.ts';
import { expandWorkspacePattern } from '../files/workspace-pattern.ts';
import { readMetricsFolder } from './metrics-folder.ts';
import { readMetricsFile } from './read-metrics-file.ts';
import { setOwnEntry } from '../text/safe-record.ts';

/**
 * Reads every metrics source the patterns name. Each pattern is a file, a folder (see
 * `readMetricsFolder`: DVCLive, MLflow, TensorBoard or plain) or a glob, resolved from `cwd` and
 * kept inside the workspace. A pattern that matches nothing, or whose files hold no metric, is a
 * UserError naming it. When two sources define the same key, the later one wins: later patterns
 * over earlier ones, and within a glob or folder, later paths in name order.
 * `sources` lists the files read, relative to the workspace, each once; `warnings` the problems
 * that still let a file be read (see `readMetricsFile`).
 * Files in `skip` (workspace-relative) are not reported: a file given by name or glob is not
 * read, a folder's metrics are dropped when every file they came from is in `skip`. They are
 * listed in `skipped`, and a pattern whose metrics were all skipped is no error.
 */
export async function collectMetrics(
  patterns: string[],
  options: WorkspaceOptions,
  skip: ReadonlySet<string> = new Set(),
): Promise<{ metrics: Record<string, Metric>; sources: string[]; skipped: string[]; warnings: UserError[] }> {
  const merged = new Map<string, Metric>();
  const sources: string[] = [];
  const skipped: string[] = [];
  const warnings: UserError[] = [];
  for (const pattern of patterns) {
    if (pattern.trim() === '') continue;
    let found = 0;
    let skippedHere = false;
    for (const match of await expandWorkspacePattern(pattern, options, 'metrics path')) {
      if (skip.has(match.relative)) {
        skipped.push(match.relative);
        skippedHere = true;
      } else if (match.isDirectory) {
        const folder = await readMetricsFolder(match, warnings);
        if (folder.sources.length > 0 && folder.sources.every((source) => skip.has(source))) {
          skipped.push(...folder.sources);
          skippedHere = true;
          continue;
        }
        for (const [key, metric] of folder.metrics) merged.set(key, metric);
        found += folder.metrics.size;
        sources.push(...folder.sources);
      } else {
        const metrics = await readMetricsFile(match.absolute, match.relative, undefined, warnings);
        for (const key of Object.keys(metrics)) merged.set(key, metrics[key]!);
        found += Object.keys(metrics).length;
        sources.push(match.relative);
      }
    }
    if (found === 0 && !skippedHere) {
      throw new UserError(
        `metrics path ${JSON.stringify(pattern.trim())} has no metrics: no numeric values were found in what it names`,
      );
    }
  }
  const metrics: Record<string, Metric> = {};
  for (const [key, metric] of merged) setOwnEntry(metrics, key, metric);
  return { metrics, sources: [...new Set(sources)], skipped: [...new Set(skipped)], warnings };
}
