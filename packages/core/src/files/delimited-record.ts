/**
 * Splits one CSV record with RFC 4180 quoting ("" inside quotes is a quote). Returns undefined
 * when a quote is still open at the end, meaning the record continues on the next line.
 */
export function splitQuoted(text: string, delimiterCode: number): string[] | undefined {
  const fields: string[] = [];
  let field = '';
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inQuotes) {
      if (c === 34) {
        if (text.charCodeAt(i + 1) === 34) {
          field += '"';
          i++;
        } else inQuotes = false;
      } else field += text[i];
    } else if (c === 34) inQuotes = true;
    else if (c === delimiterCode) {
      fields.push(field);
      field = '';
    } else field += text[i];
  }
  if (inQuotes) return undefined;
  fields.push(field);
  return fields;
}
