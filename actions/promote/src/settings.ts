import {
  UserError,
  checkLiveRules,
  parseCanarySteps,
  parseRules,
  parseSemver,
  validateModelName,
  validateStageName,
  type Rule,
} from '@ml-actions/core';
import type { ActionInputs } from '@ml-actions/github';
import { checkRegistryNames, readTrackingSettings, type TrackingSettings } from '@ml-actions/mlflow';

export const STRATEGIES = ['direct', 'canary'] as const;

/** promote's inputs, validated once: nothing is recorded before all of them are known good. */
export interface PromoteSettings {
  name: string;
  /** `latest`, or a semver version without the `v`. */
  version: string;
  stage: string;
  strategy: (typeof STRATEGIES)[number];
  /** Traffic percentages, ending at 100; `[100]` for a direct rollout. */
  steps: number[];
  command: string;
  timeoutMinutes: number | undefined;
  waitSeconds: number;
  metrics: string[];
  rules: Rule[];
  rollback: boolean;
  environmentUrl: string | undefined;
  /** MLflow's registry: the alias named after the stage follows the version; undefined without a server. */
  mlflow: { tracking: TrackingSettings; registeredName: string } | undefined;
  token: string | undefined;
  waitScale: number;
}

export function readPromoteSettings(inputs: ActionInputs): PromoteSettings {
  const version = inputs.required('version').replace(/^v(?=[0-9])/, '');
  if (version !== 'latest' && parseSemver(version) === undefined) {
    throw new UserError(`input "version": ${JSON.stringify(version)} is neither \`latest\` nor a semantic version`);
  }
  const strategy = inputs.choice('strategy', STRATEGIES);
  const stepsText = inputs.optional('steps');
  if (strategy === 'direct' && stepsText !== undefined) {
    throw new UserError('input "steps" is for `strategy: canary`; a direct rollout goes to 100 % at once');
  }
  const rulesText = inputs.optional('rules');
  const rules = rulesText === undefined ? [] : parseRules(rulesText, 'input "rules"');
  checkLiveRules(rules);
  const metrics = inputs.list('metrics');
  if (rules.length > 0 && metrics.length === 0) {
    throw new UserError('input "rules" needs input "metrics": the files the rules judge after each step');
  }
  const name = validateModelName(inputs.required('name'));
  const stage = validateStageName(inputs.required('stage'));
  const tracking = readTrackingSettings(inputs);
  const registeredName = inputs.optional('mlflow-register') ?? name;
  if (tracking !== undefined) {
    if (!/^[A-Za-z0-9_-]{1,255}$/.test(stage)) {
      throw new UserError(
        `input "stage": ${JSON.stringify(stage)} names the MLflow alias too, which takes only letters, digits, _ and -`,
      );
    }
    checkRegistryNames(registeredName, stage, { name: 'mlflow-register', alias: 'stage' });
  }
  return {
    name,
    version,
    stage,
    strategy,
    steps: strategy === 'direct' ? [100] : parseCanarySteps(stepsText ?? '10,25,50,100'),
    command: inputs.required('command'),
    timeoutMinutes: inputs.optionalInteger('timeout-minutes', { min: 1, max: 360 }),
    waitSeconds: inputs.integer('wait-seconds', { min: 0, max: 3600 }),
    metrics,
    rules,
    rollback: inputs.boolean('rollback'),
    environmentUrl: inputs.optionalUrl('environment-url'),
    mlflow: tracking === undefined ? undefined : { tracking, registeredName },
    token: inputs.secret('github-token'),
    waitScale: inputs.retryWaitScale(),
  };
}
