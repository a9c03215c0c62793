import { UserError } from '@ml-actions/core';
import { booleanInput, listInput, optionalInput, secretInput } from '@ml-actions/github';

/** gate's inputs, validated once. */
export interface GateSettings {
  rules: string | undefined;
  rulesFile: string | undefined;
  run: string[];
  baseline: string;
  requireBaseline: boolean;
  token: string | undefined;
  checkName: string | undefined;
  fail: boolean;
}

/** Reads and checks every input; a bad one is a UserError naming it. */
export function readGateSettings(): GateSettings {
  const settings: GateSettings = {
    rules: optionalInput('rules'),
    rulesFile: optionalInput('rules-file'),
    run: listInput('run'),
    baseline: optionalInput('baseline') ?? 'auto',
    requireBaseline: booleanInput('require-baseline', false),
    token: secretInput('github-token'),
    checkName: optionalInput('check-name'),
    fail: booleanInput('fail', true),
  };
  if (settings.rules === undefined && settings.rulesFile === undefined) {
    throw new UserError('gate needs rules: set input "rules" or "rules-file"');
  }
  return settings;
}
