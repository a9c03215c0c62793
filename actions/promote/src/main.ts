import {
  UserError,
  collectMetrics,
  compareSemver,
  currentStageVersion,
  errorMessage,
  escapeCell,
  escapeInline,
  judgeLiveMetrics,
  parseSemver,
} from '@ml-actions/core';
import {
  createModelDeployment,
  readModelTags,
  releasedPackage,
  runStep,
  runUserCommand,
  runningModelDeployments,
  setDeploymentStatus,
  writeStageTag,
  type ModelTags,
  type RepositoryTarget,
  type Runner,
  type Step,
} from '@ml-actions/github';
import { aliasPackagedVersion, createTrackingClient } from '@ml-actions/mlflow';
import { rollOut, type RolloutStep } from './rollout.ts';
import { readPromoteSettings, type PromoteSettings } from './settings.ts';

type Outputs = Record<'version' | 'previous-version' | 'deployment-id' | 'rolled-back', string>;

/** promote: roll a packaged model version out to a stage, step by step, and back when it misbehaves. */
export async function run(runner?: Runner): Promise<void> {
  await runStep(
    { name: 'promote', settings: readPromoteSettings, token: (settings: PromoteSettings) => settings.token },
    async (step) => {
      // Every output is set once, at the end, also when a later phase fails.
      const outputs: Outputs = { version: '', 'previous-version': '', 'deployment-id': '', 'rolled-back': 'false' };
      try {
        await promote(step, outputs);
      } finally {
        for (const [name, value] of Object.entries(outputs)) step.setOutput(name, value);
      }
    },
    runner,
  );
}

interface Located {
  version: string;
  tag: string;
  commit: string;
  uri: string;
  digest: string;
}

async function promote(step: Step<PromoteSettings>, outputs: Outputs): Promise<void> {
  const { settings, context, log } = step;
  const { name, stage } = settings;
  const github = (await step.requireGitHub('it reads the versions and stage tags and records the deployment')).client;
  const target: RepositoryTarget = { github, owner: context.owner, repo: context.repo };
  const tags = await readModelTags(target, name);
  const chosen = chooseVersion(tags, name, settings.version);
  outputs.version = chosen.version;

  // A promotion of this model to this stage by another workflow run is still going: this one waits its turn.
  const running = await runningModelDeployments(target, name, stage);
  const others = running.filter((deployment) => deployment.workflowRun !== context.runId);
  if (others.length > 0) {
    const [first] = others;
    throw new UserError(
      `another promotion of ${name} to ${stage} is in progress: deployment ${first!.id} (${first!.description || first!.state}, by ${first!.creator}); run this one when it has finished, or give both jobs one concurrency group`,
    );
  }
  // What an earlier attempt of this run left running is taken over.
  for (const left of running) {
    await setDeploymentStatus(target, left.id, {
      state: 'error',
      description: `superseded by attempt ${context.runAttempt} of the same workflow run`,
    });
  }

  let previous = currentStageVersion(tags.stageEvents, stage);
  if (previous === chosen.version && running.length > 0) {
    // An earlier attempt of this run assigned the version and stopped: the previous one is from before it.
    const lastOwn = Math.max(
      ...tags.stageEvents
        .filter((e) => e.stage === stage && e.version === chosen.version && !e.unassign)
        .map((e) => e.counter),
    );
    previous = currentStageVersion(
      tags.stageEvents.filter((e) => e.counter < lastOwn),
      stage,
    );
  } else if (previous === chosen.version) {
    outputs['previous-version'] = previous;
    log.info(`${name} v${chosen.version} is in ${stage} already; nothing to do`);
    step.addSummary(
      `### ML promote: ${escapeInline(name)} v${chosen.version} to ${escapeInline(stage)}\n\n` +
        `\`v${chosen.version}\` is in \`${escapeInline(stage)}\` already (GTO tags); nothing was run or recorded.\n`,
    );
    return;
  }
  outputs['previous-version'] = previous ?? '';
  const previousLocated = previous === undefined ? undefined : await locate(target, tags, previous, context);
  const located = await locate(target, tags, chosen.version, context);

  // The assignment is the rollout's claim on the stage: its tag name is unique, so of two
  // promotions that got this far at once, only one creates it.
  const assigned = await writeStageTag(target, {
    name,
    stage,
    version: located.version,
    commit: located.commit,
    counter: tags.nextCounter,
  });
  if (!assigned.created) {
    throw new UserError(
      `another promotion of ${name} wrote ${assigned.tag} first; its rollout is under way: run this one again when it has finished`,
    );
  }
  log.info(`${assigned.tag}: ${stage} assigned to v${located.version}`);

  const logUrl = `${context.serverUrl}/${context.repository}/actions/runs/${context.runId}`;
  const deploymentId = await createModelDeployment(target, {
    ref: located.tag,
    environment: stage,
    description: `${name} v${located.version} (${settings.strategy})`,
    payload: {
      model: name,
      version: located.version,
      digest: located.digest,
      uri: located.uri,
      workflowRun: context.runId,
      ...(previous === undefined ? {} : { previous }),
    },
  });
  outputs['deployment-id'] = String(deploymentId);
  const status = (state: 'in_progress' | 'success' | 'failure' | 'error', description: string, id = deploymentId) =>
    setDeploymentStatus(target, id, {
      state,
      description,
      logUrl,
      ...(settings.environmentUrl === undefined ? {} : { environmentUrl: settings.environmentUrl }),
    });
  await status('in_progress', describeStep(settings, settings.steps[0] ?? 100, 'starting'));

  const deploy = async (which: Located, traffic: number, rollback: boolean) =>
    log.group(`${rollback ? 'Rollback' : 'Deploy'}: ${name} v${which.version} at ${traffic} %`, () =>
      runUserCommand(settings.command, context.workspace, {
        timeoutMs: settings.timeoutMinutes === undefined ? undefined : settings.timeoutMinutes * 60_000,
        env: {
          MODEL_NAME: name,
          MODEL_VERSION: which.version,
          MODEL_URI: which.uri,
          MODEL_DIGEST: which.digest,
          STAGE: stage,
          TRAFFIC_PERCENT: String(traffic),
          PREVIOUS_VERSION: rollback ? located.version : (previous ?? ''),
          ROLLBACK: String(rollback),
        },
      }),
    );

  const result = await rollOut(settings.steps, {
    deploy: (traffic) => deploy(located, traffic, false),
    bake: () => new Promise((wake) => setTimeout(wake, settings.waitSeconds * 1000)),
    judge: async (index) => {
      if (settings.rules.length === 0) return undefined;
      const where = { workspace: context.workspace, cwd: context.workspace };
      const { metrics, sources } = await collectMetrics(settings.metrics, where);
      return judgeLiveMetrics(settings.rules, metrics, {
        experiment: `${name}-${stage}-step-${index}`,
        sources,
        at: new Date(),
        repository: context.repository,
        serverUrl: context.serverUrl,
        sha: located.commit,
      });
    },
    progress: async (done, last) => {
      log.info(`step ${done.index} at ${done.traffic} %: ${done.verdict} (${done.detail})`);
      if (done.verdict === 'failed') await status('failure', `stopped at ${done.traffic} %: ${done.detail}`);
      else if (last) await status('success', `v${located.version} at 100 %`);
      else await status('in_progress', describeStep(settings, done.traffic, 'passed'));
    },
  });

  const notes: string[] = [];
  if (result.stopped === undefined) {
    notes.push(
      `\`v${located.version}\` is in \`${escapeInline(stage)}\` (${assigned.tag}, deployment ${deploymentId}).`,
    );
    await moveAlias(located.version);
  } else {
    let rolledBack: string;
    if (settings.rollback && previousLocated !== undefined) {
      rolledBack = await rollBack();
    } else if (settings.rollback) {
      const taken = await writeStageTag(target, {
        name,
        stage,
        version: located.version,
        commit: located.commit,
        counter: (await readModelTags(target, name)).nextCounter,
        unassign: true,
      });
      rolledBack = `; no earlier version was in ${stage} to roll back to, so ${taken.tag} takes the stage back from v${located.version}`;
    } else {
      rolledBack = `; input rollback is false, so v${located.version} stays where the rollout stopped`;
    }
    notes.push(`Stopped at ${escapeInline(result.stopped)}${escapeInline(rolledBack)}.`);
    step.fail(`the rollout of ${name} v${located.version} to ${stage} stopped at ${result.stopped}${rolledBack}`);
  }
  step.addSummary(renderTimeline(settings, located, previous, result.steps, notes));

  /** Points the MLflow alias named after the stage at `version`, when a tracking server is configured. */
  async function moveAlias(version: string): Promise<void> {
    if (settings.mlflow === undefined) return;
    const { tracking, registeredName } = settings.mlflow;
    try {
      const client = createTrackingClient(tracking, { waitScale: settings.waitScale, log });
      const moved = await aliasPackagedVersion(client, { registeredName, packageName: name, version, alias: stage });
      notes.push(
        moved === undefined
          ? `MLflow: ${escapeInline(registeredName)} has no version that package registered for v${version}; alias \`${escapeInline(stage)}\` not moved.`
          : `MLflow: alias \`${escapeInline(stage)}\` of ${escapeInline(registeredName)} points at version ${moved.version} (v${version}).`,
      );
    } catch (thrown: unknown) {
      const message = errorMessage(thrown);
      notes.push(`MLflow alias not moved: ${escapeInline(message)}`);
      step.fail(`${name} v${version} is in ${stage}, but pointing the MLflow alias ${stage} at it failed: ${message}`);
    }
  }

  /** Brings the previous version back at 100 % and records it everywhere; says what was done. */
  async function rollBack(): Promise<string> {
    const back = previousLocated!;
    const startedAt = new Date();
    let outcome;
    try {
      outcome = await deploy(back, 100, true);
    } catch (thrown: unknown) {
      outcome = { exitCode: -1, timedOut: false, error: errorMessage(thrown) };
    }
    const failed = outcome.exitCode !== 0 || outcome.timedOut;
    result.steps.push({
      index: result.steps.length + 1,
      traffic: 100,
      verdict: failed ? 'failed' : 'passed',
      detail: failed ? `rollback to v${back.version}: the command failed` : `rollback to v${back.version}`,
      startedAt,
      finishedAt: new Date(),
    });
    if (failed)
      return `; the rollback to v${back.version} failed too (exit ${outcome.exitCode}): ${stage} needs a hand`;
    const counter = (await readModelTags(target, name)).nextCounter;
    const taken = await writeStageTag(target, {
      name,
      stage,
      version: located.version,
      commit: located.commit,
      counter,
      unassign: true,
    });
    const given = await writeStageTag(target, {
      name,
      stage,
      version: back.version,
      commit: back.commit,
      counter: counter + 1,
    });
    const restored = await createModelDeployment(target, {
      ref: back.tag,
      environment: stage,
      description: `${name} v${back.version} (rollback from v${located.version})`,
      payload: {
        model: name,
        version: back.version,
        digest: back.digest,
        uri: back.uri,
        workflowRun: context.runId,
        rollbackOf: located.version,
      },
    });
    await status('success', `v${back.version} at 100 %, rolled back from v${located.version}`, restored);
    outputs['rolled-back'] = 'true';
    await moveAlias(back.version);
    return `; rolled back to v${back.version} (${taken.tag}, ${given.tag}, deployment ${restored})`;
  }
}

/** `latest` is the highest release (no pre-release) package registered; a version must be one it registered. */
function chooseVersion(tags: ModelTags, name: string, wanted: string): ModelTags['versions'][number] {
  if (wanted === 'latest') {
    const releases = tags.versions.filter((entry) => (parseSemver(entry.version)?.prerelease.length ?? 1) === 0);
    const highest = releases.sort((a, b) => compareSemver(parseSemver(b.version)!, parseSemver(a.version)!))[0];
    if (highest === undefined) {
      throw new UserError(
        `${name} has no registered version (no tag ${name}@v<version>): package it with tag: true first`,
      );
    }
    return highest;
  }
  const found = tags.versions.find((entry) => entry.version === wanted);
  if (found === undefined) {
    const known = tags.versions.map((entry) => `v${entry.version}`).slice(-5);
    throw new UserError(
      `input "version": ${name} v${wanted} was never registered (no tag ${name}@v${wanted})${known.length > 0 ? `; registered: ${known.join(', ')}` : ''}`,
    );
  }
  return found;
}

async function locate(
  target: RepositoryTarget,
  tags: ModelTags,
  version: string,
  context: { serverUrl: string; repository: string },
): Promise<Located> {
  const entry = tags.versions.find((candidate) => candidate.version === version);
  if (entry === undefined) throw new Error(`no tag for version ${version}`);
  const released = await releasedPackage(target, entry.tag);
  return {
    version,
    tag: entry.tag,
    commit: entry.commit,
    // Without a release, the tag's tree is the version's durable address.
    uri: released?.url ?? `${context.serverUrl}/${context.repository}/tree/${encodeURIComponent(entry.tag)}`,
    digest: released?.manifestSha256 === undefined ? '' : `sha256:${released.manifestSha256}`,
  };
}

function describeStep(settings: PromoteSettings, traffic: number, what: string): string {
  return settings.strategy === 'canary' ? `canary ${traffic} %: ${what}` : `direct ${traffic} %: ${what}`;
}

function renderTimeline(
  settings: PromoteSettings,
  located: Located,
  previous: string | undefined,
  steps: readonly RolloutStep[],
  notes: readonly string[],
): string {
  const lines = [
    `### ML promote: ${escapeInline(settings.name)} v${located.version} to ${escapeInline(settings.stage)}`,
    '',
    `${settings.strategy === 'canary' ? `Canary ${settings.steps.join(' → ')} %` : 'Direct'}; previous version in the stage: ${previous === undefined ? 'none' : `\`v${previous}\``}. Package: ${located.uri}${located.digest === '' ? '' : ` (\`${located.digest}\`)`}.`,
    '',
    '| Step | Traffic | Verdict | Time (UTC) | Detail |',
    '| ---: | ---: | --- | --- | --- |',
    ...steps.map(
      (s) =>
        `| ${s.index} | ${s.traffic} % | ${s.verdict === 'passed' ? '✅ passed' : '❌ failed'} | ${s.startedAt.toISOString().slice(11, 19)} to ${s.finishedAt.toISOString().slice(11, 19)} | ${escapeCell(s.detail)} |`,
    ),
    '',
    ...notes.flatMap((note) => [note, '']),
  ];
  return lines.join('\n');
}
