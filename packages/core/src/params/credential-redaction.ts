/**
 * Credentials that users put in params or in the training command. Both end up public on a public
 * repository (the run record artifact, the job summary, the comment, the model card, release
 * notes), and GitHub masks only the secrets it knows. Values under names that look like
 * credentials are stored and shown as `***`.
 */
import { nameGlob } from '../text/name-glob.ts';
import { setOwnEntry } from '../text/safe-record.ts';
import type { ParamValue } from '../record/run-record.ts';

/** What a redacted value becomes. */
export const REDACTED = '***';

// Long, unambiguous words match anywhere in a name; `key`, `token` and `auth` only as words of
// it (split at `_`, `-`, `.`, `/`, spaces and camelCase), so `keyword`, `tokenizer`,
// `max_tokens` and `author` stay visible while `api_key`, `HF_TOKEN`, `authToken` do not.
const ANYWHERE = /secret|passw(?:or)?d|passwd|credential|private_?key/i;
const WORD = /^(?:key|token|auth|pwd|[a-z]*(?:apikey|accesskey|secretkey|privatekey|token)|auth(?!ors?$|ored$)[a-z]*)$/;

/** Names (exact, case-insensitive) or globs (`*`, `?`) to redact besides the credential-like ones. */
export type RedactPatterns = readonly string[];

/** Whether values under `name` are redacted. */
export function isCredentialName(name: string, extra: RedactPatterns = []): boolean {
  if (ANYWHERE.test(name)) return true;
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
  if (words.some((word) => WORD.test(word))) return true;
  return extra.some((pattern) => nameGlob(pattern).test(name));
}

/** The params with every credential-like value replaced by `***`; the names themselves stay. */
export function redactParams(
  params: Readonly<Record<string, ParamValue>>,
  extra: RedactPatterns = [],
): Record<string, ParamValue> {
  const out: Record<string, ParamValue> = {};
  for (const [name, value] of Object.entries(params)) {
    setOwnEntry(out, name, isCredentialName(name, extra) && value !== null ? REDACTED : value);
  }
  return out;
}

// A value: quoted with " or ', or a run of non-blank characters.
const VALUE = String.raw`(?:"(?:[^"\\]|\\.)*"|'[^']*'|[^\s'"]+)`;
/** `--name value`, `--name=value`, `-n value`: the flag's value, when it is not another flag. */
const FLAG = new RegExp(String.raw`(^|\s)(--?)([A-Za-z0-9][\w.-]*)(=|\s+(?!-))(${VALUE})`, 'g');
/** `NAME=value` at the start of a word: an environment assignment or a key=value argument. */
const ASSIGNMENT = new RegExp(String.raw`(^|[\s;&|(])([A-Za-z_][\w.]*)=(${VALUE})`, 'g');

/** The training command with the values of credential-like flags and assignments replaced by `***`. */
export function redactCommand(command: string, extra: RedactPatterns = []): string {
  return command
    .replace(FLAG, (whole, before: string, dashes: string, name: string, separator: string) =>
      isCredentialName(name, extra) ? `${before}${dashes}${name}${separator}${REDACTED}` : whole,
    )
    .replace(ASSIGNMENT, (whole, before: string, name: string) =>
      isCredentialName(name, extra) ? `${before}${name}=${REDACTED}` : whole,
    );
}
