import { UserError } from '@ml-actions/core';
import { list } from './answer-fields.ts';
import { runFromAnswer, type MlflowRun } from './run-reading.ts';
import type { TrackingClient } from './tracking-client.ts';

export interface RunQuery {
  experimentIds: string[];
  /** An MLflow search filter; values in it must come from `filterValue`. */
  filter: string;
  orderBy?: string[];
  maxResults: number;
}

/** One page of `runs/search` (active runs only): a bounded number of requests, always one. */
export async function searchRuns(client: TrackingClient, query: RunQuery): Promise<MlflowRun[]> {
  const answer = await client.post('runs/search', {
    experiment_ids: query.experimentIds,
    filter: query.filter,
    run_view_type: 'ACTIVE_ONLY',
    max_results: query.maxResults,
    ...(query.orderBy === undefined ? {} : { order_by: query.orderBy }),
  });
  const runs: MlflowRun[] = [];
  for (const entry of list(answer, 'runs')) {
    const run = runFromAnswer(client, entry);
    if (run !== undefined) runs.push(run);
  }
  return runs;
}

/**
 * A value quoted for an MLflow filter. MLflow's filter grammar has no escape for a quote inside a
 * string, so a value holding one cannot be searched for: that is an error naming where it came from.
 */
export function filterValue(value: string, origin: string): string {
  if (value.includes("'")) {
    throw new UserError(
      `${origin} ${JSON.stringify(value)} holds a single quote, which MLflow's search filters cannot match`,
    );
  }
  return `'${value}'`;
}
