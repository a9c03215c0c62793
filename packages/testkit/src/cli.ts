/**
 * `npm run testkit`: a local GitHub for people and for other runners. Starts the REST API
 * stand-in, the Actions artifact service and Azurite, and the admin API that drives them (commits,
 * pull requests, jobs, steps; see ./admin-api.ts), prints where everything is and the environment
 * of one step of `--action` (default train) in a push job on main, and stops on SIGINT or SIGTERM.
 */
import { writeFile } from 'node:fs/promises';
import { ADMIN_ROUTES, startAdminApi } from './admin-api.ts';
import { pushEvent } from './harness/events.ts';
import { prepareAction } from './harness/run-action.ts';
import { startLocalGitHub } from './local-github.ts';

const HELP = `usage: npm run testkit -- [--port N] [--action NAME] [--workspace DIR] [--env-out FILE]

Starts a local GitHub (the REST API stand-in, the Actions artifact service with Azurite) and an
admin API on 127.0.0.1:N (default: a free port) that drives it as a person uses GitHub:

${ADMIN_ROUTES.map((route) => `  ${route}`).join('\n')}

It prints the addresses, then the environment one step of --action (default train) gets in a push
job on main, inputs named as the runner names them (INPUT_GITHUB-TOKEN, with action.yml's
defaults) and the file commands (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, ...); --env-out writes
those lines to a file as well. Press Ctrl+C to stop. packages/testkit/README.md walks through a
session: train on main, open a pull request, gate and compare, read the comment back.`;

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(HELP);
  process.exit(0);
}
const option = (name: string): string | undefined => {
  const index = args.indexOf(name);
  return index < 0 ? undefined : args[index + 1];
};
const known = new Set(['--port', '--action', '--workspace', '--env-out']);
for (let i = 0; i < args.length; i += 2) {
  if (!known.has(args[i]!) || args[i + 1] === undefined) {
    console.error(`ml-actions testkit: unexpected argument ${JSON.stringify(args[i])}\n\n${HELP}`);
    process.exit(2);
  }
}

const github = await startLocalGitHub();
const repo = `${github.repository.owner}/${github.repository.repo}`;
const head = github.api.state.addCommit(repo, { branch: 'main', message: 'Initial commit' });
const admin = await startAdminApi(github, Number(option('--port') ?? 0));
const action = option('--action') ?? 'train';
const { runId, env: serviceEnv } = github.startRun({
  headSha: head.sha,
  headBranch: 'main',
  event: 'push',
  job: action,
});
const prepared = await prepareAction({
  action,
  workspace: option('--workspace') ?? process.cwd(),
  event: pushEvent(github.repository, { sha: head.sha, before: '0'.repeat(40) }),
  token: github.token,
  runId,
  env: serviceEnv,
  repository: github.repository,
});
// What the runner sets for a step, not this process's own environment.
const lines = Object.entries(prepared.env)
  .filter(([name]) => /^(GITHUB_|RUNNER_|INPUT_|ACTIONS_|CI$)/.test(name))
  .map(([name, value]) => `${name}=${value}`);

console.error(`ml-actions testkit: ${repo} on a local GitHub
  REST API         ${github.api.url}
  artifact service ${github.artifacts.url}
  admin API        ${admin.url}   (GET ${admin.url}/ lists its routes)
  token            ${github.token}
The environment of a step of actions/${action} in push run ${runId} on main follows. INPUT_ names keep their
hyphens (INPUT_GITHUB-TOKEN), which a shell's export cannot set: run the bundle under env(1), as in
  env $(cat step.env) node actions/${action}/dist/index.js      (with --env-out step.env; no value has spaces)
or run steps through the admin API.`);
for (const line of lines) console.log(line);
const envFile = option('--env-out');
if (envFile !== undefined) await writeFile(envFile, `${lines.join('\n')}\n`);
console.error('ml-actions testkit: services are running; press Ctrl+C to stop them.');

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.error(`ml-actions testkit: ${signal}, stopping`);
  Promise.all([prepared.dispose(), admin.close()])
    .then(() => github.close())
    .then(
      () => process.exit(0),
      (thrown: unknown) => {
        console.error(thrown);
        process.exit(1);
      },
    );
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
