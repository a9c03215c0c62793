import { UserError } from './errors.ts';
import { parseRunRecord, serializeRunRecord, type RunRecord } from './run-record.ts';

/**
 * What the first, untrusted stage of a fork-safe comparison hands to the second: data only (run
 * records, the baseline found, the rules text), never rendered Markdown. The trusted stage validates
 * every field and renders the comment itself, so nothing the pull request controls reaches the
 * comment except through our escaping.
 */
export const COMPARE_BUNDLE_SCHEMA = 'ml-actions/compare-bundle';
export const COMPARE_BUNDLE_VERSION = 1;
export const COMPARE_BUNDLE_FILE = 'compare-bundle.json';

export interface CompareBundle {
  repository: string;
  pullRequest: number;
  headSha: string;
  key: string;
  runs: RunRecord[];
  baseline: { records: RunRecord[]; sha: string; notice?: string | undefined } | undefined;
  rules: string | undefined;
  options: { precision: number; charts: boolean; onlyChanged: boolean };
}

const LIMITS = { runs: 256, rulesChars: 64 * 1024, keyChars: 128 };

/** The bundle as JSON text (records in their own validated format). */
export function serializeCompareBundle(bundle: CompareBundle): string {
  return JSON.stringify({
    schema: COMPARE_BUNDLE_SCHEMA,
    version: COMPARE_BUNDLE_VERSION,
    repository: bundle.repository,
    pullRequest: bundle.pullRequest,
    headSha: bundle.headSha,
    key: bundle.key,
    runs: bundle.runs.map(serializeRunRecord),
    baseline:
      bundle.baseline === undefined
        ? null
        : {
            sha: bundle.baseline.sha,
            notice: bundle.baseline.notice,
            records: bundle.baseline.records.map(serializeRunRecord),
          },
    rules: bundle.rules ?? null,
    options: bundle.options,
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
  if (root['version'] !== COMPARE_BUNDLE_VERSION) fail(`version ${JSON.stringify(root['version'])} is not supported`);
  const repository = root['repository'];
  if (typeof repository !== 'string' || !/^[\w.-]+\/[\w.-]+$/.test(repository)) fail('repository is not owner/name');
  const pullRequest = root['pullRequest'];
  if (typeof pullRequest !== 'number' || !Number.isSafeInteger(pullRequest) || pullRequest <= 0) {
    fail('pullRequest is not a positive integer');
  }
  const headSha = root['headSha'];
  if (typeof headSha !== 'string' || !/^[0-9a-f]{40}$/.test(headSha)) fail('headSha is not a commit sha');
  const key = root['key'];
  if (typeof key !== 'string' || key.length === 0 || key.length > LIMITS.keyChars) fail('key is missing or too long');
  const records = (value: unknown, field: string): RunRecord[] => {
    if (!Array.isArray(value) || value.length > LIMITS.runs)
      return fail(`${field} is not a list of at most ${LIMITS.runs}`);
    return value.map((item: unknown, index) =>
      typeof item === 'string'
        ? parseRunRecord(item, `${source} ${field}[${index}]`)
        : fail(`${field}[${index}] is not a record`),
    );
  };
  const runs = records(root['runs'], 'runs');
  if (runs.length === 0) fail('it holds no run');
  let baseline: CompareBundle['baseline'];
  if (root['baseline'] !== null && root['baseline'] !== undefined) {
    const value = asObject(root['baseline']) ?? fail('baseline is not an object');
    const sha = value['sha'];
    if (typeof sha !== 'string' || sha.length > 64) fail('baseline.sha is not a sha');
    const notice = value['notice'];
    if (notice !== undefined && typeof notice !== 'string') fail('baseline.notice is not text');
    baseline = {
      records: records(value['records'], 'baseline.records'),
      sha: sha as string,
      ...(typeof notice === 'string' ? { notice } : {}),
    };
  }
  const rules = root['rules'];
  if (rules !== null && (typeof rules !== 'string' || rules.length > LIMITS.rulesChars)) fail('rules is not text');
  const options = asObject(root['options']) ?? fail('options is not an object');
  const precision = options['precision'];
  if (typeof precision !== 'number' || !Number.isInteger(precision) || precision < 1 || precision > 17) {
    fail('options.precision is not 1 to 17');
  }
  if (typeof options['charts'] !== 'boolean' || typeof options['onlyChanged'] !== 'boolean') {
    fail('options.charts and options.onlyChanged must be booleans');
  }
  return {
    repository: repository as string,
    pullRequest: pullRequest as number,
    headSha: headSha as string,
    key: key as string,
    runs,
    baseline,
    rules: typeof rules === 'string' ? rules : undefined,
    options: {
      precision: precision as number,
      charts: options['charts'] as boolean,
      onlyChanged: options['onlyChanged'] as boolean,
    },
  };
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
