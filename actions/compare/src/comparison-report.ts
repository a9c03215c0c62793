import {
  evaluateRules,
  parseRules,
  renderComparison,
  type ComparisonReport,
  type GateResult,
  type RunRecord,
} from '@ml-actions/core';

export interface ReportParts {
  runs: RunRecord[];
  baseline: { records: RunRecord[]; sha: string; url?: string | undefined; notice?: string | undefined } | undefined;
  /** Rules as text (already checked once, by loadRules or the bundle's parse). */
  rules: string | undefined;
  key: string;
  options: { precision: number; charts: boolean; onlyChanged: boolean; alpha: number };
  /** Where links point: the runner's own context (GITHUB_SERVER_URL, GITHUB_REPOSITORY), never a record's claim. */
  links: { serverUrl: string; repository: string; workflowRun: string; commit?: string | undefined };
}

/** Judges the rules (when there are any) and renders the comparison: the one rendering path of every mode. */
export function buildReport(parts: ReportParts): { report: ComparisonReport; gate: GateResult | undefined } {
  const gate =
    parts.rules === undefined
      ? undefined
      : evaluateRules(parseRules(parts.rules), {
          runs: parts.runs,
          baseline: parts.baseline?.records,
          requireBaseline: false,
          alpha: parts.options.alpha,
        });
  const report = renderComparison({
    runs: parts.runs,
    baseline: parts.baseline,
    gate,
    key: parts.key,
    precision: parts.options.precision,
    charts: parts.options.charts,
    onlyChanged: parts.options.onlyChanged,
    links: { workflowRun: parts.links.workflowRun },
    serverUrl: parts.links.serverUrl,
    repository: parts.links.repository,
    commit: parts.links.commit,
  });
  return { report, gate };
}
