/**
 * History files are JSON Lines, one `HistoryEntry` a line. JSON has no NaN or infinities, so
 * metric numbers may be the strings "NaN", "Infinity" and "-Infinity", as in run records.
 * Its JSON Schema is packages/core/schema/history-entry.schema.json; `parseHistoryText` enforces it.
 */
import { UserError } from '../errors.ts';
import type { ParamValue } from '../record/run-record.ts';
import { JsonChecker, parseUntrustedJson } from '../text/json-checker.ts';
import { setOwnEntry } from '../text/safe-record.ts';
import { HISTORY_ENTRY_SCHEMA, HISTORY_ENTRY_VERSION } from './history-entry.ts';
import type { HistoryEntry, HistoryMetric, HistoryRule } from './history-entry.ts';

const COMMIT_SHA = /^[0-9a-f]{40}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const RULE_VERDICTS = ['pass', 'fail', 'skipped', 'error'] as const;

/** One entry as one JSON line (no newline): NaN and the infinities as strings. */
export function serializeHistoryEntry(entry: HistoryEntry): string {
  return JSON.stringify(entry, (_key, value: unknown) =>
    typeof value === 'number' && !Number.isFinite(value) ? String(value) : value,
  );
}

/**
 * Every entry of a history file, oldest first. Blank lines are skipped; a malformed line, or one
 * of another schema or a newer version, is a UserError naming `file:line` and what is wrong.
 */
export function parseHistoryText(text: string, file: string): HistoryEntry[] {
  return parseHistoryLines(text, file).map((line) => line.entry);
}

/** A line of a history file with the entry it holds, so that a rewrite keeps the line as written. */
export interface HistoryLine {
  entry: HistoryEntry;
  text: string;
}

/** Every non-blank line of a history file with its entry, checked as `parseHistoryText` does. */
export function parseHistoryLines(text: string, file: string): HistoryLine[] {
  const entries: HistoryLine[] = [];
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!.replace(/\r$/, '');
    if (line.trim() === '') continue;
    const number = index + 1;
    let document: unknown;
    try {
      document = parseUntrustedJson(line, file, 'not a history entry');
    } catch (error) {
      // The line is parsed on its own, so its error says line 1: name the file's line instead.
      if (!(error instanceof UserError)) throw error;
      const column = error.column ?? 1;
      throw new UserError(error.message.replace(`${file}:1:`, `${file}:${number}:`), { file, line: number, column });
    }
    try {
      entries.push({ entry: validateHistoryEntry(document, `${file}:${number}`), text: line });
    } catch (error) {
      if (error instanceof UserError) throw new UserError(error.message, { file, line: number });
      throw error;
    }
  }
  return entries;
}

/** Validates a parsed line as `parseHistoryText` does; unknown properties are dropped. */
export function validateHistoryEntry(document: unknown, source: string): HistoryEntry {
  const check: JsonChecker = new JsonChecker(source, 'invalid history entry');
  const root = check.object(document, '$');
  if (root['schema'] !== HISTORY_ENTRY_SCHEMA) {
    check.fail(
      '$.schema',
      `must be "${HISTORY_ENTRY_SCHEMA}" (got ${check.show(root['schema'])}): not a history entry`,
    );
  }
  const version = check.integer(check.required(root, '$', 'version'), '$.version', 1);
  if (version > HISTORY_ENTRY_VERSION) {
    check.fail(
      '$.version',
      `is ${version}, newer than this version of ml-actions reads (${HISTORY_ENTRY_VERSION}); upgrade ml-actions`,
    );
  }
  const text = (key: string, minLength = 1): string =>
    check.string(check.required(root, '$', key), `$.${key}`, minLength);
  const pullRequest = check.required(root, '$', 'pullRequest');
  const packageVersion = check.required(root, '$', 'packageVersion');
  return {
    schema: HISTORY_ENTRY_SCHEMA,
    version: HISTORY_ENTRY_VERSION,
    experiment: text('experiment'),
    commit: check.matching(check.required(root, '$', 'commit'), '$.commit', COMMIT_SHA, 'a commit sha (40 hex)'),
    date: check.matching(check.required(root, '$', 'date'), '$.date', ISO_DATE_TIME, 'an ISO 8601 date and time'),
    branch: text('branch'),
    workflowRunId: check.integer(check.required(root, '$', 'workflowRunId'), '$.workflowRunId', 1),
    runAttempt: check.integer(check.required(root, '$', 'runAttempt'), '$.runAttempt', 1),
    runUrl: text('runUrl'),
    commitUrl: text('commitUrl'),
    pullRequest: pullRequest === null ? null : check.integer(pullRequest, '$.pullRequest', 1),
    metrics: checkMetrics(check, check.object(check.required(root, '$', 'metrics'), '$.metrics')),
    params: checkParams(check, check.object(check.required(root, '$', 'params'), '$.params')),
    gate: checkGate(check, check.required(root, '$', 'gate')),
    packageVersion: packageVersion === null ? null : check.string(packageVersion, '$.packageVersion', 1),
  };
}

function checkMetrics(check: JsonChecker, value: Record<string, unknown>): Record<string, HistoryMetric> {
  const metrics: Record<string, HistoryMetric> = {};
  for (const [name, raw] of Object.entries(value)) {
    const p = `$.metrics${check.key(name)}`;
    const metric = check.object(raw, p);
    const std = check.required(metric, p, 'std');
    setOwnEntry(metrics, name, {
      mean: check.metricNumber(check.required(metric, p, 'mean'), `${p}.mean`),
      std: std === null ? null : check.metricNumber(std, `${p}.std`),
      n: check.integer(check.required(metric, p, 'n'), `${p}.n`, 1),
      min: check.metricNumber(check.required(metric, p, 'min'), `${p}.min`),
      max: check.metricNumber(check.required(metric, p, 'max'), `${p}.max`),
    });
  }
  return metrics;
}

function checkParams(check: JsonChecker, value: Record<string, unknown>): Record<string, ParamValue> {
  const params: Record<string, ParamValue> = {};
  for (const [name, raw] of Object.entries(value)) {
    if (raw !== null && typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean') {
      check.fail(`$.params${check.key(name)}`, `must be a string, number, boolean or null (got ${check.show(raw)})`);
    }
    setOwnEntry(params, name, raw);
  }
  return params;
}

function checkGate(check: JsonChecker, value: unknown): HistoryEntry['gate'] {
  if (value === null) return null;
  const gate = check.object(value, '$.gate');
  const rules = check.array(check.required(gate, '$.gate', 'rules'), '$.gate.rules').map((raw, i): HistoryRule => {
    const p = `$.gate.rules[${i}]`;
    const rule = check.object(raw, p);
    const threshold = check.required(rule, p, 'threshold');
    return {
      rule: check.string(check.required(rule, p, 'rule'), `${p}.rule`, 1),
      metric: check.string(check.required(rule, p, 'metric'), `${p}.metric`),
      verdict: check.oneOf(check.required(rule, p, 'verdict'), `${p}.verdict`, RULE_VERDICTS),
      threshold: threshold === null ? null : check.metricNumber(threshold, `${p}.threshold`),
    };
  });
  return { passed: check.boolean(check.required(gate, '$.gate', 'passed'), '$.gate.passed'), rules };
}
