/**
 * A model's stage assignments as GTO keeps them in git tags, read and written through the REST
 * API: which version each stage tag names (the version tag on the same commit), and new
 * assignment and unassignment tags.
 */
import {
  assignMessage,
  assignTagName,
  nextStageCounter,
  parseStageTag,
  unassignMessage,
  unassignTagName,
  type StageTag,
} from '@ml-actions/core';
import { createTag, tagsWithCommits, type RepositoryTarget } from './model-tags.ts';

export interface StageEvent extends StageTag {
  commit: string;
  /** The version registered on that commit (`<name>@v<version>`), if one is. */
  version: string | undefined;
}

export interface ModelTags {
  /** Versions by commit: `<name>@v<version>` tags. */
  versions: { version: string; tag: string; commit: string }[];
  /** Stage assignments and unassignments, in counter order. */
  stageEvents: StageEvent[];
  /** The counter the next stage tag gets. */
  nextCounter: number;
}

/** Reads a model's version and stage tags. */
export async function readModelTags(target: RepositoryTarget, name: string): Promise<ModelTags> {
  const [versionTags, stageTags] = await Promise.all([
    tagsWithCommits(target, `${name}@v`),
    tagsWithCommits(target, `${name}#`),
  ]);
  const versions = versionTags
    .map(({ tag, commit }) => ({ version: tag.slice(name.length + 2), tag, commit }))
    .filter((entry) => /^[0-9]/.test(entry.version));
  const stageEvents: StageEvent[] = [];
  for (const { tag, commit } of stageTags) {
    const parsed = parseStageTag(tag, name);
    if (parsed === undefined) continue;
    stageEvents.push({ ...parsed, commit, version: versions.find((v) => v.commit === commit)?.version });
  }
  stageEvents.sort((a, b) => a.counter - b.counter);
  return {
    versions,
    stageEvents,
    nextCounter: nextStageCounter(
      stageTags.map((t) => t.tag),
      name,
    ),
  };
}

/**
 * Writes an assignment (or an unassignment) of `stage` to a version's commit with the next
 * counter. False when another run took that counter first: the caller decides what that means.
 */
export async function writeStageTag(
  target: RepositoryTarget,
  options: { name: string; stage: string; version: string; commit: string; counter: number; unassign?: boolean },
): Promise<{ tag: string; created: boolean }> {
  const { name, stage, version, counter } = options;
  const tag = options.unassign ? unassignTagName(name, stage, counter) : assignTagName(name, stage, counter);
  const message = options.unassign ? unassignMessage(name, stage, version) : assignMessage(name, stage, version);
  return { tag, created: await createTag(target, tag, options.commit, message) };
}
