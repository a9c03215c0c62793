import { randomUUID } from 'node:crypto';
import { UserError } from '@ml-actions/core';
import { retryWaitScale, type GitHubClient } from './github-client.ts';
import { wait } from './wait.ts';

/** GitHub's limit on a check run's output.summary and output.text. */
export const CHECK_OUTPUT_LIMIT = 65_535;
/**
 * The most annotations one check run shows. GitHub takes at most 50 per request; more would take
 * one write per 50 (each a second apart, see write-pacing.ts) for annotations nobody reads past
 * the first screen, so the rest are only counted in the summary.
 */
export const MAX_CHECK_ANNOTATIONS = 50;

export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  message: string;
  title?: string;
}

/** The actions that create check runs; each only ever updates its own. */
export type CheckRunMaker = 'gate' | 'compare';

export interface CheckRunRequest {
  github: GitHubClient;
  owner: string;
  repo: string;
  /** Which action makes it: recorded in the external_id, so a later run knows whose check it is. */
  madeBy: CheckRunMaker;
  name: string;
  headSha: string;
  conclusion: 'success' | 'failure' | 'neutral';
  title: string;
  summary: string;
  text?: string;
  detailsUrl?: string;
  annotations?: CheckAnnotation[];
}

interface CheckOutput {
  title: string;
  summary: string;
  text?: string;
  annotations?: CheckAnnotation[];
}

/**
 * Records a completed check run. One commit has one check of a name from us: when the same action
 * ran before on the commit (a re-run, a second step), its check is updated; when the other action
 * made it (gate, and publish on a same-repository pull request), it is a UserError, since two checks
 * of one name could say opposite things. The first MAX_CHECK_ANNOTATIONS annotations are sent; the
 * summary says how many more there were.
 */
export async function createCheckRun(request: CheckRunRequest): Promise<{ id: number; url: string }> {
  const annotations = request.annotations ?? [];
  const shown = annotations.slice(0, MAX_CHECK_ANNOTATIONS);
  const hidden = annotations.length - shown.length;
  const note = hidden === 0 ? '' : `\n\n${hidden} more annotation${hidden === 1 ? '' : 's'} not shown.`;
  const output: CheckOutput = {
    title: request.title,
    summary: fit(request.summary, note),
    ...(request.text === undefined ? {} : { text: fit(request.text) }),
    ...(shown.length === 0 ? {} : { annotations: shown }),
  };
  const earlier = await earlierCheckRun(request);
  if (earlier === undefined) return createExactlyOnce(request, output);
  // GitHub appends an update's annotations to those already there and cannot remove one. An
  // update therefore sends only the annotations not yet shown; when one shown no longer holds
  // (a re-run that fixed a rule), a new check run of the name takes over: GitHub's checks page
  // and branch protection read the newest run of a name.
  if (earlier.annotations === 0) return complete(request, earlier.id, output);
  const existing = await annotationsOf(request, earlier.id);
  const wanted = new Set(output.annotations?.map(annotationKey));
  if (existing.some((annotation) => !wanted.has(annotationKey(annotation)))) {
    return createExactlyOnce(request, output);
  }
  const present = new Set(existing.map(annotationKey));
  const added = output.annotations?.filter((annotation) => !present.has(annotationKey(annotation))) ?? [];
  const rest: CheckOutput = { title: output.title, summary: output.summary };
  if (output.text !== undefined) rest.text = output.text;
  if (added.length > 0) rest.annotations = added;
  return complete(request, earlier.id, rest);
}

/** The annotations a check run shows (we send at most MAX_CHECK_ANNOTATIONS, so one page). */
async function annotationsOf(request: CheckRunRequest, checkRunId: number): Promise<AnnotationFields[]> {
  const response = await request.github.request('GET /repos/{owner}/{repo}/check-runs/{check_run_id}/annotations', {
    owner: request.owner,
    repo: request.repo,
    check_run_id: checkRunId,
    per_page: 100,
  });
  return response.data.map((annotation) => ({
    path: annotation.path,
    start_line: annotation.start_line,
    end_line: annotation.end_line,
    annotation_level: annotation.annotation_level ?? '',
    message: annotation.message ?? '',
    title: annotation.title ?? '',
  }));
}

type AnnotationFields = Omit<CheckAnnotation, 'annotation_level'> & { annotation_level: string };

/** What makes two annotations the same one to a reader: place, level and words. */
function annotationKey(annotation: AnnotationFields): string {
  const { path, start_line, end_line, annotation_level, message, title } = annotation;
  return JSON.stringify([path, start_line, end_line, annotation_level, title ?? '', message]);
}

const EXTERNAL_ID = /^ml-actions-(gate|compare)-/;

/**
 * Our newest check run of this name on the commit, with how many annotations it shows, or a
 * UserError when the other action made it.
 */
async function earlierCheckRun(request: CheckRunRequest): Promise<{ id: number; annotations: number } | undefined> {
  const ours = (await checkRunsNamed(request))
    .filter((check) => check.name === request.name)
    .map((check) => ({
      id: Number(check.id),
      annotations: check.output.annotations_count,
      maker: EXTERNAL_ID.exec(check.external_id ?? '')?.[1],
    }))
    .filter((check) => check.maker !== undefined)
    .sort((a, b) => b.id - a.id);
  const other = ours.find((check) => check.maker !== request.madeBy);
  if (other !== undefined) {
    const fix =
      request.madeBy === 'compare'
        ? 'run publish only for pull requests from forks, or give it another check-name'
        : 'give gate another check-name, or run compare in publish mode only for pull requests from forks';
    throw new UserError(
      `check run "${request.name}" on ${request.headSha.slice(0, 7)} was created by ${other.maker}: ` +
        `${request.madeBy} will not add a contradicting one; ${fix}`,
    );
  }
  const newest = ours[0];
  return newest === undefined ? undefined : { id: newest.id, annotations: newest.annotations };
}

/** Updates an earlier check run of ours to the new verdict. */
async function complete(
  request: CheckRunRequest,
  checkRunId: number,
  output: CheckOutput,
): Promise<{ id: number; url: string }> {
  const updated = await request.github.request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', {
    owner: request.owner,
    repo: request.repo,
    check_run_id: checkRunId,
    status: 'completed',
    conclusion: request.conclusion,
    completed_at: new Date().toISOString(),
    ...(request.detailsUrl === undefined ? {} : { details_url: request.detailsUrl }),
    output,
  });
  return { id: Number(updated.data.id), url: updated.data.html_url ?? '' };
}

/** Attempts at creating a check run: the first and three retries, as for every other call. */
const CREATE_ATTEMPTS = 4;

/**
 * A check run cannot be deleted, so a duplicate could never be cleaned up. GitHub may create one
 * and still fail to answer (a 5xx, a cut connection): the POST is therefore not retried blindly.
 * It carries a fresh external_id, and before each retry the commit's check runs of that name are
 * searched for it; one found means the earlier attempt succeeded.
 */
async function createExactlyOnce(request: CheckRunRequest, output: CheckOutput): Promise<{ id: number; url: string }> {
  const externalId = `ml-actions-${request.madeBy}-${randomUUID()}`;
  for (let attempt = 1; ; attempt++) {
    try {
      const created = await request.github.request('POST /repos/{owner}/{repo}/check-runs', {
        owner: request.owner,
        repo: request.repo,
        name: request.name,
        head_sha: request.headSha,
        external_id: externalId,
        status: 'completed',
        conclusion: request.conclusion,
        ...(request.detailsUrl === undefined ? {} : { details_url: request.detailsUrl }),
        output,
        request: { retries: 0 },
      });
      return { id: Number(created.data.id), url: created.data.html_url ?? '' };
    } catch (thrown: unknown) {
      const status = (thrown as { status?: unknown }).status;
      if (attempt >= CREATE_ATTEMPTS || typeof status !== 'number' || status < 500) throw thrown;
      let found: { id: number; url: string } | undefined;
      try {
        found = await findByExternalId(request, externalId);
      } catch {
        throw thrown; // cannot tell whether it was created: failing beats a possible duplicate
      }
      if (found !== undefined) return found;
      await wait(attempt * attempt * 1000 * retryWaitScale());
    }
  }
}

/** The check runs of the request's name on its commit, all of them (not only the latest per app). */
async function checkRunsNamed(request: CheckRunRequest) {
  const response = await request.github.request('GET /repos/{owner}/{repo}/commits/{ref}/check-runs', {
    owner: request.owner,
    repo: request.repo,
    ref: request.headSha,
    check_name: request.name,
    filter: 'all',
    per_page: 100,
  });
  return response.data.check_runs;
}

async function findByExternalId(
  request: CheckRunRequest,
  externalId: string,
): Promise<{ id: number; url: string } | undefined> {
  const found = (await checkRunsNamed(request)).find((check) => check.external_id === externalId);
  return found === undefined ? undefined : { id: Number(found.id), url: found.html_url ?? '' };
}

/** The text cut to GitHub's limit, with `ending` (kept whole) after it. */
function fit(text: string, ending = ''): string {
  if (text.length + ending.length <= CHECK_OUTPUT_LIMIT) return text + ending;
  const note = '\n\n… cut to fit GitHub’s check run limit; the job summary has everything.';
  return text.slice(0, CHECK_OUTPUT_LIMIT - note.length - ending.length) + note + ending;
}
