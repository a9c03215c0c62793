import {
  collectMetrics,
  driftOutput,
  driftValues,
  errorMessage,
  isAlarm,
  judgeLiveMetrics,
  markdownLink,
  measureDrift,
  monitorHeadline,
  renderMonitorReport,
  resolveDataFiles,
  type GateResult,
  type Metric,
  type MonitorView,
} from '@ml-actions/core';
import {
  closeAlarmIssue,
  dispatchWorkflow,
  findAlarmIssues,
  openAlarmIssue,
  runStep,
  tokenIdentity,
  updateAlarmIssue,
  type RepositoryTarget,
  type Runner,
  type Step,
} from '@ml-actions/github';
import { loadReference } from './reference.ts';
import { readMonitorSettings, type MonitorSettings } from './settings.ts';

type Outputs = Record<'drifted' | 'drift' | 'alarm' | 'issue-number', string>;

/** A line the issue body carries once its alarm has started the retraining workflow. */
const DISPATCHED = '<!-- ml-actions:retrain-dispatched -->';

/** monitor: compare production data and live metrics with the deployed version's reference; keep one issue open while something is wrong. */
export async function run(runner?: Runner): Promise<void> {
  await runStep(
    { name: 'monitor', settings: readMonitorSettings, token: (settings: MonitorSettings) => settings.token },
    async (step) => {
      const outputs: Outputs = { drifted: 'false', drift: '[]', alarm: 'false', 'issue-number': '' };
      try {
        await monitor(step, outputs);
      } finally {
        for (const [name, value] of Object.entries(outputs)) step.setOutput(name, value);
      }
    },
    runner,
  );
}

async function monitor(step: Step<MonitorSettings>, outputs: Outputs): Promise<void> {
  const { settings, context, log } = step;
  const where = { workspace: context.workspace, cwd: context.workspace };
  let target: RepositoryTarget | undefined;
  const repository = async (purpose: string): Promise<RepositoryTarget> => {
    target ??= { github: (await step.requireGitHub(purpose)).client, owner: context.owner, repo: context.repo };
    return target;
  };

  const loaded = await loadReference(settings.reference, {
    name: settings.name,
    stage: settings.stage,
    columns: settings.columns,
    where,
    target: () =>
      repository('input "reference" is auto: it reads the stage tags and the release of the deployed version'),
  });
  log.info(
    `reference: ${loaded.reference.profile.rows} rows, ${loaded.reference.profile.columns.length} columns (${loaded.source})`,
  );
  const files = await resolveDataFiles(settings.data, where, 'data');
  const drift = await log.group(
    `Comparing ${files.length} production file${files.length === 1 ? '' : 's'} with the reference`,
    () =>
      measureDrift(loaded.reference, files, {
        alpha: settings.alpha,
        source: loaded.source,
        ...(settings.columns === undefined ? {} : { columns: settings.columns }),
      }),
  );
  outputs.drifted = String(drift.drifted);
  outputs.drift = JSON.stringify(driftOutput(drift));

  let rules: GateResult | undefined;
  if (settings.rules.length > 0) {
    const live =
      settings.metrics.length === 0
        ? { metrics: {} as Record<string, Metric>, sources: [] as string[] }
        : await collectMetrics(settings.metrics, where);
    const metrics: Record<string, Metric> = { ...live.metrics };
    for (const [name, value] of Object.entries(driftValues(drift))) metrics[name] = { value };
    rules = judgeLiveMetrics(settings.rules, metrics, {
      experiment: `${settings.name}-${settings.stage}`,
      sources: live.sources,
      at: new Date(),
      repository: context.repository,
      serverUrl: context.serverUrl,
      sha: context.sha,
    });
  }

  const runUrl = `${context.serverUrl}/${context.repository}/actions/runs/${context.runId}`;
  const view: MonitorView = {
    name: settings.name,
    stage: settings.stage,
    ...(loaded.version === undefined ? {} : { version: loaded.version }),
    ...(loaded.versionUrl === undefined ? {} : { versionUrl: loaded.versionUrl }),
    referenceSource: loaded.source,
    runUrl,
    checkedAt: new Date(),
    files: files.map((file) => file.display),
    drift,
    rules,
  };
  const alarm = isAlarm(view);
  outputs.alarm = String(alarm);
  const report = renderMonitorReport(view);
  // The report goes in first: a failure while keeping the issue must not take it with it.
  step.addSummary(report);
  const notes: string[] = [];

  if (settings.issue && (await step.github()) === undefined) {
    notes.push('_No token: the alarm issue was not looked at._');
  } else if (settings.issue) {
    const github = await repository('it keeps the alarm issue');
    const identity = await tokenIdentity(github.github);
    const marker = `<!-- ml-actions:monitor ${settings.name} ${settings.stage} -->`;
    const [open] = await findAlarmIssues(github, marker, identity, settings.labels);
    if (alarm) {
      let dispatched = open?.body.includes(DISPATCHED) ?? false;
      const extra: string[] = [];
      if (settings.retrainWorkflow !== undefined && !dispatched) {
        try {
          await dispatchWorkflow(github, settings.retrainWorkflow, context.ref || context.branch, {
            model: settings.name,
            stage: settings.stage,
            drift: retrainSummary(view),
          });
          dispatched = true;
          // The input check leaves only letters, digits, `.`, `_` and `-`: safe in a code span as it is.
          extra.push(
            `${DISPATCHED}\n🔁 Retraining started: \`${settings.retrainWorkflow}\` was dispatched by ${markdownLink('this run', runUrl)}.`,
          );
          log.info(`dispatched ${settings.retrainWorkflow} (model ${settings.name}, stage ${settings.stage})`);
        } catch (thrown: unknown) {
          step.fail(
            `could not dispatch the retraining workflow ${settings.retrainWorkflow}: ${errorMessage(thrown)}; the next alarm run tries again`,
          );
        }
      } else if (dispatched) {
        // Keep the line of the run that started it.
        const kept = open!.body.slice(open!.body.indexOf(DISPATCHED)).split('\n').slice(0, 2).join('\n');
        extra.push(kept);
      }
      const body = [marker, report, ...extra].join('\n\n');
      const title = monitorHeadline(view);
      if (open === undefined) {
        const opened = await openAlarmIssue(github, { title, body, labels: settings.labels, marker, identity });
        if (!opened.created) await updateAlarmIssue(github, opened.number, { title, body });
        outputs['issue-number'] = String(opened.number);
        notes.push(
          `Alarm issue: ${markdownLink(`#${opened.number}`, opened.url)} ${opened.created ? 'opened' : 'updated'}.`,
        );
      } else {
        await updateAlarmIssue(github, open.number, { title, body });
        outputs['issue-number'] = String(open.number);
        notes.push(`Alarm issue: ${markdownLink(`#${open.number}`, open.url)} updated.`);
      }
    } else if (open !== undefined) {
      await closeAlarmIssue(
        github,
        open.number,
        `✅ Back to normal: ${markdownLink('this run', runUrl)} found no drifted column in ${drift.rows.toLocaleString('en-US')} rows${rules === undefined ? '' : ' and every rule passed'}. Closing.\n\n${report}`,
      );
      outputs['issue-number'] = String(open.number);
      notes.push(`Alarm issue: ${markdownLink(`#${open.number}`, open.url)} closed.`);
    }
  }
  if (notes.length > 0) step.addSummary(`\n${notes.join('\n\n')}`);
  if (alarm && settings.failOnAlarm) step.fail(`${monitorHeadline(view)} (input fail-on-alarm is true)`);
}

/** The retraining workflow's `drift` input: what drifted and which rules failed, as JSON within GitHub's input size. */
function retrainSummary(view: MonitorView): string {
  const summary = {
    model: view.name,
    stage: view.stage,
    ...(view.version === undefined ? {} : { version: view.version }),
    rows: view.drift.rows,
    driftedShare: view.drift.driftedShare,
    drifted: view.drift.columns
      .filter((column) => column.drifted)
      .slice(0, 50)
      .map((column) => ({
        column: column.column,
        pValue: column.adjustedPValue ?? null,
        ...(column.note === undefined ? {} : { note: column.note }),
      })),
    failedRules: (view.rules?.results ?? []).filter((result) => result.verdict !== 'pass').map((result) => result.rule),
    run: view.runUrl,
  };
  return JSON.stringify(summary).slice(0, 60_000);
}
