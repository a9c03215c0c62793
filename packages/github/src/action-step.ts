import * as core from '@actions/core';
import { UserError, UserErrors, errorMessage, withoutUrlSecrets } from '@ml-actions/core';
import { describeGitHubFailure } from './github-failure.ts';
import { annotate, reportUnshownAnnotations, resetAnnotations } from './step-annotations.ts';
import { logUntrusted, printable } from './untrusted-log.ts';

/** What an action's body gets: somewhere to put outputs and the job summary, flushed even on failure. */
export interface Step {
  /** Sets an output now, so it survives a later failure. */
  setOutput(name: string, value: string | number | boolean): void;
  /** Appends Markdown to the job summary written when the step ends. */
  addSummary(markdown: string): void;
  /** Marks the step failed with a user-facing message but lets the body finish (summary, outputs). */
  fail(message: string): void;
  readonly failed: boolean;
}

/**
 * The outer guard of every action: runs `body`, writes the job summary whatever happens, and turns
 * anything thrown (an Error, a string, anything) into a failed step with a one-line message.
 * User mistakes (UserError) are shown as they are, with an annotation on the file and line at fault;
 * a failed GitHub API call is named (method, path, status); anything else is reported as a bug,
 * with its stack in the debug log.
 */
export async function runStep(actionName: string, body: (step: Step) => Promise<void> | void): Promise<void> {
  resetAnnotations();
  const summary: string[] = [];
  // Each failure is annotated once: by `fail`, by a UserError's own annotation, or at the end.
  let failure: Failure | undefined;
  const step: Step = {
    setOutput: (name, value) => core.setOutput(name, String(value)),
    addSummary: (markdown) => summary.push(markdown),
    fail: (text) => {
      const message = withoutUrlSecrets(text);
      failure ??= { message, annotated: true };
      annotate('error', printable(message), {}, { failure: true });
    },
    get failed() {
      return failure !== undefined;
    },
  };
  try {
    await body(step);
  } catch (thrown: unknown) {
    // Messages may quote a URL (GITHUB_API_URL, a signed storage URL): none is shown with its secrets.
    const described = describeFailure(actionName, thrown);
    failure = { ...described, message: withoutUrlSecrets(described.message) };
  }
  if (failure !== undefined) {
    summary.push(`\n> [!CAUTION]\n> ${failure.message.split('\n').join('\n> ')}\n`);
  }
  try {
    if (summary.length > 0) await core.summary.addRaw(summary.join('\n'), true).write();
  } catch (thrown: unknown) {
    // The summary is best effort (GitHub refuses over 1 MiB); the verdict still has to be reported.
    annotate('warning', withoutUrlSecrets(`${actionName}: could not write the job summary: ${errorMessage(thrown)}`));
  }
  if (failure !== undefined && !failure.annotated) annotate('error', printable(failure.message), {}, { failure: true });
  reportUnshownAnnotations();
  if (failure !== undefined) {
    process.exitCode = core.ExitCode.Failure;
  }
}

/**
 * Ends the process once stdout has drained. A finished step must not wait for a stalled upload or
 * download that a library left running (it would hang until the job's timeout); the exit code is
 * the one runStep set.
 */
export function exitWhenFlushed(): void {
  process.stdout.write('', () => process.exit());
}

interface Failure {
  message: string;
  /** Already shown as an error annotation. */
  annotated: boolean;
}

function describeFailure(actionName: string, thrown: unknown): Failure {
  if (thrown instanceof UserError) {
    // Several mistakes found together (every syntax error of the rules) are annotated each at its place.
    (thrown instanceof UserErrors ? thrown.errors : [thrown]).forEach((error, index) => {
      const properties: core.AnnotationProperties = { title: actionName };
      if (error.file !== undefined) properties.file = error.file;
      if (error.line !== undefined) properties.startLine = error.line;
      if (error.column !== undefined) properties.startColumn = error.column;
      // Annotations are one line; the full (possibly multi-line) message goes to the log.
      // The first is the step's failure: it keeps its annotation however many came before.
      annotate('error', printable(withoutUrlSecrets(error.message.split('\n')[0] ?? error.message)), properties, {
        failure: index === 0,
      });
    });
    // The rest may quote the user's file (a rules line): printed so that the runner obeys none of it.
    if (thrown.message.includes('\n')) logUntrusted(withoutUrlSecrets(thrown.message));
    return { message: thrown.message, annotated: true };
  }
  // An API call that failed (an outage, a permission, a rate limit) is not our bug: say which call, no stack.
  const failedCall = describeGitHubFailure(thrown);
  if (failedCall !== undefined) return { message: `${actionName}: ${failedCall}`, annotated: false };
  if (thrown instanceof Error && thrown.stack !== undefined) core.debug(withoutUrlSecrets(thrown.stack));
  return { message: `${actionName} failed unexpectedly: ${errorMessage(thrown)}`, annotated: false };
}
