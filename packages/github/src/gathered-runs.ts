import { UserError, type RunRecord, type UnjudgedLeg } from '@ml-actions/core';
import type { ActionContext } from './action-context.ts';
import type { GitHubSession } from './action-step.ts';
import { isPermissionRefusal } from './github-failure.ts';
import { readJobRecords, readRunRecordFiles } from './job-records.ts';
import type { Log } from './step-log.ts';
import { readWorkflowRecords, type InvalidRecordArtifact, type MissingLeg } from './workflow-records.ts';

/** The value of input `run` that gathers every record of the current workflow run. */
export const WORKFLOW_RUNS = 'workflow';

/** The runs a step judges, shows or packages, and where they came from. */
export interface GatheredRuns {
  runs: RunRecord[];
  /**
   * `job`: train wrote them in this job; `files`: input `run` named them; `workflow`: every leg
   * of this workflow run, gathered from their artifacts by a job that `needs:` them.
   */
  source: 'job' | 'files' | 'workflow';
  /** Legs of this workflow run that ended without a record (only with source `workflow`). */
  missing: MissingLeg[];
  /** Record artifacts whose record was not used, and why (only with source `workflow`). */
  invalid: InvalidRecordArtifact[];
}

/**
 * The runs of input `run`: the paths or globs it names, every leg of the workflow run for
 * `workflow`, else the records train wrote in this job. A job that holds none (a report job after
 * the training matrix) gathers the workflow run's, when it has a token to list them with.
 */
export async function gatherRuns(request: {
  run: string[];
  context: ActionContext;
  github: () => Promise<GitHubSession | undefined>;
  log: Log;
  /** No record anywhere is fine (package: a model trained elsewhere); else it is a user error. */
  optional?: boolean;
}): Promise<GatheredRuns> {
  const { run, context, log } = request;
  const none: GatheredRuns = { runs: [], source: 'job', missing: [], invalid: [] };
  const wanted = run.length === 1 && run[0] === WORKFLOW_RUNS;
  if (!wanted && run.length > 0) {
    return { runs: await readRunRecordFiles(run, context, 'run'), source: 'files', missing: [], invalid: [] };
  }
  if (!wanted) {
    const runs = await readJobRecords(context);
    if (runs.length > 0) return { runs, source: 'job', missing: [], invalid: [] };
  }
  const session = await request.github();
  if (session === undefined && !wanted && request.optional === true) return none;
  if (session === undefined) {
    throw new UserError(
      wanted
        ? 'input "run" is "workflow" but input "github-token" is empty: the workflow run\'s records are listed with it (permission actions: read)'
        : 'no run record found: run the train action earlier in this job, set input "run" to a record, or give a token (permission actions: read) to gather the records of this workflow run',
    );
  }
  const optional = !wanted && request.optional === true;
  const found = await readWorkflowRecords({ github: session.client, context, log }).catch((thrown: unknown) => {
    // Looking was only a try: a job without `actions: read` packages as it did before, without a record.
    if (optional && isPermissionRefusal(thrown)) return undefined;
    throw thrown;
  });
  if (found === undefined) {
    log.notice(
      "the workflow run's records could not be listed (the token lacks actions: read): no run record is embedded",
    );
    return none;
  }
  if (found.records.length === 0 && optional) return none;
  if (found.records.length === 0) {
    const missing = found.missing.map((leg) => leg.jobDisplayName);
    throw new UserError(
      `no run record found in this job or in workflow run ${context.runId}` +
        (missing.length > 0 ? `: ${missing.length} leg(s) ended without one (${missing.join(', ')})` : '') +
        (found.invalid.length > 0 ? `; ${found.invalid.length} record artifact(s) were unusable` : '') +
        ': run the train action in the jobs this one needs, or set input "run" to a record',
    );
  }
  log.info(
    `gathered ${found.records.length} run record(s) of workflow run ${context.runId}` +
      (found.missing.length > 0 ? `; ${found.missing.length} leg(s) ended without one` : ''),
  );
  return { runs: found.records, source: 'workflow', missing: found.missing, invalid: found.invalid };
}

/** The legs of the workflow run whose runs are not there to judge: ended without a record, or with one unusable. */
export function unjudgedLegs(gathered: GatheredRuns): UnjudgedLeg[] {
  return [
    ...gathered.missing.map((leg) => ({
      name: `job "${leg.jobDisplayName}"`,
      reason: `ended ${leg.conclusion} before writing a run record`,
    })),
    ...gathered.invalid.map((artifact) => ({
      name: `artifact "${artifact.artifact}"`,
      reason: `is unusable (${artifact.reason})`,
    })),
  ];
}
