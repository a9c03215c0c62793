import { errorMessage, type RunRecord } from '@ml-actions/core';
import type { ActionContext } from './action-context.ts';
import type { GitHubClient } from './github-client.ts';
import { describeGitHubFailure } from './github-failure.ts';
import { readBaselineFile, type BaselineSpec } from './baseline-file.ts';
import type { Log } from './step-log.ts';
import { downloadRunRecord, runRecordArtifactName } from './run-record-artifact.ts';

/** The run a candidate is compared with, and how it was found. */
export interface Baseline {
  records: RunRecord[];
  /** The commit the baseline ran on. */
  sha: string;
  workflowRunId: number | undefined;
  /** Said to the user: which commit was used and why, when it is not the obvious one. */
  notice: string | undefined;
}

/** Why no baseline was found: a notice for the user, never a crash. */
export interface NoBaseline {
  records: undefined;
  notice: string;
}

export interface BaselineRequest {
  /** A lookup: files and `none` need none. */
  spec: Extract<BaselineSpec, { kind: 'auto' | 'workflow-run' | 'artifact' }>;
  experiment: string;
  context: ActionContext;
  github: GitHubClient;
}

interface ArtifactSummary {
  id: number;
  name: string;
  expired: boolean;
  created_at?: string | null;
  workflow_run?: {
    id?: number;
    head_branch?: string | null;
    head_sha?: string;
    repository_id?: number;
    head_repository_id?: number;
  } | null;
}

/** Pages of the repository's artifact list read at most; bounds the requests whatever the history. */
const MAX_ARTIFACT_PAGES = 3;

/**
 * Finds the baseline as configured. For `auto`: on a pull request, the record made on the base
 * branch for the merge-base commit, else the newest base-branch record older than it; on a push,
 * the newest record of an earlier commit of the branch. Request count does not grow with history:
 * one compare, the merge base's own push runs (found by commit, so pull request traffic cannot
 * hide them) and their artifacts, a few runs at most, then one download.
 */
async function findBaseline(request: BaselineRequest): Promise<Baseline | NoBaseline> {
  const { spec } = request;
  if (spec.kind === 'auto') return findAutomatically(request);
  if (spec.kind === 'workflow-run') return fromWorkflowRun(request, spec.runId);
  return fromArtifactName(request, spec.name);
}

async function fromWorkflowRun(request: BaselineRequest, runId: number): Promise<Baseline | NoBaseline> {
  const { owner, repo } = request.context;
  const name = runRecordArtifactName(request.experiment);
  const response = await request.github.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts', {
    owner,
    repo,
    run_id: runId,
    name,
    per_page: 100,
  });
  const artifact = response.data.artifacts.find((candidate) => !candidate.expired);
  if (artifact === undefined) {
    return { records: undefined, notice: `workflow run ${runId} has no unexpired run record "${name}"` };
  }
  return ofExperiment(request, await download(request, artifact));
}

/**
 * An artifact named by the user is a baseline only when a push run of the base branch of this
 * repository made it: anyone who can open a pull request can upload an artifact of any name, and
 * the current run's own record would compare the candidate with itself.
 */
async function fromArtifactName(request: BaselineRequest, name: string): Promise<Baseline | NoBaseline> {
  const { context } = request;
  const base = context.baseRef ?? context.branch;
  const found = await searchArtifacts(
    request,
    name,
    (artifact) =>
      artifact.workflow_run?.head_branch === base &&
      artifact.workflow_run.id !== context.runId &&
      (artifact.workflow_run.head_repository_id ?? null) === (artifact.workflow_run.repository_id ?? null),
  );
  if (found === undefined) {
    return { records: undefined, notice: `no unexpired artifact named "${name}" was made by a run on ${base}` };
  }
  const baseline = await download(request, found);
  for (const record of baseline.records) {
    const why =
      record.provenance.repository !== context.repository
        ? `was made in ${record.provenance.repository}, not ${context.repository}`
        : record.provenance.event !== 'push'
          ? `was made by a ${record.provenance.event} run, not a push`
          : record.provenance.branch !== base
            ? `was made on ${record.provenance.branch}, not ${base}`
            : undefined;
    if (why !== undefined) {
      return {
        records: undefined,
        notice: `the run record in artifact "${name}" ${why}; it is not used as the baseline`,
      };
    }
  }
  return baseline;
}

async function findAutomatically(request: BaselineRequest): Promise<Baseline | NoBaseline> {
  const { context } = request;
  const name = runRecordArtifactName(request.experiment);
  const base = context.baseRef;
  const group = context.eventName === 'merge_group';
  if ((context.pullRequest !== undefined || group) && base !== undefined) {
    // A merge queue's group is built on its base commit, which is the one to compare with.
    const mergeBase = group && context.baseSha !== undefined ? context.baseSha : await findMergeBase(request, base);
    // The merge base's own push runs: found by commit, so pull request traffic cannot hide them.
    const exact = await searchRuns(request, name, { branch: base, head_sha: mergeBase }, () => true);
    if (exact !== undefined) return ofExperiment(request, await download(request, exact));
    // Older means an ancestor of the merge base: one page of its history is enough in practice, and
    // keeps the request count fixed; a record further back than that is too stale to compare with.
    const history = await request.github.request('GET /repos/{owner}/{repo}/commits', {
      owner: context.owner,
      repo: context.repo,
      sha: mergeBase,
      per_page: 100,
    });
    const ancestors = new Set(history.data.map((commit) => commit.sha));
    const older = await searchRuns(request, name, { branch: base }, (run) => ancestors.has(run.head_sha));
    if (older === undefined) {
      return {
        records: undefined,
        notice: `no run record "${name}" was found on ${base} for the merge base ${mergeBase.slice(0, 7)} or before it`,
      };
    }
    const sha = older.workflow_run?.head_sha ?? '';
    return ofExperiment(
      request,
      await download(
        request,
        older,
        `no run record for the merge base ${mergeBase.slice(0, 7)}; using the newest earlier record on ${base}, from ${sha.slice(0, 7)}`,
      ),
    );
  }
  const branch = context.branch;
  const previous = await searchRuns(
    request,
    name,
    { branch },
    (run) => run.head_sha !== context.sha && run.id !== context.runId,
  );
  if (previous === undefined) {
    return { records: undefined, notice: `no earlier run record "${name}" was found on ${branch}` };
  }
  return ofExperiment(request, await download(request, previous));
}

/** The commit where the pull request's head left its base branch. */
async function findMergeBase(request: BaselineRequest, base: string): Promise<string> {
  const { context } = request;
  const comparison = await request.github.request('GET /repos/{owner}/{repo}/compare/{basehead}', {
    owner: context.owner,
    repo: context.repo,
    basehead: `${base}...${context.headSha ?? context.sha}`,
    per_page: 1,
  });
  return comparison.data.merge_base_commit.sha;
}

interface RunSummary {
  id: number;
  head_sha: string;
  head_branch: string | null;
}

/** Push runs looked into at most, newest first: bounds the requests whatever the history. */
const MAX_RUNS_CHECKED = 3;

/**
 * The record artifact of the newest push run (of one page of the branch's push runs, filtered as
 * asked) that has one: one request for the runs, then one per run looked into.
 */
async function searchRuns(
  request: BaselineRequest,
  name: string,
  filter: { branch: string; head_sha?: string },
  accept: (run: RunSummary) => boolean,
): Promise<ArtifactSummary | undefined> {
  const { owner, repo } = request.context;
  const runs = await request.github.request('GET /repos/{owner}/{repo}/actions/runs', {
    owner,
    repo,
    ...filter,
    event: 'push',
    per_page: 100,
  });
  const candidates = (runs.data.workflow_runs as RunSummary[]).filter((run) => accept(run)).slice(0, MAX_RUNS_CHECKED);
  for (const run of candidates) {
    const listed = await request.github.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts', {
      owner,
      repo,
      run_id: run.id,
      name,
      per_page: 10,
    });
    const artifact = listed.data.artifacts.find((candidate) => !candidate.expired);
    if (artifact !== undefined) {
      return { ...artifact, workflow_run: { id: run.id, head_sha: run.head_sha, head_branch: run.head_branch } };
    }
  }
  return undefined;
}

/** The newest unexpired artifact of that name that satisfies `accept`, reading a bounded number of pages. */
async function searchArtifacts(
  request: BaselineRequest,
  name: string,
  accept: (artifact: ArtifactSummary) => boolean,
): Promise<ArtifactSummary | undefined> {
  for (let page = 1; page <= MAX_ARTIFACT_PAGES; page++) {
    const response = await request.github.request('GET /repos/{owner}/{repo}/actions/artifacts', {
      owner: request.context.owner,
      repo: request.context.repo,
      name,
      per_page: 100,
      page,
    });
    const artifacts = response.data.artifacts as ArtifactSummary[];
    const found = artifacts.find((artifact) => !artifact.expired && accept(artifact));
    if (found !== undefined) return found;
    if (artifacts.length < 100) return undefined;
  }
  return undefined;
}

/**
 * The baseline when its records are of the experiment looked up. Artifact names are a lossy form
 * of the experiment's name, so the record itself decides: one experiment is never judged against
 * another's record.
 */
function ofExperiment(request: BaselineRequest, baseline: Baseline): Baseline | NoBaseline {
  const other = baseline.records.find((record) => record.experiment !== request.experiment);
  if (other === undefined) return baseline;
  return {
    records: undefined,
    notice: `the run record found for ${request.experiment} is of experiment ${other.experiment}; it is not used as the baseline`,
  };
}

async function download(
  request: BaselineRequest,
  artifact: ArtifactSummary,
  /** Why this record and not the obvious one, for the user. */
  notice?: string,
): Promise<Baseline> {
  const workflowRunId = artifact.workflow_run?.id;
  if (workflowRunId === undefined) throw new Error(`artifact ${artifact.id} does not say which workflow run made it`);
  const record = await downloadRunRecord(request.github, request.context, {
    artifactId: artifact.id,
    workflowRunId,
    label: `artifact "${artifact.name}" of workflow run ${workflowRunId}`,
  });
  const records = [record];
  const sha = artifact.workflow_run?.head_sha ?? records[0]?.provenance.sha ?? '';
  return { records, sha, workflowRunId, notice };
}

/** The baselines of several experiments, merged: what gate and compare compare with. */
export interface CombinedBaseline {
  records: RunRecord[] | undefined;
  sha: string | undefined;
  url: string | undefined;
  notices: string[];
}

/**
 * Looks up the baseline of each experiment, and says on the log why one is missing or unusual. A
 * lookup that fails (an expired artifact, an API that keeps failing) becomes a notice: rules that
 * need no baseline still apply.
 */
export async function findBaselines(request: {
  spec: BaselineSpec;
  experiments: string[];
  context: ActionContext;
  /** Undefined without a token: files still work, lookups become a notice. */
  github: GitHubClient | undefined;
  log: Log;
}): Promise<CombinedBaseline> {
  const combined = await combineBaselines(request);
  for (const notice of combined.notices) request.log.notice(notice);
  return combined;
}

async function combineBaselines(request: {
  spec: BaselineSpec;
  experiments: string[];
  context: ActionContext;
  github: GitHubClient | undefined;
}): Promise<CombinedBaseline> {
  const combined: CombinedBaseline = { records: undefined, sha: undefined, url: undefined, notices: [] };
  const { spec, context } = request;
  if (spec.kind === 'none') return combined;
  // Files are read once for every experiment, with no token and no request; a path or glob that
  // matches nothing is the user's error, not a missing baseline.
  if (spec.kind === 'files') {
    const { records, sha } = await readBaselineFile(spec.pattern, context);
    return { ...combined, records, sha };
  }
  const github = request.github;
  if (github === undefined) return { ...combined, notices: ['no github-token: the baseline cannot be looked up'] };
  for (const experiment of request.experiments) {
    try {
      const found = await findBaseline({ spec, context, github, experiment });
      if (found.notice !== undefined) combined.notices.push(found.notice);
      if (found.records === undefined) continue;
      combined.records = [...(combined.records ?? []), ...found.records];
      combined.sha ??= found.sha;
      if (found.workflowRunId !== undefined) {
        combined.url ??= `${context.serverUrl}/${context.repository}/actions/runs/${found.workflowRunId}`;
      }
    } catch (thrown: unknown) {
      const reason = describeGitHubFailure(thrown) ?? errorMessage(thrown);
      combined.notices.push(`the baseline of ${experiment} could not be looked up: ${reason}`);
    }
  }
  return combined;
}
