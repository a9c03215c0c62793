/**
 * The stand-in's in-memory GitHub: repositories, commits and refs, pull requests, comments,
 * check runs, workflow runs and releases. Tests seed it through these methods and inspect it
 * afterwards; route handlers read and change the same records.
 */
import { createHash } from 'node:crypto';
import type { ArtifactRegistry, StoredArtifact } from '../artifact-registry.ts';
import { compareCommits } from './commit-graph.ts';
import { GitObjects } from './git-objects.ts';
import type { Comparison, GraphCommit } from './commit-graph.ts';

export interface UserRecord {
  id: number;
  login: string;
  type: 'User' | 'Bot' | 'Organization';
}

export interface RepoRecord {
  id: number;
  owner: string;
  name: string;
  fullName: string;
  defaultBranch: string;
  private: boolean;
  description: string | null;
  /** `owner/name` of the repository this one was forked from. */
  parent: string | undefined;
  createdAt: string;
  pushedAt: string;
}

export interface GitPerson {
  name: string;
  email: string;
  date: string;
}

export interface CommitRecord extends GraphCommit {
  sha: string;
  treeSha: string;
  parents: string[];
  message: string;
  author: GitPerson;
  committer: GitPerson;
  /** The GitHub account the author email belongs to, if any. */
  authorLogin: string | undefined;
}

/** An annotated tag object, as `git cat-file tag` shows it. */
export interface TagObjectRecord {
  /** The object's sha, computed as git does, so `git mktag` on the same text gives it too. */
  sha: string;
  tag: string;
  message: string;
  /** The commit it tags. */
  object: string;
  tagger: GitPerson;
}

export interface PullRecord {
  id: number;
  number: number;
  repo: string;
  title: string;
  body: string | null;
  user: string;
  state: 'open' | 'closed';
  draft: boolean;
  head: { ref: string; sha: string; repo: string };
  base: { ref: string; sha: string };
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  mergedAt: string | null;
  mergeCommitSha: string | null;
}

export interface IssueRecord {
  id: number;
  number: number;
  repo: string;
  title: string;
  body: string | null;
  user: string;
  state: 'open' | 'closed';
  stateReason: 'completed' | 'reopened' | 'not_planned' | 'duplicate' | null;
  labels: string[];
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

/** A workflow of a repository, by its file: dispatches go to it by file name or id. */
export interface WorkflowRecord {
  id: number;
  repo: string;
  path: string;
  name: string;
  /** Inputs its `workflow_dispatch` trigger declares; undefined when it has no such trigger. */
  dispatchInputs: string[] | undefined;
}

/** A `workflow_dispatch` request as the API received it. */
export interface WorkflowDispatchRecord {
  repo: string;
  workflow: string;
  ref: string;
  inputs: Record<string, string>;
  user: string;
  createdAt: string;
}

export interface CommentRecord {
  id: number;
  repo: string;
  issueNumber: number;
  body: string;
  user: string;
  createdAt: string;
  updatedAt: string;
}

/** An annotation as a check run keeps it: the fields a client sends. */
export interface CheckRunAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: string;
  message: string;
  title: string | null;
}

export interface CheckRunRecord {
  id: number;
  repo: string;
  name: string;
  headSha: string;
  status: 'queued' | 'in_progress' | 'completed' | 'waiting' | 'requested' | 'pending';
  conclusion: string | null;
  startedAt: string | null;
  completedAt: string | null;
  externalId: string | null;
  detailsUrl: string | null;
  output: {
    title: string | null;
    summary: string | null;
    text: string | null;
    annotationsCount: number;
    /** Every annotation sent, in order: GitHub appends each update's to the earlier ones. */
    annotations: CheckRunAnnotation[];
  };
  /** Created with an installation token (GITHUB_TOKEN), so GitHub shows the Actions app as its owner. */
  byInstallation: boolean;
  checkSuiteId: number;
}

export interface WorkflowRunRecord {
  id: number;
  repo: string;
  name: string;
  path: string;
  workflowId: number;
  headSha: string;
  headBranch: string | null;
  /** `owner/name` of the repository the head commit is in (a fork for fork pull requests). */
  headRepo: string;
  event: string;
  status: string;
  conclusion: string | null;
  createdAt: string;
  updatedAt: string;
  runNumber: number;
  runAttempt: number;
  actor: string;
  /** Numbers of the pull requests the run belongs to. */
  pullRequests: number[];
  displayTitle: string;
}

/** One job of a workflow run, as one attempt ran it: a matrix leg is a job of its own (`train (a, 1)`). */
export interface WorkflowJobRecord {
  id: number;
  runId: number;
  /** The attempt of the run this execution belongs to. */
  runAttempt: number;
  /** The display name: the job's name, with the matrix values in parentheses for a leg. */
  name: string;
  status: 'queued' | 'in_progress' | 'completed' | 'waiting' | 'requested' | 'pending';
  conclusion: 'success' | 'failure' | 'neutral' | 'cancelled' | 'skipped' | 'timed_out' | 'action_required' | null;
  createdAt: string;
  startedAt: string;
  completedAt: string | null;
}

export interface WorkflowJobSeed {
  name: string;
  /** Default `completed`. */
  status?: WorkflowJobRecord['status'];
  /** Default `success` when completed, else null. */
  conclusion?: WorkflowJobRecord['conclusion'];
  /** Default: the run's attempt. */
  runAttempt?: number;
  startedAt?: string;
  completedAt?: string | null;
}

/** A workflow run with its jobs (matrix legs among them) and the artifacts they uploaded. */
export interface WorkflowRunStart extends WorkflowRunSeed {
  jobs?: WorkflowJobSeed[];
  artifacts?: Omit<ArtifactSeed, 'runId'>[];
}

export interface StartedWorkflowRun {
  run: WorkflowRunRecord;
  jobs: WorkflowJobRecord[];
  artifacts: StoredArtifact[];
}

export interface ReleaseAssetRecord {
  id: number;
  name: string;
  label: string | null;
  contentType: string;
  bytes: Buffer;
  digest: string;
  uploader: string;
  createdAt: string;
}

export interface ReleaseRecord {
  id: number;
  repo: string;
  tagName: string;
  targetCommitish: string;
  name: string | null;
  body: string | null;
  draft: boolean;
  prerelease: boolean;
  author: string;
  createdAt: string;
  publishedAt: string | null;
  assets: ReleaseAssetRecord[];
}

export type DeploymentState = 'error' | 'failure' | 'inactive' | 'in_progress' | 'queued' | 'pending' | 'success';

export interface DeploymentStatusRecord {
  id: number;
  state: DeploymentState;
  description: string;
  environmentUrl: string;
  logUrl: string;
  creator: string;
  createdAt: string;
}

export interface DeploymentRecord {
  id: number;
  repo: string;
  sha: string;
  ref: string;
  task: string;
  payload: unknown;
  environment: string;
  description: string | null;
  transientEnvironment: boolean;
  productionEnvironment: boolean;
  creator: string;
  createdAt: string;
  /** Oldest first. */
  statuses: DeploymentStatusRecord[];
}

/**
 * A repository's GitHub Pages site: built from a branch (`legacy`, with its source branch and
 * folder) or by a workflow. `htmlUrl` defaults to `https://<owner>.github.io/<repo>/`.
 */
export interface PagesRecord {
  buildType: 'legacy' | 'workflow';
  source?: { branch: string; path: '/' | '/docs' };
  htmlUrl?: string;
}

export interface RepoSeed {
  owner: string;
  name: string;
  defaultBranch?: string;
  private?: boolean;
  description?: string;
  /** `owner/name` of the repository this one is a fork of. */
  parent?: string;
}

export interface CommitSeed {
  sha?: string;
  /** Parent shas; they must already exist. Default: the current head of `branch`, if given. */
  parents?: string[];
  message?: string;
  author?: { name?: string; email?: string; login?: string };
  date?: string;
  /** Moves `refs/heads/<branch>` to the new commit. */
  branch?: string;
  /** The commit's tree, stored in `objects`; default the empty tree. */
  tree?: string;
  /** Default: the author. */
  committer?: { name: string; email: string; date: string };
}

export interface PullSeed {
  number?: number;
  title?: string;
  body?: string;
  user?: string;
  /** `repo` is `owner/name` of the head repository (a fork); default the base repository. Default sha: the branch head. */
  head: { ref: string; sha?: string; repo?: string };
  base: { ref: string; sha?: string };
  state?: 'open' | 'closed';
  draft?: boolean;
  createdAt?: string;
  mergedAt?: string;
  mergeCommitSha?: string;
}

export interface CommentSeed {
  body: string;
  user: string;
  createdAt?: string;
}

export interface WorkflowRunSeed {
  id?: number;
  name?: string;
  path?: string;
  workflowId?: number;
  headSha: string;
  headBranch?: string | null;
  headRepo?: string;
  event?: string;
  status?: string;
  conclusion?: string | null;
  createdAt?: string;
  runNumber?: number;
  runAttempt?: number;
  actor?: string;
  pullRequests?: number[];
  displayTitle?: string;
  /** The run's backend id as the Results service knows it; linked in the artifact registry. */
  backendId?: string;
}

export interface ArtifactSeed {
  runId: number;
  name: string;
  size?: number;
  digest?: string;
  createdAt?: string;
  expiresAt?: string;
}

/** Well-known accounts, with their real ids, so answers look like GitHub's. */
const KNOWN_USERS: Record<string, number> = { 'github-actions[bot]': 41898282, 'dependabot[bot]': 49699333 };
const DAY_MS = 24 * 60 * 60 * 1000;

/** ISO 8601 without milliseconds, as GitHub writes timestamps. */
export function isoSeconds(date: Date = new Date()): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function key(fullName: string): string {
  return fullName.toLowerCase();
}

export class GitHubState {
  readonly registry: ArtifactRegistry;
  /** Blobs and trees: what commits written through the Git Data API hold. */
  readonly objects = new GitObjects();
  private readonly users = new Map<string, UserRecord>();
  private readonly repos = new Map<string, RepoRecord>();
  private readonly commits = new Map<string, CommitRecord>();
  private readonly refsByRepo = new Map<string, Map<string, string>>();
  private readonly tagObjects = new Map<string, TagObjectRecord>();
  private readonly pullsByRepo = new Map<string, Map<number, PullRecord>>();
  private readonly issuesByRepo = new Map<string, Map<number, IssueRecord>>();
  private readonly commentsById = new Map<number, CommentRecord>();
  private readonly checkRunsById = new Map<number, CheckRunRecord>();
  private readonly runsById = new Map<number, WorkflowRunRecord>();
  private readonly jobsById = new Map<number, WorkflowJobRecord>();
  private readonly releasesById = new Map<number, ReleaseRecord>();
  private readonly deploymentsById = new Map<number, DeploymentRecord>();
  /** Release assets of this many bytes or more are refused (GitHub's limit is 2 GiB); tests lower it. */
  releaseAssetLimit = 2 * 1024 ** 3;
  private readonly pagesByRepo = new Map<string, PagesRecord>();
  private readonly nextNumber = new Map<string, number>();
  private ids = {
    user: 1,
    repo: 100_000,
    pull: 200_000,
    comment: 300_000,
    checkRun: 400_000,
    run: 500_000,
    release: 600_000,
    asset: 700_000,
    suite: 800_000,
    job: 900_000,
    deployment: 1_000_000,
    deploymentStatus: 1_100_000,
    issue: 1_200_000,
    workflow: 1_300_000,
  };
  private readonly workflowsByPath = new Map<string, WorkflowRecord>();
  /** Every accepted `workflow_dispatch`, oldest first. */
  readonly dispatches: WorkflowDispatchRecord[] = [];
  private commitCount = 0;

  constructor(registry: ArtifactRegistry) {
    this.registry = registry;
  }

  // ---- users ----

  /** The account with this login, created on first mention (`...[bot]` logins are bots). */
  user(login: string): UserRecord {
    let user = this.users.get(login.toLowerCase());
    if (user === undefined) {
      user = { id: KNOWN_USERS[login] ?? this.ids.user++, login, type: login.endsWith('[bot]') ? 'Bot' : 'User' };
      this.users.set(login.toLowerCase(), user);
    }
    return user;
  }

  // ---- repositories ----

  addRepo(seed: RepoSeed): RepoRecord {
    const fullName = `${seed.owner}/${seed.name}`;
    if (this.repos.has(key(fullName))) throw new Error(`repository ${fullName} already exists`);
    const now = isoSeconds();
    const repo: RepoRecord = {
      id: this.ids.repo++,
      owner: seed.owner,
      name: seed.name,
      fullName,
      defaultBranch: seed.defaultBranch ?? 'main',
      private: seed.private ?? false,
      description: seed.description ?? null,
      parent: seed.parent,
      createdAt: now,
      pushedAt: now,
    };
    this.user(seed.owner);
    this.repos.set(key(fullName), repo);
    this.refsByRepo.set(key(fullName), new Map());
    return repo;
  }

  repo(fullName: string): RepoRecord | undefined {
    return this.repos.get(key(fullName));
  }

  private requireRepo(fullName: string): RepoRecord {
    const repo = this.repo(fullName);
    if (repo === undefined) throw new Error(`repository ${fullName} is not seeded; call state.addRepo first`);
    return repo;
  }

  /** Configures the repository's GitHub Pages site; undefined turns Pages off (the route answers 404). */
  setPages(repoName: string, pages: PagesRecord | undefined): void {
    const repo = this.requireRepo(repoName);
    if (pages === undefined) this.pagesByRepo.delete(key(repo.fullName));
    else this.pagesByRepo.set(key(repo.fullName), pages);
  }

  pages(repoName: string): PagesRecord | undefined {
    return this.pagesByRepo.get(key(repoName));
  }

  // ---- commits and refs ----

  addCommit(repoName: string, seed: CommitSeed = {}): CommitRecord {
    const repo = this.requireRepo(repoName);
    const branchHead = seed.branch === undefined ? undefined : this.ref(repo.fullName, `heads/${seed.branch}`);
    const parents = seed.parents ?? (branchHead === undefined ? [] : [branchHead]);
    for (const parent of parents) {
      if (!this.commits.has(parent))
        throw new Error(`parent commit ${parent} is not seeded (add parents before children)`);
    }
    const order = this.commitCount++;
    const message = seed.message ?? `commit ${order}`;
    const sha =
      seed.sha ??
      createHash('sha1')
        .update(`${order}\n${repo.fullName}\n${message}\n${parents.join(' ')}`)
        .digest('hex');
    if (!/^[0-9a-f]{40}$/.test(sha)) throw new Error(`commit sha must be 40 hex digits, got ${sha}`);
    if (this.commits.has(sha)) throw new Error(`commit ${sha} already exists`);
    const date = seed.date ?? isoSeconds();
    const login = seed.author?.login;
    const person: GitPerson = {
      name: seed.author?.name ?? login ?? 'Test Author',
      email: seed.author?.email ?? `${login ?? 'author'}@users.noreply.github.com`,
      date,
    };
    const commit: CommitRecord = {
      sha,
      treeSha: seed.tree ?? this.objects.emptyTree,
      parents,
      order,
      message,
      author: person,
      committer: seed.committer ?? person,
      authorLogin: login,
    };
    if (login !== undefined) this.user(login);
    this.commits.set(sha, commit);
    if (seed.branch !== undefined) this.setRef(repo.fullName, `heads/${seed.branch}`, sha);
    repo.pushedAt = date;
    return commit;
  }

  commit(sha: string): CommitRecord | undefined {
    return this.commits.get(sha);
  }

  /** Creates an annotated tag object for a commit (a ref must still point at it, as on GitHub). */
  addTagObject(seed: Omit<TagObjectRecord, 'sha'>): TagObjectRecord {
    if (!this.commits.has(seed.object)) throw new Error(`commit ${seed.object} is not seeded`);
    const message = seed.message.endsWith('\n') ? seed.message : `${seed.message}\n`;
    const seconds = Math.floor(Date.parse(seed.tagger.date) / 1000);
    const text =
      `object ${seed.object}\ntype commit\ntag ${seed.tag}\n` +
      `tagger ${seed.tagger.name} <${seed.tagger.email}> ${seconds} +0000\n\n${message}`;
    const sha = createHash('sha1')
      .update(`tag ${Buffer.byteLength(text)}\0${text}`)
      .digest('hex');
    const record: TagObjectRecord = { ...seed, sha, message };
    this.tagObjects.set(sha, record);
    return record;
  }

  tagObject(sha: string): TagObjectRecord | undefined {
    return this.tagObjects.get(sha);
  }

  /** The commit an object is: itself, or the commit an annotated tag points at. */
  peel(sha: string): string | undefined {
    if (this.commits.has(sha)) return sha;
    return this.tagObjects.get(sha)?.object;
  }

  /** Points a ref (`heads/main`, `tags/v1` or the same with `refs/`) at a commit or tag object. */
  setRef(repoName: string, ref: string, sha: string): void {
    const refs = this.refsByRepo.get(key(this.requireRepo(repoName).fullName)) as Map<string, string>;
    refs.set(fullRef(ref), sha);
  }

  deleteRef(repoName: string, ref: string): boolean {
    return this.refsByRepo.get(key(repoName))?.delete(fullRef(ref)) ?? false;
  }

  /** The sha a ref points at. */
  ref(repoName: string, ref: string): string | undefined {
    return this.refsByRepo.get(key(repoName))?.get(fullRef(ref));
  }

  /** All refs of a repository as `[refs/..., sha]`, sorted by name. */
  refs(repoName: string): [string, string][] {
    return [...(this.refsByRepo.get(key(repoName)) ?? new Map<string, string>()).entries()].sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
  }

  /** A commit sha for a sha (full or abbreviated), branch, tag or full ref name, as GitHub resolves `{ref}`. */
  resolveCommitish(repoName: string, commitish: string): string | undefined {
    if (this.commits.has(commitish)) return commitish;
    for (const candidate of [commitish, `heads/${commitish}`, `tags/${commitish}`]) {
      const sha = this.ref(repoName, candidate);
      if (sha !== undefined) return this.peel(sha);
    }
    if (/^[0-9a-f]{7,39}$/.test(commitish)) {
      const matches = [...this.commits.keys()].filter((sha) => sha.startsWith(commitish));
      if (matches.length === 1) return matches[0];
    }
    return undefined;
  }

  /** Merge base and ahead/behind commits between two shas, or undefined without common history. */
  compare(baseSha: string, headSha: string): Comparison | undefined {
    return compareCommits(baseSha, headSha, (sha) => this.commits.get(sha));
  }

  // ---- pull requests and issues ----

  private allocateNumber(repoName: string, wanted: number | undefined): number {
    const next = this.nextNumber.get(key(repoName)) ?? 1;
    const number = wanted ?? next;
    if (this.issue(repoName, number) !== undefined || this.pull(repoName, number) !== undefined) {
      throw new Error(`issue or pull request #${number} already exists in ${repoName}`);
    }
    this.nextNumber.set(key(repoName), Math.max(next, number + 1));
    return number;
  }

  addPull(repoName: string, seed: PullSeed): PullRecord {
    const repo = this.requireRepo(repoName);
    const headRepo = seed.head.repo ?? repo.fullName;
    if (this.repo(headRepo) === undefined) {
      // A fork named only by the pull request: create it, so answers can describe it.
      const [owner = '', name = ''] = headRepo.split('/');
      this.addRepo({ owner, name, parent: repo.fullName, defaultBranch: repo.defaultBranch });
    }
    const headSha = seed.head.sha ?? this.ref(headRepo, `heads/${seed.head.ref}`);
    const baseSha = seed.base.sha ?? this.ref(repo.fullName, `heads/${seed.base.ref}`);
    if (headSha === undefined)
      throw new Error(`pull request head ${headRepo}:${seed.head.ref} has no commit; seed it or pass head.sha`);
    if (baseSha === undefined)
      throw new Error(`pull request base ${seed.base.ref} has no commit; seed it or pass base.sha`);
    const number = this.allocateNumber(repo.fullName, seed.number);
    const createdAt = seed.createdAt ?? isoSeconds();
    const pull: PullRecord = {
      id: this.ids.pull++,
      number,
      repo: repo.fullName,
      title: seed.title ?? `Pull request #${number}`,
      body: seed.body ?? null,
      user: seed.user ?? repo.owner,
      state: seed.state ?? 'open',
      draft: seed.draft ?? false,
      head: { ref: seed.head.ref, sha: headSha, repo: headRepo },
      base: { ref: seed.base.ref, sha: baseSha },
      createdAt,
      updatedAt: createdAt,
      closedAt: seed.state === 'closed' ? (seed.mergedAt ?? createdAt) : null,
      mergedAt: seed.mergedAt ?? null,
      mergeCommitSha: seed.mergeCommitSha ?? null,
    };
    this.user(pull.user);
    let pulls = this.pullsByRepo.get(key(repo.fullName));
    if (pulls === undefined) this.pullsByRepo.set(key(repo.fullName), (pulls = new Map<number, PullRecord>()));
    pulls.set(number, pull);
    return pull;
  }

  pull(repoName: string, number: number): PullRecord | undefined {
    return this.pullsByRepo.get(key(repoName))?.get(number);
  }

  /** Pull requests of a repository, by number. */
  pulls(repoName: string): PullRecord[] {
    return [...(this.pullsByRepo.get(key(repoName))?.values() ?? [])].sort((a, b) => a.number - b.number);
  }

  /** Removes a pull request: it then answers 404, as one that was deleted or never existed. */
  deletePull(repoName: string, number: number): boolean {
    return this.pullsByRepo.get(key(repoName))?.delete(number) ?? false;
  }

  addIssue(
    repoName: string,
    seed: { number?: number; title?: string; body?: string | null; user?: string; labels?: string[] } = {},
  ): IssueRecord {
    const repo = this.requireRepo(repoName);
    const number = this.allocateNumber(repo.fullName, seed.number);
    const createdAt = isoSeconds();
    const issue: IssueRecord = {
      id: this.ids.issue++,
      number,
      repo: repo.fullName,
      title: seed.title ?? `Issue #${number}`,
      body: seed.body ?? null,
      user: seed.user ?? repo.owner,
      state: 'open',
      stateReason: null,
      labels: seed.labels ?? [],
      createdAt,
      updatedAt: createdAt,
      closedAt: null,
    };
    this.user(issue.user);
    let issues = this.issuesByRepo.get(key(repo.fullName));
    if (issues === undefined) this.issuesByRepo.set(key(repo.fullName), (issues = new Map<number, IssueRecord>()));
    issues.set(number, issue);
    return issue;
  }

  /** Issues of a repository (not pull requests), by number. */
  issues(repoName: string): IssueRecord[] {
    return [...(this.issuesByRepo.get(key(repoName))?.values() ?? [])].sort((a, b) => a.number - b.number);
  }

  // ---- workflows ----

  /** Makes a workflow file known, with the inputs its `workflow_dispatch` trigger declares (undefined: no such trigger). */
  addWorkflow(repoName: string, seed: { path: string; name?: string; dispatchInputs?: string[] }): WorkflowRecord {
    const repo = this.requireRepo(repoName);
    const workflow: WorkflowRecord = {
      id: this.ids.workflow++,
      repo: repo.fullName,
      path: seed.path,
      name: seed.name ?? seed.path.replace(/^.*\//, ''),
      dispatchInputs: seed.dispatchInputs,
    };
    this.workflowsByPath.set(`${key(repo.fullName)} ${seed.path}`, workflow);
    return workflow;
  }

  /** A workflow by its id or by its file name (`retrain.yml`), as the dispatch route accepts either. */
  workflow(repoName: string, idOrFile: string): WorkflowRecord | undefined {
    for (const workflow of this.workflowsByPath.values()) {
      if (key(workflow.repo) !== key(repoName)) continue;
      if (String(workflow.id) === idOrFile || workflow.path.replace(/^.*\//, '') === idOrFile) return workflow;
    }
    return undefined;
  }

  issue(repoName: string, number: number): IssueRecord | undefined {
    return this.issuesByRepo.get(key(repoName))?.get(number);
  }

  // ---- issue comments ----

  addComment(repoName: string, issueNumber: number, seed: CommentSeed): CommentRecord {
    const repo = this.requireRepo(repoName);
    if (this.pull(repo.fullName, issueNumber) === undefined && this.issue(repo.fullName, issueNumber) === undefined) {
      throw new Error(`#${issueNumber} is neither a pull request nor an issue of ${repo.fullName}`);
    }
    const createdAt = seed.createdAt ?? isoSeconds();
    const comment: CommentRecord = {
      id: this.ids.comment++,
      repo: repo.fullName,
      issueNumber,
      body: seed.body,
      user: seed.user,
      createdAt,
      updatedAt: createdAt,
    };
    this.user(seed.user);
    this.commentsById.set(comment.id, comment);
    return comment;
  }

  /** Comments on one issue or pull request, oldest first. */
  comments(repoName: string, issueNumber: number): CommentRecord[] {
    return [...this.commentsById.values()].filter(
      (c) => key(c.repo) === key(repoName) && c.issueNumber === issueNumber,
    );
  }

  comment(id: number): CommentRecord | undefined {
    return this.commentsById.get(id);
  }

  deleteComment(id: number): boolean {
    return this.commentsById.delete(id);
  }

  // ---- check runs ----

  addCheckRun(fields: Omit<CheckRunRecord, 'id' | 'checkSuiteId'>): CheckRunRecord {
    const run: CheckRunRecord = { ...fields, id: this.ids.checkRun++, checkSuiteId: this.ids.suite++ };
    this.checkRunsById.set(run.id, run);
    return run;
  }

  checkRun(id: number): CheckRunRecord | undefined {
    return this.checkRunsById.get(id);
  }

  /** Check runs of a repository, oldest first. */
  checkRuns(repoName: string): CheckRunRecord[] {
    return [...this.checkRunsById.values()].filter((r) => key(r.repo) === key(repoName));
  }

  // ---- workflow runs ----

  addWorkflowRun(repoName: string, seed: WorkflowRunSeed): WorkflowRunRecord {
    const repo = this.requireRepo(repoName);
    const id = seed.id ?? this.ids.run++;
    if (this.runsById.has(id)) throw new Error(`workflow run ${id} already exists`);
    const createdAt = seed.createdAt ?? isoSeconds();
    const sameWorkflow = this.workflowRuns(repo.fullName).filter(
      (r) => r.path === (seed.path ?? '.github/workflows/ml.yml'),
    );
    const run: WorkflowRunRecord = {
      id,
      repo: repo.fullName,
      name: seed.name ?? 'ml',
      path: seed.path ?? '.github/workflows/ml.yml',
      workflowId: seed.workflowId ?? 1,
      headSha: seed.headSha,
      headBranch: seed.headBranch === undefined ? repo.defaultBranch : seed.headBranch,
      headRepo: seed.headRepo ?? repo.fullName,
      event: seed.event ?? 'push',
      status: seed.status ?? 'completed',
      conclusion:
        seed.conclusion === undefined
          ? (seed.status ?? 'completed') === 'completed'
            ? 'success'
            : null
          : seed.conclusion,
      createdAt,
      updatedAt: createdAt,
      runNumber: seed.runNumber ?? sameWorkflow.length + 1,
      runAttempt: seed.runAttempt ?? 1,
      actor: seed.actor ?? repo.owner,
      pullRequests: seed.pullRequests ?? [],
      displayTitle: seed.displayTitle ?? this.commits.get(seed.headSha)?.message.split('\n')[0] ?? 'workflow run',
    };
    this.user(run.actor);
    this.runsById.set(id, run);
    if (seed.backendId !== undefined) this.registry.linkRun(seed.backendId, id);
    return run;
  }

  workflowRun(id: number): WorkflowRunRecord | undefined {
    return this.runsById.get(id);
  }

  /** Workflow runs of a repository, in the order they were added. */
  workflowRuns(repoName: string): WorkflowRunRecord[] {
    return [...this.runsById.values()].filter((r) => key(r.repo) === key(repoName));
  }

  /** A job of a seeded workflow run, as one attempt of the run executed it. */
  addWorkflowJob(runId: number, seed: WorkflowJobSeed): WorkflowJobRecord {
    const run = this.runsById.get(runId);
    if (run === undefined) throw new Error(`workflow run ${runId} is not seeded; call state.addWorkflowRun first`);
    const status = seed.status ?? 'completed';
    const startedAt = seed.startedAt ?? run.createdAt;
    const job: WorkflowJobRecord = {
      id: this.ids.job++,
      runId,
      runAttempt: seed.runAttempt ?? run.runAttempt,
      name: seed.name,
      status,
      conclusion: seed.conclusion === undefined ? (status === 'completed' ? 'success' : null) : seed.conclusion,
      createdAt: startedAt,
      startedAt,
      completedAt: seed.completedAt === undefined ? (status === 'completed' ? startedAt : null) : seed.completedAt,
    };
    this.jobsById.set(job.id, job);
    return job;
  }

  /**
   * A workflow run as a report job sees it: its jobs (the report job itself typically
   * `in_progress`) and the artifacts the finished ones uploaded, all in one call.
   */
  startWorkflowRun(repoName: string, start: WorkflowRunStart): StartedWorkflowRun {
    const { jobs = [], artifacts = [], ...seed } = start;
    const run = this.addWorkflowRun(repoName, { status: 'in_progress', ...seed });
    return {
      run,
      jobs: jobs.map((job) => this.addWorkflowJob(run.id, job)),
      artifacts: artifacts.map((artifact) => this.addArtifact({ ...artifact, runId: run.id })),
    };
  }

  /** Every execution of the jobs of a workflow run, in the order they were added. */
  workflowJobs(runId: number): WorkflowJobRecord[] {
    return [...this.jobsById.values()].filter((job) => job.runId === runId);
  }

  // ---- artifacts (kept in the shared registry) ----

  /** A finalized artifact of a seeded workflow run, as if the run had uploaded it. */
  addArtifact(seed: ArtifactSeed): StoredArtifact {
    const createdAt = seed.createdAt ?? isoSeconds();
    const artifact = this.registry.create({
      name: seed.name,
      workflowRunId: seed.runId,
      workflowRunBackendId: `run-${seed.runId}`,
      workflowJobRunBackendId: `job-${seed.runId}`,
      expiresAt: seed.expiresAt ?? isoSeconds(new Date(Date.parse(createdAt) + 90 * DAY_MS)),
      blobName: `${seed.runId}/${seed.name}.zip`,
      createdAt,
      ...(seed.digest === undefined ? {} : { digest: seed.digest }),
    });
    artifact.size = seed.size ?? 0;
    artifact.finalized = true;
    return artifact;
  }

  /** The repository an artifact belongs to, through its workflow run; undefined when the run is not seeded. */
  artifactRepo(artifact: StoredArtifact): string | undefined {
    return this.runsById.get(artifact.workflowRunId)?.repo;
  }

  // ---- deployments ----

  addDeployment(fields: Omit<DeploymentRecord, 'id' | 'statuses'>): DeploymentRecord {
    const deployment: DeploymentRecord = { ...fields, id: this.ids.deployment++, statuses: [] };
    this.deploymentsById.set(deployment.id, deployment);
    return deployment;
  }

  deployment(id: number): DeploymentRecord | undefined {
    return this.deploymentsById.get(id);
  }

  /** Oldest first. */
  deployments(repoName: string): DeploymentRecord[] {
    return [...this.deploymentsById.values()].filter((d) => key(d.repo) === key(repoName));
  }

  addDeploymentStatus(
    deployment: DeploymentRecord,
    fields: Omit<DeploymentStatusRecord, 'id' | 'createdAt'>,
  ): DeploymentStatusRecord {
    const status: DeploymentStatusRecord = { ...fields, id: this.ids.deploymentStatus++, createdAt: isoSeconds() };
    deployment.statuses.push(status);
    return status;
  }

  // ---- releases ----

  addRelease(fields: Omit<ReleaseRecord, 'id' | 'assets'>): ReleaseRecord {
    const release: ReleaseRecord = { ...fields, id: this.ids.release++, assets: [] };
    this.releasesById.set(release.id, release);
    return release;
  }

  release(id: number): ReleaseRecord | undefined {
    return this.releasesById.get(id);
  }

  deleteRelease(id: number): void {
    this.releasesById.delete(id);
  }

  releases(repoName: string): ReleaseRecord[] {
    return [...this.releasesById.values()].filter((r) => key(r.repo) === key(repoName));
  }

  addReleaseAsset(
    release: ReleaseRecord,
    fields: Omit<ReleaseAssetRecord, 'id' | 'digest' | 'createdAt'>,
  ): ReleaseAssetRecord {
    const asset: ReleaseAssetRecord = {
      ...fields,
      id: this.ids.asset++,
      digest: `sha256:${createHash('sha256').update(fields.bytes).digest('hex')}`,
      createdAt: isoSeconds(),
    };
    release.assets.push(asset);
    return asset;
  }
}

function fullRef(ref: string): string {
  return ref.startsWith('refs/') ? ref : `refs/${ref}`;
}
