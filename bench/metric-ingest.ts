/**
 * Figure 2: metric ingest. One 1,000,000-step history (loss and accuracy at every step) is
 * written as CSV, as JSON Lines and as a TensorBoard event file; each is read by our reader in
 * a child process of its own, against the plainest JSON.parse-per-line loop over the JSON Lines
 * file (the reference). Speed ratio = reference time / reader time.
 */
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { node24 } from '@ml-actions/testkit';
import {
  encodeFileVersionEvent,
  encodeScalarEvent,
  frameRecord,
} from '../packages/core/test/support/tfevents-writer.ts';
import { expectExit, formatKb, formatMs, formatRatio, median, runChild, verdict, type FigureRow } from './measure.ts';

const STEPS = 1_000_000;
const METRICS = 2;
const ROUNDS = 3;
const TARGET = 0.5;
const CHILD = join(import.meta.dirname, 'ingest-child.ts');

/** Runs the ingest figure. */
export async function metricIngest(): Promise<FigureRow[]> {
  const folder = await mkdtemp(join(tmpdir(), 'bench-ingest-'));
  try {
    const files = {
      'JSON Lines': join(folder, 'history.jsonl'),
      CSV: join(folder, 'history.csv'),
      tfevents: join(folder, 'events.out.tfevents.1700000000.bench'),
    };
    await writeTextHistory(files['JSON Lines'], 'jsonl');
    await writeTextHistory(files.CSV, 'csv');
    await writeTfeventsHistory(files.tfevents);

    const read = async (mode: 'reader' | 'reference', file: string) => {
      const result = await runChild(node24(), [CHILD, mode, file], { rss: true });
      expectExit(result, 0, `ingest ${mode} of ${file}`);
      const { ms, points } = JSON.parse(result.stdout) as { ms: number; points: number };
      if (points !== STEPS * METRICS)
        throw new Error(`${mode} of ${file} read ${points} points, not ${STEPS * METRICS}`);
      return { ms, rssKb: result.maxRssKb ?? NaN };
    };
    const runs = new Map<string, { ms: number[]; rssKb: number[] }>();
    const add = (name: string, sample: { ms: number; rssKb: number }) => {
      const entry = runs.get(name) ?? { ms: [], rssKb: [] };
      entry.ms.push(sample.ms);
      entry.rssKb.push(sample.rssKb);
      runs.set(name, entry);
    };
    // Rounds interleave the reference with the readers, so that a noisy minute hits them alike.
    for (let round = 0; round < ROUNDS; round++) {
      add('reference', await read('reference', files['JSON Lines']));
      for (const [format, file] of Object.entries(files)) add(format, await read('reader', file));
    }

    const reference = runs.get('reference')!;
    const referenceMs = median(reference.ms);
    const referenceRss = Math.max(...reference.rssKb);
    const rows: FigureRow[] = [];
    for (const [format, file] of Object.entries(files)) {
      const sample = runs.get(format)!;
      const ms = median(sample.ms);
      const ratio = referenceMs / ms;
      const size = (await stat(file)).size / 1024;
      rows.push({
        figure: `2. ingest 1M steps: ${format} reader (${formatKb(size)} file)`,
        value: formatMs(ms),
        reference: `JSON.parse per line ${formatMs(referenceMs)}`,
        ratio: formatRatio(ratio),
        target: `>= ${TARGET}x`,
        verdict: verdict(ratio >= TARGET),
      });
    }
    for (const format of Object.keys(files)) {
      const peak = Math.max(...runs.get(format)!.rssKb);
      rows.push({
        figure: `2. ingest 1M steps: ${format} reader, peak RSS`,
        value: formatKb(peak),
        reference: `JSON.parse per line ${formatKb(referenceRss)}`,
        ratio: formatRatio(peak / referenceRss),
        target: 'reported',
        verdict: 'info',
      });
    }
    return rows;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** A deterministic, noisy training curve: full-precision doubles, as Python writes them. */
function curve(step: number): { loss: number; accuracy: number } {
  // A cheap hash of the step as noise, so the numbers do not repeat and keep all their digits.
  const noise = (Math.imul(step + 1, 2654435761) >>> 0) / 2 ** 32;
  const loss = 2 / (1 + step / 5000) + noise * 0.01;
  return { loss, accuracy: 1 - loss / 2.5 };
}

async function write(stream: WriteStream, chunk: string | Uint8Array): Promise<void> {
  if (!stream.write(chunk)) await once(stream, 'drain');
}

async function close(stream: WriteStream): Promise<void> {
  stream.end();
  await once(stream, 'finish');
}

async function writeTextHistory(file: string, format: 'jsonl' | 'csv'): Promise<void> {
  const stream = createWriteStream(file);
  let text = format === 'csv' ? 'step,loss,accuracy\n' : '';
  for (let step = 0; step < STEPS; step++) {
    const { loss, accuracy } = curve(step);
    text +=
      format === 'csv'
        ? `${step},${loss},${accuracy}\n`
        : `{"step": ${step}, "loss": ${loss}, "accuracy": ${accuracy}}\n`;
    if (text.length > 1 << 20) {
      await write(stream, text);
      text = '';
    }
  }
  await write(stream, text);
  await close(stream);
}

/** Written by the tests' independent writer, streamed to the file in chunks of records. */
async function writeTfeventsHistory(file: string): Promise<void> {
  const stream = createWriteStream(file);
  const wallStart = 1_700_000_000;
  await write(stream, frameRecord(encodeFileVersionEvent(wallStart)));
  let records: Uint8Array[] = [];
  for (let step = 0; step < STEPS; step++) {
    const { loss, accuracy } = curve(step);
    const wallTime = wallStart + step * 0.01;
    records.push(frameRecord(encodeScalarEvent({ step, wallTime, tag: 'loss', value: loss })));
    records.push(frameRecord(encodeScalarEvent({ step, wallTime, tag: 'accuracy', value: accuracy })));
    if (records.length >= 20_000) {
      await write(stream, Buffer.concat(records));
      records = [];
    }
  }
  await write(stream, Buffer.concat(records));
  await close(stream);
}
