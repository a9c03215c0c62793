import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { UserError } from '../src/errors.ts';
import type { GateResult } from '../src/gate/gate-result.ts';
import {
  buildManifest,
  findMlmodelFile,
  libraryNameOf,
  parseMlmodel,
  renderModelCard,
  renderSha256Sums,
  serializeManifest,
  type ManifestFile,
} from '../src/model-package/index.ts';
import type { RunRecord } from '../src/record/run-record.ts';
import { escapeInline } from '../src/text/markdown-escape.ts';

const fixtures = path.join(import.meta.dirname, 'fixtures/model-package');
const mlmodelText = fs.readFileSync(path.join(fixtures, 'sklearn-model/MLmodel'), 'utf8');
const mlmodel = await parseMlmodel(mlmodelText);
const record = JSON.parse(fs.readFileSync(path.join(fixtures, 'run-record.json'), 'utf8')) as RunRecord;
const schema = JSON.parse(
  fs.readFileSync(path.join(import.meta.dirname, '../schema/model-manifest.schema.json'), 'utf8'),
) as object;
const validate = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true }).compile(schema);

const hex = (char: string): string => char.repeat(64);
const files: ManifestFile[] = [
  { path: 'model/model.pkl', size: 44, sha256: hex('a') },
  { path: 'model/MLmodel', size: 810, sha256: hex('b') },
];
const gate: GateResult = {
  passed: false,
  results: [
    {
      rule: 'accuracy >= 0.9',
      line: 1,
      metric: 'accuracy',
      verdict: 'pass',
      actual: 0.9312345678,
      threshold: 0.9,
      message: 'ok',
    },
    {
      rule: 'loss <= baseline * 1.05',
      experiment: 'train',
      line: 2,
      metric: 'loss',
      verdict: 'fail',
      actual: NaN,
      threshold: 0.189,
      baseline: 0.18,
      message: 'loss is NaN | not <= 0.189',
    },
  ],
};

function options() {
  return {
    name: 'churn-model',
    version: '1.3.0',
    files,
    record,
    gate,
    createdAt: new Date('2024-09-12T09:00:00Z'),
    mlmodel,
  };
}

function manifest() {
  return buildManifest(options());
}

describe('parseMlmodel', () => {
  it('reads flavors, signature and identity from the MLflow fixture', () => {
    expect(mlmodel).toEqual({
      flavors: ['python_function', 'sklearn'],
      signature: {
        inputs: [
          { type: 'double', name: 'tenure_months', required: true },
          { type: 'double', name: 'monthly_charges', required: true },
          { type: 'string', name: 'contract', required: false },
        ],
        outputs: [{ type: 'long', required: true }],
        params: null,
      },
      runId: '0a1b2c3d4e5f60718293a4b5c6d7e8f9',
      modelUuid: '4f1e0a2b9c8d4e7f8a6b5c4d3e2f1a0b',
      mlflowVersion: '2.16.0',
      createdAt: '2024-09-12 08:15:42.123456',
    });
  });

  it('points at the line of bad YAML, a missing flavors mapping and bad signature JSON', async () => {
    const error = async (text: string): Promise<UserError> => {
      try {
        await parseMlmodel(text, 'model/MLmodel');
      } catch (thrown) {
        expect(thrown).toBeInstanceOf(UserError);
        return thrown as UserError;
      }
      throw new Error('expected a UserError');
    };
    const yamlError = await error('flavors:\n  sklearn: {}\n bad: [\n');
    expect(yamlError.message).toMatch(/^model\/MLmodel:3:\d+: invalid YAML: /);
    expect(yamlError.file).toBe('model/MLmodel');
    expect((await error('run_id: x\n')).message).toBe(
      'model/MLmodel: has no "flavors" mapping, so it is not an MLflow MLmodel file',
    );
    const json = await error('flavors:\n  sklearn: {}\nsignature:\n  inputs: \'[{"name": oops}]\'\n');
    expect(json.message).toMatch(/^model\/MLmodel: signature\.inputs is not valid JSON \(/);
    expect(json.line).toBe(4);
  });

  it('finds the shallowest MLmodel among files', () => {
    expect(findMlmodelFile([{ path: 'a/b/MLmodel' }, { path: 'z/MLmodel' }, { path: 'MLmodel.txt' }])).toBe(
      'z/MLmodel',
    );
    expect(findMlmodelFile([{ path: 'model.pkl' }])).toBeUndefined();
  });
});

describe('buildManifest', () => {
  it('collects files, metrics, params, gate, provenance, data and the MLmodel', () => {
    const m = manifest();
    expect(m).toMatchObject({
      schema: 'ml-actions/model-manifest',
      schemaVersion: 1,
      name: 'churn-model',
      version: '1.3.0',
      createdAt: '2024-09-12T09:00:00.000Z',
      files: [
        { path: 'model/MLmodel', size: 810, sha256: hex('b') },
        { path: 'model/model.pkl', size: 44, sha256: hex('a') },
      ],
      totalSize: 854,
      metrics: { accuracy: 0.9312345678, loss: 0.21, on: 3 },
      params: { 'data.shuffle': true, 'model.criterion': 'gini', 'model.max_depth': 6 },
      data: [{ path: 'data/train.csv', size: 1048576 }],
      mlmodel: { path: 'model/MLmodel', flavors: ['python_function', 'sklearn'], mlflowVersion: '2.16.0' },
    });
    expect(m.gate?.rules[1]).toEqual({
      rule: 'loss <= baseline * 1.05',
      experiment: 'train',
      line: 2,
      metric: 'loss',
      aggregate: null,
      verdict: 'fail',
      actual: 'NaN',
      threshold: 0.189,
      baseline: 0.18,
      pValue: null,
      message: 'loss is NaN | not <= 0.189',
    });
    expect(m.gate?.rules[0]).toMatchObject({ experiment: null, pValue: null });
    expect(m.provenance).toMatchObject({
      repository: 'acme/churn',
      sha: '9f2c4e1b7a3d5f60817263544536271809abcdef',
      runUrl: 'https://github.com/acme/churn/actions/runs/12345/attempts/1',
      commitUrl: 'https://github.com/acme/churn/commit/9f2c4e1b7a3d5f60817263544536271809abcdef',
      job: 'train',
      pullRequest: null,
    });
    // Metric keys come out sorted, so the document is the same for the same inputs.
    expect(Object.keys(m.metrics)).toEqual(['accuracy', 'loss', 'on']);
  });

  it("keeps each rule's experiment and the p-value of its significance test", () => {
    const significant = buildManifest({
      name: 'm',
      version: '0.1.0',
      files: files.slice(0, 1),
      createdAt: '2024-01-01T00:00:00Z',
      gate: {
        passed: true,
        results: [
          {
            rule: 'accuracy: no-drop significant',
            experiment: 'train',
            line: 3,
            metric: 'accuracy',
            verdict: 'pass',
            actual: 0.93,
            threshold: 0.92,
            baseline: 0.92,
            noise: 'within-noise',
            pValue: 0.31,
            difference: 0.01,
            ciLow: -0.02,
            ciHigh: 0.04,
            message: 'within noise',
          },
        ],
      },
    });
    expect(significant.gate?.rules[0]).toMatchObject({ experiment: 'train', pValue: 0.31, verdict: 'pass' });
    expect(validate(JSON.parse(serializeManifest(significant))), JSON.stringify(validate.errors)).toBe(true);
  });

  it('validates against the committed JSON Schema, with and without a record', () => {
    const full = JSON.parse(serializeManifest(manifest())) as unknown;
    expect(validate(full), JSON.stringify(validate.errors)).toBe(true);
    const bare = JSON.parse(
      serializeManifest(
        buildManifest({
          name: 'm',
          version: '0.1.0-pr.1.2',
          files: files.slice(0, 1),
          createdAt: '2024-01-01T00:00:00Z',
        }),
      ),
    ) as unknown;
    expect(validate(bare), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...(full as object), files: [{ path: 'x', size: 1, sha256: 'nothex' }] })).toBe(false);
  });

  it("records the version's trend page link only when there is one, and refuses a link that is not http(s)", () => {
    const url = 'https://acme.github.io/churn/#experiment=train&version=1.3.0';
    const linked = buildManifest({ ...options(), trendPage: url });
    expect(linked.trendPage).toBe(url);
    expect(validate(JSON.parse(serializeManifest(linked))), JSON.stringify(validate.errors)).toBe(true);
    expect('trendPage' in manifest()).toBe(false);
    expect(() => buildManifest({ ...options(), trendPage: 'javascript:alert(1)' })).toThrow(/not an http\(s\) address/);
    expect(validate({ ...linked, trendPage: 'javascript:alert(1)' })).toBe(false);
  });

  it('refuses a model file that would collide with the package files', () => {
    expect(() =>
      buildManifest({
        name: 'm',
        version: '1.0.0',
        files: [{ path: 'README.md', size: 1, sha256: hex('c') }],
        createdAt: new Date(0),
      }),
    ).toThrow(
      "model file README.md would collide with the package's own README.md; move it into a folder or leave it out",
    );
  });
});

describe('renderSha256Sums', () => {
  it('renders "<hex>  <path>" lines sorted by path', () => {
    expect(
      renderSha256Sums([
        { path: 'b/x', sha256: hex('1') },
        { path: 'README.md', sha256: hex('2') },
        { path: 'a b', sha256: hex('3') },
      ]),
    ).toBe(`${hex('2')}  README.md\n${hex('3')}  a b\n${hex('1')}  b/x\n`);
  });
});

const card = await renderModelCard(manifest(), { description: 'Predicts churn.', task: 'tabular-classification' });
describe('renderModelCard', () => {
  const [, frontText = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(card) ?? [];

  it('has front matter that parses back with model-index metrics', () => {
    expect(parseYaml(frontText)).toEqual({
      library_name: 'scikit-learn',
      tags: ['ml-actions', 'mlflow', 'scikit-learn'],
      'model-index': [
        {
          name: 'churn-model',
          results: [
            {
              task: { type: 'tabular-classification' },
              metrics: [
                { type: 'accuracy', value: 0.9312345678, name: 'accuracy' },
                { type: 'loss', value: 0.21, name: 'loss' },
                { type: 'on', value: 3, name: 'on' },
              ],
            },
          ],
        },
      ],
    });
    // Quoted, so PyYAML (YAML 1.1) does not read the metric name `on` as true.
    expect(frontText).toContain('type: "on"');
  });

  it('renders metrics, params, gate, provenance, files and how to verify, escaping user text', () => {
    expect(body).toContain(
      '# churn-model\n\nVersion `1.3.0`, packaged 2024-09-12T09:00:00.000Z by ml-actions: 2 files, 854 B.\n\nPredicts churn.\n',
    );
    expect(body).toContain('| Metric | Value |\n| --- | ---: |\n| accuracy | 0.931235 |\n| loss | 0.21 |\n| on | 3 |');
    expect(body).toContain('| note\\|with pipe | a \\| b &lt;script&gt; |');
    expect(body).toContain('| model.max\\_depth | 6 |');
    expect(body).toContain('**Failed**: 1 of 2 rules passed.');
    expect(body).toContain(
      '| loss &lt;= baseline \\* 1.05 | ❌ fail | NaN | 0.189 | 0.18 | loss is NaN \\| not &lt;= 0.189 |',
    );
    expect(body).toContain(
      '| Commit | [9f2c4e1b7a3d](https://github.com/acme/churn/commit/9f2c4e1b7a3d5f60817263544536271809abcdef) |',
    );
    expect(body).toContain(
      '| Workflow run | [ml #45, attempt 1](https://github.com/acme/churn/actions/runs/12345/attempts/1) |',
    );
    expect(body).toContain('| tenure\\_months | double |');
    expect(body).toContain('| contract | string (optional) |');
    expect(body).toContain(`| model/model.pkl | 44 B | \`${hex('a')}\` |`);
    expect(body).toContain('| data/train.csv | 1.0 MiB |');
    expect(body).toContain('```sh\nsha256sum -c SHA256SUMS\n```');
  });

  it('escapes names and values as the comment does: no mention, no issue link from user text', async () => {
    const base = manifest();
    const text = await renderModelCard({ ...base, params: { ...base.params, 'cc @octocat': 'fixes #123 and GH-7' } });
    expect(text).toContain('| cc @\u200doctocat | fixes #\u200d123 and GH\u200d-7 |');
    expect(text).not.toMatch(/@octocat|#123/);
  });

  it("links the version's point on the trend page under the version line, when the manifest has it", async () => {
    const url = 'https://acme.github.io/churn/#experiment=train%20%5Bx%5D&version=1.3.0';
    const linked = await renderModelCard({ ...manifest(), trendPage: url });
    expect(linked).toContain(
      `by ml-actions: 2 files, 854 B.\n\nTrend: [${escapeInline(record.experiment)} at this version on the trend page](${url}).\n`,
    );
    expect(body).not.toContain('Trend:');
  });

  it('knows the library of common MLflow flavors only', () => {
    expect(libraryNameOf(['python_function', 'sklearn'])).toBe('scikit-learn');
    expect(libraryNameOf(['python_function'])).toBeUndefined();
    expect(libraryNameOf(['constructor'])).toBeUndefined();
  });

  it('leaves model-index out when there are no metrics', async () => {
    const bare = await renderModelCard(
      buildManifest({ name: 'm', version: '0.1.0', files: files.slice(0, 1), createdAt: new Date(0) }),
    );
    expect(bare.startsWith('---\ntags:\n  - ml-actions\n---\n\n# m\n')).toBe(true);
    expect(bare).toContain('No metrics were recorded.');
  });
});
