import { UserError } from '../errors.ts';

/**
 * The traffic percentages of a canary rollout (`10,25,50,100`): whole numbers from 1 to 100,
 * strictly increasing, ending at 100.
 */
export function parseCanarySteps(text: string, input = 'steps'): number[] {
  const parts = text
    .split(/[,\s]+/)
    .map((part) => part.trim().replace(/%$/, ''))
    .filter((part) => part !== '');
  if (parts.length === 0)
    throw new UserError(`input "${input}" is empty: give traffic percentages such as 10,25,50,100`);
  const steps = parts.map((part) => {
    if (!/^[0-9]+$/.test(part) || Number(part) < 1 || Number(part) > 100) {
      throw new UserError(`input "${input}": ${JSON.stringify(part)} is not a whole percentage from 1 to 100`);
    }
    return Number(part);
  });
  for (let i = 1; i < steps.length; i++) {
    if (steps[i]! <= steps[i - 1]!) {
      throw new UserError(`input "${input}": the steps must increase, but ${steps[i]} follows ${steps[i - 1]}`);
    }
  }
  if (steps.at(-1) !== 100) {
    throw new UserError(`input "${input}": the last step must be 100, so that the rollout ends with all traffic`);
  }
  return steps;
}
