/** Which way is good for a metric, guessed from its name. */

export type MetricDirection = 'higher' | 'lower';

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

/**
 * `lower` when a word of the name (split at punctuation, digits and camelCase) is one of
 * loss, error, err, mae, mse, rmse, latency, time, perplexity, wer, cer (or a plural or
 * compound ending in loss/error/time/latency), else `higher`. Words, not substrings, so that
 * `power` or `answer` do not read as `wer`.
 */
export function metricDirection(name: string): MetricDirection {
  const words = name
    .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, '$1 $2')
    .toLowerCase()
    .split(/[^a-z]+/);
  for (const word of words) {
    if (word === '') continue;
    if (LOWER_IS_BETTER.has(word) || LOWER_IS_BETTER_SUFFIX.test(word)) return 'lower';
    // Plurals: errors, losses, times.
    if (word.endsWith('s') && (LOWER_IS_BETTER.has(word.slice(0, -1)) || LOWER_IS_BETTER.has(word.slice(0, -2)))) {
      return 'lower';
    }
  }
  return 'higher';
}
