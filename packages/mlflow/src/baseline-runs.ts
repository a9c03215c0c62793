import {
  RUN_RECORD_SCHEMA,
  RUN_RECORD_VERSION,
  outsideProvenance,
  setOwnEntry,
  type RunRecord,
  type RunStatus,
} from '@ml-actions/core';
import { findExperiment } from './experiments.ts';
import { RECORD_TAGS } from './record-tags.ts';
import type { MlflowRun } from './run-reading.ts';
import { filterValue, searchRuns } from './run-search.ts';
import type { TrackingClient } from './tracking-client.ts';
import { createTrackingClient, type TrackingSettings } from './tracking-settings.ts';

/** Runs read at most by each search: beyond any matrix's replicates of a commit. */
export const BASELINE_SEARCH_LIMIT = 500;

/** The commit a baseline is sought for, on the branch whose runs count. */
export interface BaselineTarget {
  sha: string;
  branch: string;
  /** This run's own commit: its runs are never its baseline. */
  head: string;
  /**
   * `sha` and the commits before it, asked for only when `sha` has no runs: a fallback is never a
   * commit the pull request does not have. Undefined: any commit of the branch counts.
   */
  earlier?: (() => Promise<ReadonlySet<string>>) | undefined;
  repository: string;
  serverUrl: string;
}

export interface MlflowBaselines {
  /** Every replicate of each experiment found, as run records of final values. */
  records: RunRecord[];
  /** The commit of the first experiment's baseline; undefined when none was found. */
  sha: string | undefined;
  /** The MLflow page of one baseline run. */
  url: string | undefined;
  notices: string[];
  requests: number;
}

const USABLE: ReadonlySet<string> = new Set(['succeeded', 'collected']);

/**
 * The baselines of `experiments` from MLflow: the runs of the same experiments that `train` logged
 * on the base branch for the target commit, else, per experiment, those of the newest commit of the
 * branch that has any (with a notice naming it). At most three requests whatever the history: the
 * experiment, one search for the commit, one for the fallback. Runs of failed commands, runs of
 * pull requests and runs we did not log (no experiment tag) are never a baseline.
 */
export async function findMlflowBaselines(
  client: TrackingClient,
  request: { experimentName: string; experiments: readonly string[]; target: BaselineTarget },
): Promise<MlflowBaselines> {
  const before = client.requests;
  const { target } = request;
  const result: MlflowBaselines = { records: [], sha: undefined, url: undefined, notices: [], requests: 0 };
  const experimentId = await findExperiment(client, request.experimentName, client.connection.origin);
  if (experimentId === undefined) {
    result.notices.push(
      `MLflow has no experiment ${JSON.stringify(request.experimentName)}, so no baseline was found there`,
    );
    result.requests = client.requests - before;
    return result;
  }
  const onBranch = [
    `tags.\`${RECORD_TAGS.repository}\` = ${filterValue(target.repository, 'the repository')}`,
    `tags.\`${RECORD_TAGS.branch}\` = ${filterValue(target.branch, 'the base branch')}`,
  ];
  const exact = usable(
    await searchRuns(client, {
      experimentIds: [experimentId],
      filter: [...onBranch, `tags.\`${RECORD_TAGS.commit}\` = ${filterValue(target.sha, 'the commit')}`].join(' and '),
      maxResults: BASELINE_SEARCH_LIMIT,
    }),
    request.experiments,
    target.head,
  );
  const missing = request.experiments.filter((experiment) => !exact.has(experiment));
  const chosen = new Map(exact);
  if (missing.length > 0) {
    const earlier = await target.earlier?.();
    // MLflow's filters have no IN for tags, so the commits before `sha` are picked from the answer.
    const newest = usable(
      (
        await searchRuns(client, {
          experimentIds: [experimentId],
          filter: onBranch.join(' and '),
          orderBy: ['attributes.start_time DESC'],
          maxResults: BASELINE_SEARCH_LIMIT,
        })
      ).filter((run) => earlier === undefined || earlier.has(run.tags[RECORD_TAGS.commit] ?? '')),
      missing,
      target.head,
    );
    const short = target.sha.slice(0, 7);
    const which = earlier === undefined ? `of ${target.branch}` : `before ${short} on ${target.branch}`;
    for (const experiment of missing) {
      const runs = newest.get(experiment);
      const commit = runs?.[0]?.tags[RECORD_TAGS.commit];
      if (runs === undefined || commit === undefined) {
        const where = earlier === undefined ? `on ${target.branch}` : `on ${target.branch} for ${short} or before it`;
        result.notices.push(
          `MLflow has no run of ${experiment} ${where} (experiment ${JSON.stringify(request.experimentName)}), so it has no baseline`,
        );
        continue;
      }
      // Every replicate of that one commit.
      chosen.set(
        experiment,
        runs.filter((run) => run.tags[RECORD_TAGS.commit] === commit),
      );
      result.notices.push(
        `the baseline of ${experiment} comes from MLflow: commit ${commit.slice(0, 7)}, the newest ${which} with a run (commit ${short} has none)`,
      );
    }
  }
  for (const experiment of request.experiments) {
    for (const run of chosen.get(experiment) ?? []) result.records.push(recordFromMlflowRun(run, target));
  }
  result.sha = result.records[0]?.provenance.sha;
  result.url = result.records[0]?.mlflow?.url;
  result.requests = client.requests - before;
  return result;
}

/**
 * Runs by experiment, newest first, of those that can be a baseline: logged by `train` (with our
 * experiment tag), of a command that did not fail, not of a pull request; one run per replicate
 * of each commit (a re-run logs into the same run). Runs of this run's own commit are left out.
 */
function usable(runs: readonly MlflowRun[], experiments: readonly string[], head: string): Map<string, MlflowRun[]> {
  const wanted = new Set(experiments);
  const found = new Map<string, MlflowRun[]>();
  for (const run of runs) {
    const experiment = run.tags[RECORD_TAGS.experiment];
    if (experiment === undefined || !wanted.has(experiment)) continue;
    if (run.tags[RECORD_TAGS.commit] === head) continue;
    if (!USABLE.has(run.tags[RECORD_TAGS.recordStatus] ?? '')) continue;
    if (run.tags[RECORD_TAGS.event] === 'pull_request' || run.tags[RECORD_TAGS.event] === 'pull_request_target')
      continue;
    const list = found.get(experiment) ?? [];
    list.push(run);
    found.set(experiment, list);
  }
  return found;
}

/** A baseline run as a run record of final values (MLflow's latest value of each metric). */
export function recordFromMlflowRun(run: MlflowRun, target: Pick<BaselineTarget, 'serverUrl'>): RunRecord {
  const tags = run.tags;
  const replicate = parseReplicate(tags[RECORD_TAGS.replicate]);
  const status = tags[RECORD_TAGS.recordStatus] as RunStatus | undefined;
  const branch = tags[RECORD_TAGS.branch] ?? '';
  const started = run.startTime ?? 0;
  const finished = run.endTime !== undefined && run.endTime > 0 ? run.endTime : started;
  const metrics: RunRecord['metrics'] = {};
  for (const [key, metric] of Object.entries(run.metrics)) setOwnEntry(metrics, key, { value: metric.value });
  return {
    schema: RUN_RECORD_SCHEMA,
    version: RUN_RECORD_VERSION,
    runId: `mlflow-${run.runId}`,
    experiment: tags[RECORD_TAGS.experiment] ?? run.runName ?? run.runId,
    ...(replicate === undefined ? {} : { replicate }),
    attempt: Number(tags[RECORD_TAGS.attempt] ?? 1) || 1,
    provenance: outsideProvenance({
      repository: tags[RECORD_TAGS.repository] ?? '',
      serverUrl: target.serverUrl,
      sha: tags[RECORD_TAGS.commit] ?? '',
      ref: `refs/heads/${branch}`,
      branch,
      event: tags[RECORD_TAGS.event] ?? 'push',
    }),
    params: run.params,
    metrics,
    outcome: {
      status: status !== undefined && USABLE.has(status) ? status : 'collected',
      startedAt: new Date(started).toISOString(),
      finishedAt: new Date(finished).toISOString(),
      durationMs: Math.max(0, finished - started),
    },
    inputs: [],
    sources: [run.url],
    mlflow: { runId: run.runId, experimentId: run.experimentId, url: run.url },
  };
}

/** `seed=3` as the replicate tag writes it; undefined for anything else. */
function parseReplicate(text: string | undefined): { key: string; value: string } | undefined {
  if (text === undefined) return undefined;
  const at = text.indexOf('=');
  if (at <= 0) return undefined;
  return { key: text.slice(0, at), value: text.slice(at + 1) };
}

/**
 * The lookup `baseline: mlflow` runs once the commit is known: a client of its own, its retries
 * scaled and warned about as the step's others are.
 */
export function mlflowBaselineLookup(
  tracking: TrackingSettings,
  options: {
    experiments: readonly string[];
    repository: string;
    serverUrl: string;
    waitScale: number;
    log: { warning(message: string): void; debug(message: string): void; info(message: string): void };
  },
): (commit: Omit<BaselineTarget, 'repository' | 'serverUrl'>) => Promise<MlflowBaselines> {
  return async (commit) => {
    const client = createTrackingClient(tracking, options);
    const found = await findMlflowBaselines(client, {
      experimentName: tracking.experiment,
      experiments: options.experiments,
      target: { ...commit, repository: options.repository, serverUrl: options.serverUrl },
    });
    options.log.info(
      `MLflow baseline: ${found.records.length} run(s) of commit ${commit.sha.slice(0, 7) || '(none)'} or older in experiment ${JSON.stringify(tracking.experiment)}, in ${found.requests} requests`,
    );
    return found;
  };
}
