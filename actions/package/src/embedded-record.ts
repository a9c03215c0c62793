/**
 * The run record a package embeds: the one named by input `run`, else the one train wrote earlier
 * in this job, else, in a job of its own after the training matrix, the workflow run's. Having
 * none is fine (a model trained elsewhere): the package then has no metrics.
 */
import type { RunRecord } from '@ml-actions/core';
import { gatherRuns, type GatheredRuns, type Step } from '@ml-actions/github';
import type { PackageSettings } from './settings.ts';

export interface EmbeddedRecord {
  record: RunRecord | undefined;
  /** How many records were found; only the most recent is embedded. */
  found: number;
  /** Where they came from: a record gathered from the workflow run comes with the gate verdict handed on there. */
  source: GatheredRuns['source'];
}

/** The record that finished last of those input `run` names (see gatherRuns). */
export async function findEmbeddedRecord(step: Step<PackageSettings>): Promise<EmbeddedRecord> {
  const { settings, context, log } = step;
  const gathered = await gatherRuns({ run: settings.run, context, github: () => step.github(), log, optional: true });
  const latest = gathered.runs.reduce<RunRecord | undefined>(
    (best, record) =>
      best === undefined || Date.parse(record.outcome.finishedAt) >= Date.parse(best.outcome.finishedAt)
        ? record
        : best,
    undefined,
  );
  return { record: latest, found: gathered.runs.length, source: gathered.source };
}
