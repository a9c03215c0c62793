import { spawn } from 'node:child_process';

/** How the command ended. */
export interface CommandResult {
  exitCode: number;
  signal: string | undefined;
}

/**
 * Variables the runner gives an action but not a `run:` step: the action's inputs and the
 * credentials of the artifact and cache services. The training command is the user's code (on a
 * pull request, the pull request's code), so it gets what a `run:` step would, and no more.
 */
const ACTION_ONLY = /^(INPUT_.*|ACTIONS_RUNTIME_TOKEN|ACTIONS_RUNTIME_URL|ACTIONS_RESULTS_URL|ACTIONS_CACHE_URL)$/i;

/** The environment of the training command: ours, without what only an action should see. */
export function commandEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !ACTION_ONLY.test(name)));
}

/**
 * Runs the training command as a workflow `run:` step would (bash, fail on the first error and in
 * pipes), streaming its output live to the log.
 */
export function runTrainingCommand(command: string, cwd: string): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', command], {
      cwd,
      env: commandEnvironment(process.env),
      stdio: 'inherit',
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ exitCode: code ?? 128, signal: signal ?? undefined }));
  });
}
