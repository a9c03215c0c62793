import type { RunRecord } from '@ml-actions/core';
import type { MlflowRunStatus } from './run-logging.ts';

/**
 * The tags a run record is logged with: MLflow's own source tags (so its UI links the commit) and
 * ours, which tell experiments and replicates apart and let `baseline: mlflow` find a commit's runs.
 */
export const RECORD_TAGS = {
  commit: 'mlflow.source.git.commit',
  branch: 'mlflow.source.git.branch',
  repoUrl: 'mlflow.source.git.repoURL',
  sourceName: 'mlflow.source.name',
  sourceType: 'mlflow.source.type',
  repository: 'ml-actions.repository',
  experiment: 'ml-actions.experiment',
  replicate: 'ml-actions.replicate',
  recordRunId: 'ml-actions.run-id',
  recordStatus: 'ml-actions.status',
  pullRequest: 'ml-actions.pull-request',
  baseRef: 'ml-actions.base-ref',
  event: 'ml-actions.event',
  workflowRunUrl: 'ml-actions.workflow-run-url',
  attempt: 'ml-actions.attempt',
} as const;

/** Every tag of a record's MLflow run. */
export function recordTags(record: RunRecord): Record<string, string> {
  const p = record.provenance;
  const repoUrl = `${p.serverUrl.replace(/\/+$/, '')}/${p.repository}`;
  const tags: Record<string, string> = {
    [RECORD_TAGS.commit]: p.sha,
    [RECORD_TAGS.branch]: p.branch,
    [RECORD_TAGS.repoUrl]: repoUrl,
    [RECORD_TAGS.sourceName]: p.workflow === '' ? repoUrl : `${p.repository}: ${p.workflow}`,
    [RECORD_TAGS.sourceType]: 'JOB',
    [RECORD_TAGS.repository]: p.repository,
    [RECORD_TAGS.experiment]: record.experiment,
    [RECORD_TAGS.recordRunId]: record.runId,
    [RECORD_TAGS.recordStatus]: record.outcome.status,
    [RECORD_TAGS.event]: p.event,
    [RECORD_TAGS.workflowRunUrl]: `${repoUrl}/actions/runs/${p.workflowRunId}/attempts/${p.runAttempt}`,
    [RECORD_TAGS.attempt]: String(record.attempt),
  };
  if (record.replicate !== undefined) tags[RECORD_TAGS.replicate] = replicateText(record.replicate);
  if (p.pullRequest !== undefined) tags[RECORD_TAGS.pullRequest] = String(p.pullRequest);
  if (p.baseRef !== undefined) tags[RECORD_TAGS.baseRef] = p.baseRef;
  return tags;
}

/** `seed=3`: how the replicate tag writes a run's replicate. */
export function replicateText(replicate: { key: string; value: string }): string {
  return `${replicate.key}=${replicate.value}`;
}

/** The run's name in MLflow: the experiment, and the replicate when there is one. */
export function recordRunName(record: RunRecord): string {
  return record.replicate === undefined
    ? record.experiment
    : `${record.experiment} (${replicateText(record.replicate)})`;
}

/**
 * What stays the same when a job is re-run: the repository, the workflow run, the job, the
 * experiment and the replicate. A re-run logs into the MLflow run with this identity.
 */
export function recordIdentity(record: RunRecord): string {
  const p = record.provenance;
  const replicate = record.replicate === undefined ? '' : replicateText(record.replicate);
  return [p.repository, String(p.workflowRunId), p.job, record.experiment, replicate].join('\n');
}

/** The record's outcome as MLflow's terminal status: a timed-out command was stopped, so KILLED. */
export function mlflowStatus(record: RunRecord): MlflowRunStatus {
  switch (record.outcome.status) {
    case 'failed':
      return 'FAILED';
    case 'timed-out':
      return 'KILLED';
    case 'succeeded':
    case 'collected':
      return 'FINISHED';
  }
}
