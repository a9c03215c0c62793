import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ActionRun, LocalGitHub } from '@ml-actions/testkit';
import { downloadArtifactFiles } from '../../support/record-download.ts';
import { REPO } from './lab.ts';

/** A named piece of text that a secret must not appear in. */
export interface Place {
  where: string;
  text: string;
}

/** The ways a secret could be written: as is, and base64-encoded (as in a Basic auth header). */
export function secretForms(secret: string): string[] {
  return [secret, Buffer.from(secret).toString('base64'), Buffer.from(`x-access-token:${secret}`).toString('base64')];
}

/**
 * Every output of a step: the log (without the `::add-mask::` lines that register the secrets
 * themselves, which the runner consumes), stderr, the job summary, outputs, exported variables,
 * state, and every file an output names.
 */
export async function stepPlaces(label: string, run: ActionRun, secrets: string[]): Promise<Place[]> {
  const maskLines = new Set(secrets.map((secret) => `::add-mask::${secret}`));
  const log = run.stdout
    .split('\n')
    .filter((line) => !maskLines.has(line))
    .join('\n');
  const places: Place[] = [
    { where: `${label}: log`, text: log },
    { where: `${label}: stderr`, text: run.stderr },
    { where: `${label}: summary`, text: run.summary },
    { where: `${label}: outputs`, text: JSON.stringify(run.outputs) },
    { where: `${label}: exported env`, text: JSON.stringify(run.exportedEnv) },
    { where: `${label}: state`, text: JSON.stringify(run.state) },
  ];
  for (const [name, value] of Object.entries(run.outputs)) {
    if (!value.startsWith('/')) continue;
    const text = await readFile(value, 'utf8').catch(() => undefined);
    if (text !== undefined) places.push({ where: `${label}: file of output ${name}`, text });
  }
  return places;
}

/** Every file under a folder (a job's RUNNER_TEMP), as text. */
export async function folderPlaces(label: string, folder: string): Promise<Place[]> {
  const places: Place[] = [];
  const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    places.push({ where: `${label}: ${path.slice(folder.length + 1)}`, text: await readFile(path, 'utf8') });
  }
  return places;
}

/** Every artifact of a workflow run, downloaded with the real client, file by file. */
export async function artifactPlaces(github: LocalGitHub, runId: number): Promise<Place[]> {
  const places: Place[] = [];
  for (const artifact of github.registry.list({ workflowRunId: runId, finalized: true })) {
    const files = await downloadArtifactFiles(github, artifact.id, runId);
    for (const [name, text] of Object.entries(files)) {
      places.push({ where: `artifact ${artifact.name} of run ${runId}: ${name}`, text });
    }
  }
  return places;
}

/** What the repository on GitHub now holds that we wrote: comments and check runs. */
export function githubPlaces(github: LocalGitHub): Place[] {
  const comments = github.api.state.pulls(REPO).flatMap((pull) => github.api.state.comments(REPO, pull.number));
  return [
    { where: 'GitHub: comments', text: JSON.stringify(comments) },
    { where: 'GitHub: check runs', text: JSON.stringify(github.api.state.checkRuns(REPO)) },
    { where: 'GitHub: releases', text: JSON.stringify(github.api.state.releases(REPO)) },
  ];
}

/** The places where any form of any secret appears, as `where: form`. */
export function leaks(places: Place[], secrets: string[]): string[] {
  const found: string[] = [];
  for (const secret of secrets) {
    for (const form of secretForms(secret)) {
      for (const place of places) if (place.text.includes(form)) found.push(`${place.where}: ${form.slice(0, 12)}…`);
    }
  }
  return found;
}
