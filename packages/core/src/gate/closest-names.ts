/**
 * Up to `limit` names from `candidates` that look like `name`, closest first: for a rule on a
 * misspelt metric. A candidate counts when its whole name, or one of its `.`/`/`/`-`/`_`
 * separated parts, is within a third of the name's length in edit distance (case ignored);
 * a part match ranks just behind an equally close whole-name match.
 */
export function closestNames(name: string, candidates: Iterable<string>, limit = 3): string[] {
  // Nothing sensible is close to a name this long, and comparing it would be slow.
  if (name.length > 200) return [];
  const wanted = name.toLowerCase();
  const wantedParts = splitParts(wanted);
  const allowed = Math.max(1, Math.ceil(wanted.length / 3));
  const scored: { candidate: string; score: number }[] = [];
  for (const candidate of new Set(candidates)) {
    if (candidate === name) continue;
    const lower = candidate.toLowerCase();
    let score = editDistance(wanted, lower, allowed);
    for (const part of splitParts(lower)) {
      for (const wantedPart of wantedParts) {
        score = Math.min(score, editDistance(wantedPart, part, allowed) + 0.5);
      }
    }
    if (score <= allowed) scored.push({ candidate, score });
  }
  scored.sort((a, b) => a.score - b.score || (a.candidate < b.candidate ? -1 : a.candidate > b.candidate ? 1 : 0));
  return scored.slice(0, limit).map((s) => s.candidate);
}

function splitParts(name: string): string[] {
  return name.split(/[./_-]+/).filter((p) => p.length > 0);
}

/**
 * Levenshtein distance, giving up (returning `cap + 1`) once it must exceed `cap`, so a huge
 * typo against many metric names stays cheap.
 */
function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > cap) return cap + 1;
    previous = current;
  }
  return previous[b.length]!;
}
