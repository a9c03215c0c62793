import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GitHubSession } from '../src/action-step.ts';
import { gatherRuns } from '../src/gathered-runs.ts';
import type { GitHubClient } from '../src/github-client.ts';
import type { Log } from '../src/step-log.ts';
import { pushContext } from './support/run-records.ts';

const notices: string[] = [];
const log = {
  info: () => undefined,
  debug: () => undefined,
  notice: (message: string) => void notices.push(message),
  warning: () => undefined,
  error: () => undefined,
  group: <T>(_name: string, body: () => Promise<T>) => body(),
} as unknown as Log;

/** A client whose every request GitHub refuses as a job's token without the permission is refused. */
const refusing = {
  client: {
    request: () =>
      Promise.reject(
        Object.assign(new Error('Resource not accessible by integration'), {
          status: 403,
          response: { headers: {}, data: { message: 'Resource not accessible by integration' } },
        }),
      ),
  } as unknown as GitHubClient,
} as GitHubSession;

let workspace: string;
beforeEach(async () => {
  workspace = await mkdtemp(join(tmpdir(), 'gathered-runs-'));
  notices.length = 0;
});
afterEach(() => rm(workspace, { recursive: true, force: true }));

describe('gatherRuns in a job of its own', () => {
  it('for package (optional), a token without actions: read gives no record and a notice, not a failure', async () => {
    const context = { ...pushContext({ sha: 'a'.repeat(40), runId: 9, workspace }), temp: workspace };
    const gathered = await gatherRuns({
      run: [],
      context,
      github: () => Promise.resolve(refusing),
      log,
      optional: true,
    });
    expect(gathered.runs).toEqual([]);
    expect(notices).toEqual([
      "the workflow run's records could not be listed (the token lacks actions: read): no run record is embedded",
    ]);
  });

  it("for gate and compare, and with run: workflow, the refusal is the step's failure", async () => {
    const context = { ...pushContext({ sha: 'a'.repeat(40), runId: 9, workspace }), temp: workspace };
    await expect(gatherRuns({ run: [], context, github: () => Promise.resolve(refusing), log })).rejects.toThrow(
      'Resource not accessible by integration',
    );
    await expect(
      gatherRuns({ run: ['workflow'], context, github: () => Promise.resolve(refusing), log, optional: true }),
    ).rejects.toThrow('Resource not accessible by integration');
    expect(notices).toEqual([]);
  });
});
