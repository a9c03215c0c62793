import type { ActionInputs } from '@ml-actions/github';

/** history's inputs, validated once. */
export interface HistorySettings {
  branch: string;
  run: string[];
  packageVersion: string | undefined;
  keep: number;
  page: boolean;
  token: string | undefined;
}

/** Reads and checks every input; a bad one is a UserError naming it. */
export function readHistorySettings(inputs: ActionInputs): HistorySettings {
  return {
    branch: inputs.required('branch'),
    run: inputs.list('run'),
    packageVersion: inputs.optional('package-version'),
    keep: inputs.integer('keep', { min: 10, max: 100_000 }),
    page: inputs.boolean('page'),
    token: inputs.secret('github-token'),
  };
}
