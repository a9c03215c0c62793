/**
 * Characters that show as nothing, or change how the text around them is shown: format
 * characters (zero-width space and joiners, word joiner, BOM, soft hyphen, directional marks,
 * embeddings, overrides and isolates, invisible operators), the Mongolian variation selectors,
 * the combining grapheme joiner, and the fillers that render blank (Hangul fillers, braille
 * blank). In a name they make two different names look the same, or one name look like another.
 */
// U+034F and U+180B-U+180D stand outside the class: they combine with what precedes them.
const HIDDEN = /[\p{Cf}\u115f\u1160\u2800\u3164\uffa0]|\u034f|\u180b|\u180c|\u180d/gu;

/** The text with each hidden character written out as `<U+200B>`, so a reader sees it is there. */
export function showHiddenCharacters(text: string): string {
  return text.replace(
    HIDDEN,
    (char) => `<U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}>`,
  );
}

/**
 * Groups of two or more distinct names that read the same once hidden characters are taken out
 * and compatibility forms folded (NFKC: a fullwidth `ａ` reads as `a`), in first-seen order.
 */
export function lookAlikeNames(names: Iterable<string>): string[][] {
  const groups = new Map<string, string[]>();
  for (const name of names) {
    const seen = name.replace(HIDDEN, '').normalize('NFKC');
    const group = groups.get(seen);
    if (group === undefined) groups.set(seen, [name]);
    else if (!group.includes(name)) group.push(name);
  }
  return [...groups.values()].filter((group) => group.length > 1);
}
