import { JsonChecker, parseUntrustedJson } from '../text/json-checker.ts';
import { parseRunRecord, serializeRunRecord, type RunRecord } from './run-record.ts';

/**
 * What the first, untrusted stage of a fork-safe comparison hands to the second: the pull
 * request's claims about its own runs (their records, the pull request and its head commit), never
 * rendered Markdown, rules, a baseline, names or links. The trusted stage checks the claims against
 * GitHub, and takes everything that decides or presents the result from its own inputs.
 */
export const COMPARE_BUNDLE_SCHEMA = 'ml-actions/compare-bundle';
export const COMPARE_BUNDLE_VERSION = 2;
export const COMPARE_BUNDLE_FILE = 'compare-bundle.json';

export interface CompareBundle {
  repository: string;
  pullRequest: number;
  headSha: string;
  runs: RunRecord[];
}

const MAX_RUNS = 256;

/** The bundle as JSON text (records in their own validated format). */
export function serializeCompareBundle(bundle: CompareBundle): string {
  return JSON.stringify({
    schema: COMPARE_BUNDLE_SCHEMA,
    version: COMPARE_BUNDLE_VERSION,
    repository: bundle.repository,
    pullRequest: bundle.pullRequest,
    headSha: bundle.headSha,
    runs: bundle.runs.map(serializeRunRecord),
  });
}

/** Parses and checks a bundle from an untrusted source; any problem is a UserError naming it. */
export function parseCompareBundle(text: string, source: string): CompareBundle {
  const what = 'refusing the comparison bundle';
  const check: JsonChecker = new JsonChecker(source, what);
  const root = check.object(parseUntrustedJson(text, source, what), '$');
  if (root['schema'] !== COMPARE_BUNDLE_SCHEMA) {
    check.fail('$.schema', `is not "${COMPARE_BUNDLE_SCHEMA}" (got ${check.show(root['schema'])})`);
  }
  if (root['version'] === 1) {
    check.fail(
      '$.version',
      'is 1, written by an older compare, which put rules and a baseline in it; ' +
        'collect and publish must use the same version of compare',
    );
  }
  if (root['version'] !== COMPARE_BUNDLE_VERSION) {
    check.fail('$.version', `is ${check.show(root['version'])}, which is not supported`);
  }
  const repository = check.matching(root['repository'], '$.repository', /^[\w.-]+\/[\w.-]+$/, 'owner/name');
  const pullRequest = check.integer(root['pullRequest'], '$.pullRequest', 1);
  if (!Number.isSafeInteger(pullRequest)) check.fail('$.pullRequest', 'must be a pull request number');
  const headSha = check.matching(root['headSha'], '$.headSha', /^[0-9a-f]{40}$/, 'a commit sha');
  const runs = check
    .array(root['runs'], '$.runs', MAX_RUNS)
    .map((item: unknown, index) => parseRunRecord(check.string(item, `$.runs[${index}]`), `${source} runs[${index}]`));
  if (runs.length === 0) check.fail('$.runs', 'holds no run');
  return { repository, pullRequest, headSha, runs };
}
