import {
  choiceInput,
  integerInput,
  listInput,
  optionalInput,
  requiredInput,
  secretInput,
  booleanInput,
} from '@ml-actions/github';
import { UserError, validateModelName } from '@ml-actions/core';

export const BUMPS = ['patch', 'minor', 'major'] as const;

/** package's inputs, validated once. */
export interface PackageSettings {
  name: string;
  paths: string[];
  version: string;
  bump: (typeof BUMPS)[number];
  /** Run record paths or globs; empty for the records train wrote in this job. */
  run: string[];
  tag: boolean;
  release: boolean;
  includeHiddenFiles: boolean;
  retentionDays: number | undefined;
  compressionLevel: number | undefined;
  token: string | undefined;
}

/** Reads and checks every input; a bad one is a UserError naming it. */
export function readPackageSettings(): PackageSettings {
  const paths = listInput('path');
  if (paths.length === 0) throw new UserError('input "path" is required: the model files, folders or globs to package');
  const settings: PackageSettings = {
    name: validateModelName(requiredInput('name')),
    paths,
    version: optionalInput('version') ?? 'auto',
    bump: choiceInput('bump', BUMPS, 'patch'),
    run: listInput('run'),
    tag: booleanInput('tag', false),
    release: booleanInput('release', false),
    includeHiddenFiles: booleanInput('include-hidden-files', false),
    retentionDays:
      optionalInput('retention-days') === undefined
        ? undefined
        : integerInput('retention-days', 0, { min: 1, max: 90 }),
    compressionLevel:
      optionalInput('compression-level') === undefined
        ? undefined
        : integerInput('compression-level', 0, { min: 0, max: 9 }),
    token: secretInput('github-token'),
  };
  if (settings.release && !settings.tag)
    throw new UserError('input "release" needs input "tag": a release is made for the tag');
  return settings;
}
