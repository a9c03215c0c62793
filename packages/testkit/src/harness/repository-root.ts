import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The monorepo's root: the nearest folder above this file that holds `actions/`. */
export function repositoryRoot(): string {
  let folder = import.meta.dirname;
  while (!existsSync(join(folder, 'actions')) || !existsSync(join(folder, 'package.json'))) {
    const parent = dirname(folder);
    if (parent === folder) throw new Error(`no repository root above ${import.meta.dirname}`);
    folder = parent;
  }
  return folder;
}
