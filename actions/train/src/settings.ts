import { UserError } from '@ml-actions/core';
import { booleanInput, listInput, optionalInput } from '@ml-actions/github';

/** train's inputs, validated once. */
export interface TrainSettings {
  command: string | undefined;
  workingDirectory: string;
  metrics: string[];
  params: string[];
  data: string[];
  experiment: string | undefined;
  matrix: Record<string, unknown>;
  upload: boolean;
  /** Param, flag and matrix names (or globs) whose values are recorded as `***`, besides credential-like ones. */
  redact: string[];
}

/** Reads and checks every input; a bad one is a UserError naming it. */
export function readTrainSettings(): TrainSettings {
  return {
    command: optionalInput('command'),
    workingDirectory: optionalInput('working-directory') ?? '.',
    metrics: listInput('metrics'),
    params: listInput('params'),
    data: listInput('data'),
    experiment: optionalInput('experiment'),
    matrix: parseMatrix(optionalInput('matrix')),
    upload: booleanInput('upload', true),
    redact: listInput('redact'),
  };
}

function parseMatrix(text: string | undefined): Record<string, unknown> {
  if (text === undefined || text === 'null') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UserError('input "matrix" must be JSON, as `${{ toJSON(matrix) }}` gives');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UserError('input "matrix" must be a JSON object, as `${{ toJSON(matrix) }}` gives');
  }
  return value as Record<string, unknown>;
}
