/**
 * The stand-in's git objects: blobs and trees, named by the sha git itself would give them, so
 * that the same content written twice is one object and a tree's sha changes with any file in it.
 * Commits stay in the state (their history is what most routes walk).
 */
import { createHash } from 'node:crypto';

export type TreeEntryMode = '100644' | '100755' | '040000' | '160000' | '120000';

export interface TreeEntry {
  /** One path segment. */
  name: string;
  mode: TreeEntryMode;
  type: 'blob' | 'tree' | 'commit';
  sha: string;
}

/** A file of a flattened tree: its full path and blob. */
export interface TreeFile {
  path: string;
  mode: TreeEntryMode;
  type: 'blob' | 'commit';
  sha: string;
}

/** A change to a tree, as `POST /git/trees` takes it: a new blob, an existing object, or a removal (sha null). */
export interface TreeChange {
  path: string;
  mode: TreeEntryMode;
  content?: string;
  sha?: string | null;
}

function objectSha(type: string, body: Buffer): string {
  return createHash('sha1')
    .update(Buffer.concat([Buffer.from(`${type} ${body.length}\0`), body]))
    .digest('hex');
}

export class GitObjects {
  private readonly blobs = new Map<string, Buffer>();
  private readonly trees = new Map<string, TreeEntry[]>();
  /** The empty tree: every seeded commit without files has it. */
  readonly emptyTree: string;

  constructor() {
    this.emptyTree = this.addTree([]);
  }

  addBlob(bytes: Buffer): string {
    const sha = objectSha('blob', bytes);
    this.blobs.set(sha, bytes);
    return sha;
  }

  blob(sha: string): Buffer | undefined {
    return this.blobs.get(sha);
  }

  /** Stores a tree of these entries (sorted as git sorts them) and returns its sha. */
  addTree(entries: readonly TreeEntry[]): string {
    // Git orders entries by name, a tree's name compared as if it ended in `/`.
    const sortKey = (e: TreeEntry) => (e.type === 'tree' ? `${e.name}/` : e.name);
    const sorted = [...entries].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
    const body = Buffer.concat(
      sorted.map((e) =>
        Buffer.concat([
          Buffer.from(`${e.mode === '040000' ? '40000' : e.mode} ${e.name}\0`),
          Buffer.from(e.sha, 'hex'),
        ]),
      ),
    );
    const sha = objectSha('tree', body);
    this.trees.set(sha, sorted);
    return sha;
  }

  tree(sha: string): TreeEntry[] | undefined {
    return this.trees.get(sha);
  }

  /** Whether an object of any kind has this sha. */
  has(sha: string): boolean {
    return this.blobs.has(sha) || this.trees.has(sha);
  }

  /** Every file under a tree, with full paths. */
  files(treeSha: string, prefix = ''): TreeFile[] {
    const found: TreeFile[] = [];
    for (const entry of this.tree(treeSha) ?? []) {
      const path = `${prefix}${entry.name}`;
      if (entry.type === 'tree') found.push(...this.files(entry.sha, `${path}/`));
      else found.push({ path, mode: entry.mode, type: entry.type, sha: entry.sha });
    }
    return found;
  }

  /** The entry at a path (`a/b.txt`) under a tree, or undefined. */
  entryAt(treeSha: string, path: string): TreeEntry | undefined {
    let entries = this.tree(treeSha);
    const segments = path.split('/').filter((s) => s !== '');
    let found: TreeEntry | undefined;
    for (const segment of segments) {
      found = entries?.find((e) => e.name === segment);
      if (found === undefined) return undefined;
      entries = found.type === 'tree' ? this.tree(found.sha) : undefined;
    }
    return found;
  }

  /**
   * A new tree: `base`'s files (none without one) with `changes` applied, nested paths making
   * the trees between. Throws with GitHub's message for a change naming an object that does not exist.
   */
  applyChanges(base: string | undefined, changes: readonly TreeChange[]): string {
    const files = new Map((base === undefined ? [] : this.files(base)).map((f) => [f.path, f]));
    for (const change of changes) {
      if (change.sha === null) {
        files.delete(change.path);
        for (const path of [...files.keys()]) if (path.startsWith(`${change.path}/`)) files.delete(path);
        continue;
      }
      const sha = change.content !== undefined ? this.addBlob(Buffer.from(change.content, 'utf8')) : change.sha;
      if (sha === undefined || !this.blobs.has(sha)) throw new Error('tree.sha is not a valid blob');
      files.set(change.path, { path: change.path, mode: change.mode, type: 'blob', sha });
    }
    return this.buildTree([...files.values()], '');
  }

  private buildTree(files: readonly TreeFile[], prefix: string): string {
    const entries: TreeEntry[] = [];
    const folders = new Map<string, TreeFile[]>();
    for (const file of files) {
      const rest = file.path.slice(prefix.length);
      const slash = rest.indexOf('/');
      if (slash === -1) {
        entries.push({ name: rest, mode: file.mode, type: file.type, sha: file.sha });
      } else {
        const name = rest.slice(0, slash);
        folders.set(name, [...(folders.get(name) ?? []), file]);
      }
    }
    for (const [name, inside] of folders) {
      entries.push({ name, mode: '040000', type: 'tree', sha: this.buildTree(inside, `${prefix}${name}/`) });
    }
    return this.addTree(entries);
  }
}
