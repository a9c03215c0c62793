import * as core from '@actions/core';
import { logUntrusted } from './untrusted-log.ts';

/** GitHub shows at most this many error annotations of one step, and as many warnings. */
export const ANNOTATIONS_PER_LEVEL = 10;

export type AnnotationLevel = 'error' | 'warning';

// One step is one process; runStep resets these when it starts.
const annotated: Record<AnnotationLevel, number> = { error: 0, warning: 0 };
const unshown: Record<AnnotationLevel, number> = { error: 0, warning: 0 };

/**
 * Reports a problem as an error or warning annotation while GitHub still shows this step's
 * annotations of that level; past ANNOTATIONS_PER_LEVEL it becomes a plain log line, and
 * `reportUnshownAnnotations` counts those at the end. The last error annotation is kept for the
 * step's own failure (`failure: true`), so the reason the step failed is always shown.
 */
export function annotate(
  level: AnnotationLevel,
  message: string,
  properties: core.AnnotationProperties = {},
  options: { failure?: boolean } = {},
): void {
  const room = level === 'error' && options.failure !== true ? ANNOTATIONS_PER_LEVEL - 1 : ANNOTATIONS_PER_LEVEL;
  if (annotated[level] < room) {
    annotated[level] += 1;
    if (level === 'error') core.error(message, properties);
    else core.warning(message, properties);
    return;
  }
  unshown[level] += 1;
  const place =
    properties.file === undefined
      ? ''
      : `${properties.file}${properties.startLine === undefined ? '' : `:${properties.startLine}`}: `;
  // Plain text that may quote user data: printed so that the runner obeys none of it.
  logUntrusted(`${level}: ${place}${message}`);
}

/** Logs how many problems were printed as plain lines rather than annotated, if any. */
export function reportUnshownAnnotations(): void {
  const parts = (['error', 'warning'] as const)
    .filter((level) => unshown[level] > 0)
    .map((level) => `${unshown[level]} more ${level}${unshown[level] === 1 ? '' : 's'}`);
  if (parts.length === 0) return;
  core.info(
    `${parts.join(' and ')} in the log above, not annotated: GitHub shows ${ANNOTATIONS_PER_LEVEL} errors and ${ANNOTATIONS_PER_LEVEL} warnings of a step`,
  );
}

/** Starts a step's count afresh. */
export function resetAnnotations(): void {
  for (const level of ['error', 'warning'] as const) {
    annotated[level] = 0;
    unshown[level] = 0;
  }
}
