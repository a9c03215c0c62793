import { UserError } from './errors.ts';
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
  const fail = (problem: string): never => {
    throw new UserError(`${source}: refusing the comparison bundle: ${problem}`);
  };
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    return fail('it is not valid JSON');
  }
  const root = asObject(document) ?? fail('it is not a JSON object');
  if (root['schema'] !== COMPARE_BUNDLE_SCHEMA) fail(`schema is not "${COMPARE_BUNDLE_SCHEMA}"`);
  if (root['version'] === 1) {
    fail(
      'version 1 was written by an older compare, which put rules and a baseline in it; ' +
        'collect and publish must use the same version of compare',
    );
  }
  if (root['version'] !== COMPARE_BUNDLE_VERSION) fail(`version ${JSON.stringify(root['version'])} is not supported`);
  const repository = root['repository'];
  if (typeof repository !== 'string' || !/^[\w.-]+\/[\w.-]+$/.test(repository)) fail('repository is not owner/name');
  const pullRequest = root['pullRequest'];
  if (typeof pullRequest !== 'number' || !Number.isSafeInteger(pullRequest) || pullRequest <= 0) {
    fail('pullRequest is not a positive integer');
  }
  const headSha = root['headSha'];
  if (typeof headSha !== 'string' || !/^[0-9a-f]{40}$/.test(headSha)) fail('headSha is not a commit sha');
  const list = root['runs'];
  if (!Array.isArray(list) || list.length > MAX_RUNS) return fail(`runs is not a list of at most ${MAX_RUNS}`);
  const runs = list.map((item: unknown, index) =>
    typeof item === 'string'
      ? parseRunRecord(item, `${source} runs[${index}]`)
      : fail(`runs[${index}] is not a record`),
  );
  if (runs.length === 0) fail('it holds no run');
  return {
    repository: repository as string,
    pullRequest: pullRequest as number,
    headSha: headSha as string,
    runs,
  };
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
