import { fileError } from '../files/file-error.ts';

/**
 * Parses one YAML document (YAML 1.2 core schema, so `yes` stays a string and dates stay text;
 * merge keys `<<` allowed, duplicate keys refused, alias expansion capped against "billion
 * laughs"). Any problem is a UserError with its line and column. The parser is loaded on first
 * use, so that a step that reads no YAML does not pay for it at start.
 */
export async function parseYamlText(text: string, displayName: string): Promise<unknown> {
  const { parseAllDocuments } = await import('yaml');
  const documents = parseAllDocuments(text, { merge: true, uniqueKeys: true, logLevel: 'silent' });
  if (!Array.isArray(documents)) return null; // only comments and directives
  if (documents.length > 1) {
    const line = documents[1]?.range ? lineAt(text, documents[1].range[0]) : undefined;
    throw fileError(
      displayName,
      'contains more than one YAML document (a second "---"); metrics and params files hold one',
      line,
    );
  }
  const document = documents[0];
  if (document === undefined) return null;
  const error = document.errors[0];
  if (error !== undefined) {
    const position = error.linePos?.[0];
    // The library's message ends with " at line L, column C:" and a code frame; keep the first part.
    const message =
      error.code === 'RESOURCE_EXHAUSTION'
        ? 'nested too deeply'
        : (error.message.split('\n')[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, '');
    throw fileError(displayName, `invalid YAML: ${message}`, position?.line, position?.col);
  }
  try {
    return document.toJS({ maxAliasCount: 100 });
  } catch (thrown) {
    const message =
      thrown instanceof RangeError ? 'nested too deeply' : thrown instanceof Error ? thrown.message : String(thrown);
    throw fileError(displayName, `invalid YAML: ${message.replace(/\s+/g, ' ')}`);
  }
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
