/**
 * Links into the trend page that land on one run: `#experiment=<name>&commit=<sha>` (or
 * `&version=<package version>`), which the page's script reads on load and on `hashchange` to
 * scroll to the experiment's first chart and mark that run's points. Values are URL-encoded, so
 * any experiment name (`&`, `#`, `=`, spaces, markup) makes one fragment that means only it.
 */

/** Which run a link to the trend page points at; without commit or version, the experiment alone. */
export interface TrendPointTarget {
  experiment: string;
  /** The full commit sha (40 hex digits) of the run on the default branch. */
  commit?: string | undefined;
  /** The package version made from the run, as the history entry records it. */
  version?: string | undefined;
}

/** A full git commit sha, as the history entries record them. */
const FULL_SHA = /^[0-9a-f]{40}$/i;

/**
 * `pageUrl` with a fragment that points at `point`: the page itself with any fragment it had
 * replaced. A commit that is not 40 hex digits is a bug of the caller (the page matches whole
 * shas only), so it throws; so does giving both a commit and a version.
 */
export function trendPointUrl(pageUrl: string, point: TrendPointTarget): string {
  if (point.commit !== undefined && point.version !== undefined) {
    throw new Error('a trend page link points at a commit or at a package version, not both');
  }
  if (point.commit !== undefined && !FULL_SHA.test(point.commit)) {
    throw new Error(`a trend page link needs a full commit sha (40 hex digits), not ${JSON.stringify(point.commit)}`);
  }
  // A lone surrogate (possible in a JSON string) cannot be URL-encoded: it becomes U+FFFD.
  const parts = [`experiment=${encodeURIComponent(wellFormed(point.experiment))}`];
  if (point.commit !== undefined) parts.push(`commit=${point.commit.toLowerCase()}`);
  if (point.version !== undefined) parts.push(`version=${encodeURIComponent(wellFormed(point.version))}`);
  const hash = pageUrl.indexOf('#');
  return `${hash === -1 ? pageUrl : pageUrl.slice(0, hash)}#${parts.join('&')}`;
}

/** The text with each lone surrogate (a paired one is one code point here) replaced by U+FFFD. */
function wellFormed(text: string): string {
  return text.replace(/\p{Cs}/gu, '\ufffd');
}
