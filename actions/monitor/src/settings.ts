import {
  UserError,
  checkLiveRules,
  parseRules,
  validateModelName,
  validateStageName,
  type Rule,
} from '@ml-actions/core';
import type { ActionInputs } from '@ml-actions/github';

/** monitor's inputs, validated once. */
export interface MonitorSettings {
  name: string;
  stage: string;
  /** `auto` (the version in the stage, through its package manifest), or paths: a run record or manifest (.json), or data. */
  reference: 'auto' | string[];
  data: string[];
  /** Columns to compare; undefined for every column of the reference. */
  columns: string[] | undefined;
  metrics: string[];
  rules: Rule[];
  alpha: number;
  issue: boolean;
  labels: string[];
  /** A workflow file to dispatch on a new alarm; undefined for none. */
  retrainWorkflow: string | undefined;
  failOnAlarm: boolean;
  token: string | undefined;
}

export function readMonitorSettings(inputs: ActionInputs): MonitorSettings {
  const reference = inputs.list('reference');
  const data = inputs.list('data');
  if (data.length === 0) throw new UserError('input "data": name the production data files (CSV, TSV, JSON Lines)');
  const rulesText = inputs.optional('rules');
  const rules = rulesText === undefined ? [] : parseRules(rulesText, 'input "rules"');
  checkLiveRules(rules, 'rules', 'production metrics');
  const retrain = inputs.optional('retrain-workflow');
  if (retrain !== undefined && !/^[A-Za-z0-9._-]+\.ya?ml$|^\d+$/.test(retrain.replace(/^\.github\/workflows\//, ''))) {
    throw new UserError(
      `input "retrain-workflow": ${JSON.stringify(retrain)} is not a workflow file name such as retrain.yml (or .github/workflows/retrain.yml)`,
    );
  }
  const columns = inputs.list('columns');
  return {
    name: validateModelName(inputs.required('name')),
    stage: validateStageName(inputs.required('stage')),
    reference: reference.length === 0 || (reference.length === 1 && reference[0] === 'auto') ? 'auto' : reference,
    data,
    columns: columns.length === 0 ? undefined : columns,
    metrics: inputs.list('metrics'),
    rules,
    alpha: inputs.fraction('alpha'),
    issue: inputs.boolean('issue'),
    labels: inputs.list('labels'),
    retrainWorkflow: retrain?.replace(/^\.github\/workflows\//, ''),
    failOnAlarm: inputs.boolean('fail-on-alarm'),
    token: inputs.secret('github-token'),
  };
}
