/**
 * Stage assignments in GTO's convention: an annotated tag `<name>#<stage>#<N>` on the commit of
 * the version assigned, and `<name>#<stage>!#<N>` to take the stage back from it. N is one more
 * than the highest counter among all of the artifact's tags, so the counters order the events.
 */
import { UserError } from '../errors.ts';

/** GTO's stage names (its `name` pattern). */
const STAGE_NAME = /^[a-zA-Z0-9]([a-zA-Z0-9\-/_]*[a-zA-Z0-9])?$/;

/** Checks a stage name as GTO would, naming the input at fault. */
export function validateStageName(stage: string, input = 'stage'): string {
  if (!STAGE_NAME.test(stage)) {
    throw new UserError(
      `input "${input}": ${JSON.stringify(stage)} is not a stage name GTO accepts: letters, digits, "-", "_" and "/", starting and ending with a letter or digit`,
    );
  }
  return stage;
}

export interface StageTag {
  tag: string;
  stage: string;
  counter: number;
  /** True for an unassignment (`#<stage>!#N`). */
  unassign: boolean;
}

/** Reads one of `name`'s stage tags, or undefined for any other tag. */
export function parseStageTag(tag: string, name: string): StageTag | undefined {
  if (!tag.startsWith(`${name}#`)) return undefined;
  const match = /^(.+?)(!?)#([0-9]+)$/.exec(tag.slice(name.length + 1));
  if (match === null || !STAGE_NAME.test(match[1] ?? '')) return undefined;
  return { tag, stage: match[1] ?? '', unassign: match[2] === '!', counter: Number(match[3]) };
}

/** The counter the next of `name`'s tags gets: one more than the highest among `tags`. */
export function nextStageCounter(tags: readonly string[], name: string): number {
  let highest = 0;
  for (const tag of tags) {
    const parsed = parseStageTag(tag, name);
    if (parsed !== undefined && parsed.counter > highest) highest = parsed.counter;
  }
  return highest + 1;
}

export function assignTagName(name: string, stage: string, counter: number): string {
  return `${name}#${stage}#${counter}`;
}

export function unassignTagName(name: string, stage: string, counter: number): string {
  return `${name}#${stage}!#${counter}`;
}

/** GTO's messages for the two events. */
export function assignMessage(name: string, stage: string, version: string): string {
  return `Assigning stage ${stage} to artifact ${name} version v${version}`;
}

export function unassignMessage(name: string, stage: string, version: string): string {
  return `Unassigning stage '${stage}' to artifact '${name}' version 'v${version}'`;
}

/**
 * The version in `stage` now: of the stage's events in counter order, the last assignment whose
 * version no later event unassigned. `versionOf` maps an event's tag to the version it names.
 */
export function currentStageVersion(
  events: readonly (StageTag & { version: string | undefined })[],
  stage: string,
): string | undefined {
  const active = new Map<string, number>();
  for (const event of [...events].filter((e) => e.stage === stage).sort((a, b) => a.counter - b.counter)) {
    if (event.version === undefined) continue;
    if (event.unassign) active.delete(event.version);
    else active.set(event.version, event.counter);
  }
  let latest: [string, number] | undefined;
  for (const entry of active) if (latest === undefined || entry[1] > latest[1]) latest = entry;
  return latest?.[0];
}
