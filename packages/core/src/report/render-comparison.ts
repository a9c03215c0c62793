/**
 * The comparison report of a pull request's runs against the baseline: the sticky comment
 * (within GitHub's comment limit), the job summary (everything, within 1 MiB) and the same
 * comparison as JSON. Pure: no I/O.
 */

import type { HistoryNoiseLookup } from '../history/history-noise.ts';
import { createHash } from 'node:crypto';
import type { GateResult } from '../gate/gate-result.ts';
import type { UnjudgedLeg } from '../gate/unjudged-legs.ts';
import type { Rule } from '../gate/rule.ts';
import type { RunRecord } from '../record/run-record.ts';
import { comparisonJson, type ComparisonJson } from './comparison-json.ts';
import { fitReport, type Audience, type ReportParts } from './fit-report.ts';
import { groupExperiments, type ExperimentGroup } from './experiment-groups.ts';
import { buildLeaderboard } from './leaderboard.ts';
import { directionResolver, type DirectionPatterns } from './metric-direction.ts';
import { compareMetrics } from './metric-rows.ts';
import { metricSelection } from './metric-selection.ts';
import { changedParams } from './param-changes.ts';
import {
  chartsSection,
  FOOTER,
  leaderboardTable,
  linksSection,
  metricsTable,
  paramsTable,
  renderHead,
  type TrendPageSection,
} from './report-sections.ts';
import { utf8Length } from './text-size.ts';
import { comparisonVerdict, countStatuses } from './verdict.ts';

export interface ComparisonBaseline {
  records: RunRecord[];
  /** The baseline commit. */
  sha: string;
  /** A page about the baseline (its workflow run). */
  url?: string | undefined;
  /** Why this baseline (e.g. "no record for the merge base; used abc1234 from 3 days earlier"). */
  notice?: string | undefined;
}

export interface ModelPackageLink {
  name: string;
  version: string;
  url?: string | undefined;
}

/** The trend page of the history branch, as GitHub Pages serves it (or input `trend-page` names it). */
export interface TrendPageLink {
  url: string;
  /** The repository's default branch, whose history the page shows. */
  branch?: string | undefined;
}

export interface ComparisonLinks {
  workflowRun?: string | undefined;
  modelPackage?: ModelPackageLink | undefined;
  /**
   * A line near the end links the trend page and, for a few experiments, each one's point of the
   * baseline commit. Only experiments of the baseline are linked, named as its records name them:
   * the history holds the default branch's experiments, and a pull request's names stay out of links.
   */
  trendPage?: TrendPageLink | undefined;
}

export interface ComparisonInput {
  /** This PR's runs: one, or several for a matrix or seeds; runs of one experiment are its replicates. */
  runs: readonly RunRecord[];
  baseline: ComparisonBaseline | undefined;
  gate?: GateResult | undefined;
  /** The rules the gate judged: they declare which way is good for their metrics. */
  rules?: readonly Rule[] | undefined;
  /** Inputs `higher-is-better` and `lower-is-better`: metric-name globs. */
  directions?: DirectionPatterns | undefined;
  /** Input `metrics`: globs of the metrics compared, `!` before one to leave it out; default all. */
  metrics?: readonly string[] | undefined;
  /** Input `rank-by`: the leaderboard's metric; default the first rule's, else the first key metric. */
  rankBy?: string | undefined;
  /** Significance level of the verdicts; default 0.05. */
  alpha?: number | undefined;
  /** The noise of a single run from the base branch's history, for sides with one run. */
  historyNoise?: HistoryNoiseLookup | undefined;
  /** Legs of the workflow run whose runs are not here (failed before writing a record, or unusable). */
  unjudged?: readonly UnjudgedLeg[] | undefined;
  /** The comment key: one sticky comment per PR and key. */
  key: string;
  /** Significant digits shown; default 4. */
  precision?: number | undefined;
  /** Learning curves; default true. */
  charts?: boolean | undefined;
  /** Hide metrics that did not change; default false. */
  onlyChanged?: boolean | undefined;
  links?: ComparisonLinks | undefined;
  /** `owner/repo` for commit links; default: the first run's provenance. */
  repository?: string | undefined;
  /** e.g. `https://github.com`; default: the first run's provenance. */
  serverUrl?: string | undefined;
  /** The commit the runs are of; default: the first run's provenance. */
  commit?: string | undefined;
  /** Default 65,536 (GitHub's limit for a comment body). */
  maxCommentChars?: number | undefined;
  /** Default 1 MiB (GitHub's limit for a step's job summary). */
  maxSummaryBytes?: number | undefined;
}

export interface ComparisonReport {
  /** The sticky comment's body, starting with `compareMarker(key)`. */
  comment: string;
  /** The job summary: the full report. */
  summary: string;
  json: ComparisonJson;
}

export const DEFAULT_PRECISION = 4;
export const DEFAULT_ALPHA = 0.05;
export const MAX_COMMENT_CHARS = 65_536;
export const MAX_SUMMARY_BYTES = 1024 * 1024;

const MARKER_PREFIX = 'ml-actions:compare:';

/** Longest key kept as it is in its marker. */
const PLAIN_KEY_CHARS = 64;

/**
 * The name of the comment key in its marker and file names. A short key of letters, digits, `.`,
 * `_` and single `-` is its own name; any other key is reduced to those (at most 48) and followed
 * by `~` and a hash of the whole key, so that two keys never share a comment (`a/b` and `a-b`, or
 * two long keys with the same start) and no key can close the HTML comment or forge another
 * marker. An empty key is `default`.
 */
export function commentKeyName(key: string): string {
  if (key === '') return 'default';
  if (key.length <= PLAIN_KEY_CHARS && /^[A-Za-z0-9._-]+$/.test(key) && !key.includes('--')) return key;
  const safe = key
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .slice(0, 48)
    .replace(/^-+|-+$/g, '');
  return `${safe}~${createHash('sha256').update(key).digest('hex').slice(0, 16)}`;
}

/** The hidden marker that finds the sticky comment of `key`. */
export function compareMarker(key: string): string {
  return `<!-- ${MARKER_PREFIX}${commentKeyName(key)} -->`;
}

/** Renders the comparison as a sticky comment, a job summary and JSON. */
export function renderComparison(input: ComparisonInput): ComparisonReport {
  const precision = input.precision ?? DEFAULT_PRECISION;
  const runs = input.runs;
  const baselineRecords = input.baseline?.records ?? [];
  const hasBaseline = baselineRecords.length > 0;
  const first = runs[0];
  const repository = input.repository ?? first?.provenance.repository;
  const serverUrl = input.serverUrl ?? first?.provenance.serverUrl;

  const alpha = input.alpha ?? DEFAULT_ALPHA;
  const rules = input.rules ?? [];
  const direction = directionResolver(rules, input.directions ?? { higherIsBetter: [], lowerIsBetter: [] });
  const selected = metricSelection(input.metrics ?? []);
  const groups = groupExperiments(runs, baselineRecords);

  const rows = compareMetrics(groups, input.gate, {
    precision,
    alpha,
    direction,
    selected,
    historyNoise: input.historyNoise,
  });
  const counts = countStatuses(rows);
  const verdict = comparisonVerdict(counts, hasBaseline, input.gate);
  const params = hasBaseline ? changedParams(runs, baselineRecords) : [];
  const leaderboard = buildLeaderboard(groups, { gate: input.gate, rules, rankBy: input.rankBy, direction, selected });
  const commit = input.commit ?? (first === undefined ? undefined : (first.provenance.headSha ?? first.provenance.sha));

  // A change within noise is no change to show: only-changed hides it with the unchanged ones.
  const visible =
    input.onlyChanged === true
      ? rows.filter((row) => (row.status !== 'unchanged' && row.status !== 'within-noise') || row.gate === 'fail')
      : rows;
  const metrics = metricsTable(visible, { precision, gate: input.gate !== undefined, hasBaseline, alpha });
  const hidden = rows.length - visible.length;
  if (hidden > 0) {
    metrics.notes.push(`_${hidden} unchanged ${hidden === 1 ? 'metric' : 'metrics'} (or within noise) hidden._`);
  }

  const baselineSha = input.baseline?.sha ?? '';
  const baselineLabel = `baseline ${/^[0-9a-f]{7,64}$/i.test(baselineSha) ? baselineSha.slice(0, 7) : ''}`.trim();
  const parts: ReportParts = {
    marker: compareMarker(input.key),
    head: renderHead({
      verdict,
      counts,
      gate: input.gate,
      current: { sha: commit, branch: first?.provenance.branch },
      baseline:
        input.baseline === undefined
          ? undefined
          : {
              sha: input.baseline.sha,
              branch: baselineRecords[0]?.provenance.branch,
              url: input.baseline.url,
              notice: input.baseline.notice,
            },
      workflowRun: input.links?.workflowRun,
      repository,
      serverUrl,
      unjudged: input.unjudged ?? [],
      significant: rows,
      precision,
    }),
    metrics,
    charts: input.charts === false ? undefined : chartsSection(visible, groups, baselineLabel, precision),
    params: paramsTable(params),
    leaderboard: leaderboard === undefined ? undefined : leaderboardTable(leaderboard, precision),
    links: linksSection(input.links?.modelPackage, trendPageSection(input.links?.trendPage, groups, baselineSha)),
    footer: FOOTER,
  };

  const comment = fitReport(parts, commentAudience(input.maxCommentChars ?? MAX_COMMENT_CHARS));
  const summary = fitReport(
    { ...parts, marker: undefined },
    summaryAudience(input.maxSummaryBytes ?? MAX_SUMMARY_BYTES),
  );
  const json = comparisonJson({
    key: input.key,
    verdict,
    commit,
    baseline:
      input.baseline === undefined
        ? undefined
        : {
            sha: input.baseline.sha,
            url: input.baseline.url,
            notice: input.baseline.notice,
            records: baselineRecords.length,
          },
    runs: runs.length,
    unjudged: input.unjudged ?? [],
    alpha,
    counts,
    gate: input.gate,
    rows,
    params,
    leaderboard,
  });
  return { comment, summary, json };
}

/** The trend page line's links: each experiment of the baseline at the baseline commit (a full sha only). */
function trendPageSection(
  link: TrendPageLink | undefined,
  groups: readonly ExperimentGroup[],
  baselineSha: string,
): TrendPageSection | undefined {
  if (link === undefined) return undefined;
  const commit = /^[0-9a-f]{40}$/i.test(baselineSha) ? baselineSha : undefined;
  const experiments = new Set(groups.flatMap((group) => group.baseline.map((record) => record.experiment)));
  return { url: link.url, branch: link.branch, points: [...experiments].map((experiment) => ({ experiment, commit })) };
}

function commentAudience(limit: number): Audience {
  return {
    limit,
    measure: (text) => text.length,
    rowsLeftOut: (count) =>
      `_${count} more ${count === 1 ? 'row' : 'rows'} left out to fit the comment; the job summary has them all._`,
    chartsLeftOut: (count) => `_${count} more learning ${count === 1 ? 'curve is' : 'curves are'} in the job summary._`,
    tooLong: '_The full report does not fit in a comment; see the job summary._',
  };
}

function summaryAudience(limit: number): Audience {
  return {
    limit,
    measure: utf8Length,
    rowsLeftOut: (count) =>
      `_${count} more ${count === 1 ? 'row' : 'rows'} left out to fit the job summary limit; the JSON report has them all._`,
    chartsLeftOut: (count) =>
      `_${count} more learning ${count === 1 ? 'curve' : 'curves'} left out to fit the job summary limit._`,
    tooLong: '_The full report does not fit in the job summary; see the JSON report._',
  };
}
