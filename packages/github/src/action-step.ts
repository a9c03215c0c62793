import { UserError, UserErrors, errorMessage, withoutUrlSecrets } from '@ml-actions/core';
import { readActionContext, type ActionContext } from './action-context.ts';
import { ActionInputs } from './action-inputs.ts';
import type { ArtifactClient } from './artifact-client.ts';
import { createGitHubClient, type GitHubClient } from './github-client.ts';
import { describeGitHubFailure } from './github-failure.ts';
import { actionsRunner, type AnnotationPlace, type Runner } from './runner.ts';
import { StepLog, type Log } from './step-log.ts';

/** A client and the token it holds, for the repository the step runs in. */
export interface GitHubSession {
  client: GitHubClient;
  token: string;
}

/** What runStep needs to know of an action before its body runs. */
export interface ActionDefinition<S> {
  /** The action's name, as failures and annotation titles show it. */
  name: string;
  /** Reads and checks every input once; a bad one is a UserError naming it. */
  settings(inputs: ActionInputs): S;
  /** The token among the settings, for `github()`; an action without one never calls GitHub. */
  token?(settings: S): string | undefined;
}

/** Everything an action's body may touch of the runner. Outputs and the summary survive a failure. */
export interface Step<S = unknown> {
  readonly settings: S;
  /** The step's log: every method makes user text safe to print. */
  readonly log: Log;
  /** The runner's variables and the event payload, read on first use. */
  readonly context: ActionContext;
  /** The step's environment as the runner gives it, for what the runner's context does not name. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Sets an output now, so it survives a later failure. */
  setOutput(name: string, value: string | number | boolean): void;
  /** Appends Markdown to the job summary written when the step ends. */
  addSummary(markdown: string): void;
  /** Marks the step failed with a user-facing message but lets the body finish (summary, outputs). */
  fail(message: string): void;
  readonly failed: boolean;
  /** The GitHub session, created on first use; undefined when the token input is empty. */
  github(): Promise<GitHubSession | undefined>;
  /** As `github()`, but an empty token is a user error saying what it was needed for. */
  requireGitHub(purpose: string): Promise<GitHubSession>;
  /** The artifact client, loaded on first use (it is the heaviest import). */
  artifacts(): Promise<ArtifactClient>;
}

/**
 * The outer guard of every action: reads the settings, runs `body`, writes the job summary
 * whatever happens, and turns anything thrown (an Error, a string, anything) into a failed step
 * with a one-line message. User mistakes (UserError) are shown as they are, with an annotation on
 * the file and line at fault; a failed GitHub API call is named (method, path, status); anything
 * else is reported as a bug, with its stack in the debug log.
 */
export async function runStep<S>(
  definition: ActionDefinition<S>,
  body: (step: Step<S>) => Promise<void> | void,
  runner: Runner = actionsRunner(),
): Promise<void> {
  const log = new StepLog(runner);
  const summary: string[] = [];
  // Each failure is annotated once: by `fail`, by a UserError's own annotation, or at the end.
  let failure: Failure | undefined;
  try {
    const settings = definition.settings(new ActionInputs(runner));
    let context: ActionContext | undefined;
    let session: Promise<GitHubSession> | undefined;
    let artifacts: Promise<ArtifactClient> | undefined;
    const step: Step<S> = {
      settings,
      log,
      get context() {
        context ??= readActionContext(runner.env);
        return context;
      },
      env: runner.env,
      setOutput: (name, value) => runner.setOutput(name, String(value)),
      addSummary: (markdown) => summary.push(markdown),
      fail: (text) => {
        const message = withoutUrlSecrets(text);
        failure ??= { message, annotated: true };
        log.failure(message);
      },
      get failed() {
        return failure !== undefined;
      },
      github: () => {
        const token = definition.token?.(settings);
        if (token === undefined) return Promise.resolve(undefined);
        session ??= createGitHubClient({
          token,
          apiUrl: step.context.apiUrl,
          env: runner.env,
          log: { warn: (message) => log.warning(message), debug: (message) => log.debug(message) },
        }).then((client) => ({ token, client }));
        return session;
      },
      requireGitHub: async (purpose) => {
        const found = await step.github();
        if (found === undefined) throw new UserError(`input "github-token" is empty: ${purpose}`);
        return found;
      },
      artifacts: () => {
        artifacts ??= runner.artifactClient();
        return artifacts;
      },
    };
    await body(step);
  } catch (thrown: unknown) {
    // Messages may quote a URL (GITHUB_API_URL, a signed storage URL): none is shown with its secrets.
    const described = describeFailure(definition.name, thrown, log);
    failure = { ...described, message: withoutUrlSecrets(described.message) };
  }
  if (failure !== undefined) {
    summary.push(failureAlert(failure.message));
  }
  try {
    if (summary.length > 0) await runner.writeSummary(summary.join('\n'));
  } catch (thrown: unknown) {
    // The summary is best effort (GitHub refuses over 1 MiB); the verdict still has to be reported.
    log.warning(withoutUrlSecrets(`${definition.name}: could not write the job summary: ${errorMessage(thrown)}`));
  }
  if (failure !== undefined && !failure.annotated) log.failure(failure.message);
  log.reportUnshown();
  if (failure !== undefined) runner.markFailed();
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

function describeFailure(actionName: string, thrown: unknown, log: StepLog): Failure {
  if (thrown instanceof UserError) {
    // Several mistakes found together (every syntax error of the rules) are annotated each at its place.
    (thrown instanceof UserErrors ? thrown.errors : [thrown]).forEach((error, index) => {
      const place: AnnotationPlace = { title: actionName };
      if (error.file !== undefined) place.file = error.file;
      if (error.line !== undefined) place.line = error.line;
      if (error.column !== undefined) place.column = error.column;
      // Annotations are one line; the full (possibly multi-line) message goes to the log.
      // The first is the step's failure: it keeps its annotation however many came before.
      const line = withoutUrlSecrets(error.message.split('\n')[0] ?? error.message);
      if (index === 0) log.failure(line, place);
      else log.error(line, place);
    });
    if (thrown.message.includes('\n')) log.info(withoutUrlSecrets(thrown.message));
    return { message: thrown.message, annotated: true };
  }
  // An API call that failed (an outage, a permission, a rate limit) is not our bug: say which call, no stack.
  const failedCall = describeGitHubFailure(thrown);
  if (failedCall !== undefined) return { message: `${actionName}: ${failedCall}`, annotated: false };
  if (thrown instanceof Error && thrown.stack !== undefined) log.debug(withoutUrlSecrets(thrown.stack));
  return { message: `${actionName} failed unexpectedly: ${errorMessage(thrown)}`, annotated: false };
}

/** How a failed step's message ends its job summary: a GitHub caution alert, every line quoted. */
export function failureAlert(message: string): string {
  return `\n> [!CAUTION]\n> ${message.split('\n').join('\n> ')}\n`;
}
