export * from './events.ts';
export * from './file-command.ts';
export * from './node24.ts';
export * from './repository-root.ts';
export * from './run-action.ts';
export * from './workflow-commands.ts';
