import { booleanInput, choiceInput, integerInput, listInput, optionalInput, secretInput } from '@ml-actions/github';

export const COMPARE_MODES = ['comment', 'collect', 'publish'] as const;
export type CompareMode = (typeof COMPARE_MODES)[number];

/** compare's inputs, validated once. */
export interface CompareSettings {
  run: string[];
  baseline: string;
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
}

/** Reads and checks every input; a bad one is a UserError naming it. */
export function readCompareSettings(): CompareSettings {
  return {
    run: listInput('run'),
    baseline: optionalInput('baseline') ?? 'auto',
    rules: optionalInput('rules'),
    rulesFile: optionalInput('rules-file'),
    token: secretInput('github-token'),
    mode: choiceInput('mode', COMPARE_MODES, 'comment'),
    commentKey: optionalInput('comment-key'),
    checkName: optionalInput('check-name'),
    charts: booleanInput('charts', true),
    precision: integerInput('precision', 4, { min: 1, max: 17 }),
    onlyChanged: booleanInput('only-changed', false),
  };
}
