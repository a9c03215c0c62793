/**
 * Figure 8: logging a long history to a real MLflow tracking server. 100,000 steps of 5 metrics
 * (500,000 points) are logged with `logRun` into an existing experiment (its lookup, the run's
 * creation with every tag, the batches, the final status), and the same points with MLflow's own
 * Python client (`MlflowClient.log_batch`, 1,000 metrics a call, then `set_terminated`) against the
 * same server. The figures are our request count against ceil(points / 1000) + 3, and our wall time
 * over the Python client's, with the load average beside it.
 */
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Metric } from '@ml-actions/core';
import { TrackingClient, ensureExperiment, logRun, resolveTrackingConnection } from '@ml-actions/mlflow';
import { peersEnvironment, repositoryRoot, startMlflowServer } from '@ml-actions/testkit';
import { formatMs, formatRatio, runChild, verdict, type FigureRow } from './measure.ts';

const STEPS = 100_000;
const METRICS = 5;
const POINTS = STEPS * METRICS;
const REQUEST_TARGET = Math.ceil(POINTS / 1000) + 3;

/** Runs the MLflow figures. */
export async function mlflowLog(): Promise<FigureRow[]> {
  const server = await startMlflowServer();
  try {
    const client = new TrackingClient(resolveTrackingConnection(server.url, {}, 'bench'), {
      log: { warn: (message) => console.warn(message), debug: () => undefined },
    });
    const metrics: Record<string, Metric> = {};
    for (let k = 0; k < METRICS; k++) {
      const steps: number[] = [];
      const values: number[] = [];
      const wallTimes: number[] = [];
      for (let step = 0; step < STEPS; step++) {
        steps.push(step);
        values.push(Math.sin(step + k));
        wallTimes.push(1_700_000_000 + step / 1000);
      }
      metrics[`metric_${k}`] = {
        value: values[STEPS - 1] ?? NaN,
        step: STEPS - 1,
        history: { steps, values, wallTimes },
      };
    }
    // Both sides log into an experiment that exists, as every run after a project's first does.
    await ensureExperiment(client, 'bench-ours', 'bench');
    client.requests = 0;
    const loadBefore = loadavg()[0] ?? 0;
    const began = performance.now();
    const logged = await logRun(client, {
      experimentName: 'bench-ours',
      runName: 'bench',
      identity: `bench-${Date.now()}`,
      mayExist: false,
      status: 'FINISHED',
      startTime: Date.now(),
      endTime: Date.now(),
      tags: {},
      params: {},
      metrics,
    });
    const oursMs = performance.now() - began;
    if (logged.points !== POINTS) throw new Error(`logged ${logged.points} points, not ${POINTS}`);

    const { python } = peersEnvironment();
    const script = join(repositoryRoot(), 'test', 'peers', 'log_batch_mlflow.py');
    const reference = await runChild(python, [script], {
      input: JSON.stringify({
        tracking_uri: server.url,
        experiment_name: 'bench-python',
        metrics: METRICS,
        steps: STEPS,
      }),
      timeoutMs: 900_000,
    });
    if (reference.exitCode !== 0) throw new Error(`log_batch_mlflow.py failed: ${reference.stderr.slice(-500)}`);
    const python_ = JSON.parse(reference.stdout) as { seconds: number; points: number };
    if (python_.points !== POINTS) throw new Error(`the Python client logged ${python_.points} points, not ${POINTS}`);
    const pythonMs = python_.seconds * 1000;
    const load = `load average ${loadBefore.toFixed(2)} before, ${(loadavg()[0] ?? 0).toFixed(2)} after`;
    return [
      {
        figure: `8. MLflow: log ${STEPS.toLocaleString('en')} steps x ${METRICS} metrics, requests`,
        value: `${client.requests} requests (experiment, create, ${client.requests - 3} batches, status)`,
        reference: `target ceil(${POINTS.toLocaleString('en')} / 1000) + 3 = ${REQUEST_TARGET}`,
        ratio: formatRatio(client.requests / REQUEST_TARGET),
        target: `<= ${REQUEST_TARGET}`,
        verdict: verdict(client.requests <= REQUEST_TARGET),
      },
      {
        figure: `8. MLflow: log ${POINTS.toLocaleString('en')} points, wall time`,
        value: formatMs(oursMs),
        reference: `MlflowClient.log_batch ${formatMs(pythonMs)}; ${load}`,
        ratio: formatRatio(oursMs / pythonMs),
        target: '<= 1.0x',
        verdict: verdict(oursMs <= pythonMs),
      },
    ];
  } finally {
    await server.close();
  }
}
