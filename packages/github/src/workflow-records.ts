import type { RunRecord } from '@ml-actions/core';
import type { ActionContext } from './action-context.ts';
import type { GitHubClient } from './github-client.ts';
import { PER_PAGE, readCountedPages } from './page-listing.ts';
import {
  isRunRecordArtifact,
  newestAttempts,
  readRecordArtifacts,
  recordArtifactLabel,
  type ListedArtifact,
} from './record-artifacts.ts';
import type { Log } from './step-log.ts';

/** A job of the run that ended without leaving a run record: a training leg that failed before writing one. */
export interface MissingLeg {
  /** The job's name as GitHub shows it, matrix values included: `train (a, 1)`. */
  jobDisplayName: string;
  jobId: number;
  /** `failure`, `cancelled` or `timed_out`. */
  conclusion: string;
  /** The job's page, whose log says why. */
  url: string | null;
}

/** A record artifact whose record is not used, and why. */
export interface InvalidRecordArtifact {
  artifact: string;
  artifactId: number;
  reason: string;
}

/** The run records of the current workflow run, gathered by a job that `needs:` its training legs. */
export interface WorkflowRecords {
  /** One a record artifact (the newest upload of each name), in artifact name order. */
  records: RunRecord[];
  missing: MissingLeg[];
  invalid: InvalidRecordArtifact[];
}

/** Pages of each listing read at most: 1,000 legs, far beyond GitHub's 256 a matrix. */
const MAX_PAGES = 10;

/** Conclusions of a job that may have stopped before its record was written. */
const UNFINISHED_CONCLUSIONS = new Set(['failure', 'cancelled', 'timed_out']);

interface ListedJob {
  id: number;
  name: string;
  status: string;
  conclusion: string | null;
  html_url: string | null;
}

/**
 * The job's name as GitHub shows it for a leg of a matrix: its id (GITHUB_JOB) and, when the job
 * has a matrix, the matrix values in parentheses, in order (`train (a, 1)`). A job that sets its
 * own `name:` is shown by that name instead, which a record cannot know.
 */
export function jobDisplayName(job: string, matrix: Record<string, unknown>): string {
  const values = Object.values(matrix).map((value) =>
    typeof value === 'string' ? value : value === null ? '' : (JSON.stringify(value) ?? ''),
  );
  return values.length === 0 ? job : `${job} (${values.join(', ')})`;
}

/**
 * Every run record of the current workflow run (all legs of a matrix, the newest attempt of each),
 * for a job that `needs:` them. Requests stay few: the run's artifacts and its jobs (latest
 * execution of each) are listed, 100 a page and together, then each record artifact is downloaded
 * once. Only the `ml-run-` prefix of a name is trusted, to choose what to download; the record
 * decides what it is, and one that is malformed, of another run, or repeats one already read is
 * listed in `invalid` and said as a warning.
 *
 * A leg is `missing` when its job completed as failure, cancelled or timed out and no record names
 * it (by `jobDisplayName` of the record's job and matrix). Jobs still running (this one) or queued,
 * skipped or successful ones without a record (a lint job, `upload: false`) are not training legs
 * that lost their record, so they are never listed.
 */
export async function readWorkflowRecords(request: {
  github: GitHubClient;
  context: ActionContext;
  log: Log;
}): Promise<WorkflowRecords> {
  const { github, context, log } = request;
  const { owner, repo, runId } = context;
  const [artifacts, jobs] = await Promise.all([
    readCountedPages(async (page) => {
      const answer = await github.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts', {
        owner,
        repo,
        run_id: runId,
        per_page: PER_PAGE,
        page,
      });
      return { total: answer.data.total_count, items: answer.data.artifacts };
    }, MAX_PAGES),
    readCountedPages(async (page) => {
      const answer = await github.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs', {
        owner,
        repo,
        run_id: runId,
        filter: 'latest',
        per_page: PER_PAGE,
        page,
      });
      return { total: answer.data.total_count, items: answer.data.jobs as ListedJob[] };
    }, MAX_PAGES),
  ]);
  if (!artifacts.complete || !jobs.complete) {
    log.warning(
      `workflow run ${runId} has more than ${MAX_PAGES * PER_PAGE} artifacts or jobs; only those listed first are read`,
    );
  }

  // Pages read while legs still upload can repeat an artifact; one of each id is enough.
  const unique = [...new Map(artifacts.items.map((artifact) => [artifact.id, artifact])).values()];
  const candidates = newestAttempts(
    unique.filter((artifact) => !artifact.expired && isRunRecordArtifact(artifact.name)),
  );
  const reads = await readRecordArtifacts(github, context, candidates, runId);

  const records: RunRecord[] = [];
  const invalid: InvalidRecordArtifact[] = [];
  const readFrom = new Map<string, string>();
  const leaveOut = (artifact: ListedArtifact, reason: string): void => {
    invalid.push({ artifact: artifact.name, artifactId: artifact.id, reason });
    log.warning(`${reason}; its record is left out`);
  };
  for (const { artifact, record, reason } of reads) {
    if (record === undefined) {
      leaveOut(artifact, reason);
      continue;
    }
    const problem = unusable(record, artifact, runId, readFrom);
    if (problem !== undefined) {
      leaveOut(artifact, problem);
      continue;
    }
    readFrom.set(record.runId, artifact.name);
    records.push(record);
  }

  const recorded = new Set(records.map((record) => jobDisplayName(record.provenance.job, record.provenance.matrix)));
  // A job can show on two pages when the listing moves between reads; one of each id is enough.
  const listedJobs = [...new Map(jobs.items.map((job) => [job.id, job])).values()];
  const missing = listedJobs
    .filter(
      (job) =>
        job.status === 'completed' &&
        job.conclusion !== null &&
        UNFINISHED_CONCLUSIONS.has(job.conclusion) &&
        !recorded.has(job.name),
    )
    .map((job) => ({
      jobDisplayName: job.name,
      jobId: job.id,
      conclusion: job.conclusion ?? '',
      url: job.html_url,
    }));
  return { records, missing, invalid };
}

/** Why a well-formed record is still not one of this run's: it names another run, or repeats one read. */
function unusable(
  record: RunRecord,
  artifact: ListedArtifact,
  runId: number,
  readFrom: ReadonlyMap<string, string>,
): string | undefined {
  const label = recordArtifactLabel(artifact, runId);
  if (record.provenance.workflowRunId !== runId) {
    return `${label} holds a record of workflow run ${record.provenance.workflowRunId}, not of this one`;
  }
  const earlier = readFrom.get(record.runId);
  return earlier === undefined
    ? undefined
    : `${label} repeats run ${record.runId}, already read from artifact "${earlier}"`;
}
