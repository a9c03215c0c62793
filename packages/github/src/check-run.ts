import type { GitHubClient } from './github-client.ts';

/** GitHub's limit on a check run's output.summary and output.text. */
export const CHECK_OUTPUT_LIMIT = 65_535;
/** GitHub takes at most this many annotations per request. */
const ANNOTATIONS_PER_REQUEST = 50;

export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  message: string;
  title?: string;
}

export interface CheckRunRequest {
  github: GitHubClient;
  owner: string;
  repo: string;
  name: string;
  headSha: string;
  conclusion: 'success' | 'failure' | 'neutral';
  title: string;
  summary: string;
  text?: string;
  detailsUrl?: string;
  annotations?: CheckAnnotation[];
}

/** Creates a completed check run; annotations beyond the first 50 are added by updates. */
export async function createCheckRun(request: CheckRunRequest): Promise<{ id: number; url: string }> {
  const annotations = request.annotations ?? [];
  const output = (batch: CheckAnnotation[]) => ({
    title: request.title,
    summary: fit(request.summary),
    ...(request.text === undefined ? {} : { text: fit(request.text) }),
    ...(batch.length === 0 ? {} : { annotations: batch }),
  });
  const created = await request.github.request('POST /repos/{owner}/{repo}/check-runs', {
    owner: request.owner,
    repo: request.repo,
    name: request.name,
    head_sha: request.headSha,
    status: 'completed',
    conclusion: request.conclusion,
    ...(request.detailsUrl === undefined ? {} : { details_url: request.detailsUrl }),
    output: output(annotations.slice(0, ANNOTATIONS_PER_REQUEST)),
  });
  for (let start = ANNOTATIONS_PER_REQUEST; start < annotations.length; start += ANNOTATIONS_PER_REQUEST) {
    await request.github.request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', {
      owner: request.owner,
      repo: request.repo,
      check_run_id: created.data.id,
      output: output(annotations.slice(start, start + ANNOTATIONS_PER_REQUEST)),
    });
  }
  return { id: Number(created.data.id), url: created.data.html_url ?? '' };
}

function fit(text: string): string {
  if (text.length <= CHECK_OUTPUT_LIMIT) return text;
  const note = '\n\n… cut to fit GitHub’s check run limit; the job summary has everything.';
  return text.slice(0, CHECK_OUTPUT_LIMIT - note.length) + note;
}
