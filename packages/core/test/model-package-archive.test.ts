import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  planReleaseArchive,
  planTarArchive,
  readTarRange,
  splitIntoParts,
  type PlannedReleaseArchive,
} from '../src/model-package/index.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'archive-test-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const all: Buffer[] = [];
  for await (const chunk of chunks) all.push(Buffer.from(chunk));
  return Buffer.concat(all);
}

/** Model files with the names tar gets wrong most easily: long, non-ASCII, empty, block-sized. */
async function modelFiles(): Promise<{ path: string; size: number; sha256: string; absolute: string }[]> {
  const contents: [string, Buffer][] = [
    ['model.pkl', Buffer.from(Array.from({ length: 70_001 }, (_, i) => (i * 31) % 256))],
    [`weights/${'deep/'.repeat(30)}layer.bin`, Buffer.alloc(512, 3)],
    ['données/été.json', Buffer.from('{"ok": true}\n')],
    ['empty.txt', Buffer.alloc(0)],
  ];
  const files = [];
  for (const [path, data] of contents) {
    const absolute = join(dir, 'src', path);
    await mkdir(join(absolute, '..'), { recursive: true });
    await writeFile(absolute, data);
    files.push({ path, size: data.length, sha256: sha256(data), absolute });
  }
  return files;
}

function planned(files: Awaited<ReturnType<typeof modelFiles>>, partSize: number): PlannedReleaseArchive {
  return planReleaseArchive({
    name: 'churn',
    version: '1.2.0',
    files,
    partSize,
    downloadBase: 'https://github.com/o/r/releases/download/churn%40v1.2.0/',
    mtimeSeconds: 1_767_225_600.7,
  });
}

describe('the release archive of the model files', () => {
  it('is a tar that GNU tar and Python unpack to the files and a SHA256SUMS that sha256sum -c accepts', async () => {
    const files = await modelFiles();
    const { archive, plan } = planned(files, 10 ** 9);
    const bytes = await collect(readTarRange(plan, 0, plan.size));
    expect(bytes.length).toBe(archive.size);
    expect(archive.parts).toEqual([
      {
        name: 'churn-v1.2.0.tar',
        url: 'https://github.com/o/r/releases/download/churn%40v1.2.0/churn-v1.2.0.tar',
        offset: 0,
        size: archive.size,
      },
    ]);
    await writeFile(join(dir, 'churn.tar'), bytes);
    const out = join(dir, 'out');
    await mkdir(out);
    execFileSync('tar', ['-xf', join(dir, 'churn.tar'), '-C', out]);
    for (const file of files) {
      expect(await readFile(join(out, 'churn-v1.2.0', file.path))).toEqual(await readFile(file.absolute));
    }
    const check = execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: join(out, 'churn-v1.2.0'), encoding: 'utf8' });
    expect(check.trim().split('\n')).toHaveLength(files.length);
    expect(check).not.toMatch(/FAILED/);

    // Python's reader sees every entry with our owner, mode and date.
    const listing = execFileSync(
      'python3',
      [
        '-c',
        'import sys, tarfile, json\nwith tarfile.open(sys.argv[1]) as t: print(json.dumps([[m.name, m.size, m.mode, m.uid, m.mtime] for m in t]))',
        join(dir, 'churn.tar'),
      ],
      { encoding: 'utf8' },
    );
    expect(JSON.parse(listing)).toEqual([
      ...files.map((file) => [`churn-v1.2.0/${file.path}`, file.size, 0o644, 0, 1_767_225_600]),
      ['churn-v1.2.0/SHA256SUMS', expect.any(Number), 0o644, 0, 1_767_225_600],
    ]);
  });

  it('is cut into numbered parts that join, in name order, into the same bytes', async () => {
    const files = await modelFiles();
    const whole = planned(files, 10 ** 9);
    const cut = planned(files, 10_000);
    const wholeBytes = await collect(readTarRange(whole.plan, 0, whole.plan.size));
    expect(cut.archive.size).toBe(whole.archive.size);
    expect(cut.archive.parts.map((part) => part.name)).toEqual(
      Array.from(
        { length: Math.ceil(whole.archive.size / 10_000) },
        (_, i) => `churn-v1.2.0.tar.${String(i + 1).padStart(3, '0')}`,
      ),
    );
    const joined = [];
    for (const part of [...cut.archive.parts].sort((a, b) => (a.name < b.name ? -1 : 1))) {
      expect(part.size).toBeLessThanOrEqual(10_000);
      joined.push(await collect(readTarRange(cut.plan, part.offset, part.offset + part.size)));
    }
    expect(Buffer.concat(joined)).toEqual(wholeBytes);
  });

  it('has the same bytes for the same files, and refuses a file whose size changed since it was planned', async () => {
    const files = await modelFiles();
    const first = planned(files, 10 ** 9);
    const again = planned(files, 10 ** 9);
    expect(sha256(await collect(readTarRange(first.plan, 0, first.plan.size)))).toBe(
      sha256(await collect(readTarRange(again.plan, 0, again.plan.size))),
    );
    await writeFile(files[0]!.absolute, 'shorter');
    await expect(collect(readTarRange(first.plan, 0, first.plan.size))).rejects.toThrow(
      'model.pkl is 7 bytes now, 70001 when it was packaged',
    );
  });

  it('refuses more parts than a release holds, naming the input to raise', async () => {
    const files = await modelFiles();
    expect(() => planned(files, 50)).toThrow(/GitHub keeps at most 1,000 per release: raise input "release-part-size"/);
  });
});

describe('tar plans', () => {
  it('write a pax size for a file of 8 GiB or more, which ustar cannot hold', () => {
    const plan = planTarArchive([{ path: 'big.bin', size: 8 * 1024 ** 3, absolute: '/nowhere' }], 0);
    const pax = plan.segments[1];
    expect(pax?.kind === 'bytes' && pax.data.toString('utf8')).toMatch(/^\d+ path=big\.bin\n\d+ size=8589934592\n/);
    expect(plan.size).toBe(512 + 512 + 512 + 8 * 1024 ** 3 + 1024);
  });

  it('refuse names that would leave the folder', () => {
    expect(() => planTarArchive([{ path: '../x', data: Buffer.alloc(0) }], 0)).toThrow('not a relative archive path');
    expect(() => planTarArchive([{ path: '/etc/x', data: Buffer.alloc(0) }], 0)).toThrow('not a relative archive path');
  });

  it('cut sizes into parts with a shorter last one', () => {
    expect(splitIntoParts(25, 10)).toEqual([
      { index: 0, offset: 0, size: 10 },
      { index: 1, offset: 10, size: 10 },
      { index: 2, offset: 20, size: 5 },
    ]);
    expect(splitIntoParts(0, 10)).toEqual([]);
  });
});
