import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../src/errors.ts';
import { listWorkspaceFolder, resolveWorkspacePath } from '../src/files/workspace-path.ts';
import { expandWorkspacePattern } from '../src/files/workspace-pattern.ts';

let root: string;
let workspace: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'workspace-path-'));
  workspace = path.join(root, 'repo');
  await mkdir(path.join(workspace, 'sub/deeper'), { recursive: true });
  await writeFile(path.join(workspace, 'metrics.json'), '{}');
  await writeFile(path.join(workspace, 'sub/a.csv'), 'x');
  await writeFile(path.join(workspace, 'sub/deeper/b.csv'), 'x');
  await writeFile(path.join(root, 'secret.txt'), 'secret');
  await mkdir(path.join(root, 'outside-dir'));
  await writeFile(path.join(root, 'outside-dir/c.csv'), 'x');
  await symlink(path.join(root, 'secret.txt'), path.join(workspace, 'link-out.txt'));
  await symlink(path.join(workspace, 'metrics.json'), path.join(workspace, 'sub/link-in.json'));
  await symlink(path.join(root, 'outside-dir'), path.join(workspace, 'sub/deeper/dir-out'));
  await symlink(path.join(workspace, 'missing'), path.join(workspace, 'dangling'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error: unknown = await promise.then(
    () => new Error('expected a UserError'),
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(UserError);
  return (error as UserError).message;
}

describe('resolveWorkspacePath', () => {
  it('resolves relative paths from cwd, and absolute paths inside the workspace', async () => {
    const options = { workspace, cwd: path.join(workspace, 'sub') };
    expect(await resolveWorkspacePath('a.csv', options)).toMatchObject({ relative: 'sub/a.csv', isDirectory: false });
    expect(await resolveWorkspacePath('../metrics.json', options)).toMatchObject({ relative: 'metrics.json' });
    expect(await resolveWorkspacePath(path.join(workspace, 'sub/deeper'), options)).toMatchObject({
      relative: 'sub/deeper',
      isDirectory: true,
    });
    // A symlink that stays inside is followed, and named by where it leads.
    expect(await resolveWorkspacePath('link-in.json', options)).toMatchObject({ relative: 'metrics.json' });
  });

  it('refuses .. escapes, absolute paths outside, symlinks leading outside, and missing paths', async () => {
    const options = { workspace, cwd: workspace };
    expect(await refusal(resolveWorkspacePath('../secret.txt', options, 'metrics path'))).toBe(
      'metrics path "../secret.txt" is outside the workspace; only files inside the repository can be read',
    );
    expect(await refusal(resolveWorkspacePath('sub/../../nothing-there', options))).toBe(
      'path "sub/../../nothing-there" is outside the workspace; only files inside the repository can be read',
    );
    expect(await refusal(resolveWorkspacePath('/etc/passwd', options))).toBe(
      'path "/etc/passwd" is outside the workspace; only files inside the repository can be read',
    );
    expect(await refusal(resolveWorkspacePath('link-out.txt', options))).toBe(
      'path "link-out.txt" is or goes through a symlink that leads outside the workspace; refusing to read it',
    );
    expect(await refusal(resolveWorkspacePath('sub/deeper/dir-out/c.csv', options))).toBe(
      'path "sub/deeper/dir-out/c.csv" is or goes through a symlink that leads outside the workspace; refusing to read it',
    );
    expect(await refusal(resolveWorkspacePath('nope.json', options))).toBe('path "nope.json" does not exist');
    expect(await refusal(resolveWorkspacePath('dangling', options))).toBe(
      'path "dangling" is a symlink to something that does not exist',
    );
  });
});

describe('listWorkspaceFolder', () => {
  it('lists files recursively and refuses a symlink leading outside', async () => {
    const options = { workspace, cwd: workspace };
    const sub = await resolveWorkspacePath('sub', options);
    expect(await refusal(listWorkspaceFolder(sub, { recursive: true }))).toBe(
      'sub/deeper/dir-out is a symlink that leads outside the workspace; refusing to read it',
    );
    const shallow = await listWorkspaceFolder(sub, { recursive: false });
    expect(shallow.map((entry) => [entry.relative, entry.isDirectory])).toEqual([
      ['sub/a.csv', false],
      ['sub/deeper', true],
      ['metrics.json', false], // sub/link-in.json, resolved
    ]);
  });
});

describe('expandWorkspacePattern', () => {
  it('expands globs from cwd, sorted, and names a pattern that matches nothing', async () => {
    const options = { workspace, cwd: workspace };
    expect((await expandWorkspacePattern('sub/**/*.csv', options)).map((match) => match.relative)).toEqual([
      'sub/a.csv',
      'sub/deeper/b.csv',
    ]);
    expect(await refusal(expandWorkspacePattern('results/*.json', options, 'metrics path'))).toBe(
      'metrics path pattern "results/*.json" matches no files',
    );
    expect(await refusal(expandWorkspacePattern('../*.txt', options))).toBe(
      'path pattern "../*.txt" is outside the workspace; only files inside the repository can be read',
    );
    expect(await refusal(expandWorkspacePattern('link-*.txt', options))).toBe(
      'path "link-out.txt" is or goes through a symlink that leads outside the workspace; refusing to read it',
    );
  });
});
