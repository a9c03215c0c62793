import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseRunRecord, serializeRunRecord, type ProvenanceStatement } from '@ml-actions/core';
import { pushEvent, runAction, startLocalGitHub, type LocalGitHub } from '@ml-actions/testkit';

const schemas = join(import.meta.dirname, '..', 'packages', 'core', 'schema');
const ajv = new Ajv2020({ strict: true, allErrors: true });
ajv.addSchema(JSON.parse(await readFile(join(schemas, 'in-toto-statement-v1.schema.json'), 'utf8')) as object);
const validateStatement = ajv.getSchema('urn:ml-actions:schema:in-toto-statement-v1')!;
const validatePredicate = ajv.compile(
  JSON.parse(await readFile(join(schemas, 'slsa-provenance-v1.schema.json'), 'utf8')) as object,
);

let github: LocalGitHub;
let head: string;
const folders: string[] = [];

beforeAll(async () => {
  github = await startLocalGitHub();
  head = github.api.state.addCommit(`${github.repository.owner}/${github.repository.repo}`, {
    branch: 'main',
    message: 'Train',
  }).sha;
});
afterEach(() => github.api.assertNoViolations());
afterAll(async () => {
  await github?.close();
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

async function temporary(prefix: string): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), prefix));
  folders.push(folder);
  return folder;
}

describe('package provenance', () => {
  it('writes an in-toto Statement v1 with a SLSA Provenance v1 predicate whose digests are the files', async () => {
    const workspace = await temporary('provenance-project-');
    await mkdir(join(workspace, 'model', 'weights'), { recursive: true });
    await writeFile(join(workspace, 'model', 'weights', 'layer.bin'), Buffer.from('weights of the model'));
    await writeFile(join(workspace, 'model', 'config.json'), '{"layers": 2}\n');
    await writeFile(join(workspace, 'data.csv'), 'x,y\n1,2\n');
    await writeFile(join(workspace, 'requirements.txt'), 'numpy==2.4.6\n');
    const started = github.startRun({ headSha: head, headBranch: 'main', event: 'push', job: 'ship' });
    const runnerTemp = await temporary('runner-temp-');
    const step = (action: string, inputs: Record<string, string>) =>
      runAction({
        runnerTemp,
        action,
        workspace,
        inputs,
        env: {
          ...started.env,
          RUNNER_ENVIRONMENT: 'github-hosted',
          GITHUB_WORKFLOW_REF: `${github.repository.owner}/${github.repository.repo}/.github/workflows/ml.yml@refs/heads/main`,
        },
        runId: started.runId,
        job: 'ship',
        event: pushEvent(github.repository, { sha: head, before: '0'.repeat(40) }),
        token: github.token,
      });
    const train = await step('train', {
      command: `python3 -c "import json; json.dump({'accuracy': 0.9}, open('m.json', 'w'))"`,
      metrics: 'm.json',
      data: 'data.csv',
    });
    expect(train.exitCode, train.log).toBe(0);
    const packaged = await step('package', { name: 'churn-model', path: 'model/' });
    expect(packaged.exitCode, packaged.log).toBe(0);

    const statement = JSON.parse(await readFile(packaged.outputs['provenance'] ?? '', 'utf8')) as ProvenanceStatement;
    expect(validateStatement(statement), JSON.stringify(validateStatement.errors)).toBe(true);
    expect(validatePredicate(statement.predicate), JSON.stringify(validatePredicate.errors)).toBe(true);
    expect(statement.predicateType).toBe('https://slsa.dev/provenance/v1');
    const predicate = JSON.parse(await readFile(packaged.outputs['provenance-predicate'] ?? '', 'utf8')) as unknown;
    expect(predicate).toEqual(statement.predicate);

    // Every subject's digest is its file's: the model files as the workspace has them, and the manifest.
    const digests = Object.fromEntries(statement.subject.map((s) => [s.name, s.digest.sha256]));
    expect(digests).toEqual({
      'model/config.json': sha256(await readFile(join(workspace, 'model', 'config.json'))),
      'model/weights/layer.bin': sha256(await readFile(join(workspace, 'model', 'weights', 'layer.bin'))),
      'manifest.json': sha256(await readFile(packaged.outputs['manifest'] ?? '')),
    });
    expect(digests['manifest.json']).toBe(packaged.outputs['digest']);

    const { buildDefinition, runDetails } = statement.predicate;
    const repositoryUrl = `https://github.com/${github.repository.owner}/${github.repository.repo}`;
    expect(buildDefinition.externalParameters).toEqual({
      workflow: { ref: 'refs/heads/main', repository: repositoryUrl, path: '.github/workflows/ml.yml' },
      package: { name: 'churn-model', version: packaged.outputs['version'] },
    });
    const record = parseRunRecord(await readFile(train.outputs['record'] ?? '', 'utf8'), 'record');
    // The training environment: the Python the command ran, and the lockfile of its folder.
    const python = record.environment?.python;
    expect(python?.version).toMatch(/^3\.\d+\.\d+/);
    expect(python?.packages.length).toBeGreaterThan(0);
    expect(record.environment?.lockfiles).toEqual([
      { path: 'requirements.txt', sha256: sha256(await readFile(join(workspace, 'requirements.txt'))) },
    ]);
    expect(Object.keys(buildDefinition.internalParameters)).toEqual(['github', 'training_environment']);
    expect(buildDefinition.internalParameters['github']).toEqual({
      event_name: 'push',
      runner_environment: 'github-hosted',
    });
    expect(buildDefinition.internalParameters['training_environment']).toMatchObject({ python: python?.version });
    const dependencies = buildDefinition.resolvedDependencies;
    expect(dependencies.slice(0, 4)).toEqual([
      { uri: `git+${repositoryUrl}@refs/heads/main`, digest: { gitCommit: head } },
      expect.objectContaining({ name: 'run-record', digest: { sha256: sha256(serializeRunRecord(record)) } }),
      {
        name: 'data.csv',
        digest: { sha256: sha256(await readFile(join(workspace, 'data.csv'))) },
        annotations: { size: 8 },
      },
      {
        name: 'requirements.txt',
        digest: { sha256: record.environment?.lockfiles?.[0]?.sha256 },
        annotations: { lockfile: true },
      },
    ]);
    // Each installed distribution as a package URL.
    expect(dependencies.slice(4).map((d) => d.uri)).toEqual(
      (python?.packages ?? []).map((line) => `pkg:pypi/${line.split('==')[0]?.toLowerCase()}@${line.split('==')[1]}`),
    );
    const manifest = JSON.parse(await readFile(packaged.outputs['manifest'] ?? '', 'utf8')) as {
      environment?: unknown;
    };
    expect(manifest.environment).toEqual(record.environment);
    expect(runDetails.builder.id).toBe(`${repositoryUrl}/.github/workflows/ml.yml@refs/heads/main`);
    expect(runDetails.metadata.invocationId).toBe(`${repositoryUrl}/actions/runs/${started.runId}/attempts/1`);
    expect(Date.parse(runDetails.metadata.finishedOn)).toBeGreaterThanOrEqual(
      Date.parse(runDetails.metadata.startedOn),
    );
  });

  it('the schemas refuse what the specifications forbid', () => {
    const good = {
      _type: 'https://in-toto.io/Statement/v1',
      subject: [{ name: 'm.bin', digest: { sha256: 'a'.repeat(64) } }],
      predicateType: 'https://slsa.dev/provenance/v1',
    };
    expect(validateStatement(good)).toBe(true);
    for (const bad of [
      { ...good, _type: 'https://in-toto.io/Statement/v0.1' },
      { ...good, subject: [] },
      { ...good, subject: [{ name: 'm.bin' }] },
      { ...good, subject: [{ name: 'm.bin', digest: { sha256: 'ABC' } }] },
      { ...good, predicateType: 'not a uri' },
    ]) {
      expect(validateStatement(bad), JSON.stringify(bad)).toBe(false);
    }
    const predicate = {
      buildDefinition: { buildType: 'urn:x:y', externalParameters: {} },
      runDetails: { builder: { id: 'https://b' } },
    };
    expect(validatePredicate(predicate)).toBe(true);
    expect(validatePredicate({ ...predicate, runDetails: {} })).toBe(false);
    expect(validatePredicate({ buildDefinition: { buildType: 'urn:x:y' }, runDetails: predicate.runDetails })).toBe(
      false,
    );
    expect(
      validatePredicate({
        ...predicate,
        runDetails: { ...predicate.runDetails, metadata: { startedOn: 'yesterday' } },
      }),
    ).toBe(false);
    expect(
      validatePredicate({
        ...predicate,
        buildDefinition: { ...predicate.buildDefinition, resolvedDependencies: [{ name: 'only a name' }] },
      }),
    ).toBe(false);
  });
});
