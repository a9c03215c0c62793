import { parseGateResult, serializeGateResult, type GateResult } from '@ml-actions/core';
import type { ActionContext } from './action-context.ts';
import type { ArtifactClient } from './artifact-client.ts';
import type { GitHubClient } from './github-client.ts';
import { PER_PAGE, readCountedPages } from './page-listing.ts';
import { newestAttempts } from './record-artifacts.ts';
import type { Log } from './step-log.ts';
import { downloadArtifactFile, safeArtifactName, uploadTextArtifact } from './text-artifact.ts';

/** Gate verdicts of a report job travel to a later job (package's) as artifacts named so. */
const GATE_ARTIFACT_PREFIX = 'ml-gate-';
const GATE_RESULT_FILE = 'gate-result.json';
/** A report job's few gates; a run with more artifacts than this lists only its first pages. */
const MAX_PAGES = 10;

/**
 * Hands the verdict of a gate that judged the whole workflow run to its later jobs: package, in a
 * job after the report job, embeds it in the manifest. One artifact a job (`ml-gate-report`); a
 * re-run replaces its earlier attempt's.
 */
export async function uploadWorkflowGateResult(
  client: ArtifactClient,
  result: GateResult,
  options: { job: string; runAttempt: number; log: Log },
): Promise<number> {
  return uploadTextArtifact(client, {
    name: safeArtifactName(`${GATE_ARTIFACT_PREFIX}${options.job}`),
    fileName: GATE_RESULT_FILE,
    text: serializeGateResult(result),
    runAttempt: options.runAttempt,
    log: options.log,
  });
}

/**
 * The gate verdicts uploaded in this workflow run, merged (passed only when all passed), or
 * undefined when no gate handed one on. Each is checked field by field, as between steps.
 */
export async function readWorkflowGateResult(
  github: GitHubClient,
  context: ActionContext,
): Promise<GateResult | undefined> {
  const { owner, repo, runId } = context;
  const listed = await readCountedPages(async (page) => {
    const answer = await github.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts', {
      owner,
      repo,
      run_id: runId,
      per_page: PER_PAGE,
      page,
    });
    return { total: answer.data.total_count, items: answer.data.artifacts };
  }, MAX_PAGES);
  const gates = newestAttempts(
    listed.items.filter((artifact) => !artifact.expired && artifact.name.startsWith(GATE_ARTIFACT_PREFIX)),
  );
  if (gates.length === 0) return undefined;
  const results = await Promise.all(
    gates.map(async (artifact) => {
      const label = `artifact "${artifact.name}" of workflow run ${runId}`;
      const text = await downloadArtifactFile(
        github,
        context,
        { artifactId: artifact.id, workflowRunId: runId, label },
        GATE_RESULT_FILE,
      );
      return text === undefined ? undefined : parseGateResult(text, label);
    }),
  );
  const found = results.filter((result): result is GateResult => result !== undefined);
  if (found.length === 0) return undefined;
  return { passed: found.every((result) => result.passed), results: found.flatMap((result) => result.results) };
}
