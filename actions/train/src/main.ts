import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import {
  RUN_RECORD_SCHEMA,
  RUN_RECORD_VERSION,
  UserError,
  collectMetrics,
  defaultExperimentName,
  errorMessage,
  finalMetricValues,
  fingerprintFiles,
  fitRunRecord,
  formatBytes,
  MAX_RUN_RECORD_BYTES,
  lookAlikeNames,
  matrixReplicate,
  minutesText,
  oneLine,
  profileDataFiles,
  readParams,
  resolveDataFiles,
  redactCommand,
  redactParams,
  renderRunSummary,
  snapshotMetricsFiles,
  unchangedMetricsFiles,
  withoutUrlSecrets,
  type DataInput,
  type DataProfile,
  type Metric,
  type MlflowRunLink,
  type ParamValue,
  type RunRecord,
  type RunStatus,
  type TrainingEnvironment,
} from '@ml-actions/core';
import {
  runStep,
  runUserCommand,
  uploadRunRecord,
  writeJobRecord,
  type ActionContext,
  type AnnotationPlace,
  type Log,
  type Runner,
} from '@ml-actions/github';
import { logRecordToMlflow, readTrackedRun, type TrackedRun } from './mlflow-tracking.ts';
import { readTrainSettings, type TrainSettings } from './settings.ts';
import { readTrainingEnvironment } from './training-environment.ts';

/** train: run the command, read what it wrote, record the run. */
export async function run(runner?: Runner): Promise<void> {
  await runStep(
    { name: 'train', settings: readTrainSettings },
    async (step) => {
      const { settings, context, log } = step;
      const cwd = resolve(context.workspace, settings.workingDirectory);
      const where = { workspace: context.workspace, cwd };
      // What the metrics patterns match before the command, to tell later which files it did not write.
      const before = settings.command === undefined ? undefined : await snapshotMetricsFiles(settings.metrics, where);
      let started = new Date();

      let exitCode: number | undefined;
      let timedOut = false;
      if (settings.command !== undefined) {
        const timeoutMs = settings.timeoutMinutes === undefined ? undefined : settings.timeoutMinutes * 60_000;
        const result = await log.group(`Training: ${redactCommand(settings.command, settings.redact)}`, () =>
          runUserCommand(settings.command ?? '', cwd, { timeoutMs }),
        );
        // A stopped command's exit code is our signal, not its answer: the record has none then.
        if (result.timedOut) timedOut = true;
        else exitCode = result.exitCode;
      }
      let finished = new Date();

      // Every reader runs even when one fails, so that the record holds all that could be read.
      const problems: unknown[] = [];
      const attempt = async <T>(read: () => Promise<T>, fallback: T): Promise<T> => {
        try {
          return await read();
        } catch (thrown: unknown) {
          problems.push(thrown);
          return fallback;
        }
      };
      const unchanged = before === undefined ? new Set<string>() : await unchangedMetricsFiles(before);
      // A failed command's untouched files hold an earlier run's values, not this run's.
      const failed = timedOut || (exitCode !== undefined && exitCode !== 0);
      const metrics = await attempt(() => collectMetrics(settings.metrics, where, failed ? unchanged : new Set()), {
        metrics: {},
        sources: [],
        skipped: [],
        warnings: [],
      });
      for (const warning of metrics.warnings) log.warning(warning.message, annotation(warning));
      const staleSources = failed ? metrics.skipped : metrics.sources.filter((source) => unchanged.has(source));
      if (!failed) {
        for (const source of staleSources) {
          log.warning(
            `metrics file ${source} was not rewritten by the training command (it existed before and is unchanged); its values may be from an earlier run`,
            { file: source },
          );
        }
      }
      const params = await attempt(() => readParams(settings.params, where), {
        params: {},
        sources: [],
      });
      const inputs = await attempt(() => fingerprintFiles(settings.data, where), [] as DataInput[]);
      const profile =
        settings.profile.length === 0
          ? undefined
          : await attempt(
              async () =>
                log.group('Profiling the training data', async () => {
                  const files = await resolveDataFiles(settings.profile, where, 'profile');
                  const { profile } = await profileDataFiles(files);
                  log.info(
                    `profiled ${profile.rows} rows, ${profile.columns.length} columns of ${files.map((file) => file.display).join(', ')}`,
                  );
                  return profile;
                }),
              undefined,
            );
      const environment = await readTrainingEnvironment({
        command: settings.command,
        cwd,
        env: step.env,
        debug: (message) => log.debug(message),
      });
      // A run trained elsewhere: its metrics and params come from MLflow, beside any files named.
      let tracked: TrackedRun | undefined;
      if (settings.mlflowRun !== undefined && settings.mlflow !== undefined) {
        const runId = settings.mlflowRun;
        const tracking = settings.mlflow;
        tracked = await attempt(
          () => readTrackedRun(runId, tracking, { waitScale: settings.waitScale, log }),
          undefined,
        );
        if (tracked !== undefined) {
          metrics.metrics = { ...tracked.metrics, ...metrics.metrics };
          params.params = { ...tracked.params, ...params.params };
          metrics.sources.unshift(tracked.link.url);
          started = tracked.started ?? started;
          finished = tracked.finished ?? finished;
          if (tracked.status !== 'FINISHED') {
            log.warning(
              `MLflow run ${tracked.link.runId} is ${tracked.status}, not FINISHED: its metrics may be incomplete`,
            );
          }
        }
      }
      warnLookAlikes(log, 'metric', Object.keys(metrics.metrics));
      warnLookAlikes(log, 'param', Object.keys(params.params));

      const built = buildRecord(settings, context, {
        started,
        finished,
        exitCode,
        timedOut,
        metrics: metrics.metrics,
        params: redactParams(params.params, settings.redact),
        inputs,
        sources: [...metrics.sources, ...params.sources],
        staleSources,
        ...(tracked === undefined ? {} : { mlflow: tracked.link }),
        environment,
        ...(profile === undefined ? {} : { profile }),
      });
      // Every point goes to MLflow: the record's histories are thinned only below, to fit its cap.
      let logged: MlflowRunLink | undefined;
      if (settings.mlflow !== undefined && settings.mlflowRun === undefined) {
        const tracking = settings.mlflow;
        logged = await attempt(
          () => logRecordToMlflow(built, tracking, { waitScale: settings.waitScale, log }),
          undefined,
        );
        if (logged !== undefined) built.mlflow = logged;
      }
      // Long histories are thinned so that gate, compare and package accept the record.
      const record = fitRecord(built, problems, log);
      const { path, duplicateOf } = await writeJobRecord(record, context);
      step.setOutput('run-id', record.runId);
      step.setOutput('record', path);
      step.setOutput('metrics', JSON.stringify(finalMetricValues(record)));
      step.setOutput('mlflow-run-id', record.mlflow?.runId ?? '');
      step.setOutput('mlflow-run-url', record.mlflow?.url ?? '');
      step.addSummary(renderRunSummary(record));

      if (duplicateOf !== undefined) {
        // The step fails with this first; the record is kept, but not uploaded: its artifact would
        // take the earlier step's name.
        problems.unshift(
          new UserError(
            `an earlier train step of this job already recorded ${describeRun(record)}, so the two runs could not be told apart: set input "experiment" of one of the steps to a name of its own. This run's record was written to ${path}`,
          ),
        );
        step.setOutput('artifact-id', '');
      } else if (settings.upload) {
        try {
          const artifactId = await uploadRunRecord(await step.artifacts(), record, { log });
          step.setOutput('artifact-id', artifactId);
        } catch (thrown: unknown) {
          // An outage of the artifact service: the record is on disk for later steps of this job.
          step.setOutput('artifact-id', '');
          step.fail(
            `could not upload the run record as an artifact: ${withoutUrlSecrets(oneLine(errorMessage(thrown)))}; the record is at ${path}`,
          );
        }
      } else {
        step.setOutput('artifact-id', '');
      }

      if (timedOut) {
        step.fail(
          `the training command timed out after ${minutesText(settings.timeoutMinutes)} and was stopped; the run record was written with status "timed-out"`,
        );
      } else if (exitCode !== undefined && exitCode !== 0) {
        step.fail(`the training command exited with code ${exitCode}; the run record was written with status "failed"`);
      }
      // The first reading problem fails the step; the others are reported too, each on its own line.
      for (const problem of problems.slice(1)) {
        if (problem instanceof UserError) log.error(problem.message, annotation(problem));
      }
      if (problems.length > 0) throw problems[0];
    },
    runner,
  );
}

/** The record within MAX_RUN_RECORD_BYTES, each thinned history said; unchanged (and a problem) when it cannot fit. */
function fitRecord(record: RunRecord, problems: unknown[], log: Log): RunRecord {
  try {
    const fitted = fitRunRecord(record);
    for (const { metric, from, to } of fitted.downsampled) {
      log.warning(
        `the history of ${metric} was thinned from ${from} to ${to} points (first, last and extremes kept) to keep the run record within ${formatBytes(MAX_RUN_RECORD_BYTES)}`,
      );
    }
    return fitted.record;
  } catch (thrown: unknown) {
    problems.push(thrown);
    return record;
  }
}

/**
 * Names that differ only in hidden characters (`acc\u200buracy` beside `accuracy`) would show as
 * two rows that read the same; they are written out wherever shown, and said here.
 */
function warnLookAlikes(log: Log, kind: 'metric' | 'param', names: string[]): void {
  for (const group of lookAlikeNames(names)) {
    log.warning(
      `${group.length} ${kind} names read the same but differ in hidden characters: ${group.map((name) => JSON.stringify(name)).join(', ')}; they are shown with those characters written out`,
    );
  }
}

function annotation(error: UserError): AnnotationPlace {
  const place: AnnotationPlace = {};
  if (error.file !== undefined) place.file = error.file;
  if (error.line !== undefined) place.line = error.line;
  return place;
}

/** `experiment "train" with seed "1"`: quoted, so that any name or value reads as one. */
function describeRun(record: RunRecord): string {
  const experiment = `experiment ${JSON.stringify(record.experiment)}`;
  const { replicate } = record;
  return replicate === undefined
    ? experiment
    : `${experiment} with ${replicate.key} ${JSON.stringify(replicate.value)}`;
}

function runStatus(settings: TrainSettings, parts: { exitCode: number | undefined; timedOut: boolean }): RunStatus {
  if (settings.command === undefined) return 'collected';
  if (parts.timedOut) return 'timed-out';
  return parts.exitCode === 0 ? 'succeeded' : 'failed';
}

function buildRecord(
  settings: TrainSettings,
  context: ActionContext,
  parts: {
    started: Date;
    finished: Date;
    exitCode: number | undefined;
    timedOut: boolean;
    metrics: Record<string, Metric>;
    params: Record<string, ParamValue>;
    inputs: DataInput[];
    sources: string[];
    staleSources: string[];
    mlflow?: MlflowRunLink;
    environment: TrainingEnvironment;
    profile?: DataProfile;
  },
): RunRecord {
  const experiment = settings.experiment ?? defaultExperimentName(context.job, settings.matrix, settings.replicateKey);
  const replicate = matrixReplicate(settings.matrix, settings.replicateKey);
  return {
    schema: RUN_RECORD_SCHEMA,
    version: RUN_RECORD_VERSION,
    runId: `${context.runId}-${context.runAttempt}-${randomUUID().slice(0, 8)}`,
    experiment,
    ...(replicate === undefined ? {} : { replicate }),
    attempt: context.runAttempt,
    provenance: {
      repository: context.repository,
      serverUrl: context.serverUrl,
      sha: context.headSha ?? context.sha,
      ref: context.ref,
      branch: context.branch,
      ...(context.baseRef === undefined ? {} : { baseRef: context.baseRef }),
      ...(context.pullRequest === undefined ? {} : { pullRequest: context.pullRequest }),
      ...(context.headSha === undefined ? {} : { headSha: context.headSha }),
      event: context.eventName,
      workflow: context.workflow,
      workflowRunId: context.runId,
      runAttempt: context.runAttempt,
      runNumber: context.runNumber,
      job: context.job,
      matrix: settings.matrix,
      runnerOs: context.runnerOs,
    },
    params: parts.params,
    metrics: parts.metrics,
    outcome: {
      ...(settings.command === undefined ? {} : { command: redactCommand(settings.command, settings.redact) }),
      ...(parts.exitCode === undefined ? {} : { exitCode: parts.exitCode }),
      status: runStatus(settings, parts),
      ...(settings.command === undefined || settings.timeoutMinutes === undefined
        ? {}
        : { timeoutMinutes: settings.timeoutMinutes }),
      startedAt: parts.started.toISOString(),
      finishedAt: parts.finished.toISOString(),
      durationMs: parts.finished.getTime() - parts.started.getTime(),
    },
    inputs: parts.inputs,
    sources: parts.sources,
    ...(parts.staleSources.length === 0 ? {} : { staleSources: parts.staleSources }),
    ...(parts.mlflow === undefined ? {} : { mlflow: parts.mlflow }),
    ...(Object.keys(parts.environment).length === 0 ? {} : { environment: parts.environment }),
    ...(parts.profile === undefined ? {} : { profile: parts.profile }),
  };
}
