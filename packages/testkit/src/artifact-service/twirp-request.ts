/**
 * Reading a Twirp JSON request body as protobuf's JSON mapping writes it: snake_case names,
 * 64-bit integers as strings, wrapper types (StringValue, Int64Value) as bare values, timestamps
 * as RFC 3339 strings. Anything else is the caller's mistake: `invalid_argument`.
 */
import { TwirpError } from './twirp-error.ts';

export type JsonObject = Record<string, unknown>;

export function requireString(body: JsonObject, field: string): string {
  const value = body[field];
  if (typeof value !== 'string' || value === '')
    throw new TwirpError('invalid_argument', `${field} is required and must be a non-empty string`);
  return value;
}

export function optionalString(body: JsonObject, field: string): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new TwirpError('invalid_argument', `${field} must be a string`);
  return value;
}

/** An int64 field, sent as a decimal string (or, leniently, a safe JSON integer). */
export function optionalInt64(body: JsonObject, field: string): number | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  const number = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isSafeInteger(number))
    throw new TwirpError('invalid_argument', `${field} must be a 64-bit integer string`);
  return number;
}

export function optionalTimestamp(body: JsonObject, field: string): Date | undefined {
  const value = optionalString(body, field);
  if (value === undefined) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime()))
    throw new TwirpError('invalid_argument', `${field} must be an RFC 3339 timestamp, got ${JSON.stringify(value)}`);
  return date;
}

/** Parses the raw body; it must be a JSON object. */
export function parseBody(raw: string): JsonObject {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    throw new TwirpError('malformed', 'the request body is not valid JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new TwirpError('malformed', 'the request body must be a JSON object');
  return body as JsonObject;
}
