import { UserError } from '../errors.ts';
import { compareColumns, ProductionColumns, type DriftReference, type DriftReport } from './column-drift.ts';
import { ColumnCollector, profileColumns, type DataProfile } from './data-profile.ts';
import { dataFormat, readDataRows, type DataSink } from './data-rows.ts';
import { listWorkspaceFolder, type WorkspaceOptions } from '../files/workspace-path.ts';
import { expandWorkspacePattern } from '../files/workspace-pattern.ts';

/** A data file: where it is, and its name as messages show it. */
export interface DataFile {
  absolute: string;
  display: string;
}

/** Streams every file into `sink`; returns the data rows over all of them. */
export async function readDataFiles(files: readonly DataFile[], sink: DataSink): Promise<number> {
  let rows = 0;
  for (const file of files) rows += await readDataRows(file.absolute, file.display, sink);
  return rows;
}

/**
 * The profile of data files, and the sorted values of their numeric columns for an exact
 * comparison. `columns` limits it to those names (each must be in some file).
 */
export async function profileDataFiles(
  files: readonly DataFile[],
  columns?: readonly string[],
): Promise<DriftReference> {
  const collector = new ColumnCollector(columns);
  const rows = await readDataFiles(files, collector);
  const names = files.map((file) => file.display).join(', ');
  if (rows === 0) throw new UserError(`${names}: no data rows to profile`);
  for (const wanted of columns ?? []) {
    if (!collector.byName.has(wanted)) throw new UserError(`${names}: no column "${wanted}"`);
  }
  const profile: DataProfile = profileColumns(
    collector.byName.values(),
    rows,
    files.map((file) => file.display),
  );
  const values = new Map<string, Float64Array>();
  for (const column of collector.byName.values()) if (column.isNumeric) values.set(column.name, column.sorted());
  return { profile, values };
}

/**
 * Compares production data files with a reference, column by column (`columns`, default every
 * column of the reference's profile). Production is read once; against a profile alone its numeric
 * columns are only counted into the profile's bins, so any amount passes through bounded memory.
 */
export async function measureDrift(
  reference: DriftReference,
  files: readonly DataFile[],
  options: { columns?: readonly string[]; alpha: number; source?: string },
): Promise<DriftReport> {
  const known = reference.profile.columns.map((column) => column.name);
  const names = options.columns ?? known;
  for (const name of names) {
    if (!known.includes(name)) {
      throw new UserError(
        `input "columns": "${name}" is not a column of the reference${options.source === undefined ? '' : ` (${options.source})`}; it has ${known.slice(0, 20).join(', ')}${known.length > 20 ? ', ...' : ''}`,
      );
    }
  }
  const production = new ProductionColumns(reference, names);
  const rows = await readDataFiles(files, production);
  if (rows === 0) {
    throw new UserError(
      `input "data": no data rows in ${files.map((file) => file.display).join(', ')}: an empty batch says nothing about drift`,
    );
  }
  return compareColumns(reference, production, rows, options.alpha);
}

/**
 * The values rules can judge: `ks(c)`, `ks_p(c)`, `psi(c)`, `wasserstein(c)`, `chi2_p(c)`, `js(c)`
 * per column where they apply, `drifted_share` and `drifted_columns`.
 */
export function driftValues(report: DriftReport): Record<string, number> {
  const values: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const column of report.columns) {
    const put = (name: string, value: number | undefined) => {
      if (value !== undefined) values[`${name}(${column.column})`] = value;
    };
    put('ks', column.ks);
    put('ks_p', column.ksPValue);
    put('psi', column.psi);
    put('wasserstein', column.wasserstein);
    put('chi2_p', column.chi2PValue);
    put('js', column.jensenShannon);
  }
  values['drifted_share'] = report.driftedShare;
  values['drifted_columns'] = report.columns.filter((column) => column.drifted).length;
  return values;
}

/**
 * The data files a list of paths or globs names, inside the workspace, sorted; a folder names the
 * data files under it. `label` names the input in messages.
 */
export async function resolveDataFiles(
  patterns: readonly string[],
  options: WorkspaceOptions,
  label: string,
): Promise<DataFile[]> {
  const files = new Map<string, DataFile>();
  for (const pattern of patterns) {
    if (pattern.trim() === '') continue;
    for (const match of await expandWorkspacePattern(pattern, options, `${label} path`)) {
      const found = match.isDirectory
        ? (await listWorkspaceFolder(match, { recursive: true })).filter(
            (file) => dataFormat(file.relative) !== undefined,
          )
        : [match];
      for (const file of found) files.set(file.relative, { absolute: file.absolute, display: file.relative });
    }
  }
  if (files.size === 0) throw new UserError(`input "${label}": names no data files (.csv, .tsv, .jsonl)`);
  return [...files.values()].sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
}
