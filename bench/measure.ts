/**
 * Timing and memory helpers shared by the benchmarks. Every figure is a ratio against a
 * reference measured in the same run, because these machines are shared and noisy; small
 * measurements are repeated and their median kept.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

/** One line of the results table. */
export interface FigureRow {
  figure: string;
  value: string;
  reference: string;
  ratio: string;
  target: string;
  /** `met`, `MISSED`, or `info` for a figure without a target of its own. */
  verdict: 'met' | 'MISSED' | 'info';
}

export interface ChildResult {
  wallMs: number;
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Peak resident set size of the child, in KiB (when asked for). */
  maxRssKb: number | undefined;
}

export interface ChildOptions {
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** Measure the child's peak RSS (through GNU time when the machine has it). */
  rss?: boolean;
  timeoutMs?: number;
  /** Text written to the child's standard input (closed after it). */
  input?: string;
}

const GNU_TIME = '/usr/bin/time';
const RSS_MARK = 'bench-max-rss-kb=';
/**
 * Without GNU time, a Node child reports its own peak: this preload prints it on exit. It only
 * works for Node children, which are all the benchmarks measure memory of.
 */
const RSS_PRELOAD = `data:text/javascript,process.on('exit',()=>process.stderr.write('\\n${RSS_MARK}'+process.resourceUsage().maxRSS+'\\n'))`;

/** True when GNU time is installed; otherwise children report their own peak RSS. */
export function hasGnuTime(): boolean {
  return existsSync(GNU_TIME);
}

/**
 * Runs a command to completion and returns its wall time (spawn to exit, as seen by the parent),
 * its output and, with `rss`, its peak RSS.
 */
export async function runChild(command: string, args: string[], options: ChildOptions = {}): Promise<ChildResult> {
  let file = command;
  let argv = args;
  let rssFile: string | undefined;
  let folder: string | undefined;
  const env = { ...(options.env ?? process.env) };
  if (options.rss === true) {
    if (hasGnuTime()) {
      folder = await mkdtemp(join(tmpdir(), 'bench-rss-'));
      rssFile = join(folder, 'rss');
      file = GNU_TIME;
      argv = ['-f', '%M', '-o', rssFile, command, ...args];
    } else {
      env['NODE_OPTIONS'] = `${env['NODE_OPTIONS'] ?? ''} --import=${RSS_PRELOAD}`.trim();
    }
  }
  try {
    const result = await spawnTimed(file, argv, env, options.cwd, options.timeoutMs ?? 600_000, options.input);
    let maxRssKb: number | undefined;
    if (rssFile !== undefined) {
      // GNU time writes "Command exited with non-zero status N" before the figure on failures.
      const lines = (await readFile(rssFile, 'utf8')).trim().split('\n');
      maxRssKb = Number(lines.at(-1));
    } else if (options.rss === true) {
      const match = new RegExp(`${RSS_MARK}(\\d+)`).exec(result.stderr);
      maxRssKb = match === null ? undefined : Number(match[1]);
    }
    return { ...result, maxRssKb };
  } finally {
    if (folder !== undefined) await rm(folder, { recursive: true, force: true });
  }
}

function spawnTimed(
  command: string,
  args: string[],
  env: Record<string, string | undefined>,
  cwd: string | undefined,
  timeoutMs: number,
  input?: string,
): Promise<Omit<ChildResult, 'maxRssKb'>> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { env, cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdin.end(input ?? '');
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      resolve({ wallMs: performance.now() - started, exitCode, signal, stdout, stderr });
    });
  });
}

/** Throws with the child's output when it did not exit as expected. */
export function expectExit(result: ChildResult, code: number, what: string): void {
  if (result.exitCode === code) return;
  throw new Error(
    `${what} exited with ${result.exitCode ?? result.signal} (expected ${code})\n--- stdout\n${result.stdout.slice(-4000)}\n--- stderr\n${result.stderr.slice(-4000)}`,
  );
}

/** The median of some numbers (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Milliseconds an async function takes. */
export async function timeAsync<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await work();
  return { ms: performance.now() - started, result };
}

/** Milliseconds as a short human figure: `12.3 ms`, `4.56 s`. */
export function formatMs(ms: number): string {
  if (ms < 10) return `${ms.toFixed(2)} ms`;
  if (ms < 1000) return `${ms.toFixed(1)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

/** A size in KiB as `512 KiB`, `12.3 MiB` or `1.20 GiB`. */
export function formatKb(kb: number): string {
  if (kb < 1024) return `${Math.round(kb)} KiB`;
  if (kb < 1024 * 1024) return `${(kb / 1024).toFixed(1)} MiB`;
  return `${(kb / 1024 / 1024).toFixed(2)} GiB`;
}

/** Bytes per millisecond as `MiB/s`. */
export function formatThroughput(bytes: number, ms: number): string {
  return `${(bytes / 1024 / 1024 / (ms / 1000)).toFixed(0)} MiB/s`;
}

/** A ratio with two decimals and an `x`. */
export function formatRatio(ratio: number): string {
  return `${ratio.toFixed(2)}x`;
}

/** `met` when the check holds, else `MISSED`. */
export function verdict(met: boolean): 'met' | 'MISSED' {
  return met ? 'met' : 'MISSED';
}
