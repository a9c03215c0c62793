import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError, readZipEntry, type ZipEntry, type ZipEntryName, type ZipLimits } from '../src/index.ts';
import { writeTestZip } from '@ml-actions/testkit';

const limits: ZipLimits = { maxEntries: 10, maxEntryBytes: 1024, maxTotalBytes: 4096 };
const text = (entry: ZipEntry | undefined) =>
  entry === undefined ? undefined : Buffer.from(entry.bytes).toString('utf8');

function refusal(archive: Buffer, wanted: ZipEntryName = 'run-record.json', caps = limits): string {
  try {
    readZipEntry(archive, wanted, caps, 'artifact "ml-run-x"');
  } catch (thrown: unknown) {
    expect(thrown).toBeInstanceOf(UserError);
    return (thrown as Error).message;
  }
  throw new Error('the archive was accepted');
}

describe('readZipEntry', () => {
  it('reads the wanted entry, deflated or stored, and only that one', () => {
    const archive = writeTestZip([
      { name: 'other.json', data: '{"not":"read"}', method: 8 },
      { name: 'run-record.json', data: '{"a":1}', method: 8 },
      { name: 'notes.txt', data: 'plain', method: 0 },
    ]);
    expect(text(readZipEntry(archive, 'run-record.json', limits, 'a'))).toBe('{"a":1}');
    expect(text(readZipEntry(archive, 'notes.txt', limits, 'a'))).toBe('plain');
    expect(readZipEntry(archive, 'missing.json', limits, 'a')).toBeUndefined();
    // A file of that name in a folder is not the top-level file.
    expect(
      readZipEntry(writeTestZip([{ name: 'x/run-record.json', data: '{}' }]), 'run-record.json', limits, 'a'),
    ).toBe(undefined);
  });

  it('reads what a real zip writer (Python zipfile, with a data descriptor) wrote', () => {
    const folder = mkdtempSync(join(tmpdir(), 'zip-test-'));
    try {
      const path = join(folder, 'a.zip');
      const script = [
        'import sys, zipfile',
        'with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:',
        '    z.writestr("run-record.json", "{\\"accuracy\\": 0.9}" * 50)',
        '    with z.open("streamed.txt", "w") as f: f.write(b"streamed" * 10)',
      ].join('\n');
      execFileSync('python3', ['-c', script, path]);
      const archive = readFileSync(path);
      expect(text(readZipEntry(archive, 'run-record.json', limits, 'a'))).toBe('{"accuracy": 0.9}'.repeat(50));
      expect(text(readZipEntry(archive, 'streamed.txt', limits, 'a'))).toBe('streamed'.repeat(10));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('refuses too many entries before reading any', () => {
    const entries = Array.from({ length: 11 }, (_, i) => ({ name: `f${i}`, data: 'x' }));
    expect(refusal(writeTestZip(entries))).toBe('artifact "ml-run-x": holds 11 entries; at most 10 are accepted');
  });

  it('refuses entries whose declared sizes add up past the total cap, read or not', () => {
    const archive = writeTestZip([
      { name: 'run-record.json', data: '{}' },
      { name: 'filler', data: Buffer.alloc(5000) },
    ]);
    expect(refusal(archive)).toBe('artifact "ml-run-x": its entries add up to more than 4.0 KiB uncompressed; refused');
  });

  it('refuses the wanted entry when it is larger than the entry cap', () => {
    const archive = writeTestZip([{ name: 'run-record.json', data: Buffer.alloc(2000, 0x20) }]);
    expect(refusal(archive)).toBe(
      'artifact "ml-run-x": run-record.json in it is 2.0 KiB uncompressed; at most 1.0 KiB is read',
    );
  });

  it('stops inflating a zip bomb at its declared size', () => {
    // 64 MiB of zeros deflate to about 64 KiB; the headers claim 100 bytes.
    const bomb = writeTestZip([
      { name: 'run-record.json', data: Buffer.alloc(64 * 1024 * 1024), method: 8, declaredSize: 100 },
    ]);
    expect(bomb.length).toBeLessThan(200_000);
    expect(refusal(bomb)).toBe('artifact "ml-run-x": run-record.json in it inflates past its declared 100 B');
  });

  it('refuses data shorter than declared, a wrong CRC, damage and what is not a zip', () => {
    expect(refusal(writeTestZip([{ name: 'run-record.json', data: 'abc', method: 8, declaredSize: 10 }]))).toBe(
      'artifact "ml-run-x": run-record.json in it holds 3 bytes, not the 10 its header declares',
    );
    expect(refusal(writeTestZip([{ name: 'run-record.json', data: 'abc', crc: 1 }]))).toBe(
      'artifact "ml-run-x": run-record.json in it fails its CRC-32 check (damaged data)',
    );
    expect(refusal(Buffer.from('{"this is": "json"}'))).toBe(
      'artifact "ml-run-x": not a zip archive (no end of central directory)',
    );
    expect(refusal(writeTestZip([{ name: 'run-record.json', data: 'abc' }], { declaredCount: 2 }))).toBe(
      'artifact "ml-run-x": entry 2 of its central directory is damaged',
    );
    const cut = writeTestZip([{ name: 'run-record.json', data: 'x'.repeat(500), method: 0 }]);
    const truncated = Buffer.concat([cut.subarray(0, 100), cut.subarray(cut.length - 22 - 61)]);
    expect(refusal(truncated)).toMatch(/^artifact "ml-run-x": /);
  });

  it('refuses two entries of the wanted name', () => {
    const archive = writeTestZip([
      { name: 'run-record.json', data: '{"a":1}' },
      { name: 'run-record.json', data: '{"a":2}' },
    ]);
    expect(refusal(archive)).toBe('artifact "ml-run-x": holds 2 entries named run-record.json');
  });

  describe('with a test of the name', () => {
    const isRecord = (name: string) => name.startsWith('run-record') && name.endsWith('.json');

    it('reads the one top-level file whose name passes, and says which it was', () => {
      const archive = writeTestZip([
        { name: 'notes.json', data: '{"not":"read"}' },
        { name: 'nested/run-record-b.json', data: '{"not":"read"}' },
        { name: 'run-record-a.json', data: '{"a":1}', method: 8 },
      ]);
      const entry = readZipEntry(archive, isRecord, limits, 'a');
      expect(entry?.name).toBe('run-record-a.json');
      expect(text(entry)).toBe('{"a":1}');
      expect(readZipEntry(writeTestZip({ 'x/run-record.json': '{}' }), isRecord, limits, 'a')).toBeUndefined();
    });

    it('refuses two files that could each be the one, naming both', () => {
      const archive = writeTestZip({ 'run-record.json': '{"a":1}', 'run-record-b.json': '{"a":2}' });
      expect(refusal(archive, isRecord)).toBe(
        'artifact "ml-run-x": holds 2 files that could each be the one read (run-record.json, run-record-b.json); only one is read',
      );
    });

    it('names the file it read in a refusal of its content', () => {
      const archive = writeTestZip([{ name: 'run-record-a.json', data: Buffer.alloc(2000, 0x20) }]);
      expect(refusal(archive, isRecord)).toBe(
        'artifact "ml-run-x": run-record-a.json in it is 2.0 KiB uncompressed; at most 1.0 KiB is read',
      );
    });
  });
});
