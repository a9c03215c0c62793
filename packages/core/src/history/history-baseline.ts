import { RUN_RECORD_SCHEMA, RUN_RECORD_VERSION, type RunRecord } from '../record/run-record.ts';
import type { HistoryEntry } from './history-entry.ts';

/**
 * A baseline run made from a history entry, for when the run records of the baseline commit have
 * expired: the final values only (the mean over the replicates, as one run: the spread is not a
 * sample), no histories and no data inputs. Its source says where it came from.
 */
export function recordFromHistory(
  entry: HistoryEntry,
  repository: { serverUrl: string; repository: string },
): RunRecord {
  return {
    schema: RUN_RECORD_SCHEMA,
    version: RUN_RECORD_VERSION,
    runId: `history-${entry.workflowRunId}-${entry.runAttempt}-${entry.experiment}`,
    experiment: entry.experiment,
    attempt: entry.runAttempt,
    provenance: {
      repository: repository.repository,
      serverUrl: repository.serverUrl,
      sha: entry.commit,
      ref: `refs/heads/${entry.branch}`,
      branch: entry.branch,
      event: 'push',
      workflow: '',
      workflowRunId: entry.workflowRunId,
      runAttempt: entry.runAttempt,
      runNumber: 0,
      job: '',
      matrix: {},
      runnerOs: '',
    },
    params: { ...entry.params },
    metrics: Object.fromEntries(Object.entries(entry.metrics).map(([name, metric]) => [name, { value: metric.mean }])),
    outcome: { status: 'succeeded', startedAt: entry.date, finishedAt: entry.date, durationMs: 0 },
    inputs: [],
    sources: ['history'],
  };
}
