import { showHiddenCharacters } from '@ml-actions/core';

// C0 controls but tab and line breaks, DEL, and C1 controls (U+009B alone starts an ANSI sequence).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/**
 * Text with its control characters made visible (ESC becomes `␛`, as the Unicode control pictures
 * show them; C1 controls `�`), so that user data in a log line or an annotation cannot colour,
 * hide, rewrite or hyperlink what the log viewer shows. Hidden characters (zero-width, bidi
 * controls) are written out as `<U+200B>`.
 */
export function printable(text: string): string {
  return showHiddenCharacters(text).replace(CONTROL, (char) => {
    const code = char.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    return code === 0x7f ? '\u2421' : '\ufffd';
  });
}
