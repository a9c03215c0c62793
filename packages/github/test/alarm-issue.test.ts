import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeAlarmIssue, dispatchWorkflow, findAlarmIssues, openAlarmIssue } from '../src/alarm-issue.ts';
import { ACTIONS_BOT_LOGIN } from '../src/token-identity.ts';
import { FULL_NAME, OWNER, REPO, startLocalRepository, type LocalRepository } from './support/local-repository.ts';

const MARKER = '<!-- ml-actions:monitor churn production -->';
let local: LocalRepository;
const target = () => ({ github: local.github, owner: OWNER, repo: REPO });

beforeEach(async () => {
  local = await startLocalRepository();
});
afterEach(async () => {
  try {
    local.api.assertNoViolations();
  } finally {
    await local.close();
  }
});

describe('the alarm issue', () => {
  it('is found by marker and author among open issues, never a pull request, a closed issue or one by someone else', async () => {
    const headSha = local.api.state.addCommit(FULL_NAME, { parents: [local.rootSha], message: 'feature' }).sha;
    local.api.state.addPull(FULL_NAME, {
      number: 3,
      head: { ref: 'feature', sha: headSha },
      base: { ref: 'main' },
      body: MARKER,
      user: ACTIONS_BOT_LOGIN,
    });
    local.api.state.addIssue(FULL_NAME, { body: `${MARKER}\nplanted`, user: 'mallory' });
    const closed = local.api.state.addIssue(FULL_NAME, { body: MARKER, user: ACTIONS_BOT_LOGIN });
    closed.state = 'closed';
    const ours = local.api.state.addIssue(FULL_NAME, {
      body: `${MARKER}\nours`,
      user: ACTIONS_BOT_LOGIN,
      labels: ['model-monitoring'],
    });
    expect((await findAlarmIssues(target(), MARKER, ACTIONS_BOT_LOGIN, [])).map((issue) => issue.number)).toEqual([
      ours.number,
    ]);
    expect(await findAlarmIssues(target(), MARKER, ACTIONS_BOT_LOGIN, ['other-label'])).toEqual([]);
  });

  it('two runs opening it at once end with one open issue: the later one is closed as a duplicate', async () => {
    // The other run's issue, created a moment before this one's.
    const first = local.api.state.addIssue(FULL_NAME, {
      title: 'churn in production',
      body: `${MARKER}\nfirst`,
      user: ACTIONS_BOT_LOGIN,
    });
    const opened = await openAlarmIssue(target(), {
      title: 'churn in production',
      body: `${MARKER}\nsecond`,
      labels: [],
      marker: MARKER,
      identity: ACTIONS_BOT_LOGIN,
    });
    expect(opened).toMatchObject({ number: first.number, created: false });
    const issues = local.api.state.issues(FULL_NAME);
    expect(issues.map((issue) => [issue.number, issue.state, issue.stateReason])).toEqual([
      [first.number, 'open', null],
      [first.number + 1, 'closed', 'duplicate'],
    ]);
  });

  it('closing says why in a comment first; a dispatch names the workflow, ref and inputs', async () => {
    const issue = local.api.state.addIssue(FULL_NAME, { body: MARKER, user: ACTIONS_BOT_LOGIN });
    await closeAlarmIssue(target(), issue.number, 'Back to normal.');
    expect(local.api.state.comments(FULL_NAME, issue.number).map((comment) => comment.body)).toEqual([
      'Back to normal.',
    ]);
    expect(local.api.state.issue(FULL_NAME, issue.number)).toMatchObject({ state: 'closed', stateReason: 'completed' });

    local.api.state.addWorkflow(FULL_NAME, { path: '.github/workflows/retrain.yml', dispatchInputs: ['model'] });
    await dispatchWorkflow(target(), 'retrain.yml', 'main', { model: 'churn' });
    expect(local.api.state.dispatches).toMatchObject([
      { workflow: '.github/workflows/retrain.yml', ref: 'main', inputs: { model: 'churn' } },
    ]);
    await expect(
      dispatchWorkflow(target(), 'retrain.yml', 'main', { model: 'churn', extra: 'x' }),
    ).rejects.toMatchObject({ status: 422 });
    await expect(dispatchWorkflow(target(), 'missing.yml', 'main', {})).rejects.toMatchObject({ status: 404 });
  });
});
