import { mkdir, mkdtemp, rename, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { collectMetrics } from '../src/metrics/collect-metrics.ts';
import { snapshotMetricsFiles, unchangedMetricsFiles } from '../src/metrics/stale-metrics.ts';

const roots: string[] = [];
afterEach(async () => {
  for (const root of roots.splice(0)) await rm(root, { recursive: true, force: true });
});

async function workspaceWith(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'stale-metrics-'));
  roots.push(root);
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, name)), { recursive: true });
    await writeFile(path.join(root, name), text);
  }
  return root;
}

describe('unchangedMetricsFiles', () => {
  it('names only the files that are still there with the same mtime, size and inode', async () => {
    const workspace = await workspaceWith({
      'out/kept.json': '{"a": 1}',
      'out/rewritten.json': '{"b": 1}',
      'out/deep/replaced.csv': 'step,c\n0,1\n',
      'out/removed.json': '{"d": 1}',
    });
    const where = { workspace, cwd: workspace };
    const before = await snapshotMetricsFiles(['out', 'later/*.json'], where);
    expect([...before.keys()].sort()).toEqual([
      'out/deep/replaced.csv',
      'out/kept.json',
      'out/removed.json',
      'out/rewritten.json',
    ]);
    // Same size and inode: only the mtime changes (pushed forward so that a coarse clock still tells).
    await writeFile(path.join(workspace, 'out/rewritten.json'), '{"b": 2}');
    const later = new Date(Date.now() + 5_000);
    await utimes(path.join(workspace, 'out/rewritten.json'), later, later);
    // Same content, new inode: written beside and renamed over, as many writers do.
    await writeFile(path.join(workspace, 'out/deep/new.csv'), 'step,c\n0,1\n');
    await rename(path.join(workspace, 'out/deep/new.csv'), path.join(workspace, 'out/deep/replaced.csv'));
    await rm(path.join(workspace, 'out/removed.json'));
    expect([...(await unchangedMetricsFiles(before))]).toEqual(['out/kept.json']);
  });
});

describe('collectMetrics with files to skip', () => {
  it('drops a folder whose every source is skipped, without calling the pattern empty', async () => {
    const workspace = await workspaceWith({
      'old/a.json': '{"a": 1}',
      'old/b.json': '{"b": 1}',
      'new.json': '{"n": 1}',
    });
    const result = await collectMetrics(
      ['old', 'new.json'],
      { workspace, cwd: workspace },
      new Set(['old/a.json', 'old/b.json']),
    );
    expect(result.metrics).toEqual({ n: { value: 1 } });
    expect(result.sources).toEqual(['new.json']);
    expect(result.skipped).toEqual(['old/a.json', 'old/b.json']);
  });

  it('keeps a folder of which some files are not skipped', async () => {
    const workspace = await workspaceWith({ 'out/a.json': '{"a": 1}', 'out/b.json': '{"b": 1}' });
    const result = await collectMetrics(['out'], { workspace, cwd: workspace }, new Set(['out/a.json']));
    expect(result.metrics).toEqual({ a: { value: 1 }, b: { value: 1 } });
    expect(result.skipped).toEqual([]);
  });
});
