/** The runs of a comparison grouped by experiment: replicates of one experiment, with their baseline. */

import type { RunRecord } from '../record/run-record.ts';

export interface ExperimentGroup {
  experiment: string;
  /** This PR's runs of the experiment: its replicates (seeds). */
  runs: RunRecord[];
  /** The baseline's runs of the same experiment. */
  baseline: RunRecord[];
}

/**
 * This PR's experiments in the order their runs come, each with the baseline runs of the same
 * name; then any baseline experiment that this PR did not run, with no runs. As the gate
 * matches them: when both sides hold one experiment each under different names (a baseline
 * file from another job), the one is the baseline of the other.
 */
export function groupExperiments(runs: readonly RunRecord[], baseline: readonly RunRecord[]): ExperimentGroup[] {
  const current = byExperiment(runs);
  const before = byExperiment(baseline);
  if (current.size === 1 && before.size === 1) {
    const [name, own] = [...current][0]!;
    return [{ experiment: name, runs: own, baseline: [...before.values()][0]! }];
  }
  const groups: ExperimentGroup[] = [];
  for (const [experiment, own] of current)
    groups.push({ experiment, runs: own, baseline: before.get(experiment) ?? [] });
  for (const [experiment, records] of before) {
    if (!current.has(experiment)) groups.push({ experiment, runs: [], baseline: records });
  }
  return groups;
}

function byExperiment(records: readonly RunRecord[]): Map<string, RunRecord[]> {
  const groups = new Map<string, RunRecord[]>();
  for (const record of records) {
    const group = groups.get(record.experiment);
    if (group === undefined) groups.set(record.experiment, [record]);
    else group.push(record);
  }
  return groups;
}
