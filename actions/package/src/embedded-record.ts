/**
 * The run record a package embeds: the one named by input `run`, else the one train wrote earlier
 * in this job, else, in a job of its own after the training matrix, the workflow run's. Having
 * none is fine (a model trained elsewhere): the package then has no metrics.
 */
import { UserError, type RunRecord } from '@ml-actions/core';
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
  const chosen = gathered.runs.filter(
    (record) =>
      (settings.experiment === undefined || record.experiment === settings.experiment) &&
      (settings.replicate === undefined || record.replicate?.value === settings.replicate),
  );
  if (chosen.length === 0 && gathered.runs.length > 0) {
    const names = [...new Set(gathered.runs.map((record) => replicateName(record)))].sort();
    throw new UserError(
      `no run record of ${[
        settings.experiment === undefined ? '' : `experiment ${JSON.stringify(settings.experiment)}`,
        settings.replicate === undefined ? '' : `replicate ${JSON.stringify(settings.replicate)}`,
      ]
        .filter((part) => part !== '')
        .join(
          ' and ',
        )} (inputs "experiment", "replicate") among the ${gathered.runs.length} found: ${names.slice(0, 10).join(', ')}`,
    );
  }
  const latest = chosen.reduce<RunRecord | undefined>(
    (best, record) =>
      best === undefined || Date.parse(record.outcome.finishedAt) >= Date.parse(best.outcome.finishedAt)
        ? record
        : best,
    undefined,
  );
  return { record: latest, found: chosen.length, source: gathered.source };
}

/** How a record is listed in an error: `train (seed 2)`. */
function replicateName(record: RunRecord): string {
  return record.replicate === undefined
    ? record.experiment
    : `${record.experiment} (${record.replicate.key} ${record.replicate.value})`;
}
