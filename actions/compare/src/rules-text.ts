import { loadRules, readRulesFile } from '@ml-actions/core';

/** The step's own rules (inputs "rules" and "rules-file") as one text, or undefined when it has none. */
export async function rulesText(
  settings: { rules: string | undefined; rulesFile: string | undefined },
  workspace: string,
): Promise<string | undefined> {
  // Parsed once here so that mistakes point at the input or file, line and column.
  await loadRules({ inline: settings.rules, file: settings.rulesFile, workspace });
  const parts: string[] = [];
  if (settings.rules !== undefined) parts.push(settings.rules);
  if (settings.rulesFile !== undefined) parts.push(await readRulesFile(settings.rulesFile, workspace));
  return parts.length === 0 ? undefined : parts.join('\n');
}
