import { UserError } from '@ml-actions/core';
import { MlflowError, type TrackingClient } from './tracking-client.ts';
import { field, text } from './answer-fields.ts';

/** The id of the active experiment named `name`; undefined when there is none (a deleted one is an error). */
export async function findExperiment(
  client: TrackingClient,
  name: string,
  origin: string,
): Promise<string | undefined> {
  try {
    const answer = await client.get('experiments/get-by-name', { experiment_name: name });
    const experiment = field(answer, 'experiment');
    if (text(experiment, 'lifecycle_stage') === 'deleted') {
      throw new UserError(
        `MLflow experiment ${JSON.stringify(name)} (${origin}) is deleted: restore it in MLflow or choose another name`,
      );
    }
    return text(experiment, 'experiment_id');
  } catch (thrown: unknown) {
    if (thrown instanceof MlflowError && thrown.errorCode === 'RESOURCE_DOES_NOT_EXIST') return undefined;
    throw thrown;
  }
}

/**
 * The id of the experiment named `name`, created when missing. Two legs of a matrix may create it
 * at once: the one that loses the race reads the winner's.
 */
export async function ensureExperiment(client: TrackingClient, name: string, origin: string): Promise<string> {
  const found = await findExperiment(client, name, origin);
  if (found !== undefined) return found;
  try {
    const created = await client.post('experiments/create', { name });
    const id = text(created, 'experiment_id');
    if (id === undefined) throw new MlflowError('MLflow POST experiments/create answered without an experiment_id');
    return id;
  } catch (thrown: unknown) {
    if (!(thrown instanceof MlflowError && thrown.errorCode === 'RESOURCE_ALREADY_EXISTS')) throw thrown;
    const raced = await findExperiment(client, name, origin);
    if (raced === undefined) throw thrown;
    return raced;
  }
}
