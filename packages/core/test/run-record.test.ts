import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UserError } from '../src/errors.ts';
import { parseRunRecord, serializeRunRecord, type Metric, type RunRecord } from '../src/record/run-record.ts';

const schemaPath = path.join(import.meta.dirname, '../schema/run-record.schema.json');
const fixturePath = path.join(import.meta.dirname, 'fixtures/metrics/run-record.json');

async function schemaValidator() {
  const schema = JSON.parse(await readFile(schemaPath, 'utf8')) as object;
  const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
  return ajv.compile(schema);
}

function sampleRecord(): RunRecord {
  return {
    schema: 'ml-actions/run-record',
    version: 1,
    runId: '1234-1-train',
    experiment: 'train (python 3.12)',
    replicate: { key: 'seed', value: '[1,2]' },
    attempt: 1,
    provenance: {
      repository: 'acme/churn',
      serverUrl: 'https://github.com',
      sha: 'a'.repeat(40),
      ref: 'refs/pull/7/merge',
      branch: 'feature/better-model',
      baseRef: 'main',
      pullRequest: 7,
      headSha: 'b'.repeat(40),
      event: 'pull_request',
      workflow: 'ml',
      workflowRunId: 1234,
      runAttempt: 1,
      runNumber: 56,
      job: 'train',
      matrix: { python: '3.12', seed: [1, 2] },
      runnerOs: 'Linux',
    },
    params: { 'train.lr': 0.001, 'model.name': 'mlp', 'model.layers': '[64,32]', shuffle: true, scheduler: null },
    metrics: {
      accuracy: { value: 0.1 + 0.2 },
      'train.loss': {
        value: 0.0625,
        step: 3,
        history: {
          steps: [0, 1, 2, 3],
          values: [1, NaN, Infinity, 0.0625],
          wallTimes: [1700000000.25, NaN, 1700000002.25, 1700000003.25],
        },
      },
      'eval/acc': { value: -Infinity, step: 1, history: { steps: [0, 1], values: [-0, -Infinity] } },
    },
    outcome: {
      command: 'python train.py',
      exitCode: 0,
      status: 'succeeded',
      startedAt: '2024-05-01T12:00:00.000Z',
      finishedAt: '2024-05-01T12:03:20.500Z',
      durationMs: 200500,
    },
    inputs: [
      {
        path: 'data/train.csv',
        size: 1024,
        sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      },
    ],
    sources: ['metrics.json', 'params.yaml'],
    profile: {
      version: 1,
      rows: 10,
      files: ['data/train.csv'],
      columns: [
        {
          name: 'age',
          kind: 'numeric',
          count: 9,
          missing: 1,
          mean: 40,
          std: 12.5,
          min: 18,
          max: 70,
          edges: [18, 35, 70],
          counts: [1, 4, 4],
        },
        {
          name: 'city',
          kind: 'categorical',
          count: 10,
          missing: 0,
          distinct: 3,
          top: [{ value: 'Oslo', count: 6 }],
          other: 4,
        },
      ],
    },
  };
}

function minimalRecord(): RunRecord {
  return {
    schema: 'ml-actions/run-record',
    version: 1,
    runId: 'local',
    experiment: 'default',
    attempt: 1,
    provenance: {
      repository: '',
      serverUrl: '',
      sha: '',
      ref: '',
      branch: '',
      event: 'workflow_dispatch',
      workflow: '',
      workflowRunId: 0,
      runAttempt: 0,
      runNumber: 0,
      job: '',
      matrix: {},
      runnerOs: 'Linux',
    },
    params: {},
    metrics: {},
    outcome: {
      status: 'collected',
      startedAt: '2024-05-01T12:00:00Z',
      finishedAt: '2024-05-01T12:00:00+02:00',
      durationMs: 0,
    },
    inputs: [],
    sources: [],
  };
}

function errorOf(text: string, source = 'run-record.json'): UserError {
  try {
    parseRunRecord(text, source);
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return error as UserError;
  }
  throw new Error('expected a UserError');
}

const REMOVE = Symbol('remove');

/** The sample record, serialised, with the value at one JSON path replaced (or removed). */
function broken(at: Array<string | number>, value: unknown): string {
  const document = JSON.parse(serializeRunRecord(sampleRecord())) as unknown;
  let node = document as Record<string | number, unknown>;
  for (const key of at.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = at[at.length - 1]!;
  if (value === REMOVE) delete node[last];
  else node[last] = value;
  return JSON.stringify(document);
}

describe('serializeRunRecord', () => {
  it('writes NaN and infinities as strings, keeps -0 and full precision, histories on one line', () => {
    const text = serializeRunRecord(sampleRecord());
    expect(text).toContain('"accuracy": {\n      "value": 0.30000000000000004\n    }');
    expect(text).toContain('"values": [1,"NaN","Infinity",0.0625]');
    expect(text).toContain('"values": [-0,"-Infinity"]');
    expect(text).toContain('"wallTimes": [1700000000.25,"NaN",1700000002.25,1700000003.25]');
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('round-trips the committed fixture byte for byte', async () => {
    const text = await readFile(fixturePath, 'utf8');
    expect(serializeRunRecord(parseRunRecord(text, 'run-record.json'))).toBe(text);
    expect(parseRunRecord(text, 'run-record.json')).toEqual(sampleRecord());
  });
});

describe('parseRunRecord', () => {
  it('reads back what serializeRunRecord wrote, NaN, infinities and -0 included', () => {
    for (const record of [sampleRecord(), minimalRecord()]) {
      expect(parseRunRecord(serializeRunRecord(record), 'r.json')).toEqual(record);
    }
    const metric = parseRunRecord(serializeRunRecord(sampleRecord()), 'r.json').metrics['eval/acc'] as Metric;
    expect(Object.is(metric.history?.values[0], -0)).toBe(true);
  });

  it('ignores unknown properties, so additive changes need no new version', () => {
    const text = serializeRunRecord(sampleRecord())
      .replace('{\n  "schema"', '{\n  "comment": "added by a newer minor release",\n  "schema"')
      .replace('"outcome": {', '"outcome": {\n    "extra": {"nested": [1]},');
    expect(parseRunRecord(text, 'r.json')).toEqual(sampleRecord());
  });

  it('names the source and JSON path of a bad field', () => {
    expect(errorOf(broken(['metrics', 'train.loss', 'history', 'values', 2], 'big')).message).toBe(
      'run-record.json: invalid run record: $.metrics["train.loss"].history.values[2] must be a number or "NaN", "Infinity", "-Infinity" (got "big")',
    );
    expect(errorOf(broken(['provenance', 'sha'], REMOVE)).message).toBe(
      'run-record.json: invalid run record: $.provenance.sha is missing',
    );
    expect(errorOf(broken(['outcome', 'status'], 'ok')).message).toBe(
      'run-record.json: invalid run record: $.outcome.status must be one of "succeeded", "failed", "timed-out", "collected" (got "ok")',
    );
    expect(errorOf(broken(['inputs', 0, 'sha256'], 'ABC')).message).toBe(
      'run-record.json: invalid run record: $.inputs[0].sha256 must be 64 lowercase hex digits (got "ABC")',
    );
    expect(errorOf(broken(['metrics', 'train.loss', 'history', 'steps'], [0, 1, 2])).message).toBe(
      'run-record.json: invalid run record: $.metrics["train.loss"].history.values has 4 entries but steps has 3; the columns must be parallel',
    );
    expect(errorOf(broken(['attempt'], 0)).file).toBe('run-record.json');
  });

  it('reads the replicate when there is one, checks it, and reads a record without one as the only run', () => {
    expect(parseRunRecord(serializeRunRecord(sampleRecord()), 'r.json').replicate).toEqual({
      key: 'seed',
      value: '[1,2]',
    });
    expect(parseRunRecord(broken(['replicate'], REMOVE), 'r.json')).not.toHaveProperty('replicate');
    const hostile = { key: 'seed', value: 'a/b\\"\'\u0000\n👩‍🔬\ud800'.repeat(50) };
    expect(parseRunRecord(broken(['replicate'], hostile), 'r.json').replicate).toEqual(hostile);
    expect(errorOf(broken(['replicate', 'value'], 1)).message).toBe(
      'run-record.json: invalid run record: $.replicate.value must be a string (got 1)',
    );
    expect(errorOf(broken(['replicate', 'key'], '')).message).toBe(
      'run-record.json: invalid run record: $.replicate.key must not be empty',
    );
    expect(errorOf(broken(['replicate'], [])).message).toBe(
      'run-record.json: invalid run record: $.replicate must be an object (got an array)',
    );
  });

  it('refuses other schemas, newer major versions and invalid JSON clearly', () => {
    expect(errorOf(broken(['version'], 2), 'artifact run-record-123').message).toBe(
      'artifact run-record-123: invalid run record: $.version is 2: the record was written by a newer ml-actions (record version 2); this one reads version 1, so update the ml-actions version used to read it',
    );
    expect(errorOf(broken(['schema'], 'mlflow/run')).message).toBe(
      'run-record.json: invalid run record: $.schema must be "ml-actions/run-record" (got "mlflow/run"); this is not an ml-actions run record',
    );
    const truncated = errorOf('{\n  "schema": "ml-actions/run-record",\n  "version": 1,');
    expect(truncated.message).toBe(
      'run-record.json:3:16: not a run record: invalid JSON: unexpected end of file (is it truncated?)',
    );
    expect(truncated.line).toBe(3);
    expect(errorOf('[]').message).toBe('run-record.json: invalid run record: $ must be an object (got an array)');
    const deepMatrix = broken(['provenance', 'matrix'], 'DEEP').replace(
      '"DEEP"',
      `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`,
    );
    expect(errorOf(deepMatrix).message).toBe(
      'run-record.json: invalid run record: $.provenance.matrix is nested more than 32 levels deep',
    );
  });
});

describe('the JSON Schema file', () => {
  // Broken documents that the schema and parseRunRecord must both refuse.
  const brokenDocuments: Record<string, string> = {
    'wrong schema id': broken(['schema'], 'other'),
    'newer version': broken(['version'], 2),
    'fractional version': broken(['version'], 1.5),
    'missing runId': broken(['runId'], REMOVE),
    'empty experiment': broken(['experiment'], ''),
    'replicate as text': broken(['replicate'], 'seed=1'),
    'replicate without key': broken(['replicate', 'key'], REMOVE),
    'replicate with an empty key': broken(['replicate', 'key'], ''),
    'replicate without value': broken(['replicate', 'value'], REMOVE),
    'replicate value as a number': broken(['replicate', 'value'], 1),
    'attempt 0': broken(['attempt'], 0),
    'attempt as text': broken(['attempt'], '1'),
    'provenance missing': broken(['provenance'], REMOVE),
    'provenance sha missing': broken(['provenance', 'sha'], REMOVE),
    'pull request 0': broken(['provenance', 'pullRequest'], 0),
    'matrix as an array': broken(['provenance', 'matrix'], []),
    'negative run id': broken(['provenance', 'workflowRunId'], -1),
    'param as an object': broken(['params', 'x'], { a: 1 }),
    'param as an array': broken(['params', 'x'], [1]),
    'empty param name': broken(['params', ''], 1),
    'metric without value': broken(['metrics', 'accuracy'], {}),
    'metric value as text': broken(['metrics', 'accuracy', 'value'], 'high'),
    'metric value "nan" (wrong spelling)': broken(['metrics', 'accuracy', 'value'], 'nan'),
    'metric as a number': broken(['metrics', 'accuracy'], 0.5),
    'empty metric name': broken(['metrics', ''], { value: 1 }),
    'step as text': broken(['metrics', 'train.loss', 'step'], 'NaN'),
    'history without steps': broken(['metrics', 'train.loss', 'history', 'steps'], REMOVE),
    'history step as text': broken(['metrics', 'train.loss', 'history', 'steps', 0], 'Infinity'),
    'history value null': broken(['metrics', 'train.loss', 'history', 'values', 0], null),
    'wall times as an object': broken(['metrics', 'train.loss', 'history', 'wallTimes'], {}),
    'unknown status': broken(['outcome', 'status'], 'passed'),
    'date without time': broken(['outcome', 'startedAt'], '2024-05-01'),
    'negative duration': broken(['outcome', 'durationMs'], -1),
    'fractional exit code': broken(['outcome', 'exitCode'], 0.5),
    'timeout of 0 minutes': broken(['outcome', 'timeoutMinutes'], 0),
    'timeout as text': broken(['outcome', 'timeoutMinutes'], '5'),
    'inputs as an object': broken(['inputs'], {}),
    'input without path': broken(['inputs', 0, 'path'], REMOVE),
    'input size negative': broken(['inputs', 0, 'size'], -5),
    'input sha256 uppercase': broken(['inputs', 0, 'sha256'], 'E'.repeat(64)),
    'source as a number': broken(['sources'], [1]),
    'stale sources as text': broken(['staleSources'], 'metrics.json'),
    'stale source as a number': broken(['staleSources'], [1]),
    'profile of a newer version': broken(['profile', 'version'], 2),
    'profile column of an unknown kind': broken(['profile', 'columns', 1, 'kind'], 'text'),
    'profile edges as text': broken(['profile', 'columns', 0, 'edges'], '18,35,70'),
    'top level array': '[]',
    'top level null': 'null',
  };

  it('accepts the serialised fixtures, as parseRunRecord does', async () => {
    const validate = await schemaValidator();
    const texts = [
      await readFile(fixturePath, 'utf8'),
      serializeRunRecord(sampleRecord()),
      serializeRunRecord(minimalRecord()),
    ];
    for (const text of texts) {
      expect(validate(JSON.parse(text)), JSON.stringify(validate.errors)).toBe(true);
      expect(() => parseRunRecord(text, 'fixture')).not.toThrow();
    }
  });

  it('refuses the same broken documents as parseRunRecord', async () => {
    const validate = await schemaValidator();
    for (const [name, text] of Object.entries(brokenDocuments)) {
      expect(validate(JSON.parse(text)), `schema accepted: ${name}`).toBe(false);
      expect(() => parseRunRecord(text, name), `parseRunRecord accepted: ${name}`).toThrow(UserError);
    }
  });

  it('property: both accept every serialised random record, and parse gives it back', async () => {
    const validate = await schemaValidator();
    const name = fc.string({ minLength: 1, maxLength: 8 });
    const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
    const metric: fc.Arbitrary<Metric> = fc.oneof(
      fc.record({ value: fc.double() }),
      fc.integer({ min: 0, max: 6 }).chain((length) =>
        fc.record({
          value: fc.double(),
          step: finite,
          history: fc.record(
            {
              steps: fc.array(finite, { minLength: length, maxLength: length }),
              values: fc.array(fc.double(), { minLength: length, maxLength: length }),
              wallTimes: fc.array(fc.double(), { minLength: length, maxLength: length }),
            },
            { requiredKeys: ['steps', 'values'] },
          ),
        }),
      ),
    );
    const isoDate = fc
      .date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true })
      .map((date) => date.toISOString());
    const count = fc.nat();
    const record: fc.Arbitrary<RunRecord> = fc.record(
      {
        schema: fc.constant('ml-actions/run-record' as const),
        version: fc.constant(1 as const),
        runId: name,
        experiment: name,
        replicate: fc.record({ key: name, value: fc.string({ unit: 'binary' }) }),
        attempt: fc.integer({ min: 1 }),
        provenance: fc.record(
          {
            repository: fc.string(),
            serverUrl: fc.string(),
            sha: fc.string(),
            ref: fc.string(),
            branch: fc.string(),
            baseRef: fc.string(),
            pullRequest: fc.integer({ min: 1 }),
            headSha: fc.string(),
            event: fc.string(),
            workflow: fc.string(),
            workflowRunId: count,
            runAttempt: count,
            runNumber: count,
            job: fc.string(),
            matrix: fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
            runnerOs: fc.string(),
          },
          {
            requiredKeys: [
              'repository',
              'serverUrl',
              'sha',
              'ref',
              'branch',
              'event',
              'workflow',
              'workflowRunId',
              'runAttempt',
              'runNumber',
              'job',
              'matrix',
              'runnerOs',
            ],
          },
        ),
        params: fc.dictionary(name, fc.oneof(fc.string(), finite, fc.boolean(), fc.constant(null)), { maxKeys: 5 }),
        metrics: fc.dictionary(name, metric, { maxKeys: 5 }),
        outcome: fc.record(
          {
            command: fc.string(),
            exitCode: fc.integer({ min: -255, max: 255 }),
            status: fc.constantFrom(
              'succeeded' as const,
              'failed' as const,
              'timed-out' as const,
              'collected' as const,
            ),
            timeoutMinutes: fc.double({ min: Number.MIN_VALUE, noNaN: true, noDefaultInfinity: true }),
            startedAt: isoDate,
            finishedAt: isoDate,
            durationMs: fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }),
          },
          { requiredKeys: ['status', 'startedAt', 'finishedAt', 'durationMs'] },
        ),
        inputs: fc.array(fc.record({ path: name, size: count, sha256: fc.stringMatching(/^[0-9a-f]{64}$/) }), {
          maxLength: 3,
        }),
        sources: fc.array(fc.string(), { maxLength: 3 }),
        staleSources: fc.array(fc.string(), { maxLength: 3 }),
      },
      {
        requiredKeys: [
          'schema',
          'version',
          'runId',
          'experiment',
          'attempt',
          'provenance',
          'params',
          'metrics',
          'outcome',
          'inputs',
          'sources',
        ],
      },
    );
    fc.assert(
      fc.property(record, (generated) => {
        const text = serializeRunRecord(generated);
        expect(validate(JSON.parse(text))).toBe(true);
        expect(parseRunRecord(text, 'random')).toEqual(generated);
      }),
      { numRuns: 200 },
    );
  });
});
