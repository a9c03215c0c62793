/**
 * SHA256SUMS: one `<hex>  <path>` line per file, the format `sha256sum -c` checks.
 * In a model package it lists every file except itself: the model files, manifest.json and README.md.
 */

/** Renders SHA256SUMS lines sorted by path (by code unit, so the order never depends on a locale). */
export function renderSha256Sums(files: readonly { path: string; sha256: string }[]): string {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  let text = '';
  for (const [index, file] of sorted.entries()) {
    if (!/^[0-9a-f]{64}$/.test(file.sha256)) throw new Error(`not a sha256: ${file.sha256} (${file.path})`);
    // sha256sum escapes such names with a leading backslash; selection refuses them instead.
    if (file.path === '' || /[\n\r\\]/.test(file.path)) {
      throw new Error(`path cannot be listed in SHA256SUMS: ${JSON.stringify(file.path)}`);
    }
    if (sorted[index - 1]?.path === file.path) throw new Error(`listed twice in SHA256SUMS: ${file.path}`);
    // Two spaces: text mode, which on Linux reads the same bytes as binary mode (`*`).
    text += `${file.sha256}  ${file.path}\n`;
  }
  return text;
}
