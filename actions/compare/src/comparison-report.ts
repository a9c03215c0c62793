import {
  evaluateRules,
  parseRules,
  renderComparison,
  type ComparisonReport,
  withUnjudgedLegs,
  type GateResult,
  type HistoryNoiseLookup,
  type ModelPackageLink,
  type RunRecord,
  type TrendPageLink,
  type UnjudgedLeg,
} from '@ml-actions/core';
import type { CompareSettings } from './settings.ts';

/** How the comparison is shown: the settings of compare that shape the report. */
export type ReportOptions = Pick<
  CompareSettings,
  'precision' | 'charts' | 'onlyChanged' | 'metrics' | 'higherIsBetter' | 'lowerIsBetter' | 'rankBy' | 'alpha'
>;

/** The report options of compare's settings. */
export function reportOptions(settings: CompareSettings): ReportOptions {
  const { precision, charts, onlyChanged, metrics, higherIsBetter, lowerIsBetter, rankBy, alpha } = settings;
  return { precision, charts, onlyChanged, metrics, higherIsBetter, lowerIsBetter, rankBy, alpha };
}

export interface ReportParts {
  runs: RunRecord[];
  baseline: { records: RunRecord[]; sha: string; url?: string | undefined; notice?: string | undefined } | undefined;
  /** Rules as text (already checked once, by loadRules or the bundle's parse). */
  rules: string | undefined;
  /** Legs of the workflow run without a usable record: shown, and failing the gate as gate fails them. */
  unjudged?: readonly UnjudgedLeg[];
  key: string;
  options: ReportOptions;
  /** The noise of a single run from the base branch's history, for sides with one run. */
  historyNoise?: HistoryNoiseLookup | undefined;
  /** Where links point: the runner's own context (GITHUB_SERVER_URL, GITHUB_REPOSITORY), never a record's claim. */
  links: {
    serverUrl: string;
    repository: string;
    workflowRun: string;
    commit?: string | undefined;
    trendPage?: TrendPageLink | undefined;
    /** The baseline commit's model version (input `model`). */
    modelPackage?: ModelPackageLink | undefined;
  };
}

/** Judges the rules (when there are any) and renders the comparison: the one rendering path of every mode. */
export function buildReport(parts: ReportParts): { report: ComparisonReport; gate: GateResult | undefined } {
  const rules = parts.rules === undefined ? undefined : parseRules(parts.rules);
  const unjudged = parts.unjudged ?? [];
  const gate =
    rules === undefined
      ? undefined
      : withUnjudgedLegs(
          evaluateRules(rules, {
            runs: parts.runs,
            baseline: parts.baseline?.records,
            requireBaseline: false,
            alpha: parts.options.alpha,
            historyNoise: parts.historyNoise,
          }),
          unjudged,
        );
  const { options } = parts;
  const report = renderComparison({
    runs: parts.runs,
    baseline: parts.baseline,
    gate,
    rules,
    key: parts.key,
    precision: options.precision,
    charts: options.charts,
    onlyChanged: options.onlyChanged,
    metrics: options.metrics,
    directions: { higherIsBetter: options.higherIsBetter, lowerIsBetter: options.lowerIsBetter },
    rankBy: options.rankBy,
    alpha: options.alpha,
    historyNoise: parts.historyNoise,
    unjudged,
    links: {
      workflowRun: parts.links.workflowRun,
      trendPage: parts.links.trendPage,
      modelPackage: parts.links.modelPackage,
    },
    serverUrl: parts.links.serverUrl,
    repository: parts.links.repository,
    commit: parts.links.commit,
  });
  return { report, gate };
}
