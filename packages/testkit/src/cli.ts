/**
 * `npm run testkit`: starts the local GitHub stand-ins, prints the environment that points an action
 * at them (KEY=value lines, ready for `export` or an env file), and stops them on SIGINT or SIGTERM.
 */
import { startLocalGitHub } from './local-github.ts';

const github = await startLocalGitHub();
const head = github.api.state.addCommit(`${github.repository.owner}/${github.repository.repo}`, {
  branch: 'main',
  message: 'Initial commit',
});
const { env } = github.startRun({ headSha: head.sha, headBranch: 'main', event: 'push', job: 'train' });
const lines = {
  ...env,
  GITHUB_REPOSITORY: `${github.repository.owner}/${github.repository.repo}`,
  GITHUB_SHA: head.sha,
  GITHUB_REF: 'refs/heads/main',
  GITHUB_EVENT_NAME: 'push',
  INPUT_GITHUB_TOKEN: github.token,
};
for (const [key, value] of Object.entries(lines)) console.log(`${key}=${value}`);
console.error('ml-actions testkit: services are running; press Ctrl+C to stop them.');

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.error(`ml-actions testkit: ${signal}, stopping`);
  github.close().then(
    () => process.exit(0),
    (thrown: unknown) => {
      console.error(thrown);
      process.exit(1);
    },
  );
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
