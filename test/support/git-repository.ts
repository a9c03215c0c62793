/**
 * Real git repositories beside the REST stand-in, for the real tools that read git (GTO): commits
 * made here are seeded into the stand-in under the same shas, and the tags the actions wrote
 * through the API are written back here as the same annotated tag objects.
 */
import { execFileSync } from 'node:child_process';
import { expect } from 'vitest';
import type { LocalGitHub } from '@ml-actions/testkit';

const GIT_ENV = {
  ...process.env,
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'Ada',
  GIT_AUTHOR_EMAIL: 'ada@example.com',
  GIT_COMMITTER_NAME: 'Ada',
  GIT_COMMITTER_EMAIL: 'ada@example.com',
};

export function git(cwd: string, args: string[], input?: string): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', input, env: GIT_ENV }).trim();
}

/** An empty commit dated `date`, seeded into the stand-in's `repoName` on main; its sha. */
export function commitBoth(
  github: LocalGitHub,
  repoName: string,
  repository: string,
  message: string,
  date: string,
): string {
  execFileSync('git', ['commit', '-q', '--allow-empty', '-m', message], {
    cwd: repository,
    env: { ...GIT_ENV, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
  });
  const sha = git(repository, ['rev-parse', 'HEAD']);
  github.api.state.addCommit(repoName, { sha, branch: 'main', message });
  return sha;
}

/** Writes every tag the stand-in holds into `repository`; git must compute each tag object's sha. */
export function materialiseTags(github: LocalGitHub, repoName: string, repository: string): void {
  for (const [ref, sha] of github.api.state.refs(repoName).filter(([name]) => name.startsWith('refs/tags/'))) {
    const tag = github.api.state.tagObject(sha);
    expect(tag, `${ref} is an annotated tag`).toBeDefined();
    const seconds = Math.floor(Date.parse(tag!.tagger.date) / 1000);
    const text = `object ${tag!.object}\ntype commit\ntag ${tag!.tag}\ntagger ${tag!.tagger.name} <${tag!.tagger.email}> ${seconds} +0000\n\n${tag!.message}`;
    expect(git(repository, ['mktag'], text)).toBe(sha);
    git(repository, ['update-ref', ref, sha]);
  }
}
