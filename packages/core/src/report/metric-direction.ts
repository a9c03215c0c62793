/**
 * Which way is good for a metric: declared by the rules or the inputs `higher-is-better` /
 * `lower-is-better`, else guessed from its name (and shown as a guess). Coordinates and system
 * values (epoch, step, learning rate, runtime ...) have no good way and are never coloured.
 */

import { UserError } from '../errors.ts';
import type { Rule } from '../gate/rule.ts';
import { matchesAny, nameGlob } from '../text/name-glob.ts';

export type MetricDirection = 'higher' | 'lower';

/** Where a direction came from: a rule, an input, the name, or none for a system value. */
export type DirectionSource = 'rule' | 'input' | 'guess' | 'system';

export interface ResolvedDirection {
  /** Undefined for a coordinate or system value: its changes are shown, never judged. */
  direction: MetricDirection | undefined;
  source: DirectionSource;
}

/** Metric-name globs declaring a direction (inputs `higher-is-better` and `lower-is-better`). */
export interface DirectionPatterns {
  higherIsBetter: readonly string[];
  lowerIsBetter: readonly string[];
}

const LOWER_IS_BETTER = new Set([
  'loss',
  'error',
  'err',
  'mae',
  'mse',
  'rmse',
  'latency',
  'time',
  'perplexity',
  'wer',
  'cer',
]);

// Compounds written as one word: nllloss, runtime, walltime, testerror.
const LOWER_IS_BETTER_SUFFIX = /(loss|error|time|latency)$/;

/** The words of a name, split at punctuation, digits and camelCase, lower-cased. */
function nameWords(name: string): string[] {
  return name
    .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, '$1 $2')
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((word) => word !== '');
}

/**
 * `lower` when a word of the name (split at punctuation, digits and camelCase) is one of
 * loss, error, err, mae, mse, rmse, latency, time, perplexity, wer, cer (or a plural or
 * compound ending in loss/error/time/latency), else `higher`. Words, not substrings, so that
 * `power` or `answer` do not read as `wer`.
 */
export function metricDirection(name: string): MetricDirection {
  for (const word of nameWords(name)) {
    if (LOWER_IS_BETTER.has(word) || LOWER_IS_BETTER_SUFFIX.test(word)) return 'lower';
    // Plurals: errors, losses, times.
    if (word.endsWith('s') && (LOWER_IS_BETTER.has(word.slice(0, -1)) || LOWER_IS_BETTER.has(word.slice(0, -2)))) {
      return 'lower';
    }
  }
  return 'higher';
}

// Values that trainers log beside the metrics (Hugging Face's `train_runtime`, Lightning's
// `lr-Adam`, Keras' `epoch`): where a run was, or how it was set up, not how good it is.
const SYSTEM_VALUES = new Set([
  'epoch',
  'epochs',
  'step',
  'steps',
  'global_step',
  'iteration',
  'iterations',
  'iter',
  'lr',
  'learning_rate',
  'momentum',
  'weight_decay',
  'batch_size',
  'runtime',
  'duration',
  'time',
  'wall_time',
  'walltime',
  'timestamp',
  'samples_per_second',
  'steps_per_second',
  'flos',
  'total_flos',
  'grad_norm',
]);
/** Split prefixes that name the data, not the value: `train_runtime` is a runtime. */
const SPLIT_PREFIXES = new Set(['train', 'training', 'eval', 'val', 'valid', 'validation', 'test']);
const UNITS = new Set(['s', 'sec', 'secs', 'seconds', 'ms', 'us', 'ns', 'min', 'mins', 'minutes', 'h', 'hours']);

/**
 * Whether a metric is a coordinate or system value: its last `.`/`/` part, without a split
 * prefix (`train_`, `eval_` ...) or a unit (`_s`, `_ms` ...), is one of epoch, step,
 * global_step, iteration, lr / learning_rate (also `lr-Adam`), momentum, weight_decay,
 * batch_size, runtime, duration, time, wall_time, timestamp, samples/steps_per_second,
 * (total_)flos, grad_norm. Whole parts, so Lightning's `loss_epoch` stays a loss.
 */
export function isSystemValue(name: string): boolean {
  const last = name.split(/[./]/).pop() ?? name;
  const words = nameWords(last);
  while (words.length > 1 && SPLIT_PREFIXES.has(words[0]!)) words.shift();
  if (words.length > 1 && UNITS.has(words[words.length - 1]!)) words.pop();
  if (words[0] === 'lr') return true;
  return SYSTEM_VALUES.has(words.join('_'));
}

/**
 * The direction each rule implies for its metric: `>`/`>=` (and `no-drop`, which is one) say
 * higher is better, `<`/`<=` (`no-rise`) lower. `==`, `!=` and rules on `std(...)`, which bound a
 * spread, say nothing; a metric whose rules disagree (a range such as `x >= 1` and `x <= 2`) has
 * no direction from its rules.
 */
export function ruleDirections(rules: readonly Rule[]): Map<string, MetricDirection> {
  const found = new Map<string, MetricDirection | null>();
  for (const rule of rules) {
    if (rule.aggregate === 'std') continue;
    const direction =
      rule.op === '>' || rule.op === '>=' ? 'higher' : rule.op === '<' || rule.op === '<=' ? 'lower' : undefined;
    if (direction === undefined) continue;
    const previous = found.get(rule.metric);
    found.set(rule.metric, previous === undefined || previous === direction ? direction : null);
  }
  const directions = new Map<string, MetricDirection>();
  for (const [metric, direction] of found) if (direction !== null) directions.set(metric, direction);
  return directions;
}

/**
 * The direction of every metric, in order of precedence: a system value has none; then the
 * rules; then the inputs; then the guess from the name. A metric that both inputs name is a
 * user error naming both, since neither could be the one meant.
 */
export function directionResolver(
  rules: readonly Rule[],
  patterns: DirectionPatterns,
): (metric: string) => ResolvedDirection {
  const fromRules = ruleDirections(rules);
  const higher = patterns.higherIsBetter.map(nameGlob);
  const lower = patterns.lowerIsBetter.map(nameGlob);
  const cache = new Map<string, ResolvedDirection>();
  return (metric) => {
    let resolved = cache.get(metric);
    if (resolved !== undefined) return resolved;
    if (isSystemValue(metric)) resolved = { direction: undefined, source: 'system' };
    else {
      const ruled = fromRules.get(metric);
      if (ruled !== undefined) resolved = { direction: ruled, source: 'rule' };
      else {
        const isHigher = matchesAny(metric, higher);
        const isLower = matchesAny(metric, lower);
        if (isHigher && isLower) {
          throw new UserError(
            `metric ${JSON.stringify(metric)} matches both inputs "higher-is-better" and "lower-is-better": name it in one`,
          );
        }
        resolved = isHigher
          ? { direction: 'higher', source: 'input' }
          : isLower
            ? { direction: 'lower', source: 'input' }
            : { direction: metricDirection(metric), source: 'guess' };
      }
    }
    cache.set(metric, resolved);
    return resolved;
  };
}
