import type { RepositoryTarget } from './model-tags.ts';

/**
 * The one issue monitor keeps open per model and stage while something is wrong: found by a hidden
 * marker in its body and by its author (our login), so that an issue someone else opened with the
 * marker copied into it is never taken over.
 */
export interface AlarmIssue {
  number: number;
  url: string;
  body: string;
}

interface IssueSummary {
  number: number;
  html_url: string;
  body?: string | null;
  user: { login: string } | null;
  pull_request?: unknown;
}

/** Our open issues carrying the marker, oldest first. Pull requests, which the API lists as issues too, are left out. */
export async function findAlarmIssues(
  target: RepositoryTarget,
  marker: string,
  identity: string,
  labels: readonly string[],
): Promise<AlarmIssue[]> {
  const issues = (await target.github.paginate('GET /repos/{owner}/{repo}/issues', {
    owner: target.owner,
    repo: target.repo,
    state: 'open',
    ...(labels.length === 0 ? {} : { labels: labels.join(',') }),
    per_page: 100,
  })) as IssueSummary[];
  return issues
    .filter(
      (issue) =>
        issue.pull_request === undefined && issue.user?.login === identity && (issue.body ?? '').includes(marker),
    )
    .sort((a, b) => a.number - b.number)
    .map((issue) => ({ number: issue.number, url: issue.html_url, body: issue.body ?? '' }));
}

/**
 * Opens the alarm issue, or takes the one a racing run opened a moment before: after creating, the
 * open issues are read again and the oldest of ours stays; the others are closed as duplicates.
 */
export async function openAlarmIssue(
  target: RepositoryTarget,
  issue: { title: string; body: string; labels: readonly string[]; marker: string; identity: string },
): Promise<AlarmIssue & { created: boolean }> {
  const created = await target.github.request('POST /repos/{owner}/{repo}/issues', {
    owner: target.owner,
    repo: target.repo,
    title: issue.title,
    body: issue.body,
    ...(issue.labels.length === 0 ? {} : { labels: [...issue.labels] }),
  });
  const ours = await findAlarmIssues(target, issue.marker, issue.identity, issue.labels);
  const keeper = ours[0] ?? { number: created.data.number, url: created.data.html_url, body: issue.body };
  for (const extra of ours.slice(1)) {
    await target.github.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
      owner: target.owner,
      repo: target.repo,
      issue_number: extra.number,
      state: 'closed',
      state_reason: 'duplicate',
    });
  }
  return { ...keeper, created: keeper.number === created.data.number };
}

export async function updateAlarmIssue(
  target: RepositoryTarget,
  number: number,
  update: { title: string; body: string },
): Promise<void> {
  await target.github.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
    owner: target.owner,
    repo: target.repo,
    issue_number: number,
    title: update.title,
    body: update.body,
  });
}

/** Says why in a comment, then closes the issue as completed. */
export async function closeAlarmIssue(target: RepositoryTarget, number: number, comment: string): Promise<void> {
  await target.github.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
    owner: target.owner,
    repo: target.repo,
    issue_number: number,
    body: comment,
  });
  await target.github.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
    owner: target.owner,
    repo: target.repo,
    issue_number: number,
    state: 'closed',
    state_reason: 'completed',
  });
}

/** Starts a workflow that has a `workflow_dispatch` trigger, on `ref`, with string inputs. */
export async function dispatchWorkflow(
  target: RepositoryTarget,
  workflow: string,
  ref: string,
  inputs: Record<string, string>,
): Promise<void> {
  await target.github.request('POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches', {
    owner: target.owner,
    repo: target.repo,
    workflow_id: workflow,
    ref,
    inputs,
  });
}
