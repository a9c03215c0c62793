/** Model packages: versions, file selection, hashing, manifest, SHA256SUMS, model card, writing. */
export * from './semver.ts';
export * from './model-version.ts';
export * from './select-files.ts';
export * from './mlmodel.ts';
export * from './manifest.ts';
export * from './sha256-sums.ts';
export * from './model-card.ts';
export * from './stage-files.ts';
export * from './write-package.ts';
export * from './provenance-statement.ts';
export * from './tar-archive.ts';
export * from './release-archive.ts';
