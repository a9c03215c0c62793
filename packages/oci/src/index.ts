export * from './registry-client.ts';
export * from './artifact-push.ts';
