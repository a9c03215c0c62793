/**
 * Reads a runner file command (GITHUB_OUTPUT, GITHUB_ENV, GITHUB_STATE): `name=value` lines and
 * `name<<DELIMITER` ... `DELIMITER` blocks for multi-line values. Later values win, as on the runner.
 */
export function parseFileCommand(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    if (line === '') continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc !== null) {
      const [, name = '', delimiter = ''] = heredoc;
      const body: string[] = [];
      index++;
      while (index < lines.length && lines[index] !== delimiter) body.push(lines[index++] ?? '');
      if (index >= lines.length) throw new Error(`file command: "${name}" has no closing delimiter`);
      values[name] = body.join('\n');
      continue;
    }
    const equals = line.indexOf('=');
    if (equals <= 0) throw new Error(`file command: malformed line "${line}"`);
    values[line.slice(0, equals)] = line.slice(equals + 1);
  }
  return values;
}
