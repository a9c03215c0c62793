import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UserError } from '@ml-actions/core';
import {
  CHECK_OUTPUT_LIMIT,
  MAX_CHECK_ANNOTATIONS,
  createCheckRun,
  type CheckAnnotation,
  type CheckRunRequest,
} from '../src/check-run.ts';
import { RETRY_WAIT_SCALE_VARIABLE } from '../src/github-client.ts';
import { FULL_NAME, OWNER, REPO, startLocalRepository, type LocalRepository } from './support/local-repository.ts';

const NAME = 'ml / gate';
const CUT = '\n\n… cut to fit GitHub’s check run limit; the job summary has everything.';

let local: LocalRepository;
let headSha: string;

beforeEach(async () => {
  // The create retry's own back-off reads the scale from the environment, as in the bundles.
  vi.stubEnv(RETRY_WAIT_SCALE_VARIABLE, '0.001');
  local = await startLocalRepository();
  headSha = local.api.state.addCommit(FULL_NAME, { parents: [local.rootSha], message: 'feature' }).sha;
});
afterEach(async () => {
  vi.unstubAllEnvs();
  try {
    local.api.assertNoViolations();
  } finally {
    await local.close();
  }
});

function check(changes: Partial<CheckRunRequest> = {}) {
  return createCheckRun({
    github: local.github,
    owner: OWNER,
    repo: REPO,
    madeBy: 'gate',
    name: NAME,
    headSha,
    conclusion: 'success',
    title: '3 rules passed',
    summary: 'mean(accuracy) 0.91 >= 0.90',
    ...changes,
  });
}

const checkRuns = () => local.api.state.checkRuns(FULL_NAME);
const CHECKS = `/repos/${FULL_NAME}/check-runs`;

describe('a check run', () => {
  it('is created completed, with its name, conclusion, output, details link and our external id', async () => {
    const mark = local.api.requests.length;
    const result = await check({ text: 'details', detailsUrl: 'https://example.test/summary' });
    const [created] = checkRuns();

    expect(checkRuns()).toHaveLength(1);
    expect(result).toEqual({ id: created?.id, url: `https://github.com/${FULL_NAME}/runs/${created?.id}` });
    expect(created).toMatchObject({
      name: NAME,
      headSha,
      status: 'completed',
      conclusion: 'success',
      detailsUrl: 'https://example.test/summary',
      output: { title: '3 rules passed', summary: 'mean(accuracy) 0.91 >= 0.90', text: 'details', annotationsCount: 0 },
    });
    expect(created?.externalId).toMatch(/^ml-actions-gate-[0-9a-f-]{36}$/);
    expect(local.requestsSince(mark)).toEqual([
      `GET /repos/${FULL_NAME}/commits/${headSha}/check-runs`,
      `POST ${CHECKS}`,
    ]);
  });

  it('of a re-run on the same commit updates the earlier one: same id, new verdict', async () => {
    const first = await check();
    const externalId = checkRuns()[0]?.externalId;
    const mark = local.api.requests.length;
    const second = await check({ conclusion: 'failure', title: '1 rule failed', summary: 'accuracy dropped' });

    expect(second).toEqual(first);
    expect(checkRuns()).toHaveLength(1);
    expect(checkRuns()[0]).toMatchObject({
      conclusion: 'failure',
      externalId,
      output: { title: '1 rule failed', summary: 'accuracy dropped' },
    });
    expect(local.requestsSince(mark)).toEqual([
      `GET /repos/${FULL_NAME}/commits/${headSha}/check-runs`,
      `PATCH ${CHECKS}/${first.id}`,
    ]);
  });

  it('of the same name by another app is left alone: ours is created beside it', async () => {
    const foreign = local.api.state.addCheckRun({
      repo: FULL_NAME,
      name: NAME,
      headSha,
      status: 'completed',
      conclusion: 'failure',
      startedAt: null,
      completedAt: null,
      externalId: 'someone-else',
      detailsUrl: null,
      output: { title: 'theirs', summary: 'theirs', text: null, annotationsCount: 0, annotations: [] },
      byInstallation: true,
    });
    const result = await check();

    expect(result.id).not.toBe(foreign.id);
    expect(checkRuns().map((run) => [run.id, run.conclusion])).toEqual([
      [foreign.id, 'failure'],
      [result.id, 'success'],
    ]);
  });

  it('is refused, naming the maker, when the other action made the check of that name', async () => {
    await check({ madeBy: 'compare', conclusion: 'neutral' });
    const refused = check();

    await expect(refused).rejects.toThrow(UserError);
    await expect(refused).rejects.toThrow(
      `check run "${NAME}" on ${headSha.slice(0, 7)} was created by compare: gate will not add a contradicting one; ` +
        'give gate another check-name, or run compare in publish mode only for pull requests from forks',
    );
    expect(checkRuns().map((run) => run.conclusion)).toEqual(['neutral']);
  });
});

describe("a check run's output", () => {
  const annotation = (line: number): CheckAnnotation => ({
    path: 'metrics.json',
    start_line: line,
    end_line: line,
    annotation_level: 'failure',
    message: `line ${line}`,
  });

  it("is cut to GitHub's limit with a note, summary and text alike", async () => {
    await check({ summary: 's'.repeat(CHECK_OUTPUT_LIMIT + 1), text: 't'.repeat(100_000) });
    const output = checkRuns()[0]?.output;

    expect(output?.summary).toHaveLength(CHECK_OUTPUT_LIMIT);
    expect(output?.summary).toBe('s'.repeat(CHECK_OUTPUT_LIMIT - CUT.length) + CUT);
    expect(output?.text).toBe('t'.repeat(CHECK_OUTPUT_LIMIT - CUT.length) + CUT);
  });

  it('is not cut at exactly the limit', async () => {
    await check({ summary: 's'.repeat(CHECK_OUTPUT_LIMIT) });
    expect(checkRuns()[0]?.output.summary).toBe('s'.repeat(CHECK_OUTPUT_LIMIT));
  });

  it(`shows the first ${MAX_CHECK_ANNOTATIONS} annotations and counts the rest, the count kept past a cut summary`, async () => {
    await check({
      summary: 's'.repeat(CHECK_OUTPUT_LIMIT),
      annotations: Array.from({ length: MAX_CHECK_ANNOTATIONS + 10 }, (_, i) => annotation(i + 1)),
    });
    const output = checkRuns()[0]?.output;
    const note = '\n\n10 more annotations not shown.';

    expect(output?.annotationsCount).toBe(MAX_CHECK_ANNOTATIONS);
    expect(output?.summary).toHaveLength(CHECK_OUTPUT_LIMIT);
    expect(output?.summary?.endsWith(CUT + note)).toBe(true);
  });

  it('says "1 more annotation" for one over', async () => {
    await check({ annotations: Array.from({ length: MAX_CHECK_ANNOTATIONS + 1 }, (_, i) => annotation(i + 1)) });
    expect(checkRuns()[0]?.output.summary).toBe('mean(accuracy) 0.91 >= 0.90\n\n1 more annotation not shown.');
  });
});

describe('the annotations of a re-run', () => {
  const failing = (rule: string): CheckAnnotation => ({
    path: '.github/workflows/ml.yml',
    start_line: 1,
    end_line: 1,
    annotation_level: 'failure',
    title: `gate: ${rule}`,
    message: `${rule} failed`,
  });
  const shown = () => checkRuns().map((run) => run.output.annotations.map((a) => a.title));

  it('that repeat the earlier ones are not sent again: the check shows each once', async () => {
    const first = await check({ conclusion: 'failure', annotations: [failing('accuracy >= 0.9')] });
    const again = await check({ conclusion: 'failure', annotations: [failing('accuracy >= 0.9')] });

    expect(again.id).toBe(first.id);
    expect(shown()).toEqual([['gate: accuracy >= 0.9']]);
  });

  it('that add to the earlier ones send only the new one', async () => {
    await check({ conclusion: 'failure', annotations: [failing('accuracy >= 0.9')] });
    await check({ conclusion: 'failure', annotations: [failing('accuracy >= 0.9'), failing('loss <= 0.3')] });

    expect(shown()).toEqual([['gate: accuracy >= 0.9', 'gate: loss <= 0.3']]);
  });

  it('where an earlier one no longer holds make a new check run that shows only what holds now', async () => {
    const first = await check({ conclusion: 'failure', annotations: [failing('accuracy >= 0.9')] });
    const fixed = await check({ conclusion: 'success', annotations: [] });

    expect(fixed.id).not.toBe(first.id);
    expect(checkRuns().map((run) => run.conclusion)).toEqual(['failure', 'success']);
    expect(shown()).toEqual([['gate: accuracy >= 0.9'], []]);
    // What the checks page and branch protection read: the newest run of the name.
    const latest = await local.github.request('GET /repos/{owner}/{repo}/commits/{ref}/check-runs', {
      owner: OWNER,
      repo: REPO,
      ref: headSha,
      check_name: NAME,
    });
    expect(latest.data.check_runs.map((run) => [run.id, run.conclusion, run.output.annotations_count])).toEqual([
      [fixed.id, 'success', 0],
    ]);
  });
});

describe('creating a check run when GitHub fails to answer', () => {
  it('a create that succeeded but whose answer was cut off is found by its external id, not made twice', async () => {
    local.api.faults.add({ method: 'POST', path: CHECKS, truncate: true });
    const mark = local.api.requests.length;
    const result = await check();

    expect(checkRuns()).toHaveLength(1);
    expect(result.id).toBe(checkRuns()[0]?.id);
    expect(local.requestsSince(mark)).toEqual([
      `GET /repos/${FULL_NAME}/commits/${headSha}/check-runs`,
      `POST ${CHECKS}`,
      `GET /repos/${FULL_NAME}/commits/${headSha}/check-runs`,
    ]);
  });

  it('a create answered 502 that made nothing is sent again, and one check run is made', async () => {
    local.api.faults.add({ method: 'POST', path: CHECKS, status: 502 });
    const result = await check();

    expect(checkRuns()).toHaveLength(1);
    expect(result.id).toBe(checkRuns()[0]?.id);
    expect(local.api.requests.filter((r) => r.method === 'POST').map((r) => r.status)).toEqual([502, 201]);
  });

  it('a create refused with a 4xx is not retried', async () => {
    local.api.faults.add({
      method: 'POST',
      path: CHECKS,
      status: 403,
      message: 'Resource not accessible by integration',
    });
    const refused = check();
    await expect(refused).rejects.toMatchObject({ status: 403 });
    expect(checkRuns()).toEqual([]);
    expect(local.api.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });
});
