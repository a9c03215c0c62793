/**
 * URLs in text that is shown to people (a failure message, a log line), without what may be a
 * credential: the userinfo (`https://user:token@host`) and the query and fragment (signed storage
 * URLs carry their signature there, and some servers take `?token=`). GitHub masks only the
 * secrets it knows, and a URL typed into `GITHUB_API_URL` or returned by a service is not one.
 */

// A scheme, `://`, then everything up to whitespace or a character that ends a URL in prose.
const URL_IN_TEXT = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>`]+/gi;
const URL_PARTS = /^([a-z][a-z0-9+.-]*:\/\/)(?:[^/?#]*@)?([^?#]*)([?#].*)?$/is;

/** `text` with every URL's userinfo removed and its query and fragment replaced by `?***`. */
export function withoutUrlSecrets(text: string): string {
  return text.replace(URL_IN_TEXT, (url) => {
    const parts = URL_PARTS.exec(url);
    if (parts === null) return url;
    const [, scheme = '', rest = '', query] = parts;
    return `${scheme}${rest}${query === undefined ? '' : '?***'}`;
  });
}
