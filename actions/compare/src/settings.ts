import { parseBaselineSpec, type ActionInputs, type BaselineSpec } from '@ml-actions/github';

export const COMPARE_MODES = ['comment', 'collect', 'publish'] as const;
export type CompareMode = (typeof COMPARE_MODES)[number];

/** compare's inputs, validated once. */
export interface CompareSettings {
  run: string[];
  baseline: BaselineSpec;
  rules: string | undefined;
  rulesFile: string | undefined;
  /** The significance level of `significant` rules. */
  alpha: number;
  token: string | undefined;
  mode: CompareMode;
  commentKey: string | undefined;
  /** publish's check run (the key is appended); undefined skips it. */
  checkName: string | undefined;
  charts: boolean;
  precision: number;
  onlyChanged: boolean;
}

/** Reads and checks every input; a bad one is a UserError naming it. */
export function readCompareSettings(inputs: ActionInputs): CompareSettings {
  return {
    run: inputs.list('run'),
    baseline: parseBaselineSpec(inputs.required('baseline')),
    rules: inputs.optional('rules'),
    rulesFile: inputs.optional('rules-file'),
    alpha: inputs.fraction('alpha'),
    token: inputs.secret('github-token'),
    mode: inputs.choice('mode', COMPARE_MODES),
    commentKey: inputs.optional('comment-key'),
    checkName: inputs.optional('check-name'),
    charts: inputs.boolean('charts'),
    precision: inputs.integer('precision', { min: 1, max: 17 }),
    onlyChanged: inputs.boolean('only-changed'),
  };
}
