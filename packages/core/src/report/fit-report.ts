/**
 * Laying the report's parts out within a size limit (the comment's 65,536 characters, the job
 * summary's 1 MiB). In order, until it fits: everything; charts and leaderboard folded into
 * `<details>` with as many charts as fit; no charts; tables cut with a note; a bare verdict.
 * Each step builds the text once with `join`, and sizes come from prefix sums, so fitting
 * stays linear in the size of the report.
 */

export interface ReportTable {
  /** Our own text: the heading, or the `<summary>` when folded. */
  title: string;
  /** Header and delimiter lines. */
  header: string;
  /** Rows that may be cut from the end. */
  rows: string[];
  /** Rows always kept after the others (mean ± std). */
  trailer: string[];
  /** Lines under the table, always kept. */
  notes: string[];
}

export interface ReportCharts {
  title: string;
  intro: string;
  blocks: string[];
}

export interface ReportParts {
  /** The hidden comment marker; absent in the job summary. */
  marker: string | undefined;
  /** Heading, verdict, commits, notices, failing rules. */
  head: string;
  metrics: ReportTable;
  charts: ReportCharts | undefined;
  params: ReportTable | undefined;
  leaderboard: ReportTable | undefined;
  links: string | undefined;
  footer: string;
}

/** Where the report goes: its limit, how that limit counts, and what to say when cutting. */
export interface Audience {
  limit: number;
  measure: (text: string) => number;
  rowsLeftOut: (count: number) => string;
  chartsLeftOut: (count: number) => string;
  /** Shown instead of everything but the verdict when even the bare tables do not fit. */
  tooLong: string;
}

interface Plan {
  foldCharts: boolean;
  foldLeaderboard: boolean;
  charts: number;
  /** Rows kept of the metrics, params and leaderboard tables. */
  rows: [number, number, number];
  bare: boolean;
}

/** Charts open up to this many; more are folded to keep the page short. */
export const OPEN_CHARTS = 3;
/** Leaderboards open up to this many runs. */
export const OPEN_LEADERBOARD_ROWS = 10;

/** The report laid out to fit `audience.limit`, degrading step by step as described above. */
export function fitReport(parts: ReportParts, audience: Audience): string {
  const { limit } = audience;
  const size = sizer(audience.measure);
  const chartCount = parts.charts?.blocks.length ?? 0;
  const allRows: [number, number, number] = [
    parts.metrics.rows.length,
    parts.params?.rows.length ?? 0,
    parts.leaderboard?.rows.length ?? 0,
  ];
  const full: Plan = {
    foldCharts: chartCount > OPEN_CHARTS,
    foldLeaderboard: allRows[2] > OPEN_LEADERBOARD_ROWS,
    charts: chartCount,
    rows: allRows,
    bare: false,
  };
  let pieces = compose(parts, full, audience);
  if (size(pieces) <= limit) return pieces.join('');

  const folded: Plan = { ...full, foldCharts: true, foldLeaderboard: true, charts: 0 };
  pieces = compose(parts, folded, audience);
  if (size(pieces) <= limit) {
    // As many charts as fit, in table order (most changed first). Each further chart adds a
    // separator and itself, and changes the "N more" note: sizes add up without re-composing.
    const blocks = parts.charts?.blocks ?? [];
    const note = (left: number): number => (left > 0 ? size(['\n\n', audience.chartsLeftOut(left)]) : 0);
    let charts = 0;
    let total = chartCount > 0 ? size(compose(parts, { ...folded, charts: 1 }, audience)) : Infinity;
    if (total <= limit) charts = 1;
    while (charts > 0 && charts < chartCount) {
      const next = total + 2 + size([blocks[charts]!]) - note(chartCount - charts) + note(chartCount - charts - 1);
      if (next > limit) break;
      total = next;
      charts++;
    }
    if (charts === 0) return pieces.join('');
    let fitted = compose(parts, { ...folded, charts }, audience);
    // The sums are exact; this guards the invariant should a layout change break them.
    while (size(fitted) > limit && charts > 0) {
      charts--;
      fitted = compose(parts, { ...folded, charts }, audience);
    }
    return fitted.join('');
  }

  const cut: Plan = { ...folded, rows: [0, 0, 0] };
  pieces = compose(parts, cut, audience);
  const bareTables = size(pieces);
  if (bareTables <= limit) {
    // Rows add their own size and a line break; the "N more rows" notes only get shorter.
    let budget = limit - bareTables;
    const rows: [number, number, number] = [0, 0, 0];
    const tables = [parts.metrics.rows, parts.params?.rows ?? [], parts.leaderboard?.rows ?? []];
    tables.forEach((tableRows, index) => {
      let kept = 0;
      while (kept < tableRows.length) {
        const rowSize = size([tableRows[kept]!]) + 1;
        if (rowSize > budget) break;
        budget -= rowSize;
        kept++;
      }
      rows[index] = kept;
    });
    let fitted = compose(parts, { ...cut, rows }, audience);
    while (size(fitted) > limit && rows.some((count) => count > 0)) {
      const last = rows.findLastIndex((count) => count > 0);
      rows[last] = rows[last]! - 1;
      fitted = compose(parts, { ...cut, rows }, audience);
    }
    return fitted.join('');
  }

  const text = compose(parts, { ...cut, bare: true }, audience).join('');
  return audience.measure(text) <= limit ? text : hardCut(text, audience);
}

/**
 * The size of a text given as pieces, each big piece measured once: fitting tries several
 * layouts of the same rows and charts, and must not re-measure a megabyte each time.
 */
function sizer(measure: (text: string) => number): (pieces: readonly string[]) => number {
  const cache = new Map<string, number>();
  return (pieces) => {
    let total = 0;
    for (const piece of pieces) {
      if (piece.length < 256) {
        total += measure(piece);
        continue;
      }
      let known = cache.get(piece);
      if (known === undefined) cache.set(piece, (known = measure(piece)));
      total += known;
    }
    return total;
  };
}

/** The report as pieces whose concatenation is the text. */
function compose(parts: ReportParts, plan: Plan, audience: Audience): string[] {
  const out: string[] = [];
  const block = (text: string): void => {
    if (out.length > 0) out.push('\n\n');
    out.push(text);
  };
  if (parts.marker !== undefined) block(parts.marker);
  block(parts.head);
  if (plan.bare) {
    block(audience.tooLong);
  } else {
    table(out, parts.metrics, plan.rows[0], false, audience);
    if (parts.charts !== undefined && parts.charts.blocks.length > 0) charts(out, parts.charts, plan, audience);
    if (parts.params !== undefined) table(out, parts.params, plan.rows[1], false, audience);
    if (parts.leaderboard !== undefined) table(out, parts.leaderboard, plan.rows[2], plan.foldLeaderboard, audience);
    if (parts.links !== undefined) block(parts.links);
  }
  block(parts.footer);
  out.push('\n');
  return out;
}

function table(out: string[], part: ReportTable, rows: number, fold: boolean, audience: Audience): void {
  open(out, part.title, fold);
  out.push(part.header);
  const kept = Math.min(rows, part.rows.length);
  for (let i = 0; i < kept; i++) out.push('\n', part.rows[i]!);
  for (const row of part.trailer) out.push('\n', row);
  for (const note of part.notes) out.push('\n\n', note);
  const left = part.rows.length - kept;
  if (left > 0) out.push('\n\n', audience.rowsLeftOut(left));
  close(out, fold);
}

function charts(out: string[], part: ReportCharts, plan: Plan, audience: Audience): void {
  const kept = Math.min(plan.charts, part.blocks.length);
  const left = part.blocks.length - kept;
  if (kept === 0) {
    open(out, part.title, false);
    out.push(audience.chartsLeftOut(left));
    return;
  }
  open(out, part.title, plan.foldCharts);
  out.push(part.intro);
  for (let i = 0; i < kept; i++) out.push('\n\n', part.blocks[i]!);
  if (left > 0) out.push('\n\n', audience.chartsLeftOut(left));
  close(out, plan.foldCharts);
}

/** Starts a section: a heading, or a folded `<details>` whose summary is the title. */
function open(out: string[], title: string, fold: boolean): void {
  if (out.length > 0) out.push('\n\n');
  out.push(fold ? `<details><summary>${title}</summary>\n\n` : `#### ${title}\n\n`);
}

function close(out: string[], fold: boolean): void {
  if (fold) out.push('\n\n</details>');
}

/** Last resort for an absurdly small limit: cut at a line break and say so. */
function hardCut(text: string, audience: Audience): string {
  const note = `\n\n${audience.tooLong}\n`;
  let end = Math.max(0, audience.limit - audience.measure(note));
  // Bytes can exceed characters; shrink until the measure agrees.
  while (end > 0 && audience.measure(text.slice(0, end)) + audience.measure(note) > audience.limit) {
    end = Math.floor(end * 0.9);
  }
  const lineEnd = text.lastIndexOf('\n', end);
  const kept = text.slice(0, lineEnd > 0 ? lineEnd : end);
  const result = `${kept}${note}`;
  return audience.measure(result) <= audience.limit ? result : result.slice(0, Math.max(0, audience.limit));
}
