import { UserError, validateModelName } from '@ml-actions/core';
import { parseBaselineSpec, type ActionInputs, type BaselineSpec } from '@ml-actions/github';
import { readBaselineTracking, type TrackingSettings } from '@ml-actions/mlflow';

export const COMPARE_MODES = ['comment', 'collect', 'publish'] as const;
export type CompareMode = (typeof COMPARE_MODES)[number];

/** compare's inputs, validated once. */
export interface CompareSettings {
  run: string[];
  baseline: BaselineSpec;
  /** The tracking server of `baseline: mlflow`; undefined for any other baseline. */
  mlflow: TrackingSettings | undefined;
  /** Scales MLflow's retry waits as the GitHub client's are. */
  waitScale: number;
  /** The history branch to fall back to for a baseline; undefined reads none. */
  historyBranch: string | undefined;
  /** How many of the newest history entries give the noise of a single run; 0 reads none. */
  history: number;
  rules: string | undefined;
  rulesFile: string | undefined;
  token: string | undefined;
  mode: CompareMode;
  commentKey: string | undefined;
  /** publish's check run (the key is appended); undefined skips it. */
  checkName: string | undefined;
  charts: boolean;
  precision: number;
  onlyChanged: boolean;
  /** Metric-name globs; `!` before one leaves it out. Empty: every metric. */
  metrics: string[];
  higherIsBetter: string[];
  lowerIsBetter: string[];
  rankBy: string | undefined;
  /** Significance level of the verdicts and of `significant` rules, 0 < alpha < 1. */
  alpha: number;
  /** The trend page's address; undefined: looked up from GitHub Pages when there is a history branch. */
  trendPage: string | undefined;
  /** The model's name as package tags its versions; with one, the baseline commit's version is linked. */
  model: string | undefined;
}

/** Reads and checks every input; a bad one is a UserError naming it. */
export function readCompareSettings(inputs: ActionInputs): CompareSettings {
  const baseline = parseBaselineSpec(inputs.required('baseline'));
  return {
    run: inputs.list('run'),
    baseline,
    mlflow: readBaselineTracking(inputs, baseline.kind === 'mlflow'),
    waitScale: inputs.retryWaitScale(),
    historyBranch: inputs.optional('history-branch'),
    history: inputs.integer('history', { min: 0, max: 1000 }),
    rules: inputs.optional('rules'),
    rulesFile: inputs.optional('rules-file'),
    token: inputs.secret('github-token'),
    mode: inputs.choice('mode', COMPARE_MODES),
    commentKey: inputs.optional('comment-key'),
    checkName: inputs.optional('check-name'),
    charts: inputs.boolean('charts'),
    precision: inputs.integer('precision', { min: 1, max: 17 }),
    onlyChanged: inputs.boolean('only-changed'),
    metrics: nameList(inputs, 'metrics'),
    higherIsBetter: nameList(inputs, 'higher-is-better'),
    lowerIsBetter: nameList(inputs, 'lower-is-better'),
    rankBy: inputs.optional('rank-by'),
    alpha: inputs.fraction('alpha'),
    trendPage: inputs.optionalUrl('trend-page'),
    model: optionalModelName(inputs.optional('model')),
  };
}

function optionalModelName(name: string | undefined): string | undefined {
  return name === undefined ? undefined : validateModelName(name);
}

/** Names or globs, one a line or separated by commas (`accuracy, loss, !val_*`). */
function nameList(inputs: ActionInputs, name: string): string[] {
  const names = inputs
    .list(name)
    .flatMap((line) => line.split(','))
    .map((item) => item.trim())
    .filter((item) => item !== '');
  const bare = names.find((item) => item === '!');
  if (bare !== undefined) throw new UserError(`input "${name}" has a "!" with no metric name after it`);
  return names;
}
