import { UserError } from '@ml-actions/core';
import { parseBaselineSpec, type ActionInputs, type BaselineSpec } from '@ml-actions/github';
import { readBaselineTracking, type TrackingSettings } from '@ml-actions/mlflow';

/** gate's inputs, validated once. */
export interface GateSettings {
  rules: string | undefined;
  rulesFile: string | undefined;
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
  requireBaseline: boolean;
  /** The significance level of `significant` rules. */
  alpha: number;
  token: string | undefined;
  checkName: string | undefined;
  fail: boolean;
}

/** Reads and checks every input; a bad one is a UserError naming it. */
export function readGateSettings(inputs: ActionInputs): GateSettings {
  const baseline = parseBaselineSpec(inputs.required('baseline'));
  const settings: GateSettings = {
    rules: inputs.optional('rules'),
    rulesFile: inputs.optional('rules-file'),
    run: inputs.list('run'),
    baseline,
    mlflow: readBaselineTracking(inputs, baseline.kind === 'mlflow'),
    waitScale: inputs.retryWaitScale(),
    historyBranch: inputs.optional('history-branch'),
    history: inputs.integer('history', { min: 0, max: 1000 }),
    requireBaseline: inputs.boolean('require-baseline'),
    alpha: inputs.fraction('alpha'),
    token: inputs.secret('github-token'),
    checkName: inputs.optional('check-name'),
    fail: inputs.boolean('fail'),
  };
  if (settings.rules === undefined && settings.rulesFile === undefined) {
    throw new UserError('gate needs rules: set input "rules" or "rules-file"');
  }
  return settings;
}
