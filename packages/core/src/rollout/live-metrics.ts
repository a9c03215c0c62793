/**
 * Live metrics of a deployment judged with the gate's rule language: the metrics become the one
 * run of a record (no baseline), so every rule that needs none means what it means in the gate.
 */
import { evaluateRules } from '../gate/evaluate.ts';
import type { GateResult } from '../gate/gate-result.ts';
import { rulesNeedBaseline } from '../gate/needs-baseline.ts';
import type { Rule } from '../gate/rule.ts';
import { UserError } from '../errors.ts';
import {
  RUN_RECORD_SCHEMA,
  RUN_RECORD_VERSION,
  outsideProvenance,
  type Metric,
  type RunRecord,
} from '../record/run-record.ts';

/** Refuses rules that compare with a baseline: live metrics (of a rollout step, of production) have none. */
export function checkLiveRules(rules: readonly Rule[], input = 'rules', subject = "a rollout step's metrics"): void {
  if (rulesNeedBaseline(rules)) {
    throw new UserError(
      `input "${input}": ${subject} have no baseline, so rules may not use \`baseline\` or \`no-drop\``,
    );
  }
}

export function judgeLiveMetrics(
  rules: readonly Rule[],
  metrics: Record<string, Metric>,
  step: { experiment: string; sources: string[]; at: Date; repository: string; serverUrl: string; sha: string },
): GateResult {
  const at = step.at.toISOString();
  const record: RunRecord = {
    schema: RUN_RECORD_SCHEMA,
    version: RUN_RECORD_VERSION,
    runId: `${step.experiment}-${step.at.getTime()}`,
    experiment: step.experiment,
    attempt: 1,
    provenance: outsideProvenance({
      repository: step.repository,
      serverUrl: step.serverUrl,
      sha: step.sha,
      ref: '',
      branch: '',
      event: 'deployment',
    }),
    params: {},
    metrics,
    outcome: { status: 'collected', startedAt: at, finishedAt: at, durationMs: 0 },
    inputs: [],
    sources: step.sources,
  };
  return evaluateRules(rules, { runs: [record], baseline: undefined, requireBaseline: false, alpha: 0.05 });
}
