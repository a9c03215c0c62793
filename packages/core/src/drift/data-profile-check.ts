import type { JsonChecker } from '../text/json-checker.ts';
import {
  DATA_PROFILE_VERSION,
  MAX_PROFILE_COLUMNS,
  PROFILE_BINS,
  PROFILE_TOP_CATEGORIES,
  type ColumnProfile,
  type DataProfile,
} from './data-profile.ts';

/**
 * A data profile read back from a run record or a package manifest, every field checked, so that
 * a statistic computed from it is about numbers that mean what they say.
 */
export function checkDataProfile(check: JsonChecker, value: unknown, path: string): DataProfile {
  const root = check.object(value, path);
  const version = check.integer(check.required(root, path, 'version'), `${path}.version`, 1);
  if (version !== DATA_PROFILE_VERSION) {
    check.fail(`${path}.version`, `is ${version}; this version reads profiles of version ${DATA_PROFILE_VERSION}`);
  }
  const rows = check.integer(check.required(root, path, 'rows'), `${path}.rows`, 0);
  const files = check
    .array(check.required(root, path, 'files'), `${path}.files`, 10_000)
    .map((file, i) => check.string(file, `${path}.files[${i}]`));
  const columns = check
    .array(check.required(root, path, 'columns'), `${path}.columns`, MAX_PROFILE_COLUMNS)
    .map((item, i) => checkColumn(check, item, `${path}.columns[${i}]`));
  const names = new Set<string>();
  columns.forEach((column, i) => {
    if (names.has(column.name)) check.fail(`${path}.columns[${i}].name`, `names column "${column.name}" a second time`);
    names.add(column.name);
  });
  return { version: DATA_PROFILE_VERSION, rows, files, columns };
}

function checkColumn(check: JsonChecker, value: unknown, path: string): ColumnProfile {
  const column = check.object(value, path);
  const field = (key: string) => check.required(column, path, key);
  const name = check.string(field('name'), `${path}.name`, 1);
  const kind = check.oneOf(field('kind'), `${path}.kind`, ['numeric', 'categorical'] as const);
  const count = check.integer(field('count'), `${path}.count`, 0);
  const missing = check.integer(field('missing'), `${path}.missing`, 0);
  if (kind === 'categorical') {
    const top = check.array(field('top'), `${path}.top`, PROFILE_TOP_CATEGORIES).map((item, i) => {
      const entry = check.object(item, `${path}.top[${i}]`);
      return {
        value: check.string(check.required(entry, `${path}.top[${i}]`, 'value'), `${path}.top[${i}].value`),
        count: check.integer(check.required(entry, `${path}.top[${i}]`, 'count'), `${path}.top[${i}].count`, 0),
      };
    });
    const other = check.integer(field('other'), `${path}.other`, 0);
    if (top.reduce((sum, entry) => sum + entry.count, other) !== count) {
      check.fail(path, 'has top and other counts that do not add up to its count');
    }
    const capped = column['distinctCapped'];
    return {
      name,
      kind,
      count,
      missing,
      distinct: check.integer(field('distinct'), `${path}.distinct`, 0),
      ...(capped === undefined ? {} : { distinctCapped: check.boolean(capped, `${path}.distinctCapped`) }),
      top,
      other,
    };
  }
  const number = (key: string) => check.number(field(key), `${path}.${key}`);
  const edges = check
    .array(field('edges'), `${path}.edges`, PROFILE_BINS + 1)
    .map((edge, i) => check.number(edge, `${path}.edges[${i}]`));
  const counts = check
    .array(field('counts'), `${path}.counts`, PROFILE_BINS + 1)
    .map((n, i) => check.integer(n, `${path}.counts[${i}]`, 0));
  if (edges.length < 1 || counts.length !== edges.length) {
    check.fail(path, 'needs at least one edge and one count per edge');
  }
  for (let i = 1; i < edges.length; i++) {
    if (!(edges[i]! > edges[i - 1]!)) check.fail(`${path}.edges`, 'must be strictly ascending');
  }
  if (counts.reduce((sum, n) => sum + n, 0) !== count)
    check.fail(path, 'has bin counts that do not add up to its count');
  return {
    name,
    kind,
    count,
    missing,
    mean: number('mean'),
    std: check.number(field('std'), `${path}.std`, 0),
    min: number('min'),
    max: number('max'),
    edges,
    counts,
  };
}
