import { describe, expect, it } from 'vitest';
import { findMlflowBaselines, recordFromMlflowRun } from '../src/baseline-runs.ts';
import type { MlflowRun } from '../src/run-reading.ts';
import { TrackingClient } from '../src/tracking-client.ts';
import { resolveTrackingConnection } from '../src/tracking-connection.ts';

const BASE = 'b'.repeat(40);
const OLDER = 'c'.repeat(40);
const HEAD = 'd'.repeat(40);

function run(id: string, tags: Record<string, string>, accuracy: number): MlflowRun {
  return {
    runId: id,
    experimentId: '3',
    runName: undefined,
    status: 'FINISHED',
    startTime: 1_700_000_000_000,
    endTime: 1_700_000_060_000,
    artifactUri: undefined,
    params: { lr: 0.1 },
    tags: {
      'ml-actions.repository': 'octo-org/churn',
      'mlflow.source.git.branch': 'main',
      'ml-actions.status': 'succeeded',
      'ml-actions.event': 'push',
      ...tags,
    },
    metrics: { accuracy: { value: accuracy, step: 0 } },
    url: `http://mlflow.test/#/experiments/3/runs/${id}`,
    modelSources: [],
  };
}

/** A client whose search answers come from `answers` in turn; each filter sent is kept. */
function searching(answers: MlflowRun[][]) {
  const filters: string[] = [];
  const fake = (url: string, init?: RequestInit): Promise<Response> => {
    if (url.includes('experiments/get-by-name')) {
      return Promise.resolve(Response.json({ experiment: { experiment_id: '3', lifecycle_stage: 'active' } }));
    }
    filters.push((JSON.parse(init?.body as string) as { filter: string }).filter);
    const runs = (answers.shift() ?? []).map((r) => ({
      info: { run_id: r.runId, experiment_id: r.experimentId, start_time: r.startTime, end_time: r.endTime },
      data: {
        tags: Object.entries(r.tags).map(([key, value]) => ({ key, value })),
        params: [{ key: 'lr', value: '0.1' }],
        metrics: [{ key: 'accuracy', value: r.metrics['accuracy']?.value, step: 0, timestamp: 1 }],
      },
    }));
    return Promise.resolve(Response.json({ runs }));
  };
  const client = new TrackingClient(
    resolveTrackingConnection('http://mlflow.test', {}, 'input "mlflow-tracking-uri"'),
    {
      log: { warn: () => undefined, debug: () => undefined },
      fetch: fake as unknown as typeof fetch,
    },
  );
  return { client, filters };
}

const target = { sha: BASE, branch: 'main', head: HEAD, repository: 'octo-org/churn', serverUrl: 'https://github.com' };

describe('findMlflowBaselines', () => {
  it("takes every replicate of the commit's runs, and leaves out failed, pull request and foreign runs", async () => {
    const { client, filters } = searching([
      [
        run(
          'r1',
          { 'ml-actions.experiment': 'train', 'ml-actions.replicate': 'seed=1', 'mlflow.source.git.commit': BASE },
          0.9,
        ),
        run(
          'r2',
          { 'ml-actions.experiment': 'train', 'ml-actions.replicate': 'seed=2', 'mlflow.source.git.commit': BASE },
          0.92,
        ),
        run(
          'r3',
          { 'ml-actions.experiment': 'train', 'ml-actions.status': 'failed', 'mlflow.source.git.commit': BASE },
          0.1,
        ),
        run(
          'r4',
          { 'ml-actions.experiment': 'train', 'ml-actions.event': 'pull_request', 'mlflow.source.git.commit': BASE },
          0.1,
        ),
        run('r5', { 'mlflow.source.git.commit': BASE }, 0.1),
      ],
    ]);
    const found = await findMlflowBaselines(client, { experimentName: 'churn', experiments: ['train'], target });
    expect(found.records.map((r) => [r.replicate?.value, r.metrics['accuracy']?.value])).toEqual([
      ['1', 0.9],
      ['2', 0.92],
    ]);
    expect(found.sha).toBe(BASE);
    expect(found.requests).toBe(2);
    expect(found.notices).toEqual([]);
    expect(filters[0]).toBe(
      "tags.`ml-actions.repository` = 'octo-org/churn' and tags.`mlflow.source.git.branch` = 'main' and tags.`mlflow.source.git.commit` = '" +
        BASE +
        "'",
    );
    expect(found.records[0]?.mlflow).toEqual({
      runId: 'r1',
      experimentId: '3',
      url: 'http://mlflow.test/#/experiments/3/runs/r1',
    });
  });

  it("falls back to the newest commit's runs, never this run's own commit, and says which", async () => {
    const { client } = searching([
      [],
      [
        run('h1', { 'ml-actions.experiment': 'train', 'mlflow.source.git.commit': HEAD }, 0.99),
        run(
          'o1',
          { 'ml-actions.experiment': 'train', 'ml-actions.replicate': 'seed=1', 'mlflow.source.git.commit': OLDER },
          0.8,
        ),
        run(
          'o2',
          { 'ml-actions.experiment': 'train', 'ml-actions.replicate': 'seed=2', 'mlflow.source.git.commit': OLDER },
          0.81,
        ),
        run('x1', { 'ml-actions.experiment': 'train', 'mlflow.source.git.commit': 'e'.repeat(40) }, 0.5),
      ],
    ]);
    const found = await findMlflowBaselines(client, {
      experimentName: 'churn',
      experiments: ['train', 'eval'],
      target,
    });
    expect(found.records.map((r) => r.mlflow?.runId)).toEqual(['o1', 'o2']);
    expect(found.sha).toBe(OLDER);
    expect(found.requests).toBe(3);
    expect(found.notices).toEqual([
      `the baseline of train comes from MLflow: commit ${OLDER.slice(0, 7)}, the newest of main with a run (commit ${BASE.slice(0, 7)} has none)`,
      'MLflow has no run of eval on main (experiment "churn"), so it has no baseline',
    ]);
  });
});

describe('findMlflowBaselines with the commits before the target', () => {
  const NEWER = 'f'.repeat(40);
  const answer = () => [
    // Newest first, as the search orders them: a commit the branch got after the target, then one before it.
    run(
      'n1',
      { 'ml-actions.experiment': 'train', 'ml-actions.replicate': 'seed=1', 'mlflow.source.git.commit': NEWER },
      0.7,
    ),
    run(
      'o1',
      { 'ml-actions.experiment': 'train', 'ml-actions.replicate': 'seed=1', 'mlflow.source.git.commit': OLDER },
      0.8,
    ),
  ];

  it('falls back only to a commit before the target, and asks for those commits only then', async () => {
    const { client } = searching([[], answer()]);
    let asked = 0;
    const earlier = () => {
      asked++;
      return Promise.resolve(new Set([BASE, OLDER]));
    };
    const found = await findMlflowBaselines(client, {
      experimentName: 'churn',
      experiments: ['train'],
      target: { ...target, earlier },
    });
    expect(found.records.map((r) => r.mlflow?.runId)).toEqual(['o1']);
    expect(asked).toBe(1);
    expect(found.notices).toEqual([
      `the baseline of train comes from MLflow: commit ${OLDER.slice(0, 7)}, the newest before ${BASE.slice(0, 7)} on main with a run (commit ${BASE.slice(0, 7)} has none)`,
    ]);

    const exact = searching([[run('b1', { 'ml-actions.experiment': 'train', 'mlflow.source.git.commit': BASE }, 0.9)]]);
    const direct = await findMlflowBaselines(exact.client, {
      experimentName: 'churn',
      experiments: ['train'],
      target: { ...target, earlier },
    });
    expect(direct.records.map((r) => r.mlflow?.runId)).toEqual(['b1']);
    expect(asked).toBe(1);
  });

  it('has no baseline when only newer commits have runs', async () => {
    const { client } = searching([[], answer().slice(0, 1)]);
    const found = await findMlflowBaselines(client, {
      experimentName: 'churn',
      experiments: ['train'],
      target: { ...target, earlier: () => Promise.resolve(new Set([BASE, OLDER])) },
    });
    expect(found.records).toEqual([]);
    expect(found.notices).toEqual([
      `MLflow has no run of train on main for ${BASE.slice(0, 7)} or before it (experiment "churn"), so it has no baseline`,
    ]);
  });
});

describe('recordFromMlflowRun', () => {
  it('reads the replicate and provenance back from the tags', () => {
    const record = recordFromMlflowRun(
      run(
        'r1',
        { 'ml-actions.experiment': 'train-gbm', 'ml-actions.replicate': 'seed=a=b', 'mlflow.source.git.commit': BASE },
        0.9,
      ),
      target,
    );
    expect(record.experiment).toBe('train-gbm');
    expect(record.replicate).toEqual({ key: 'seed', value: 'a=b' });
    expect(record.provenance).toMatchObject({ sha: BASE, branch: 'main', repository: 'octo-org/churn', event: 'push' });
    expect(record.outcome).toMatchObject({ status: 'succeeded', durationMs: 60_000 });
  });
});
