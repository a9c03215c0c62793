import type { RunRecord } from '@ml-actions/core';
import type { GitHubClient } from './github-client.ts';
import { PER_PAGE, readCountedPages } from './page-listing.ts';
import {
  isRunRecordArtifact,
  mayHoldExperiment,
  newestAttempts,
  readRecordArtifacts,
  type ListedArtifact,
  type RecordArtifactRead,
} from './record-artifacts.ts';

/** What one workflow run holds for one experiment. */
export type RunFinding =
  /** Every replicate's record (the newest upload of each artifact name), in artifact name order. */
  | { kind: 'found'; records: RunRecord[] }
  /** An artifact that may hold the experiment's record could not be read: the lookup stops there. */
  | { kind: 'failed'; reason: string }
  /** Artifacts named like the experiment's hold another experiment's records. */
  | { kind: 'other'; experiment: string }
  | { kind: 'none' };

/** Pages of one run's artifact list read at most: 1,000 artifacts, beyond any matrix's records. */
const MAX_RUN_ARTIFACT_PAGES = 10;

/**
 * One lookup's requests, shared by all the experiments looked up: each run's artifacts are listed
 * once (all of them, 100 a page), and each record artifact is downloaded once, whichever
 * experiments ask. Names only choose what to download; each record's own experiment decides
 * whose baseline it is.
 */
export class BaselineSearch {
  private readonly github: GitHubClient;
  private readonly repository: { owner: string; repo: string };
  private readonly listings = new Map<number, Promise<ListedArtifact[]>>();
  private readonly reads = new Map<number, RecordArtifactRead>();
  /** Artifacts that may have held a baseline record but could not be read, said once each. */
  readonly problems = new Set<string>();

  constructor(github: GitHubClient, repository: { owner: string; repo: string }) {
    this.github = github;
    this.repository = repository;
  }

  /** The unexpired artifacts of a run, listed once per lookup. */
  artifactsOf(runId: number): Promise<ListedArtifact[]> {
    let listing = this.listings.get(runId);
    if (listing === undefined) {
      const { owner, repo } = this.repository;
      listing = readCountedPages(async (page) => {
        const answer = await this.github.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts', {
          owner,
          repo,
          run_id: runId,
          per_page: PER_PAGE,
          page,
        });
        return { total: answer.data.total_count, items: answer.data.artifacts };
      }, MAX_RUN_ARTIFACT_PAGES).then(({ items }) => items.filter((artifact) => !artifact.expired));
      this.listings.set(runId, listing);
    }
    return listing;
  }

  /** What run `runId` holds for each of `experiments`; downloads only the artifacts their names allow. */
  async findIn(runId: number, experiments: readonly string[]): Promise<Map<string, RunFinding>> {
    const listed = (await this.artifactsOf(runId)).filter((artifact) => isRunRecordArtifact(artifact.name));
    const candidatesOf = new Map(
      experiments.map((experiment) => [
        experiment,
        newestAttempts(listed.filter((artifact) => mayHoldExperiment(artifact.name, experiment))),
      ]),
    );
    const wanted = new Map<number, ListedArtifact>();
    for (const candidates of candidatesOf.values()) {
      for (const artifact of candidates) if (!this.reads.has(artifact.id)) wanted.set(artifact.id, artifact);
    }
    for (const read of await readRecordArtifacts(this.github, this.repository, [...wanted.values()], runId)) {
      this.reads.set(read.artifact.id, read);
    }

    // Every record read from this run counts for the experiment it names, whichever name led to it.
    const readHere = newestAttempts(listed.filter((artifact) => this.reads.has(artifact.id))).map(
      (artifact) => this.reads.get(artifact.id) as RecordArtifactRead,
    );
    const findings = new Map<string, RunFinding>();
    for (const [experiment, candidates] of candidatesOf) {
      const reads = candidates.map((artifact) => this.reads.get(artifact.id) as RecordArtifactRead);
      const records = readHere.flatMap((read) => (read.record?.experiment === experiment ? [read.record] : []));
      const failed = reads.flatMap((read) => (read.reason === undefined ? [] : [read.reason]));
      const other = reads.find((read) => read.record !== undefined)?.record?.experiment;
      if (records.length > 0) {
        // The replicates that were read still make a baseline; the others are said.
        for (const reason of failed) this.problems.add(`${reason}; it is left out of the baseline`);
        findings.set(experiment, { kind: 'found', records });
      } else if (failed[0] !== undefined) {
        findings.set(experiment, { kind: 'failed', reason: failed[0] });
      } else if (other !== undefined) {
        findings.set(experiment, { kind: 'other', experiment: other });
      } else {
        findings.set(experiment, { kind: 'none' });
      }
    }
    return findings;
  }
}
