/**
 * What `git merge-base` and `git rev-list base..head` would say over the seeded commits, which is
 * what GitHub's compare endpoint reports (merge base, ahead/behind, the commits only on head).
 */

export interface GraphCommit {
  sha: string;
  parents: readonly string[];
  /**
   * Creation order. Parents must exist before their children are added, so this order is
   * topological: sorting by it lists history oldest first, as GitHub's compare does.
   */
  order: number;
}

export interface Comparison {
  mergeBase: string;
  /** Commits reachable from head but not from base, oldest first. */
  ahead: string[];
  /** Commits reachable from base but not from head, oldest first. */
  behind: string[];
}

type Lookup = (sha: string) => GraphCommit | undefined;

/** Every commit reachable from the starts, themselves included. Unknown shas are skipped. */
export function ancestors(starts: Iterable<string>, lookup: Lookup): Set<string> {
  const seen = new Set<string>();
  const stack = [...starts];
  while (stack.length > 0) {
    const sha = stack.pop() as string;
    if (seen.has(sha)) continue;
    const commit = lookup(sha);
    if (commit === undefined) continue;
    seen.add(sha);
    stack.push(...commit.parents);
  }
  return seen;
}

/** The comparison of two commits, or undefined when they share no history. */
export function compareCommits(base: string, head: string, lookup: Lookup): Comparison | undefined {
  const fromBase = ancestors([base], lookup);
  const fromHead = ancestors([head], lookup);
  const common = [...fromHead].filter((sha) => fromBase.has(sha));
  if (common.length === 0) return undefined;
  // The best common ancestors are those that no other common ancestor descends from;
  // among several (criss-cross merges) take the newest, as git does.
  const covered = ancestors(
    common.flatMap((sha) => lookup(sha)?.parents ?? []),
    lookup,
  );
  const best = oldestFirst(
    common.filter((sha) => !covered.has(sha)),
    lookup,
  );
  return {
    mergeBase: best[best.length - 1] as string,
    ahead: oldestFirst(
      [...fromHead].filter((sha) => !fromBase.has(sha)),
      lookup,
    ),
    behind: oldestFirst(
      [...fromBase].filter((sha) => !fromHead.has(sha)),
      lookup,
    ),
  };
}

function oldestFirst(shas: string[], lookup: Lookup): string[] {
  return shas.sort((a, b) => (lookup(a)?.order ?? 0) - (lookup(b)?.order ?? 0));
}
