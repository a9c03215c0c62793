/**
 * Figure 1: cold start. Each committed bundle runs as the runner starts it, on a minimal input
 * that needs no network, against `node -e ''` on the same Node 24. Runs are interleaved round by
 * round so that a burst of load from a neighbour hits every candidate alike.
 */
import { copyFile, mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { node24 } from '@ml-actions/testkit';
import { bundlePath, prepareStep, type PreparedStep } from './action-step.ts';
import { expectExit, formatMs, formatRatio, median, runChild, verdict, type FigureRow } from './measure.ts';

const ROUNDS = 7;
const TARGET = 2.0;

interface Candidate {
  action: string;
  /** What the minimal input exercises, for the table. */
  path: string;
  step: PreparedStep;
  /** 0, or 1 for the package step, which stops at a user error before any request. */
  exitCode: number;
  /** A fragment of the output that proves the step took the intended path. */
  expect: string;
}

/** Runs the cold-start figure. */
export async function coldStart(): Promise<FigureRow[]> {
  const workspace = await mkdtemp(join(tmpdir(), 'bench-cold-'));
  const candidates: Candidate[] = [];
  try {
    await writeFile(join(workspace, 'metrics.json'), '{"accuracy": 0.95, "loss": 0.2}\n');
    await mkdir(join(workspace, 'model'));
    await writeFile(join(workspace, 'model', 'weights.bin'), Buffer.alloc(1024, 7));

    // A real record for gate and compare to read, written by train itself.
    const train = await prepareStep({
      action: 'train',
      workspace,
      inputs: { metrics: 'metrics.json', upload: 'false' },
    });
    candidates.push({
      action: 'train',
      path: 'upload: false',
      step: train,
      exitCode: 0,
      expect: '',
    });
    const first = await train.run();
    expectExit(first, 0, 'train');
    const record = (await train.outputs())['record'];
    if (record === undefined) throw new Error('train gave no record output');
    await copyFile(record, join(workspace, 'record.json'));

    candidates.push({
      action: 'gate',
      path: 'one absolute rule',
      step: await prepareStep({
        action: 'gate',
        workspace,
        inputs: { run: 'record.json', rules: 'accuracy >= 0.9', 'check-name': '' },
      }),
      exitCode: 0,
      expect: '',
    });
    candidates.push({
      action: 'compare',
      path: 'baseline: none, summary only',
      step: await prepareStep({ action: 'compare', workspace, inputs: { run: 'record.json', baseline: 'none' } }),
      exitCode: 0,
      expect: 'job summary only',
    });
    candidates.push({
      action: 'package',
      path: 'empty-token user error',
      step: await prepareStep({
        action: 'package',
        workspace,
        inputs: { name: 'churn-model', path: 'model/', 'github-token': '' },
      }),
      exitCode: 1,
      expect: 'input "github-token" is empty',
    });

    // One untimed pass: checks each path and warms the page cache, as a runner's disk would be.
    for (const candidate of candidates) {
      const result = await candidate.step.run();
      expectExit(result, candidate.exitCode, candidate.action);
      if (!(result.stdout + result.stderr).includes(candidate.expect)) {
        throw new Error(`${candidate.action} did not take the intended path:\n${result.stdout}\n${result.stderr}`);
      }
    }
    const bare = () => runChild(node24(), ['-e', ''], { env: candidates[0]!.step.env });
    expectExit(await bare(), 0, "node -e ''");

    const reference: number[] = [];
    const times = new Map<string, number[]>(candidates.map((c) => [c.action, []]));
    for (let round = 0; round < ROUNDS; round++) {
      reference.push((await bare()).wallMs);
      for (const candidate of candidates) {
        const result = await candidate.step.run();
        expectExit(result, candidate.exitCode, candidate.action);
        times.get(candidate.action)!.push(result.wallMs);
      }
    }

    const referenceMs = median(reference);
    const rows: FigureRow[] = [];
    for (const candidate of candidates) {
      const ms = median(times.get(candidate.action)!);
      const ratio = ms / referenceMs;
      rows.push({
        figure: `1. cold start: ${candidate.action} (${await bundleSize(candidate.action)}; ${candidate.path})`,
        value: formatMs(ms),
        reference: `node -e '' ${formatMs(referenceMs)}`,
        ratio: formatRatio(ratio),
        target: `<= ${TARGET}x`,
        verdict: verdict(ratio <= TARGET),
      });
    }
    return rows;
  } finally {
    for (const candidate of candidates) await candidate.step.dispose();
    await rm(workspace, { recursive: true, force: true });
  }
}

/** The bundle's size, and the size of the chunks it loads only when a path needs them. */
async function bundleSize(action: string): Promise<string> {
  const main = await bundlePath(action);
  const folder = dirname(main);
  let lazy = 0;
  for (const name of await readdir(folder)) {
    if (name.endsWith('.js') && join(folder, name) !== main) lazy += (await stat(join(folder, name))).size;
  }
  const kb = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString('en-US')} KB`;
  const size = kb((await stat(main)).size);
  return lazy === 0 ? size : `${size} + ${kb(lazy)} lazy`;
}
