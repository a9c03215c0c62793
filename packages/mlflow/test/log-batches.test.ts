import { describe, expect, it } from 'vitest';
import type { Metric } from '@ml-actions/core';
import { LOG_BATCH_LIMITS, isMlflowKey, planLogBatches } from '../src/log-batches.ts';

interface Body {
  run_id: string;
  metrics: { key: string; value: number | string; timestamp: number; step: number }[];
  params: { key: string; value: string }[];
  tags: { key: string; value: string }[];
}

function history(points: number, offset = 0): Metric {
  const steps: number[] = [];
  const values: number[] = [];
  for (let i = 0; i < points; i++) {
    steps.push(i);
    values.push(Math.sin(i + offset));
  }
  return { value: values[points - 1] ?? NaN, step: points - 1, history: { steps, values } };
}

function bodies(plan: ReturnType<typeof planLogBatches>): Body[] {
  return [...plan.bodies('0123456789abcdef0123456789abcdef')].map((text) => JSON.parse(text) as Body);
}

describe('planLogBatches', () => {
  it('packs every point into ceil(items / 1000) bodies within each of MLflow limits', () => {
    const params = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`p${i}`, String(i)]));
    const tags = Object.fromEntries(Array.from({ length: 120 }, (_, i) => [`t${i}`, 'x']));
    const metrics = { a: history(2500), b: history(1200, 1) };
    const plan = planLogBatches({ params, tags, metrics, defaultTimestamp: 5 });
    const sent = bodies(plan);
    expect(plan.points).toBe(3700);
    for (const body of sent) {
      expect(body.metrics.length).toBeLessThanOrEqual(LOG_BATCH_LIMITS.metrics);
      expect(body.params.length).toBeLessThanOrEqual(LOG_BATCH_LIMITS.params);
      expect(body.tags.length).toBeLessThanOrEqual(LOG_BATCH_LIMITS.tags);
      expect(body.metrics.length + body.params.length + body.tags.length).toBeLessThanOrEqual(LOG_BATCH_LIMITS.items);
    }
    // Every item exactly once, in order within its key.
    expect(sent.flatMap((b) => b.params.map((p) => p.key))).toEqual(Object.keys(params));
    expect(sent.flatMap((b) => b.tags.map((t) => t.key))).toEqual(Object.keys(tags));
    const a = sent.flatMap((b) => b.metrics.filter((m) => m.key === 'a'));
    expect(a.map((m) => m.step)).toEqual(metrics.a.history?.steps);
    expect(a.map((m) => m.value)).toEqual(metrics.a.history?.values);
    expect(a.every((m) => m.timestamp === 5)).toBe(true);
    // Params fill two bodies (100 each) and tags two, so the packing needs no more than the item count says.
    expect(sent.length).toBe(Math.ceil((3700 + 150 + 120) / 1000));
  });

  it('keeps each body under 1 MB when values are long', () => {
    const params = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`p${i}`, 'v'.repeat(6000)]));
    const tags = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`t${i}`, 't'.repeat(8000)]));
    const texts = [...planLogBatches({ params, tags, metrics: {}, defaultTimestamp: 0 }).bodies('r')];
    expect(texts.length).toBeGreaterThan(1);
    for (const text of texts) expect(Buffer.byteLength(text)).toBeLessThanOrEqual(LOG_BATCH_LIMITS.bytes);
    expect(texts.map((t) => JSON.parse(t) as Body).flatMap((b) => b.tags).length).toBe(100);
  });

  it('writes NaN and infinities as MLflow reads them, wall times as milliseconds', () => {
    const metric: Metric = {
      value: NaN,
      step: 2,
      history: { steps: [0, 1, 2], values: [Infinity, -Infinity, NaN], wallTimes: [10.5, NaN, 12] },
    };
    const [body] = bodies(planLogBatches({ params: {}, tags: {}, metrics: { m: metric }, defaultTimestamp: 99 }));
    expect(body?.metrics.map((m) => [m.value, m.timestamp])).toEqual([
      ['Infinity', 10500],
      ['-Infinity', 99],
      ['NaN', 12000],
    ]);
  });

  it('logs a metric with fractional steps by point index, and says so', () => {
    const metric: Metric = { value: 3, step: 1.5, history: { steps: [0.5, 1, 1.5], values: [1, 2, 3] } };
    const plan = planLogBatches({
      params: {},
      tags: {},
      metrics: { epoch_loss: metric, plain: { value: 7 } },
      defaultTimestamp: 0,
    });
    expect(plan.reindexed).toEqual(['epoch_loss']);
    const [body] = bodies(plan);
    expect(body?.metrics.map((m) => [m.key, m.step])).toEqual([
      ['epoch_loss', 0],
      ['epoch_loss', 1],
      ['epoch_loss', 2],
      ['plain', 0],
    ]);
  });

  it('builds a million-point history one body at a time, 1,000 points each', () => {
    const plan = planLogBatches({
      params: { lr: '0.1' },
      tags: {},
      metrics: { loss: history(1_000_000) },
      defaultTimestamp: 0,
    });
    let count = 0;
    let largest = 0;
    for (const text of plan.bodies('r')) {
      count++;
      largest = Math.max(largest, Buffer.byteLength(text));
    }
    expect(plan.points).toBe(1_000_000);
    expect(count).toBe(1001);
    expect(largest).toBeLessThan(LOG_BATCH_LIMITS.bytes);
  });
});

describe('isMlflowKey', () => {
  it('accepts what MLflow accepts and refuses the rest', () => {
    for (const key of ['loss', 'train/loss', 'val.acc', 'f1 score', 'a-b_c:d', 'précision'])
      expect(isMlflowKey(key)).toBe(true);
    for (const key of ['', 'bad!', '/abs', 'a/../b', 'x'.repeat(251), 'new\nline', 'a<b>'])
      expect(isMlflowKey(key)).toBe(false);
  });
});
