import { createHash } from 'node:crypto';

const LONE_SURROGATE = /\p{Cs}/u;

/**
 * 12 hex digits of the SHA-256 of `text`: what a shortened or cleaned-up name ends in, so that two
 * names that came out alike stay apart. UTF-8 cannot carry a lone surrogate (it would become U+FFFD,
 * making `\ud800` and `\ud801` one), so text holding one is hashed as its JSON form instead.
 */
export function shortHash(text: string): string {
  const hashed = LONE_SURROGATE.test(text) ? JSON.stringify(text) : text;
  return createHash('sha256').update(hashed).digest('hex').slice(0, 12);
}
