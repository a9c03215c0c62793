import * as core from '@actions/core';
import { loadArtifactClient, type ArtifactClient } from './artifact-client.ts';

/** Where an annotation points: a file, and optionally a line and column of it. */
export interface AnnotationPlace {
  title?: string;
  file?: string;
  line?: number;
  column?: number;
}

export type AnnotationLevel = 'error' | 'warning' | 'notice';

/**
 * Everything a step touches of the runner, and the only code that speaks its protocol (workflow
 * commands, file commands, the summary file). Steps get it from runStep; tests pass a recording one
 * to run an action in-process. Nothing here makes text safe: that is StepLog's job, above it.
 */
export interface Runner {
  /** The raw value of an input, as the runner passes it (action.yml's default when not set). */
  input(name: string): string;
  /** Masks a value in every later log line. */
  setSecret(value: string): void;
  setOutput(name: string, value: string): void;
  /** Appends Markdown to the job summary. */
  writeSummary(markdown: string): Promise<void>;
  /** Writes text to the log as it is. */
  print(text: string): void;
  debug(text: string): void;
  annotate(level: AnnotationLevel, message: string, place: AnnotationPlace): void;
  startGroup(title: string): void;
  endGroup(): void;
  /** The artifact service's client of this job. */
  artifactClient(): Promise<ArtifactClient>;
  /** Marks the step failed; it ends once the body and the summary are done. */
  markFailed(): void;
  /** The step's environment: the runner's variables (GITHUB_*, RUNNER_*). */
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** The runner of a real job, through `@actions/core`. */
export function actionsRunner(): Runner {
  return {
    input: (name) => core.getInput(name),
    setSecret: (value) => core.setSecret(value),
    setOutput: (name, value) => core.setOutput(name, value),
    writeSummary: async (markdown) => {
      await core.summary.addRaw(markdown, true).write();
    },
    print: (text) => core.info(text),
    debug: (text) => core.debug(text),
    annotate: (level, message, place) => {
      const properties: core.AnnotationProperties = {};
      if (place.title !== undefined) properties.title = place.title;
      if (place.file !== undefined) properties.file = place.file;
      if (place.line !== undefined) properties.startLine = place.line;
      if (place.column !== undefined) properties.startColumn = place.column;
      if (level === 'error') core.error(message, properties);
      else if (level === 'warning') core.warning(message, properties);
      else core.notice(message, properties);
    },
    startGroup: (title) => core.startGroup(title),
    endGroup: () => core.endGroup(),
    artifactClient: loadArtifactClient,
    markFailed: () => {
      process.exitCode = core.ExitCode.Failure;
    },
    env: process.env,
  };
}
