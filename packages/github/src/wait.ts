/**
 * Resolves after `ms` milliseconds. The global timer, not `node:timers/promises`: loading that
 * module is a measurable part of every step's start, and most steps never wait.
 */
export function wait(ms: number): Promise<void> {
  return new Promise((resolve) => {
    setTimeout(resolve, ms);
  });
}
