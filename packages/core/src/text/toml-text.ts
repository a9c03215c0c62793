import { fileError } from '../files/file-error.ts';

/** Parses a TOML document; a problem is a UserError with its line and column. The parser is loaded on first use. */
export async function parseTomlText(text: string, displayName: string): Promise<Record<string, unknown>> {
  const { parse, TomlError } = await import('smol-toml');
  try {
    return parse(text);
  } catch (thrown) {
    if (thrown instanceof TomlError) {
      // The message carries a multi-line code frame after its first line.
      const message = (thrown.message.split('\n')[0] ?? thrown.message).replace(/^Invalid TOML document: /, '');
      throw fileError(displayName, `invalid TOML: ${message}`, thrown.line, thrown.column);
    }
    if (thrown instanceof RangeError) throw fileError(displayName, 'invalid TOML: nested too deeply');
    throw thrown;
  }
}
