import { compareSemver, errorMessage, parseSemver, type ModelPackageLink } from '@ml-actions/core';
import { modelTagsOnCommit, releasedPackage, type ActionContext, type Step } from '@ml-actions/github';
import type { CompareSettings } from './settings.ts';

/**
 * The model version package registered for the baseline commit (input `model`): its release, else
 * its tag's tree, as GitHub answers for this repository (never what a record says). Undefined
 * without the input, a baseline or a token, when the commit has no version, or when the lookup
 * fails (a debug line says why): the link is a courtesy, not a verdict.
 */
export async function baselineModelLink(
  step: Step<CompareSettings>,
  context: ActionContext,
  baselineSha: string | undefined,
): Promise<ModelPackageLink | undefined> {
  const name = step.settings.model;
  if (name === undefined || baselineSha === undefined || baselineSha === '') return undefined;
  const github = (await step.github())?.client;
  if (github === undefined) return undefined;
  const target = { github, owner: context.owner, repo: context.repo };
  try {
    const versions = (await modelTagsOnCommit(target, name, baselineSha))
      .map((tag) => ({ tag, version: parseSemver(tag.slice(name.length + 2)) }))
      .filter((entry) => entry.version !== undefined)
      .sort((a, b) => compareSemver(b.version!, a.version!));
    const newest = versions[0];
    if (newest === undefined) return undefined;
    const released = await releasedPackage(target, newest.tag);
    return {
      name,
      version: newest.tag.slice(name.length + 1),
      url: released?.url ?? `${context.serverUrl}/${context.repository}/tree/${encodeURIComponent(newest.tag)}`,
    };
  } catch (thrown: unknown) {
    step.log.debug(`the baseline's model version was not looked up: ${errorMessage(thrown)}`);
    return undefined;
  }
}
