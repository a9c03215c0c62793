import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../src/errors.ts';
import { resolveWorkspacePath } from '../src/files/workspace-path.ts';
import { detectMetricsFormat, type MetricsFileFormat } from '../src/metrics/metrics-format.ts';
import { readMlflowRunMetrics } from '../src/metrics/mlflow.ts';
import { readMetricsFile } from '../src/metrics/read-metrics-file.ts';
import { encodeEventFile, frameRecord } from './support/tfevents-writer.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'read-metrics-file-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function write(name: string, content: string | Uint8Array): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, content);
  return file;
}

describe('detectMetricsFormat', () => {
  it('goes by the name, and by content where the name does not say', async () => {
    const cases: Array<[string, string | Uint8Array, MetricsFileFormat]> = [
      ['m.json', '{\n  "loss": 1\n}\n', 'json'],
      ['lines.json', '{"loss": 1}\n{"loss": 0.5}\n', 'jsonl'],
      ['h.ndjson', '{"loss": 1}\n', 'jsonl'],
      ['m.yml', 'loss: 1\n', 'yaml'],
      ['m.toml', 'loss = 1\n', 'toml'],
      ['h.csv', 'step,loss\n', 'csv'],
      ['h.tsv', 'step\tloss\n', 'tsv'],
      ['events.out.tfevents.1.host', '', 'tfevents'],
      ['metrics', '{"loss": 1}', 'json'],
      ['history', 'step\tloss\n0\t1\n', 'tsv'],
      ['log', 'step,loss\n0,1\n', 'csv'],
      ['summary', 'loss: 1\nacc: 0.5\n', 'yaml'],
      ['loss', '1700000000000 0.5 0\n1700000001000 nan 1\n', 'mlflow-metric'],
      ['tb.bin', encodeEventFile([{ step: 0, wallTime: 0, tag: 'a', value: 1 }]), 'tfevents'],
    ];
    for (const [name, content, format] of cases) {
      expect([name, await detectMetricsFormat(await write(name, content), name)]).toEqual([name, format]);
    }
  });

  it('refuses a binary file in no format we read', async () => {
    const error: unknown = await detectMetricsFormat(
      await write('model.bin', Buffer.from([1, 2, 0, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13])),
      'model.bin',
    ).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toBe(
      'model.bin: is a binary file in no format we read (metrics may be JSON, YAML, TOML, CSV, TSV, JSON Lines or TensorBoard event files)',
    );
  });
});

describe('every reader, given arbitrary bytes', () => {
  // Random bytes, and random text built from the characters that matter to each format, so the
  // property reaches past the first check of each parser.
  const text = fc
    .array(
      fc.constantFrom(
        '{',
        '}',
        '[',
        ']',
        '"',
        ':',
        ',',
        '\t',
        '\n',
        '\r',
        ' ',
        '1',
        '.5',
        'e3',
        '-',
        'NaN',
        'inf',
        'a',
        '=',
        '#',
        'step',
        '\ufeff',
        'é',
      ),
      {
        maxLength: 60,
      },
    )
    .map((parts) => new TextEncoder().encode(parts.join('')));
  const bytes = fc.oneof(fc.uint8Array({ maxLength: 300 }), text);
  // Records with valid framing and random contents, so the protobuf decoder sees garbage.
  const framed = fc.array(fc.uint8Array({ maxLength: 80 }), { minLength: 1, maxLength: 4 }).map((records) => {
    const parts = records.map((record) => frameRecord(record));
    return Uint8Array.from(parts.flatMap((part) => [...part]));
  });

  const formats: Array<MetricsFileFormat | 'detect'> = [
    'json',
    'jsonl',
    'yaml',
    'toml',
    'csv',
    'tsv',
    'tfevents',
    'mlflow-metric',
    'detect',
  ];
  for (const format of formats) {
    it(`${format}: parses or throws a UserError, never anything else`, async () => {
      let run = 0;
      await fc.assert(
        fc.asyncProperty(format === 'tfevents' ? fc.oneof(bytes, framed) : bytes, async (content) => {
          const name = `arbitrary-${format}-${run++}`;
          const file = await write(name, content);
          try {
            const metrics = await readMetricsFile(file, name, format === 'detect' ? undefined : format);
            for (const metric of Object.values(metrics)) expect(typeof metric.value).toBe('number');
          } catch (error) {
            if (!(error instanceof UserError)) throw error;
            expect(error.message).toMatch(new RegExp(`^${name}(:\\d+)*: `));
            expect(error.message).not.toContain('\n');
            expect(error.file).toBe(name);
          }
        }),
        { numRuns: 80 },
      );
    });
  }

  it('mlflow metric files: parse or throw a UserError', async () => {
    await mkdir(path.join(dir, 'run/metrics'), { recursive: true });
    await writeFile(path.join(dir, 'run/meta.yaml'), 'run_id: r\n');
    const run = await resolveWorkspacePath('run', { workspace: dir, cwd: dir });
    await fc.assert(
      fc.asyncProperty(bytes, async (content) => {
        await writeFile(path.join(dir, 'run/metrics/loss'), content);
        try {
          await readMlflowRunMetrics(run);
        } catch (error) {
          if (!(error instanceof UserError)) throw error;
          expect(error.message).toMatch(/^run\/metrics\/loss(:\d+)?: /);
        }
      }),
      { numRuns: 80 },
    );
  });
});
