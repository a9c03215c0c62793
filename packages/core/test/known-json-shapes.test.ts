import { describe, expect, it } from 'vitest';
import { knownJsonShapeMetrics } from '../src/metrics/known-json-shapes.ts';
import { metricsFromTree } from '../src/metrics/summary-metrics.ts';

/** What readJsonMetrics makes of a parsed tree. */
function read(tree: unknown, name = 'metrics.json') {
  const known = knownJsonShapeMetrics(tree, name);
  if (known?.kind === 'metrics') return known.metrics;
  return metricsFromTree(known?.tree ?? tree, name, 'JSON');
}

describe('JSON files read as their frameworks mean them', () => {
  it("Hugging Face's log_history: histories over step, epoch a coordinate, the trainer's state left out", () => {
    const metrics = read({
      global_step: 20,
      max_steps: 20,
      best_metric: 0.5,
      log_history: [
        { epoch: 0.5, loss: 0.9, step: 10 },
        { epoch: 1, eval_loss: 0.5, step: 20 },
        { epoch: 1, loss: 0.7, step: 20 },
      ],
    });
    expect(metrics).toEqual({
      loss: { value: 0.7, step: 20, history: { steps: [10, 20], values: [0.9, 0.7] } },
      eval_loss: { value: 0.5, step: 20, history: { steps: [20], values: [0.5] } },
      best_metric: { value: 0.5 },
    });
  });

  it('a log_history whose points lack a step is read as plain nested metrics', () => {
    expect(Object.keys(read({ log_history: [{ loss: 0.9 }] }))).toEqual(['log_history.0.loss']);
  });

  it('keys such as __proto__ stay plain data', () => {
    const tree: unknown = JSON.parse('{"log_history": [{"__proto__": 1, "step": 0}, {"constructor": 2, "step": 1}]}');
    const metrics = read(tree);
    expect(Object.keys(metrics).sort()).toEqual(['__proto__', 'constructor']);
    expect(Object.getOwnPropertyDescriptor(metrics, '__proto__')?.value).toEqual({
      value: 1,
      step: 0,
      history: { steps: [0], values: [1] },
    });
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it("evals_result: each eval set's arrays are histories over the round; a mixed tree is plain metrics", () => {
    expect(read({ validation_0: { logloss: [0.6, 0.5], error: [0.2, 0.1] } })).toEqual({
      'validation_0.logloss': { value: 0.5, step: 1, history: { steps: [0, 1], values: [0.6, 0.5] } },
      'validation_0.error': { value: 0.1, step: 1, history: { steps: [0, 1], values: [0.2, 0.1] } },
    });
    expect(read({ eval: { loss: 0.3, per_class: [0.5, 0.6] } })).toEqual({ 'eval.loss': { value: 0.3 } });
  });

  it("W&B's summary: no _ keys at the top, no media objects at any depth; other files keep their _ keys", () => {
    const summary = {
      _step: 4,
      _wandb: { runtime: 3 },
      acc: 0.9,
      eval: { _private: 1, chart: { _type: 'image-file', size: 10 } },
    };
    expect(read(summary, 'run/files/wandb-summary.json')).toEqual({
      acc: { value: 0.9 },
      'eval._private': { value: 1 },
    });
    expect(Object.keys(read({ _step: 4, acc: 0.9 }, 'summary.json'))).toEqual(['_step', 'acc']);
  });
});
