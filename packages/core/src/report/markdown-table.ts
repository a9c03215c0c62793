/** GitHub-flavoured Markdown tables, built row by row so a long table can be cut anywhere. */

export type ColumnAlign = 'left' | 'right' | 'center';

export interface TableColumn {
  /** Our own text, not escaped again. */
  title: string;
  align?: ColumnAlign;
}

const DELIMITER: Record<ColumnAlign, string> = { left: ':--', right: '--:', center: ':-:' };

/** The header and delimiter lines of a table. */
export function tableHeader(columns: readonly TableColumn[]): string {
  const titles = columns.map((column) => column.title);
  const delimiters = columns.map((column) => DELIMITER[column.align ?? 'left']);
  return `${tableRow(titles)}\n${tableRow(delimiters)}`;
}

/** One table row from cells that are already escaped (`escapeCell`) or are our own text. */
export function tableRow(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}
