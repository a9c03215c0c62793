/** An annotation a step printed as a workflow command (`::error file=a.json,line=3::message`). */
export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  message: string;
  file?: string;
  line?: number;
  column?: number;
  title?: string;
}

/** The annotations in a step's stdout, decoded as the runner decodes them. */
export function parseAnnotations(stdout: string): Annotation[] {
  const annotations: Annotation[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const match = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line);
    if (match === null) continue;
    const [, level = 'error', properties = '', message = ''] = match;
    const annotation: Annotation = { level: level as Annotation['level'], message: unescapeData(message) };
    for (const pair of properties.split(',')) {
      const equals = pair.indexOf('=');
      if (equals <= 0) continue;
      const key = pair.slice(0, equals).trim();
      const value = unescapeProperty(pair.slice(equals + 1));
      if (key === 'file') annotation.file = value;
      else if (key === 'line') annotation.line = Number(value);
      else if (key === 'col') annotation.column = Number(value);
      else if (key === 'title') annotation.title = value;
    }
    annotations.push(annotation);
  }
  return annotations;
}

function unescapeData(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

function unescapeProperty(text: string): string {
  return unescapeData(text).replace(/%3A/g, ':').replace(/%2C/g, ',');
}
