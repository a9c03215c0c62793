export { chiSquaredHomogeneity, chiSquaredSurvival, type ChiSquaredTest } from './chi-squared.ts';
export {
  binnedKsStatistic,
  binnedWasserstein,
  compareColumns,
  ProductionColumns,
  type ColumnDrift,
  type DriftReference,
  type DriftReport,
} from './column-drift.ts';
export { checkDataProfile } from './data-profile-check.ts';
export {
  ColumnCollector,
  ColumnValues,
  DATA_PROFILE_VERSION,
  MAX_DISTINCT_VALUES,
  numericProfile,
  PROFILE_BINS,
  profileColumns,
  type CategoricalProfile,
  type ColumnProfile,
  type DataProfile,
  type NumericProfile,
} from './data-profile.ts';
export { dataFormat, readDataRows, type CellSink, type DataSink } from './data-rows.ts';
export { jensenShannonDistance, populationStabilityIndex, wassersteinDistance } from './distribution-distances.ts';
export {
  kolmogorovSurvival,
  ksStatistic,
  ksTest,
  ksTwoSample,
  smirnovSurvival,
  type KsTest,
} from './kolmogorov-smirnov.ts';
export {
  driftValues,
  measureDrift,
  profileDataFiles,
  readDataFiles,
  resolveDataFiles,
  type DataFile,
} from './measure-drift.ts';
export { driftOutput, isAlarm, monitorHeadline, renderMonitorReport, type MonitorView } from './monitor-report.ts';
