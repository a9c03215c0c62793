import { randomUUID } from 'node:crypto';
import { printable } from './printable.ts';
import type { AnnotationLevel, AnnotationPlace, Runner } from './runner.ts';

/** GitHub shows at most this many annotations of each level for one step. */
export const ANNOTATIONS_PER_LEVEL = 10;

/**
 * The step's log. Every method takes text that may hold user data (a metric name, a file name, a
 * rules line) and makes it safe: controls are made `printable`, and text with a line that looks like
 * a workflow command is fenced with `stop-commands`, so the runner acts on none of it.
 */
export interface Log {
  info(text: string): void;
  debug(text: string): void;
  notice(text: string, place?: AnnotationPlace): void;
  warning(text: string, place?: AnnotationPlace): void;
  error(text: string, place?: AnnotationPlace): void;
  /** Runs `body` with its log lines folded under `title`. */
  group<T>(title: string, body: () => Promise<T>): Promise<T>;
}

/** A line the runner would act on: `::name…` after leading whitespace, or a legacy `##[name]` anywhere. */
const COMMAND_LIKE = /^\s*::|##\[/m;

/**
 * The log of one step over its runner. Annotations past ANNOTATIONS_PER_LEVEL of a level become
 * plain lines, counted at the end by `reportUnshown`; the last error annotation is kept for the
 * step's own failure, so the reason the step failed is always shown.
 */
export class StepLog implements Log {
  private readonly annotated: Record<AnnotationLevel, number> = { error: 0, warning: 0, notice: 0 };
  private readonly unshown: Record<AnnotationLevel, number> = { error: 0, warning: 0, notice: 0 };

  private readonly runner: Runner;

  constructor(runner: Runner) {
    this.runner = runner;
  }

  info(text: string): void {
    const shown = printable(text);
    if (!COMMAND_LIKE.test(shown)) {
      this.runner.print(shown);
      return;
    }
    const token = `ml-actions-${randomUUID()}`;
    this.runner.print(`::stop-commands::${token}`);
    this.runner.print(shown);
    this.runner.print(`::${token}::`);
  }

  debug(text: string): void {
    this.runner.debug(printable(text));
  }

  notice(text: string, place: AnnotationPlace = {}): void {
    this.annotate('notice', text, place, false);
  }

  warning(text: string, place: AnnotationPlace = {}): void {
    this.annotate('warning', text, place, false);
  }

  error(text: string, place: AnnotationPlace = {}): void {
    this.annotate('error', text, place, false);
  }

  /** The error the step fails with: it always gets an annotation of its own. */
  failure(text: string, place: AnnotationPlace = {}): void {
    this.annotate('error', text, place, true);
  }

  async group<T>(title: string, body: () => Promise<T>): Promise<T> {
    this.runner.startGroup(printable(title).replace(/\n/g, ' '));
    try {
      return await body();
    } finally {
      this.runner.endGroup();
    }
  }

  /** Logs how many problems were printed as plain lines rather than annotated, if any. */
  reportUnshown(): void {
    const parts = (['error', 'warning', 'notice'] as const)
      .filter((level) => this.unshown[level] > 0)
      .map((level) => `${this.unshown[level]} more ${level}${this.unshown[level] === 1 ? '' : 's'}`);
    if (parts.length === 0) return;
    this.runner.print(
      `${parts.join(' and ')} in the log above, not annotated: GitHub shows ${ANNOTATIONS_PER_LEVEL} errors and ${ANNOTATIONS_PER_LEVEL} warnings of a step`,
    );
  }

  private annotate(level: AnnotationLevel, text: string, place: AnnotationPlace, failure: boolean): void {
    const room = level === 'error' && !failure ? ANNOTATIONS_PER_LEVEL - 1 : ANNOTATIONS_PER_LEVEL;
    if (this.annotated[level] < room) {
      this.annotated[level] += 1;
      const shownPlace = place.title === undefined ? place : { ...place, title: printable(place.title) };
      this.runner.annotate(level, printable(text), shownPlace);
      return;
    }
    this.unshown[level] += 1;
    const where = place.file === undefined ? '' : `${place.file}${place.line === undefined ? '' : `:${place.line}`}: `;
    this.info(`${level}: ${where}${text}`);
  }
}
