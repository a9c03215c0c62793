import { spawn } from 'node:child_process';

/** How the command ended. */
export interface CommandResult {
  exitCode: number;
  signal: string | undefined;
}

/**
 * Runs the training command as a workflow `run:` step would (bash, fail on the first error and in
 * pipes), streaming its output live to the log.
 */
export function runTrainingCommand(command: string, cwd: string): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', command], { cwd, stdio: 'inherit' });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ exitCode: code ?? 128, signal: signal ?? undefined }));
  });
}
