import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../src/errors.ts';
import { forEachLine } from '../src/files/line-stream.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'line-stream-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function lines(name: string, content: string | Uint8Array): Promise<Array<[number, string]>> {
  const file = path.join(dir, name);
  await writeFile(file, content);
  const seen: Array<[number, string]> = [];
  await forEachLine(file, name, (line, number) => seen.push([number, line]));
  return seen;
}

describe('forEachLine', () => {
  it('splits lines, dropping CR and a BOM, keeping a last line without newline', async () => {
    expect(await lines('a.txt', '\ufeffone\r\ntwo\n\nthree')).toEqual([
      [1, 'one'],
      [2, 'two'],
      [3, ''],
      [4, 'three'],
    ]);
  });

  it('keeps multi-byte characters and line numbers right across 1 MiB chunk boundaries', async () => {
    const filler = 'x'.repeat(1024 * 1024 - 3);
    const text = `${filler}é€😀\nsecond ünïcode line\n${'y'.repeat(3 * 1024 * 1024)}\nlast`;
    const seen = await lines('big.txt', text);
    expect(seen.map(([number, line]) => [number, line.length])).toEqual([
      [1, filler.length + 4], // é, €, and the surrogate pair of 😀
      [2, 19],
      [3, 3 * 1024 * 1024],
      [4, 4],
    ]);
    expect(seen[0]?.[1].endsWith('é€😀')).toBe(true);
    expect(seen[1]?.[1]).toBe('second ünïcode line');
  });

  it('names the line of invalid UTF-8 or a NUL byte in a later chunk', async () => {
    const head = 'a\n'.repeat(700_000); // 1.4 MB: the problem is in the second chunk
    const file = path.join(dir, 'bad.txt');
    await writeFile(file, Buffer.concat([Buffer.from(head), Buffer.from([0x61, 0xe2, 0x28, 0xa1, 0x0a])]));
    const error: unknown = await forEachLine(file, 'bad.txt', () => undefined).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toBe('bad.txt:700001: not valid UTF-8 text (is this a binary file?)');
    await writeFile(file, `${head}ok\nb\u0000\n`);
    const nul: unknown = await forEachLine(file, 'bad.txt', () => undefined).catch((thrown: unknown) => thrown);
    expect((nul as UserError).message).toBe(
      'bad.txt:700002: contains a NUL byte, so it looks like a binary file, not text',
    );
  });
});
