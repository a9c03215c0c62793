/**
 * Figure 11: monitor's drift check of 1,000,000 production rows x 20 numeric columns against a
 * reference of 1,000,000 rows: profiling the reference file plus comparing the production file
 * with the profile (monitor's default), in a Node 24 process of its own, against scipy's
 * `ks_2samp` over the same columns in the same run (the peers environment's Python; the files
 * read with pandas, timed apart). Peak RSS reported; the exact comparison against the reference's
 * values as information.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { node24, peersEnvironment, repositoryRoot } from '@ml-actions/testkit';
import { mulberry32, normal } from '../packages/core/test/support/random-samples.ts';
import { expectExit, formatKb, formatMs, formatRatio, runChild, verdict, type FigureRow } from './measure.ts';

const ROWS = 1_000_000;
const COLUMNS = 20;
const TARGET = 1.5;
const CHILD = join(import.meta.dirname, 'drift-child.ts');

/** A CSV of ROWS x COLUMNS normal values; the columns in `shifted` moved by half a standard deviation. */
async function writeTable(path: string, seed: number, shifted: ReadonlySet<number>): Promise<void> {
  const draw = normal(mulberry32(seed));
  const out = createWriteStream(path);
  out.write(`${Array.from({ length: COLUMNS }, (_, c) => `f${c}`).join(',')}\n`);
  const row = new Array<string>(COLUMNS);
  let chunk = '';
  for (let i = 0; i < ROWS; i++) {
    for (let c = 0; c < COLUMNS; c++) row[c] = (draw() + (shifted.has(c) ? 0.5 : 0)).toFixed(5);
    chunk += `${row.join(',')}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

export async function drift(): Promise<FigureRow[]> {
  const folder = await mkdtemp(join(tmpdir(), 'bench-drift-'));
  try {
    const reference = join(folder, 'reference.csv');
    const production = join(folder, 'production.csv');
    await writeTable(reference, 1, new Set());
    await writeTable(production, 2, new Set([3, 11]));
    const load = loadavg()[0] ?? 0;

    const ours = async (mode: 'profile' | 'data') => {
      const result = await runChild(node24(), [CHILD, reference, production, mode], { rss: true });
      expectExit(result, 0, `the drift check (${mode})`);
      const answer = JSON.parse(result.stdout) as { ms: number; drifted: string[] };
      return { ...answer, wallMs: result.wallMs, rssKb: result.maxRssKb ?? 0 };
    };
    const profiled = await ours('profile');
    const exact = await ours('data');
    const { python } = peersEnvironment();
    const scipyRun = await runChild(
      python,
      [join(repositoryRoot(), 'bench', 'ks_reference.py'), reference, production],
      {
        rss: true,
      },
    );
    expectExit(scipyRun, 0, 'scipy ks_2samp');
    const scipy = JSON.parse(scipyRun.stdout) as { readSeconds: number; ksSeconds: number; drifted: string[] };
    // All three must find the two shifted columns and only them, or the figures compare nothing.
    for (const [who, found] of [
      ['against the profile', profiled.drifted],
      ['against the data', exact.drifted],
      ['scipy', scipy.drifted],
    ] as const) {
      if ([...found].sort().join() !== 'f11,f3') {
        throw new Error(`${who}: the drift check flagged ${found.join(', ') || 'nothing'}, not f3 and f11`);
      }
    }
    const scipyKsMs = scipy.ksSeconds * 1000;
    const scipyAllMs = (scipy.readSeconds + scipy.ksSeconds) * 1000;
    const ratio = profiled.wallMs / scipyKsMs;
    const loads = `load average ${load.toFixed(2)} before, ${(loadavg()[0] ?? 0).toFixed(2)} after`;
    return [
      {
        figure: `11. drift: profile 1M x ${COLUMNS} reference + compare 1M rows with it (reading both CSVs), wall time`,
        value: formatMs(profiled.wallMs),
        reference: `scipy ks_2samp over the ${COLUMNS} columns ${formatMs(scipyKsMs)} (files read by pandas apart, ${formatMs(scipy.readSeconds * 1000)}); ${loads}`,
        ratio: formatRatio(ratio),
        target: `<= ${TARGET.toFixed(1)}x`,
        verdict: verdict(ratio <= TARGET),
      },
      {
        figure: '11. drift against the profile: the same, over pandas read + ks_2samp',
        value: formatMs(profiled.wallMs),
        reference: `pandas read_csv + ks_2samp ${formatMs(scipyAllMs)}`,
        ratio: formatRatio(profiled.wallMs / scipyAllMs),
        target: 'reported',
        verdict: 'info',
      },
      {
        figure: '11. drift against the reference data (exact statistics), wall time',
        value: formatMs(exact.wallMs),
        reference: `pandas read_csv + ks_2samp ${formatMs(scipyAllMs)}`,
        ratio: formatRatio(exact.wallMs / scipyAllMs),
        target: 'reported',
        verdict: 'info',
      },
      {
        figure: '11. drift peak RSS: against the profile / against the data',
        value: `${formatKb(profiled.rssKb)} / ${formatKb(exact.rssKb)}`,
        reference: `scipy process ${formatKb(scipyRun.maxRssKb ?? 0)}`,
        ratio: formatRatio(profiled.rssKb / (scipyRun.maxRssKb ?? 1)),
        target: 'reported',
        verdict: 'info',
      },
    ];
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
