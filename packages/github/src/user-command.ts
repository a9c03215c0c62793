/**
 * The user's own commands (train's training command, promote's deployment command), run as a
 * workflow `run:` step would run them.
 */

/** How the command ended. */
export interface CommandResult {
  exitCode: number;
  signal: string | undefined;
  /** True when the command ran past its timeout and its process group was stopped. */
  timedOut: boolean;
}

/** How long the command's processes get to exit after SIGTERM before the group is killed. */
export const STOP_GRACE_MS = 10_000;
/** How often the process group is checked for survivors while it is being stopped. */
const GROUP_POLL_MS = 50;
/** How long to wait for the kernel to remove a SIGKILLed group before giving up on it. */
const KILLED_WAIT_MS = 2_000;
/** Node's timers fire at once beyond this (about 24.8 days); no job runs that long, so no timer then. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Variables the runner gives an action but not a `run:` step: the action's inputs and the
 * credentials of the artifact and cache services. The command is the user's code (on a pull
 * request, the pull request's code), so it gets what a `run:` step would, and no more.
 */
const ACTION_ONLY = /^(INPUT_.*|ACTIONS_RUNTIME_TOKEN|ACTIONS_RUNTIME_URL|ACTIONS_RESULTS_URL|ACTIONS_CACHE_URL)$/i;

/** The environment of a user's command: ours, without what only an action should see. */
export function commandEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !ACTION_ONLY.test(name)));
}

/**
 * Runs a user's command as a workflow `run:` step would (bash, fail on the first error and in
 * pipes), streaming its output live to the log. With `timeoutMs`, a command still running then is
 * stopped with everything it started: it leads its own process group, which gets SIGTERM and,
 * after a grace period (STOP_GRACE_MS, or the timeout itself when shorter), SIGKILL, so that a
 * grandchild that ignores SIGTERM or outlives its parent does not keep the job running.
 */
export function runUserCommand(
  command: string,
  cwd: string,
  options: { timeoutMs?: number | undefined; env?: Readonly<Record<string, string>> } = {},
): Promise<CommandResult> {
  // Loaded here, not at start: most train steps given no command never spawn one.
  const { spawn } = process.getBuiltinModule('node:child_process');
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', command], {
      cwd,
      env: { ...commandEnvironment(process.env), ...options.env },
      stdio: 'inherit',
      detached: true,
    });
    let stopping: Promise<void> | undefined;
    const timeoutMs = options.timeoutMs;
    const timer =
      timeoutMs === undefined || timeoutMs > MAX_TIMER_MS
        ? undefined
        : setTimeout(() => {
            stopping = stopProcessGroup(child.pid, Math.min(STOP_GRACE_MS, timeoutMs));
          }, timeoutMs);
    child.on('error', (error) => {
      if (timer !== undefined) clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      if (timer !== undefined) clearTimeout(timer);
      const result = { exitCode: code ?? 128, signal: signal ?? undefined, timedOut: stopping !== undefined };
      // The leader may exit at once on SIGTERM while its children linger: wait for the whole group.
      if (stopping === undefined) resolve(result);
      else stopping.then(() => resolve(result), reject);
    });
  });
}

/** SIGTERM to the group, then SIGKILL to whatever is left of it after `graceMs`. */
async function stopProcessGroup(leader: number | undefined, graceMs: number): Promise<void> {
  if (leader === undefined) return;
  if (!signalGroup(leader, 'SIGTERM')) return;
  if (await groupGoneWithin(leader, graceMs)) return;
  signalGroup(leader, 'SIGKILL');
  await groupGoneWithin(leader, KILLED_WAIT_MS);
}

/** Sends a signal to the process group `leader` leads; false when the group no longer exists. */
function signalGroup(leader: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-leader, signal);
    return true;
  } catch (thrown: unknown) {
    if ((thrown as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw thrown;
  }
}

async function groupGoneWithin(leader: number, waitMs: number): Promise<boolean> {
  const deadline = Date.now() + waitMs;
  while (signalGroup(leader, 0)) {
    if (Date.now() >= deadline) return false;
    await new Promise((wake) => setTimeout(wake, GROUP_POLL_MS));
  }
  return true;
}
