import { errorMessage, type RunRecord } from '@ml-actions/core';
import type { ActionContext } from './action-context.ts';
import { BaselineSearch } from './baseline-search.ts';
import type { GitHubClient } from './github-client.ts';
import { describeGitHubFailure } from './github-failure.ts';
import { baselinesFromHistory } from './history-baseline.ts';
import { readBaselineFile, type BaselineSpec } from './baseline-file.ts';
import { readRecordArtifacts, type ListedArtifact } from './record-artifacts.ts';
import type { Log } from './step-log.ts';
import { runRecordArtifactName } from './run-record-artifact.ts';

/** The run a candidate is compared with, and how it was found. */
export interface Baseline {
  /** Every replicate of the experiment that the baseline run recorded (the newest attempt of each). */
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

/** The commit a baseline is sought for, and the branch whose runs count. */
export interface BaselineCommit {
  sha: string;
  branch: string;
  /** This run's own commit, never its own baseline. */
  head: string;
  /**
   * `sha` and the commits before it (one page of its history, one request), asked for only when
   * `sha` itself has no baseline; undefined without a token, when any commit of the branch counts.
   */
  earlier: (() => Promise<ReadonlySet<string>>) | undefined;
}

/** Finds baselines kept elsewhere (MLflow) for a commit, as `findBaselines` returns them. */
export type ExternalBaselineLookup = (commit: BaselineCommit) => Promise<{
  records: RunRecord[];
  sha: string | undefined;
  url: string | undefined;
  notices: string[];
}>;

/** One lookup of the baselines of several experiments, its requests shared through `search`. */
interface Lookup {
  /** A lookup: files and `none` need none. */
  spec: Extract<BaselineSpec, { kind: 'auto' | 'workflow-run' | 'artifact' }>;
  experiments: string[];
  context: ActionContext;
  github: GitHubClient;
  search: BaselineSearch;
}

/** The baselines found (in the order of the experiments) and what the user is told. */
interface LookupResult {
  baselines: Baseline[];
  notices: string[];
}

interface RunSummary {
  id: number;
  head_sha: string;
  head_branch: string | null;
}

/** Pages of the repository's artifact list read at most; bounds the requests whatever the history. */
const MAX_ARTIFACT_PAGES = 3;

/** Push runs looked into at most, newest first: bounds the requests whatever the history. */
const MAX_RUNS_CHECKED = 3;

/** Experiments whose missing record each get a notice of their own; beyond, one notice names them all. */
const NOTICES_OF_MISSING = 3;

/**
 * Finds the baselines as configured, for all experiments at once. For `auto`: on a pull request,
 * the records made on the base branch for the merge-base commit, else the newest base-branch
 * records older than it; on a push, the newest records of an earlier commit of the branch. The
 * request count grows neither with history nor with the experiments: one compare, the merge
 * base's own push runs (found by commit, so pull request traffic cannot hide them) and their
 * artifact lists, a few runs at most, then one download per record.
 */
async function lookUp(lookup: Lookup): Promise<LookupResult> {
  const { spec } = lookup;
  if (spec.kind === 'auto') return findAutomatically(lookup);
  if (spec.kind === 'workflow-run') return fromWorkflowRun(lookup, spec.runId);
  return fromArtifactName(lookup, spec.name);
}

async function fromWorkflowRun(lookup: Lookup, runId: number): Promise<LookupResult> {
  const listed = await lookup.search.artifactsOf(runId);
  const walk = new RunWalk(lookup);
  await walk.through([{ id: runId, head_sha: listed[0]?.workflow_run?.head_sha ?? '', head_branch: null }]);
  return walk.result(
    (experiment) => `workflow run ${runId} has no unexpired run record "${runRecordArtifactName(experiment)}"`,
    (experiments) => `workflow run ${runId} has no unexpired run records of ${experiments}`,
  );
}

/**
 * An artifact named by the user is a baseline only when a push run of the base branch of this
 * repository made it: anyone who can open a pull request can upload an artifact of any name, and
 * the current run's own record would compare the candidate with itself. It is one artifact, read
 * once for all experiments.
 */
async function fromArtifactName(lookup: Lookup, name: string): Promise<LookupResult> {
  const { context } = lookup;
  const base = context.baseRef ?? context.branch;
  const found = await searchArtifacts(
    lookup,
    name,
    (artifact) =>
      artifact.workflow_run?.head_branch === base &&
      artifact.workflow_run.id !== context.runId &&
      (artifact.workflow_run.head_repository_id ?? null) === (artifact.workflow_run.repository_id ?? null),
  );
  const workflowRunId = found?.workflow_run?.id;
  if (found === undefined || workflowRunId === undefined) {
    return { baselines: [], notices: [`no unexpired artifact named "${name}" was made by a run on ${base}`] };
  }
  const [read] = await readRecordArtifacts(lookup.github, context, [found], workflowRunId);
  if (read?.record === undefined) {
    return {
      baselines: [],
      notices: [`the baseline of ${listed(lookup.experiments)} could not be looked up: ${read?.reason}`],
    };
  }
  const record = read.record;
  const why =
    record.provenance.repository !== context.repository
      ? `was made in ${record.provenance.repository}, not ${context.repository}`
      : record.provenance.event !== 'push'
        ? `was made by a ${record.provenance.event} run, not a push`
        : record.provenance.branch !== base
          ? `was made on ${record.provenance.branch}, not ${base}`
          : undefined;
  if (why !== undefined) {
    return { baselines: [], notices: [`the run record in artifact "${name}" ${why}; it is not used as the baseline`] };
  }
  const sha = found.workflow_run?.head_sha ?? record.provenance.sha;
  return { baselines: [{ records: [record], sha, workflowRunId, notice: undefined }], notices: [] };
}

async function findAutomatically(lookup: Lookup): Promise<LookupResult> {
  const { context } = lookup;
  const base = context.baseRef;
  const group = context.eventName === 'merge_group';
  const walk = new RunWalk(lookup);
  if ((context.pullRequest !== undefined || group) && base !== undefined) {
    // A merge queue's group is built on its base commit, which is the one to compare with.
    const mergeBase = group && context.baseSha !== undefined ? context.baseSha : await findMergeBase(lookup);
    // The merge base's own push runs: found by commit, so pull request traffic cannot hide them.
    await walk.through(await pushRuns(lookup, { branch: base, head_sha: mergeBase }, () => true));
    if (walk.pending.length > 0) {
      // Older means an ancestor of the merge base.
      const ancestors = await earlierCommits(lookup.github, context, mergeBase);
      const older = await pushRuns(lookup, { branch: base }, (run) => ancestors.has(run.head_sha));
      await walk.through(
        older,
        (sha) =>
          `no run record for the merge base ${mergeBase.slice(0, 7)}; using the newest earlier record on ${base}, from ${sha.slice(0, 7)}`,
      );
    }
    const where = `on ${base} for the merge base ${mergeBase.slice(0, 7)} or before it`;
    return walk.result(
      (experiment) => `no run record "${runRecordArtifactName(experiment)}" was found ${where}`,
      (experiments) => `no run records of ${experiments} were found ${where}`,
    );
  }
  const branch = context.branch;
  await walk.through(
    await pushRuns(lookup, { branch }, (run) => run.head_sha !== context.sha && run.id !== context.runId),
  );
  return walk.result(
    (experiment) => `no earlier run record "${runRecordArtifactName(experiment)}" was found on ${branch}`,
    (experiments) => `no earlier run records of ${experiments} were found on ${branch}`,
  );
}

/**
 * The commit the automatic lookup starts from: on a pull request the merge base with its base
 * branch (one request; without a token, the base commit the event names), in a merge queue the
 * group's base, on a push the commit before it.
 */
export async function baselineCommit(
  github: GitHubClient | undefined,
  context: ActionContext,
): Promise<BaselineCommit> {
  const head = context.headSha ?? context.sha;
  const base = context.baseRef;
  const at = (sha: string, branch: string): BaselineCommit => ({
    sha,
    branch,
    head,
    earlier: github === undefined || sha === '' ? undefined : () => earlierCommits(github, context, sha),
  });
  if (base !== undefined && (context.pullRequest !== undefined || context.eventName === 'merge_group')) {
    if (context.eventName === 'merge_group' && context.baseSha !== undefined) return at(context.baseSha, base);
    if (github === undefined) return at(context.baseSha ?? '', base);
    const comparison = await github.request('GET /repos/{owner}/{repo}/compare/{basehead}', {
      owner: context.owner,
      repo: context.repo,
      basehead: `${base}...${head}`,
      per_page: 1,
    });
    return at(comparison.data.merge_base_commit.sha, base);
  }
  return at(context.before ?? '', context.branch);
}

/**
 * `sha` and its ancestors, newest first, as far as one page of history reaches: one request keeps
 * the count fixed, and a baseline further back than that is too stale to compare with.
 */
async function earlierCommits(github: GitHubClient, context: ActionContext, sha: string): Promise<Set<string>> {
  const history = await github.request('GET /repos/{owner}/{repo}/commits', {
    owner: context.owner,
    repo: context.repo,
    sha,
    per_page: 100,
  });
  return new Set(history.data.map((commit) => commit.sha));
}

/** The commit where the pull request's head left its base branch. */
async function findMergeBase(lookup: Lookup): Promise<string> {
  return (await baselineCommit(lookup.github, lookup.context)).sha;
}

/** The newest push runs of one page of the branch's, filtered as asked: one request. */
async function pushRuns(
  lookup: Lookup,
  filter: { branch: string; head_sha?: string },
  accept: (run: RunSummary) => boolean,
): Promise<RunSummary[]> {
  const { owner, repo } = lookup.context;
  const runs = await lookup.github.request('GET /repos/{owner}/{repo}/actions/runs', {
    owner,
    repo,
    ...filter,
    event: 'push',
    per_page: 100,
  });
  return (runs.data.workflow_runs as RunSummary[]).filter((run) => accept(run)).slice(0, MAX_RUNS_CHECKED);
}

/**
 * Runs looked into newest first, for the experiments still without a baseline: each takes its
 * records from the first run that has any, and an experiment whose record could not be read
 * stops there, with a notice, rather than be compared with an older run.
 */
class RunWalk {
  pending: string[];
  private readonly lookup: Lookup;
  private readonly found = new Map<string, Baseline>();
  private readonly failed = new Map<string, string>();
  /** Experiments whose artifacts by name held another experiment's records: said when nothing else is found. */
  private readonly others = new Map<string, string>();

  constructor(lookup: Lookup) {
    this.lookup = lookup;
    this.pending = [...new Set(lookup.experiments)];
  }

  async through(runs: RunSummary[], notice?: (sha: string) => string): Promise<void> {
    for (const run of runs) {
      if (this.pending.length === 0) return;
      const findings = await this.lookup.search.findIn(run.id, this.pending);
      for (const [experiment, finding] of findings) {
        if (finding.kind === 'found') {
          const sha = run.head_sha !== '' ? run.head_sha : (finding.records[0]?.provenance.sha ?? '');
          this.found.set(experiment, { records: finding.records, sha, workflowRunId: run.id, notice: notice?.(sha) });
        } else if (finding.kind === 'failed') {
          this.failed.set(experiment, `the baseline of ${experiment} could not be looked up: ${finding.reason}`);
        } else if (finding.kind === 'other' && !this.others.has(experiment)) {
          this.others.set(experiment, finding.experiment);
        }
      }
      this.pending = this.pending.filter((experiment) => !this.found.has(experiment) && !this.failed.has(experiment));
    }
  }

  /** The baselines and notices, experiment by experiment; many missing ones share one notice. */
  result(missing: (experiment: string) => string, missingMany: (experiments: string) => string): LookupResult {
    const baselines: Baseline[] = [];
    const notices: string[] = [];
    const absent: string[] = [];
    for (const experiment of new Set(this.lookup.experiments)) {
      const found = this.found.get(experiment);
      const other = this.others.get(experiment);
      if (found !== undefined) {
        baselines.push(found);
        if (found.notice !== undefined) notices.push(found.notice);
      } else if (this.failed.has(experiment)) {
        notices.push(this.failed.get(experiment) ?? '');
      } else if (other !== undefined) {
        notices.push(
          `the run record found for ${experiment} is of experiment ${other}; it is not used as the baseline`,
        );
      } else {
        absent.push(experiment);
      }
    }
    if (absent.length > NOTICES_OF_MISSING) notices.push(missingMany(listed(absent)));
    else notices.push(...absent.map(missing));
    return { baselines, notices };
  }
}

/** The newest unexpired artifact of that name that satisfies `accept`, reading a bounded number of pages. */
async function searchArtifacts(
  lookup: Lookup,
  name: string,
  accept: (artifact: ListedArtifact) => boolean,
): Promise<ListedArtifact | undefined> {
  for (let page = 1; page <= MAX_ARTIFACT_PAGES; page++) {
    const response = await lookup.github.request('GET /repos/{owner}/{repo}/actions/artifacts', {
      owner: lookup.context.owner,
      repo: lookup.context.repo,
      name,
      per_page: 100,
      page,
    });
    const artifacts = response.data.artifacts as ListedArtifact[];
    const found = artifacts.find((artifact) => !artifact.expired && accept(artifact));
    if (found !== undefined) return found;
    if (artifacts.length < 100) return undefined;
  }
  return undefined;
}

/** `train`, `train and eval`, or `5 experiments (a, b, c and 2 more)`. */
function listed(experiments: readonly string[]): string {
  if (experiments.length <= 2) return experiments.join(' and ');
  const shown = experiments.slice(0, NOTICES_OF_MISSING);
  const more = experiments.length - shown.length;
  return `${experiments.length} experiments (${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''})`;
}

/** The baselines of several experiments, merged: what gate and compare compare with. */
export interface CombinedBaseline {
  records: RunRecord[] | undefined;
  sha: string | undefined;
  url: string | undefined;
  notices: string[];
}

/**
 * Looks up the baseline of each experiment (every replicate of each), with requests shared by all
 * of them, and says on the log why one is missing or unusual. A lookup that fails (an expired
 * artifact, an API that keeps failing) becomes a notice: rules that need no baseline still apply.
 */
export async function findBaselines(request: {
  spec: BaselineSpec;
  experiments: string[];
  context: ActionContext;
  /** Undefined without a token: files still work, lookups become a notice. */
  github: GitHubClient | undefined;
  log: Log;
  /** The history branch to fall back to when an experiment's baseline records are not found; undefined: none. */
  historyBranch?: string | undefined;
  /** For `baseline: mlflow`: the runs kept in MLflow. Its failures (credentials, an outage) fail the step. */
  mlflow?: ExternalBaselineLookup | undefined;
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
  historyBranch?: string | undefined;
  mlflow?: ExternalBaselineLookup | undefined;
}): Promise<CombinedBaseline> {
  const combined: CombinedBaseline = { records: undefined, sha: undefined, url: undefined, notices: [] };
  const { spec, context } = request;
  if (spec.kind === 'none') return combined;
  if (spec.kind === 'mlflow') {
    if (request.mlflow === undefined) return { ...combined, notices: ['no MLflow tracking server is set'] };
    if (request.experiments.length === 0) return combined;
    const found = await request.mlflow(await baselineCommit(request.github, context));
    return {
      records: found.records.length === 0 ? undefined : found.records,
      sha: found.sha,
      url: found.url,
      notices: found.notices,
    };
  }
  // Files are read once for every experiment, with no token and no request; a path or glob that
  // matches nothing is the user's error, not a missing baseline.
  if (spec.kind === 'files') {
    const { records, sha } = await readBaselineFile(spec.pattern, context);
    return { ...combined, records, sha };
  }
  const github = request.github;
  if (github === undefined) return { ...combined, notices: ['no github-token: the baseline cannot be looked up'] };
  if (request.experiments.length === 0) return combined;
  const search = new BaselineSearch(github, context);
  try {
    const found = await lookUp({ spec, experiments: request.experiments, context, github, search });
    combined.notices.push(...found.notices, ...search.problems);
    for (const baseline of found.baselines) {
      combined.records = [...(combined.records ?? []), ...baseline.records];
      combined.sha ??= baseline.sha;
      if (baseline.workflowRunId !== undefined) {
        combined.url ??= `${context.serverUrl}/${context.repository}/actions/runs/${baseline.workflowRunId}`;
      }
    }
    const unfound = request.experiments.filter(
      (experiment) => !(combined.records ?? []).some((record) => record.experiment === experiment),
    );
    if (spec.kind === 'auto' && request.historyBranch !== undefined && unfound.length > 0) {
      const history = await baselinesFromHistory({
        github,
        context,
        branch: request.historyBranch,
        experiments: unfound,
      });
      if (history.records.length > 0) {
        combined.records = [...(combined.records ?? []), ...history.records];
        combined.sha ??= history.records[0]!.provenance.sha;
        combined.notices.push(...history.notices);
      }
    }
  } catch (thrown: unknown) {
    const reason = describeGitHubFailure(thrown) ?? errorMessage(thrown);
    combined.notices.push(`the baseline of ${listed(request.experiments)} could not be looked up: ${reason}`);
  }
  // Experiments that fell back to one earlier commit share its notice.
  combined.notices = [...new Set(combined.notices)];
  return combined;
}
