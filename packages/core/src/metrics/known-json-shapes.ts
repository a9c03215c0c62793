import path from 'node:path';
import type { Metric } from '../record/run-record.ts';
import { MAX_NESTING_DEPTH } from './flatten-tree.ts';
import { isPlainObject } from '../text/plain-object.ts';
import { isEpochName, isStepName } from './history-columns.ts';
import { MetricTable } from './metric-series.ts';
import { setOwnEntry } from '../text/safe-record.ts';

/**
 * The JSON files that ML frameworks write whose plain flattening would misread them, recognised
 * by name and shape and read as their framework means them:
 * - Hugging Face Trainer's `trainer_state.json`: `log_history` is a list of logged points, each
 *   with its `step`, so `loss`, `eval_loss`, ... become histories over step (the `epoch` in each
 *   point is a coordinate); of the other top-level fields, which are the trainer's state, only
 *   `best_metric` is a metric.
 * - XGBoost's and LightGBM's `evals_result` (`{"validation_0": {"logloss": [...]}}`): each eval
 *   set's arrays are histories over the boosting round (0-based), keyed `validation_0.logloss`.
 * - W&B's `wandb-summary.json`: keys starting with `_` (`_step`, `_runtime`, `_timestamp`,
 *   `_wandb`) are W&B's own bookkeeping, and objects with a `_type` are media or tables.
 * Undefined for any other tree, which is then read as plain nested metrics.
 */
export function knownJsonShapeMetrics(tree: unknown, displayName: string): KnownShape | undefined {
  if (!isPlainObject(tree)) return undefined;
  if (isTrainerState(tree)) return { kind: 'metrics', metrics: trainerStateMetrics(tree) };
  if (isEvalsResult(tree)) return { kind: 'metrics', metrics: evalsResultMetrics(tree) };
  if (path.posix.basename(displayName.replace(/\\/g, '/')) === 'wandb-summary.json' || isPlainObject(tree['_wandb'])) {
    return { kind: 'tree', tree: withoutWandbBookkeeping(tree) };
  }
  return undefined;
}

/** Either the metrics themselves, or a tree to read as plain nested metrics. */
export type KnownShape =
  { kind: 'metrics'; metrics: Record<string, Metric> } | { kind: 'tree'; tree: Record<string, unknown> };

function isTrainerState(tree: Record<string, unknown>): tree is Record<string, unknown> & { log_history: unknown[] } {
  const history = tree['log_history'];
  return (
    Array.isArray(history) &&
    history.every(
      (point) => isPlainObject(point) && typeof point['step'] === 'number' && Number.isFinite(point['step']),
    )
  );
}

function trainerStateMetrics(tree: { log_history: unknown[]; best_metric?: unknown }): Record<string, Metric> {
  const table = new MetricTable();
  for (const point of tree.log_history as Array<Record<string, unknown>>) {
    const step = point['step'] as number;
    for (const key of Object.keys(point)) {
      const value = point[key];
      if (typeof value === 'number' && !isStepName(key) && !isEpochName(key)) table.get(key).push(step, value);
    }
  }
  const metrics = table.toRecord();
  if (typeof tree.best_metric === 'number') metrics['best_metric'] = { value: tree.best_metric };
  return metrics;
}

function isNumberArray(value: unknown): value is number[] {
  return Array.isArray(value) && value.length > 0 && value.every((element) => typeof element === 'number');
}

function isEvalsResult(tree: Record<string, unknown>): boolean {
  const sets = Object.values(tree);
  return (
    sets.length > 0 &&
    sets.every((set) => isPlainObject(set) && Object.keys(set).length > 0 && Object.values(set).every(isNumberArray))
  );
}

function evalsResultMetrics(tree: Record<string, unknown>): Record<string, Metric> {
  const table = new MetricTable();
  for (const [set, byMetric] of Object.entries(tree)) {
    for (const [name, values] of Object.entries(byMetric as Record<string, number[]>)) {
      const series = table.get(`${set}.${name}`);
      values.forEach((value, round) => series.push(round, value));
    }
  }
  return table.toRecord();
}

/** A copy without W&B's `_` keys at the top and without `_type` objects at any depth. */
function withoutWandbBookkeeping(tree: Record<string, unknown>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  // Iterative, like flattenTree, so that a deeply nested file cannot exhaust the stack; below
  // MAX_NESTING_DEPTH the subtree is passed on as it is, for flattenTree to refuse.
  const stack: Array<{ from: Record<string, unknown>; to: Record<string, unknown>; depth: number }> = [
    { from: tree, to: root, depth: 0 },
  ];
  while (stack.length > 0) {
    const { from, to, depth } = stack.pop()!;
    for (const key of Object.keys(from)) {
      const value = from[key];
      if ((depth === 0 && key.startsWith('_')) || (isPlainObject(value) && '_type' in value)) continue;
      let copy = value;
      if (isPlainObject(value) && depth < MAX_NESTING_DEPTH) {
        copy = {};
        stack.push({ from: value, to: copy as Record<string, unknown>, depth: depth + 1 });
      }
      setOwnEntry(to, key, copy);
    }
  }
  return root;
}
