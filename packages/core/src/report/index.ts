/** The comparison report: what `compare` posts as a comment and writes as the job summary. */

export {
  commentKeyName,
  compareMarker,
  renderComparison,
  DEFAULT_ALPHA,
  DEFAULT_PRECISION,
  MAX_COMMENT_CHARS,
  MAX_SUMMARY_BYTES,
  type ComparisonBaseline,
  type ComparisonInput,
  type ComparisonLinks,
  type ComparisonReport,
  type ModelPackageLink,
  type TrendPageLink,
} from './render-comparison.ts';
export { MAX_TREND_LINKS } from './report-sections.ts';
export {
  COMPARISON_SCHEMA,
  COMPARISON_VERSION,
  type ComparisonJson,
  type ComparisonJsonLeaderboard,
  type ComparisonJsonRow,
  type ComparisonJsonSample,
} from './comparison-json.ts';
export { groupExperiments, type ExperimentGroup } from './experiment-groups.ts';
export { buildLeaderboard, type Leaderboard, type LeaderboardEntry, type LeaderboardOptions } from './leaderboard.ts';
export { metricSelection } from './metric-selection.ts';
export { escapeMermaidLabel } from './mermaid-escape.ts';
export { tableHeader, tableRow, type ColumnAlign, type TableColumn } from './markdown-table.ts';
export {
  directionResolver,
  isSystemValue,
  metricDirection,
  ruleDirections,
  type DirectionPatterns,
  type DirectionSource,
  type MetricDirection,
  type ResolvedDirection,
} from './metric-direction.ts';
export {
  compareMetrics,
  compareSamples,
  type GateMark,
  type MetricRow,
  type RowOptions,
  type RowStatus,
} from './metric-rows.ts';
export { comparisonVerdict, countStatuses, type ComparisonVerdict, type StatusCounts } from './verdict.ts';
export {
  formatNumber,
  formatPercent,
  formatPValue,
  formatSigned,
  plainDecimal,
  toJsonNumber,
  type JsonNumber,
} from './number-format.ts';
export { chartGrid, downsampleToGrid, MAX_CHART_POINTS, type ChartGrid, type PointSeries } from './downsample.ts';
export { renderLearningCurve, type CurveSeries } from './learning-curve.ts';
export { utf8Length } from './text-size.ts';
export { chartFrontmatter, contrastRatio, seriesColour, SERIES_COLOURS, type SeriesColour } from './chart-palette.ts';
