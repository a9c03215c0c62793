/**
 * The rollout of one version: the user's command once per traffic step, each step judged (the
 * command's exit, then the live metrics against the rules) before the next, and on a stop the
 * previous version brought back at 100 %. What talks to the outside comes in as collaborators,
 * so the order of events is this file's alone.
 */
import { errorMessage, type GateResult } from '@ml-actions/core';

export interface RolloutStep {
  /** 1-based. */
  index: number;
  traffic: number;
  verdict: 'passed' | 'failed';
  /** Why it failed, or what passed. */
  detail: string;
  startedAt: Date;
  finishedAt: Date;
}

export interface CommandOutcome {
  exitCode: number;
  timedOut: boolean;
}

export interface RolloutCollaborators {
  /** Runs the deployment command for the version rolled out at `traffic` %. */
  deploy(traffic: number): Promise<CommandOutcome>;
  /** Waits before a step is judged. */
  bake(): Promise<void>;
  /** Judges the live metrics; undefined when there are no rules. */
  judge(step: number): Promise<GateResult | undefined>;
  /** Tells the deployment how the rollout is going. */
  progress(step: RolloutStep, last: boolean): Promise<void>;
}

export interface RolloutResult {
  steps: RolloutStep[];
  /** Why the rollout stopped; undefined when every step passed. */
  stopped: string | undefined;
}

/** Runs the steps in order and stops at the first that fails. */
export async function rollOut(traffic: readonly number[], io: RolloutCollaborators): Promise<RolloutResult> {
  const steps: RolloutStep[] = [];
  for (const [position, percent] of traffic.entries()) {
    const startedAt = new Date();
    const step = (verdict: RolloutStep['verdict'], detail: string): RolloutStep => ({
      index: position + 1,
      traffic: percent,
      verdict,
      detail,
      startedAt,
      finishedAt: new Date(),
    });
    let failure: string | undefined;
    let passedDetail = 'command succeeded';
    try {
      const outcome = await io.deploy(percent);
      if (outcome.timedOut) failure = `the command ran past timeout-minutes and was stopped`;
      else if (outcome.exitCode !== 0) failure = `the command exited with code ${outcome.exitCode}`;
      if (failure === undefined) {
        await io.bake();
        const judged = await io.judge(position + 1);
        if (judged !== undefined) {
          const failed = judged.results.filter((rule) => rule.verdict === 'fail' || rule.verdict === 'error');
          if (failed.length > 0) failure = failed.map((rule) => rule.message).join('; ');
          else passedDetail = `${judged.results.length} ${judged.results.length === 1 ? 'rule' : 'rules'} passed`;
        }
      }
    } catch (thrown: unknown) {
      failure = errorMessage(thrown);
    }
    const done = failure === undefined ? step('passed', passedDetail) : step('failed', failure);
    steps.push(done);
    await io.progress(done, failure !== undefined || position === traffic.length - 1);
    if (failure !== undefined) return { steps, stopped: `step ${done.index} (${percent} %): ${failure}` };
  }
  return { steps, stopped: undefined };
}
