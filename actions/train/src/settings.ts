import { REDACTED, UserError, isCredentialName, isPlainObject } from '@ml-actions/core';
import type { ActionInputs } from '@ml-actions/github';

/** train's inputs, validated once. */
export interface TrainSettings {
  command: string | undefined;
  workingDirectory: string;
  metrics: string[];
  params: string[];
  data: string[];
  experiment: string | undefined;
  matrix: Record<string, unknown>;
  /** The matrix key whose values tell replicates of one experiment apart (`seed`); undefined for none. */
  replicateKey: string | undefined;
  upload: boolean;
  /** Param, flag and matrix names (or globs) whose values are recorded as `***`, besides credential-like ones. */
  redact: string[];
  /** Minutes the command may run before its processes are stopped; undefined for no limit. */
  timeoutMinutes: number | undefined;
}

/** Reads and checks every input; a bad one is a UserError naming it. */
export function readTrainSettings(inputs: ActionInputs): TrainSettings {
  const redact = inputs.list('redact');
  const matrix = parseMatrix(inputs.optional('matrix'));
  return {
    command: inputs.optional('command'),
    workingDirectory: inputs.required('working-directory'),
    metrics: inputs.list('metrics'),
    params: inputs.list('params'),
    data: inputs.list('data'),
    experiment: inputs.optional('experiment'),
    // Matrix values are recorded and shown (the default experiment name holds them), never run.
    matrix: Object.fromEntries(
      Object.entries(matrix).map(([key, value]) => [key, isCredentialName(key, redact) ? REDACTED : value]),
    ),
    replicateKey: inputs.optional('replicate-key'),
    upload: inputs.boolean('upload'),
    redact,
    timeoutMinutes: parseTimeoutMinutes(inputs.optional('timeout-minutes')),
  };
}

/** Plain decimal notation only, so that `0x10`, `1e3` or `Infinity` are not read as minutes. */
const DECIMAL = /^(\d+(\.\d*)?|\.\d+)$/;

function parseTimeoutMinutes(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const minutes = DECIMAL.test(text) ? Number(text) : NaN;
  if (!(minutes > 0)) {
    throw new UserError(
      `input "timeout-minutes" must be a positive number of minutes such as 30 or 0.5, got ${JSON.stringify(text)}`,
    );
  }
  return minutes;
}

function parseMatrix(text: string | undefined): Record<string, unknown> {
  if (text === undefined || text === 'null') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UserError('input "matrix" must be JSON, as `${{ toJSON(matrix) }}` gives');
  }
  if (!isPlainObject(value)) {
    throw new UserError('input "matrix" must be a JSON object, as `${{ toJSON(matrix) }}` gives');
  }
  return value;
}
