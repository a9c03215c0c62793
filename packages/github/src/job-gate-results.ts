import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseGateResult, readTextFile, serializeGateResult, type GateResult } from '@ml-actions/core';
import type { JobPlace } from './job-records.ts';

/** Where gate leaves its verdicts for package to embed in the manifest. */
function gateResultsFolder(job: JobPlace): string {
  return join(job.temp ?? tmpdir(), 'ml-actions', 'gate-results');
}

/** Keeps a gate verdict for the later steps of this job. */
export async function writeJobGateResult(result: GateResult, job: JobPlace): Promise<void> {
  const folder = gateResultsFolder(job);
  await mkdir(folder, { recursive: true });
  const name = `${String(Date.now()).padStart(15, '0')}-${Math.random().toString(36).slice(2, 8)}.json`;
  await writeFile(join(folder, name), serializeGateResult(result));
}

/** Every gate verdict of this job, merged (passed only when all passed); undefined when no gate ran. */
export async function readJobGateResults(job: JobPlace): Promise<GateResult | undefined> {
  const folder = gateResultsFolder(job);
  const names = (await readdir(folder).catch(() => [] as string[])).filter((name) => name.endsWith('.json')).sort();
  if (names.length === 0) return undefined;
  const results = await Promise.all(
    names.map(async (name) => {
      const path = join(folder, name);
      return parseGateResult(await readTextFile(path, path), path);
    }),
  );
  return { passed: results.every((result) => result.passed), results: results.flatMap((result) => result.results) };
}
