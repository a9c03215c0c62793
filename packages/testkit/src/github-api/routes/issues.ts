/**
 * Issues: create, list (open, closed or all; by labels and creator; newest first, pull requests
 * among them as GitHub lists them, with a `pull_request` key), get and update (title, body, state
 * with its reason, labels). Also `workflow_dispatch`, which starts a workflow the state knows and
 * records the request: GitHub answers 404 for an unknown workflow and 422 for one without the
 * trigger or for inputs it does not declare.
 */
import { ApiFailure, json, notFound, validationFailed, githubError, type ApiRequest } from '../http-exchange.ts';
import { paginate } from '../pagination.ts';
import { nodeId, simpleUser, WEB } from '../render-account.ts';
import type { Router } from '../router.ts';
import { isoSeconds } from '../state.ts';
import type { GitHubState, IssueRecord, PullRecord, RepoRecord } from '../state.ts';
import { authorAssociation } from './pulls.ts';
import { bodyObject, intParam, optionalString, requireRepo } from './repo-lookup.ts';

/** GitHub refuses issue bodies longer than this many characters. */
export const MAX_ISSUE_BODY_LENGTH = 65536;
type StateReason = 'completed' | 'not_planned' | 'reopened' | 'duplicate';

function labelJson(api: string, repo: RepoRecord, name: string): Record<string, unknown> {
  return {
    id: Math.abs([...name].reduce((hash, char) => (hash * 31 + char.charCodeAt(0)) | 0, 7)),
    node_id: nodeId('Label', name),
    url: `${api}/repos/${repo.fullName}/labels/${encodeURIComponent(name)}`,
    name,
    description: null,
    color: 'ededed',
    default: false,
  };
}

function issueJson(api: string, state: GitHubState, repo: RepoRecord, issue: IssueRecord): Record<string, unknown> {
  const url = `${api}/repos/${repo.fullName}/issues/${issue.number}`;
  return {
    id: issue.id,
    node_id: nodeId('Issue', issue.id),
    url,
    repository_url: `${api}/repos/${repo.fullName}`,
    labels_url: `${url}/labels{/name}`,
    comments_url: `${url}/comments`,
    events_url: `${url}/events`,
    html_url: `${WEB}/${repo.fullName}/issues/${issue.number}`,
    number: issue.number,
    state: issue.state,
    state_reason: issue.stateReason,
    title: issue.title,
    body: issue.body,
    user: simpleUser(api, state.user(issue.user)),
    labels: issue.labels.map((name) => labelJson(api, repo, name)),
    assignee: null,
    assignees: [],
    milestone: null,
    locked: false,
    comments: state.comments(repo.fullName, issue.number).length,
    closed_at: issue.closedAt,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    author_association: authorAssociation(repo, issue.user),
  };
}

/** A pull request as the issues list shows it. */
function pullAsIssueJson(api: string, state: GitHubState, repo: RepoRecord, pull: PullRecord): Record<string, unknown> {
  const url = `${api}/repos/${repo.fullName}/issues/${pull.number}`;
  return {
    id: pull.id,
    node_id: nodeId('Issue', pull.id),
    url,
    repository_url: `${api}/repos/${repo.fullName}`,
    labels_url: `${url}/labels{/name}`,
    comments_url: `${url}/comments`,
    events_url: `${url}/events`,
    html_url: `${WEB}/${repo.fullName}/pull/${pull.number}`,
    number: pull.number,
    state: pull.state,
    title: pull.title,
    body: pull.body,
    user: simpleUser(api, state.user(pull.user)),
    labels: [],
    assignee: null,
    assignees: [],
    milestone: null,
    locked: false,
    comments: state.comments(repo.fullName, pull.number).length,
    pull_request: {
      url: `${api}/repos/${repo.fullName}/pulls/${pull.number}`,
      html_url: `${WEB}/${repo.fullName}/pull/${pull.number}`,
      diff_url: `${WEB}/${repo.fullName}/pull/${pull.number}.diff`,
      patch_url: `${WEB}/${repo.fullName}/pull/${pull.number}.patch`,
      merged_at: pull.mergedAt,
    },
    closed_at: pull.closedAt,
    created_at: pull.createdAt,
    updated_at: pull.updatedAt,
    author_association: authorAssociation(repo, pull.user),
  };
}

function labelNames(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.map((label) => {
    if (typeof label === 'string') return label;
    const name = (label as { name?: unknown }).name;
    return typeof name === 'string' ? name : '';
  });
}

function checkedBody(body: Record<string, unknown>): string | undefined {
  const text = optionalString(body, 'body');
  if (text !== undefined && [...text].length > MAX_ISSUE_BODY_LENGTH) {
    throw new ApiFailure(
      validationFailed([
        {
          resource: 'Issue',
          code: 'custom',
          field: 'body',
          message: `body is too long (maximum is ${MAX_ISSUE_BODY_LENGTH} characters)`,
        },
      ]),
    );
  }
  return text;
}

function requireIssue(state: GitHubState, repo: RepoRecord, request: ApiRequest): IssueRecord {
  return state.issue(repo.fullName, intParam(request, 'issue_number')) ?? notFound();
}

export function registerIssueRoutes(router: Router, state: GitHubState): void {
  router.add('POST', '/repos/{owner}/{repo}/issues', (request) => {
    const repo = requireRepo(state, request);
    const body = bodyObject(request);
    const title = body.title;
    if ((typeof title !== 'string' && typeof title !== 'number') || String(title).trim() === '') {
      return validationFailed([{ resource: 'Issue', code: 'missing_field', field: 'title' }]);
    }
    const issue = state.addIssue(repo.fullName, {
      title: String(title),
      body: checkedBody(body) ?? null,
      user: request.identity.login,
      labels: labelNames(body.labels) ?? [],
    });
    const rendered = issueJson(request.baseUrl, state, repo, issue);
    return json(201, rendered, { location: String(rendered.url) });
  });

  router.add('GET', '/repos/{owner}/{repo}/issues', (request) => {
    const repo = requireRepo(state, request);
    const wanted = request.query.get('state') ?? 'open';
    const labels = (request.query.get('labels') ?? '').split(',').filter((label) => label !== '');
    const creator = request.query.get('creator');
    const matches = (entry: { state: string; user: string; labels: string[] }) =>
      (wanted === 'all' || entry.state === wanted) &&
      (creator === null || entry.user.toLowerCase() === creator.toLowerCase()) &&
      labels.every((label) => entry.labels.includes(label));
    const items = [
      ...state
        .issues(repo.fullName)
        .filter(matches)
        .map((issue) => ({ number: issue.number, render: () => issueJson(request.baseUrl, state, repo, issue) })),
      ...state
        .pulls(repo.fullName)
        .filter((pull) => matches({ state: pull.state, user: pull.user, labels: [] }))
        .map((pull) => ({ number: pull.number, render: () => pullAsIssueJson(request.baseUrl, state, repo, pull) })),
    ].sort((a, b) => b.number - a.number);
    const page = paginate(items, request);
    return json(
      200,
      page.items.map((item) => item.render()),
      page.headers,
    );
  });

  router.add('GET', '/repos/{owner}/{repo}/issues/{issue_number}', (request) => {
    const repo = requireRepo(state, request);
    return json(200, issueJson(request.baseUrl, state, repo, requireIssue(state, repo, request)));
  });

  router.add('PATCH', '/repos/{owner}/{repo}/issues/{issue_number}', (request) => {
    const repo = requireRepo(state, request);
    const issue = requireIssue(state, repo, request);
    const body = bodyObject(request);
    if (typeof body.title === 'string' || typeof body.title === 'number') issue.title = String(body.title);
    const text = checkedBody(body);
    if (text !== undefined) issue.body = text;
    const labels = labelNames(body.labels);
    if (labels !== undefined) issue.labels = labels;
    const wanted = optionalString(body, 'state');
    const reason = optionalString(body, 'state_reason') as StateReason | undefined;
    if (wanted === 'closed' && issue.state === 'open') {
      issue.state = 'closed';
      issue.closedAt = isoSeconds();
      issue.stateReason = reason ?? 'completed';
    } else if (wanted === 'open' && issue.state === 'closed') {
      issue.state = 'open';
      issue.closedAt = null;
      issue.stateReason = 'reopened';
    } else if (reason !== undefined && issue.state === 'closed') issue.stateReason = reason;
    issue.updatedAt = isoSeconds();
    return json(200, issueJson(request.baseUrl, state, repo, issue));
  });

  router.add('POST', '/repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches', (request) => {
    const repo = requireRepo(state, request);
    const workflow = state.workflow(repo.fullName, request.params.workflow_id ?? '') ?? notFound();
    const body = bodyObject(request);
    const ref = optionalString(body, 'ref') ?? '';
    if (state.resolveCommitish(repo.fullName, ref) === undefined) {
      return validationFailed([
        { resource: 'Workflow', code: 'invalid', field: 'ref', message: `No ref found for: ${ref}` },
      ]);
    }
    if (workflow.dispatchInputs === undefined) {
      throw new ApiFailure(githubError(422, "Workflow does not have 'workflow_dispatch' trigger"));
    }
    const inputs = (body.inputs ?? {}) as Record<string, unknown>;
    const unexpected = Object.keys(inputs).filter((name) => !workflow.dispatchInputs!.includes(name));
    if (unexpected.length > 0) {
      throw new ApiFailure(githubError(422, `Unexpected inputs provided: ${JSON.stringify(unexpected)}`));
    }
    state.dispatches.push({
      repo: repo.fullName,
      workflow: workflow.path,
      ref,
      inputs: Object.fromEntries(Object.entries(inputs).map(([name, value]) => [name, String(value)])),
      user: request.identity.login,
      createdAt: isoSeconds(),
    });
    return { status: 204 };
  });
}
