/**
 * Twirp's error shape: an HTTP status plus a JSON body `{ code, msg }`. The artifact client shows
 * `msg` in its error and retries only 429 and 5xx, so logic errors must use 4xx codes.
 */

const statusByCode = {
  invalid_argument: 400,
  malformed: 400,
  unauthenticated: 401,
  permission_denied: 403,
  not_found: 404,
  bad_route: 404,
  already_exists: 409,
  failed_precondition: 412,
  resource_exhausted: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type TwirpCode = keyof typeof statusByCode;

export class TwirpError extends Error {
  readonly code: TwirpCode;
  readonly status: number;

  constructor(code: TwirpCode, message: string, status: number = statusByCode[code]) {
    super(message);
    this.name = 'TwirpError';
    this.code = code;
    this.status = status;
  }

  /** The error an injected fault answers with, its code matching the status where Twirp has one. */
  static forStatus(status: number, message: string): TwirpError {
    const code = (Object.keys(statusByCode) as TwirpCode[]).find((c) => statusByCode[c] === status) ?? 'internal';
    return new TwirpError(code, message, status);
  }

  toJSON(): { code: string; msg: string } {
    return { code: this.code, msg: this.message };
  }
}
