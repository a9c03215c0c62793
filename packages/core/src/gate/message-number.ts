/** Six significant digits, as rule messages show numbers; integers and non-finite values as they are. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n) || (Number.isInteger(n) && Math.abs(n) < 1e15)) return String(n);
  return String(Number(n.toPrecision(6)));
}

/** Two numbers at six significant digits, unless that would make two different numbers look the same. */
export function formatPair(a: number, b: number): [string, string] {
  const short: [string, string] = [formatNumber(a), formatNumber(b)];
  return short[0] === short[1] && !Object.is(a, b) ? [String(a), String(b)] : short;
}
